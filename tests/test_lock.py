"""The lock files (requirements/runtime.txt, requirements/dev.txt, written by scripts/lock) are in
step with pyproject.toml, and everything that installs the app installs from them with hashes.

Read without the network: on every platform and Python the project supports, each dependency
pyproject.toml names has exactly one locked version there, inside the range pyproject allows,
with hashes; the two locks agree wherever both pin a package.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
RUNTIME = REPO / "requirements" / "runtime.txt"
DEV = REPO / "requirements" / "dev.txt"

PLATFORMS = {
    "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    "windows": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
    "macos": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
}
PYTHONS = ["3.11", "3.12", "3.13", "3.14"]


def environments() -> list[dict[str, str]]:
    """Marker environments for each supported platform and Python (CPython)."""
    found = []
    for system in PLATFORMS.values():
        for python in PYTHONS:
            env: dict[str, str] = dict(default_environment())
            env.update(system)
            env.update(
                python_version=python,
                python_full_version=f"{python}.0",
                implementation_name="cpython",
                platform_python_implementation="CPython",
            )
            found.append(env)
    return found


@dataclass(frozen=True)
class Pin:
    requirement: Requirement
    hashes: tuple[str, ...]

    @property
    def version(self) -> str:
        (spec,) = self.requirement.specifier
        return spec.version

    def applies(self, env: dict[str, str]) -> bool:
        marker = self.requirement.marker
        return marker is None or marker.evaluate(env)


def read_lock(path: Path) -> list[Pin]:
    """The pins of a pip requirements file as scripts/lock writes it (one per entry, the
    lines joined at their backslashes, comments dropped)."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    pins = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not line:
            continue
        hashes = tuple(re.findall(r"--hash=(\S+)", line))
        spec = re.sub(r"\s*--hash=\S+", "", line).strip()
        assert not spec.startswith("-"), f"{path.name}: an option line in a lock: {line}"
        requirement = Requirement(spec)
        specs = list(requirement.specifier)
        assert len(specs) == 1 and specs[0].operator == "==", f"{path.name}: not pinned: {spec}"
        pins.append(Pin(requirement, hashes))
    return pins


def pyproject() -> dict[str, list[Requirement]]:
    with (REPO / "pyproject.toml").open("rb") as f:
        data = tomllib.load(f)
    project = data["project"]
    optional = project["optional-dependencies"]
    return {
        "dependencies": [Requirement(r) for r in project["dependencies"]],
        "word": [Requirement(r) for r in optional["word"]],
        "dev": [Requirement(r) for r in optional["dev"]],
        "build": [Requirement(r) for r in data["build-system"]["requires"]],
    }


def wanted(requirement: Requirement, env: dict[str, str], extra: str) -> bool:
    marker = requirement.marker
    return marker is None or marker.evaluate({**env, "extra": extra})


def pins_in(pins: list[Pin], env: dict[str, str]) -> dict[str, list[Pin]]:
    by_name: dict[str, list[Pin]] = {}
    for pin in pins:
        if pin.applies(env):
            by_name.setdefault(canonicalize_name(pin.requirement.name), []).append(pin)
    return by_name


def check_covers(lock: Path, groups: list[str]) -> list[str]:
    """Every requirement of the groups, on every platform and Python: one locked version
    inside its range. Returns the problems, worded for someone who has to fix them."""
    declared = pyproject()
    pins = read_lock(lock)
    problems = []
    for env in environments():
        where = f"{env['sys_platform']}/Python {env['python_version']}"
        present = pins_in(pins, env)
        for name, found in present.items():
            if len({pin.version for pin in found}) > 1:
                problems.append(f"{lock.name}: {name} pinned twice on {where}")
        for group in groups:
            extra = "" if group in ("dependencies", "build") else group
            for requirement in declared[group]:
                if not wanted(requirement, env, extra):
                    continue
                name = canonicalize_name(requirement.name)
                if name not in present:
                    problems.append(f"{lock.name}: {requirement} ({group}) not locked on {where}")
                    continue
                version = present[name][0].version
                if not requirement.specifier.contains(version, prereleases=True):
                    problems.append(
                        f"{lock.name}: {name}=={version} is outside {requirement} on {where}"
                    )
                for extra_name in requirement.extras:  # psycopg[binary] needs psycopg-binary
                    if extra_name == "binary" and "psycopg-binary" not in present:
                        problems.append(f"{lock.name}: psycopg[binary] without psycopg-binary")
    return problems


