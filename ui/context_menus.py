"""Right-click menus for the lists: the same commands as the buttons (or window actions)
beside each list, for the row under the mouse, plus «Kopier» for the row's text. The menu is
built from the buttons themselves, so it never offers what the button would not do (a
disabled button is a disabled menu item) and a new button needs no second wiring."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QMenu

from ui.i18n import tr

Command = QAbstractButton | QAction | None  # None: a separator


def row_text(view: QAbstractItemView, row: int) -> str:
    """The row's visible cells, tab-separated (as a spreadsheet pastes them)."""
    model = view.model()
    cells = []
    for column in range(model.columnCount()):
        if hasattr(view, "isColumnHidden") and view.isColumnHidden(column):
            continue
        value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        cells.append("" if value is None else str(value))
    return "\t".join(cells)


def build_menu(view: QAbstractItemView, commands: Sequence[Command], pos: QPoint) -> QMenu:
    """The menu for a right-click at ``pos`` (viewport coordinates): the row under it is
    selected first, so every command acts on the row clicked."""
    index = view.indexAt(pos)
    if index.isValid():
        view.setCurrentIndex(index)
        view.selectionModel().select(
            index,
            view.selectionModel().SelectionFlag.ClearAndSelect
            | view.selectionModel().SelectionFlag.Rows,
        )
    menu = QMenu(view)
    menu.setObjectName("contextMenu")
    for command in commands:
        if command is None:
            menu.addSeparator()
            continue
        if isinstance(command, QAction):
            if command.isVisible():
                menu.addAction(command)
            continue
        if command.isHidden():  # hidden on purpose (not by a tab that is not shown)
            continue
        action = menu.addAction(command.text())
        action.setEnabled(command.isEnabled())
        action.setToolTip(command.toolTip())
        action.triggered.connect(command.click)
    if index.isValid():
        menu.addSeparator()
        copy = menu.addAction(tr("&Kopier raden"))
        text = row_text(view, index.row())
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(text))
    return menu


def add_context_menu(
    view: QAbstractItemView, commands: Sequence[Command] | Callable[[], Sequence[Command]]
) -> None:
    """Give ``view`` a right-click menu (and the menu key) with ``commands``."""

    def show(pos: QPoint) -> None:
        chosen = commands() if callable(commands) else commands
        menu = build_menu(view, chosen, pos)
        view.last_context_menu = menu  # type: ignore[attr-defined]  # for the tests
        menu.popup(view.viewport().mapToGlobal(pos))

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(show)
