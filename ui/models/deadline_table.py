"""The deadlines across all cases: one row per open deadline, soonest (and so overdue)
first, as the workspace gives them, a page at a time as the list is scrolled. An overdue
row says so in words and with a symbol in the status column, and is coloured too — never
colour alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from tillitsvalgt.rules.deadlines import format_weekday_date
from tillitsvalgt.workspace import DeadlineRow
from ui import palette
from ui.i18n import QT_TR_NOOP, count, tr
from ui.models.case_table import demo_tag, demo_tip
from ui.models.list_model import ListModel, short_date

DUE, NUMBER, TITLE, WHAT, STATUS = range(5)
PAGE = 200  # rows read at a time: a screenful and then some
# Marked for translation here, translated where they are shown (headerData).
HEADERS = {
    DUE: QT_TR_NOOP("Frist"),
    NUMBER: QT_TR_NOOP("Sak"),
    TITLE: QT_TR_NOOP("Sakstittel"),
    WHAT: QT_TR_NOOP("Gjelder"),
    STATUS: QT_TR_NOOP("Status"),
}
HEADER_TIPS = {
    DUE: QT_TR_NOOP("Dagen fristen går ut"),
    NUMBER: QT_TR_NOOP("Saksnummeret (dobbeltklikk for å åpne saken)"),
    TITLE: QT_TR_NOOP("Sakens tittel"),
    WHAT: QT_TR_NOOP("Hva fristen gjelder"),
    STATUS: QT_TR_NOOP(
        "«Oversittet» når fristen er passert uten at den er merket som overholdt",
    ),
}
OVERDUE_SYMBOL = "!"
OVERDUE_COLOUR = palette.ERROR

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root: the default parent, made once


def status_text(row: DeadlineRow) -> str:
    text = f"{OVERDUE_SYMBOL} {tr('Oversittet')}" if row.overdue else tr("Åpen")
    if row.case_status != "open":  # (closing a case lets its deadlines lapse)
        text += " · " + tr("saken er avsluttet")
    return text


def _days(n: int) -> str:
    return count(n, QT_TR_NOOP("%n dag"), QT_TR_NOOP("%n dager"))


def when_text(due: date, today: date) -> str:
    """How far off the deadline is, in words: «om 3 dager», «i dag», «3 dager siden»."""
    delta = (due - today).days
    if delta == 0:
        return tr("går ut i dag")
    if delta > 0:
        return tr("går ut om ") + _days(delta)
    return tr("gikk ut for ") + _days(-delta) + tr(" siden")


class DeadlineTableModel(ListModel):
    headers: ClassVar[dict[int, str]] = HEADERS
    header_tips: ClassVar[dict[int, str]] = HEADER_TIPS

    def __init__(self) -> None:
        super().__init__()
        self.today: date | None = None
        self.complete = True  # every row is here
        self._more: Callable[[DeadlineRow], list[DeadlineRow]] | None = None

    @property
    def rows(self) -> list[DeadlineRow]:
        return self.items

    def set_rows(
        self,
        rows: list[DeadlineRow],
        today: date | None = None,
        *,
        more: Callable[[DeadlineRow], list[DeadlineRow]] | None = None,
    ) -> None:
        """Replace the rows; with ``today`` the tooltips say how far off each deadline is.
        ``more``: there are rows after these, and it gives the next ``PAGE`` of them after
        a row (fewer at the end)."""
        self.today = today
        self._more = more
        self.complete = more is None
        self.set_items(rows)

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        return not parent.isValid() and not self.complete and bool(self.items)

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if parent.isValid() or self.complete or self._more is None or not self.items:
            return
        page = self._more(self.items[-1])
        if len(page) < PAGE:
            self.complete = True
        if page:
            self.beginInsertRows(_ROOT, len(self.items), len(self.items) + len(page) - 1)
            self.items.extend(page)
            self.endInsertRows()

    def row_at(self, row: int) -> DeadlineRow | None:
        found: DeadlineRow | None = self.item_at(row)
        return found

    def row_of(self, deadline_id: int) -> int | None:
        for i, item in enumerate(self.rows):
            if item.deadline.id == deadline_id:
                return i
        return None

    # ---------------------------------------------------------------- the model

    def role_data(self, row: DeadlineRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(QColor(OVERDUE_COLOUR))
        if role == Qt.ItemDataRole.FontRole and row.overdue and column == STATUS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.deadline.id
        return None

    def cell(self, row: DeadlineRow, column: int) -> str | None:
        d = row.deadline
        if column == DUE:
            return short_date(d.due_on)
        if column == NUMBER:
            return row.case_number
        if column == TITLE:
            return demo_tag(row.case_title) if row.demo else row.case_title
        if column == WHAT:
            return d.title
        if column == STATUS:
            return status_text(row)
        return None

    def tooltip(self, row: DeadlineRow, column: int) -> str | None:
        d = row.deadline
        if column == DUE:
            text = format_weekday_date(d.due_on).capitalize()
            if self.today is not None:
                text += f" ({when_text(d.due_on, self.today)})"
            if d.original_due_on != d.due_on:
                text += "\n" + tr("Forlenget; opprinnelig frist ") + short_date(d.original_due_on)
            return text
        if column == TITLE and row.demo:
            return f"{row.case_title}\n{demo_tip()}"
        if column == WHAT:
            return d.title + (f"\n{tr('Regel: ')}{d.rule}" if d.rule else "")
        if column == STATUS:
            text = tr("Fristen er oversittet") if row.overdue else tr("Fristen er åpen")
            if self.today is not None:
                text += f": {when_text(d.due_on, self.today)}"
            return text + "."
        return self.cell(row, column)
