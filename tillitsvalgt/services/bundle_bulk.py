"""The bundle import's set-based path: new cases without evidence, escalations or a group,
written a run at a time with a few multi-row INSERTs per table instead of dozens of
statements per case.

It writes what the one-by-one path in ``transfer`` writes for such a case — the same
rows, numbers, reply deadlines (made, met by a reply, lapsed with the close), the sender's
times and history lines — in the caller's one transaction, so the import stays all or
nothing. ``tests/test_bundle_bulk.py`` holds the two paths to the same database contents.
At a million cases the one-by-one path took 32–83 ms a case, nearly all of it round trips
(benchmarks/README.md, «National scale»).
"""

from __future__ import annotations

import uuid as uuid_module
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import sqlalchemy as sa
from sqlmodel import Session

from tillitsvalgt import history
from tillitsvalgt.bulk_rows import driver_rows, insert_rows, insert_statement, unnest_arrays
from tillitsvalgt.errors import UserError
from tillitsvalgt.rules.assessment import VERDICT_EVENT_KINDS
from tillitsvalgt.rules.types import CaseFacts, EventFacts
from tillitsvalgt.services.assessments import verdicts_in_hand
from tillitsvalgt.services.cases import allocate_number, format_number
from tillitsvalgt.services.events import (
    MAX_REPLY_WINDOW,
    REPLY_RULE,
    reply_deadline_values,
)
from tillitsvalgt.tables import (
    Case,
    Deadline,
    Event,
    new_cell_key,
    utcnow,
)


# What this module reads of the transfer module's bundle item and import report, named here
# so that the two do not import each other (transfer calls this module).
class BundleItem(Protocol):
    @property
    def case(self) -> Any: ...

    @property
    def events(self) -> Sequence[Any]: ...


class ImportReport(Protocol):
    created: list[str]
    events_added: int


@dataclass(frozen=True)
class NewCase:
    """One bundle item that becomes a new case, with what the caller resolved for it."""

    item: BundleItem
    key: uuid_module.UUID  # the case's UUID
    event_keys: tuple[uuid_module.UUID, ...]  # each event's UUID, in the bundle's order
    values: dict[str, Any]  # the case's fields (CaseCreate's input)
    facts: dict[str, Any]  # the employer's facts it keeps (cases.employer_facts)
    year: int  # the year it is numbered in
    seq: int  # its number in that year (allocate_numbers)
    deadlines_given: bool  # the bundle carries its deadlines: letters add none


def allocate_numbers(years: Sequence[int], *, session: Session) -> list[int]:
    """The next sequence numbers for ``years`` (one each, in order): what calling
    ``allocate_number`` once per case gives, with one statement per year."""
    wanted: dict[int, int] = defaultdict(int)
    for year in years:
        wanted[year] += 1
    first: dict[int, int] = {}
    dialect = session.get_bind().dialect.name
    for year, count in wanted.items():
        if dialect == "postgresql":
            # Only through the counter's own function (migration 0026: many numbers at
            # once); the counter row stays locked until the transaction ends.
            last = session.execute(
                sa.text("SELECT tillitsvalgt_next_case_seqs(:y, :n)"), {"y": year, "n": count}
            ).scalar_one()
            first[year] = int(last) - count + 1
        else:
            last = allocate_number(year, session=session)  # takes the counter's lock
            if count > 1:
                last = int(
                    session.execute(
                        sa.text(
                            "UPDATE case_counters SET last_seq = last_seq + :more "
                            "WHERE year = :y RETURNING last_seq"
                        ),
                        {"y": year, "more": count - 1},
                    ).scalar_one()
                )
            first[year] = last - count + 1
    out = []
    for year in years:
        out.append(first[year])
        first[year] += 1
    return out


