"""The assessment of stored cases: facts from the rows, the pure rules, and the verdict
stored on the case so the list can filter and count by it in SQL."""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tillitsvalgt.bulk_rows import driver_errors_worded
from tillitsvalgt.db import before_commit
from tillitsvalgt.rules.assessment import VERDICT_EVENT_KINDS, assess, verdict
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.rules.types import Assessment, CaseFacts, Catalogue, EventFacts, Verdict
from tillitsvalgt.services._common import today_of
from tillitsvalgt.services._lookup import get_case, resolve_case
from tillitsvalgt.shapes import CaseRead
from tillitsvalgt.tables import Case, Employer, Event, UTCDateTime, utcnow
from tillitsvalgt.vocabulary import AGREEMENTS, SECTORS

# The stored demand: "overdue" depends on the day it is read, so it is stored as waiting
# with its due date and derived when read (``demand_today``).
STORED_DEMAND = {"none": "none", "awaiting_reply": "awaiting_reply", "overdue":
                 "awaiting_reply", "answered": "answered"}  # fmt: skip


def _catalogue(catalogue: Catalogue | None) -> Catalogue:
    if catalogue is not None:
        return catalogue

    return load_catalogue()


def event_facts(event: Event) -> EventFacts:
    return EventFacts(
        kind=event.kind,
        on=event.occurred_on,
        signed_by_both=event.signed_by_both,
        letter=event.letter_kind,
        reply_by=event.reply_by,
    )


def judged_employer(case: Case, employer: Employer) -> tuple[str, int | None, str | None]:
    """The agreement, headcount and sector the case is judged on: those kept on the case
    when it was registered (see Case), else (a case never given them) the register's."""
    if case.employer_facts_at is None:
        return employer.agreement, employer.employees, employer.sector
    return case.employer_agreement or "none", case.employer_employees, case.employer_sector


def register_differences(case: Case, employer: Employer) -> tuple[str, ...]:
    """What the employer register says now where it differs from what the case is judged
    on: shown with the assessment, so that nobody's later edit of the shared register
    changes this case's verdict unseen."""

    if case.employer_facts_at is None:
        return ()
    since = case.employer_facts_at.astimezone().strftime("%d.%m.%Y")
    agreement, employees, sector = judged_employer(case, employer)
    lines = []

    def count(n: int | None) -> str:
        return "ukjent antall" if n is None else f"{n}"

    if employer.employees != employees:
        lines.append(
            f"Virksomhetsregisteret sier nå {count(employer.employees)} ansatte; saken er "
            f"vurdert med {count(employees)} (registeret {since})."
        )
    if employer.agreement != agreement:
        lines.append(
            "Virksomhetsregisteret sier nå hovedavtale "
            f"«{AGREEMENTS.get(employer.agreement, employer.agreement)}»; saken er vurdert "
            f"med «{AGREEMENTS.get(agreement, agreement)}» (registeret {since})."
        )
    if employer.sector != sector:
        now = SECTORS.get(employer.sector, employer.sector) if employer.sector else "ingen"
        then = SECTORS.get(sector, sector) if sector else "ingen"
        lines.append(
            f"Virksomhetsregisteret sier nå sektor «{now}»; saken er vurdert med «{then}» "
            f"(registeret {since})."
        )
    return tuple(lines)


def case_facts(case: Case, employer: Employer, events: list[EventFacts]) -> CaseFacts:
    agreement, employees, _sector = judged_employer(case, employer)
    return CaseFacts(
        case_type=case.case_type,
        agreement=agreement,
        employees=employees,
        notice_on=case.notice_on,
        decision_on=case.decision_on,
        planned_implementation_on=case.planned_implementation_on,
        implemented_on=case.implemented_on,
        home_office_days_per_week=case.home_office_days_per_week,
        written_agreements=case.written_agreements,
        ordered_by_authorities=case.ordered_by_authorities,
        events=tuple(events),
        building_permit=case.building_permit,
    )


