"""Build Tillitsvalgt as a standalone program for the platform this runs on: no Python needed
on the user's machine. ``scripts/build-bundle`` runs this with the project's venv.

    python scripts/build_bundle.py            # the bundle and the installer/archives
    python scripts/build_bundle.py --fast     # light compression (the test suite uses it)

Needs the app and PyInstaller installed in the running Python (``pip install
--require-hashes -r requirements/dev.txt`` and ``pip install --no-deps -e .`` bring both).
Signs the Windows and macOS builds where the certificates are given (scripts/sign_bundle.py).
Writes to ``dist/`` (``--dist``):

- every platform: ``tillitsvalgt/``, a folder with ``tillitsvalgt`` (the command line) and
  ``tillitsvalgt-gui`` (the window), the licence and third-party notices in ``_internal/licenses``;
- Linux: ``Tillitsvalgt-<v>-linux-<arch>.tar.gz`` (the folder with ``install.sh``, the desktop
  entry and icons) and ``tillitsvalgt_<v>_<arch>.deb`` (into /opt, with menu entry);
- Windows: ``Tillitsvalgt-<v>-windows-<arch>.zip`` (portable) and, where Inno Setup's
  ``iscc`` is installed, ``Tillitsvalgt-<v>-setup.exe`` (per user, no admin rights);
- macOS: ``Tillitsvalgt.app`` and ``Tillitsvalgt-<v>-macos-<arch>.dmg``.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import textwrap
import time
import zipfile
from pathlib import Path

import sign_bundle  # scripts/sign_bundle.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "no.tillitsvalgt.Tillitsvalgt"
# No public address exists yet: .invalid (RFC 2606) says so; set DEB_MAINTAINER when there is.
MAINTAINER = "Tillitsvalgt contributors <maintainers@tillitsvalgt.invalid>"
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)


def version() -> str:
    text = (ROOT / "tillitsvalgt" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    assert found, "no __version__ in tillitsvalgt/__init__.py"
    return found.group(1)


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def step(text: str) -> None:
    print(f"== {text}", flush=True)


# ------------------------------------------------------------------------- notices


def runtime_distributions(extras: tuple[str, ...] = ("word",)) -> list[metadata.Distribution]:
    """The installed distributions the app needs at run time: its requirements, followed
    to the bottom, markers judged for this Python (dev tools are left out)."""
    from packaging.requirements import Requirement

    seen: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in metadata.requires("tillitsvalgt") or []]
    todo = [
        r
        for r in todo
        if r.marker is None or any(r.marker.evaluate({"extra": e}) for e in ("", *extras))
    ]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = req.name.lower().replace("_", "-")
        if key in seen:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue  # an optional part not installed in this build (docx2pdf on Linux)
        seen[key] = dist
        todo += [Requirement(r) for r in dist.requires or []]
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    found = meta.get("License-Expression") or ""
    if not found:
        classifiers = [
            c.split(" :: ")[-1]
            for c in meta.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        short = (meta.get("License") or "").strip()
        found = "; ".join(classifiers) or (short.splitlines()[0] if short else "see below")
    return found


def write_notices(folder: Path) -> Path:
    """THIRD-PARTY-NOTICES.txt: every part inside the bundle, its licence and its licence
    texts, plus the LGPL-3.0 (Qt, Qt for Python, psycopg) and Python's own licence."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PACKAGING / "licenses" / "LGPL-3.0.txt", folder / "LGPL-3.0.txt")
    parts = [
        textwrap.dedent(f"""\
        Tillitsvalgt {version()} – third-party notices
        ==============================================

        Tillitsvalgt is free software under the GNU General Public License, version 3 or
        (at your option) any later version: LICENSE in this folder.

        This bundle contains the Python interpreter and the packages listed below, each
        under its own licence. Qt and Qt for Python (PySide6, shiboken6) are used under
        the GNU Lesser General Public License v3 (LGPL-3.0.txt, which adds to the GPL-3.0
        text). They are separate shared libraries in this bundle (PySide6/ and the
        libQt6*.so / Qt6*.dll files), which you may replace with your own build of the
        same Qt version. The source code of Qt is at https://download.qt.io/ and of Qt for
        Python at https://code.qt.io/cgit/pyside/pyside-setup.git/ ; we will also send you
        the source of the versions we used on request.

        """)
    ]
    python_licence = next(
        (
            p
            for p in (
                Path(sys.base_prefix) / "LICENSE.txt",
                Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
            )
            if p.is_file()
        ),
        None,
    )
    parts.append(f"Python {platform.python_version()} – PSF-2.0\n{'-' * 60}\n")
    if python_licence:
        parts.append(python_licence.read_text(encoding="utf-8", errors="replace") + "\n")
    for dist in runtime_distributions():
        meta = dist.metadata
        name = f"{meta['Name']} {dist.version}"
        home = meta.get("Home-page") or next(
            (u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or []), ""
        )
        parts.append(f"\n{'=' * 72}\n{name} – {licence_of(dist)}\n{home}\n{'=' * 72}\n")
        texts = [f for f in dist.files or [] if LICENCE_FILE.search(str(f))]
        for file in texts:
            try:
                body = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            parts.append(f"--- {file.name}\n{body}\n")
        if not texts:
            parts.append(
                "(The package ships no licence file; its metadata names the licence above.)\n"
            )
    notices = folder / "THIRD-PARTY-NOTICES.txt"
    notices.write_text("".join(parts), encoding="utf-8")
    return notices


