"""The open case's verdict follows every change that feeds it, without clicking another case:
the employer's size (49 -> 50 employees brings in arbeidsmiljøloven chapter 8), an event, a
checklist answer, a deadline, and F5. The list's stored verdict follows too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from tillitsvalgt.services import cases as case_service
from tillitsvalgt.shapes import CaseCreate, EmployerCreate, EventCreate
from tillitsvalgt.validation import validate
from tillitsvalgt.workspace import Workspace
from ui.main_window import MainWindow

from helpers.gui import make_window, select_case

TODAY = date(2026, 12, 6)


def _case_at_49(workspace: Workspace) -> tuple[int, str]:
    employer = workspace.create_employer(
        validate(
            EmployerCreate,
            {"name": "Førtini AS", "employees": 49, "agreement": "ys-nho", "sector": "privat"},
        )
    )
    case = workspace.create_case(
        validate(
            CaseCreate,
            {
                "title": "Nytt kontorlandskap",
                "employer_id": employer.id,
                "case_type": "office_layout",
                "notice_on": date(2026, 9, 1),
                "decision_on": date(2026, 9, 15),
                "planned_implementation_on": date(2026, 10, 15),
            },
        )
    )
    return employer.id, case.number


def _verdict_text(window: MainWindow) -> str:
    panel = window.case_view.assessment
    return panel.verdict.text() + "\n" + panel.text.toPlainText()


def _follows_50(window: MainWindow) -> bool:
    text = _verdict_text(window)
    return "50 ansatte" in text or "Virksomhetsregisteret er endret" in text


def _open(qtbot: QtBot, window: MainWindow, number: str) -> None:
    window.apply_filters()
    select_case(window, number)
    qtbot.waitUntil(
        lambda: window.detail is not None and window.detail.case.number == number, timeout=3000
    )


def test_saving_the_employer_refreshes_the_open_case(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    employer_id, number = _case_at_49(workspace)
    window = make_window(qtbot, workspace, tmp_path)
    _open(qtbot, window, number)
    assert "49 ansatte" in _verdict_text(window)
    stored_before = _stored_missing(workspace, number)

    # Through the register's own dialog, as a user does it.
    window.sections.setCurrentWidget(window.employers_view)
    assert window.employers_view.select_employer(employer_id)
    window.employers_view.edit_employer()
    dialog = window.employers_view.dialog
    dialog.employees.setValue(50)
    dialog.accept()
    # The verdict on screen follows at once: judged with 50 employees (or, where a case
    # keeps the employer facts it was registered with, saying that the register differs).
    qtbot.waitUntil(lambda: _follows_50(window), timeout=3000)
    assert "Førtini AS" in window.case_view.state.text()
    # The letter dialog reads the same, fresh verdict.
    assert window.detail is not None and window.detail.employer.employees == 50
    # The stored verdict (the list's column) was assessed again with 50 employees.
    assert _stored_missing(workspace, number) != stored_before


def _stored_missing(workspace: Workspace, number: str) -> tuple[object, ...]:
    with workspace.db.session(readonly=True) as session:
        case = case_service.resolve_case(number, session=session)
        return (case.verdict_level, case.verdict_missing, case.verdict_at)


def test_f5_reads_a_change_made_elsewhere(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    employer_id, number = _case_at_49(workspace)
    window = make_window(qtbot, workspace, tmp_path)
    _open(qtbot, window, number)
    # Another program (the CLI, a colleague on the shared database) changes the employer.
    from tillitsvalgt.shapes import EmployerUpdate

    current = next(e for e in workspace.employers() if e.id == employer_id)
    workspace.update_employer(
        employer_id, validate(EmployerUpdate, {"employees": 50, "version": current.version})
    )
    assert "49 ansatte" in _verdict_text(window) and not _follows_50(window)
    window.refresh_action.trigger()
    assert _follows_50(window)


def test_an_event_a_checklist_answer_and_a_deadline_refresh_the_verdict(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    _, number = _case_at_49(workspace)
    window = make_window(qtbot, workspace, tmp_path)
    _open(qtbot, window, number)
    before = _verdict_text(window)
    # An event saved through its dialog.
    window.case_view.add_event()
    dialog = window.case_view.event_dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("consultation_meeting"))
    dialog.on.set_value(date(2026, 9, 22))
    dialog.save()
    after_event = _verdict_text(window)
    assert after_event != before and "for sent" in after_event.lower()
    # A deadline marked met in the Frister tab: the open case's verdict is read again.
    workspace.add_event(
        number,
        validate(
            EventCreate,
            {"kind": "letter_sent", "occurred_on": date(2026, 11, 20),
             "letter_kind": "krav_om_drofting", "reply_by": date(2026, 12, 1)},
        ),
    )  # fmt: skip
    window.refresh_action.trigger()
    assert "oversittet" in _verdict_text(window).lower()
    refreshed: list[bool] = []
    window.case_view.refreshed.connect(lambda: refreshed.append(True))
    window.deadlines_view.deadlines_changed.emit()
    window.case_view.checklist.answers_changed.emit()
    assert len(refreshed) == 2


def test_f5_reads_a_changed_catalogue(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    """A custom catalogue chosen (or edited) while the window is open: F5 uses it."""
    from tillitsvalgt import settings
    from tillitsvalgt.paths import resource_path

    _, number = _case_at_49(workspace)
    window = make_window(qtbot, workspace, tmp_path)
    _open(qtbot, window, number)
    assert "arbeidsmiljøloven § 8-2" in _verdict_text(window)
    custom = tmp_path / "katalog.toml"
    text = resource_path("catalogue.toml").read_text("utf-8")
    # The office's own catalogue: chapter 8 from 40 employees instead of 50.
    custom.write_text(text.replace("min_employees = 50", "min_employees = 40"), "utf-8")
    settings.save("catalogue", str(custom), workspace.data_dir)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: window.background.running == 0, timeout=10_000)
    assert "49 ansatte (grensen er 40)" in _verdict_text(window)
    assert not window.workspace.reload_catalogue()  # unchanged now: nothing to do
