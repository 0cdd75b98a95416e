"""Unsaved edits survive a crash: a window is killed (SIGKILL) while a case has unsaved
typing; the next start offers it back through the prompt service, «Gjenopprett» fills the
form, «Forkast» removes the file; the employer form and a letter's free text likewise; a
damaged autosave file gives a Norwegian message and is moved aside, never a traceback."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from autosave_worker import SUMMARY, TITLE_ADDITION
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.autosave import FOLDER
from ui.errors import CrashReporter
from ui.main_window import MainWindow
from ui.prompts import ScriptedPrompter

from conftest import open_scenario_workspace

TODAY = date(2026, 12, 6)
WORKER = Path(__file__).parent / "autosave_worker.py"
RESTORE, DISCARD = 0, 1


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    open_scenario_workspace(folder, TODAY).close()
    return folder


def start(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, prompter: ScriptedPrompter, *, kept: bool = True
) -> tuple[MainWindow, Workspace]:
    workspace = Workspace.open(data_dir=data_dir, clock=lambda: TODAY)
    window = MainWindow(
        workspace,
        prompter=prompter,
        crashes=CrashReporter(prompter, enabled=False),
        settings=QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat),
    )
    if kept:
        qtbot.addWidget(window)
    window.show()
    return window, workspace


def crash(window: MainWindow, workspace: Workspace) -> None:
    """The window goes without a close event (nothing saved, nothing asked)."""
    window.case_view.autosaver.timer.stop()
    window.hide()
    window.deleteLater()
    QTest.qWait(10)
    workspace.close()


def files(data_dir: Path) -> list[str]:
    folder = data_dir / FOLDER
    return sorted(p.name for p in folder.glob("*.json")) if folder.is_dir() else []


def type_into_case(qtbot: QtBot, window: MainWindow, number: str, text: str) -> Path:
    window.show_case(number)
    assert window.detail is not None
    form = window.case_view.form
    form.title.setFocus()
    form.title.end(False)
    QTest.keyClicks(form.title, text)
    file = window.autosave.path(f"case-{window.detail.case.id}")
    qtbot.waitUntil(file.exists, timeout=5000)  # written on its own, a moment after typing
    return file


def test_a_killed_window_s_edits_are_offered_back_and_restored(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    child = subprocess.Popen(
        [sys.executable, str(WORKER), str(data_dir), str(tmp_path / "child.ini")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "typed", (line, child.stderr.read() if child.poll() is not None else "")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()
    assert child.returncode == -signal.SIGKILL
    (name,) = files(data_dir)
    assert name.startswith("case-") and "2026" not in name  # an id, never a name or title
    file = data_dir / FOLDER / name
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700

    prompter = ScriptedPrompter(choices=[RESTORE])
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()
        kind, title, text = prompter.shown[-1]
        assert kind == "choose" and title == "Ulagrede endringer"
        assert "Du har ulagrede endringer fra forrige økt i sak 2026/3" in text
        assert window.detail is not None and window.detail.case.number == "2026/3"
        form = window.case_view.form
        assert form.title.text().endswith(TITLE_ADDITION)
        assert form.report_summary.toPlainText() == SUMMARY
        assert window.case_view.is_dirty() and window.save_action.isEnabled()
        # Nothing was saved by restoring: the database still has the old title.
        assert not workspace.case_detail("2026/3").case.title.endswith(TITLE_ADDITION)
        assert window.case_view.save()
        assert workspace.case_detail("2026/3").case.title.endswith(TITLE_ADDITION)
        assert files(data_dir) == []  # saved: the autosave is gone
    finally:
        workspace.close()


def test_discarding_removes_the_file_and_closing_the_question_keeps_it(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter(), kept=False)
    type_into_case(qtbot, window, "2026/3", " (utkast)")
    crash(window, workspace)

    later = ScriptedPrompter(choices=[None])  # the question closed without an answer
    window, workspace = start(qtbot, data_dir, tmp_path, later)
    window.offer_restored_edits()
    assert later.shown[-1][0] == "choose"
    assert not window.case_view.is_dirty()
    assert len(files(data_dir)) == 1  # asked again next time
    workspace.close()

    discard = ScriptedPrompter(choices=[DISCARD])
    window, workspace = start(qtbot, data_dir, tmp_path, discard)
    window.offer_restored_edits()
    assert files(data_dir) == []
    assert window.detail is None  # nothing opened
    workspace.close()


def test_saving_or_reverting_removes_the_file(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter())
    try:
        file = type_into_case(qtbot, window, "2026/3", " A")
        window.case_view.revert()
        assert not file.exists()
        file = type_into_case(qtbot, window, "2026/3", " B")
        assert window.case_view.save()
        assert not file.exists()
        # Typing back to what is saved is not an unsaved edit: the file goes by itself.
        form = window.case_view.form
        QTest.keyClicks(form.title, "C")
        qtbot.waitUntil(file.exists, timeout=5000)
        QTest.keyClick(form.title, "\b")
        qtbot.waitUntil(lambda: not file.exists(), timeout=5000)
    finally:
        workspace.close()


@pytest.mark.parametrize(
    "content",
    [b"{\"format\": 1, \"form\": \"case\", \"ref\": {", b"\xff\xfe not text", b"[]",
     b'{"format": 1, "form": "rm -rf", "ref": {}, "fields": {}, "saved_at": "x"}'],
)  # fmt: skip
def test_a_damaged_file_gives_a_message_and_is_moved_aside(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, content: bytes
) -> None:
    folder = data_dir / FOLDER
    folder.mkdir(mode=0o700)
    (folder / "case-1.json").write_bytes(content)
    prompter = ScriptedPrompter()
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()
        ((kind, _title, text),) = prompter.shown
        assert kind == "error" and "kunne ikke leses" in text and "case-1.json" in text
        assert "Traceback" not in text
        assert files(data_dir) == []
        assert [p.read_bytes() for p in (folder / "skadet").iterdir()] == [content]
        window.offer_restored_edits()  # offered once: next start says nothing
        assert len(prompter.shown) == 1
    finally:
        workspace.close()


def test_a_case_gone_since_keeps_the_edit_for_later(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter(), kept=False)
    type_into_case(qtbot, window, "2026/3", " X")
    crash(window, workspace)
    ws = Workspace.open(data_dir=data_dir, clock=lambda: TODAY)
    ws.delete_case(ws.case_detail("2026/3").case.id)
    ws.close()
    prompter = ScriptedPrompter(choices=[RESTORE])
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()
        kind, _title, text = prompter.shown[-1]
        assert kind == "error" and "tatt vare på til neste oppstart" in text
        assert len(files(data_dir)) == 1
    finally:
        workspace.close()


def test_the_employer_form_is_kept_and_restored(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter(), kept=False)
    window.sections.setCurrentWidget(window.employers_view)
    window.employers_view.new_employer()
    dialog = window.employers_view.dialog
    assert dialog is not None
    QTest.keyClicks(dialog.name, "Fjellheimen barnehage")
    QTest.keyClicks(dialog.orgnr, "974760673")
    qtbot.waitUntil(lambda: files(data_dir) == ["employer-new.json"], timeout=5000)
    text = (data_dir / FOLDER / "employer-new.json").read_text("utf-8")
    assert "Fjellheimen barnehage" in text  # what was typed, in the file only
    dialog.autosaver.timer.stop()
    crash(window, workspace)

    prompter = ScriptedPrompter(choices=[RESTORE])
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()
        assert "i en ny virksomhet" in prompter.shown[-1][2]
        dialog = window.employers_view.dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.name.text() == "Fjellheimen barnehage"
        assert dialog.orgnr.text() == "974 760 673"
        dialog.accept()
        assert dialog.saved is not None and files(data_dir) == []
    finally:
        workspace.close()


def test_a_letter_s_free_text_is_kept_and_restored(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter(), kept=False)
    window.show_case("2026/3")
    window.new_letter("krav_om_drofting")
    dialog = window.letter_dialog
    QTest.keyClicks(dialog.extra, "Vi viser til motet 3. desember.")
    QTest.keyClicks(dialog.their_ref, "2026/44")
    qtbot.waitUntil(lambda: len(files(data_dir)) == 1, timeout=5000)
    dialog.autosaver.timer.stop()  # type: ignore[attr-defined]
    crash(window, workspace)

    prompter = ScriptedPrompter(choices=[RESTORE])
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()
        assert "i et brev i sak 2026/3" in prompter.shown[-1][2]
        dialog = window.letter_dialog
        assert dialog.kind_code() == "krav_om_drofting"
        assert dialog.extra.toPlainText() == "Vi viser til motet 3. desember."
        assert dialog.their_ref.text() == "2026/44"
        dialog.reject()  # closed without saving: the user chose to drop it
        assert files(data_dir) == []
    finally:
        workspace.close()


def test_another_running_window_s_edit_is_not_offered(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter(), kept=False)
    file = type_into_case(qtbot, window, "2026/3", " Y")
    crash(window, workspace)
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        text = file.read_text("utf-8")
        file.write_text(text.replace(f'"pid": {os.getpid()}', f'"pid": {other.pid}'), "utf-8")
        assert f'"pid": {other.pid}' in file.read_text("utf-8")
        prompter = ScriptedPrompter(choices=[DISCARD])
        window, workspace = start(qtbot, data_dir, tmp_path, prompter)
        window.offer_restored_edits()
        assert prompter.shown == [] and file.exists()  # the other window's, left alone
        workspace.close()
    finally:
        other.kill()
        other.wait(timeout=30)
    prompter = ScriptedPrompter(choices=[DISCARD])
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()  # that window is gone now: its edit is left over
        assert prompter.shown[-1][0] == "choose" and not file.exists()
    finally:
        workspace.close()


def test_a_new_case_being_typed_is_kept_and_restored(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter(), kept=False)
    window.new_case()
    dialog = window.new_case_dialog
    QTest.keyClicks(dialog.form.title, "Ny kantine i 1. etasje")
    QTest.keyClicks(dialog.form.notice.line, "15.10.26")
    qtbot.waitUntil(lambda: files(data_dir) == ["case-new.json"], timeout=5000)
    dialog.autosaver.timer.stop()
    crash(window, workspace)

    prompter = ScriptedPrompter(choices=[RESTORE])
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()
        assert "i en ny sak" in prompter.shown[-1][2]
        dialog = window.new_case_dialog
        assert dialog.isVisible()
        assert dialog.form.title.text() == "Ny kantine i 1. etasje"
        assert dialog.form.notice.value() == date(2026, 10, 15)
        dialog.reject()
        assert files(data_dir) == []
    finally:
        workspace.close()


def test_a_case_changed_since_says_so(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter(), kept=False)
    type_into_case(qtbot, window, "2026/3", " Z")
    crash(window, workspace)
    ws = Workspace.open(data_dir=data_dir, clock=lambda: TODAY)
    case = ws.case_detail("2026/3").case
    from tillitsvalgt.shapes import CaseUpdate

    ws.update_case(case.id, CaseUpdate(location="Bygg B", version=case.version))
    ws.close()
    prompter = ScriptedPrompter(choices=[RESTORE])
    window, workspace = start(qtbot, data_dir, tmp_path, prompter)
    try:
        window.offer_restored_edits()
        assert "se over før du lagrer" in window.case_view.state.text()
        assert window.case_view.form.title.text().endswith(" Z")
        assert window.case_view.form.location.text() == "Bygg B"  # the change since is kept
    finally:
        workspace.close()


def test_an_autosave_that_cannot_be_written_is_said_quietly_and_saving_still_works(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    (data_dir / FOLDER).write_text("not a folder", "utf-8")  # the folder cannot be made
    window, workspace = start(qtbot, data_dir, tmp_path, ScriptedPrompter())
    try:
        window.show_case("2026/3")
        QTest.keyClicks(window.case_view.form.title, " W")
        slot = window.case_view.autosaver
        qtbot.waitUntil(lambda: slot.problem is not None, timeout=5000)
        assert slot.problem is not None
        assert slot.problem.startswith("Ulagrede endringer kunne ikke mellomlagres: ")
        assert "Traceback" not in slot.problem
        assert window.statusBar().currentMessage() == slot.problem
        assert window.case_view.save()  # the edit itself is not lost
        assert workspace.case_detail("2026/3").case.title.endswith(" W")
    finally:
        workspace.close()
