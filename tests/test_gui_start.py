"""The empty start and demo data in the window: with no case the list shows what to do first
(buttons that do it), the examples are tagged «DEMO» in the list, the case view and the
register, «Fjern demodata» says how many it removes and removes them in one action, and the
keyboard reaches the case list at once (Ctrl+Shift+L)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tillitsvalgt.services import cases
from tillitsvalgt.shapes import CaseCreate
from tillitsvalgt.workspace import Workspace
from ui.first_paint import after_first_paint
from ui.main_window import MainWindow
from ui.models.case_table import PAGE, TITLE
from ui.prompts import ScriptedPrompter

from conftest import make_employer, open_scenario_workspace
from helpers.gui import make_window

TODAY = date(2026, 12, 6)


@pytest.fixture
def empty(tmp_path: Path) -> Any:
    ws = Workspace.open(data_dir=tmp_path / "empty", clock=lambda: TODAY)
    yield ws
    ws.close()


def prompter_of(window: MainWindow) -> ScriptedPrompter:
    assert isinstance(window.prompter, ScriptedPrompter)
    return window.prompter


def load_demo(qtbot: QtBot, window: MainWindow) -> None:
    window.start_guide.demo_button.click()
    qtbot.waitUntil(lambda: window.model.total > 0 and bool(window.model.demo_ids), timeout=30_000)


def test_the_empty_start_shows_first_steps_not_an_empty_table(
    qtbot: QtBot, empty: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, empty, tmp_path)
    guide = window.start_guide
    assert guide.isVisible() and not window.table.isVisible()
    assert guide.demo_button.isEnabled()
    assert not window.remove_demo_action.isEnabled()  # nothing to remove yet
    guide.employer_button.click()
    dialog = window.employers_view.dialog
    assert dialog is not None and dialog.isVisible()
    assert window.sections.currentWidget() is window.employers_view
    dialog.reject()
    guide.case_button.click()
    qtbot.waitUntil(window.new_case_dialog.isVisible, timeout=3000)
    window.new_case_dialog.reject()
    # A filter that finds nothing is not an empty start: the table stays.
    window.search.setText("finnes ikke")
    window.apply_filters()
    assert guide.isHidden() and not window.table.isHidden()


def test_demo_data_is_tagged_and_removed_in_one_action(
    qtbot: QtBot, empty: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, empty, tmp_path)
    load_demo(qtbot, window)
    assert window.table.isVisible() and not window.start_guide.isVisible()
    assert window.remove_demo_action.isEnabled()
    first = window.model.index(0, TITLE)
    assert str(window.model.data(first)).startswith("DEMO · ")
    assert "telles aldri i rapporten" in str(window.model.data(first, Qt.ItemDataRole.ToolTipRole))
    window.table.selectRow(0)
    assert window.case_view.state.text().startswith("DEMO · ")
    window.sections.setCurrentWidget(window.employers_view)
    model = window.employers_view.model
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert names and all(str(n).startswith("DEMO · ") for n in names)
    window.sections.setCurrentIndex(0)

    cases = window.model.total
    prompter = prompter_of(window)
    prompter.confirms = [False]
    window.remove_demo_action.trigger()
    kind, title, text = prompter.shown[-1]
    assert (kind, title) == ("confirm", "Fjern demodata")
    assert f"{cases} eksempelsaker og " in text and "eksempelvirksomheter" in text
    assert window.model.total == cases  # said no: nothing removed

    prompter.confirms = [True]
    window.remove_demo_action.trigger()
    assert window.model.total == 0
    assert window.detail is None
    assert window.start_guide.isVisible()  # back to the first steps
    # The examples are in the recycle bin, so new ones cannot be mixed in; it says why.
    assert not window.start_guide.demo_button.isEnabled()
    assert "papirkurven" in window.start_guide.demo_button.toolTip()
    assert not window.remove_demo_action.isEnabled()
    assert "Demodata fjernet: " in window.statusBar().currentMessage()
    assert empty.find_employers() == []


def test_a_real_case_is_never_tagged(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = open_scenario_workspace(tmp_path / "data", TODAY)
    try:
        window = make_window(qtbot, workspace, tmp_path)
        assert not window.start_guide.isVisible() and window.model.total > 0
        assert window.model.demo_ids == frozenset()
        titles = [window.model.data(window.model.index(r, TITLE)) for r in range(3)]
        assert not any(str(t).startswith("DEMO") for t in titles)
        assert not window.remove_demo_action.isEnabled()
    finally:
        workspace.close()


def test_the_keyboard_reaches_the_case_list_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = open_scenario_workspace(tmp_path / "data", TODAY)
    try:
        window = make_window(qtbot, workspace, tmp_path)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        window.sections.setCurrentIndex(2)
        window.search.setFocus()
        QTest.keySequence(window, "Ctrl+Shift+L")
        assert window.sections.currentIndex() == 0
        assert window.table.hasFocus()
        assert window.detail is not None  # the first case, ready for the arrow keys
        # From the search box, Tab leads through the filters to the list, not past it.
        window.search.setFocus()
        reached = []
        for _ in range(15):
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            reached.append(QApplication.focusWidget())
            if reached[-1] is window.table:
                break
        assert reached[-1] is window.table, [w.objectName() for w in reached]
    finally:
        workspace.close()


def test_empty_start_keyboard_goes_to_the_first_step(
    qtbot: QtBot, empty: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, empty, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.focus_list_action.trigger()
    assert window.start_guide.employer_button.hasFocus()


def test_a_remembered_search_is_counted_after_the_first_paint(
    qtbot: QtBot, tmp_path: Path, empty: Workspace
) -> None:
    """The start's list of a remembered search is painted first; its count (as dear as the
    page) waits for the paint, as ``ui.app.run`` arranges it, and then comes."""
    employer = make_employer(empty.db)
    with empty.db.session() as session:  # more than a page: the page alone cannot say
        for n in range(PAGE + 5):
            shape = CaseCreate(
                title=f"Hjemmekontor for team {n}", employer_id=employer, case_type="office_layout"
            )
            cases.create_case(shape, session=session, today=TODAY)
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    settings.setValue("caselist/search", "hjemmekontor")
    settings.sync()
    window = make_window(qtbot, empty, tmp_path, show=False)
    assert len(window.model.rows) == PAGE and window.count.text() == "…"
    window.hold_count()
    after_first_paint(window, [window.release_count])
    qtbot.wait(100)
    assert window.count.text() == "…"  # not painted yet: not counted
    window.show()
    qtbot.waitUntil(lambda: window.count.text() == f"{PAGE + 5} saker", timeout=5000)
