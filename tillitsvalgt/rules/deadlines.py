"""Deadline arithmetic: working days, Norwegian public holidays and reply deadlines.

A reply deadline counts calendar days from the letter's date; a deadline that lands on a
Saturday, Sunday or public holiday moves to the next working day. 24 and 31 December are
ordinary days in law (they are working days when they fall on a weekday).

The holiday dates come from the maintained ``holidays`` library (Easter and the feasts that
follow it are not computed by hand here). Two things about it matter and are pinned below:

* Its Norway calendar can count every Sunday as a holiday (``include_sundays``). We ask
  for the named holidays only and treat weekends ourselves, so ``holidays_between`` lists
  real holidays, not 52 Sundays.
* Without ``language`` it picks the names from the environment's locale (under ``C.UTF-8``
  they come out in English). We always ask for ``"no"``.

It only knows the years ``holidays.Norway.start_year`` to ``end_year`` (1901–2100 in
0.109) and silently returns *no* holidays outside them; we refuse such dates instead.

Pure functions, no clock. Each year's holidays are computed once, on first use, and
cached; importing this module does no work (the library itself is imported lazily).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

from tillitsvalgt.errors import Problem, ValidationError

MAX_DAYS = 365
"""The longest deadline we accept, in calendar or working days: more is a typing error."""

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

# The library's Norwegian names (as of 0.109) → how a letter writes them mid-sentence.
# A name not listed here (a holiday the library adds later) is shown as the library gives it.
_DISPLAY_NAMES: Mapping[str, str] = {
    "Første nyttårsdag": "1. nyttårsdag",
    "Skjærtorsdag": "skjærtorsdag",
    "Langfredag": "langfredag",
    "Første påskedag": "1. påskedag",
    "Andre påskedag": "2. påskedag",
    "Arbeidernes dag": "arbeidernes dag",
    "Grunnlovsdag": "grunnlovsdagen",
    "Kristi himmelfartsdag": "Kristi himmelfartsdag",
    "Første pinsedag": "1. pinsedag",
    "Andre pinsedag": "2. pinsedag",
    "Første juledag": "1. juledag",
    "Andre juledag": "2. juledag",
}


# --------------------------------------------------------------------------- holidays


@cache
def _year_holidays(year: int) -> Mapping[date, str]:
    """The public holidays of one year, date → Norwegian name (read-only, cached)."""
    import holidays  # lazily: importing the library takes ~50 ms

    calendar = holidays.country_holidays(
        "NO", years=year, expand=False, language="no", include_sundays=False
    )
    first, last = calendar.start_year, calendar.end_year
    if not first <= year <= last:  # the library would give no holidays at all
        raise ValidationError(
            [
                Problem(
                    "Dato",
                    f"året {year} er utenfor helligdagskalenderen (den dekker {first}–{last})",
                )
            ]
        )
    # Two holidays can share a day (2. pinsedag on 17 May 2027): get_list names both.
    return MappingProxyType(
        {
            day: " og ".join(_DISPLAY_NAMES.get(name, name) for name in calendar.get_list(day))
            for day in sorted(calendar)
        }
    )


def holiday_name(day: date) -> str | None:
    """The Norwegian name of the public holiday on ``day``, or None."""
    return _year_holidays(day.year).get(day)


def holidays_between(start: date, end: date) -> list[tuple[date, str]]:
    """The public holidays from ``start`` to ``end`` (both included), in date order, with
    their Norwegian names. Weekends are not listed unless they are holidays too. Empty if
    ``end`` is before ``start``."""
    found: list[tuple[date, str]] = []
    for year in range(start.year, end.year + 1):
        found.extend((d, n) for d, n in _year_holidays(year).items() if start <= d <= end)
    return found


# --------------------------------------------------------------------------- working days


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday (24 and 31 December are working days)."""
    return day.weekday() < 5 and day not in _year_holidays(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day = _plus(day, 1)
    return day


def reply_deadline(dated: date, days: int) -> date:
    """The reply deadline of a letter dated ``dated`` giving ``days`` calendar days: the
    day ``days`` after the letter, moved to the next working day if it is not one."""
    _check_days(days, "Svarfrist", "svarfristen")
    return next_working_day(_plus(dated, days))


def add_working_days(start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted), for
    rules that count working days. ``n == 0`` gives ``start`` unchanged."""
    _check_days(n, "Virkedager", "antall virkedager")
    day = start
    while n > 0:
        day = _plus(day, 1)
        if is_working_day(day):
            n -= 1
    return day


def _check_days(days: int, field: str, what: str) -> None:
    if days < 0:
        raise ValidationError([Problem(field, f"{what} kan ikke være negativ (oppgitt: {days})")])
    if days > MAX_DAYS:
        raise ValidationError(
            [Problem(field, f"{what} på {days} dager er urimelig lang (høyst {MAX_DAYS} dager)")]
        )


def _plus(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise ValidationError([Problem("Dato", "datoen er utenfor kalenderen")]) from None


# --------------------------------------------------------------------------- words


def format_date(day: date) -> str:
    """``18. desember 2026`` — Norwegian, independent of the system locale."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def format_weekday_date(day: date) -> str:
    """``mandag 4. januar 2027`` — Norwegian, independent of the system locale."""
    return f"{WEEKDAYS[day.weekday()]} {format_date(day)}"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def explain_deadline(dated: date, days: int) -> str:
    """One Norwegian sentence saying how the reply deadline was found, e.g.
    ``14 dager fra 18. desember 2026 er 1. januar 2027 (1. nyttårsdag); fristen blir
    mandag 4. januar 2027.``"""
    deadline = reply_deadline(dated, days)
    raw = _plus(dated, days)
    counted = f"{days} {'dag' if days == 1 else 'dager'} fra {format_date(dated)}"
    if deadline == raw:
        return f"{counted} er {format_weekday_date(raw)}, som blir fristen."
    reason = holiday_name(raw) or WEEKDAYS[raw.weekday()]
    sentence = f"{counted} er {format_date(raw)} ({reason}); fristen blir "
    sentence += format_weekday_date(deadline)
    later = [name for _, name in holidays_between(_plus(raw, 1), deadline)]
    if later:
        sentence += f" (etter {_join(later)})"
    return sentence + "."


def working_days_before(day: date, n: int) -> date:
    """The ``n``-th working day before ``day`` (``day`` itself is not counted): when to be
    reminded of a deadline so that there are ``n`` working days left to act."""
    _check_days(n, "Virkedager", "antall virkedager")
    while n > 0:
        day = _plus(day, -1)
        if is_working_day(day):
            n -= 1
    return day
