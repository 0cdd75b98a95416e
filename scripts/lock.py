"""Write the lock files (every package, its exact version and the sha256 of each of its files)
from pyproject.toml:

    requirements/runtime.txt   the app: dependencies, the ``word`` extra, the build backend
    requirements/dev.txt       the above plus the ``dev`` extra (tests, lint, PyInstaller, uv)

    scripts/lock                     # after a change to the dependencies in pyproject.toml
    scripts/lock --upgrade           # every package to its newest allowed version
    scripts/lock --upgrade-package holidays
    scripts/lock --check             # are the files up to date? (nothing is written)

Both are *universal* (one file for Linux, Windows and macOS, Python 3.11 and newer; markers
pick what each platform gets) and are resolved by uv (``uv pip compile``, from PyPI; the
dev lock brings it). A version already in a lock file is kept unless it no longer fits
pyproject.toml or ``--upgrade`` says otherwise, so a new dependency changes nothing else.
The dev lock is resolved under the runtime lock, so the two never pin a package differently.

They are installed with hashes required, the project itself without dependencies:

    python -m pip install --require-hashes -r requirements/dev.txt
    python -m pip install --no-deps --no-build-isolation -e .

(``scripts/run``, ``scripts/test``, ``scripts/build-bundle`` and the bundle workflow do so.)
The build backend (setuptools, wheel) is in both files so that last step fetches nothing
unchecked: with build isolation pip would download it without hashes.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "requirements"
RUNTIME = LOCKS / "runtime.txt"
DEV = LOCKS / "dev.txt"
# The oldest Python the project supports (requires-python): a universal lock must hold for it
# and, through markers, for every newer one.
PYTHON = "3.11"


def uv() -> list[str]:
    """uv from the running Python's environment (the dev lock brings it), else from PATH."""
    found = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if found is None:
        sys.exit("scripts/lock: uv is missing. Install it from PyPI: python -m pip install uv")
    return [found]


def build_requirements() -> str:
    """The build backend from [build-system] requires, one per line (uv reads it on stdin)."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        requires: list[str] = tomllib.load(f)["build-system"]["requires"]
    return "\n".join(requires) + "\n"


def compile_lock(
    target: Path, out: Path, extras: list[str], constraint: Path | None, upgrade: list[str]
) -> None:
    command = [
        *uv(),
        "pip",
        "compile",
        "pyproject.toml",
        "-",  # the build backend, from stdin
        *[arg for extra in extras for arg in ("--extra", extra)],
        "--universal",
        "--python-version",
        PYTHON,
        "--generate-hashes",
        # Hashes of PyPI's files; a local index or a pip.conf on this machine plays no part.
        "--index-url",
        "https://pypi.org/simple",
        "--no-header",
        "--quiet",
        "--output-file",
        str(out),
        *upgrade,
    ]
    if constraint is not None:
        command += ["--constraint", str(constraint.relative_to(ROOT))]
    if target.exists() and out != target:
        # uv keeps the versions it finds in the output file: start from the current lock.
        shutil.copyfile(target, out)
    subprocess.run(command, cwd=ROOT, input=build_requirements(), text=True, check=True)
    header = (
        f"# The {target.stem} lock (with hashes) for every platform, from pyproject.toml.\n"
        "# Written by scripts/lock; do not edit by hand. Install with\n"
        f"#   python -m pip install --require-hashes -r requirements/{target.name}\n"
    )
    body = out.read_text(encoding="utf-8")
    # uv names the constraint file by the path it was given; stdin is the build backend.
    body = body.replace("-r -", "[build-system] requires")
    out.write_text(header + body, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    parser.add_argument("--upgrade", action="store_true", help="newest allowed versions")
    parser.add_argument("--upgrade-package", action="append", default=[], metavar="NAME")
    args = parser.parse_args()
    upgrade = ["--upgrade"] if args.upgrade else []
    upgrade += [arg for name in args.upgrade_package for arg in ("--upgrade-package", name)]

    LOCKS.mkdir(exist_ok=True)
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        runtime_out = Path(tmp) / RUNTIME.name if args.check else RUNTIME
        dev_out = Path(tmp) / DEV.name if args.check else DEV
        compile_lock(RUNTIME, runtime_out, ["word"], None, upgrade)
        # The dev lock is resolved under the runtime lock just written (or, with --check,
        # the fresh one), so a package both need has one version.
        constraint = runtime_out
        if args.check:
            constraint = LOCKS / ".runtime-check.txt"
            shutil.copyfile(runtime_out, constraint)
        try:
            compile_lock(DEV, dev_out, ["word", "dev"], constraint, upgrade)
        finally:
            if args.check:
                constraint.unlink()
        if args.check:
            for target, fresh in ((RUNTIME, runtime_out), (DEV, dev_out)):
                old = target.read_text(encoding="utf-8") if target.exists() else ""
                new = fresh.read_text(encoding="utf-8").replace(".runtime-check.txt", "runtime.txt")
                if old != new:
                    stale.append(target)
                    sys.stdout.writelines(
                        difflib.unified_diff(
                            old.splitlines(True), new.splitlines(True), str(target), "fresh"
                        )
                    )
    if stale:
        names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
        print(f"out of date: {names}; run scripts/lock")
        return 1
    if not args.check:
        print(f"wrote {RUNTIME.relative_to(ROOT)} and {DEV.relative_to(ROOT)}")
    else:
        print("the lock files are up to date with pyproject.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
