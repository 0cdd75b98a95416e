"""Dates as people type them in Norway: ``15.10.2026``, ``15.10.26``, ``1.2.26``, ``151026``,
``15/10``, ``2026-10-15``, or «i» for today. Pure: the window's date field and the tests both
use ``parse_date_text``; a text it cannot read is an error that says what to fix, never a
guess (a wrong date silently saved decides whether drøfting came before the decision)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from tillitsvalgt.rules.deadlines import MONTHS

# Words that mean today: «i» (i dag) and «t» (today) are single keys on purpose.
TODAY_WORDS = frozenset({"i", "t", "idag", "i dag", "today", "nå"})
_SEPARATORS = re.compile(r"[.\-/, ]+")
_RELATIVE = re.compile(r"^([+-])\s*(\d{1,4})$")


class DateTextError(ValueError):
    """The text is not a date; ``str(error)`` is a Norwegian sentence saying what to fix."""


def _year(text: str, today: date) -> int:
    if len(text) == 4:
        return int(text)
    if len(text) == 2:
        # Two digits mean this century, unless that is more than 50 years ahead.
        year = 2000 + int(text)
        return year - 100 if year > today.year + 50 else year
    raise DateTextError(f"året «{text}» må ha 2 eller 4 sifre, for eksempel 26 eller 2026")


def _build(day: int, month: int, year: int) -> date:
    if not 1 <= month <= 12:
        raise DateTextError(f"måneden må være mellom 1 og 12, ikke {month}")
    if not 1 <= year <= 9999:
        raise DateTextError(f"året {year} finnes ikke i kalenderen")
    if day < 1:
        raise DateTextError("dagen må være 1 eller mer")
    try:
        return date(year, month, day)
    except ValueError:
        last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
        if month == 2 and day == 29:
            raise DateTextError(f"29. februar finnes ikke i {year}") from None
        raise DateTextError(f"{MONTHS[month - 1]} har bare {last} dager") from None


def _digits_only(text: str, today: date) -> date:
    if len(text) == 4:  # ddmm
        return _build(int(text[:2]), int(text[2:]), today.year)
    if len(text) == 6:  # ddmmyy
        return _build(int(text[:2]), int(text[2:4]), _year(text[4:], today))
    if len(text) == 8:  # ddmmyyyy
        return _build(int(text[:2]), int(text[2:4]), int(text[4:]))
    raise DateTextError(
        f"«{text}» er {len(text)} sifre; skriv dag, måned og år, for eksempel 15.10.2026 eller "
        "151026"
    )


def parse_date_text(text: str, today: date) -> date:
    """The date ``text`` means, judged on ``today`` (for «i», «+14» and a missing year).

    Raises ``DateTextError`` for an empty or unreadable text."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise DateTextError("skriv en dato, for eksempel 15.10.2026")
    if cleaned in TODAY_WORDS:
        return today
    if relative := _RELATIVE.match(cleaned):
        days = int(relative.group(2))
        try:
            return today + timedelta(days=days if relative.group(1) == "+" else -days)
        except OverflowError:
            raise DateTextError(f"{cleaned} dager fra i dag er utenfor kalenderen") from None
    parts = [p for p in _SEPARATORS.split(cleaned) if p]
    if not all(p.isdigit() and p.isascii() for p in parts):
        raise DateTextError(
            f"«{text.strip()}» er ikke en dato; skriv for eksempel 15.10.2026, 15.10.26 "
            "eller «i» for i dag"
        )
    if len(parts) == 1:
        return _digits_only(parts[0], today)
    if len(parts) == 3 and len(parts[0]) == 4:  # ISO: 2026-10-15
        return _build(int(parts[2]), int(parts[1]), int(parts[0]))
    if any(len(p) > 2 for p in parts[:2]):
        raise DateTextError(
            f"«{text.strip()}»: dag og måned har høyst 2 sifre, for eksempel 15.10.2026"
        )
    if len(parts) == 2:  # 15.10: this year
        return _build(int(parts[0]), int(parts[1]), today.year)
    if len(parts) == 3:
        return _build(int(parts[0]), int(parts[1]), _year(parts[2], today))
    raise DateTextError(f"«{text.strip()}» har for mange deler; skriv dag.måned.år")


def format_date_text(day: date) -> str:
    """The form a date field shows: ``15.10.2026``."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"
