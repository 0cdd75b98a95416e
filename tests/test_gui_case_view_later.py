"""The case view is built just after the window's first paint, not before it: its place
holds the same heading until then, and anything that needs the view builds it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.views.case_heading import CasePlaceholder
from ui.views.case_view import CaseView

from helpers.data import make_case, make_employer
from helpers.gui import make_window, select_case

TODAY = date(2026, 12, 7)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """An empty data folder: the start guide's world, cases made by each test."""
    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    yield ws
    ws.close()


def test_the_window_shows_without_its_case_view(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    make_case(workspace.db, make_employer(workspace.db))
    window = make_window(qtbot, workspace, tmp_path, case_view_later=True)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window._case_view is None
    assert window.findChildren(CaseView) == []
    right = window.splitter.widget(1)
    assert isinstance(right, CasePlaceholder)
    assert right.heading.text() == "Velg en sak i listen."
    assert window.model.rowCount() == 1  # the list itself is there
    assert not window.save_action.isEnabled()  # asked without building the view
    assert window.confirm_leave()  # nothing unsaved: no question, no view built
    assert window._case_view is None


def test_the_view_takes_the_placeholders_place_and_size(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path, case_view_later=True)
    qtbot.waitExposed(window)
    window.splitter.setSizes([300, 700])
    sizes = window.splitter.sizes()
    # An empty database: the start guide changed the heading before the view was built.
    assert window.case_heading().text().startswith("Sakene dine vises her")
    window.build_case_view()
    view = window.case_view
    QApplication.processEvents()
    assert window.splitter.widget(1) is view
    assert window.splitter.count() == 2
    assert window.splitter.sizes() == sizes
    assert window.findChildren(CasePlaceholder) == []
    assert view.heading.text().startswith("Sakene dine vises her")
    assert window.case_heading() is view.heading
    # Named for screen readers as the rest of the window is.
    assert view.form.title.accessibleName()
    window.build_case_view()  # a second time: nothing more
    assert window.case_view is view and len(window.findChildren(CaseView)) == 1


def test_choosing_a_case_builds_the_view_and_shows_the_case(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    number = make_case(workspace.db, make_employer(workspace.db), title="Åpent landskap")
    window = make_window(qtbot, workspace, tmp_path, case_view_later=True)
    qtbot.waitExposed(window)
    select_case(window, number)
    assert window._case_view is not None
    assert number in window.case_view.heading.text()
    assert window.case_view.isEnabled()
    assert window.splitter.widget(1) is window.case_view
