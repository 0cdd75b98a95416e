"""Several processes writing the same rows at once through the app's services, and the
check that nothing they were told was saved went missing.

Used by ``benchmarks/concurrency.py`` (the figures) and ``tests/test_concurrency.py`` (the
same load, smaller, as a test). Each worker is a real process with its own engine and
connections; all start together at a barrier so they really contend.

Updates: every attempt reads a target (a case, an event or an employer), changes it in a way
that can be checked afterwards and saves with the version it read. A case gets a unique
token appended to its description and its ``members_affected`` raised by one; an event gets
a token appended to its notes; an employer its ``employees`` raised by one; and a case's
timeline gets new events (no version: they conflict with nothing, but they write the
case's row and, on PostgreSQL, its search row, as a case edit does). Half the
attempts read in one unit of work and save in another (the window: a form opened, edited,
saved), half read and save in the same unit of work (on PostgreSQL, under READ COMMITTED,
that is where a version check done in Python rather than in the UPDATE would let a save
through). ``check_updates`` then proves from the final rows that every save reported as
done is there, in the order of the versions it produced, and nothing else.

Creations: every worker creates cases as fast as it can, some in one year and some in the
next, and rolls back every k-th one after its number was taken. ``check_numbers`` proves
the numbers of the committed cases are distinct and gap-free per year.
"""

from __future__ import annotations

import multiprocessing
import queue
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError, UserError
from tillitsvalgt.services import cases, employers, events
from tillitsvalgt.shapes import (
    CaseCreate,
    CaseUpdate,
    EmployerCreate,
    EmployerUpdate,
    EventCreate,
    EventUpdate,
)
from tillitsvalgt.tables import Case, CaseCounter, Event

# "timeline": a new event added to the case (no version: adding to the timeline is not in
# conflict with anything, but it writes the case's row and its search row too).
Kind = Literal["case", "event", "employer", "timeline"]
ADDED_KIND = "amu"  # the event kind the timeline attempts add, and only they
SEP = ";"  # between the tokens appended to a text
BARRIER_TIMEOUT_S = 120  # a worker that cannot even start is reported, not waited for
WORKER_TIMEOUT_S = 600
# Between reading and saving in two units of work: the user's edit, much shortened. Without
# it a process on SQLite often reads and saves before any other gets the write lock.
THINK_S = 0.002


@dataclass(frozen=True)
class Target:
    kind: Kind
    id: int


@dataclass(frozen=True)
class Attempt:
    """One read-change-save. ``outcome``: ``saved``; ``conflict`` (ConflictError, the user
    is told to reload); ``refused:…`` (another message to the user, e.g. a locked database);
    ``error:Type`` (anything else: a bug)."""

    worker: int
    target: Target
    token: str
    outcome: str
    version: int | None = None  # the version the save produced
    count: int | None = None  # the counter the save wrote (cases, employers)


@dataclass(frozen=True)
class Seen:
    version: int
    text: str
    count: int


@dataclass(frozen=True)
class WorkerReport:
    worker: int
    started: float  # time.monotonic(): one clock for every process on the machine
    ended: float
    items: list[Any]
    failure: str | None = None


# --------------------------------------------------------------------------- the targets


def seed_targets(
    db: Database, *, cases_n: int = 2, events_n: int = 2, employers_n: int = 2
) -> list[Target]:
    """Fresh rows to fight over: employers, cases on the first, events on the cases, and
    the cases' timelines."""
    targets: list[Target] = []
    with db.session() as s:
        employer_ids = [
            employers.create_employer(
                EmployerCreate(name=f"Lastprøve {n} AS", employees=0, agreement="lo-nho"),
                session=s,
            ).id
            for n in range(max(1, employers_n))
        ]
        targets += [Target("employer", e) for e in employer_ids[:employers_n]]
        case_ids = [
            cases.create_case(
                CaseCreate(
                    title=f"Lastprøve sak {n}", employer_id=employer_ids[0], case_type="other"
                ),
                session=s,
                today=date(2025, 11, 22),  # a year of its own: the creations use 2026-27
            ).id
            for n in range(max(1, cases_n))
        ]
        targets += [Target("case", c) for c in case_ids[:cases_n]]
        for n in range(events_n):
            event = events.add_event(
                case_ids[n % len(case_ids)],
                EventCreate(kind="note", occurred_on=date(2026, 11, 1 + n % 28)),
                session=s,
            )
            targets.append(Target("event", event.id))
        targets += [Target("timeline", c) for c in case_ids[:cases_n]]
    return targets


