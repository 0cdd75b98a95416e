"""The checklist says when the home-office regulation does not bind the case (sporadic home
work, § 1) or when the authorities' exception applies (§ 2), instead of «8 punkter mangler»."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from tillitsvalgt.rules.checklist import regulation_scope
from tillitsvalgt.shapes import CaseUpdate
from tillitsvalgt.validation import validate
from tillitsvalgt.workspace import Workspace

from helpers.gui import make_window, select_case

TODAY = date(2026, 12, 6)


def test_regulation_scope() -> None:
    assert regulation_scope(None, None) is None
    assert regulation_scope(2, False) is None
    assert regulation_scope(1, None) is None  # one day a week on average is regular
    sporadic = regulation_scope(0.5, None)
    assert sporadic is not None and "gjelder ikke" in sporadic and "0,5 dager" in sporadic
    ordered = regulation_scope(3, True)
    assert ordered is not None and "myndighetene" in ordered and "drøfte" in ordered


def test_the_tab_says_so_for_the_open_case(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    number = next(r.number for r in window.model.rows if r.case_type.startswith("home_office"))
    select_case(window, number)
    qtbot.waitUntil(lambda: window.detail is not None, timeout=3000)
    case = workspace.case_detail(number).case
    workspace.update_case(
        case.id,
        validate(CaseUpdate, {"home_office_days_per_week": 0.5, "version": case.version}),
    )
    window.refresh_action.trigger()
    window.case_view.refresh()
    summary = window.case_view.checklist.summary.text()
    assert "gjelder ikke" in summary and "mangler" not in summary
    case = workspace.case_detail(number).case
    workspace.update_case(
        case.id,
        validate(
            CaseUpdate,
            {
                "home_office_days_per_week": 3,
                "ordered_by_authorities": True,
                "version": case.version,
            },
        ),
    )
    window.case_view.refresh()
    assert "myndighetene" in window.case_view.checklist.summary.text()