def facts_for(case: Case, *, session: Session) -> CaseFacts:
    employer = session.get(Employer, case.employer_id)
    assert employer is not None
    rows = session.exec(
        select(Event)
        .where(Event.case_id == case.id, col(Event.deleted_at).is_(None))
        .order_by(col(Event.occurred_on), col(Event.id))
    )
    return case_facts(case, employer, [event_facts(e) for e in rows])


def demand_today(stored: str | None, due_on: date | None, today: date) -> str | None:
    """The demand state as of ``today`` from the stored one."""
    if stored == "awaiting_reply" and due_on is not None and due_on < today:
        return "overdue"
    return stored


def refresh_verdict(
    case_id: int,
    *,
    session: Session,
    today: date | None = None,
    catalogue: Catalogue | None = None,
) -> Assessment:
    """Assess the case and store the verdict on it (not a user edit: the version and the
    last-change time stay as they are)."""
    case = session.get(Case, case_id)
    assert case is not None
    used = _catalogue(catalogue)
    result = assess(facts_for(case, session=session), used, today or today_of(session))
    store_verdict(case_id, result, used, session=session)
    return result


def store_verdict(
    case_id: int, result: Assessment | Verdict, catalogue: Catalogue, *, session: Session
) -> None:
    session.execute(
        sa.update(Case)
        .where(col(Case.id) == case_id)
        .values(**stored_verdict(result, catalogue, utcnow()))
        .execution_options(synchronize_session=False)
    )


def _stored_codes(result: Assessment | Verdict) -> tuple[Any, ...]:
    """A verdict as its five stored columns hold it (level, timing, missing, demand, the
    demand's date), in ``_VERDICT_COLUMNS``' order after the id."""
    return (
        result.required_level,
        result.timing,
        ",".join(result.missing) or None,
        STORED_DEMAND[result.demand],
        result.demand_due_on,
    )


def stored_verdict(
    result: Assessment | Verdict, catalogue: Catalogue, at: datetime
) -> dict[str, Any]:
    """The case's verdict columns for ``result``, judged under ``catalogue`` at ``at``."""
    level, timing, missing, demand, due = _stored_codes(result)
    return {
        "verdict_level": level,
        "verdict_timing": timing,
        "verdict_missing": missing,
        "verdict_demand": demand,
        "verdict_demand_due_on": due,
        "verdict_catalogue": f"{catalogue.origin} {catalogue.version}",
        "verdict_at": at,
    }


def verdicts_in_hand(facts: Sequence[CaseFacts], *, session: Session) -> list[dict[str, Any]]:
    """The verdict columns of new cases written set-based (the bundle import), judged from
    the facts in hand with the catalogue and day the commit's refresh would use: the rows
    are written judged, instead of being written, read back and updated at the commit
    (≈ 0.25 s of a 1 000-case bundle at a million cases)."""
    used = _catalogue(session.info.get(CATALOGUE))
    today, now = today_of(session), utcnow()
    return [stored_verdict(verdict(f, used, today), used, now) for f in facts]


STALE = "tillitsvalgt_stale_verdicts"
CATALOGUE = "tillitsvalgt_catalogue"  # key in Database.session_info


def mark_stale(case_id: int, *, session: Session) -> None:
    """The case changed: store its verdict again when the unit of work commits."""
    session.info.setdefault(STALE, set()).add(case_id)
    before_commit(session, "verdicts", _refresh_stale)


# More stale cases than this at commit (an import) are judged and stored set-based.
MANY_STALE = 50


def _refresh_stale(session: Session) -> None:
    session.flush()
    catalogue = session.info.get(CATALOGUE)  # the one the app chose, else the built-in
    stale = sorted(session.info.pop(STALE, set()))
    if len(stale) > MANY_STALE:
        # The live ones in slices (an imported bundle: a few statements, not four round
        # trips a case); one in the recycle bin the one-by-one way below.
        judged = _live_ids(session, stale)
        store_verdicts(
            session=session, today=today_of(session), catalogue=catalogue, case_ids=judged
        )
        stale = [case_id for case_id in stale if case_id not in judged]
    for case_id in stale:
        refresh_verdict(case_id, session=session, catalogue=catalogue)


