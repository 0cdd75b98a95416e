"""The case view's «Historikk» tab: every change of the case, its events and its employer,
newest first, read through the Workspace when the tab is shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tillitsvalgt.shapes import CaseUpdate, RepresentativeCreate
from tillitsvalgt.workspace import Workspace
from ui.models.history_table import (
    HIST_NEW,
    HIST_OLD,
    HIST_WHAT,
    HIST_WHEN,
    HIST_WHO,
    HistoryTableModel,
)

from conftest import open_scenario_workspace
from helpers.gui import make_window, select_case

TODAY = date(2026, 11, 20)


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    ws = open_scenario_workspace(tmp_path / "data", TODAY)
    ws.save_profile(RepresentativeCreate(name="Kari Nordmann", role="hovedtillitsvalgt"))
    yield ws
    ws.close()


def test_the_history_model_passes_qt_model_tester(qtmodeltester: Any, workspace: Workspace) -> None:
    model = HistoryTableModel()
    qtmodeltester.check(model)
    case = workspace.case_detail("2026/6").case
    workspace.update_case(case.id, CaseUpdate(version=case.version, description="x" * 500))
    model.set_items(workspace.case_history("2026/6"))
    qtmodeltester.check(model)
    assert model.rowCount() >= 2
    assert model.index(0, HIST_NEW).data().endswith("…")  # a long text is cut in the table
    tooltip = model.index(0, HIST_NEW).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "x" * 500  # and whole in its tooltip


def test_the_history_tab_shows_the_changes_newest_first(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    select_case(window, "2026/6")
    view = window.case_view
    assert view.history.rowCount() == 0  # not read until the tab is shown
    view.tabs.setCurrentIndex(view.history_tab)
    assert view.tabs.tabText(view.history_tab).replace("&", "") == "Historikk"
    imported = view.history.rowCount()
    assert imported > 0
    assert "(import)" in view.history.index(imported - 1, HIST_WHAT).data()

    view.tabs.setCurrentIndex(1)
    view.form.location.setText("Bygg B")
    window.save_action.trigger()
    view.tabs.setCurrentIndex(view.history_tab)
    assert view.history.rowCount() == imported + 1
    top = [view.history.index(0, c).data() for c in (HIST_WHAT, HIST_WHO, HIST_NEW)]
    assert top == ["Sted/avdeling", "Kari Nordmann", "Bygg B"]
    assert view.history.index(0, HIST_OLD).data() != "Bygg B"
    when = view.history.index(0, HIST_WHEN).data()
    assert when[2] == "." and when[5] == "." and ":" in when  # 22.11.2026 14:05
    headers = [view.history.headerData(c, _horizontal()) for c in range(5)]
    assert headers == ["Når", "Hvem", "Hva", "Fra", "Til"]


def _horizontal() -> Any:
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