class RunWriter:
    """Writes runs of new cases in the bundle's order (``write``), each with one statement
    for the cases and their events. On PostgreSQL the statements go to a thread of their
    own, in order, while the caller goes on: a run is built while the one before it is
    written, and a written run's history lines and reply deadlines are made and sent while
    the next run is written (Python that otherwise waited for the server:
    benchmarks/README.md, «National scale»). The thread sends on the driver's connection,
    which serialises it with the session's own statements, so a query the caller makes
    meanwhile waits for what was sent. A run's ids are taken when the next run is ready, at
    ``finish`` and when the block ends; a failure anywhere leaves the rest unwritten, and
    the caller's transaction undoes it all."""

    def __init__(self, *, session: Session, today: date, report: ImportReport) -> None:
        self._session, self._today, self._report = session, today, report
        self._connection = session.connection()
        self._pending: _Sent | None = None  # the run sent last, its ids not yet taken
        # Every statement sent, in order, with the run's cases for a run's (to name one).
        self._sent: list[tuple[Future[Any], Sequence[NewCase] | None]] = []
        self._thread = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="tillitsvalgt-write")
            if self._connection.dialect.name == "postgresql"
            else None
        )

    def __enter__(self) -> RunWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: object
    ) -> None:
        try:
            if kind is None:
                self.finish()
            elif isinstance(error, sa.exc.DBAPIError):
                # A statement of the caller's failed because one sent before it had (the
                # transaction is aborted from there on): that one's error is the one to tell.
                self._raise_first_failure()
        finally:
            if self._thread is not None:
                self._thread.shutdown(wait=True)  # what is on its way ends before the undo

    def write(self, new: Sequence[NewCase]) -> None:
        """Build the rows of ``new`` (numbered already: ``NewCase.seq``), take the run before
        it, send this one, then record and send the one before's history and deadlines."""
        if not new:
            return
        run = _build(new, session=self._session, today=self._today)
        if self._thread is None:  # SQLite writes in process: nothing to wait for
            try:
                ids, event_ids = _insert_each_table(self._connection, run.rows, run.events)
            except sa.exc.IntegrityError as exc:
                raise _taken(exc, new) from None
            deadlines = _record(run, ids, event_ids, session=self._session, report=self._report)
            insert_rows(self._connection, DEADLINES, deadlines)
            return
        before = self._take()
        dialect = self._connection.dialect
        driver = self._connection.connection.driver_connection
        self._pending = _Sent(
            run, self._send(new, _insert_together, dialect, driver, run.rows, run.events)
        )
        if before is not None:
            self._record(*before)

    def finish(self) -> None:
        """Take and record the run sent last, and wait for everything sent."""
        before = self._take()
        if before is not None:
            self._record(*before)
        sent, self._sent = self._sent, []
        for future, new in sent:
            try:
                future.result()
            except sa.exc.IntegrityError as exc:
                raise (exc if new is None else _taken(exc, new)) from None

    def _send(
        self, new: Sequence[NewCase] | None, call: Callable[..., Any], *args: Any
    ) -> Future[Any]:
        assert self._thread is not None
        future = self._thread.submit(call, *args)
        self._sent.append((future, new))
        return future

    def _take(self) -> tuple[_Run, list[int], list[int]] | None:
        """Wait for the run sent last: it and its ids."""
        if self._pending is None:
            return None
        sent, self._pending = self._pending, None
        try:
            ids, event_ids = sent.ids.result()
        except sa.exc.IntegrityError as exc:
            raise _taken(exc, sent.run.new) from None
        return sent.run, ids, event_ids

    def _record(self, run: _Run, ids: list[int], event_ids: list[int]) -> None:
        """A written run's history lines and reply deadlines, made and sent."""
        deadlines = _record(run, ids, event_ids, session=self._session, report=self._report)
        dialect = self._connection.dialect
        driver = self._connection.connection.driver_connection
        lines = history.pending_insert(self._session)
        if lines is not None:
            self._send(None, driver_rows, dialect, driver, *lines)
        if deadlines:
            statement, params = insert_statement(dialect, DEADLINES, deadlines)
            self._send(None, driver_rows, dialect, driver, statement, params)

    def _raise_first_failure(self) -> None:
        for future, new in self._sent:
            failed = future.exception()
            if failed is not None:
                self._pending, self._sent = None, []
                if isinstance(failed, sa.exc.IntegrityError) and new is not None:
                    raise _taken(failed, new) from None
                raise failed from None


