"""Cases (saker): numbering, optimistic locking, close/reopen, the recycle bin, and the
case list with paging, sorting, filtering and free-text search done in SQL."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import func, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.compiler import compiles
from sqlmodel import Session, col, select

from tillitsvalgt.errors import ConflictError, StateError
from tillitsvalgt.services._common import changes, read, refuse, today_of
from tillitsvalgt.services._lookup import CASE_NUMBER as CASE_NUMBER
from tillitsvalgt.services._lookup import MAX_INT as MAX_INT
from tillitsvalgt.services._lookup import format_number as format_number
from tillitsvalgt.services._lookup import get_case as get_case
from tillitsvalgt.services._lookup import resolve_case as resolve_case

# The lookup lived here; its names stay importable from here.
from tillitsvalgt.services._plans import planner
from tillitsvalgt.services.assessments import demand_today, mark_stale
from tillitsvalgt.shapes import (
    CaseCreate,
    CaseListRow,
    CasePage,
    CaseRead,
    CaseUpdate,
    case_date_problems,
)
from tillitsvalgt.shapes import CaseQuery as CaseQuery  # defined with the shapes
from tillitsvalgt.tables import Case, CaseCounter, Deadline, Employer, Representative, utcnow
from tillitsvalgt.vocabulary import OUTCOMES

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
    stmt = (
        sqlite.insert(CaseCounter)
        .values(year=year, last_seq=1)
        .on_conflict_do_update(
            index_elements=["year"],
            set_={"last_seq": CaseCounter.__table__.c.last_seq + 1},  # type: ignore[attr-defined]
        )
        .returning(CaseCounter.__table__.c.last_seq)  # type: ignore[attr-defined]
    )
    return int(session.execute(stmt).scalar_one())


# --------------------------------------------------------------------------- lookup


def count_cases(*, session: Session) -> int:
    """Every case in the database, the recycle bin's too."""
    return int(session.exec(select(func.count()).select_from(Case)).one())


def has_cases(*, session: Session) -> bool:
    """Whether the database has any case, the recycle bin's too (the rule demo data keeps:
    it goes only into a database without any). Asked as EXISTS, not as a count: the
    welcome dialog asks on the GUI thread, and counting an office's million cases under
    row-level security took 0.8 s."""
    statement = sa.select(sa.exists().select_from(_cases_table))
    return bool(session.connection().execute(statement).scalar_one())


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
    return kept_facts(employer.employees, employer.agreement, employer.sector)


