"""Shiboken's helpers unpacked by the install (``ui/shiboken_files.py``): a start imports
them as compiled files instead of compiling them, and a folder made for another Shiboken
library is not used."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import shiboken_files

# Run in a fresh interpreter: what the start compiles while PySide6 loads, and where
# Shiboken's parser came from.
_PROBE = r"""
import builtins, sys
compiled = []
real = builtins.compile
def counting(source, filename, *args, **kwargs):
    compiled.append(str(filename))
    return real(source, filename, *args, **kwargs)
builtins.compile = counting
from ui.shiboken_files import check_before_qt
check_before_qt()
import PySide6.QtCore
parser = sys.modules["shibokensupport.signature.parser"]
print(repr((compiled, parser.__file__, getattr(parser, "__cached__", None))))
"""


def _start_probe() -> tuple[list[str], str, str | None]:
    env = {k: v for k, v in os.environ.items() if k != shiboken_files.EMBED}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=120,
        check=True,
    )
    compiled, parser, cached = eval(done.stdout.strip().splitlines()[-1])
    return compiled, parser, cached


def test_the_install_unpacked_and_stamped_the_helpers_for_this_library() -> None:
    package = shiboken_files.package_dir()
    assert package is not None
    folder = package / shiboken_files.FOLDER
    sources = sorted((folder / "shibokensupport").rglob("*.py"))
    assert len(sources) >= 10
    for source in sources:
        pycache = source.parent / "__pycache__"
        assert list(pycache.glob(f"{source.stem}.*.pyc")), source
    assert not shiboken_files.stale(package)


def test_a_start_compiles_none_of_shibokens_helpers() -> None:
    compiled, parser, cached = _start_probe()
    # The bootstrap itself is compiled by the library (7 kB); nothing of shibokensupport.
    assert not [name for name in compiled if "shibokensupport" in name], compiled
    package = shiboken_files.package_dir()
    assert package is not None
    assert Path(parser).is_relative_to(package / shiboken_files.FOLDER)
    assert cached is not None and Path(cached).is_file()


def _fake_package(tmp_path: Path) -> Path:
    package = tmp_path / "shiboken6"
    (package / shiboken_files.FOLDER / "shibokensupport").mkdir(parents=True)
    (package / "Shiboken.abi3.so").write_bytes(b"\x7fELF library")
    (package / "__init__.py").write_text("", encoding="utf-8")
    return package


def _stamp(package: Path) -> None:
    made_for = shiboken_files.fingerprint(package)
    assert made_for is not None
    (package / shiboken_files.FOLDER / shiboken_files.STAMP).write_text(made_for)


def test_a_folder_made_for_another_library_is_stale(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    _stamp(package)
    assert not shiboken_files.stale(package)
    # PySide6 upgraded without the install: the library is a new file.
    library = package / "Shiboken.abi3.so"
    library.write_bytes(b"\x7fELF a newer library")
    assert shiboken_files.stale(package)
    _stamp(package)
    assert not shiboken_files.stale(package)
    # Same size, written later.
    st = library.stat()
    os.utime(library, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert shiboken_files.stale(package)


def test_a_folder_without_the_installs_stamp_is_not_judged(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    assert not shiboken_files.stale(package)


@pytest.mark.parametrize("is_stale", [True, False])
def test_the_start_leaves_a_stale_folder_to_shiboken_to_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, is_stale: bool
) -> None:
    package = _fake_package(tmp_path)
    _stamp(package)
    if is_stale:
        (package / "Shiboken.abi3.so").write_bytes(b"\x7fELF another")
    monkeypatch.delenv(shiboken_files.EMBED, raising=False)
    monkeypatch.setattr(shiboken_files, "package_dir", lambda: package)
    shiboken_files.check_before_qt()
    assert os.environ.get(shiboken_files.EMBED) == ("1" if is_stale else None)


def test_the_start_leaves_a_users_own_switch_and_the_bundle_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _fake_package(tmp_path)
    _stamp(package)
    (package / "Shiboken.abi3.so").write_bytes(b"\x7fELF another")
    monkeypatch.setattr(shiboken_files, "package_dir", lambda: package)
    monkeypatch.setenv(shiboken_files.EMBED, "0")
    shiboken_files.check_before_qt()
    assert os.environ[shiboken_files.EMBED] == "0"
    monkeypatch.delenv(shiboken_files.EMBED)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    shiboken_files.check_before_qt()
    assert shiboken_files.EMBED not in os.environ


def test_the_install_keeps_a_folder_made_for_this_library(tmp_path: Path) -> None:
    package = _fake_package(tmp_path)
    _stamp(package)
    marker = package / shiboken_files.FOLDER / "shibokensupport" / "kept"
    marker.write_text("")
    # No Python is started for a folder already made: a broken one would raise.
    assert shiboken_files.unpack(package, python="/nonexistent/python") == (
        package / shiboken_files.FOLDER
    )
    assert marker.exists()
    # Made for another library: made again (and here the Python to do it is missing).
    (package / "Shiboken.abi3.so").write_bytes(b"\x7fELF another")
    with pytest.raises(OSError):
        shiboken_files.unpack(package, python="/nonexistent/python")
    assert not (package / shiboken_files.FOLDER).exists()
