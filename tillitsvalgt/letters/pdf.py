"""PDF through LibreOffice where it is installed, else through Microsoft Word.

Each LibreOffice conversion runs headless with its own throwaway profile: a LibreOffice the
user has open (or a stale lock from one that crashed) otherwise makes the conversion do
nothing without a word. Converting many files costs much less in one call than one call each
(about 0.9 s for one letter, 2.7 s for twenty on these machines), so the API takes a list.

Representatives on an employer's Windows or Mac laptop usually have Word and not LibreOffice.
There Word makes the PDF, through the optional ``docx2pdf`` package (Word's COM interface on
Windows, AppleScript on macOS; ``pip install tillitsvalgt[word]``, and always in the Windows
and macOS bundles). LibreOffice comes first where both exist: its output is what the tests
check, and it converts a batch in one call.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from tillitsvalgt.child_process import child_environment
from tillitsvalgt.errors import UserError

Converter = Literal["libreoffice", "word"]
OFFICE_ENV = "TILLITSVALGT_SOFFICE"
HOW_TO_GET = (
    "PDF lages med LibreOffice eller Microsoft Word, og ingen av dem ble funnet her. "
    "Installer LibreOffice (gratis, https://www.libreoffice.org/download/ – på "
    "Debian/Ubuntu: «sudo apt install libreoffice-writer»), eller lagre brevet som Word og "
    "lag PDF fra Word."
)


def office_candidates(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    home: Path | None = None,
) -> list[Path]:
    """Where LibreOffice's program is put by its installers on each platform, for when it
    is not on PATH (it rarely is on Windows and macOS)."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    home = home or Path.home()
    if platform == "win32":
        roots = [
            environ.get("ProgramFiles", r"C:\Program Files"),
            environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
            environ.get("ProgramW6432", ""),
        ]
        local = environ.get("LOCALAPPDATA")
        if local:  # a per-user install
            roots.append(str(Path(local) / "Programs"))
        return [
            Path(root) / "LibreOffice" / "program" / "soffice.exe"
            for root in dict.fromkeys(r for r in roots if r)
        ]
    if platform == "darwin":
        app = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
        return [Path("/Applications") / app, home / "Applications" / app]
    # Linux and the BSDs: the distribution's package, the Document Foundation's own .deb/.rpm
    # (/opt/libreofficeX.Y), and the snap.
    found = [
        Path("/usr/lib/libreoffice/program/soffice"),
        Path("/usr/lib64/libreoffice/program/soffice"),
    ]
    found += sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
    found.append(Path("/snap/bin/libreoffice"))
    return found


def find_office() -> str | None:
    """The LibreOffice program, or None."""
    chosen = os.environ.get(OFFICE_ENV)
    if chosen:
        return chosen if Path(chosen).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in office_candidates():
        if candidate.exists():
            return str(candidate)
    return None


def word_installed(platform: str | None = None, home: Path | None = None) -> bool:
    """Microsoft Word is there to be driven by docx2pdf."""
    platform = platform or sys.platform
    if platform == "darwin":
        app = Path("Microsoft Word.app")
        return (Path("/Applications") / app).exists() or (
            (home or Path.home()) / "Applications" / app
        ).exists()
    if platform == "win32":
        try:
            import winreg

            with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):  # type: ignore[attr-defined,unused-ignore]
                return True
        except (ImportError, OSError):
            return False
    return False


def choose_converter(
    *, office: str | None, platform: str, docx2pdf_present: bool, word: bool
) -> Converter | None:
    """LibreOffice when it is there; else Word on Windows or macOS when both Word and the
    docx2pdf package are; else nothing (the caller says how to get one)."""
    if office:
        return "libreoffice"
    if platform in ("win32", "darwin") and docx2pdf_present and word:
        return "word"
    return None


def pdf_converter() -> Converter | None:
    """What this machine makes PDF with, or None."""
    office = find_office()
    if office:
        return "libreoffice"
    return choose_converter(
        office=None,
        platform=sys.platform,
        docx2pdf_present=importlib.util.find_spec("docx2pdf") is not None,
        word=word_installed(),
    )


def convert_to_pdf(files: Sequence[Path], outdir: Path, *, timeout: float = 300) -> list[Path]:
    """Convert ``.docx`` files to PDF in ``outdir``; returns the PDFs in the same order."""
    office = find_office()
    if office is None:
        if pdf_converter() == "word":
            return _convert_with_word(files, outdir)
        raise UserError(HOW_TO_GET)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-lo-") as profile:
        command = [
            office,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *[str(f) for f in files],
        ]
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
                env=child_environment(),  # not the bundle's libraries
            )
        except subprocess.TimeoutExpired:
            raise UserError(
                f"LibreOffice brukte mer enn {timeout:.0f} sekunder på å lage PDF og ble stoppet."
            ) from None
        except OSError as exc:
            raise UserError(
                f"LibreOffice kunne ikke startes ({exc.strerror}). {HOW_TO_GET}"
            ) from None
    out = [outdir / (Path(f).stem + ".pdf") for f in files]
    missing = [p.name for p in out if not p.is_file() or p.stat().st_size == 0]
    if missing:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["ingen melding"]
        raise UserError(f"LibreOffice laget ikke PDF for {', '.join(missing)} ({detail[0]}).")
    return out


def _convert_with_word(files: Sequence[Path], outdir: Path) -> list[Path]:
    """Word makes the PDFs (docx2pdf opens it once for a folder of files)."""
    import docx2pdf  # type: ignore[import-not-found,unused-ignore]

    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-word-") as tmp:
        for f in files:
            shutil.copyfile(f, Path(tmp) / Path(f).name)
        try:
            docx2pdf.convert(tmp, str(outdir))
        except Exception as exc:  # COM and AppleScript errors have no common type
            raise UserError(
                f"Word kunne ikke lage PDF ({type(exc).__name__}). Lagre brevet som Word og "
                "lag PDF fra Word selv, eller installer LibreOffice."
            ) from None
    out = [outdir / (Path(f).stem + ".pdf") for f in files]
    missing = [p.name for p in out if not p.is_file() or p.stat().st_size == 0]
    if missing:
        raise UserError(f"Word laget ikke PDF for {', '.join(missing)}.")
    return out


def docx_to_pdf(data: bytes, *, timeout: float = 120) -> bytes:
    """One letter's ``.docx`` bytes as PDF bytes."""
    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-pdf-") as tmp:
        source = Path(tmp) / "brev.docx"
        source.write_bytes(data)
        (pdf,) = convert_to_pdf([source], Path(tmp) / "pdf", timeout=timeout)
        return pdf.read_bytes()
