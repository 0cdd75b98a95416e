"""The window on a full disk: saving a case, a new case, an event, an import and a backup
each fail with the Norwegian message; what the user typed stays where they typed it, and
saves once there is room again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.prompts import ScriptedPrompter

from helpers.gui import make_window, scenario_bundle, select_case
from helpers.storage_faults import dump, full_disk, tiny_filesystem

TODAY = date(2026, 11, 20)  # the day the window tests in test_gui_cases.py live on
FULL = "Det er ikke plass på disken"
LONG = "Arbeidsgiver la fram ny plassfordeling for alle avdelinger. " * 200  # new pages


def database(ws: Workspace) -> Path:
    assert ws.db.location.file is not None
    return ws.db.location.file


def last_error(prompter: ScriptedPrompter) -> str:
    kind, _, text = prompter.shown[-1]
    assert kind == "error", prompter.shown[-1]
    return text


def test_a_case_saved_to_a_full_disk_keeps_what_was_typed(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    select_case(window, "2026/6")
    form = window.case_view.form
    before = dump(database(workspace))
    with full_disk(workspace.db):
        form.location.setText("Bygg B, 4. etasje")
        form.description.setPlainText(LONG)
        window.save_action.trigger()
        assert last_error(prompter).startswith(FULL)
        assert dump(database(workspace)) == before
        # Everything typed is still in the form, marked unsaved, ready to save later.
        assert form.location.text() == "Bygg B, 4. etasje"
        assert form.description.toPlainText() == LONG
        assert window.case_view.is_dirty() and window.windowTitle().startswith("* ")
        assert window.save_action.isEnabled()
    window.save_action.trigger()
    saved = workspace.case_detail("2026/6").case
    assert saved.location == "Bygg B, 4. etasje" and saved.description == LONG
    assert not window.case_view.is_dirty()


def test_a_new_case_on_a_full_disk_keeps_the_dialog_open(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    total = window.model.total
    window.new_case_action.trigger()
    dialog = window.new_case_dialog
    dialog.form.employer.setCurrentIndex(0)
    qtbot.keyClicks(dialog.form.title, "Ny kantine i 1. etasje")
    dialog.form.case_type.setCurrentIndex(dialog.form.case_type.findData("space_allocation"))
    dialog.form.description.setPlainText(LONG)
    with full_disk(workspace.db):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert last_error(prompter).startswith(FULL)
    assert dialog.isVisible() and dialog.form.title.text() == "Ny kantine i 1. etasje"
    assert dialog.form.description.toPlainText() == LONG
    window.apply_filters()
    assert window.model.total == total
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.detail is not None and window.detail.case.description == LONG
    assert window.model.total == total + 1


def test_an_event_on_a_full_disk_keeps_the_dialog_open(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, ScriptedPrompter())
    select_case(window, "2026/6")
    events_before = len(workspace.case_detail("2026/6").events)
    window.case_view.add_event()
    dialog = window.case_view.event_dialog
    dialog.participants.setPlainText("Hovedtillitsvalgt og HR-sjef")
    dialog.notes.setPlainText(LONG)
    with full_disk(workspace.db):
        dialog.save()
        assert dialog.message.text().startswith(FULL)
    assert dialog.isVisible() and dialog.notes.toPlainText() == LONG
    assert dialog.participants.toPlainText() == "Hovedtillitsvalgt og HR-sjef"
    assert len(workspace.case_detail("2026/6").events) == events_before
    dialog.save()
    assert not dialog.isVisible()
    assert len(workspace.case_detail("2026/6").events) == events_before + 1


def test_an_import_on_a_full_disk_imports_nothing(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    bundle = scenario_bundle(tmp_path, 3)
    prompter = ScriptedPrompter(opens=[[bundle]])
    window = make_window(qtbot, workspace, tmp_path, prompter)
    total = window.model.total
    before = dump(database(workspace))
    with full_disk(workspace.db, spare_pages=4):
        window.import_action.trigger()
        qtbot.waitUntil(lambda: window.background.running == 0, timeout=30_000)
        assert last_error(prompter).startswith(FULL)
    assert dump(database(workspace)) == before
    window.apply_filters()
    assert window.model.total == total  # none of the 30 cases, not the first few


def test_a_backup_to_a_full_disk_says_so(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    prompter = ScriptedPrompter()
    window = make_window(qtbot, workspace, tmp_path, prompter)
    with tiny_filesystem(database(workspace).parent / "backups", size_kb=16) as backups:
        window.backup_action.trigger()
        qtbot.waitUntil(lambda: window.background.running == 0, timeout=20_000)
        text = last_error(prompter)
        assert "ikke plass på disken for sikkerhetskopien" in text and "Frigjør plass" in text
        assert list(backups.iterdir()) == []