def test_the_runtime_lock_holds_every_dependency_in_range_on_every_platform() -> None:
    assert check_covers(RUNTIME, ["dependencies", "word", "build"]) == []


def test_the_dev_lock_holds_every_dependency_in_range_on_every_platform() -> None:
    assert check_covers(DEV, ["dependencies", "word", "build", "dev"]) == []


def test_the_check_finds_a_dependency_missing_from_the_lock_and_one_out_of_range(
    tmp_path: Path,
) -> None:
    """The check above can fail: a lock without holidays and with an old click is caught."""
    text = RUNTIME.read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^holidays==.*\n(    .*\n)*", "", text)
    broken = re.sub(r"(?m)^click==[^ ]+", "click==7.0", broken)
    assert broken != text
    lock = tmp_path / "runtime.txt"
    lock.write_text(broken, encoding="utf-8")
    problems = check_covers(lock, ["dependencies", "word", "build"])
    assert any("holidays" in p and "not locked" in p for p in problems), problems
    assert any("click==7.0 is outside" in p for p in problems), problems


def test_every_pin_has_hashes_and_the_two_locks_agree() -> None:
    runtime, dev = read_lock(RUNTIME), read_lock(DEV)
    for pin in runtime + dev:
        assert pin.hashes, f"{pin.requirement} has no hash"
        assert all(h.startswith("sha256:") for h in pin.hashes), pin.requirement
    for env in environments():
        dev_pins = pins_in(dev, env)
        for name, found in pins_in(runtime, env).items():
            # The dev lock is the runtime lock plus the dev tools: same versions, nothing left out.
            assert name in dev_pins, f"{name} is in the runtime lock but not the dev lock"
            assert found[0].version == dev_pins[name][0].version, name


def test_pyside6_keeps_the_pin_that_avoids_the_python_3_11_abort() -> None:
    """PySide6 6.12.0 aborts on Python 3.11 (tests/test_gui.py): the lock may hold a newer
    one only where Python is 3.12 or newer."""
    for lock in (RUNTIME, DEV):
        for env in environments():
            if env["python_version"] != "3.11":
                continue
            (pin,) = pins_in(read_lock(lock), env)["pyside6-essentials"]
            assert tuple(int(part) for part in pin.version.split(".")[:2]) < (6, 12), pin


def test_a_constraints_file_if_one_comes_back_does_not_disagree_with_the_locks() -> None:
    """The locks replaced constraints.txt. Should a merge bring it back, its pins must be
    the locked ones, or two versions of one package would be 'the' version."""
    constraints = REPO / "constraints.txt"
    if not constraints.exists():
        return
    locked = {canonicalize_name(p.requirement.name): p.version for p in read_lock(DEV)}
    for line in constraints.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        if name in locked:
            assert requirement.specifier.contains(locked[name], prereleases=True), (
                f"constraints.txt says {requirement}, the lock {name}=={locked[name]}"
            )


INSTALLERS = {
    "scripts/run": "requirements/runtime.txt",
    "scripts/test": "requirements/dev.txt",
    "scripts/build-bundle": "requirements/dev.txt",
    ".github/workflows/bundle.yml": "requirements/dev.txt",
}


@pytest.mark.parametrize("path", sorted(INSTALLERS))
def test_every_install_uses_the_lock_with_hashes_and_the_project_without_dependencies(
    path: str,
) -> None:
    text = (REPO / path).read_text(encoding="utf-8")
    installs = [line.strip() for line in text.splitlines() if "pip install" in line]
    assert installs, f"{path} installs nothing"
    locked = f"pip install -q --require-hashes -r {INSTALLERS[path]}"
    assert any(locked in line or locked.replace("-q ", "") in line for line in installs)
    for line in installs:
        # Only two kinds of install: the lock with hashes, or the project with nothing more.
        assert "--require-hashes -r requirements/" in line or (
            "--no-deps" in line and "--no-build-isolation" in line and line.endswith(" -e .")
        ), f"{path}: an install outside the lock: {line}"
