"""What the small table models share: a list of read shapes, named columns with headers
translated when shown, one cell function per model."""

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
    """A list shown as a table: subclasses give ``headers`` and ``cell`` (and, for other
    roles, ``role_data``)."""

    headers: ClassVar[dict[int, str]] = {}

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
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            text = self.headers.get(section)
            return tr(text) if text is not None else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or (item := self.item_at(index.row())) is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(item, index.column())
        return self.role_data(item, role)

    def cell(self, item: Any, column: int) -> str | None:
        raise NotImplementedError

    def role_data(self, item: Any, role: int) -> Any:
        return None
