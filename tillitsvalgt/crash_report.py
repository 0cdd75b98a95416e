"""What an unexpected error (a bug) leaves behind, in the log file and in the crash dialog:
enough to find the bug, and no personal data.

Exception messages are left out: they quote values — a driver error its statement's
parameters, a validation error its input, a ``KeyError`` its key — and a case's values are
special-category data (union membership). What stays: the type of every exception in the
chain, where each was raised (file, line, function and the code on that line, which is the
program's, not the user's), and for a database error the SQL with its placeholders (values
are always bound, never written into the SQL) and the driver's error code.
"""

from __future__ import annotations

import traceback
from datetime import datetime

from tillitsvalgt import __version__

WITHHELD = "(meldingen er utelatt: den kan inneholde personopplysninger)"


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes, oldest first (as Python prints them)."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    return chain[::-1]


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    return (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )


def _database_facts(exc: BaseException) -> list[str]:
    facts = []
    statement = getattr(exc, "statement", None)
    if isinstance(statement, str):
        facts.append("SQL: " + " ".join(statement.split()))
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException):
        facts.append("Driverfeil: " + _type_name(orig))
        for code in ("sqlite_errorname", "sqlstate"):
            value = getattr(orig, code, None)
            if isinstance(value, str) and value:
                facts.append(f"Kode: {value}")
    return facts


def crash_report(exc: BaseException, *, when: datetime | None = None) -> str:
    """The report of ``exc``: types, places and SQL, never a message or a value."""
    stamp = (when or datetime.now().astimezone()).isoformat(timespec="seconds")
    parts = [f"--- {stamp} tillitsvalgt {__version__}\n"]
    for i, link in enumerate(_chain(exc)):
        if i:
            parts.append("\nSom førte til:\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(link.__traceback__)))
        parts.append(f"{_type_name(link)} {WITHHELD}\n")
        parts.extend(f"  {fact}\n" for fact in _database_facts(link))
    return "".join(parts)
