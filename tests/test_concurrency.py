"""Many users, one database: optimistic locking and case numbers under real concurrency.

Several real processes (``benchmarks/contention.py``, also behind
``python -m benchmarks.concurrency``) update the same few cases, events and employers, or
create cases, at the same moment, on a SQLite file and on the PostgreSQL server. Afterwards
the final rows must hold every save that was reported as done, in version order, and
nothing else; every other attempt must have been told of a conflict. Case numbers must be
distinct and gap-free per year; a creation that rolls back gives its number back.

``TILLITSVALGT_TEST_LOAD=N`` multiplies the load (default 1: a few seconds per test).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError, DatabaseError
from tillitsvalgt.services import cases
from tillitsvalgt.shapes import CaseCreate

from conftest import TODAY, make_case, make_employer

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(REPO))

from benchmarks.contention import (  # noqa: E402
    SEP,
    Attempt,
    Creation,
    Target,
    check_numbers,
    check_updates,
    create_worker,
    read_target,
    run_workers,
    save_target,
    seed_targets,
    update_worker,
)

LOAD = max(1, int(os.environ.get("TILLITSVALGT_TEST_LOAD", "1")))
PROCESSES = 4


def url_of(db: Database) -> str:
    return db.location.url


def run_updates(db: Database, attempts: int) -> tuple[list[Target], list[Attempt]]:
    targets = seed_targets(db, cases_n=2, events_n=2, employers_n=2)
    reports = run_workers(
        update_worker, [(url_of(db), w, targets, attempts, 7) for w in range(PROCESSES)]
    )
    return targets, [a for r in reports for a in r.items]


def run_creates(
    db: Database, count: int, years: tuple[int, ...], rollback_every: int
) -> list[Creation]:
    employer = make_employer(db, orgnr=None, name="Samtidig AS")
    reports = run_workers(
        create_worker,
        [(url_of(db), w, employer, count, years, rollback_every) for w in range(PROCESSES)],
    )
    return [c for r in reports for c in r.items]


# --------------------------------------------------------------------------- updates


def test_no_update_is_lost_when_processes_update_the_same_rows(db: Database) -> None:
    targets, attempts = run_updates(db, attempts=60 * LOAD)
    check = check_updates(db, targets, attempts)

    assert check.attempts == PROCESSES * 60 * LOAD
    # Every attempt was saved or told of a conflict: no deadlock, no "database is locked",
    # no crash.
    assert (check.refused, dict(check.errors)) == (0, {})
    assert check.saved + check.conflicts == check.attempts
    # The load really contended (else it proves nothing), and every kind got saves.
    assert check.conflicts > 0
    assert set(check.saved_by_kind) == {"case", "event", "employer", "timeline"}
    # Every save reported as done is there, in the order of the versions it produced.
    assert check.lost == 0
    assert check.phantom == 0
    assert check.problems == []
    # The same, read straight from the rows: each target's version is 1 + its saves.
    with db.engine.connect() as conn:
        versions = sum(
            conn.execute(sa.text(f"SELECT sum(version - 1) FROM {table}")).scalar_one()
            for table in ("cases", "events", "employers")
        )
    assert versions == check.saved - check.saved_by_kind["timeline"]


def test_the_check_finds_a_lost_and_a_phantom_update(db: Database) -> None:
    """The check above is not vacuous: overwrite a saved token as a racing save without the
    version check would, and plant one nobody saved."""
    targets = seed_targets(db, cases_n=1, events_n=0, employers_n=0)
    case = targets[0]
    attempts = []
    for n in range(3):
        with db.session() as s:
            version, count = save_target(case, read_target(case, session=s), f"0.{n}", session=s)
        attempts.append(Attempt(0, case, f"0.{n}", "saved", version, count))
    assert check_updates(db, targets, attempts).ok

    with db.engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE cases SET description = :d WHERE id = :id"),
            {"d": f"0.0{SEP}0.2{SEP}9.9{SEP}", "id": case.id},
        )
    check = check_updates(db, targets, attempts)
    assert (check.lost, check.phantom, check.misordered) == (1, 1, 1)
    assert not check.ok


@contextlib.contextmanager
def _statements_by_thread(db: Database) -> Iterator[list[tuple[int, str]]]:
    """Every SQL statement SQLite starts, with the thread that started it (sqlite3's trace
    callback runs when a statement begins, so also before one that then waits for a lock)."""
    seen: list[tuple[int, str]] = []

    def trace(sql: str) -> None:
        seen.append((threading.get_ident(), sql))

    def on_checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        if hasattr(dbapi_conn, "set_trace_callback"):  # sqlite3; PostgreSQL is watched apart
            dbapi_conn.set_trace_callback(trace)

    sa.event.listen(db.engine, "checkout", on_checkout)
    try:
        yield seen
    finally:
        sa.event.remove(db.engine, "checkout", on_checkout)


def _wait_until_blocked(
    db: Database, backend: str, other: threading.Thread, traced: list[tuple[int, str]]
) -> None:
    """Until the other unit of work waits for the lock the first one holds. PostgreSQL shows
    it in pg_stat_activity; on SQLite the other thread must have started its BEGIN IMMEDIATE
    (traced), which cannot finish while the first transaction is open."""
    deadline = time.monotonic() + 20
    if backend == "sqlite":
        while time.monotonic() < deadline and other.is_alive():
            if any(ident == other.ident and "IMMEDIATE" in sql for ident, sql in traced):
                return
            time.sleep(0.01)
        raise AssertionError("the second unit of work never asked for the write lock")
    with db.engine.connect() as conn:
        while time.monotonic() < deadline and other.is_alive():
            waiting = conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            ).scalar_one()
            # pg_stat_activity is read once per transaction: end it to see the next state.
            conn.rollback()
            if waiting:
                return
            time.sleep(0.02)
    raise AssertionError("the second save did not wait for the first one's row lock")


@pytest.mark.parametrize("kind", ["case", "event", "employer"])
def test_a_save_that_waited_for_another_is_refused_when_that_one_commits(
    db: Database, backend: str, kind: str
) -> None:
    """Both read version 1. The first saves and holds its transaction open; the second has
    passed the version check in Python (it still sees version 1) and waits in its UPDATE.
    When the first commits, the second must be refused: the version is checked in the
    UPDATE's WHERE, under the row lock, not only before it."""
    targets = seed_targets(db, cases_n=1, events_n=1, employers_n=1)
    target = next(t for t in targets if t.kind == kind)
    with db.session(readonly=True) as s:
        seen = read_target(target, session=s)
    outcome: list[str] = []

    def second() -> None:
        try:
            with db.session() as s:
                save_target(target, seen, "second", session=s)
            outcome.append("saved")
        except ConflictError:
            outcome.append("conflict")
        except Exception as exc:
            outcome.append(repr(exc))

    thread = threading.Thread(target=second)
    with _statements_by_thread(db) as traced, db.session() as s:
        save_target(target, seen, "first", session=s)
        thread.start()
        try:
            _wait_until_blocked(db, backend, thread, traced)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; it ended {outcome}") from None
    thread.join(timeout=30)

    assert outcome == ["conflict"]
    with db.session(readonly=True) as s:
        final = read_target(target, session=s)
    assert final.version == 2
    assert final.text == ("" if kind == "employer" else f"first{SEP}")
    assert final.count == (0 if kind == "event" else 1)


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_deadlock_is_reported_as_try_again_not_as_an_unreachable_server(
    db: Database, backend: str
) -> None:
    """Two units of work that lock two rows in opposite order: the server undoes one. The
    user is told to try again, not to check the server's address and password."""
    first, second = (make_employer(db, orgnr=None, name=f"Lås {n} AS") for n in range(2))
    gate = threading.Barrier(2)
    errors: list[BaseException] = []

    def lock(one: int, other: int) -> None:
        try:
            with db.session() as s:
                bump = sa.text("UPDATE employers SET employees = 1 WHERE id = :id")
                s.execute(bump, {"id": one})
                gate.wait(timeout=10)
                s.execute(bump, {"id": other})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=lock, args=p) for p in ((first, second), (second, first))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert len(errors) == 1
    error = errors[0]
    assert isinstance(error, DatabaseError)
    assert "prøv igjen" in str(error)
    assert "Ingenting er lagret" in str(error)
    assert "kontakt" not in str(error) and "passord" not in str(error)


