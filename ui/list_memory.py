"""What the case list remembers between sessions (its search, filters and sort, in the
window's ``QSettings``), and the first page that memory asks for.

Only ``QSettings`` of Qt is used here: the start's head start (``ui/head_start.py``) reads
the remembered search before Qt's widgets are loaded."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QSettings

from tillitsvalgt.shapes import CasePage, CaseQuery
from tillitsvalgt.vocabulary import CASE_STATUSES, CASE_TYPES_SHORT, TIMINGS_SHORT

# The window's settings are the application's (QCoreApplication's names, set by ui/app.py).
ORGANISATION = APPLICATION = "Tillitsvalgt"

PAGE = 200  # rows the list reads at a time

SEARCH = "caselist/search"
TYPE = "caselist/type"
STATUS = "caselist/status"
TIMING = "caselist/timing"
YEAR = "caselist/year"
SORT = "caselist/sort"
DESCENDING = "caselist/descending"
HEADER = "caselist/header"
LAYOUT = "caselist/layout"
LAYOUT_VERSION = "2"  # the verdict beside the number (an older header had it off-screen)

FIRST_YEAR = 2015  # the year filter's oldest choice


def year_choices(today: date) -> range:
    """The year filter's years, newest first (next year too: a case numbered ahead)."""
    return range(today.year + 1, FIRST_YEAR - 1, -1)


def choice(value: object, codes: Iterable[object]) -> object | None:
    """The filter choice a remembered value stands for, as the filter's list finds it
    (an INI file gives a number back as text), or None when it is no longer one of them."""
    if value is None:
        return None
    for code in codes:
        if str(code) == str(value):
            return code
    return None


def remembered_sort(settings: QSettings) -> tuple[str, bool]:
    """The list's remembered sort key and direction (newest change first if none)."""
    if settings.value(LAYOUT) != LAYOUT_VERSION:
        return "updated", True
    key = settings.value(SORT)
    descending = settings.value(DESCENDING)
    if not isinstance(key, str) or not key:
        return "updated", True
    return key, descending in (True, "true")


def remembered_query(settings: QSettings, today: date) -> CaseQuery | None:
    """The first page a remembered search asks for (None without one): what the window
    will ask for once its filters are restored, when the memory is still valid. (The
    window checks: a page read for anything else is never shown.)"""
    text = str(settings.value(SEARCH, "") or "").strip()
    if not text:
        return None
    sort, descending = remembered_sort(settings)
    year = choice(settings.value(YEAR), year_choices(today))
    return CaseQuery(
        case_type=_text(choice(settings.value(TYPE), CASE_TYPES_SHORT)),
        status=_text(choice(settings.value(STATUS), CASE_STATUSES)),
        timing=_text(choice(settings.value(TIMING), TIMINGS_SHORT)),
        year=year if isinstance(year, int) else None,
        text=text,
        today=today,
        sort=sort,
        descending=descending,
        limit=PAGE,
    )


def _text(code: object) -> str | None:
    return code if isinstance(code, str) else None


@dataclass(frozen=True)
class PageAhead:
    """A first page being read for ``query`` (``CaseQuery.limit`` = ``PAGE``), without its
    count, as ``CaseTableModel.read_ahead(query, count=False)`` reads it."""

    query: CaseQuery
    future: Future[CasePage]
