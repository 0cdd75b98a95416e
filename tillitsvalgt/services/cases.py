"""Cases (saker): numbering, optimistic locking, close/reopen, the recycle bin, and the
case list with paging, sorting, filtering and free-text search done in SQL."""

from __future__ import annotations

import dataclasses
import functools
import re
import uuid as uuid_module
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import func, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from tillitsvalgt.errors import ConflictError, NotFoundError, StateError
from tillitsvalgt.models import (
    Case,
    CaseCounter,
    CaseCreate,
    CaseListRow,
    CasePage,
    CaseRead,
    CaseUpdate,
    Deadline,
    Employer,
    Representative,
    case_date_problems,
    utcnow,
)
from tillitsvalgt.services._common import changes, read, refuse
from tillitsvalgt.services.assessments import demand_today, mark_stale
from tillitsvalgt.vocabulary import OUTCOMES

CASE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*/\s*(\d{1,9})\s*$")  # year 1 is 1/N
# The database's integer columns (ids, years) hold 32 bits on PostgreSQL; a larger number
# in a search or a reference matches nothing, and must not reach the driver.
MAX_INT = 2**31 - 1

SortKey = Literal[
    "updated", "number", "title", "employer", "type", "status", "notice", "timing", "deadline"
]
SORT_KEYS: tuple[str, ...] = (
    "updated", "number", "title", "employer", "type", "status", "notice", "timing", "deadline"
)  # fmt: skip
MAX_PAGE = 1000


# --------------------------------------------------------------------------- numbering


def allocate_number(year: int, *, session: Session) -> int:
    """The next sequence number for ``year``. One atomic upsert: the counter row is locked
    until the caller's transaction ends, so two writers never get the same number."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # The shared counter is written only through its function (migration 0010): a
        # representative who could write the table could reset it and stop every branch.
        next_seq = sa.text("SELECT tillitsvalgt_next_case_seq(:y)")
        return int(session.execute(next_seq, {"y": year}).scalar_one())
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = (
        insert(CaseCounter)
        .values(year=year, last_seq=1)
        .on_conflict_do_update(
            index_elements=["year"],
            set_={"last_seq": CaseCounter.__table__.c.last_seq + 1},  # type: ignore[attr-defined]
        )
        .returning(CaseCounter.__table__.c.last_seq)  # type: ignore[attr-defined]
    )
    return int(session.execute(stmt).scalar_one())


def format_number(year: int, seq: int) -> str:
    return f"{year}/{seq}"


# --------------------------------------------------------------------------- lookup


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


def _check_references(
    session: Session, employer_id: int | None, representative_id: int | None
) -> None:
    if employer_id is not None:
        employer = session.get(Employer, employer_id)
        if employer is None or employer.deleted_at is not None:
            raise refuse("employer_id", f"virksomheten med id {employer_id} finnes ikke")
    if representative_id is not None and session.get(Representative, representative_id) is None:
        raise refuse("representative_id", f"tillitsvalgt med id {representative_id} finnes ikke")


# --------------------------------------------------------------------------- writing


def employer_facts(session: Session, employer_id: int) -> dict[str, Any]:
    """The register's facts about the employer now, as a case keeps them (see Case)."""
    employer = session.get(Employer, employer_id)
    assert employer is not None  # checked by _check_references
    return {
        "employer_employees": employer.employees,
        "employer_agreement": employer.agreement,
        "employer_sector": employer.sector,
        "employer_facts_at": utcnow(),
    }


def adopt_employer_facts(ref: str | int, *, version: int, session: Session) -> CaseRead:
    """Judge the case on what the employer register says now (the user has seen that it
    differs from what the case was judged on, and agrees)."""
    case = resolve_case(ref, session=session)
    return _versioned_update(session, case, version, employer_facts(session, case.employer_id))


def create_case(data: CaseCreate, *, session: Session, today: date) -> CaseRead:
    """Register a case; its number is ``YYYY/N`` for the year of ``today``."""
    _check_references(session, data.employer_id, data.representative_id)
    seq = allocate_number(today.year, session=session)
    values = data.model_dump(exclude_none=True)
    case = Case(
        **values,
        **employer_facts(session, data.employer_id),
        year=today.year,
        seq=seq,
        number=format_number(today.year, seq),
    )
    session.add(case)
    session.flush()
    assert case.id is not None
    mark_stale(case.id, session=session)
    return read(CaseRead, case)