@dataclass(frozen=True)
class _Run:
    """A run's rows, built and not yet written."""

    new: Sequence[NewCase]
    rows: list[dict[str, Any]]  # the cases
    later: list[tuple[dict[str, Any], dict[str, Any]]]  # each case's history: old, new
    owed: list[list[dict[str, Any]]]  # each case's reply deadlines, without its id
    events: list[tuple[int, dict[str, Any]]]  # each event with the index of its case


@dataclass(frozen=True)
class _Sent:
    run: _Run
    ids: Future[tuple[list[int], list[int]]]  # the cases' ids and the events', in order


def _build(new: Sequence[NewCase], *, session: Session, today: date) -> _Run:
    """The rows of ``new``'s cases and events as the one-by-one path would leave them."""
    now = utcnow()
    rows: list[dict[str, Any]] = []
    later: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for n in new:
        theirs = n.item.case
        row = _row(CASES, now)
        # n.values passed CaseCreate's checks in parse_bundle (every field, the dates'
        # order): a case on this path is not checked twice.
        row.update((k, v) for k, v in n.values.items() if v is not None)
        row.update(n.facts)
        row.update(year=n.year, seq=n.seq, number=format_number(n.year, n.seq))
        old: dict[str, Any] = {}
        changed: dict[str, Any] = {}
        if theirs.cell_key is not None:
            row["cell_key"] = theirs.cell_key  # the history does not record the key
        row["is_demo"] = theirs.is_demo
        if theirs.status == "closed":
            old.update(status="open", outcome=None)
            changed.update(status="closed", outcome=theirs.outcome or "dropped")
            row.update(status="closed", outcome=theirs.outcome or "dropped", closed_at=now)
            row["version"] = 2  # closed by a versioned update after it was made
        if theirs.employer_facts_at is not None:
            row.update(
                employer_employees=theirs.employer_employees,
                employer_agreement=theirs.employer_agreement,
                employer_sector=theirs.employer_sector,
                employer_facts_at=theirs.employer_facts_at,
            )
        if theirs.updated_at is not None:
            row["updated_at"] = theirs.updated_at
        rows.append(row)
        later.append((old, changed))
    timelines = [
        _timeline(n, today, now, closed=row["status"] == "closed")
        for n, row in zip(new, rows, strict=True)
    ]
    # Written judged: the commit's refresh of stale verdicts would read these rows back and
    # update every one of them.
    judged = verdicts_in_hand(
        [_facts(row, timeline) for row, (timeline, _) in zip(rows, timelines, strict=True)],
        session=session,
    )
    for row, verdict_columns in zip(rows, judged, strict=True):
        row.update(verdict_columns)
    events = [(i, e) for i, (timeline, _) in enumerate(timelines) for e in timeline]
    return _Run(new, rows, later, [owed for _, owed in timelines], events)


def _record(
    run: _Run, ids: list[int], event_ids: list[int], *, session: Session, report: ImportReport
) -> list[dict[str, Any]]:
    """A written run's history lines and its numbers in the report; its reply deadlines,
    to insert (rows, not ORM objects: building a few hundred Deadline objects and flushing
    them through the unit of work was ≈ 0.15 s of a 1 000-case bundle; deadlines have no
    history of their own to record)."""
    deadlines: list[dict[str, Any]] = []
    written = [_Written(case_id, case_id) for case_id in ids]
    history.record_created(session, "cases", written)
    for case, row, (old, changed), owed in zip(written, run.rows, run.later, run.owed, strict=True):
        if changed:
            history.record_changes(session, "cases", case, old, changed)
        for deadline in owed:
            deadline["case_id"] = case.id
        deadlines += owed
        report.created.append(row["number"])
    history.record_created(
        session,
        "events",
        [_Written(i, ids[c]) for i, (c, _) in zip(event_ids, run.events, strict=True)],
    )
    report.events_added += len(run.events)
    return deadlines


CASES: sa.Table = Case.__table__  # type: ignore[attr-defined]
EVENTS: sa.Table = Event.__table__  # type: ignore[attr-defined]
DEADLINES: sa.Table = Deadline.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class _Written:
    """A row written here, as the history recorder reads it."""

    id: int
    case_id: int