def read_target(target: Target, *, session: Session) -> Seen:
    if target.kind == "case":
        case = cases.get_case(target.id, session=session)
        return Seen(case.version, case.description or "", case.members_affected or 0)
    if target.kind == "event":
        event = session.get(Event, target.id)
        assert event is not None
        return Seen(event.version, event.notes or "", 0)
    if target.kind == "timeline":
        added = session.exec(
            select(Event.notes)
            .where(Event.case_id == target.id, Event.kind == ADDED_KIND)
            .order_by(col(Event.id))
        ).all()
        return Seen(0, "".join(f"{n}{SEP}" for n in added), len(added))
    employer = employers.get_employer(target.id, session=session)
    return Seen(employer.version, "", employer.employees or 0)


def save_target(target: Target, seen: Seen, token: str, *, session: Session) -> tuple[int, int]:
    """Save the change made to what was seen, with the version seen: (new version, count)."""
    text = seen.text + token + SEP
    if target.kind == "case":
        update = CaseUpdate(version=seen.version, description=text, members_affected=seen.count + 1)
        case = cases.update_case(target.id, update, session=session)
        return case.version, case.members_affected or 0
    if target.kind == "event":
        event = events.update_event(
            target.id, EventUpdate(version=seen.version, notes=text), session=session
        )
        return event.version, 0
    if target.kind == "timeline":
        added = EventCreate(kind=ADDED_KIND, occurred_on=date(2026, 11, 20), notes=token)
        events.add_event(target.id, added, session=session)
        return 0, 0
    employer = employers.update_employer(
        target.id, EmployerUpdate(version=seen.version, employees=seen.count + 1), session=session
    )
    return employer.version, employer.employees or 0


# --------------------------------------------------------------------------- the workers


def _attempt(db: Database, worker: int, target: Target, token: str, same_unit: bool) -> Attempt:
    try:
        if same_unit:
            with db.session() as s:
                version, count = save_target(
                    target, read_target(target, session=s), token, session=s
                )
        else:
            with db.session(readonly=True) as s:
                seen = read_target(target, session=s)
            time.sleep(THINK_S)
            with db.session() as s:
                version, count = save_target(target, seen, token, session=s)
    except ConflictError:
        return Attempt(worker, target, token, "conflict")
    except UserError as exc:
        return Attempt(worker, target, token, refusal(exc))
    except Exception as exc:  # recorded, so the check can count it as unexplained
        return Attempt(worker, target, token, f"error:{type(exc).__name__}")
    return Attempt(worker, target, token, "saved", version, count)


def refusal(exc: UserError) -> str:
    """``refused:`` with the error's class and, from a database, PostgreSQL's SQLSTATE or
    SQLite's error name (the message itself names the database, so it is left out)."""
    cause = getattr(exc.__cause__, "orig", exc.__cause__)
    state = getattr(cause, "sqlstate", None) or getattr(cause, "sqlite_errorname", None)
    return f"refused:{type(exc).__name__}" + (f" {state}" if state else "")


def update_worker(
    url: str,
    worker: int,
    targets: list[Target],
    attempts: int,
    seed: int,
    start: Barrier,
    out: Queue[WorkerReport],
) -> None:
    def work(db: Database) -> list[Any]:
        rng = random.Random(seed * 7919 + worker)
        return [
            _attempt(db, worker, rng.choice(targets), f"{worker}.{n}", same_unit=n % 2 == 1)
            for n in range(attempts)
        ]

    _run(url, worker, start, out, work)


@dataclass(frozen=True)
class Creation:
    worker: int
    title: str
    year: int
    outcome: str  # created, rolled back, refused:…, error:Type
    number: str | None = None


class _RollBack(Exception):
    """Raised inside a unit of work to undo it after the case number was taken."""


def create_worker(
    url: str,
    worker: int,
    employer_id: int,
    count: int,
    years: Sequence[int],
    rollback_every: int,
    start: Barrier,
    out: Queue[WorkerReport],
) -> None:
    def work(db: Database) -> list[Any]:
        made: list[Creation] = []
        for n in range(count):
            year = years[n % len(years)]
            title = f"Samtidig {worker}.{n}"
            undo = rollback_every > 0 and n % rollback_every == rollback_every - 1
            number: str | None = None
            try:
                with db.session() as s:
                    data = CaseCreate(title=title, employer_id=employer_id, case_type="other")
                    number = cases.create_case(data, session=s, today=date(year, 6, 1)).number
                    if undo:
                        raise _RollBack
                made.append(Creation(worker, title, year, "created", number))
            except _RollBack:
                made.append(Creation(worker, title, year, "rolled back", number))
            except UserError as exc:
                made.append(Creation(worker, title, year, refusal(exc)))
            except Exception as exc:
                made.append(Creation(worker, title, year, f"error:{type(exc).__name__}"))
        return made

    _run(url, worker, start, out, work)