def _live_ids(session: Session, case_ids: list[int]) -> set[int]:
    live: set[int] = set()
    for start in range(0, len(case_ids), CHUNK):
        listed = ", ".join(str(int(i)) for i in case_ids[start : start + CHUNK])
        sql = f"SELECT id FROM cases WHERE deleted_at IS NULL AND id IN ({listed})"
        live.update(int(row[0]) for row in _fetch(session, sql))
    return live


@dataclass(frozen=True)
class CaseAssessment:
    case: CaseRead
    assessment: Assessment
    # Where the employer register now differs from the facts the case is judged on.
    register_differs: tuple[str, ...] = ()


def assess_case(
    ref: str | int,
    *,
    session: Session,
    today: date,
    catalogue: Catalogue | None = None,
    store: bool = False,
) -> CaseAssessment:
    case = resolve_case(ref, session=session)
    assert case.id is not None
    if store:
        result = refresh_verdict(case.id, session=session, today=today, catalogue=catalogue)
    else:
        result = assess(facts_for(case, session=session), _catalogue(catalogue), today)
    employer = session.get(Employer, case.employer_id)
    assert employer is not None
    return CaseAssessment(
        get_case(case.id, session=session), result, register_differences(case, employer)
    )


# The bulk read below goes through the DB-API cursor, without SQLAlchemy's rows and per-value
# type processing (on SQLite its date parsing alone cost about a second at 100 000 cases);
# these turn the driver's values into what the rules expect on either backend, with one
# dict lookup per value: text dates on SQLite are parsed once per distinct day.
class _Days(dict[Any, "date | None"]):
    def __missing__(self, value: Any) -> date | None:
        day = value if value is None or isinstance(value, date) else date.fromisoformat(value)
        self[value] = day
        return day


class _Flags(dict[Any, "bool | None"]):
    def __missing__(self, value: Any) -> bool | None:
        flag = None if value is None else bool(value)
        self[value] = flag
        return flag


_CASES_SQL = """SELECT c.id, {labels}, c.case_type,
       CASE WHEN c.employer_facts_at IS NULL THEN e.agreement
            ELSE coalesce(c.employer_agreement, 'none') END,
       CASE WHEN c.employer_facts_at IS NULL THEN e.employees ELSE c.employer_employees END,
       c.notice_on, c.decision_on, c.planned_implementation_on, c.implemented_on,
       c.home_office_days_per_week, c.written_agreements, c.ordered_by_authorities,
       c.building_permit
FROM cases AS c JOIN employers AS e ON e.id = c.employer_id
WHERE c.deleted_at IS NULL/*RANGE*/
ORDER BY {order}/*LIMIT*/"""
_EVENTS_SQL = """SELECT case_id, kind, occurred_on, signed_by_both, letter_kind, reply_by
FROM events WHERE deleted_at IS NULL{kinds}/*RANGE*/
ORDER BY case_id, occurred_on, id"""
# The verdict path reads the cases in id order a slice at a time, with the slice's events:
# holding 100 000 cases and 300 000 event rows at once peaked at about 260 MB at start-up.
CHUNK = 10_000


def _only_kinds(kinds: frozenset[str]) -> str:
    # The rules' own constants, written into the SQL: one statement text for both drivers,
    # whose parameter styles differ.
    assert all(k.replace("_", "").isalpha() for k in kinds)
    return " AND kind IN (" + ", ".join(f"'{k}'" for k in sorted(kinds)) + ")"


@dataclass(frozen=True)
class _Read:
    cases_sql: str
    events_sql: str
    by_id: bool  # the cases come in id order, as the events do


# The whole assessment: with number and title, all events, in case-number order. The verdict
# alone: no number or title, only the events it looks at (a quarter fewer rows to read and
# make facts of), and in id order, so that cases and events are walked in step.
_FOR_ASSESS = _Read(
    _CASES_SQL.format(labels="c.number, c.title", order="c.year, c.seq"),
    _EVENTS_SQL.format(kinds=""),
    by_id=False,
)
_FOR_VERDICT = _Read(
    _CASES_SQL.format(labels="NULL, NULL", order="c.id"),
    _EVENTS_SQL.format(kinds=_only_kinds(VERDICT_EVENT_KINDS)),
    by_id=True,
)


