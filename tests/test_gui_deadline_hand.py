"""The Frister tab: a deadline set and cancelled by hand; closing a case in the window takes
its deadlines out of the tab and the overdue notice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.prompts import ScriptedPrompter

from helpers.gui import make_window, select_case, type_into

TODAY = date(2026, 12, 6)


def test_set_cancel_and_close_from_the_window(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    prompter = window.prompter
    assert isinstance(prompter, ScriptedPrompter)
    select_case(window, "2026/3")
    qtbot.waitUntil(lambda: window.detail is not None, timeout=3000)
    window.deadlines_section_action.trigger()
    view = window.deadlines_view
    before = view.model.rowCount()
    view.new_deadline()
    dialog = view.new_dialog
    assert dialog is not None and dialog.case.text() == "2026/3"  # the case open beside
    type_into(qtbot, dialog.due, "1.11.26")  # already passed: overdue at once
    qtbot.keyClicks(dialog.title, "Svar fra HR")
    dialog.accept()
    assert view.model.rowCount() == before + 1
    row = next(r for r in view.model.rows if r.deadline.title == "Svar fra HR")
    assert row.overdue and row.deadline.due_on == date(2026, 11, 1)
    overdue_before = workspace.overdue_count()

    # Cancelled by hand (after a yes): gone from the tab and the count.
    view.table.selectRow(view.model.rows.index(row))
    prompter.confirms.append(True)
    view.cancel_selected()
    assert all(r.deadline.title != "Svar fra HR" for r in view.model.rows)
    assert workspace.overdue_count() == overdue_before - 1

    # Another, then the case is closed in the window: its deadline lapses.
    view.new_deadline("2026/3")
    dialog = view.new_dialog
    assert dialog is not None
    type_into(qtbot, dialog.due, "02.11.2026")
    qtbot.keyClicks(dialog.title, "Nytt svar")
    dialog.accept()
    assert workspace.overdue_count() == overdue_before
    window.cases_section_action.trigger()
    window.close_case()
    window.close_case_dialog.accept()
    assert workspace.case_detail("2026/3").case.status == "closed"
    assert workspace.overdue_count() == overdue_before - 1
    window.deadlines_section_action.trigger()
    assert all(r.case_number != "2026/3" for r in view.model.rows)
    states = {d.title: d.state for d in workspace.case_detail("2026/3").deadlines}
    assert states["Nytt svar"] == "lapsed" and states["Svar fra HR"] == "cancelled"
