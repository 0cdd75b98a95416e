"""Smoke test of a built bundle, in a clean environment: what a representative does first.

    python packaging/smoke_test.py dist/tillitsvalgt            # Linux, Windows
    python packaging/smoke_test.py dist/Tillitsvalgt.app        # macOS

Standard library only, so CI on Windows and macOS runs it with any Python. Each program
runs with an environment made from nothing (no PYTHON*, no VIRTUAL_ENV, an empty home
folder, and on Linux and macOS a PATH on which there is no Python at all), the way a
desktop starts it. The steps: first start, demo data, deadlines (holiday names), a letter,
PDF where LibreOffice (or Word) is installed, the report with its charts, export to standard
out and import from standard in, backup and restore, UTF-8 output, the window on Qt's
offscreen platform (directly and through ``tillitsvalgt`` without a command), and on Linux
and macOS that programs the app starts do not inherit the bundle's library paths.
Prints one line per step; exits 1 at the first failure with what the program said.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

WINDOWS = os.name == "nt"
MACOS = sys.platform == "darwin"
EXE = ".exe" if WINDOWS else ""
NOT_PYTHON = ("python", "pip", "pydoc", "idle", "2to3")
# Case 2026/3 of the demo was discussed in time: a demand for a new meeting must say why.
LETTER = (
    "letter",
    "2026/3",
    "--kind",
    "krav_om_drofting",
    "--text",
    "Planene er endret etter møtet, og vi ber derfor om et nytt drøftingsmøte.",
)


class Failed(Exception):
    pass


def programs(bundle: Path) -> tuple[Path, Path]:
    folder = bundle / "Contents" / "MacOS" if bundle.suffix == ".app" else bundle
    return folder / f"tillitsvalgt{EXE}", folder / f"tillitsvalgt-gui{EXE}"


def path_without_python(work: Path) -> str:
    """A folder of links to every program in /usr/bin and /bin except Python's."""
    folder = work / "bin"
    folder.mkdir(exist_ok=True)
    for source in (Path("/usr/bin"), Path("/bin"), Path("/usr/sbin"), Path("/sbin")):
        if not source.is_dir():
            continue
        for program in source.iterdir():
            link = folder / program.name
            if program.name.startswith(NOT_PYTHON) or link.exists() or link.is_symlink():
                continue
            link.symlink_to(program)
    return str(folder)


def clean_environment(home: Path, work: Path) -> dict[str, str]:
    if WINDOWS:
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        local = home / "AppData" / "Local"
        roaming = home / "AppData" / "Roaming"
        temp = local / "Temp"
        for folder in (local, roaming, temp):
            folder.mkdir(parents=True, exist_ok=True)
        return {
            "SYSTEMROOT": system_root,
            "WINDIR": system_root,
            "COMSPEC": os.environ.get("COMSPEC", system_root + r"\System32\cmd.exe"),
            "PATH": system_root + r"\System32;" + system_root,
            "USERPROFILE": str(home),
            "HOMEDRIVE": str(home)[:2],
            "HOMEPATH": str(home)[2:],
            "LOCALAPPDATA": str(local),
            "APPDATA": str(roaming),
            "TEMP": str(temp),
            "TMP": str(temp),
            # Where the runner has them: LibreOffice and Word are looked for under these.
            **{k: os.environ[k] for k in ("ProgramFiles", "ProgramFiles(x86)") if k in os.environ},
        }
    return {"HOME": str(home), "PATH": path_without_python(work)}


def expected_data_dir(env: dict[str, str]) -> Path | None:
    if WINDOWS:
        return None  # platformdirs asks Windows itself (the real %LOCALAPPDATA%), not env
    if MACOS:
        return Path(env["HOME"]) / "Library" / "Application Support" / "Tillitsvalgt"
    return Path(env["HOME"]) / ".local" / "share" / "Tillitsvalgt"


