"""The standalone Linux bundle, built here the way a release is (``scripts/build_bundle.py``,
light compression), then used the way a representative uses it: in an environment made from
nothing (``env -i``, an empty home, no Python on PATH), unpacked from its archive and
installed into the menu, and from the .deb. The steps themselves are
``packaging/smoke_test.py``, which CI also runs on Windows and macOS.

One build for the whole module: 2 min 24 s in all on two quiet cores (build 106 s, smoke
test 27 s), 7.5 min when the machine is loaded.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]
APP_ID = "no.tillitsvalgt.Tillitsvalgt"


@dataclass(frozen=True)
class Built:
    dist: Path
    bundle: Path
    archive: Path
    deb: Path
    seconds: float


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    where = ("--dist", str(root / "dist"), "--work", str(root / "work"))
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_bundle.py"), "--fast", *where],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    print(done.stdout)
    dist = root / "dist"
    (archive,) = dist.glob("Tillitsvalgt-*-linux-*.tar.gz")
    (deb,) = dist.glob("tillitsvalgt_*.deb")
    yield Built(dist, dist / "tillitsvalgt", archive, deb, time.monotonic() - started)
    shutil.rmtree(root, ignore_errors=True)


def no_python_path(folder: Path) -> str:
    """Links to the system's programs, Python's left out."""
    folder.mkdir()
    for source in (Path("/usr/bin"), Path("/bin")):
        for program in source.iterdir():
            link = folder / program.name
            if not program.name.startswith(("python", "pip", "pydoc")) and not link.exists():
                link.symlink_to(program)
    return str(folder)


def test_smoke_in_a_clean_environment(built: Built, tmp_path: Path) -> None:
    times = tmp_path / "times.json"
    # LibreOffice is on this machine (scripts/test installs it): the PDF step must pass.
    options = ("--require-pdf", "--json", str(times))
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "smoke_test.py"), str(built.bundle), *options],
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    steps = json.loads(times.read_text())
    assert steps["gui_window_shown"] < 30, steps


def test_archive_unpacks_and_installs_into_the_menu_of_an_empty_home(
    built: Built, tmp_path: Path
) -> None:
    with tarfile.open(built.archive) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (folder,) = (tmp_path / "unpacked").iterdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": no_python_path(tmp_path / "bin")}
    done = subprocess.run(
        ["/bin/sh", str(folder / "install.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "installert" in done.stdout
    entry = home / ".local/share/applications" / f"{APP_ID}.desktop"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(entry, encoding="utf-8")
    program = desktop["Desktop Entry"]["Exec"].strip('"')
    assert Path(program) == folder / "tillitsvalgt-gui" and os.access(program, os.X_OK)
    assert desktop["Desktop Entry"]["Icon"] == APP_ID
    for size in ("16x16", "48x48", "256x256", "scalable"):
        assert list((home / ".local/share/icons/hicolor" / size / "apps").glob(f"{APP_ID}.*"))
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    version = subprocess.run(
        [str(home / ".local/bin/tillitsvalgt"), "--version"], env=env, capture_output=True
    )
    assert version.returncode == 0 and b"tillitsvalgt, version" in version.stdout
    removed = subprocess.run(
        ["/bin/sh", str(folder / "install.sh"), "--remove"], env=env, capture_output=True
    )
    assert removed.returncode == 0 and not entry.exists()


def test_deb_installs_under_opt_with_menu_entry_icons_and_commands(
    built: Built, tmp_path: Path
) -> None:
    info = subprocess.run(
        ["dpkg-deb", "--field", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "Package: tillitsvalgt" in info
    glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # type: ignore[union-attr]
    assert f"Depends: libc6 (>= {glibc})" in info
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./opt/tillitsvalgt/tillitsvalgt",
        "./opt/tillitsvalgt/tillitsvalgt-gui",
        f"./usr/share/applications/{APP_ID}.desktop",
        f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
        "./usr/bin/tillitsvalgt -> /opt/tillitsvalgt/tillitsvalgt",
        "./usr/share/doc/tillitsvalgt/copyright",
        f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
    ):
        assert path in listing, path
    assert "root/root" in listing.splitlines()[0]
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "--extract", str(built.deb), str(root)], check=True)
    done = subprocess.run(
        [str(root / "opt/tillitsvalgt/tillitsvalgt"), "--version"],
        env={"HOME": str(tmp_path), "PATH": "/nonexistent"},
        capture_output=True,
    )
    assert done.returncode == 0 and b"tillitsvalgt, version" in done.stdout


def test_bundle_ships_the_licence_and_every_parts_notices(built: Built) -> None:
    licences = built.bundle / "_internal" / "licenses"
    assert (
        (licences / "LICENSE")
        .read_text()
        .startswith("                    GNU GENERAL PUBLIC LICENSE")
    )
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licences / "LGPL-3.0.txt").read_text()
    notices = (licences / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for part in ("PySide6", "shiboken6", "SQLAlchemy", "matplotlib", "psycopg", "holidays"):
        assert f"\n{part}" in notices or f"{part} " in notices, part
    assert "LGPL" in notices and "Python 3." in notices
    debian = (licences / "debian" / "README.txt").read_text()
    assert "libicu" in debian or "libxcb" in debian


def test_the_window_program_is_a_link_to_the_command_on_linux(built: Built) -> None:
    gui = built.bundle / "tillitsvalgt-gui"
    assert gui.is_symlink() and os.readlink(gui) == "tillitsvalgt"


def test_bundle_leaves_out_the_developer_tools(built: Built) -> None:
    inside = {p.name for p in (built.bundle / "_internal").iterdir()}
    assert not inside & {"mypy", "hypothesis", "pytest", "_pytest", "setuptools", "pip"}
    # The xcb libraries Qt's window system needs travel with it (no xcb-cursor0 hunt).
    for library in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"):
        assert (built.bundle / "_internal" / library).exists(), library
    # The window's nynorsk and English, compiled from the .ts sources before freezing.
    translations = built.bundle / "_internal" / "tillitsvalgt" / "resources" / "translations"
    assert {p.name for p in translations.glob("*.qm")} >= {
        "tillitsvalgt_nn.qm",
        "tillitsvalgt_en.qm",
    }


def test_bundle_carries_shibokens_helpers_compiled(built: Built) -> None:
    # Unpacked by the install (ui/shiboken_files.py): the frozen start imports them as
    # bytecode instead of compiling them out of the Shiboken library.
    folder = built.bundle / "_internal" / "shiboken6" / "files.dir" / "shibokensupport"
    sources = sorted(folder.rglob("*.py"))
    assert len(sources) >= 10
    for source in sources:
        assert list((source.parent / "__pycache__").glob(f"{source.stem}.*.pyc")), source
