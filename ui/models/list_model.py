"""What every table model of the window shares: a list of read shapes (or list rows), named
columns with headers (and their tooltips) translated when shown, and per model one function
for a cell's text, one for its tooltip and one for the other roles (colour, alignment, the
row's id)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root: the default parent, made once


def short_date(value: date | datetime | None) -> str:
    """«04.01.2027»; a timestamp in the local time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


class ListModel(QAbstractTableModel):
    """A list shown as a table: subclasses give ``headers`` and ``cell`` (and, where they
    differ from the cell, ``tooltip``; for other roles, ``role_data``)."""

    headers: ClassVar[dict[int, str]] = {}
    header_tips: ClassVar[dict[int, str]] = {}  # a column's header explained on hover

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.headers.get(section)
        elif role == Qt.ItemDataRole.ToolTipRole:
            text = self.header_tips.get(section)
        else:
            return None
        return tr(text) if text is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or (item := self.item_at(index.row())) is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, index.column())
        return self.role_data(item, index.column(), role)

    def cell(self, item: Any, column: int) -> str | None:
        raise NotImplementedError

    def tooltip(self, item: Any, column: int) -> str | None:
        """The whole text where the column cuts it, unless a model says more."""
        return self.cell(item, column)

    def role_data(self, item: Any, column: int, role: int) -> Any:
        return None