# --------------------------------------------------------------------------- case numbers


def test_case_numbers_are_distinct_and_gap_free_when_created_at_once(db: Database) -> None:
    made = run_creates(db, count=50 * LOAD, years=(TODAY.year,), rollback_every=0)
    check = check_numbers(db, made)

    assert check.created == PROCESSES * 50 * LOAD
    assert (dict(check.refusals), dict(check.errors)) == ({}, {})
    assert (check.duplicates, check.gaps, check.missing, check.counter_off) == (0, 0, 0, 0)
    with db.engine.connect() as conn:
        seqs = conn.execute(sa.text("SELECT seq FROM cases ORDER BY seq")).scalars().all()
    assert seqs == list(range(1, check.created + 1))


def test_numbers_stay_gap_free_per_year_when_creations_roll_back(db: Database) -> None:
    """The rule: the year's counter is a row written in the creating transaction, so a
    creation that rolls back gives its number back, and the next case gets it. Committed
    numbers are gap-free per year; a rolled-back number is either used by a later case or
    is the year's next number."""
    years = (2026, 2027)
    made = run_creates(db, count=40 * LOAD, years=years, rollback_every=4)
    check = check_numbers(db, made)

    assert check.rolled_back == PROCESSES * 10 * LOAD
    assert check.created == PROCESSES * 30 * LOAD
    assert (dict(check.refusals), dict(check.errors)) == ({}, {})
    assert (check.duplicates, check.gaps, check.missing, check.undead) == (0, 0, 0, 0)
    assert check.counter_off == 0
    assert sum(check.per_year.values()) == check.created
    with db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT year, seq, number FROM cases")).all()
    by_year: dict[int, list[int]] = defaultdict(list)
    for year, seq, _ in rows:
        by_year[year].append(seq)
    assert set(by_year) == set(years)
    for seqs in by_year.values():
        assert sorted(seqs) == list(range(1, len(seqs) + 1))
    committed = {number for *_, number in rows}
    for c in made:
        if c.outcome == "rolled back":
            assert c.number is not None
            next_number = f"{c.year}/{len(by_year[c.year]) + 1}"
            assert c.number in committed or c.number == next_number


def test_a_rolled_back_creation_gives_its_number_to_the_next_case(db: Database) -> None:
    employer = make_employer(db)
    assert make_case(db, employer) == "2026/1"
    with pytest.raises(RuntimeError), db.session() as s:
        data = CaseCreate(title="Angret", employer_id=employer, case_type="other")
        assert cases.create_case(data, session=s, today=TODAY).number == "2026/2"
        raise RuntimeError("the rest of the unit of work failed")
    assert make_case(db, employer) == "2026/2"
    assert make_case(db, employer, today=date(2027, 1, 2)) == "2027/1"
