"""The deadlines view (overdue and coming deadlines across cases, met, extended, the range
filter, opening the case) and the home-office checklist panel, driven with pytest-qt on
the offscreen platform over a workspace with the scenarios imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tillitsvalgt.rules.checklist import checklist_items
from tillitsvalgt.services import cases
from tillitsvalgt.services import deadlines as deadline_service
from tillitsvalgt.services.letters import LetterRequest
from tillitsvalgt.shapes import DeadlineCreate, DeadlineRead
from tillitsvalgt.workspace import DeadlineRow, Workspace
from ui.errors import CrashReporter
from ui.models.deadline_table import DUE, NUMBER, STATUS, TITLE, WHAT, DeadlineTableModel
from ui.prompts import ScriptedPrompter
from ui.views.checklist_panel import ChecklistPanel
from ui.views.deadlines_view import DeadlinesView, overdue_notice

from conftest import open_scenario_workspace

TODAY = date(2026, 11, 20)  # a Friday

# (case, due, what): two overdue, three coming (in 7, 25 and 45 days).
DEADLINES = [
    ("2026/3", date(2026, 11, 27), "Svar på krav om informasjon"),
    ("2026/7", date(2026, 11, 10), "Svar på krav om drøfting"),
    ("2026/2", date(2027, 1, 4), "Protokoll skal signeres"),
    ("2026/6", date(2026, 12, 15), "Innkalling til drøftingsmøte"),
    ("2026/4", date(2026, 11, 18), "Svar om hjemmekontoravtale"),
]


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    ws = open_scenario_workspace(tmp_path / "data", TODAY)
    with ws.db.session() as s:
        # The import put the reply deadline of 2026/7's letter on that case (its timeline
        # has one); these tests count their own deadlines, so that one is cancelled.
        imported = deadline_service.open_deadlines(session=s)
        assert [d.case_id for d in imported] == [cases.resolve_case("2026/7", session=s).id]
        for d in imported:
            deadline_service.cancel_deadline(d.id, session=s)
    yield ws
    ws.close()


def add_deadlines(ws: Workspace) -> dict[str, DeadlineRead]:
    """The test's deadlines, by case number (the GUI itself never opens a session)."""
    made: dict[str, DeadlineRead] = {}
    with ws.db.session() as s:
        for number, due, title in DEADLINES:
            made[number] = deadline_service.add_deadline(
                number, DeadlineCreate(due_on=due, title=title), session=s
            )
    return made


def make_view(qtbot: QtBot, ws: Workspace, prompter: ScriptedPrompter) -> DeadlinesView:
    view = DeadlinesView(ws, prompter=prompter, crashes=CrashReporter(prompter, enabled=False))
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    return view


def shown(view: DeadlinesView) -> list[tuple[str, str, str]]:
    """(case, due date, status) per row, as the user reads them."""
    m = view.model
    return [
        (m.data(m.index(r, NUMBER)), m.data(m.index(r, DUE)), m.data(m.index(r, STATUS)))
        for r in range(m.rowCount())
    ]


def select_case(view: DeadlinesView, number: str) -> int:
    row = next(i for i, r in enumerate(view.model.rows) if r.case_number == number)
    view.table.selectRow(row)
    return row


# --------------------------------------------------------------------------- the model


