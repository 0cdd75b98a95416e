"""Every date field of every window and dialog, typed into with real keystrokes: what a
Norwegian types is what is saved, the field says which date it understood, and a text that is
not a date is refused with a message instead of becoming some other date. The fields are
found by walking the widget tree, so a new one cannot escape; a ``QDateEdit`` (whose sections
skipped the month when 15.10.2026 was typed) fails the walk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.date_input import DateInput

from helpers.gui import make_window, select_case, type_into
from helpers.gui_tour import tour

TODAY = date(2026, 12, 6)
TYPED = [
    ("15.10.2026", date(2026, 10, 15)),
    ("15.10.26", date(2026, 10, 15)),
    ("1.2.26", date(2026, 2, 1)),
    ("151026", date(2026, 10, 15)),
    ("22.09.2026", date(2026, 9, 22)),
    ("i", TODAY),
]


def visible_date_fields(root: QWidget) -> list[DateInput]:
    return [f for f in root.findChildren(DateInput) if f.isVisibleTo(root) and f.isEnabled()]


def test_every_date_field_reads_what_is_typed(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    seen: set[str] = set()
    for name, root in tour(qtbot, window):
        assert not root.findChildren(QDateTimeEdit), f"{name}: a QDateEdit is left"
        for field in visible_date_fields(root):
            key = f"{name}/{field.objectName()}"
            if key in seen:
                continue
            seen.add(key)
            for text, meant in TYPED:
                type_into(qtbot, field, text)
                assert field.value() == meant, f"{key}: {text!r} -> {field.value()}"
                assert field.problem() is None
                assert field.line.text() == meant.strftime("%d.%m.%Y"), key
                # What it understood is said beside the field, in words.
                assert str(meant.year) in field.echo.text(), key
            type_into(qtbot, field, "15.13.2026")
            assert field.value() is None and field.problem(), key
            assert "Måneden" in field.echo.text(), key
            type_into(qtbot, field, "15.10.2026")
    # Every dialog with a date was walked: the case form (4), the event (date, reply by),
    # the letter, the report's period (2), a deadline's extension and a new deadline.
    names = {k.split("/")[0] for k in seen}
    for expected in (
        "Ny sak",
        "Ny hendelse (brev)",
        "Nytt brev",
        "Rapport",
        "Forleng frist",
        "Ny frist",
    ):
        assert expected in names, names
    assert sum(1 for k in seen if k.startswith("window")) >= 4
    assert sum(1 for k in seen if k.startswith("Ny sak/")) == 4
    assert sum(1 for k in seen if k.startswith("Rapport/")) == 2


def test_a_typed_case_date_is_the_date_saved(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    select_case(window, "2026/3")
    qtbot.waitUntil(lambda: window.detail is not None, timeout=3000)
    form = window.case_view.form
    type_into(qtbot, form.implemented, "15.10.2026")
    type_into(qtbot, form.planned, "1.10.26")
    window.save_action.trigger()
    saved = workspace.case_detail("2026/3").case
    assert saved.implemented_on == date(2026, 10, 15)
    assert saved.planned_implementation_on == date(2026, 10, 1)
    # Emptied, an optional date is unknown again; unreadable, it is never saved.
    type_into(qtbot, form.implemented, "")
    assert form.implemented.value() is None and form.implemented.problem() is None
    type_into(qtbot, form.planned, "31.11.2026")
    assert "November har bare 30 dager" in form.planned.echo.text()
    assert not form.check()
    version = workspace.case_detail("2026/3").case.version
    window.save_action.trigger()
    again = workspace.case_detail("2026/3").case
    assert again.version == version and again.planned_implementation_on == date(2026, 10, 1)


def test_an_event_date_typed_is_saved_and_a_bad_one_refused(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    select_case(window, "2026/3")
    qtbot.waitUntil(lambda: window.detail is not None, timeout=3000)
    before = len(workspace.case_detail("2026/3").events)
    window.case_view.add_event()
    dialog = window.case_view.event_dialog
    type_into(qtbot, dialog.on, "31.2.2026")
    dialog.save()
    assert dialog.isVisible() and "februar har bare 28 dager" in dialog.message.text()
    assert len(workspace.case_detail("2026/3").events) == before
    type_into(qtbot, dialog.on, "22.09.2026")
    dialog.save()
    events = workspace.case_detail("2026/3").events
    assert len(events) == before + 1
    assert date(2026, 9, 22) in {e.occurred_on for e in events}


def test_the_report_period_typed_is_the_period_asked_for(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.open_report()
    dialog = window.report_dialog
    type_into(qtbot, dialog.start, "01.01.2026")
    type_into(qtbot, dialog.end, "31.12.26")
    request = dialog.request()
    assert (request.start, request.end) == (date(2026, 1, 1), date(2026, 12, 31))
    type_into(qtbot, dialog.end, "32.12.2026")
    dialog.make()
    assert window.prompter.shown[-1][0] == "error"  # type: ignore[attr-defined]
    assert "desember har bare 31 dager" in window.prompter.shown[-1][2]  # type: ignore[attr-defined]


def test_the_calendar_sets_the_date_and_alt_down_opens_it(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    field = DateInput(date(2026, 10, 15), today=lambda: TODAY)
    qtbot.addWidget(field)
    field.show()
    field.line.setFocus()
    QTest.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.calendar is not None
    assert field.calendar.selectedDate().toPython() == date(2026, 10, 15)
    from PySide6.QtCore import QDate

    field.calendar.clicked.emit(QDate(2026, 11, 3))
    assert field.value() == date(2026, 11, 3)


def test_arrow_keys_step_a_day(qtbot: QtBot) -> None:
    field = DateInput(date(2026, 12, 31), today=lambda: TODAY)
    qtbot.addWidget(field)
    field.show()
    QTest.keyClick(field.line, Qt.Key.Key_Up)
    assert field.value() == date(2027, 1, 1) and field.line.text() == "01.01.2027"
    QTest.keyClick(field.line, Qt.Key.Key_Down)
    QTest.keyClick(field.line, Qt.Key.Key_Down)
    assert field.value() == date(2026, 12, 30)
    empty = DateInput(optional=True, today=lambda: TODAY)
    qtbot.addWidget(empty)
    QTest.keyClick(empty.line, Qt.Key.Key_Up)
    assert empty.value() == date(2026, 12, 7)


def test_no_qdateedit_is_left_in_the_window_code() -> None:
    """The walk above sees the dialogs the tour opens; this sees the code of every one."""
    root = Path(__file__).resolve().parent.parent / "ui"
    offenders = [
        str(file.relative_to(root))
        for file in root.rglob("*.py")
        if "QDateEdit" in file.read_text("utf-8").replace("# QDateEdit", "")
        and file.name != "date_input.py"
    ]
    assert offenders == []