def kept_facts(employees: int | None, agreement: str, sector: str | None) -> dict[str, Any]:
    """The case's columns for the employer facts it is judged on, taken now."""
    return {
        "employer_employees": employees,
        "employer_agreement": agreement,
        "employer_sector": sector,
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
    lapse_deadlines(closed.id, on=today or today_of(session), session=session)
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
# At most this many filtered cases are sorted by next deadline in one statement (a sub-query
# each, as before 0017): cheaper than the two index walks when a filter leaves few
# (measured at 100 000 cases: 8 000 open office-layout cases, 47–61 ms against 75–92 ms).
FEW_TO_SORT = 20_000

# The verdict's rank, worst first, exactly as migration 0017 indexes it (the same text, so
# both databases match the query's ORDER BY to the index; tests/test_list_sort_indexes.py
# checks SQLite's plan).
TIMING_RANK_SQL = (
    "CASE verdict_timing"
    " WHEN 'not_held_decision_taken' THEN 0"
    " WHEN 'late_after_implementation' THEN 1"
    " WHEN 'late_before_implementation' THEN 2"
    " WHEN 'information_only' THEN 3"
    " WHEN 'not_held_yet' THEN 4"
    " WHEN 'unknown' THEN 5"
    " WHEN 'in_time' THEN 6"
    " ELSE 7 END"
)


# The list's statements are SQLAlchemy core on the tables, not on the mapped classes: the
# first statement with a mapped class makes SQLAlchemy set up every mapper and build its
# ORM compile state (≈ 25 ms), and the list is what the start runs before its first paint.
_cases_table: sa.Table = Case.__table__  # type: ignore[attr-defined]
_deadlines_table: sa.Table = Deadline.__table__  # type: ignore[attr-defined]
_employers_table: sa.Table = Employer.__table__  # type: ignore[attr-defined]
_case = _cases_table.c
_deadline = _deadlines_table.c
_employer = _employers_table.c


def _running_deadline() -> tuple[sa.ColumnElement[bool], ...]:
    """A deadline still running: the predicate of ``ix_deadlines_open_case_due`` (0017)."""
    return (
        _deadline.met_on.is_(None),
        _deadline.cancelled.is_(False),
        _deadline.lapsed_on.is_(None),
    )


_SORT_COLUMNS: dict[str, tuple[Any, ...]] = {
    "updated": (_case.updated_at,),
    "number": (_case.year, _case.seq),
    "title": (_case.title,),
    "employer": (_employer.name,),
    "type": (_case.case_type,),
    "status": (_case.status,),
    "notice": (_case.notice_on,),
    # Worst first when ascending: a breach before a late one before one in time. Literal
    # SQL, not bound values: it is the expression of the index that serves it (0017).
    "timing": (sa.literal_column(TIMING_RANK_SQL),),
    # The next running deadline (as the list's column shows it).
    "deadline": (
        sa.select(func.min(_deadline.due_on))
        .where(
            _deadline.case_id == _case.id,
            _deadline.met_on.is_(None),
            _deadline.cancelled.is_(False),
            _deadline.lapsed_on.is_(None),
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


def _whole_words(terms: list[str]) -> str:
    """The same search on SQLite with whole words only: a subset of its hits."""
    return " AND ".join('"' + t.replace('"', "") + '"' for t in terms)


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
    few: bool = False  # a filter left so few cases that sorting them all is cheapest
    own_branch: bool = False  # PostgreSQL, a role that does not see every case
    shared: bool = False  # … and some cases of other branches are shared with it

    @property
    def unfiltered(self) -> bool:
        """Every live case: the list as it opens."""
        return not (
            self.text
            or self.deleted
            or self.case_type
            or self.status
            or self.employer
            or self.year
            or self.timing
            or self.overdue
            or self.group
        )

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


def branch_filter(session: Session) -> list[sa.ColumnElement[bool]]:
    """For a representative on PostgreSQL, the rule above as a filter on ``cases`` for
    other lists that join it (the running deadlines: 0.74 s → a few ms at a million
    cases); nothing for the office, and nothing on SQLite."""
    if session.get_bind().dialect.name != "postgresql":
        return []
    sees_all, shared = session.connection().execute(_ACCESS).one()
    if sees_all:
        return []
    return [sa.text(_branch_rule("cases", "id", bool(shared)))]  # type: ignore[list-item]


def _filters(shape: _Shape) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = [
        _case.deleted_at.is_not(None) if shape.deleted else _case.deleted_at.is_(None)
    ]
    if shape.own_branch:
        where.append(sa.text(_branch_rule("cases", "id", shape.shared)))  # type: ignore[arg-type]
    if shape.case_type:
        where.append(_case.case_type == sa.bindparam("case_type"))
    if shape.status:
        status: Any = _case.status
        if shape.many_hits and shape.dialect == "sqlite" and not shape.case_type:
            # As "id + 0" below: with many hits the sort index is walked until the page is
            # full. Left indexable, the status made SQLite read every case of that status
            # and sort the hits (a remembered search of open cases at start: 74 -> 38 ms).
            status = status.concat("")
        where.append(status == sa.bindparam("status"))
    if shape.employer:
        where.append(_case.employer_id == sa.bindparam("employer_id"))
    if shape.year:
        where.append(_case.year == sa.bindparam("year"))
    if shape.group:
        where.append(_case.group_id == sa.bindparam("group_id"))
    if shape.timing:
        where.append(_case.verdict_timing == sa.bindparam("timing"))
    if shape.overdue:  # a closed case's demand no longer runs (its deadlines lapsed)
        where.append(_case.status == "open")
        where.append(_case.verdict_demand == "awaiting_reply")
        where.append(_case.verdict_demand_due_on < sa.bindparam("today", type_=sa.Date))
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
        key = _case.id + 0 if sqlite_many else _case.id
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
    return sa.select(func.count()).select_from(_cases_table).where(*_filters(shape))


def _binned_ids() -> Any:
    return sa.select(_case.id).where(_case.deleted_at.is_not(None))


@functools.cache
def _running_count_statement(shape: _Shape) -> Any:
    """How many of the listed cases have a running deadline (they come first by «Neste
    frist»): the few cases in the running-deadline index, not every case."""
    running = (
        sa.select(_deadline.case_id)
        .where(*_running_deadline())
        .group_by(_deadline.case_id)
        .subquery("running")
    )
    if shape.unfiltered:
        # Nothing to check on the case but the recycle bin: leave out the few binned ones
        # (their own small index) instead of looking up every case with a deadline.
        return (
            sa.select(func.count())
            .select_from(running)
            .where(running.c.case_id.not_in(_binned_ids()))
        )
    # From the running deadlines to their cases, not every case looked up in them.
    return (
        sa.select(func.count())
        .select_from(running)
        .join(_cases_table, _case.id == running.c.case_id)
        .where(*_filters(shape))
    )


def _deadline_page(shape: _Shape) -> Any:
    """The page by next deadline, nulls last, as two index walks instead of a sub-query for
    every case: the cases with a running deadline, ordered by their earliest one (from
    ``ix_deadlines_open_case_due``), then the others by id. ``list_cases`` counts the first
    part and binds which slice of each part the page takes."""
    step = sa.desc if shape.descending else sa.asc
    running = (
        sa.select(_deadline.case_id, func.min(_deadline.due_on).label("due"))
        .where(*_running_deadline())
        .group_by(_deadline.case_id)
        .subquery("running")
    )
    if shape.unfiltered:  # as in _running_count_statement: no case row needed
        first_ids = sa.select(running.c.case_id.label("id"), running.c.due).where(
            running.c.case_id.not_in(_binned_ids())
        )
        key: Any = running.c.case_id
    else:
        first_ids = (
            sa.select(_case.id.label("id"), running.c.due)
            .join(running, running.c.case_id == _case.id)
            .where(*_filters(shape))
        )
        key = _case.id
    first = (
        first_ids.order_by(step(running.c.due), step(key))
        .offset(sa.bindparam("offset_running", type_=sa.Integer))
        .limit(sa.bindparam("limit_running", type_=sa.Integer))
        .subquery("with_deadline")
    )
    rest = (
        sa.select(_case.id.label("id"))
        .where(
            *_filters(shape),
            _case.id.not_in(sa.select(_deadline.case_id).where(*_running_deadline())),
        )
        .order_by(step(_case.id))
        .offset(sa.bindparam("offset_rest", type_=sa.Integer))
        .limit(sa.bindparam("limit_rest", type_=sa.Integer))
        .subquery("without_deadline")
    )
    return sa.union_all(
        sa.select(first.c.id, sa.literal(0).label("part"), first.c.due),
        sa.select(rest.c.id, sa.literal(1).label("part"), sa.cast(sa.null(), sa.Date).label("due")),
    ).subquery("page")


@functools.cache
def _page_statement(shape: _Shape) -> Any:
    """The page's ids first, from a sort index alone (a deep page skips index entries, not
    joined rows); only those ids get their employer and next deadline."""
    keys = [*_SORT_COLUMNS[shape.sort], _case.id]
    order = [k.desc() if shape.descending else k.asc() for k in keys]
    if shape.sort in _NULLS_LAST:
        order.insert(0, sa.case((_SORT_COLUMNS[shape.sort][0].is_(None), 1), else_=0).asc())
    ids = sa.select(_case.id).where(*_filters(shape))
    if shape.sort == "employer":
        ids = ids.join(_employers_table, _employer.id == _case.employer_id)
    if shape.sort == "deadline" and not shape.few:
        page = _deadline_page(shape)
        step = sa.desc if shape.descending else sa.asc
        order = [page.c.part.asc(), step(page.c.due), step(_case.id)]
    else:
        page = (
            ids.order_by(*order)
            .offset(sa.bindparam("offset", type_=sa.Integer))
            .limit(sa.bindparam("limit", type_=sa.Integer))
            .subquery("page")
        )
    next_deadline = (
        sa.select(func.min(_deadline.due_on))
        .where(
            _deadline.case_id == _case.id,
            _deadline.met_on.is_(None),
            _deadline.cancelled.is_(False),
            _deadline.lapsed_on.is_(None),
        )
        .scalar_subquery()
    )
    return (
        sa.select(
            _case.id,
            _case.number,
            _case.title,
            _employer.name.label("employer_name"),
            _case.case_type,
            _case.status,
            _case.notice_on,
            _case.decision_on,
            next_deadline.label("next_deadline"),
            _case.updated_at,
            _case.verdict_timing,
            _case.verdict_demand,
            _case.verdict_demand_due_on,
        )
        .select_from(page)
        .join(_cases_table, _case.id == page.c.id)
        .join(_employers_table, _employer.id == _case.employer_id)
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


def list_cases(
    query: CaseQuery, *, session: Session, count: bool = True, cap: int | None = None
) -> CasePage:
    """One page of the case list and the total count, all decided by the database.

    ``cap``: count no further than that; more hits give ``total == cap`` with ``capped``
    set (the window shows «over 10 000 saker»). Without it the count is exact, as the
    command line and the spreadsheet export need.

    ``count=False``: the page without the exact count (a search keystroke shows the page
    first; ``count_listed`` counts after). The plan still needs to know whether the hits
    pass ``MANY_HITS`` or ``FEW_TO_SORT``; a count that stops one past that threshold
    decides the same plan for a fraction of the cost. The page's ``total`` is then exact
    only when the page is short (``counted``); otherwise a lower bound."""
    conn, shape, params, today = _prepared(query, session)
    capped = False
    if count and cap is not None:
        total, capped = _counted_to(conn, shape, params, cap)
    elif count:
        total = int(conn.execute(_count_statement(shape), params).scalar_one())
    else:
        plan_cap = _plan_cap(shape)
        total = _capped_total(conn, shape, {**params, "cap": plan_cap}) if plan_cap else 0
    rows = _body(conn, shape, params, total, query, today)
    if count:
        return CasePage(
            rows=rows,
            total=cap if capped and cap is not None else total,  # «over cap»
            offset=query.offset,
            limit=query.limit,
            capped=capped,
        )
    # A short page ends the list: its count is known without counting (unless the offset
    # is past the end, where nothing says how far).
    short = len(rows) < query.limit and (bool(rows) or query.offset == 0)
    return CasePage(
        rows=rows,
        total=query.offset + len(rows) if rows else 0,  # past the end: nothing known
        offset=query.offset,
        limit=query.limit,
        counted=short,
    )


def _counted_to(conn: Any, shape: _Shape, params: dict[str, Any], cap: int) -> tuple[int, bool]:
    """The count, stopped one past ``cap`` (or past what the page's plan must know, if
    that is further): (the count for the plan, whether more than ``cap`` match). A
    stopped count still decides the plan rightly, being past what the plan compares."""
    if cap < 0:
        raise refuse("cap", "kan ikke telle til et negativt tall")
    limit = max(cap + 1, _plan_cap(shape))
    with _stopping(conn, shape):
        total = int(
            conn.execute(_capped_count_statement(shape), {**params, "cap": limit}).scalar_one()
        )
    return total, total > cap


def _stopping(conn: Any, shape: _Shape) -> contextlib.AbstractContextManager[None]:
    """A search's count stopped at a cap, on PostgreSQL under row-level security.

    As the office, the planner, guessing a few thousand hits, hashed every match of the
    whole free-text table before counting the first (480 ms for «hjemmekontor» at
    1 000 000 cases); walking the matches into the cases stops at the cap. The GIN index
    cannot serve a role: ``@@`` is not leakproof. (A representative's search goes through
    the free-text table's branch index and keeps its plan.)

    For anyone, the plan's cost is that of counting every match, well past PostgreSQL's
    threshold for compiling it (``jit_above_cost``), so the count spent ≈ 25 ms compiling
    for a walk it stops after 10 001 rows: 70 → 38 ms as the office at a million cases."""
    if not (shape.text and shape.dialect == "postgresql"):
        return contextlib.nullcontext()
    if shape.own_branch:
        return planner(conn, jit="off")
    return planner(conn, enable_hashjoin="off", jit="off")


def _prepared(query: CaseQuery, session: Session) -> tuple[Any, _Shape, dict[str, Any], date]:
    """The checked query's shape and parameters, and the connection to run it on."""
    if query.limit < 1 or query.limit > MAX_PAGE or query.offset < 0:
        raise refuse("limit", f"en side må ha mellom 1 og {MAX_PAGE} saker")
    _check_filters(query)
    if query.sort not in _SORT_COLUMNS:
        raise refuse(
            "sort", f"kan ikke sortere på «{query.sort}»; velg en av {', '.join(SORT_KEYS)}"
        )
    dialect = session.get_bind().dialect.name
    terms = search_terms(query.text or "")
    today = query.today or today_of(session)
    params: dict[str, Any] = {
        "case_type": query.case_type,
        "status": query.status,
        "employer_id": query.employer_id,
        "year": query.year,
        "timing": query.timing,
        "group_id": query.group_id,
        "today": today,
        "match": _match_query(dialect, terms),
        "words": _whole_words(terms) if dialect == "sqlite" else None,
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
    return conn, shape, params, today


def count_listed(query: CaseQuery, *, session: Session, cap: int | None = None) -> int:
    """The number of cases ``list_cases`` lists for ``query`` (its filters only): exact,
    or with ``cap`` counted no further than ``cap + 1`` (more than ``cap`` match)."""
    conn, shape, params, _ = _prepared(query, session)
    if cap is None:
        return int(conn.execute(_count_statement(shape), params).scalar_one())
    if cap < 0:
        raise refuse("cap", "kan ikke telle til et negativt tall")
    limited = {**params, "cap": cap + 1}
    with _stopping(conn, shape):
        return int(conn.execute(_capped_count_statement(shape), limited).scalar_one())


def _capped_total(conn: Any, shape: _Shape, params: dict[str, Any]) -> int:
    """The count that decides the page's plan, stopped at ``params["cap"]``.

    On SQLite a search is counted on its whole words first. FTS5 reads a whole word's hits
    as it goes and stops at the cap (0.2 ms for «hjemmekontor»), while the prefix query
    (``"hjemmekontor"*``) merges the hits of every word that begins so before it returns
    the first (about as long as the page itself). A whole word's hits are among its prefix
    hits, so when they reach the cap the plan is the one the prefix count would choose."""
    statement = _capped_count_statement(shape)
    if shape.text and shape.dialect == "sqlite":
        words = statement if shape.only_text else _word_hits_count_statement(shape)
        found = int(conn.execute(words, {**params, "match": params["words"]}).scalar_one())
        if found >= params["cap"]:
            return found
    with _stopping(conn, shape):
        return int(conn.execute(statement, params).scalar_one())


class _CrossJoin(sa.sql.expression.Join):
    """SQLite's ``CROSS JOIN``: an inner join whose left side is always the outer loop."""

    inherit_cache = True


@compiles(_CrossJoin, "sqlite")
def _cross_join(element: _CrossJoin, compiler: Any, **kw: Any) -> str:
    kw.pop("asfrom", None)  # the two sides are FROM items, the ON clause is not (visit_join)
    left = compiler.process(element.left, asfrom=True, **kw)
    right = compiler.process(element.right, asfrom=True, **kw)
    return f"{left} CROSS JOIN {right} ON {compiler.process(element.onclause, **kw)}"


_SEARCH_HITS = sa.table("case_search", sa.column("rowid", sa.Integer))


@functools.cache
def _word_hits_count_statement(shape: _Shape) -> Any:
    """SQLite, a search with other filters too: the count that chooses the page's plan,
    driven by the free-text index. A whole word's hits are read one by one, each case
    looked up by its id and tested, until the cap. Asked the other way round (the cases,
    then ``id IN`` the hits), SQLite gathered every hit of the word before testing the
    first case: 19.4 against 9.8 ms for «hjemmekontor» with the open cases at 100 000
    cases, the start's remembered search (a rare word: 3.4 against 4.9 ms). The count is
    the same: the same hits, the same filters, the same cap."""
    joined = _CrossJoin(_SEARCH_HITS, _cases_table, _case.id == _SEARCH_HITS.c.rowid)
    hits = (
        sa.select(sa.literal(1))
        .select_from(joined)
        .where(
            sa.text("case_search MATCH :match"),
            *_filters(dataclasses.replace(shape, text=False)),
        )
        .limit(sa.bindparam("cap"))
        .subquery("hits")
    )
    return sa.select(func.count()).select_from(hits)


def _plan_cap(shape: _Shape) -> int:
    """How far a count must go to choose the page's plan (0: the plan needs no count)."""
    if shape.sort == "deadline" and not shape.unfiltered:
        return FEW_TO_SORT + 1
    return MANY_HITS + 1 if shape.text else 0


@functools.cache
def _capped_count_statement(shape: _Shape) -> Any:
    if shape.only_text and shape.dialect == "sqlite":
        return sa.text(
            "SELECT count(*) FROM (SELECT 1 FROM case_search WHERE case_search MATCH :match "
            "AND rowid NOT IN (SELECT id FROM cases WHERE deleted_at IS NOT NULL) LIMIT :cap)"
        )
    hits = (
        sa.select(sa.literal(1))
        .select_from(_cases_table)
        .where(*_filters(shape))
        .limit(sa.bindparam("cap"))
        .subquery("hits")
    )
    return sa.select(func.count()).select_from(hits)


def _body(
    conn: Any, shape: _Shape, params: dict[str, Any], total: int, query: CaseQuery, today: date
) -> list[CaseListRow]:
    if shape.text and total > MANY_HITS:
        shape = dataclasses.replace(shape, many_hits=True)
    if shape.sort == "deadline" and not shape.unfiltered and total <= FEW_TO_SORT:
        shape = dataclasses.replace(shape, few=True)
    statement = _page_statement(shape)
    slices = {"offset": query.offset, "limit": query.limit}
    if shape.sort == "deadline" and not shape.few:
        # The cases with a running deadline come first: the page takes what is left of
        # them from the offset on, then the others.
        running = int(conn.execute(_running_count_statement(shape), params).scalar_one())
        taken = max(0, min(query.limit, running - query.offset))
        slices = {
            "offset_running": min(query.offset, running),
            "limit_running": taken,
            "offset_rest": max(0, query.offset - running),
            "limit_rest": query.limit - taken,
        }
    result = conn.execute(statement, {**params, **slices})
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
    return rows