def test_the_model_passes_qt_model_tester_and_marks_overdue(
    qtmodeltester: Any, workspace: Workspace
) -> None:
    add_deadlines(workspace)
    model = DeadlineTableModel()
    assert model.rowCount() == 0
    qtmodeltester.check(model)
    model.set_rows(workspace.open_deadlines(), TODAY)
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.columnCount() == 5
    assert model.headerData(DUE, Qt.Orientation.Horizontal) == "Frist"
    first = model.index(0, 0)
    assert model.data(model.index(0, DUE)) == "10.11.2026"
    assert model.data(model.index(0, NUMBER)) == "2026/7"
    assert model.data(model.index(0, TITLE)) == "Lagerkontorene slås sammen"
    assert model.data(model.index(0, WHAT)) == "Svar på krav om drøfting"
    # Overdue: a symbol and a word, and a colour besides.
    assert model.data(model.index(0, STATUS)) == "! Oversittet"
    assert model.data(first, Qt.ItemDataRole.ForegroundRole) is not None
    tip = model.data(model.index(0, DUE), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Tirsdag 10. november 2026") and "10 dager siden" in tip
    # Coming: open, no colour, and the tooltip names the weekday.
    coming = model.index(2, STATUS)
    assert model.data(model.index(2, DUE)) == "27.11.2026"
    assert model.data(coming) == "Åpen"
    assert model.data(coming, Qt.ItemDataRole.ForegroundRole) is None
    tip = model.data(model.index(2, DUE), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Fredag 27. november 2026") and "om 7 dager" in tip
    assert model.data(model.index(0, DUE), Qt.ItemDataRole.UserRole) == model.rows[0].deadline.id


def test_an_extended_deadline_says_so_in_its_tooltip(workspace: Workspace) -> None:
    made = add_deadlines(workspace)
    workspace.extend_deadline(made["2026/3"].id, date(2027, 1, 4), "avtalt")
    model = DeadlineTableModel()
    model.set_rows(workspace.open_deadlines(), TODAY)
    row = next(i for i, r in enumerate(model.rows) if r.case_number == "2026/3")
    tip = model.data(model.index(row, DUE), Qt.ItemDataRole.ToolTipRole)
    assert "Mandag 4. januar 2027" in tip and "opprinnelig frist 27.11.2026" in tip


# --------------------------------------------------------------------------- the view


def test_the_view_lists_deadlines_soonest_first_with_overdue_marked(
    qtbot: QtBot, workspace: Workspace
) -> None:
    add_deadlines(workspace)
    view = make_view(qtbot, workspace, ScriptedPrompter())
    assert shown(view) == [
        ("2026/7", "10.11.2026", "! Oversittet"),
        ("2026/4", "18.11.2026", "! Oversittet"),
        ("2026/3", "27.11.2026", "Åpen"),
        ("2026/6", "15.12.2026", "Åpen"),
        ("2026/2", "04.01.2027", "Åpen"),
    ]
    assert view.count.text() == "5 frister, 2 oversittet"
    # Nothing chosen: nothing to act on.
    assert not view.met_button.isEnabled() and not view.extend_button.isEnabled()
    select_case(view, "2026/3")
    assert view.met_button.isEnabled() and view.extend_button.isEnabled()
    assert view.extend_button.text() == "For&leng…"


def test_an_empty_list_says_so(qtbot: QtBot, workspace: Workspace) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    assert view.model.rowCount() == 0
    assert view.count.text() == "Ingen åpne frister"


def test_a_sent_letter_brings_its_reply_deadline_to_the_list(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = make_view(qtbot, workspace, ScriptedPrompter())
    assert view.model.rowCount() == 0
    letter = workspace.create_letter("2026/6", LetterRequest(kind="krav_om_drofting", dated=TODAY))
    assert letter.document is not None
    workspace.mark_letter_sent(letter.document.id, TODAY)
    view.refresh()
    assert shown(view) == [("2026/6", "04.12.2026", "Åpen")]
    assert "2026/6-1" in view.model.rows[0].deadline.title


def test_marking_met_removes_it_and_the_service_agrees(qtbot: QtBot, workspace: Workspace) -> None:
    made = add_deadlines(workspace)
    view = make_view(qtbot, workspace, ScriptedPrompter())
    changed: list[bool] = []
    view.deadlines_changed.connect(lambda: changed.append(True))
    select_case(view, "2026/7")
    qtbot.mouseClick(view.met_button, Qt.MouseButton.LeftButton)
    assert "2026/7" not in [r.case_number for r in view.model.rows]
    assert view.model.rowCount() == 4 and view.count.text() == "4 frister, 1 oversittet"
    stored = next(d for d in workspace.case_detail("2026/7").deadlines if d.id == made["2026/7"].id)
    assert stored.met_on == TODAY
    assert "2026/7" in view.message.text() and "overholdt" in view.message.text()
    assert changed == [True]
    # The next deadline is chosen, so the keyboard user can carry on.
    chosen = view.selected()
    assert chosen is not None and chosen.case_number == "2026/4"


def test_extending_moves_the_deadline_and_an_earlier_date_is_refused(
    qtbot: QtBot, workspace: Workspace
) -> None:
    made = add_deadlines(workspace)
    prompter = ScriptedPrompter()
    view = make_view(qtbot, workspace, prompter)
    select_case(view, "2026/3")
    qtbot.mouseClick(view.extend_button, Qt.MouseButton.LeftButton)
    dialog = view.extend_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.chosen_date() == date(2026, 12, 4)  # a week on, to start with
    # The day beside the field, once: the hint below says only what that does not.
    assert "Fredag 4. desember 2026" in dialog.new_date.echo.text()
    assert dialog.day_hint.text() == "" and not dialog.day_hint.isVisible()

    # Earlier than the current deadline: the service's message, the dialog stays open.
    dialog.new_date.set_value(date(2026, 11, 25))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    kind, title, text = prompter.shown[-1]
    assert kind == "error" and title == "Fristen ble ikke forlenget"
    assert "ny frist må være etter 2026-11-27" in text
    assert dialog.isVisible()
    assert view.model.rows[view.model.row_of(made["2026/3"].id) or 0].deadline.due_on == date(
        2026, 11, 27
    )

    # A Saturday is allowed but the hint says it is not a working day.
    dialog.new_date.set_value(date(2027, 2, 6))
    assert dialog.day_hint.text() == "Ikke en virkedag (lørdag)"
    assert dialog.day_hint.isVisible()
    dialog.new_date.set_value(date(2027, 2, 8))
    dialog.reason.setText("Avtalt med HR-sjefen på telefon")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and view.extend_dialog is None
    assert [k for k, _, _ in prompter.shown] == ["error"]  # no new message
    numbers = [r.case_number for r in view.model.rows]
    assert numbers[-1] == "2026/3"  # moved to the end: now the latest
    moved = view.model.rows[-1].deadline
    assert moved.due_on == date(2027, 2, 8) and moved.original_due_on == date(2026, 11, 27)
    with workspace.db.session(readonly=True) as s:
        history = deadline_service.extensions(made["2026/3"].id, session=s)
    assert [(h.previous_due_on, h.new_due_on, h.reason) for h in history] == [
        (date(2026, 11, 27), date(2027, 2, 8), "Avtalt med HR-sjefen på telefon")
    ]
    assert "08.02.2027" in view.message.text()


def test_cancelling_the_extend_dialog_changes_nothing(qtbot: QtBot, workspace: Workspace) -> None:
    made = add_deadlines(workspace)
    view = make_view(qtbot, workspace, ScriptedPrompter())
    select_case(view, "2026/6")
    view.extend()
    dialog = view.extend_dialog
    assert dialog is not None
    dialog.new_date.set_value(date(2027, 3, 1))
    dialog.reject()
    due = next(d for d in workspace.open_deadlines() if d.deadline.id == made["2026/6"].id)
    assert due.deadline.due_on == date(2026, 12, 15)


def test_the_range_filter(qtbot: QtBot, workspace: Workspace) -> None:
    add_deadlines(workspace)
    view = make_view(qtbot, workspace, ScriptedPrompter())
    assert [view.range.itemText(i) for i in range(view.range.count())] == [
        "Alle åpne",
        "Neste 14 dager",
        "Neste 30 dager",
    ]
    view.range.setCurrentIndex(view.range.findText("Neste 14 dager"))
    assert [r.case_number for r in view.model.rows] == ["2026/7", "2026/4", "2026/3"]
    view.range.setCurrentIndex(view.range.findText("Neste 30 dager"))
    assert [r.case_number for r in view.model.rows] == ["2026/7", "2026/4", "2026/3", "2026/6"]
    view.range.setCurrentIndex(view.range.findText("Alle åpne"))
    assert view.model.rowCount() == 5


def test_double_click_and_enter_open_the_case(qtbot: QtBot, workspace: Workspace) -> None:
    add_deadlines(workspace)
    view = make_view(qtbot, workspace, ScriptedPrompter())
    opened: list[str] = []
    view.case_activated.connect(opened.append)
    row = select_case(view, "2026/6")
    cell = view.table.visualRect(view.model.index(row, TITLE)).center()
    # Qt's test double-click sends no press before it; a real double-click has one.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened == []  # a single click only selects
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert opened == ["2026/6"]
    select_case(view, "2026/2")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == ["2026/6", "2026/2"]
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened == ["2026/6", "2026/2", "2026/2"]


def _row(number: str, overdue: bool) -> DeadlineRow:
    deadline = DeadlineRead(
        id=1,
        case_id=1,
        document_id=None,
        due_on=TODAY,
        original_due_on=TODAY,
        met_on=None,
        cancelled=False,
        title="Svar",
    )
    return DeadlineRow(deadline, number, "Sak", overdue)


def test_overdue_notice(workspace: Workspace) -> None:
    assert overdue_notice([]) is None
    assert overdue_notice([_row("2026/1", False), _row("2026/2", False)]) is None
    assert overdue_notice([_row("2026/1", True), _row("2026/2", False)]) == (
        "1 frist er oversittet – se Frister."
    )
    assert overdue_notice([_row("2026/1", True), _row("2026/2", True)]) == (
        "2 frister er oversittet – se Frister."
    )
    add_deadlines(workspace)
    assert overdue_notice(workspace.open_deadlines()) == "2 frister er oversittet – se Frister."


# --------------------------------------------------------------------------- the checklist


def make_panel(qtbot: QtBot, ws: Workspace, prompter: ScriptedPrompter) -> ChecklistPanel:
    panel = ChecklistPanel(ws, prompter=prompter, crashes=CrashReporter(prompter, enabled=False))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def case_id(ws: Workspace, number: str) -> int:
    return ws.case_detail(number).case.id


def stored(ws: Workspace, number: str) -> dict[str, tuple[str, str | None]]:
    return {a.item_key: (a.answer, a.note) for a in ws.checklist(number)}


def test_the_panel_lists_every_item_in_two_groups(qtbot: QtBot, workspace: Workspace) -> None:
    panel = make_panel(qtbot, workspace, ScriptedPrompter())
    assert not panel.isEnabled()  # no case yet
    panel.show_case(case_id(workspace, "2026/4"), "home_office_policy")
    assert panel.isEnabled()
    assert list(panel.rows) == [i.key for i in checklist_items()]
    assert panel.groups["forskrift"].title() == "Minstekrav i hjemmekontorforskriften § 2"
    assert panel.groups["forbund"].title() == "Forbundets krav"
    forskrift = panel.groups["forskrift"].findChildren(QWidget, "answer-omfang")
    forbund = panel.groups["forbund"].findChildren(QWidget, "answer-bredband")
    assert forskrift and forbund
    combo = panel.rows["omfang"].answer
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Oppfylt",
        "Ikke oppfylt",
        "Ukjent",
    ]
    assert combo.currentData() == "unknown"
    assert "hjemmekontorforskriften § 2" in combo.toolTip()
    assert panel.explanation.isHidden()
    # Nothing answered: the eight items of the regulation are unclear.
    assert panel.summary.text() == "8 punkter er uavklart"


def test_answering_saves_and_the_summary_follows(qtbot: QtBot, workspace: Workspace) -> None:
    panel = make_panel(qtbot, workspace, ScriptedPrompter())
    changed: list[bool] = []
    panel.answers_changed.connect(lambda: changed.append(True))
    panel.show_case(case_id(workspace, "2026/4"), "home_office_policy")
    rows = panel.rows
    rows["omfang"].answer.setCurrentIndex(rows["omfang"].answer.findData("met"))
    rows["arbeidstid"].answer.setCurrentIndex(rows["arbeidstid"].answer.findData("not_met"))
    rows["utstyr"].answer.setCurrentIndex(rows["utstyr"].answer.findData("not_met"))
    rows["bredband"].answer.setCurrentIndex(rows["bredband"].answer.findData("not_met"))
    assert stored(workspace, "2026/4") == {
        "omfang": ("met", None),
        "arbeidstid": ("not_met", None),
        "utstyr": ("not_met", None),
        "bredband": ("not_met", None),
    }
    assert len(changed) == 4
    # 3 missing (two of the regulation, one of the union's); 8 - 3 answered = 5 unclear.
    assert panel.summary.text() == "3 punkter mangler, 5 er uavklart"
    assert "Bredbånd" in panel.summary.toolTip()
    rows["bredband"].answer.setCurrentIndex(rows["bredband"].answer.findData("met"))
    assert stored(workspace, "2026/4")["bredband"] == ("met", None)
    assert panel.summary.text() == "2 punkter mangler, 5 er uavklart"


def test_with_no_written_agreements_the_unanswered_are_missing(
    qtbot: QtBot, workspace: Workspace
) -> None:
    panel = make_panel(qtbot, workspace, ScriptedPrompter())
    panel.show_case(case_id(workspace, "2026/4"), "home_office_policy", written_agreements=False)
    assert panel.summary.text() == "8 punkter mangler"
    rows = panel.rows
    rows["omfang"].answer.setCurrentIndex(rows["omfang"].answer.findData("met"))
    assert panel.summary.text() == "7 punkter mangler"


def test_a_note_is_saved_when_editing_finishes(qtbot: QtBot, workspace: Workspace) -> None:
    panel = make_panel(qtbot, workspace, ScriptedPrompter())
    panel.show_case(case_id(workspace, "2026/5"), "home_office_policy")
    note = panel.rows["tilgjengelighet"].note
    note.setFocus()
    qtbot.keyClicks(note, "Kjernetid 9-15 står i retningslinjen")
    assert stored(workspace, "2026/5") == {}  # not while typing
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert stored(workspace, "2026/5") == {
        "tilgjengelighet": ("unknown", "Kjernetid 9-15 står i retningslinjen")
    }
    # The answer keeps the note it has.
    combo = panel.rows["tilgjengelighet"].answer
    combo.setCurrentIndex(combo.findData("met"))
    assert stored(workspace, "2026/5")["tilgjengelighet"] == (
        "met",
        "Kjernetid 9-15 står i retningslinjen",
    )
    # Emptying the note removes it.
    note.clear()
    note.editingFinished.emit()
    assert stored(workspace, "2026/5")["tilgjengelighet"] == ("met", None)


def test_reopening_the_case_shows_the_stored_answers(qtbot: QtBot, workspace: Workspace) -> None:
    first = make_panel(qtbot, workspace, ScriptedPrompter())
    ident = case_id(workspace, "2026/4")
    first.show_case(ident, "home_office_policy")
    first.rows["varighet"].answer.setCurrentIndex(first.rows["varighet"].answer.findData("met"))
    first.rows["hms"].note.setText("Ingen vernerunde hjemme")
    first.rows["hms"].note.editingFinished.emit()
    # Another case in between shows its own (empty) answers, not this one's.
    first.show_case(case_id(workspace, "2026/5"), "home_office_policy")
    assert first.rows["varighet"].answer.currentData() == "unknown"
    assert first.rows["hms"].note.text() == ""

    again = make_panel(qtbot, workspace, ScriptedPrompter())
    again.show_case(ident, "home_office_policy")
    assert again.rows["varighet"].answer.currentData() == "met"
    assert again.rows["varighet"].answer.currentText() == "Oppfylt"
    assert again.rows["hms"].note.text() == "Ingen vernerunde hjemme"
    assert again.rows["hms"].answer.currentData() == "unknown"
    assert again.summary.text() == "7 punkter er uavklart"


def test_other_case_types_get_an_explanation_and_still_work(
    qtbot: QtBot, workspace: Workspace
) -> None:
    panel = make_panel(qtbot, workspace, ScriptedPrompter())
    panel.show_case(case_id(workspace, "2026/6"), "office_layout")
    assert not panel.explanation.isHidden()
    assert "hjemmekontorsaker" in panel.explanation.text()
    assert "Kontorløsning" in panel.explanation.text()
    combo = panel.rows["frakobling"].answer
    combo.setCurrentIndex(combo.findData("not_met"))
    assert stored(workspace, "2026/6") == {"frakobling": ("not_met", None)}
    panel.show_case(case_id(workspace, "2026/4"), "home_office_policy")
    assert panel.explanation.isHidden()


def test_a_refused_save_is_explained_and_the_stored_value_comes_back(
    qtbot: QtBot, workspace: Workspace
) -> None:
    prompter = ScriptedPrompter()
    panel = make_panel(qtbot, workspace, prompter)
    panel.show_case(case_id(workspace, "2026/4"), "home_office_policy")
    combo = panel.rows["omfang"].answer
    combo.setCurrentIndex(combo.findData("met"))
    # A note with a control character is refused by validation and put back.
    note = panel.rows["omfang"].note
    note.setText("ugyldig \x07 tegn")
    note.editingFinished.emit()
    assert prompter.shown[-1][0] == "error" and "Arbeidets omfang" in prompter.shown[-1][1]
    assert note.text() == "" and stored(workspace, "2026/4") == {"omfang": ("met", None)}

    workspace.delete_case("2026/4")  # someone binned the case meanwhile
    combo.setCurrentIndex(combo.findData("not_met"))
    kind, title, text = prompter.shown[-1]
    assert kind == "error" and "Arbeidets omfang" in title and "papirkurven" in text
    assert len(prompter.shown) == 2
    assert combo.currentData() == "met"  # the stored value again
    assert panel.summary.text() == "7 punkter er uavklart"