def debian_copyrights(bundle: Path, folder: Path) -> list[str]:
    """Linux: the system libraries PyInstaller copied from this machine, with each Debian
    package's copyright file (their licences)."""
    libraries = sorted(p.name for p in (bundle / "_internal").glob("lib*.so*"))
    if not shutil.which("dpkg") or not libraries:
        return []
    done = subprocess.run(["dpkg", "-S", *libraries], capture_output=True, text=True)
    packages: dict[str, set[str]] = {}
    for line in done.stdout.splitlines():
        package, _, path = line.partition(": ")
        packages.setdefault(package.split(":")[0], set()).add(Path(path).name)
    target = folder / "debian"
    target.mkdir(parents=True, exist_ok=True)
    lines = ["System libraries copied from Debian, by package (licence in <package>.copyright):"]
    for package, names in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            shutil.copyfile(copyright_file, target / f"{package}.copyright")
        lines.append(f"{package}: {', '.join(sorted(names))}")
    (target / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sorted(packages)


# ------------------------------------------------------------------------- PyInstaller


def pyinstaller(dist: Path, work: Path, notices: Path) -> Path:
    env = {**os.environ, "TILLITSVALGT_NOTICES_DIR": str(notices)}
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
        str(PACKAGING / "tillitsvalgt.spec"),
    ]
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return dist / "tillitsvalgt"


# ------------------------------------------------------------------------- Linux


