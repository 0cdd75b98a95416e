"""Every verdict read ahead (``services.assessments._ReadAhead``: on PostgreSQL the next
slices of cases are read while one is judged, in psycopg's pipeline mode on the session's
own connection): the same verdicts, in id order, as reading a slice at a time; the writes
of ``store_verdicts`` queued in the same pipeline store what the one-by-one assessment
finds; the session's uncommitted cases are seen; and a failing statement is SQLAlchemy's
error, after which nothing is stored. The slices are made tiny, so that many of them (and
empty ones, past the recycle bin's ids) are read, and writes go between reads."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.services import assessments, cases, events
from tillitsvalgt.services.assessments import assess_case, store_verdicts, verdicts_all
from tillitsvalgt.shapes import CaseCreate, EventCreate

from conftest import make_case, make_employer

CATALOGUE = load_catalogue()
TODAY = date(2026, 11, 20)
KINDS = ("notice", "information_meeting", "consultation_meeting", "protocol", "note")


@pytest.fixture
def tiny_slices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assessments, "AHEAD_SPAN", 3)
    monkeypatch.setattr(assessments, "CHUNK", 4)  # a write after every fourth verdict


def fill(db: Database, count: int = 23) -> list[str]:
    """``count`` cases with timelines of 0–4 events in varied order, every fifth in the
    recycle bin (and the last ids too, so the last slices are empty)."""
    big = make_employer(db)
    small = make_employer(db, name="Lite AS", orgnr="974760673", employees=12, agreement="none")
    numbers = []
    for n in range(count):
        start = date(2025, 1, 1) + timedelta(days=17 * n)
        decided = start + timedelta(days=5 + n % 7) if n % 3 else None
        numbers.append(make_case(db, small if n % 2 else big, today=start, decision_on=decided))
    with db.session() as s:
        for n, number in enumerate(numbers):
            for k in range(n % 5):
                on = date(2025, 1, 1) + timedelta(days=17 * n + (k * 3 + n) % 11)
                kind = KINDS[(n + k) % len(KINDS)]
                events.add_event(number, EventCreate(kind=kind, occurred_on=on), session=s)
        binned = numbers[::5] + numbers[-3:]
        s.execute(
            sa.text("UPDATE cases SET deleted_at = updated_at WHERE number IN :n").bindparams(
                sa.bindparam("n", expanding=True)
            ),
            {"n": binned},
        )
    return [n for n in numbers if n not in binned]


def stored_codes(s: Any) -> dict[str, tuple[Any, ...]]:
    rows = s.execute(
        sa.text(
            "SELECT number, verdict_level, verdict_timing, verdict_missing, verdict_demand,"
            " verdict_demand_due_on, verdict_at FROM cases WHERE deleted_at IS NULL"
        )
    ).all()
    return {r[0]: tuple(r[1:]) for r in rows}


def expected_codes(s: Any, number: str) -> tuple[Any, ...]:
    one = assess_case(number, session=s, today=TODAY, catalogue=CATALOGUE).assessment
    demand = "awaiting_reply" if one.demand == "overdue" else one.demand
    return (one.required_level, one.timing, ",".join(one.missing) or None, demand)


@pytest.mark.usefixtures("tiny_slices")
def test_read_ahead_judges_every_live_case_as_a_slice_at_a_time(db: Database) -> None:
    live = fill(db)
    with db.session(readonly=True) as s:
        ahead = list(verdicts_all(session=s, today=TODAY, catalogue=CATALOGUE, ahead=True))
        plain = list(verdicts_all(session=s, today=TODAY, catalogue=CATALOGUE, ahead=False))
        ids = dict(s.execute(sa.text("SELECT id, number FROM cases")).all())
    assert ahead == plain
    assert [i for i, _ in ahead] == sorted(i for i, _ in ahead)
    assert sorted(ids[i] for i, _ in ahead) == sorted(live)


@pytest.mark.usefixtures("tiny_slices")
def test_verdicts_written_between_the_reads_are_what_the_assessment_finds(
    db: Database,
) -> None:
    live = fill(db)
    with db.session() as s:
        assert store_verdicts(session=s, today=TODAY, catalogue=CATALOGUE) == len(live)
        # The connection is the session's again, in the same transaction.
        within = stored_codes(s)
    with db.session(readonly=True) as s:
        stored = stored_codes(s)
        assert stored == within and sorted(stored) == sorted(live)
        for number, codes in stored.items():
            level, timing, missing, demand, _due, at = codes
            assert at is not None, number
            assert (level, timing, missing, demand) == expected_codes(s, number), number


@pytest.mark.usefixtures("tiny_slices")
def test_the_sessions_own_new_cases_are_read_ahead_too(db: Database) -> None:
    """A case made in the same unit of work (as an import does before it judges) is read
    on the session's own connection, so it is judged."""
    fill(db, count=8)
    employer = make_employer(db, name="Ny AS", orgnr="923609016")
    with db.session() as s:
        made = cases.create_case(
            CaseCreate(title="Ny sak i samme økt", employer_id=employer, case_type="office_layout"),
            session=s,
            today=TODAY,
        )
        s.flush()
        judged = dict(verdicts_all(session=s, today=TODAY, catalogue=CATALOGUE, ahead=True))
        assert made.id in judged
        store_verdicts(session=s, today=TODAY, catalogue=CATALOGUE)
        at = s.execute(
            sa.text("SELECT verdict_at FROM cases WHERE id = :i"), {"i": made.id}
        ).scalar_one()
        assert at is not None