def _fetch(session: Session, sql: str) -> Sequence[Any]:
    cursor = session.connection().connection.cursor()  # in the session's transaction
    try:
        cursor.execute(sql)
        return cursor.fetchall()
    finally:
        cursor.close()


_NO_GROUP: tuple[Any, Iterable[Any]] = (None, ())


def _timelines_in_step(
    case_rows: Sequence[Any], event_rows: Sequence[Any]
) -> Iterator[Iterable[Any]]:
    """Each case's event rows, when both lists are in case-id order."""
    groups = groupby(event_rows, itemgetter(0))
    key, group = next(groups, _NO_GROUP)
    for case_row in case_rows:
        case_id = case_row[0]
        while key is not None and key < case_id:  # the events of a case in the recycle bin
            key, group = next(groups, _NO_GROUP)
        if key == case_id:
            yield group  # used up by the caller before the next one is asked for
            key, group = next(groups, _NO_GROUP)
        else:
            yield ()


def _timelines_by_span(
    case_rows: Sequence[Any], event_rows: Sequence[Any]
) -> Iterator[Iterable[Any]]:
    """Each case's event rows, with the cases in any order: the cases come in number order
    and the events in case-id order, and the two need not agree (an imported case gets an
    older number than cases registered before it)."""
    spans: dict[Any, tuple[int, int]] = {}
    start = 0
    current: Any = None
    for i, event_row in enumerate(event_rows):
        if event_row[0] != current:
            if i:
                spans[current] = (start, i)
            current, start = event_row[0], i
    if event_rows:
        spans[current] = (start, len(event_rows))
    no_span = (0, 0)
    for case_row in case_rows:
        first, stop = spans.get(case_row[0], no_span)
        yield event_rows[first:stop]


def _all_facts(
    session: Session,
    read: _Read,
    case_ids: Collection[int] | None = None,
    *,
    ahead: bool = False,
) -> Iterator[tuple[Any, Any, Any, CaseFacts]]:
    """Every live case (or the live ones of ``case_ids``, with ``read.by_id``) as (id,
    number, title, facts), from two queries (the cases with their employers; the events in
    case order), in the order of ``read``.

    The events stay the driver's plain tuples, and a case's ``EventFacts`` are made just
    before it is judged and dropped after: with 400 000 of them alive at once, every run of
    the garbage collector walked them all (≈ 1 s at 100 000 cases)."""
    if not read.by_id:
        sql = (read.cases_sql, read.events_sql)
        yield from _facts_of(
            _fetch(session, _plain(sql[0])), _fetch(session, _plain(sql[1])), by_id=False
        )
        return
    if case_ids is not None:
        chosen = sorted({int(i) for i in case_ids})  # integers, written into the SQL as such
        for start in range(0, len(chosen), CHUNK):
            listed = ", ".join(str(i) for i in chosen[start : start + CHUNK])
            case_rows = _fetch(
                session,
                read.cases_sql.replace("/*RANGE*/", f" AND c.id IN ({listed})").replace(
                    "/*LIMIT*/", ""
                ),
            )
            event_rows = _fetch(
                session, read.events_sql.replace("/*RANGE*/", f" AND case_id IN ({listed})")
            )
            yield from _facts_of(case_rows, event_rows, by_id=True)
        return
    if ahead and session.get_bind().dialect.name == "postgresql":
        yield from _ReadAhead(session, read).facts()
        return
    after = -1  # ids are integers, written into the SQL as such
    while True:
        case_rows = _fetch(
            session,
            read.cases_sql.replace("/*RANGE*/", f" AND c.id > {int(after)}").replace(
                "/*LIMIT*/", f" LIMIT {CHUNK}"
            ),
        )
        if not case_rows:
            return
        last = int(case_rows[-1][0])
        event_rows = _fetch(
            session,
            read.events_sql.replace(
                "/*RANGE*/", f" AND case_id > {int(after)} AND case_id <= {last}"
            ),
        )
        yield from _facts_of(case_rows, event_rows, by_id=True)
        after = last