def desktop_entry(exec_line: str, icon: str = APP_ID) -> str:
    text = (PACKAGING / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    return text.replace("Exec=tillitsvalgt-gui", f"Exec={exec_line}").replace(
        f"Icon={APP_ID}", f"Icon={icon}"
    )


def add_share(bundle: Path) -> None:
    """The desktop entry, icons and installer script beside the programs, so the unpacked
    folder installs itself into the user's menu."""
    share = bundle / "share"
    if share.exists():
        shutil.rmtree(share)
    shutil.copytree(PACKAGING / "icons" / "hicolor", share / "icons" / "hicolor")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "icons" / "tillitsvalgt.svg", scalable / f"{APP_ID}.svg")
    (share / "applications").mkdir()
    shutil.copyfile(PACKAGING / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir()
    metainfo = f"{APP_ID}.metainfo.xml"
    shutil.copyfile(PACKAGING / metainfo, share / "metainfo" / metainfo)
    shutil.copyfile(PACKAGING / "linux" / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)
    shutil.copyfile(ROOT / "LICENSE", bundle / "LICENSE.txt")


def tar_gz(bundle: Path, target: Path, level: int) -> Path:
    top = f"Tillitsvalgt-{version()}"
    with tarfile.open(target, "w:gz", compresslevel=level) as tar:
        tar.add(bundle, arcname=top)
    return target


def deb(bundle: Path, dist: Path, work: Path, fast: bool) -> Path:
    """A .deb: the bundle in /opt/tillitsvalgt, the commands in /usr/bin, the menu entry and
    icons in /usr/share. Depends only on what PyInstaller leaves to the system (the C
    library, OpenGL/EGL, fontconfig and freetype)."""
    machine = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = work / "deb"
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / "tillitsvalgt"
    shutil.copytree(bundle, opt, symlinks=True)
    for extra in ("install.sh",):
        (opt / extra).unlink(missing_ok=True)
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    for program in ("tillitsvalgt", "tillitsvalgt-gui"):
        (usr / "bin" / program).symlink_to(f"/opt/tillitsvalgt/{program}")
    shutil.copytree(opt / "share", usr / "share")
    shutil.rmtree(opt / "share")
    doc = usr / "share" / "doc" / "tillitsvalgt"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Tillitsvalgt: GPL-3.0-or-later (/usr/share/common-licenses/GPL-3).\n"
        "Parts inside /opt/tillitsvalgt: /opt/tillitsvalgt/_internal/licenses/.\n",
        encoding="utf-8",
    )
    size_kb = sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) // 1024
    # A bundle runs only on a C library at least as new as the one it was built with.
    glibc = (os.confstr("CS_GNU_LIBC_VERSION") or "glibc 2.31").split()[-1]
    control = root / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        textwrap.dedent(f"""\
        Package: tillitsvalgt
        Version: {version()}
        Section: misc
        Priority: optional
        Architecture: {machine}
        Installed-Size: {size_kb}
        Depends: libc6 (>= {glibc}), libgl1, libegl1, libfontconfig1, libfreetype6
        Maintainer: {os.environ.get("DEB_MAINTAINER", MAINTAINER)}
        Description: Saksverktøy for tillitsvalgte
         Kontor- og hjemmekontorendringer: informasjon, drøfting og forhandling før
         beslutningen, brev som krever drøfting, frister og rapport til landsmøtet.
        """),
        encoding="utf-8",
    )
    target = dist / f"tillitsvalgt_{version()}_{machine}.deb"
    compression = ["-Zgzip", "-z1"] if fast else ["-Zxz", "-z6"]
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", *compression, "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(root)
    return target


# ------------------------------------------------------------------------- Windows, macOS


