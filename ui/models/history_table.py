"""The case's change history as a table: newest first, as the core gives it."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from tillitsvalgt.shapes import HistoryEntry
from ui.i18n import QT_TR_NOOP
from ui.models.list_model import ListModel

HIST_WHEN, HIST_WHO, HIST_WHAT, HIST_OLD, HIST_NEW = range(5)
HISTORY_HEADERS = {
    HIST_WHEN: QT_TR_NOOP("Når"),
    HIST_WHO: QT_TR_NOOP("Hvem"),
    HIST_WHAT: QT_TR_NOOP("Hva"),
    HIST_OLD: QT_TR_NOOP("Fra"),
    HIST_NEW: QT_TR_NOOP("Til"),
}
_LONGEST = 200  # a long description would make the row as tall as the screen


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _LONGEST else line[: _LONGEST - 1] + "…"


def history_widths(metrics: QFontMetrics) -> dict[int, int]:
    """The columns' widths where there is room: the whole time and a name, «Hva» the most
    of the texts; «Til» (last) stretches over what is left."""
    pad = 16
    return {
        HIST_WHEN: metrics.horizontalAdvance("00.00.0000 00:00") + pad,
        HIST_WHO: metrics.horizontalAdvance("Kari Nordmann") + pad,
        HIST_WHAT: metrics.horizontalAdvance("Hendelse lagt til: Arbeidsgiver varslet") + pad,
        HIST_OLD: metrics.horizontalAdvance("Faste plasser") + pad,
        HIST_NEW: metrics.horizontalAdvance("Faste plasser") + pad,
    }


class HistoryTableModel(ListModel):
    headers = HISTORY_HEADERS

    def tooltip(self, item: HistoryEntry, column: int) -> str | None:
        # The tooltip has the whole value that the cell shows cut short.
        if column in (HIST_OLD, HIST_NEW):
            return item.old if column == HIST_OLD else item.new
        return self.cell(item, column)

    def cell(self, item: HistoryEntry, column: int) -> str | None:
        if column == HIST_WHEN:
            return item.when
        if column == HIST_WHO:
            return item.who
        if column == HIST_WHAT:
            return item.what
        if column == HIST_OLD:
            return _short(item.old)
        if column == HIST_NEW:
            return _short(item.new)
        return None
