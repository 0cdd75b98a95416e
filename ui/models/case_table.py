"""The case list: a table model over the paging, sorting and filtering services — the
database does the work, the model holds one page at a time and fetches the next when the
view scrolls to the end (no proxy over all rows: at 100 000 cases that takes seconds)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics

from tillitsvalgt.shapes import CaseListRow, CasePage, CaseQuery
from tillitsvalgt.vocabulary import CASE_TYPES_SHORT, TIMINGS, TIMINGS_SHORT
from ui import palette
from ui.i18n import QT_TR_NOOP, tr
from ui.list_memory import PAGE as PAGE  # the list's page, read where the memory is
from ui.models.list_model import ROOT, Index, ListModel, short_date

NUMBER, TITLE, EMPLOYER, TYPE, TIMING, DEADLINE, UPDATED = range(7)
HEADERS = {
    NUMBER: QT_TR_NOOP("Nr."),
    TITLE: QT_TR_NOOP("Tittel"),
    EMPLOYER: QT_TR_NOOP("Virksomhet"),
    TYPE: QT_TR_NOOP("Type"),
    TIMING: QT_TR_NOOP("Tidspunkt"),
    DEADLINE: QT_TR_NOOP("Neste frist"),
    UPDATED: QT_TR_NOOP("Endret"),
}
# The whole header where a narrow column cuts it, and what the column orders by.
HEADER_TIPS = {
    NUMBER: QT_TR_NOOP("Saksnummer (år/løpenummer)"),
    TITLE: QT_TR_NOOP("Sakens tittel"),
    EMPLOYER: QT_TR_NOOP("Virksomheten saken gjelder"),
    TYPE: QT_TR_NOOP("Sakstype"),
    TIMING: QT_TR_NOOP("Tidspunkt: ble de tillitsvalgte tatt med i tide?"),
    DEADLINE: QT_TR_NOOP("Neste frist som løper"),
    UPDATED: QT_TR_NOOP(
        "Sist endret; nyeste først. Endret samme dag: den sist endrede først (se tipset)."
    ),
}
# The sort keys the case service accepts, per column (None: not sortable in SQL).
SORT_KEYS: dict[int, str | None] = {
    NUMBER: "number",
    TITLE: "title",
    EMPLOYER: "employer",
    TYPE: "type",
    TIMING: "timing",
    DEADLINE: "deadline",
    UPDATED: "updated",
}
OVERDUE_COLOUR = palette.ERROR
# The default widths (px) and left-to-right order: the verdict next to the number, so it
# is on screen in a narrow window; the user's own order and widths are remembered.
DEFAULT_WIDTHS = {NUMBER: 72, TIMING: 130, TITLE: 230, EMPLOYER: 150, DEADLINE: 86, TYPE: 110}
DEFAULT_ORDER = (NUMBER, TIMING, TITLE, EMPLOYER, DEADLINE, TYPE, UPDATED)
# Where the list is too narrow for every column (1024 px): these step aside, in this order
# (the type filter above the list still shows the type; the sort stays as chosen).
OPTIONAL_COLUMNS = (TYPE, UPDATED)


def column_floors(metrics: QFontMetrics) -> dict[int, int]:
    """The narrowest each column gets: a whole case number, date (with the overdue mark)
    and the verdict's symbol and short word; the title and the employer elide."""
    pad = 16  # the cell's margins and the header's sort arrow

    def fits(text: str) -> int:
        return metrics.horizontalAdvance(text) + pad

    return {
        NUMBER: fits("2026/100"),
        TIMING: fits("→ Handle nå"),
        TITLE: fits("Hjemmekontoravtale"),
        EMPLOYER: fits("Helse Vest"),
        DEADLINE: fits("! 00.00.0000"),
        TYPE: fits("Lokaler"),
        UPDATED: fits("00.00.0000"),
    }