def _row(table: sa.Table, now: Any) -> dict[str, Any]:
    """Every column but the id at its default, as the ORM would write a new row: one
    statement needs the same keys in every row."""
    row = dict(_DEFAULTS[table.name])
    row["created_at"] = now
    if "updated_at" in row:
        row["updated_at"] = now
    if "cell_key" in row:
        row["cell_key"] = new_cell_key()
    return row


def _defaults(table: sa.Table) -> dict[str, Any]:
    # The plain defaults (version 1, status "open", …); the times and the cell key are
    # drawn per row, and the UUID always comes with the row.
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.name == "id":
            continue
        default = getattr(column.default, "arg", None)
        row[column.name] = None if callable(default) else default
    return row


_DEFAULTS = {t.name: _defaults(t) for t in (CASES, EVENTS, DEADLINES)}


def _insert_each_table(
    connection: sa.Connection,
    cases: list[dict[str, Any]],
    events: list[tuple[int, dict[str, Any]]],
) -> tuple[list[int], list[int]]:
    """SQLite: insert the cases, then their events (each with the index of its case); their
    ids, in order."""
    ids = _insert(connection, CASES, cases)
    for case, event in events:
        event["case_id"] = ids[case]
    return ids, _insert(connection, EVENTS, [e for _, e in events])