class Smoke:
    def __init__(self, bundle: Path, work: Path, *, require_pdf: bool) -> None:
        self.cli, self.gui = programs(bundle)
        self.work = work
        self.require_pdf = require_pdf
        self.home = work / "home"
        self.home.mkdir(parents=True)
        self.env = clean_environment(self.home, work)
        self.times: dict[str, float] = {}

    def run(
        self,
        program: Path,
        *args: str,
        stdin: bytes | None = None,
        extra: dict[str, str] | None = None,
        expect: int = 0,
        timeout: float = 180,
    ) -> str:
        env = {**self.env, **(extra or {})}
        done = subprocess.run(
            [str(program), *args],
            input=stdin,
            capture_output=True,
            cwd=self.work,
            env=env,
            timeout=timeout,
            check=False,
        )
        out = done.stdout.decode("utf-8")  # UTF-8 on every platform, redirected or not
        if done.returncode != expect:
            raise Failed(
                f"{program.name} {' '.join(args)} → exit {done.returncode} (expected {expect})\n"
                f"stdout: {out[-2000:]}\nstderr: {done.stderr.decode('utf-8', 'replace')[-2000:]}"
            )
        return out

    def tv(self, *args: str, **kw: object) -> str:
        return self.run(self.cli, *args, **kw)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ the steps

    def version(self) -> None:
        out = self.tv("--version")
        assert out.startswith("tillitsvalgt, version "), out

    def first_start(self) -> str:
        out = self.tv(extra={"TILLITSVALGT_NO_GUI": "1"})
        assert "Saker: 0" in out, out
        db = Path(out.split("Database:", 1)[1].splitlines()[0].strip())
        assert db.name == "tillitsvalgt.db" and db.is_file(), f"no database at {db}"
        expected = expected_data_dir(self.env)
        assert expected is None or db == expected / "tillitsvalgt.db", (db, expected)
        return str(db)

    def demo(self) -> None:
        self.tv("demo")
        self.tv("profile", "--name", "Kari Nordmann", "--role", "hovedtillitsvalgt")
        self.tv("profile", "--union", "Forbundet", "--place", "Bergen")
        listing = json.loads(self.tv("cases", "--json"))
        assert listing["total"] == 50, listing["total"]

    def deadline(self) -> None:
        out = self.tv("deadline", "--from", "2026-12-18", "--days", "14")
        assert "2027-01-04" in out and "1. nyttårsdag" in out, out

    def letter(self) -> None:
        target = self.work / "krav.docx"
        self.tv(*LETTER, "--out", str(target))
        with zipfile.ZipFile(target) as docx:
            text = docx.read("word/document.xml").decode("utf-8")
        assert "drøfting" in text.lower(), "the letter has no text about drøfting"

    def pdf(self) -> str:
        target = self.work / "pdf" / "krav.docx"
        target.parent.mkdir()
        letter = (*LETTER, "--pdf")
        done = subprocess.run(
            [str(self.cli), *letter, "--out", str(target)],
            capture_output=True,
            cwd=self.work,
            env=self.env,
            timeout=300,
            check=False,
        )
        err = done.stderr.decode("utf-8")
        if done.returncode == 1 and "LibreOffice eller Microsoft Word" in err:
            if self.require_pdf:
                raise Failed("no LibreOffice or Word found, and --require-pdf was given")
            return "skipped: no LibreOffice or Word here"
        if done.returncode != 0:
            raise Failed(f"--pdf → exit {done.returncode}: {err[-2000:]}")
        pdf = target.with_suffix(".pdf")
        assert pdf.read_bytes().startswith(b"%PDF"), "not a PDF"
        return f"{pdf.stat().st_size} bytes"

    def report(self) -> None:
        # The examples never count in a report, so the report is made over the same cases
        # imported as real ones (the example mark taken off the exported file).
        exported = json.loads(self.tv("export", "--status", "open", "--out", "-"))
        for item in exported:
            item["case"].pop("is_demo", None)
        real = self.work / "real-data"
        self.tv("--data-dir", str(real), "import", "-", stdin=json.dumps(exported).encode())
        out_docx = self.work / "rapport.docx"
        out_xlsx = self.work / "rapport.xlsx"
        self.tv(
            "--data-dir",
            str(real),
            "report",
            "--from",
            "2025-01-01",
            "--to",
            "2026-12-31",
            "--out",
            str(out_docx),
            "--xlsx",
            str(out_xlsx),
            timeout=300,
        )
        with zipfile.ZipFile(out_docx) as docx:
            charts = [n for n in docx.namelist() if n.startswith("word/media/")]
        assert charts, "the report has no charts"
        assert zipfile.is_zipfile(out_xlsx)

    def export_import(self) -> None:
        # Open cases only: a closed case with deadlines is refused on import today (main,
        # December 2026: «Sak 2025/4 er avsluttet; gjenåpne den før du setter en ny frist»).
        exported = self.tv("export", "--status", "open", "--out", "-")
        expected = len(json.loads(exported))
        assert json.loads(exported), "export wrote no JSON to standard out"
        other = self.work / "other-data"
        out = self.tv("--data-dir", str(other), "import", "-", stdin=exported.encode("utf-8"))
        assert "standard inn" in out, out
        listing = json.loads(self.tv("--data-dir", str(other), "cases", "--json"))
        assert listing["total"] == expected > 0, (listing["total"], expected)

    def utf8(self) -> None:
        extra = {"PYTHONIOENCODING": "cp1252"}  # what Windows gives a redirected console
        out = self.tv("cases", extra=extra)
        assert "–" in out or "ø" in out or "å" in out, out[:200]

    def backup_restore(self) -> None:
        out = self.tv("backup")
        file = out.split("Sikkerhetskopi lagret:", 1)[1].strip()
        assert Path(file).is_file(), out
        self.tv("close", "2026/3", "--outcome", "agreement")
        self.tv("restore", file, "--yes")
        shown = self.tv("show", "2026/3")
        assert shown.startswith("Sak 2026/3"), shown
        self.tv("check")

    def window(self) -> str:
        report = self.work / "gui.json"
        # Bokmål whatever the runner's language (CI machines are English).
        extra = {
            "QT_QPA_PLATFORM": "offscreen",
            "TILLITSVALGT_GUI_CHECK": str(report),
            "TILLITSVALGT_LANGUAGE": "nb",
        }
        started = time.time()
        self.run(self.gui, extra=extra, timeout=120)
        facts = json.loads(report.read_text(encoding="utf-8"))
        seconds = facts["shown_at"] - started
        self.times["gui_window_shown"] = seconds
        assert facts["visible"] and facts["cases_shown"] == 50, facts
        assert facts["window_icon"], facts
        assert "&Hjelp" in facts["menus"], facts
        assert not facts["qt_plugin_path_left"], facts
        assert not facts["bundle_in_environment"], facts  # what xdg-open would inherit
        report.unlink()
        # ``tillitsvalgt`` without a command opens the same window, as its own program.
        self.tv(extra=extra)
        facts = json.loads(report.read_text(encoding="utf-8"))
        assert facts["visible"] and facts["cases_shown"] == 50, facts
        # The translations travel in the bundle: English menus when asked for.
        self.run(self.gui, extra={**extra, "TILLITSVALGT_LANGUAGE": "en"}, timeout=120)
        facts = json.loads(report.read_text(encoding="utf-8"))
        assert {"&File", "&Help"} <= set(facts["menus"]), facts["menus"]
        return f"window shown with 50 cases {seconds:.2f} s after start; English menus too"

    def no_leak(self) -> str:
        if WINDOWS:
            return "skipped: Windows (its loader uses no LD_LIBRARY_PATH)"
        dump = self.work / "child-env.txt"
        probe = self.work / "fake-soffice"
        probe.write_text(f"#!/bin/sh\nenv > '{dump}'\nexit 3\n", encoding="utf-8")
        probe.chmod(0o755)
        extra = {"TILLITSVALGT_SOFFICE": str(probe), "LD_LIBRARY_PATH": "/the-users-own"}
        target = self.work / "leak" / "brev.docx"
        target.parent.mkdir()
        self.tv(
            *LETTER,
            "--out",
            str(target),
            "--pdf",
            extra=extra,
            expect=1,  # the probe makes no PDF: a plain message, exit 1
        )
        child = dict(line.split("=", 1) for line in dump.read_text().splitlines() if "=" in line)
        bundle = str(self.cli.resolve().parent)
        assert child.get("LD_LIBRARY_PATH") == "/the-users-own", child.get("LD_LIBRARY_PATH")
        leaked = {k: v for k, v in child.items() if bundle in v and k != "_"}
        assert not leaked, f"bundle paths passed on: {leaked}"
        return "LibreOffice would get the user's LD_LIBRARY_PATH and no bundle path"

    def steps(self) -> list[tuple[str, Callable[[], object]]]:
        return [
            ("version", self.version),
            ("first start (no window): database made in the user's data folder", self.first_start),
            ("demo data: 50 cases, a profile", self.demo),
            ("deadline over the holidays", self.deadline),
            ("letter (.docx)", self.letter),
            ("letter as PDF", self.pdf),
            ("landsmøte report with charts (+ xlsx)", self.report),
            ("export to standard out, import from standard in", self.export_import),
            ("UTF-8 output under a cp1252 console", self.utf8),
            ("backup, change, restore, check", self.backup_restore),
            ("window on the offscreen platform", self.window),
            ("no bundle library path in programs it starts", self.no_leak),
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", type=Path, help="dist/tillitsvalgt or dist/Tillitsvalgt.app")
    parser.add_argument("--require-pdf", action="store_true", help="fail without LibreOffice")
    parser.add_argument("--json", type=Path, help="write the step times here")
    args = parser.parse_args(argv)
    cli, gui = programs(args.bundle.resolve())
    for program in (cli, gui):
        if not program.is_file():
            print(f"✗ {program} is missing", file=sys.stderr)
            return 1
    work = Path(tempfile.mkdtemp(prefix="tillitsvalgt-smoke-"))
    smoke = Smoke(args.bundle.resolve(), work, require_pdf=args.require_pdf)
    started = time.monotonic()
    failed = False
    for name, step in smoke.steps():
        t0 = time.monotonic()
        try:
            note = step()
        except (Failed, AssertionError, subprocess.TimeoutExpired, OSError, ValueError) as exc:
            print(f"✗ {name}: {type(exc).__name__}: {exc}", flush=True)
            failed = True
            break
        seconds = time.monotonic() - t0
        smoke.times[name] = seconds
        print(f"✓ {name} ({seconds:.1f} s){': ' + note if note else ''}", flush=True)
    total = time.monotonic() - started
    print(f"{'FAILED' if failed else 'passed'} in {total:.1f} s ({work})")
    if args.json:
        args.json.write_text(json.dumps(smoke.times, indent=1), encoding="utf-8")
    if not failed:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    sys.exit(main())
