"""How the app's lists look: one row selected at a time, not editable, no row numbers, the
last column taking the rest; the columns as wide as their text unless the view lets the
user size them."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

View = TypeVar("View", bound=QTableView)


def setup_table(
    view: View,
    model: QAbstractItemModel | None,
    name: str,
    *,
    wrap: bool = True,
    fit_columns: bool = True,
    tab_moves_on: bool = False,
) -> View:
    """``wrap=False``: one line per row, long text elided; ``tab_moves_on``: Tab leaves
    the table for the next control instead of moving between cells (keyboard users)."""
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(not tab_moves_on)
    view.verticalHeader().setVisible(False)
    if fit_columns:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(wrap)
    if not wrap:
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view
