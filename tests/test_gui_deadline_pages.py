"""The Frister tab a page at a time: an office's million cases have about 100 000 running
deadlines, and reading them all froze the window for 10 s. The first page is shown, the
view asks for the next ones as the list is scrolled, a long list is counted in the
background (to 10 000), and marking a deadline met keeps the user's place."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import tillitsvalgt.workspace as workspace_module
from tillitsvalgt.services import deadlines as deadline_service
from tillitsvalgt.shapes import DeadlineCreate
from tillitsvalgt.workspace import Workspace
from ui.errors import CrashReporter
from ui.models import deadline_table
from ui.models.deadline_table import DeadlineTableModel
from ui.prompts import ScriptedPrompter
from ui.views import deadlines_view
from ui.views.deadlines_view import DeadlinesView
from ui.workers import Background

from helpers.data import open_scenario_workspace

TODAY = date(2026, 11, 20)
CASES = ["2026/2", "2026/3", "2026/4", "2026/6", "2026/7"]


@pytest.fixture
def workspace(tmp_path: Path) -> Any:
    """The scenarios with 14 running deadlines of our own besides the imported one: three
    on each of several days (a page ends inside a day), seven of them overdue."""
    ws = open_scenario_workspace(tmp_path / "data", TODAY)
    with ws.db.session() as s:
        for k in range(14):
            due = TODAY + timedelta(days=k // 3 - 2)
            deadline_service.add_deadline(
                CASES[k % len(CASES)], DeadlineCreate(due_on=due, title=f"Frist {k}"), session=s
            )
    yield ws
    ws.close()


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(deadline_table, "PAGE", 4)
    monkeypatch.setattr(deadlines_view, "PAGE", 4)
    return 4


def make_view(
    qtbot: QtBot, ws: Workspace, *, background: Background | None = None, height: int = 500
) -> DeadlinesView:
    prompter = ScriptedPrompter()
    view = DeadlinesView(
        ws, prompter=prompter, crashes=CrashReporter(prompter, enabled=False), background=background
    )
    qtbot.addWidget(view)
    view.resize(900, height)
    view.show()
    return view


def ids(rows: list[Any]) -> list[int]:
    return [r.deadline.id for r in rows]


def test_the_first_page_then_the_rest_as_the_list_is_scrolled(
    qtbot: QtBot, workspace: Workspace, small_pages: int
) -> None:
    whole = workspace.open_deadlines()
    assert len(whole) == 15
    view = make_view(qtbot, workspace, height=160)  # room for a few rows only
    assert ids(view.model.rows) == ids(whole)[: len(view.model.rows)]
    assert len(view.model.rows) < len(whole) and view.model.canFetchMore()
    # The whole count, though the list holds a page.
    overdue = sum(1 for r in whole if r.overdue)
    assert view.count.text() == f"15 frister, {overdue} oversittet"
    for _ in range(20):  # scrolled to the end, as a user does, until nothing more comes
        bar = view.table.verticalScrollBar()
        bar.setValue(bar.maximum())
        qtbot.wait(10)
        if view.model.complete:
            break
    assert ids(view.model.rows) == ids(whole)  # in order, nothing twice, nothing missing
    assert not view.model.canFetchMore()


def test_a_long_list_is_counted_in_the_background_and_capped(
    qtbot: QtBot, workspace: Workspace, small_pages: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workspace_module, "COUNT_CAP", 5)
    background = Background()
    # Room for a few rows: a taller view fetches pages until it is full, and a list read
    # to its end is counted from its rows, exactly (as it should be).
    view = make_view(qtbot, workspace, background=background, height=160)
    qtbot.waitUntil(lambda: view.count.text() != "Teller fristene …", timeout=5000)
    assert view.count.text() == "over 5 frister, over 5 oversittet"
    assert not view.model.complete
    # Only the next fourteen days: still more than the cap, and so still «over».
    view.range.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "Teller" not in view.count.text(), timeout=5000)
    assert view.count.text() == "over 5 frister, over 5 oversittet"


class HeldBackground(Background):
    """Counts as they were when asked, their answers delivered when the test says: the
    order two counts come back in is the thread pool's, not the user's."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[Any, Any]] = []

    def submit(self, fn: Any, on_done: Any, on_error: Any, *, context: Any = None) -> None:
        self.held.append((fn(), on_done))


def test_a_count_for_an_older_list_is_not_shown(
    qtbot: QtBot, workspace: Workspace, small_pages: int
) -> None:
    background = HeldBackground()
    view = make_view(qtbot, workspace, background=background, height=160)
    overdue = sum(1 for r in workspace.open_deadlines() if r.overdue)
    assert view.count.text() == "Teller fristene …"
    workspace.mark_deadline_met(view.model.rows[0].deadline.id, TODAY)  # an overdue one
    view.refresh()
    (older, show_older), (newer, show_newer) = background.held
    show_newer(newer)
    assert view.count.text() == f"14 frister, {overdue - 1} oversittet"
    show_older(older)  # late, for the list as it was: not shown
    assert view.count.text() == f"14 frister, {overdue - 1} oversittet"
    assert (older.listed, older.overdue) == (15, overdue)  # it did differ


def test_marking_met_far_down_the_list_keeps_the_users_place(
    qtbot: QtBot, workspace: Workspace, small_pages: int
) -> None:
    view = make_view(qtbot, workspace, height=160)
    while view.model.canFetchMore():
        view.model.fetchMore()
    whole = list(view.model.rows)
    view.table.selectRow(10)
    qtbot.mouseClick(view.met_button, Qt.MouseButton.LeftButton)
    # As many rows as before were read again (less the met one): the next is chosen.
    assert ids(view.model.rows) == ids(whole[:10] + whole[11:])
    chosen = view.selected()
    assert chosen is not None and chosen.deadline.id == whole[11].deadline.id


def test_the_paged_model_passes_qt_model_tester(
    qtmodeltester: Any, workspace: Workspace, small_pages: int
) -> None:
    model = DeadlineTableModel()
    whole = workspace.open_deadlines()
    model.set_rows(
        whole[:4], TODAY, more=lambda last: workspace.open_deadlines(after=last, limit=4)
    )
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
        qtmodeltester.check(model)
    assert ids(model.rows) == ids(whole)
