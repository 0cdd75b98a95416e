"""Finding a case by what a user types (its number ``2026/3``, UUID or database id): below
both the case service and the assessments, the history reader and the letters, which all
need it (it lived in ``services/cases.py``, where it tied cases and assessments in a
circle)."""

from __future__ import annotations

import re
import uuid as uuid_module

from sqlmodel import Session, select

from tillitsvalgt.errors import NotFoundError
from tillitsvalgt.services._common import read
from tillitsvalgt.shapes import CaseRead
from tillitsvalgt.tables import Case

CASE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,9})\s*$")  # year 1 is 1/N
# The database's integer columns (ids, years) hold 32 bits on PostgreSQL; a larger number
# in a search or a reference matches nothing, and must not reach the driver.
MAX_INT = 2**31 - 1


def format_number(year: int, seq: int) -> str:
    return f"{year}/{seq}"


def resolve_case(ref: str | int, *, session: Session, include_deleted: bool = False) -> Case:
    """A case by its number (``2026/3``), UUID or database id."""
    case: Case | None = None
    # A command-line argument may carry undecodable bytes (surrogates): shown as «?».
    text = str(ref).strip().encode("utf-8", "replace").decode("utf-8")
    match = CASE_NUMBER.match(text)
    if match:
        number = format_number(int(match.group(1)), int(match.group(2)))
        case = session.exec(select(Case).where(Case.number == number)).first()
    elif text.isdecimal():  # not isdigit(): "²" is a digit int() refuses
        case = session.get(Case, int(text)) if int(text) <= MAX_INT else None
    else:
        try:
            wanted = uuid_module.UUID(text)
        except ValueError:
            raise NotFoundError(
                f"«{text}» er ikke et saksnummer. Skriv det som år/nummer, for eksempel 2026/3."
            ) from None
        case = session.exec(select(Case).where(Case.uuid == wanted)).first()
    if case is None or (case.deleted_at is not None and not include_deleted):
        where = " (den ligger i papirkurven)" if case is not None else ""
        raise NotFoundError(f"Fant ikke sak {text}{where}.")
    return case


def get_case(ref: str | int, *, session: Session, include_deleted: bool = False) -> CaseRead:
    return read(CaseRead, resolve_case(ref, session=session, include_deleted=include_deleted))