def windows(bundle: Path, dist: Path, level: int) -> list[Path]:
    shutil.copyfile(ROOT / "LICENSE", bundle / "LICENSE.txt")
    # Signed before they are zipped and packed (scripts/sign_bundle.py; skipped, and said so,
    # without the certificate).
    signing = sign_bundle.windows_signing(os.environ)
    if signing is not None:
        sign_bundle.sign_windows(signing, sorted(bundle.glob("*.exe")))
    portable = dist / f"Tillitsvalgt-{version()}-windows-{arch()}.zip"
    with zipfile.ZipFile(portable, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        for file in sorted(bundle.rglob("*")):
            zf.write(file, Path("Tillitsvalgt") / file.relative_to(bundle))
    made = [portable]
    programs = [os.environ.get("PROGRAMFILES(X86)", ""), os.environ.get("PROGRAMFILES", "")]
    found = [Path(p) / "Inno Setup 6" / "ISCC.exe" for p in programs if p]
    iscc = shutil.which("iscc") or next((str(p) for p in found if p.is_file()), None)
    if iscc:
        subprocess.run(
            [
                iscc,
                f"/DAppVersion={version()}",
                f"/DBundleDir={bundle}",
                f"/DOutputDir={dist}",
                # Inno Setup signs the installer and the uninstaller it writes.
                *([signing.inno_signtool(), "/DSign=1"] if signing else []),
                str(PACKAGING / "windows" / "tillitsvalgt.iss"),
            ],
            check=True,
        )
        made.append(dist / f"Tillitsvalgt-{version()}-setup.exe")
        if signing is not None:
            sign_bundle.verify_windows(signing, [made[-1]])
    else:
        print("Inno Setup (iscc) not found: no installer, only the portable zip.")
    return made


def macos(dist: Path, work: Path) -> list[Path]:
    app = dist / "Tillitsvalgt.app"
    # Signed inside out, then the .dmg signed, notarized and stapled (scripts/sign_bundle.py;
    # skipped, and said so, without the secrets).
    signing = sign_bundle.macos_signing(os.environ)
    notary = sign_bundle.notary(os.environ) if signing else None
    if signing is not None:
        sign_bundle.sign_macos_app(signing, app)
    staging = work / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    shutil.copytree(app, staging / app.name, symlinks=True)
    (staging / "Applications").symlink_to("/Applications")
    shutil.copyfile(ROOT / "LICENSE", staging / "LICENSE.txt")
    target = dist / f"Tillitsvalgt-{version()}-macos-{arch()}.dmg"
    target.unlink(missing_ok=True)
    subprocess.run(
        [
            "hdiutil",
            "create",
            "-volname",
            "Tillitsvalgt",
            "-srcfolder",
            str(staging),
            "-ov",
            "-format",
            "UDZO",
            str(target),
        ],
        check=True,
    )
    if signing is not None:
        sign_bundle.sign_and_notarize_dmg(signing, notary, target)
    return [target]


# ------------------------------------------------------------------------- main


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle")
    parser.add_argument("--fast", action="store_true", help="light compression (for tests)")
    parser.add_argument("--bundle-only", action="store_true", help="no archive or installer")
    args = parser.parse_args(argv)
    started = time.monotonic()
    dist, work = args.dist.resolve(), args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    step("third-party notices")
    notices = work / "notices"
    if notices.exists():
        shutil.rmtree(notices)
    write_notices(notices)
    translations = ROOT / "scripts" / "translations.py"
    if translations.is_file():
        step("the window's translations (.ts -> .qm)")
        subprocess.run([sys.executable, str(translations), "build"], check=True, cwd=ROOT)
    step("a new database's schema (Alembic) and the built-in catalogue as JSON (resources/)")
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "install_build.py"), "build"], check=True, cwd=ROOT
    )
    step("PyInstaller (about a minute)")
    bundle = pyinstaller(dist, work, notices)
    made: list[Path] = []
    level = 1 if args.fast else 9
    if sys.platform.startswith("linux"):
        # The two programs are the same 20 MB file: the window is started by its name.
        gui = bundle / "tillitsvalgt-gui"
        gui.unlink()
        gui.symlink_to("tillitsvalgt")
        debian_copyrights(bundle, bundle / "_internal" / "licenses")
        add_share(bundle)
        if not args.bundle_only:
            step("archive and .deb")
            made.append(
                tar_gz(bundle, dist / f"Tillitsvalgt-{version()}-linux-{arch()}.tar.gz", level)
            )
            if shutil.which("dpkg-deb"):
                made.append(deb(bundle, dist, work, args.fast))
    elif sys.platform == "win32" and not args.bundle_only:
        step("portable zip and installer")
        made += windows(bundle, dist, level)
    elif sys.platform == "darwin" and not args.bundle_only:
        step(".dmg")
        made += macos(dist, work)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB)")
    for file in made:
        print(f"{file.name}: {file.stat().st_size / 1e6:.0f} MB")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    sys.exit(main())