# Colour and a symbol, never colour alone: "✓" in time, "!" late or breach, "?" unknown.
_TIMING_LOOK: dict[str, tuple[str, str]] = {
    "in_time": ("✓", palette.OK),
    "late_before_implementation": ("!", "#b35900"),
    "late_after_implementation": ("!!", palette.ERROR),
    "information_only": ("!", "#b35900"),
    "not_held_decision_taken": ("!!", palette.ERROR),
    "not_held_yet": ("→", "#1f5fa8"),
    "unknown": ("?", "#666666"),
}

# (query) or (query, count=False) for the page without the exact count
Fetch = Callable[..., CasePage]


def timing_text(row: CaseListRow) -> str:
    if row.timing is None:
        return tr("Ikke vurdert")
    symbol, _ = _TIMING_LOOK.get(row.timing, ("", ""))
    text = tr(TIMINGS_SHORT.get(row.timing, row.timing))
    if row.demand == "overdue":
        # First, so a narrow column cuts the verdict, not the alarm.
        text = tr("Frist ute") + " · " + text
    return f"{symbol} {text}".strip()


def changed_tip(row: CaseListRow) -> str:
    """The exact time of the last change: the list orders by it, so cases changed the same
    day (the column shows only the day) are newest first, and a tie by the case's id."""
    when = row.updated_at.astimezone()
    return tr("Sist endret ") + f"{short_date(when)} kl. {when:%H:%M:%S}"


def demo_tag(text: str) -> str:
    """A demo row's text, tagged first (so a narrow column cuts the text, not the tag)."""
    return tr("DEMO") + " · " + text


def demo_tip() -> str:
    return tr("Eksempel (demodata): telles aldri i rapporten. Fil → «Fjern demodata» fjerner alt.")