# The slices read ahead are ranges of ids, known before any is read: a slice's statements
# can go to the server before the one before it has been judged.
AHEAD_SPAN = 2_000
AHEAD_SLICES = 2


class _ReadAhead:
    """The slices of ``_all_facts`` on PostgreSQL, with the server reading the next slices
    while this process judges one: the statements are pipelined (psycopg's pipeline mode)
    on the session's own connection and transaction, so they see what the session sees.
    At 1 000 000 cases the server's part (≈ 9 s) and this process's (≈ 11 s) followed each
    other; now they overlap. While it is open nothing else may use the connection:
    ``execute`` queues a statement of the caller's (the verdicts' writes) in the same
    pipeline. A driver error is raised as SQLAlchemy's, so ``Database`` words it."""

    def __init__(self, session: Session, read: _Read) -> None:
        self.read = read
        self.connection: Any = session.connection().connection.driver_connection
        self.error: type[Exception] = session.get_bind().dialect.loaded_dbapi.Error
        self.sent: deque[tuple[Any, Any]] = deque()
        self.writes: list[Any] = []  # the caller's statements' cursors, until their results
        top = session.execute(sa.select(sa.func.max(col(Case.id)))).scalar_one()
        self.starts = iter(range(0, -1 if top is None else int(top) + 1, AHEAD_SPAN))

    def facts(self) -> Iterator[tuple[Any, Any, Any, CaseFacts]]:
        with driver_errors_worded("pipeline", self.error), self.connection.pipeline():
            for _ in range(AHEAD_SLICES):
                self._send()
            while self.sent:
                cases, events = self.sent.popleft()
                case_rows, event_rows = cases.fetchall(), events.fetchall()
                cases.close()
                events.close()
                self._send()
                yield from _facts_of(case_rows, event_rows, by_id=True)
        self._close_writes()

    def commit(self) -> None:
        """Commit what is written so far, behind the reads already sent (psycopg syncs
        the pipeline); the driver begins the next transaction with the next statement."""
        with driver_errors_worded("COMMIT", self.error):
            self.connection.commit()
        self._close_writes()

    def _close_writes(self) -> None:
        for cursor in self.writes:
            cursor.close()
        self.writes.clear()

    def execute(self, sql: str, params: dict[str, Any]) -> None:
        """``sql`` (psycopg's ``%(name)s`` placeholders) queued behind the reads sent; its
        error, if any, comes with the next slice."""
        with driver_errors_worded(sql, self.error):
            cursor = self.connection.cursor()
            cursor.execute(sql, params)
            self.writes.append(cursor)

    def _send(self) -> None:
        start = next(self.starts, None)
        if start is None:
            return
        span = f" AND {{id}} > {start - 1} AND {{id}} <= {start + AHEAD_SPAN - 1}"
        cases_sql = self.read.cases_sql.replace("/*RANGE*/", span.format(id="c.id"))
        events_sql = self.read.events_sql.replace("/*RANGE*/", span.format(id="case_id"))
        cases, events = self.connection.cursor(), self.connection.cursor()
        cases.execute(cases_sql.replace("/*LIMIT*/", ""))
        events.execute(events_sql)
        self.sent.append((cases, events))


def _plain(sql: str) -> str:
    return sql.replace("/*RANGE*/", "").replace("/*LIMIT*/", "")


