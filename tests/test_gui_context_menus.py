"""Right-click menus on every list of every window and dialog (walked, so a new list cannot
escape), offering the commands of the buttons beside it for the row clicked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget
from pytestqt.qtbot import QtBot

from tillitsvalgt.workspace import Workspace
from ui.context_menus import build_menu

from helpers.gui import make_window, select_case
from helpers.gui_tour import tour

TODAY = date(2026, 12, 6)


def _lists(root: QWidget) -> list[QAbstractItemView]:
    found = []
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or isinstance(view.parentWidget(), QComboBox):
            continue
        if any(isinstance(p, QComboBox) for p in _parents(view)):
            continue  # a combo box's drop-down list
        if view.objectName().startswith("qt_") or not isinstance(view, QTableView):
            continue  # Qt's own parts (the calendar's grid)
        found.append(view)
    return found


def _parents(widget: QWidget) -> list[QWidget]:
    out = []
    parent = widget.parentWidget()
    while parent is not None:
        out.append(parent)
        parent = parent.parentWidget()
    return out


def test_every_list_has_a_context_menu(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    seen: set[str] = set()
    missing: list[str] = []
    for name, root in tour(qtbot, window):
        for view in _lists(root):
            seen.add(view.objectName())
            if view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
                missing.append(f"{name}: {view.objectName()}")
    assert not missing, missing
    for expected in (
        "caseTable",
        "timeline",
        "journal",
        "history",
        "employerTable",
        "employerCases",
        "deadlineTable",
        "backupTable",
    ):
        assert expected in seen, seen


def test_the_case_list_menu_acts_on_the_row_clicked(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    select_case(window, "2026/3")
    row = next(i for i, r in enumerate(window.model.rows) if r.number == "2026/5")
    rect = window.table.visualRect(window.model.index(row, 0))
    menu = build_menu(
        window.table, [window.letter_action, None, window.close_action], rect.center()
    )
    assert window.detail is not None and window.detail.case.number == "2026/5"
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert window.letter_action.text() in texts and "&Kopier raden" in texts
    copy = next(a for a in menu.actions() if a.text() == "&Kopier raden")
    copy.trigger()
    assert QGuiApplication.clipboard().text().startswith("2026/5\t")


def test_a_deadline_menu_mirrors_its_buttons(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    window = make_window(qtbot, workspace, tmp_path)
    window.deadlines_section_action.trigger()
    view = window.deadlines_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=3000)
    rect = view.table.visualRect(view.model.index(0, 0))
    menu = build_menu(view.table, [view.met_button, view.extend_button, None], rect.center())
    items = {a.text(): a for a in menu.actions() if not a.isSeparator()}
    assert items[view.met_button.text()].isEnabled()
    items[view.extend_button.text()].trigger()
    assert view.extend_dialog is not None and view.extend_dialog.isVisible()
    view.extend_dialog.reject()