class CaseTableModel(ListModel):
    """The case list, a page at a time: the database filters, sorts and counts."""

    headers: ClassVar[dict[int, str]] = HEADERS
    header_tips: ClassVar[dict[int, str]] = HEADER_TIPS

    def __init__(
        self, fetch: Fetch, query: CaseQuery | None = None, *, cap: int | None = None
    ) -> None:
        """``cap``: count no further than that (the window: ``COUNT_CAP``); ``fetch`` is
        then called with ``cap=``."""
        super().__init__()
        self._fetch = fetch
        self.cap = cap
        self.query = query or CaseQuery(limit=PAGE)
        self.total = 0
        self.counted = True  # False: ``total`` is a lower bound, the count comes later
        # True: the count stopped at ``total`` (the cap): more cases match, «over 10 000»
        self.capped = False
        self.loaded = False
        # The example cases (demo data), tagged «DEMO»: a few ids read at start and after
        # a demo load or removal, so the list's hot query stays as it is.
        self.demo_ids: frozenset[int] = frozenset()
        # A first page being read off the GUI thread (``read_ahead``), for the reload that
        # asks for the same.
        self._ahead: tuple[CaseQuery, bool, Future[CasePage]] | None = None

    # ---------------------------------------------------------------- loading

    def read_ahead(
        self,
        query: CaseQuery,
        *,
        count: bool,
        start: Callable[[Callable[[], CasePage]], Future[CasePage] | None],
    ) -> None:
        """Begin reading the first page ``reload(query, count=count)`` will show, with
        ``start`` (``Background.ahead``; None: not begun, ``reload`` reads it): at start
        the window's building and the database's reading then overlap instead of following
        each other."""
        first = dataclasses.replace(query, offset=0, limit=PAGE)
        future = start(lambda: self._first_page(first, count))
        self._ahead = None if future is None else (first, count, future)

    def take_ahead(self, query: CaseQuery, future: Future[CasePage], *, count: bool) -> None:
        """A first page begun elsewhere (the start's head start, ui/head_start.py) for the
        reload that asks for the same; ``future`` must read it as ``read_ahead`` would."""
        self._ahead = (dataclasses.replace(query, offset=0, limit=PAGE), count, future)

    def reload(self, query: CaseQuery | None = None, *, count: bool = True) -> None:
        """The first page. ``count=False``: without the exact count when the page is full
        (``counted`` is then False and ``total`` a lower bound until ``set_total``)."""
        if query is not None:
            self.query = dataclasses.replace(query, offset=0, limit=PAGE)
        first = dataclasses.replace(self.query, offset=0, limit=PAGE)
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[:2] == (first, count):
            page = ahead[2].result()
        else:
            page = self._first_page(first, count)
        self.loaded = True
        self.beginResetModel()
        self.items = list(page.rows)
        self.total = page.total
        self.counted = page.counted
        self.capped = page.capped
        self.endResetModel()

    def set_total(self, query: CaseQuery, total: int) -> bool:
        """The count made after the page, if it is still this list's (``query`` is the very
        object ``reload`` set: a newer reload replaced it, and an older count is ignored)."""
        if query is not self.query:
            return False
        self.capped = self.cap is not None and total > self.cap  # counted to cap + 1 at most
        self.total = (
            self.cap if self.cap is not None and self.capped else max(total, len(self.rows))
        )
        self.counted = True
        return True

    def _first_page(self, first: CaseQuery, count: bool) -> CasePage:
        return self._page(first) if count else self._fetch(first, count=False)

    def _page(self, query: CaseQuery) -> CasePage:
        return self._fetch(query) if self.cap is None else self._fetch(query, cap=self.cap)

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        more = len(self.rows) < self.total or not self.counted or self.capped
        return not parent.isValid() and more

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid():
            return
        page = self._page(dataclasses.replace(self.query, offset=len(self.rows), limit=PAGE))
        if not page.rows:
            self.total = len(self.rows)
            self.counted = True
            self.capped = False
            return
        if not self.counted:  # the page came with the count
            self.total = page.total
            self.counted = True
            self.capped = page.capped
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
        self.rows.extend(page.rows)
        self.endInsertRows()

    @property
    def rows(self) -> list[CaseListRow]:
        return self.items

    def row_at(self, row: int) -> CaseListRow | None:
        found: CaseListRow | None = self.item_at(row)
        return found

    # ---------------------------------------------------------------- the model

    def tooltip(self, row: CaseListRow, column: int) -> str | None:
        if column == TIMING and row.timing:
            long = tr(TIMINGS.get(row.timing, row.timing))
            if row.demand == "overdue":
                long += " – " + tr("svarfristen på kravet er ute")
            return long
        if column == TITLE and row.id in self.demo_ids:
            return f"{row.title}\n{demo_tip()}"
        if column == UPDATED:
            return changed_tip(row)
        return self.cell(row, column)  # the whole text where the column cuts it

    def role_data(self, row: CaseListRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == TIMING and row.timing:
            _, colour = _TIMING_LOOK.get(row.timing, ("", "#000000"))
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.ForegroundRole and column == DEADLINE and self._passed(row):
            return QBrush(QColor(OVERDUE_COLOUR))
        if role == Qt.ItemDataRole.UserRole:
            return row.number
        return None

    def _passed(self, row: CaseListRow) -> bool:
        today = self.query.today or date.today()
        return row.next_deadline is not None and row.next_deadline < today

    def cell(self, row: CaseListRow, column: int) -> str | None:
        if column == NUMBER:
            return row.number
        if column == TITLE:
            return demo_tag(row.title) if row.id in self.demo_ids else row.title
        if column == EMPLOYER:
            return row.employer_name
        if column == TYPE:
            return tr(CASE_TYPES_SHORT.get(row.case_type, row.case_type))
        if column == TIMING:
            return timing_text(row)
        if column == DEADLINE:
            text = short_date(row.next_deadline)
            return f"! {text}" if text and self._passed(row) else text  # not colour alone
        if column == UPDATED:
            return short_date(row.updated_at)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        query = dataclasses.replace(
            self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder
        )
        if not self.loaded:
            self.query = query  # the view turning sorting on before the first load
            return
        self.reload(query)