def _facts_of(
    case_rows: Sequence[Any], event_rows: Sequence[Any], *, by_id: bool
) -> Iterator[tuple[Any, Any, Any, CaseFacts]]:
    timelines = (_timelines_in_step if by_id else _timelines_by_span)(case_rows, event_rows)
    days, flags = _Days(), _Flags()
    row_id: Any
    for case_row, timeline in zip(case_rows, timelines, strict=True):
        (row_id, number, title, case_type, agreement, employees, notice, decision, planned,
         implemented, home_days, written, ordered, permit) = case_row  # fmt: skip
        events = tuple(
            [
                EventFacts(kind, days[on], flags[signed], letter, days[reply_by])  # type: ignore[arg-type]
                for _, kind, on, signed, letter, reply_by in timeline
            ]
        )
        yield row_id, number, title, CaseFacts(
            case_type, agreement, employees, days[notice], days[decision], days[planned],
            days[implemented], home_days, flags[written], flags[ordered], events,
            flags[permit],
        )  # fmt: skip


def assess_all(
    *, session: Session, today: date, catalogue: Catalogue | None = None
) -> Iterator[tuple[int, str, str, Assessment]]:
    """Every live case as (id, number, title, assessment), in case-number order: the rows
    in two queries (cases with employers, then all events in case order), no per-case I/O."""
    used = _catalogue(catalogue)
    for row_id, number, title, facts in _all_facts(session, _FOR_ASSESS):
        # Listed in bokmål (the command «assess»): no nynorsk words made for 100 000 cases.
        yield row_id, number, title, assess(facts, used, today, nynorsk=False)


def verdicts_all(
    *,
    session: Session,
    today: date,
    catalogue: Catalogue | None = None,
    case_ids: Collection[int] | None = None,
    ahead: bool = True,
) -> Iterator[tuple[int, Verdict]]:
    """Every live case (or the live ones of ``case_ids``) as (id, verdict), in id order:
    the codes of what ``assess_all`` finds, those stored on the case. The bulk path
    (``refresh_all_verdicts``): no text is made, and only the events the verdict looks at
    are read.

    ``ahead`` (every case, PostgreSQL): the server reads the next slices while one is
    judged, on the session's connection, which nothing else may use until the iteration
    ends; a caller that writes as it goes passes False."""
    used = _catalogue(catalogue)
    for row_id, _, _, facts in _all_facts(session, _FOR_VERDICT, case_ids, ahead=ahead):
        yield row_id, verdict(facts, used, today)


def refresh_all_verdicts(
    *,
    session: Session,
    today: date,
    catalogue: Catalogue | None = None,
    force: bool = False,
    commit_each: bool = False,
) -> int:
    """Store today's verdict on every live case when any stored one is from an earlier day
    (or missing): the timing depends on the day (a planned decision date passes). Returns
    how many were stored; 0 when all were already judged today. ``commit_each``: see
    ``store_verdicts``."""
    used = _catalogue(catalogue)
    # EXISTS: the first stale case is enough (counting them all was 0.4 s at a million).
    stale = session.execute(
        sa.select(
            sa.exists()
            .where(col(Case.deleted_at).is_(None))
            .where(sa.or_(col(Case.verdict_at).is_(None), col(Case.verdict_at) < _midnight(today)))
        )
    ).scalar_one()
    if not stale and not force:
        return 0
    return store_verdicts(session=session, today=today, catalogue=used, commit_each=commit_each)


