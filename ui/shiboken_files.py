"""Shiboken's own Python helpers unpacked once, at install, instead of compiled at every start.

PySide6 carries ``shibokensupport`` (its signature and feature modules, ≈ 150 kB of Python)
as source text inside the Shiboken library, and compiles it on every start: ≈ 35 ms of a
start here, before the first window can exist. Shiboken has a documented switch for this:
started once with ``SBK_EMBED=0`` it writes the files to ``shiboken6/files.dir``, and from
then on imports them from that folder like any other module, so they can have bytecode.
The install (``scripts/install_build.py``) does that and compiles the folder; the bundle
(``packaging/tillitsvalgt.spec``) carries the folder with its bytecode.

The folder is not pip's: a PySide6 upgraded without the install run again would keep the
old version's helpers. So the install stamps the folder with the Shiboken library it was
made from (size and modification time), and the start (``ui.__main__``, before Qt is
loaded) checks that stamp: a folder made for another library is left to Shiboken to remove
(``SBK_EMBED=1``), and that start uses the embedded copy as before.

No Qt is imported here: the install runs it without a display, and the start before Qt.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import py_compile
import shutil
import subprocess
import sys
from pathlib import Path

FOLDER = "files.dir"  # the name Shiboken looks for beside its __init__.py
STAMP = "tillitsvalgt-made-for"
EMBED = "SBK_EMBED"


def package_dir() -> Path | None:
    """The installed ``shiboken6`` package's folder, found without importing it."""
    spec = importlib.util.find_spec("shiboken6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def library(package: Path) -> Path | None:
    """The Shiboken extension module (``Shiboken.abi3.so``, ``Shiboken.pyd`` …)."""
    found = sorted(p for p in package.glob("Shiboken*") if p.suffix in (".so", ".pyd"))
    return found[0] if found else None


def fingerprint(package: Path) -> str | None:
    """What identifies the installed library: a reinstall writes a new file."""
    binary = library(package)
    if binary is None:
        return None
    st = binary.stat()
    return f"{binary.name} {st.st_size} {st.st_mtime_ns}"


def unpack(package: Path | None = None, *, python: str = sys.executable) -> Path | None:
    """Write ``files.dir`` with Shiboken's own switch, compile it, stamp it; a folder
    already made for this library is kept as it is (the install runs again while other
    programs start Qt from it: the test suite builds the bundle beside its window tests).
    ``None`` when PySide6 is not installed here; an unwritable package folder raises
    ``OSError``."""
    package = package or package_dir()
    if package is None:
        return None
    folder = package / FOLDER
    if (folder / STAMP).is_file() and not stale(package):
        return folder
    if folder.exists():
        # Moved aside in one step, so that no start finds half a folder.
        old = folder.with_name(f"{FOLDER}.old-{os.getpid()}")
        folder.rename(old)
        shutil.rmtree(old, ignore_errors=True)
    env = {**os.environ, EMBED: "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([python, "-c", "import shiboken6"], check=True, env=env)
    if not (folder / "shibokensupport").is_dir():
        raise OSError(f"Shiboken skrev ikke {folder}")
    # Bytecode that is used whatever the files' times become: the bundle copies the folder.
    compileall.compile_dir(
        folder,
        quiet=1,
        invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
    )
    made_for = fingerprint(package)
    if made_for is not None:
        (folder / STAMP).write_text(made_for + "\n", encoding="utf-8")
    return folder


def stale(package: Path) -> bool:
    """Whether ``files.dir`` was made by the install for another Shiboken library than the
    one installed. A folder without the install's stamp (made by hand with ``SBK_EMBED=0``)
    is not ours to judge."""
    try:
        made_for = (package / FOLDER / STAMP).read_text(encoding="utf-8").strip()
    except OSError:
        return False
    return made_for != fingerprint(package)


def check_before_qt() -> None:
    """At the start, before PySide6 is imported: a stale ``files.dir`` is not used. (In the
    bundle the folder is part of the build and the library's time is the copy's.)"""
    if getattr(sys, "frozen", False) or EMBED in os.environ:
        return
    package = package_dir()
    if package is not None and stale(package):
        os.environ[EMBED] = "1"  # Shiboken removes the folder and uses its embedded copy