def _insert(connection: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    result = connection.execute(
        table.insert().returning(table.c.id, sort_by_parameter_order=True), rows
    )
    return [int(i) for i in result.scalars()]


def _insert_together(
    dialect: sa.Dialect,
    driver: Any,
    cases: list[dict[str, Any]],
    events: list[tuple[int, dict[str, Any]]],
) -> tuple[list[int], list[int]]:
    """PostgreSQL: the cases and their events in one statement, one array per column
    (``INSERT … SELECT FROM unnest(…)``, a value the same in every row as one parameter; the
    events' in a second INSERT of the same statement). A multi-row VALUES of 1 000 cases has
    45 000 placeholders, and turning its text into the server's form took the driver longer
    than the server took to write the rows. One statement also fills the free-text index
    once per case: its triggers (migration 0020) run when the statement ends, and the one on
    cases leaves the cases with events to the one on events. The ids come back with the
    rows' UUIDs.

    The arrays go in the server's binary form (psycopg's ``%(name)b``), sent on the
    driver's connection in the session's transaction: SQLAlchemy asks psycopg for its
    automatic choice, which for a list is text, built element by element in Python
    (≈ 0.27 s of a 1 000-case bundle against ≈ 0.03 s binary). The columns' own bind
    processing (aware UTC times, booleans) is applied here as SQLAlchemy would."""
    params: dict[str, Any] = {}
    case_columns = [c for c in CASES.columns if c.name != "id"]
    event_columns = [c for c in EVENTS.columns if c.name not in ("id", "case_id")]
    new_cases = unnest_arrays(dialect, case_columns, cases, params, "c", "c")
    timeline = unnest_arrays(dialect, event_columns, [e for _, e in events], params, "e", "e")
    params["case_of"] = [cases[i]["uuid"] for i, _ in events]
    statement = (
        f"WITH added AS (INSERT INTO cases ({', '.join(c.name for c in case_columns)}) "
        f"SELECT {new_cases.values} FROM unnest({new_cases.arrays}) AS c({new_cases.names}) "
        "RETURNING id, uuid), "
        f"timeline AS (INSERT INTO events ({', '.join(c.name for c in event_columns)}, case_id) "
        f"SELECT {timeline.values}, added.id "
        f"FROM unnest({timeline.arrays}, CAST(%(case_of)b AS uuid[])) WITH ORDINALITY "
        f"AS e({timeline.names}, case_uuid, n) "
        "JOIN added ON added.uuid = e.case_uuid ORDER BY e.n RETURNING id, uuid) "
        "SELECT 0, id, uuid FROM added UNION ALL SELECT 1, id, uuid FROM timeline"
    )
    ids: tuple[dict[Any, int], dict[Any, int]] = ({}, {})
    for kind, row_id, key in driver_rows(dialect, driver, statement, params):
        ids[kind][key] = int(row_id)
    return [ids[0][c["uuid"]] for c in cases], [ids[1][e["uuid"]] for _, e in events]


def _timeline(
    n: NewCase, today: date, now: Any, *, closed: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The case's event rows, and the reply deadlines ``events.add_event`` would have given
    it, event by event in the bundle's order: a letter sent with a reply date makes one
    (unless the bundle carries its deadlines, or one for that date is there), a letter
    received meets those open and due within a year after it; a closed case's running ones
    lapse."""
    events: list[dict[str, Any]] = []
    deadlines: list[dict[str, Any]] = []  # rows of the deadlines table, but their case_id
    for bundle_event, key in zip(n.item.events, n.event_keys, strict=True):
        # BundleEvent has EventCreate's fields and checks, already run on the item.
        row = _row(EVENTS, now)
        row.update(
            kind=bundle_event.kind,
            occurred_on=bundle_event.on,
            signed_by_both=bundle_event.signed_by_both,
            letter_kind=bundle_event.letter,
            reply_by=bundle_event.reply_by,
            participants=bundle_event.participants,
            notes=bundle_event.notes,
            uuid=key,
        )
        if bundle_event.updated_at is not None:  # the sender's time stands
            row["updated_at"] = bundle_event.updated_at
        events.append(row)
        kind, on, reply_by = bundle_event.kind, bundle_event.on, bundle_event.reply_by
        if kind == "letter_sent" and reply_by is not None:
            if not n.deadlines_given and not any(
                not d["cancelled"] and reply_by in (d["due_on"], d["original_due_on"])
                for d in deadlines
            ):
                deadline = _row(DEADLINES, now)  # its case's id once that has one
                deadline.update(reply_deadline_values(reply_by, bundle_event.letter, on))
                deadlines.append(deadline)
        elif kind == "letter_received":
            for d in deadlines:
                if (
                    d["met_on"] is None
                    and not d["cancelled"]
                    and (d["rule"] or "").startswith(REPLY_RULE)
                    and (d["original_due_on"] - on).days <= MAX_REPLY_WINDOW
                ):
                    d["met_on"] = on
        # A meeting meets only an agreement's meeting deadlines, which come with a
        # letter written in the app or with the bundle's evidence: a case on this path
        # has neither.
    if closed:
        for d in deadlines:
            if d["met_on"] is None and not d["cancelled"] and d["lapsed_on"] is None:
                d["lapsed_on"] = today
    return events, deadlines


def _facts(case: dict[str, Any], timeline: list[dict[str, Any]]) -> CaseFacts:
    """What the refresh of a stored verdict reads of a new case's rows (``assessments``'
    bulk queries): the employer's facts kept on the case, and the live events the verdict
    looks at by date, then in the order written (their ids'), as a stable sort keeps them."""
    events = sorted(
        (e for e in timeline if e["kind"] in VERDICT_EVENT_KINDS and e["deleted_at"] is None),
        key=lambda e: e["occurred_on"],
    )
    return CaseFacts(
        case_type=case["case_type"],
        agreement=case["employer_agreement"] or "none",
        employees=case["employer_employees"],
        notice_on=case["notice_on"],
        decision_on=case["decision_on"],
        planned_implementation_on=case["planned_implementation_on"],
        implemented_on=case["implemented_on"],
        home_office_days_per_week=case["home_office_days_per_week"],
        written_agreements=case["written_agreements"],
        ordered_by_authorities=case["ordered_by_authorities"],
        events=tuple(
            EventFacts(
                e["kind"], e["occurred_on"], e["signed_by_both"], e["letter_kind"], e["reply_by"]
            )
            for e in events
        ),
        building_permit=case["building_permit"],
    )


def _taken(exc: sa.exc.IntegrityError, new: Sequence[NewCase]) -> Exception:
    """A case's UUID is stored but not visible: on a shared database with row-level
    security it belongs to another branch. The whole import is undone."""
    if "uuid" not in str(exc.orig).lower():
        return exc
    detail = str(getattr(getattr(exc.orig, "diag", None), "message_detail", "") or exc.orig)
    item = next((n.item for n in new if str(n.key) in detail), new[0].item)
    return UserError(
        f"Saken «{item.case.title}» finnes allerede i databasen, men hører til en "
        "annen avdeling, så du kan ikke se eller endre den. Be forbundskontoret dele "
        "den med deg, eller ta den ut av filen. Ingenting er importert."
    )
