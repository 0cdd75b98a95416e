"""Table models for a case's timeline and journal (one model per list, named columns)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tillitsvalgt.models import DocumentRead, EventRead
from tillitsvalgt.vocabulary import DIRECTIONS, EVENT_KINDS, LETTER_KINDS
from ui.i18n import QT_TR_NOOP, tr

EV_DATE, EV_KIND, EV_PARTICIPANTS, EV_NOTES = range(4)
EVENT_HEADERS = {
    EV_DATE: QT_TR_NOOP("Dato"),
    EV_KIND: QT_TR_NOOP("Hendelse"),
    EV_PARTICIPANTS: QT_TR_NOOP("Deltakere"),
    EV_NOTES: QT_TR_NOOP("Notat"),
}

DOC_NUMBER, DOC_DATE, DOC_TITLE, DOC_DIRECTION, DOC_STATE = range(5)
DOCUMENT_HEADERS = {
    DOC_NUMBER: QT_TR_NOOP("Ref."),
    DOC_DATE: QT_TR_NOOP("Dato"),
    DOC_TITLE: QT_TR_NOOP("Tittel"),
    DOC_DIRECTION: QT_TR_NOOP("Retning"),
    DOC_STATE: QT_TR_NOOP("Status"),
}

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: the default parent, made once


def _date(value: Any) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year}" if value else ""


class _ListModel(QAbstractTableModel):
    headers: ClassVar[dict[int, str]] = {}

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            text = self.headers.get(section)
            return tr(text) if text is not None else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or (item := self.item_at(index.row())) is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(item, index.column())
        return None

    def cell(self, item: Any, column: int) -> str | None:
        raise NotImplementedError


class EventTableModel(_ListModel):
    headers = EVENT_HEADERS

    def cell(self, item: EventRead, column: int) -> str | None:
        if column == EV_DATE:
            return _date(item.occurred_on)
        if column == EV_KIND:
            text = tr(EVENT_KINDS.get(item.kind, item.kind))
            if item.letter_kind:
                text += f": {tr(LETTER_KINDS.get(item.letter_kind, item.letter_kind))}"
            if item.signed_by_both is not None:
                text += " (signert av begge)" if item.signed_by_both else " (ikke signert av begge)"
            return text
        if column == EV_PARTICIPANTS:
            return item.participants or ""
        if column == EV_NOTES:
            return item.notes or ""
        return None


class DocumentTableModel(_ListModel):
    headers = DOCUMENT_HEADERS

    def cell(self, item: DocumentRead, column: int) -> str | None:
        if column == DOC_NUMBER:
            return item.number
        if column == DOC_DATE:
            return _date(item.dated)
        if column == DOC_TITLE:
            return item.title
        if column == DOC_DIRECTION:
            return tr(DIRECTIONS.get(item.direction, item.direction))
        if column == DOC_STATE:
            return f"Sendt {_date(item.sent_on)}" if item.sent_on else "Utkast"
        return None
