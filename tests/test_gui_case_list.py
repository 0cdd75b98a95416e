"""The case list's columns: every header that can be clicked sorts in the database (the
verdict worst first, the next deadline soonest first with cases without one last), the verdict
sits beside the number by default, and the user's column order and widths are remembered."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tillitsvalgt.services import deadlines
from tillitsvalgt.shapes import DeadlineCreate
from tillitsvalgt.workspace import Workspace
from ui.models.case_table import DEADLINE, HEADERS, NUMBER, SORT_KEYS, TIMING

from conftest import open_scenario_workspace
from helpers.gui import make_window

TODAY = date(2026, 12, 6)


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    ws = open_scenario_workspace(tmp_path / "data", TODAY)
    with ws.db.session() as s:
        for number, due in (("2026/3", date(2027, 1, 5)), ("2026/5", date(2026, 12, 10))):
            deadlines.add_deadline(number, DeadlineCreate(due_on=due, title="Svar"), session=s)
    yield ws
    ws.close()


def test_every_column_sorts_in_the_database(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    header = window.table.horizontalHeader()
    assert header.sectionsClickable()
    for column in HEADERS:
        assert SORT_KEYS[column] is not None, f"column {column} shows an arrow but cannot sort"
        header.setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        assert window.model.query.sort == SORT_KEYS[column]
    header.setSortIndicator(DEADLINE, Qt.SortOrder.AscendingOrder)
    dues = [r.next_deadline for r in window.model.rows]
    known = [d for d in dues if d is not None]
    assert known == sorted(known) and len(known) >= 2
    assert dues[: len(known)] == known  # cases without a deadline last
    header.setSortIndicator(DEADLINE, Qt.SortOrder.DescendingOrder)
    dues = [r.next_deadline for r in window.model.rows]
    assert [d for d in dues if d is not None] == sorted(known, reverse=True)
    assert dues[: len(known)] == sorted(known, reverse=True)  # still last
    header.setSortIndicator(TIMING, Qt.SortOrder.AscendingOrder)
    order = {
        "not_held_decision_taken": 0,
        "late_after_implementation": 1,
        "late_before_implementation": 2,
        "information_only": 3,
        "not_held_yet": 4,
        "unknown": 5,
        "in_time": 6,
    }
    ranks = [order.get(r.timing or "", 7) for r in window.model.rows]
    assert ranks == sorted(ranks) and len(set(ranks)) >= 2


def test_the_verdict_is_beside_the_number_and_the_layout_is_remembered(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    ini = tmp_path / "gui.ini"
    window = make_window(qtbot, workspace, ini.parent, ini=ini.name)
    window.resize(1024, 700)
    header = window.table.horizontalHeader()
    assert header.visualIndex(NUMBER) == 0 and header.visualIndex(TIMING) == 1
    # On screen in a 1024 px window: the verdict column's right edge is inside the list.
    right = header.sectionViewportPosition(TIMING) + header.sectionSize(TIMING)
    assert right <= window.table.viewport().width()
    header.moveSection(header.visualIndex(DEADLINE), 1)
    window.table.setColumnWidth(TIMING, 201)
    window.save_state()
    window.close()
    again = make_window(qtbot, workspace, ini.parent, ini=ini.name)
    header = again.table.horizontalHeader()
    assert header.visualIndex(DEADLINE) == 1
    # The offscreen screen is narrow, so the columns are narrowed to fit it; with room
    # enough the chosen width is back.
    again.resize(2400, 700)
    again.splitter.setSizes([1900, 500])
    QApplication.processEvents()
    assert again.table.columnWidth(TIMING) == 201


def test_an_old_saved_header_gives_way_to_the_new_default(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    ini = tmp_path / "gui.ini"
    window = make_window(qtbot, workspace, ini.parent, ini=ini.name)
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(TIMING), 4)  # where it used to be, off-screen
    window.close()  # saves the layout
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    settings.remove("caselist/layout")  # as saved by a version before the layout mark
    settings.sync()
    again = make_window(qtbot, workspace, ini.parent, ini=ini.name)
    assert again.table.horizontalHeader().visualIndex(TIMING) == 1


def test_1024_by_700_needs_no_sideways_scrolling(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication, QScrollArea

    window = make_window(qtbot, workspace, tmp_path)
    window.resize(1024, 700)
    window.show_case("2026/6")
    QApplication.processEvents()
    assert window.width() <= 1024
    form = window.case_view.form
    scroll = form.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    for tab in range(window.case_view.tabs.count()):
        window.case_view.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        # Every scroll area shown fits its content's width: down, never sideways.
        for area in window.case_view.findChildren(QScrollArea):
            if area.isVisible() and area.widget() is not None:
                need = area.widget().minimumSizeHint().width()
                assert need <= area.viewport().width(), (tab, area.widget().objectName(), need)
    # The saved-filter choice is not cut off mid-word either.
    combo = window.saved_filters
    assert combo.fontMetrics().horizontalAdvance(combo.currentText()) < combo.width()


def test_down_or_enter_in_the_search_box_goes_to_the_list(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "landskap")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.focusWidget() is window.table  # (the offscreen window is never active)
    assert window.model.total < 10  # the search ran before the jump
    assert window.table.selectionModel().hasSelection()
    window.search.setFocus()
    assert window.focusWidget() is window.search
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.focusWidget() is window.table


def search(window: Any, text: str) -> None:
    """Type ``text`` and run the search the typing pause's timer then runs (the timer
    itself stopped, so each search runs once)."""
    window.search.setText(text)
    window._search_timer.stop()
    window.apply_filters()


def test_a_search_shows_its_page_first_and_the_exact_count_after(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of two rows stands in for the 200: «etasje» is in three cases, «for» in three,
    «hjemmekontor» in one (a short page: counted at once)."""
    import ui.models.case_table as case_table

    monkeypatch.setattr(case_table, "PAGE", 2)
    counted: list[str | None] = []
    real = workspace.count_listed

    def counting(query: Any, **options: Any) -> int:
        counted.append(query.text)
        return real(query, **options)

    monkeypatch.setattr(workspace, "count_listed", counting)
    window = make_window(qtbot, workspace, tmp_path)
    search(window, "etasje")
    assert len(window.model.rows) == 2 and not window.model.counted
    assert window.count.text() == "…" and counted == []  # the page first, not yet counted
    qtbot.waitUntil(lambda: window.count.text() != "…")
    assert counted == ["etasje"] and window.model.counted
    assert window.count.text() == "3 saker" and window.model.total == 3
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(window.model.rows) == 3)  # the rest of the list still comes

    # A newer search before the count: only the newer is counted and shown.
    counted.clear()
    search(window, "etasje")
    older = window.model.query
    search(window, "for")
    qtbot.waitUntil(lambda: window.count.text() != "…")
    assert counted == ["for"] and window.count.text() == "3 saker"
    every = workspace.list_cases(dataclasses.replace(window.model.query, limit=50)).rows
    assert [r.number for r in window.model.rows] == [r.number for r in every][
        : window.model.rowCount()
    ]
    assert window.model.rowCount() >= 2 and len(every) == 3
    # An older count arriving late is ignored, whatever it says.
    assert not window.model.set_total(older, 99) and window.model.total == 3

    # A short page knows its count at once; clearing the search counts at once too.
    counted.clear()
    search(window, "hjemmekontor")
    assert window.count.text() == "1 sak" and window.model.counted
    search(window, "")
    assert window.count.text() == "10 saker"
    qtbot.wait(20)
    assert counted == []


def test_a_list_past_the_cap_says_over_and_still_pages(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A national database is not counted past COUNT_CAP (10 000): a cap of 3 and pages
    of 2 stand in for it. The status line says «over 3 saker» for the list and, after its
    capped count, a search of exactly three is counted; scrolling still fetches every
    case."""
    import ui.main_window as main_window
    import ui.models.case_table as case_table

    monkeypatch.setattr(main_window, "COUNT_CAP", 3)
    monkeypatch.setattr(case_table, "PAGE", 2)
    window = make_window(qtbot, workspace, tmp_path)
    everything = workspace.list_cases(main_window.CaseQuery(today=TODAY)).total
    assert everything > 3
    assert window.model.capped and window.model.total == 3
    assert window.count.text() == "over 3 saker"
    while window.model.canFetchMore():
        window.model.fetchMore()
    assert window.model.rowCount() == everything and not window.model.capped
    search(window, "etasje")  # three cases: exactly at the cap, so counted
    qtbot.waitUntil(lambda: window.count.text() != "…")
    assert window.count.text() == "3 saker" and not window.model.capped
