"""What a representative's machine needs from the program, without building a bundle (that is
tests/test_bundle.py): UTF-8 output whatever the console's code page, ``-`` for standard in
and out, the window started as its own program, the PDF converter chosen where Word but no
LibreOffice exists, the environment handed to programs the app starts, «Om Tillitsvalgt».
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tillitsvalgt import __version__
from tillitsvalgt.child_process import child_environment
from tillitsvalgt.gui_process import gui_command, gui_environment
from tillitsvalgt.letters.pdf import choose_converter, office_candidates, word_installed

from conftest import REPO

COMMAND = Path(sys.executable).with_name("tillitsvalgt")
CHECKMARK_CASE: dict[str, Any] = {
    "id": "U1",
    "employer": {"name": "Tegn & Symbol AS"},
    "case": {"type": "office_layout", "title": "Krav ✓ → drøfting 🙂"},
    "events": [{"kind": "note", "on": "2026-10-01", "notes": "ønsker ✓"}],
}


def run(
    *args: str, data: Path, stdin: bytes | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("TILLITSVALGT_")}
    environ.update({"TILLITSVALGT_DATA_DIR": str(data), "TILLITSVALGT_NO_GUI": "1", **env})
    return subprocess.run(
        [str(COMMAND), *args], input=stdin, capture_output=True, env=environ, timeout=120
    )


# --------------------------------------------------------------------------- the console


def test_output_is_utf8_under_a_windows_code_page_and_dash_means_stdin_and_stdout(
    tmp_path: Path,
) -> None:
    bundle = json.dumps([CHECKMARK_CASE], ensure_ascii=False).encode("utf-8")
    # The byte order mark Windows editors write is not content, from a pipe either.
    imported = run("import", "-", data=tmp_path / "a", stdin=b"\xef\xbb\xbf" + bundle)
    assert imported.returncode == 0, imported.stderr.decode()
    assert "Importert fra standard inn" in imported.stdout.decode("utf-8")
    assert not (Path.cwd() / "-").exists()

    # Windows Python writes redirected output in the ANSI code page: ✓ could not be written.
    listing = run("cases", data=tmp_path / "a", PYTHONIOENCODING="cp1252")
    assert listing.returncode == 0, listing.stderr.decode("utf-8", "replace")
    assert "Krav ✓ → drøfting 🙂" in listing.stdout.decode("utf-8")

    exported = run("export", "--out", "-", data=tmp_path / "a", PYTHONIOENCODING="cp1252")
    assert exported.returncode == 0, exported.stderr.decode("utf-8", "replace")
    cases = json.loads(exported.stdout.decode("utf-8"))
    assert cases[0]["case"]["title"] == "Krav ✓ → drøfting 🙂"
    assert not (tmp_path / "-").exists()

    again = run("import", "-", data=tmp_path / "b", stdin=exported.stdout)
    assert again.returncode == 0, again.stderr.decode()
    shown = run("cases", "--json", data=tmp_path / "b")
    assert json.loads(shown.stdout)["rows"][0]["title"] == "Krav ✓ → drøfting 🙂"


def test_import_of_broken_text_from_stdin_is_a_message(tmp_path: Path) -> None:
    done = run("import", "-", data=tmp_path, stdin=b"\xff\xfe not utf-8")
    assert done.returncode == 1
    err = done.stderr.decode("utf-8")
    assert "UTF-8" in err and "Ingenting er importert" in err and "Traceback" not in err


# --------------------------------------------------------------------------- the window


def test_the_window_is_found_next_to_the_command(tmp_path: Path) -> None:
    # A bundle: its other executable, whether or not it is there (the error says so).
    assert gui_command(str(tmp_path / "tillitsvalgt"), frozen=True, windows=False) == [
        str(tmp_path / "tillitsvalgt-gui")
    ]
    assert gui_command(str(tmp_path / "tillitsvalgt.exe"), frozen=True, windows=True) == [
        str(tmp_path / "tillitsvalgt-gui.exe")
    ]
    # A venv: the launcher pip wrote beside the interpreter, else ``python -m ui``.
    python = tmp_path / "bin" / "python"
    python.parent.mkdir()
    assert gui_command(str(python), frozen=False, windows=False) == [str(python), "-m", "ui"]
    (python.parent / "tillitsvalgt-gui").write_text("")
    assert gui_command(str(python), frozen=False, windows=False) == [
        str(python.parent / "tillitsvalgt-gui")
    ]


def test_choices_reach_the_window_through_the_environment_not_the_command_line() -> None:
    env = gui_environment(
        data_dir="/data", database_url="postgresql://rep:hemmelig@db/x", catalogue=None
    )
    assert env["TILLITSVALGT_DATA_DIR"] == "/data"
    assert env["TILLITSVALGT_DATABASE_URL"] == "postgresql://rep:hemmelig@db/x"
    assert "hemmelig" not in " ".join(gui_command())


def test_tillitsvalgt_without_a_command_opens_the_window_as_its_own_program(
    tmp_path: Path,
) -> None:
    seeded = run("demo", data=tmp_path / "data")
    assert seeded.returncode == 0, seeded.stderr.decode()
    report = tmp_path / "gui.json"
    environ = {k: v for k, v in os.environ.items() if not k.startswith("TILLITSVALGT_")}
    environ.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "TILLITSVALGT_GUI_CHECK": str(report),
            "TILLITSVALGT_DATA_DIR": str(tmp_path / "data"),
            "TILLITSVALGT_LANGUAGE": "nb",
        }
    )
    done = subprocess.run([str(COMMAND)], capture_output=True, env=environ, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    facts = json.loads(report.read_text(encoding="utf-8"))
    assert facts["visible"] and facts["cases_shown"] == 50
    assert facts["window_icon"] and facts["desktop_file"] == "no.tillitsvalgt.Tillitsvalgt"
    assert facts["menus"][-1] == "&Hjelp"


def test_the_window_program_without_a_screen_says_so(tmp_path: Path) -> None:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "ui"], capture_output=True, env=environ, timeout=60
    )
    assert done.returncode == 1
    assert "fant ingen skjerm" in done.stderr.decode("utf-8")


# --------------------------------------------------------------------------- PDF


@pytest.mark.parametrize(
    ("office", "platform", "docx2pdf_present", "word", "chosen"),
    [
        ("/usr/bin/soffice", "linux", False, False, "libreoffice"),
        ("C:/LO/soffice.exe", "win32", True, True, "libreoffice"),  # LibreOffice first
        (None, "win32", True, True, "word"),
        (None, "darwin", True, True, "word"),
        (None, "win32", False, True, None),  # Word, but docx2pdf is not installed
        (None, "darwin", True, False, None),  # docx2pdf, but no Word
        (None, "linux", True, True, None),  # docx2pdf cannot drive Word on Linux
    ],
)
def test_pdf_converter_choice(
    office: str | None, platform: str, docx2pdf_present: bool, word: bool, chosen: str | None
) -> None:
    assert (
        choose_converter(
            office=office, platform=platform, docx2pdf_present=docx2pdf_present, word=word
        )
        == chosen
    )


def test_libreoffice_is_looked_for_where_its_installers_put_it(tmp_path: Path) -> None:
    windows = office_candidates(
        "win32",
        {"ProgramFiles": r"D:\Programmer", "LOCALAPPDATA": r"C:\Users\kari\AppData\Local"},
        tmp_path,
    )
    assert Path(r"D:\Programmer") / "LibreOffice" / "program" / "soffice.exe" in windows
    assert (
        Path(r"C:\Users\kari\AppData\Local")
        / "Programs"
        / "LibreOffice"
        / "program"
        / "soffice.exe"
        in windows
    )
    mac = office_candidates("darwin", {}, tmp_path)
    assert Path("/Applications/LibreOffice.app/Contents/MacOS/soffice") in mac
    assert tmp_path / "Applications/LibreOffice.app/Contents/MacOS/soffice" in mac
    linux = office_candidates("linux", {}, tmp_path)
    assert Path("/usr/lib/libreoffice/program/soffice") in linux
    assert Path("/snap/bin/libreoffice") in linux


def test_word_is_found_in_the_users_applications_on_macos(tmp_path: Path) -> None:
    assert not word_installed("darwin", home=tmp_path) or Path("/Applications").exists()
    (tmp_path / "Applications" / "Microsoft Word.app").mkdir(parents=True)
    assert word_installed("darwin", home=tmp_path)
    assert not word_installed("linux", home=tmp_path)


# --------------------------------------------------------------------------- child programs


def test_programs_started_from_a_bundle_get_the_users_environment_back() -> None:
    bundle = "/opt/tillitsvalgt/_internal"
    env = {
        "LD_LIBRARY_PATH": f"{bundle}:/home/kari/lib",
        "LD_LIBRARY_PATH_ORIG": "/home/kari/lib",
        "QT_PLUGIN_PATH": f"{bundle}/PySide6/Qt/plugins",
        "PATH": f"{bundle}/PySide6:/usr/bin:/bin",
        "HOME": "/home/kari",
        "_PYI_ARCHIVE_FILE": "/opt/tillitsvalgt/tillitsvalgt",
    }
    child = child_environment(env, bundle=bundle)
    assert child["LD_LIBRARY_PATH"] == "/home/kari/lib"
    assert "LD_LIBRARY_PATH_ORIG" not in child and "QT_PLUGIN_PATH" not in child
    assert "_PYI_ARCHIVE_FILE" not in child
    assert child["PATH"] == "/usr/bin:/bin" and child["HOME"] == "/home/kari"
    # The user had no library path: none is passed on.
    alone = child_environment({"LD_LIBRARY_PATH": bundle, "PATH": "/bin"}, bundle=bundle)
    assert "LD_LIBRARY_PATH" not in alone
    # Not in a bundle: nothing changes.
    assert child_environment(env, bundle="") == env


# --------------------------------------------------------------------------- about


def test_about_names_version_licence_data_folder_and_database(qtbot: Any, tmp_path: Path) -> None:

    from tillitsvalgt.workspace import Workspace
    from ui.dialogs.about_dialog import AboutDialog

    from helpers.gui import make_window

    workspace = Workspace.open(data_dir=str(tmp_path / "data"))
    try:
        window = make_window(qtbot, workspace, tmp_path, ini="s.ini", show=False)
        window.about_action.trigger()
        dialog = window.about_dialog
        assert isinstance(dialog, AboutDialog) and dialog.isVisible()
        facts = dict(dialog.facts)
        assert facts["Versjon"] == __version__
        assert "GPL-3.0-or-later" in facts["Lisens"]
        assert facts["Datamappe"] == str(tmp_path / "data")
        assert facts["Database"] == str(tmp_path / "data" / "tillitsvalgt.db")
        assert Path(facts["Lisenstekster"]).is_file()  # the checkout's LICENSE
        dialog.close()
    finally:
        workspace.close()


# --------------------------------------------------------------------------- installers


def test_inno_setup_script_installs_per_user_from_the_bundle() -> None:
    """Inno Setup runs only on Windows (CI); here: its sections, the per-user install, and
    every file it names that exists before the build."""
    iss = REPO / "packaging" / "windows" / "tillitsvalgt.iss"
    text = iss.read_text(encoding="utf-8")
    sections = re.findall(r"^\[(\w+)\]", text, flags=re.MULTILINE)
    assert sections == ["Setup", "Languages", "Tasks", "Files", "Icons", "Run"]
    settings = dict(re.findall(r"^(\w+)=(.*)$", text, flags=re.MULTILINE))
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"] == r"{autopf}\Tillitsvalgt"
    assert (iss.parent / settings["SetupIconFile"].replace("\\", "/")).is_file()
    defined = set(re.findall(r"#define (\w+)", text))
    assert set(re.findall(r"\{#(\w+)\}", text)) <= defined
    assert r'Filename: "{app}\tillitsvalgt-gui.exe"' in text


def test_desktop_entry_names_the_icon_and_the_window_program() -> None:
    entry = (REPO / "packaging" / "no.tillitsvalgt.Tillitsvalgt.desktop").read_text("utf-8")
    assert "Exec=tillitsvalgt-gui\n" in entry and "Icon=no.tillitsvalgt.Tillitsvalgt\n" in entry
    icons = REPO / "packaging" / "icons"
    for size in (16, 32, 48, 256, 512):
        assert (icons / f"hicolor/{size}x{size}/apps/no.tillitsvalgt.Tillitsvalgt.png").is_file()
    assert (icons / "tillitsvalgt.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "tillitsvalgt.icns").read_bytes()[:4] == b"icns"


def test_appstream_metadata_is_valid() -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli is not installed")
    metainfo = REPO / "packaging" / "no.tillitsvalgt.Tillitsvalgt.metainfo.xml"
    done = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_bundle_workflow_builds_smoke_tests_and_uploads_on_three_platforms() -> None:
    """The workflow runs only on GitHub; here: it parses, every step is well formed, and it
    builds, smoke-tests and uploads on Linux, Windows and macOS."""
    import yaml

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "bundle.yml").read_text("utf-8"))
    job = workflow["jobs"]["bundle"]
    systems = {entry["os"].split("-")[0] for entry in job["strategy"]["matrix"]["include"]}
    assert systems == {"ubuntu", "windows", "macos"}
    for step in job["steps"] + workflow["jobs"]["release"]["steps"]:
        assert ("uses" in step) != ("run" in step), step
        assert set(step) <= {"name", "uses", "with", "run", "if", "shell", "env", "id"}, step
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python scripts/build_bundle.py" in runs
    assert "python packaging/smoke_test.py ${{ matrix.bundle }}" in runs
    assert "/VERYSILENT" in runs and "hdiutil attach" in runs
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in job["steps"])