def _run(
    url: str,
    worker: int,
    start: Barrier,
    out: Queue[WorkerReport],
    work: Callable[[Database], list[Any]],
) -> None:
    """Open the database, wait for the others, work, report. Whatever goes wrong short of
    the process being killed, a report is sent and the others are released."""
    begun = time.monotonic()
    try:
        db = Database.open(database_url=url, migrate=False)
        try:
            with db.session(readonly=True) as s:  # connected before the clock starts
                s.execute(sa.text("SELECT 1"))
            start.wait(timeout=BARRIER_TIMEOUT_S)
            begun = time.monotonic()
            items = work(db)
            out.put(WorkerReport(worker, begun, time.monotonic(), items))
        finally:
            db.dispose()
    except BaseException as exc:
        out.put(WorkerReport(worker, begun, time.monotonic(), [], type(exc).__name__))
        start.abort()
        raise


def run_workers(
    worker: Callable[..., None], args_per_worker: list[tuple[Any, ...]]
) -> list[WorkerReport]:
    """Start one process per argument tuple, all released together; their reports."""
    # A fork server: each worker is forked from one clean process that has imported the app
    # once (a plain fork of a process with Qt's threads is unsafe; a spawn re-imports it all).
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    start = ctx.Barrier(len(args_per_worker))
    out: Queue[WorkerReport] = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(*args, start, out)) for args in args_per_worker]
    for p in procs:
        p.start()
    reports: list[WorkerReport] = []
    deadline = time.monotonic() + WORKER_TIMEOUT_S
    try:
        while len(reports) < len(procs):
            try:
                reports.append(out.get(timeout=1))
            except queue.Empty:
                if time.monotonic() > deadline or not any(p.is_alive() for p in procs):
                    missing = len(procs) - len(reports)
                    raise RuntimeError(f"{missing} load worker(s) gave no report") from None
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
                p.join()
    failed = [f"worker {r.worker}: {r.failure}" for r in reports if r.failure]
    if failed:
        raise RuntimeError("load worker failed: " + "; ".join(failed))
    return sorted(reports, key=lambda r: r.worker)


def span(reports: list[WorkerReport]) -> float:
    """Seconds from the first worker's start to the last one's end."""
    return max(r.ended for r in reports) - min(r.started for r in reports)


# --------------------------------------------------------------------------- the checks


def tokens(text: str | None) -> list[str]:
    return [t for t in (text or "").split(SEP) if t]


@dataclass
class UpdateCheck:
    """What the final rows say about the attempts. ``lost`` counts saves reported as done
    whose change is missing; ``phantom`` changes present that were not reported as saved;
    ``bad_versions`` targets whose version is not 1 + their saves, or where two saves
    produced the same version; ``misordered`` targets whose text is not their tokens in
    version order; ``bad_history`` event revisions that are not the event as it was;
    ``errors`` the attempts that ended neither saved nor in a conflict, by outcome."""

    attempts: int = 0
    saved: int = 0
    conflicts: int = 0
    refused: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    lost: int = 0
    phantom: int = 0
    bad_versions: int = 0
    misordered: int = 0
    bad_history: int = 0
    saved_by_kind: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)  # which target failed which check

    @property
    def unexplained(self) -> int:
        """Attempts that ended neither saved nor as a reported conflict."""
        return self.attempts - self.saved - self.conflicts

    @property
    def ok(self) -> bool:
        return not (self.unexplained or self.lost or self.phantom or self.problems)


def check_updates(db: Database, targets: list[Target], attempts: list[Attempt]) -> UpdateCheck:
    check = UpdateCheck(attempts=len(attempts))
    by_target: dict[Target, list[Attempt]] = defaultdict(list)
    for a in attempts:
        if a.outcome == "saved":
            check.saved += 1
            check.saved_by_kind[a.target.kind] += 1
            by_target[a.target].append(a)
        elif a.outcome == "conflict":
            check.conflicts += 1
        elif a.outcome.startswith("refused"):
            check.refused += 1
            check.errors[a.outcome] += 1
        else:
            check.errors[a.outcome] += 1
    with db.session(readonly=True) as s:
        for target in targets:
            saves = sorted(by_target[target], key=lambda a: a.version or 0)
            _check_target(check, target, saves, s)
    return check