@pytest.mark.usefixtures("tiny_slices")
def test_a_failing_slice_is_sqlalchemys_error_and_nothing_is_stored(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db, count=12)
    with db.session(readonly=True) as s:
        before = stored_codes(s)
    broken = assessments._Read(
        assessments._FOR_VERDICT.cases_sql,
        assessments._FOR_VERDICT.events_sql.replace("reply_by", "no_such_column"),
        by_id=True,
    )
    monkeypatch.setattr(assessments, "_FOR_VERDICT", broken)
    # PostgreSQL's read ahead raises SQLAlchemy's error (which ``Database`` words); SQLite's
    # slice at a time, as before, the driver's.
    expected = sa.exc.DBAPIError if db.engine.dialect.name == "postgresql" else sqlite3.Error
    with pytest.raises(expected, match=r"no_such_column|no such column"), db.session() as s:
        store_verdicts(session=s, today=TODAY, catalogue=CATALOGUE)
    with db.session(readonly=True) as s:
        assert stored_codes(s) == before


@pytest.mark.parametrize("backend", ["postgresql"])
@pytest.mark.usefixtures("tiny_slices")
def test_a_refresh_committed_slice_by_slice_holds_no_row_to_the_end(db: Database) -> None:
    """``commit_each`` (the daily refresh): the verdicts already written are committed
    while the refresh goes on, so another connection sees them (their rows' locks are
    gone), and an error keeps them; without it, nothing is seen and nothing kept."""
    live = fill(db)
    real = assessments.verdict
    seen: list[int] = []

    def judged_then(stop_at: int) -> Any:
        calls = [0]

        def verdict(*args: Any) -> Any:
            calls[0] += 1
            if calls[0] == stop_at:
                with db.engine.connect() as other:  # another connection, as another user
                    seen.append(
                        other.execute(
                            sa.text("SELECT count(*) FROM cases WHERE verdict_at IS NOT NULL")
                        ).scalar_one()
                    )
                raise RuntimeError("stopped half way")
            return real(*args)

        return verdict

    def stored(s: Any) -> int:
        return int(
            s.execute(
                sa.text("SELECT count(*) FROM cases WHERE verdict_at IS NOT NULL")
            ).scalar_one()
        )

    with db.session() as s:
        s.execute(sa.text("UPDATE cases SET verdict_at = NULL"))
    assessments.verdict = judged_then(len(live))  # type: ignore[assignment]
    try:
        for commit_each in (False, True):
            with pytest.raises(RuntimeError), db.session() as s:
                assessments.refresh_all_verdicts(
                    session=s, today=TODAY, catalogue=CATALOGUE, commit_each=commit_each
                )
            with db.session(readonly=True) as s:
                after = stored(s)
            if commit_each:
                # Every full slice of four before the last case was written and committed.
                committed = (len(live) - 1) // 4 * 4
                assert committed >= 8 and seen[-1] == committed and after == committed
            else:
                assert seen[-1] == 0 and after == 0
            assessments.verdict = judged_then(len(live))  # type: ignore[assignment]
    finally:
        assessments.verdict = real  # type: ignore[assignment]
    with db.session() as s:
        assert assessments.refresh_all_verdicts(
            session=s, today=TODAY, catalogue=CATALOGUE, commit_each=True
        ) == len(live)
    with db.session(readonly=True) as s:
        assert stored(s) == len(live)
