"""``pip install .`` gives a working ``tillitsvalgt`` command: a real wheel is built, installed
into a folder of its own, and run from outside the repository with nothing of the checkout
on the path, so a file missing from the wheel cannot be found in the source tree instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, SCENARIOS

# The files a working install needs that are not plain modules found by import.
REQUIRED = [
    "tillitsvalgt/cli/__init__.py",
    "tillitsvalgt/cli/letters.py",
    "tillitsvalgt/migrations/env.py",
    "tillitsvalgt/migrations/script.py.mako",
    "tillitsvalgt/migrations/versions/0001",
    "tillitsvalgt/migrations/versions/0002",
    "tillitsvalgt/migrations/versions/0003",
    "tillitsvalgt/migrations/versions/0004",
    "tillitsvalgt/migrations/versions/0005",
    "tillitsvalgt/letters/render.py",
    "tillitsvalgt/rules/assessment.py",
    "tillitsvalgt/resources/__init__.py",
    "tillitsvalgt/resources/catalogue.toml",
    "tillitsvalgt/resources/demo/scenarios.json",
    "tillitsvalgt/resources/checklist.toml",
    "tillitsvalgt/resources/icons/tillitsvalgt.png",
    "tillitsvalgt/resources/icons/tillitsvalgt.svg",
    "tillitsvalgt/resources/templates/krav_om_drofting.docx",
    "tillitsvalgt/resources/templates/protokoll.docx",
    "tillitsvalgt/resources/templates/krav_om_drofting.nn.docx",
    "ui/__init__.py",
    "ui/dialogs/letter_dialog.py",
    "ui/models/case_table.py",
]
# Source-tree folders that must not be copied into a build (stale build output, caches).
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv*",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".ci-work",
    "out",
)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    site: Path  # the pip --target folder
    outside: Path  # a working directory outside the repository

    def env(self) -> dict[str, str]:
        """Only the target folder and the interpreter's own site-packages (for SQLAlchemy,
        Alembic, ...) on the path; Python starts with -S, so the editable install's .pth
        finder for the checkout is never loaded."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PYTHON", "TILLITSVALGT_", "VIRTUAL_ENV"))
        }
        deps = sysconfig.get_paths()["purelib"]
        platlib = sysconfig.get_paths()["platlib"]
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys([str(self.site), deps, platlib]))
        env["PYTHONNOUSERSITE"] = "1"
        env["TILLITSVALGT_DATA_DIR"] = str(self.outside / "default-data")
        return env

    def python(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-S", *args],
            capture_output=True,
            text=True,
            cwd=self.outside,
            env=self.env(),
            timeout=120,
        )

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The console script pip wrote, run as ``python -S bin/tillitsvalgt ARGS``."""
        return self.python(str(self.site / "bin" / "tillitsvalgt"), *args)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("wheel")
    # Build from a clean copy of the source: an in-tree build would reuse (and leave behind)
    # build/ and *.egg-info in the checkout, whose stale files can end up in the wheel.
    source = root / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    dist = root / "dist"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(source)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("tillitsvalgt-*.whl")
    site = root / "site"
    done = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    outside = root / "elsewhere"
    outside.mkdir()
    assert not outside.is_relative_to(REPO)
    yield Installed(wheel, site, outside)


def test_wheel_contains_migrations_resources_ui_and_the_console_script(
    installed: Installed,
) -> None:
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = wheel.namelist()
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        scripts = wheel.read(entry_points).decode("utf-8")
        (meta,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = wheel.read(meta).decode("utf-8")
        licences = [n for n in names if ".dist-info/licenses/" in n]
    # The window is a GUI entry point: no console window behind it on Windows.
    assert "[gui_scripts]" in scripts
    assert "tillitsvalgt-gui = ui.__main__:main" in scripts.split("[gui_scripts]", 1)[1]
    assert "License-Expression: GPL-3.0-or-later" in metadata
    assert "Classifier: Natural Language :: Norwegian" in metadata
    assert "Author: Tillitsvalgt contributors" in metadata
    assert any(n.endswith("/LICENSE") for n in licences), licences
    for required in REQUIRED:
        assert any(name.startswith(required) for name in names), required
    # Every package of the source tree is in the wheel (pyproject lists them by hand: a new
    # folder such as cli/ or ui/forms/ is easily forgotten there).
    for init in [
        *(REPO / "tillitsvalgt").rglob("__init__.py"),
        *(REPO / "ui").rglob("__init__.py"),
    ]:
        assert str(init.relative_to(REPO).as_posix()) in names, init
    assert "[console_scripts]" in scripts
    assert "tillitsvalgt = tillitsvalgt.cli:main" in scripts
    tops = {name.split("/", 1)[0] for name in names}
    assert not tops & {"tests", "benchmarks", "scripts", "resources", "build"}, tops


def test_installed_package_finds_its_own_resources_and_migrations(installed: Installed) -> None:
    probe = (
        "import json, sys\n"
        "import tillitsvalgt, tillitsvalgt.resources\n"
        "from tillitsvalgt import paths\n"
        "from tillitsvalgt.db import Database\n"
        f"db = Database.open(data_dir={str(installed.outside / 'probe')!r})\n"
        "db.dispose()\n"
        "print(json.dumps({\n"
        "  'package': tillitsvalgt.__file__,\n"
        "  'resources_module': tillitsvalgt.resources.__file__,\n"
        "  'resources': str(paths.resources_dir()),\n"
        "  'migrations': str(paths.migrations_dir()),\n"
        "  'script_location': db.alembic_config().get_main_option('script_location'),\n"
        "  'env_py': (paths.migrations_dir() / 'env.py').is_file(),\n"
        "  'modules': sorted(m.__file__ or '' for n, m in list(sys.modules.items())\n"
        "                    if n.split('.')[0] in ('tillitsvalgt', 'ui')\n"
        "                    and getattr(m, '__file__', None)),\n"
        "  'path': sys.path,\n"
        "  'finders': [repr(f) for f in sys.meta_path],\n"
        "}))\n"
    )
    result = installed.python("-c", probe)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    site = installed.site.resolve()
    for key in ("package", "resources_module", "resources", "migrations", "script_location"):
        assert Path(found[key]).resolve().is_relative_to(site), (key, found[key])
    assert Path(found["resources"]).resolve() == site / "tillitsvalgt" / "resources"
    assert found["env_py"] is True
    assert found["modules"]
    assert all(Path(m).resolve().is_relative_to(site) for m in found["modules"]), found["modules"]
    assert not any("__editable__" in f for f in found["finders"]), found["finders"]
    repo = str(REPO)
    assert not any(p == repo or p.startswith(repo + os.sep + "tillitsvalgt") for p in found["path"])
    assert (installed.outside / "probe" / "tillitsvalgt.db").is_file()


def test_installed_command_imports_lists_and_shows_cases_from_outside_the_repo(
    installed: Installed,
) -> None:
    data = installed.outside / "data"
    version = installed.command("--version")
    assert version.returncode == 0, version.stderr
    assert "tillitsvalgt, version 0.1.0" in version.stdout

    first = installed.command("--data-dir", str(data), "import", str(SCENARIOS))
    assert first.returncode == 0, first.stderr
    assert "10 nye saker" in first.stdout
    listing = installed.command("--data-dir", str(data), "cases", "--json")
    assert listing.returncode == 0, listing.stderr
    assert json.loads(listing.stdout)["total"] == 10
    shown = installed.command("--data-dir", str(data), "show", "2026/3")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Sak 2026/3: ")
    assert (data / "tillitsvalgt.db").is_file()
    assert not (installed.outside / "default-data").exists()