def _check_timeline(check: UpdateCheck, target: Target, saves: list[Attempt], s: Session) -> None:
    final = read_target(target, session=s)
    reported, there = {a.token for a in saves}, set(tokens(final.text))
    check.lost += len(reported - there)
    check.phantom += len(there - reported)
    if final.count != len(saves):
        check.problems.append(
            f"case {target.id}: {final.count} events added, {len(saves)} reported"
        )


def _check_target(check: UpdateCheck, target: Target, saves: list[Attempt], s: Session) -> None:
    if target.kind == "timeline":
        _check_timeline(check, target, saves, s)
        return
    final = read_target(target, session=s)
    produced = [a.version for a in saves]
    where = f"{target.kind} {target.id}"
    if final.version != 1 + len(saves) or produced != list(range(2, 2 + len(saves))):
        check.bad_versions += 1
        check.problems.append(f"{where}: version {final.version} after {len(saves)} saves")
    expected = [a.token for a in saves]
    lost_text = lost_count = 0
    if target.kind in ("case", "event"):
        present = tokens(final.text)
        lost_text = len(set(expected) - set(present))
        check.phantom += len(set(present) - set(expected))
        if present != expected:
            check.misordered += 1
            check.problems.append(f"{where}: {len(present)} tokens, not the {len(expected)} saved")
    if target.kind in ("case", "employer"):
        lost_count = max(0, len(saves) - final.count)
        check.phantom += max(0, final.count - len(saves))
        # Each save raised the counter it read by one: the n-th save must have written n.
        if [a.count for a in saves] != list(range(1, len(saves) + 1)):
            check.bad_versions += 1
            check.problems.append(f"{where}: counter {final.count} after {len(saves)} saves")
    check.lost += max(lost_text, lost_count)
    if target.kind == "event":
        history = events.event_history(target.id, session=s)
        for n, revision in enumerate(history):
            was = SEP.join(expected[:n]) + SEP if n else None
            if revision.version != n + 1 or revision.data.get("notes") != was:
                check.bad_history += 1
                check.problems.append(f"{where}: revision {n + 1} is not the event as it was")
        if len(history) != len(saves):
            check.bad_history += abs(len(history) - len(saves))
            check.problems.append(f"{where}: {len(history)} revisions after {len(saves)} saves")


@dataclass
class NumberCheck:
    """``duplicates``: numbers handed to two committed cases; ``gaps``: numbers missing below
    a year's highest; ``missing``: cases reported created that are not there; ``undead``:
    cases rolled back that are there; ``counter_off``: years whose counter is not their
    highest number."""

    created: int = 0
    rolled_back: int = 0
    refused: int = 0
    refusals: Counter[str] = field(default_factory=Counter)  # told the user; nothing made
    errors: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    gaps: int = 0
    missing: int = 0
    undead: int = 0
    counter_off: int = 0
    per_year: dict[int, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (
            self.errors
            or self.duplicates
            or self.gaps
            or self.missing
            or self.undead
            or self.counter_off
        )


def check_numbers(db: Database, made: list[Creation]) -> NumberCheck:
    check = NumberCheck()
    for c in made:
        if c.outcome == "created":
            check.created += 1
        elif c.outcome == "rolled back":
            check.rolled_back += 1
        elif c.outcome.startswith("refused"):
            check.refused += 1
            check.refusals[c.outcome] += 1
        else:
            check.errors[c.outcome] += 1
    reported = Counter(c.number for c in made if c.outcome == "created")
    check.duplicates = sum(n - 1 for n in reported.values())
    with db.session(readonly=True) as s:
        rows = s.execute(
            sa.select(col(Case.year), col(Case.seq), col(Case.number), col(Case.title))
        ).all()
        counters = {
            year: last
            for year, last in s.execute(
                sa.select(col(CaseCounter.year), col(CaseCounter.last_seq))
            ).all()
        }
    by_title = {r.title: r.number for r in rows}
    for c in made:
        if c.outcome == "created" and by_title.get(c.title) != c.number:
            check.missing += 1
        if c.outcome == "rolled back" and c.title in by_title:
            check.undead += 1
    seqs: dict[int, list[int]] = defaultdict(list)
    for r in rows:
        seqs[r.year].append(r.seq)
    for year, got in seqs.items():
        check.duplicates += len(got) - len(set(got))
        check.gaps += max(got) - len(set(got))
        check.per_year[year] = len(got)
        if counters.get(year) != max(got):
            check.counter_off += 1
    return check