def store_verdicts(
    *,
    session: Session,
    today: date,
    catalogue: Catalogue | None = None,
    case_ids: Collection[int] | None = None,
    commit_each: bool = False,
) -> int:
    """Judge every live case (or the live ones of ``case_ids``) and store the verdicts, a
    slice at a time.

    ``commit_each`` (every case on PostgreSQL): each slice's verdicts are committed as
    they are written. In one transaction the office's million verdicts (≈ 3 minutes) held
    every case's row lock to the end, and a representative saving a case waited for them;
    now at most one slice's rows are held, for the time it takes to judge it. A verdict is
    derived data: an error keeps the slices already stored, and the next refresh does the
    rest. The session's transaction goes on after each commit (a new one, begun by the
    driver), so what the caller commits or rolls back at the end is the last slice only.

    How: the rows read in two queries per slice (``verdicts_all``; every case on
    PostgreSQL through ``_ReadAhead``, the writes queued behind the reads), the verdicts
    written with one statement per slice. Returns how many were stored.

    One UPDATE per case (an executemany) took more than 13 minutes at a million cases on
    PostgreSQL; on PostgreSQL a slice is now one ``UPDATE … FROM unnest(…)``, on SQLite
    (in-process, no round trips) an executemany."""
    used = _catalogue(catalogue)
    origin = f"{used.origin} {used.version}"
    now = utcnow()
    stored = 0
    batch: list[tuple[Any, ...]] = []
    # Every case on PostgreSQL: read ahead, the writes queued in the same pipeline.
    ahead = (
        _ReadAhead(session, _FOR_VERDICT)
        if case_ids is None and session.get_bind().dialect.name == "postgresql"
        else None
    )
    judged = (
        ((row_id, verdict(facts, used, today)) for row_id, _, _, facts in ahead.facts())
        if ahead is not None
        else verdicts_all(session=session, today=today, catalogue=used, case_ids=case_ids)
    )
    for case_id, result in judged:
        batch.append((case_id, *_stored_codes(result)))
        if len(batch) >= CHUNK:
            stored += _write_verdicts(session, batch, origin, now, ahead)
            batch = []
            if commit_each and ahead is not None:
                ahead.commit()
    if batch:  # (the reading is over: the pipeline has ended)
        stored += _write_verdicts(session, batch, origin, now)
    return stored


_VERDICT_COLUMNS = ("id", "level", "timing", "missing", "demand", "due")
_VERDICT_TYPES = ("integer", "text", "text", "text", "text", "date")


def _verdicts_update(placeholder: str) -> str:
    """PostgreSQL's one statement for a slice of verdicts, with ``placeholder`` the
    driver's or SQLAlchemy's form of a named parameter."""
    arrays = ", ".join(
        f"CAST({placeholder.format(name)} AS {kind}[])"
        for name, kind in zip(_VERDICT_COLUMNS, _VERDICT_TYPES, strict=True)
    )
    return (
        "UPDATE cases AS c SET verdict_level = v.level, verdict_timing = v.timing, "
        "verdict_missing = v.missing, verdict_demand = v.demand, "
        f"verdict_demand_due_on = v.due, verdict_catalogue = {placeholder.format('origin')}, "
        f"verdict_at = {placeholder.format('at')} "
        f"FROM unnest({arrays}) AS v({', '.join(_VERDICT_COLUMNS)}) WHERE c.id = v.id"
    )


def _write_verdicts(
    session: Session,
    batch: list[tuple[Any, ...]],
    origin: str,
    now: Any,
    ahead: _ReadAhead | None = None,
) -> int:
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # One array per column: a VALUES list of 10 000 rows has 60 000 placeholders, and
        # the driver's work on such a text costs more than the update.
        columns = list(zip(*batch, strict=True))
        values: dict[str, Any] = {
            **{name: list(v) for name, v in zip(_VERDICT_COLUMNS, columns, strict=True)},
            "origin": origin,
            "at": now,
        }
        if ahead is not None:  # queued behind the slices being read (psycopg's placeholders)
            ahead.execute(_verdicts_update("%({})s"), values)
        else:
            connection.execute(
                sa.text(_verdicts_update(":{}")).bindparams(
                    sa.bindparam("at", type_=UTCDateTime())
                ),
                values,
            )
        return len(batch)
    table = Case.__table__  # type: ignore[attr-defined]
    connection.execute(
        table.update()
        .where(table.c.id == sa.bindparam("b_id"))
        .values(
            verdict_level=sa.bindparam("b_level"),
            verdict_timing=sa.bindparam("b_timing"),
            verdict_missing=sa.bindparam("b_missing"),
            verdict_demand=sa.bindparam("b_demand"),
            verdict_demand_due_on=sa.bindparam("b_due"),
            verdict_catalogue=origin,
            verdict_at=now,
        ),
        [
            {"b_id": i, "b_level": lv, "b_timing": t, "b_missing": m, "b_demand": d, "b_due": due}
            for i, lv, t, m, d, due in batch
        ],
    )
    return len(batch)


def _midnight(day: date) -> Any:

    return datetime.combine(day, time.min).astimezone()