def _versioned_update(
    session: Session, case: Case, expected_version: int, values: dict[str, Any]
) -> CaseRead:
    """Write ``values`` only if nobody changed the case since ``expected_version``."""
    assert case.id is not None
    stale = ConflictError(
        f"Sak {case.number} er endret av noen andre siden du åpnet den (din versjon "
        f"{expected_version}, lagret versjon {case.version}). Last saken inn på nytt og gjør "
        "endringen igjen; ingenting er lagret."
    )
    if case.version != expected_version:
        raise stale
    values["updated_at"] = utcnow()
    result = session.execute(
        update(Case)
        .where(col(Case.id) == case.id, col(Case.version) == expected_version)
        .values(**values, version=Case.version + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise stale
    mark_stale(case.id, session=session)
    session.expire(case)
    session.refresh(case)
    return read(CaseRead, case)


def update_case(ref: str | int, data: CaseUpdate, *, session: Session) -> CaseRead:
    case = resolve_case(ref, session=session)
    values = changes(data)
    for required in ("title", "case_type", "employer_id"):
        if required in values and values[required] is None:
            raise refuse(required, "må fylles ut")
    _check_references(session, values.get("employer_id"), values.get("representative_id"))
    if values.get("employer_id") not in (None, case.employer_id):
        values.update(employer_facts(session, values["employer_id"]))
    merged = read(CaseRead, case).model_copy(update=values)
    problems = case_date_problems(merged)
    if problems:
        field, message = problems[0]
        raise refuse(field, message)
    return _versioned_update(session, case, data.version, values)


def close_case(
    ref: str | int, *, outcome: str, version: int, session: Session, today: date | None = None
) -> CaseRead:
    case = resolve_case(ref, session=session)
    if outcome not in OUTCOMES:
        raise refuse(
            "outcome", f"ukjent utfall «{outcome}»; gyldige verdier er: " + ", ".join(OUTCOMES)
        )
    if case.status == "closed":
        raise StateError(f"Sak {case.number} er allerede avsluttet.")
    closed = _versioned_update(
        session, case, version, {"status": "closed", "outcome": outcome, "closed_at": utcnow()}
    )
    lapse_deadlines(closed.id, on=today or date.today(), session=session)
    return closed


def lapse_deadlines(case_id: int, *, on: date, session: Session) -> None:
    """The case is closed: its running deadlines lapse ``on`` that day — no longer overdue
    anywhere, and not "met" (the report still counts one that had already run out)."""
    session.execute(
        update(Deadline)
        .where(
            col(Deadline.case_id) == case_id,
            col(Deadline.met_on).is_(None),
            col(Deadline.cancelled).is_(False),
            col(Deadline.lapsed_on).is_(None),
        )
        .values(lapsed_on=on)
        .execution_options(synchronize_session=False)
    )


def reopen_case(ref: str | int, *, version: int, session: Session) -> CaseRead:
    case = resolve_case(ref, session=session)
    if case.status != "closed":
        raise StateError(f"Sak {case.number} er ikke avsluttet.")
    opened = _versioned_update(
        session, case, version, {"status": "open", "outcome": None, "closed_at": None}
    )
    # The deadlines that lapsed with the close run again (cancelled ones stay cancelled).
    session.execute(
        update(Deadline)
        .where(col(Deadline.case_id) == opened.id, col(Deadline.lapsed_on).is_not(None))
        .values(lapsed_on=None)
        .execution_options(synchronize_session=False)
    )
    return opened


def delete_case(ref: str | int, *, session: Session) -> CaseRead:
    """Move to the recycle bin: hidden everywhere, nothing removed, restorable."""
    case = resolve_case(ref, session=session)
    return _versioned_update(session, case, case.version, {"deleted_at": utcnow()})


def restore_case(ref: str | int, *, session: Session) -> CaseRead:
    case = resolve_case(ref, session=session, include_deleted=True)
    if case.deleted_at is None:
        raise StateError(f"Sak {case.number} ligger ikke i papirkurven.")
    return _versioned_update(session, case, case.version, {"deleted_at": None})


def touch_case(case_id: int, *, session: Session) -> None:
    """Mark the case as changed (its timeline or documents changed) without taking the
    version: editing the form and adding an event are not in conflict."""
    session.execute(update(Case).where(col(Case.id) == case_id).values(updated_at=utcnow()))
    mark_stale(case_id, session=session)


# --------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class CaseQuery:
    case_type: str | None = None
    status: str | None = None
    employer_id: int | None = None
    year: int | None = None
    text: str | None = None
    timing: str | None = None  # the stored verdict's timing code
    overdue: bool = False  # only cases whose demand's reply deadline has passed
    today: date | None = None  # the day "overdue" is judged on (default: the real today)
    deleted: bool = False  # True: the recycle bin instead of the live cases
    group_id: int | None = None  # only the cases of this group case
    sort: str = "updated"
    descending: bool = True
    offset: int = 0
    limit: int = 50


# What separates the words of a search: white space, every ASCII character but letters and
# digits (all query syntax of FTS5 and tsquery is ASCII) and lone surrogates (no database
# can take them). Everything else stays in the word, so each database's own tokenizer
# splits the word exactly as it split the indexed text: Python's idea of a letter differs
# from theirs for combining marks, new scripts and symbols.
_SEPARATORS = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\s\ud800-\udfff]+")


def search_terms(text: str) -> list[str]:
    """The words of a search, stripped of every operator: user text is never query syntax.
    Not lowercased here: both indexes fold case themselves, and Python's lower() splits
    some letters in two ("İ" becomes "i" and a combining dot), so the word no longer
    matched the one indexed. A "word" without a letter or a decimal digit («», a lone
    accent, "¹") is no word to PostgreSQL's parser, so it would match nothing there; it is
    left out on both databases alike."""
    words = (w for w in _SEPARATORS.split(text) if any(c.isalpha() or c.isdecimal() for c in w))
    return list(words)[:20]


# Above this many free-text hits, walking the sort index and checking each case against
# the hits beats fetching and sorting every hit (SQLite; measured in benchmarks/).
MANY_HITS = 1000

_SORT_COLUMNS: dict[str, tuple[Any, ...]] = {
    "updated": (col(Case.updated_at),),
    "number": (col(Case.year), col(Case.seq)),
    "title": (col(Case.title),),
    "employer": (col(Employer.name),),
    "type": (col(Case.case_type),),
    "status": (col(Case.status),),
    "notice": (col(Case.notice_on),),
    # Worst first when ascending: a breach before a late one before one in time.
    "timing": (
        sa.case(
            {
                "not_held_decision_taken": 0,
                "late_after_implementation": 1,
                "late_before_implementation": 2,
                "information_only": 3,
                "not_held_yet": 4,
                "unknown": 5,
                "in_time": 6,
            },
            value=col(Case.verdict_timing),
            else_=7,
        ),
    ),
    # The next running deadline (as the list's column shows it).
    "deadline": (
        sa.select(func.min(Deadline.due_on))
        .where(
            col(Deadline.case_id) == col(Case.id),
            col(Deadline.met_on).is_(None),
            col(Deadline.cancelled).is_(False),
            col(Deadline.lapsed_on).is_(None),
        )
        .scalar_subquery(),
    ),
}
# Sorted by these, a case without a value comes last in either direction.
_NULLS_LAST = frozenset({"deadline"})


def _match_query(dialect: str, terms: list[str]) -> str:
    if dialect == "postgresql":
        return " & ".join(f"{t}:*" for t in terms)
    return " AND ".join('"' + t.replace('"', "") + '"*' for t in terms)


@dataclass(frozen=True)
class _Shape:
    """What decides the text of the list's statements; the values are bound parameters,
    so each shape is built once and SQLAlchemy's compiled cache is hit every time."""

    dialect: str
    deleted: bool
    case_type: bool
    status: bool
    employer: bool
    year: bool
    timing: bool
    overdue: bool
    text: bool
    many_hits: bool
    sort: str
    descending: bool
    group: bool = False
    own_branch: bool = False  # PostgreSQL, a role that does not see every case
    shared: bool = False  # … and some cases of other branches are shared with it

    @property
    def only_text(self) -> bool:
        return self.text and not (
            self.deleted
            or self.case_type
            or self.status
            or self.employer
            or self.year
            or self.timing
            or self.overdue
            or self.group
        )


# A representative's cases on PostgreSQL: the row-level-security rule of migration 0008
# (own branch, or shared with this role) once more, as a filter the planner can use. The
# policy itself is one OR with «sees everything» in front, which no index serves: at
# 1 000 000 cases every count and page scanned all cases (benchmarks/README.md). The policy
# still applies; this only lets the branch index (0019) find the rows. Without shares the
# filter is the branch alone, so the branch's index gives the page in order and the count
# from the index only.
_MY_BRANCH = "(SELECT tillitsvalgt_my_branch())"
_SHARED_WITH_ME = (
    "ARRAY(SELECT s.case_id FROM tillitsvalgt_case_shares s WHERE s.role_name = current_user::text)"
)
_ACCESS = sa.text(
    "SELECT tillitsvalgt_sees_all(), EXISTS (SELECT 1 FROM tillitsvalgt_case_shares s "
    "WHERE s.role_name = current_user::text)"
)


def _branch_rule(table: str, id_column: str, shared: bool) -> str:
    own = f"{table}.branch = {_MY_BRANCH}"
    return f"({own} OR {table}.{id_column} = ANY ({_SHARED_WITH_ME}))" if shared else own


def _filters(shape: _Shape) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = [
        col(Case.deleted_at).is_not(None) if shape.deleted else col(Case.deleted_at).is_(None)
    ]
    if shape.own_branch:
        where.append(sa.text(_branch_rule("cases", "id", shape.shared)))  # type: ignore[arg-type]
    if shape.case_type:
        where.append(col(Case.case_type) == sa.bindparam("case_type"))
    if shape.status:
        where.append(col(Case.status) == sa.bindparam("status"))
    if shape.employer:
        where.append(col(Case.employer_id) == sa.bindparam("employer_id"))
    if shape.year:
        where.append(col(Case.year) == sa.bindparam("year"))
    if shape.group:
        where.append(col(Case.group_id) == sa.bindparam("group_id"))
    if shape.timing:
        where.append(col(Case.verdict_timing) == sa.bindparam("timing"))
    if shape.overdue:  # a closed case's demand no longer runs (its deadlines lapsed)
        where.append(col(Case.status) == "open")
        where.append(col(Case.verdict_demand) == "awaiting_reply")
        where.append(col(Case.verdict_demand_due_on) < sa.bindparam("today", type_=sa.Date))
    if shape.text:
        if shape.dialect == "postgresql":
            sql = "SELECT case_id FROM case_search WHERE document @@ to_tsquery('simple', :match)"
            if shape.own_branch:
                sql += " AND " + _branch_rule("case_search", "case_id", shape.shared)
        else:
            sql = "SELECT rowid FROM case_search WHERE case_search MATCH :match"
        hits = sa.text(sql).columns(sa.column("id", sa.Integer))
        # "id + 0" is an expression, so SQLite cannot drive the page from the hit list
        # and must walk the sort index instead.
        sqlite_many = shape.many_hits and shape.dialect == "sqlite"
        key = col(Case.id) + 0 if sqlite_many else col(Case.id)
        where.append(key.in_(hits))
    return where


@functools.cache
def _count_statement(shape: _Shape) -> Any:
    if shape.only_text and shape.dialect == "sqlite":
        # Every case has one row in the index: count the hits there, less the recycle bin,
        # instead of looking each hit up in cases.
        return sa.text(
            "SELECT count(*) FROM case_search WHERE case_search MATCH :match "
            "AND rowid NOT IN (SELECT id FROM cases WHERE deleted_at IS NOT NULL)"
        )
    return sa.select(func.count()).select_from(Case).where(*_filters(shape))


@functools.cache
def _page_statement(shape: _Shape) -> Any:
    """The page's ids first, from a sort index alone (a deep page skips index entries, not
    joined rows); only those ids get their employer and next deadline."""
    keys = [*_SORT_COLUMNS[shape.sort], col(Case.id)]
    order = [k.desc() if shape.descending else k.asc() for k in keys]
    if shape.sort in _NULLS_LAST:
        order.insert(0, sa.case((_SORT_COLUMNS[shape.sort][0].is_(None), 1), else_=0).asc())
    ids = sa.select(col(Case.id)).where(*_filters(shape))
    if shape.sort == "employer":
        ids = ids.join(Employer, col(Employer.id) == col(Case.employer_id))
    page = (
        ids.order_by(*order)
        .offset(sa.bindparam("offset", type_=sa.Integer))
        .limit(sa.bindparam("limit", type_=sa.Integer))
        .subquery("page")
    )
    next_deadline = (
        select(func.min(Deadline.due_on))
        .where(
            col(Deadline.case_id) == col(Case.id),
            col(Deadline.met_on).is_(None),
            col(Deadline.cancelled).is_(False),
            col(Deadline.lapsed_on).is_(None),
        )
        .scalar_subquery()
    )
    return (
        sa.select(
            col(Case.id),
            col(Case.number),
            col(Case.title),
            col(Employer.name).label("employer_name"),
            col(Case.case_type),
            col(Case.status),
            col(Case.notice_on),
            col(Case.decision_on),
            next_deadline.label("next_deadline"),
            col(Case.updated_at),
            col(Case.verdict_timing),
            col(Case.verdict_demand),
            col(Case.verdict_demand_due_on),
        )
        .select_from(page)
        .join(Case, col(Case.id) == page.c.id)
        .join(Employer, col(Employer.id) == col(Case.employer_id))
        .order_by(*order)
    )


def _check_filters(query: CaseQuery) -> None:
    """Filters the database cannot take are refused by name, not by the driver."""
    if query.offset > MAX_INT - MAX_PAGE:
        raise refuse("limit", "siden er utenfor listen")
    for name in ("year", "employer_id", "group_id"):
        value = getattr(query, name)
        if value is not None and abs(value) > MAX_INT:
            raise refuse(name, f"{value} er utenfor gyldig område")
    for name in ("case_type", "status", "timing"):
        value = getattr(query, name)
        if value and ("\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)):
            raise refuse(name, "inneholder ugyldige tegn")


def list_cases(query: CaseQuery, *, session: Session) -> CasePage:
    """One page of the case list and the total count, all decided by the database."""
    if query.limit < 1 or query.limit > MAX_PAGE or query.offset < 0:
        raise refuse("limit", f"en side må ha mellom 1 og {MAX_PAGE} saker")
    _check_filters(query)
    if query.sort not in _SORT_COLUMNS:
        raise refuse(
            "sort", f"kan ikke sortere på «{query.sort}»; velg en av {', '.join(SORT_KEYS)}"
        )
    dialect = session.get_bind().dialect.name
    terms = search_terms(query.text or "")
    today = query.today or date.today()
    params: dict[str, Any] = {
        "case_type": query.case_type,
        "status": query.status,
        "employer_id": query.employer_id,
        "year": query.year,
        "timing": query.timing,
        "group_id": query.group_id,
        "today": today,
        "match": _match_query(dialect, terms),
    }
    shape = _Shape(
        dialect=dialect,
        deleted=query.deleted,
        case_type=bool(query.case_type),
        status=bool(query.status),
        employer=query.employer_id is not None,
        year=query.year is not None,
        timing=bool(query.timing),
        overdue=query.overdue,
        group=query.group_id is not None,
        text=bool(terms),
        many_hits=False,
        sort=query.sort,
        descending=query.descending,
    )
    if dialect == "postgresql":
        sees_all, shared = session.connection().execute(_ACCESS).one()
        shape = dataclasses.replace(shape, own_branch=not sees_all, shared=bool(shared))
    conn = session.connection()  # Session.execute adds ORM set-up this list does not need
    total = int(conn.execute(_count_statement(shape), params).scalar_one())
    if shape.text and total > MANY_HITS:
        shape = dataclasses.replace(shape, many_hits=True)
    statement = _page_statement(shape)
    result = conn.execute(statement, {**params, "offset": query.offset, "limit": query.limit})
    rows = [
        CaseListRow(
            id=r[0],
            number=r[1],
            title=r[2],
            employer_name=r[3],
            case_type=r[4],
            status=r[5],
            notice_on=r[6],
            decision_on=r[7],
            next_deadline=r[8],
            updated_at=r[9],
            timing=r[10],
            # A closed case is never "overdue": its demand's deadline lapsed with the close.
            demand=demand_today(r[11], r[12], today) if r[5] == "open" else r[11],
        )
        for r in result
    ]
    return CasePage(rows=rows, total=total, offset=query.offset, limit=query.limit)
