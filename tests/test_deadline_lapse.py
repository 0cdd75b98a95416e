"""Closing a case settles its running deadlines: they lapse with the close (not «met»), so
no list, start notice or overdue filter nags about a closed case, and the landsmøte report
still counts one that had run out before the close. Reopening revives them. Deadlines can be
set and cancelled by hand (service, CLI). Both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.errors import StateError
from tillitsvalgt.services import cases, deadlines
from tillitsvalgt.shapes import DeadlineCreate

from conftest import make_case, make_employer, run_cli

TODAY = date(2026, 12, 6)


def _deadline(db: Database, number: str, due: date, title: str = "Svar") -> int:
    with db.session() as s:
        return deadlines.add_deadline(number, DeadlineCreate(due_on=due, title=title), session=s).id


def _close(db: Database, number: str, on: date = TODAY) -> None:
    with db.session() as s:
        case = cases.get_case(number, session=s)
        cases.close_case(number, outcome="agreement", version=case.version, session=s, today=on)


def test_closing_lapses_running_deadlines_and_reopening_revives_them(db: Database) -> None:
    employer = make_employer(db)
    number = make_case(db, employer)
    other = make_case(db, employer)
    late = _deadline(db, number, date(2026, 11, 1))
    running = _deadline(db, number, date(2026, 12, 20))
    met = _deadline(db, number, date(2026, 10, 1))
    cancelled = _deadline(db, number, date(2026, 10, 2))
    kept = _deadline(db, other, date(2026, 11, 2))
    with db.session() as s:
        deadlines.mark_met(met, met_on=date(2026, 9, 30), session=s)
        deadlines.cancel_deadline(cancelled, session=s)
        assert deadlines.count_overdue(session=s, today=TODAY) == 2  # late + kept
    _close(db, number)
    with db.session(readonly=True) as s:
        states = {d.id: (d.state, d.lapsed_on) for d in deadlines.list_deadlines(number, session=s)}
        assert states[late] == ("lapsed", TODAY) and states[running] == ("lapsed", TODAY)
        assert states[met][0] == "met" and states[cancelled][0] == "cancelled"
        assert deadlines.count_overdue(session=s, today=TODAY) == 1  # only the other case's
        assert [d.id for d, *_ in deadlines.open_deadline_rows(session=s)] == [kept]
        page = cases.list_cases(cases.CaseQuery(today=TODAY), session=s)
        row = next(r for r in page.rows if r.number == number)
        assert row.next_deadline is None
    with db.session() as s:
        with pytest.raises(StateError, match="falt bort"):
            deadlines.mark_met(late, met_on=TODAY, session=s)
        with pytest.raises(StateError, match="avsluttet"):
            deadlines.add_deadline(
                number, DeadlineCreate(due_on=date(2027, 1, 4), title="Ny"), session=s
            )
    with db.session() as s:
        case = cases.get_case(number, session=s)
        cases.reopen_case(number, version=case.version, session=s)
    with db.session(readonly=True) as s:
        states = {d.id: d.state for d in deadlines.list_deadlines(number, session=s)}
        assert states == {late: "open", running: "open", met: "met", cancelled: "cancelled"}
        assert deadlines.count_overdue(session=s, today=TODAY) == 2


def test_the_report_counts_a_lapsed_deadline_missed_only_if_it_ran_out_first(
    db: Database,
) -> None:
    from tillitsvalgt.reports.cube import ReportRequest
    from tillitsvalgt.services.report_data import report_data

    employer = make_employer(db)
    number = make_case(db, employer, notice_on=date(2026, 2, 1))
    _deadline(db, number, date(2026, 11, 1))  # ran out before the close: missed
    _deadline(db, number, date(2026, 12, 20))  # still running at the close: not missed
    _close(db, number, on=date(2026, 12, 1))
    request = ReportRequest(start=date(2026, 1, 1), end=date(2026, 12, 31))
    with db.session(readonly=True) as s:
        later = report_data(request, session=s, today=date(2027, 3, 1))
        before_close = report_data(request, session=s, today=date(2026, 10, 1))
    assert sum(c.deadlines_missed for c in later.cells) == 1
    assert sum(c.deadlines_missed for c in before_close.cells) == 0


def test_deadlines_by_hand_from_the_cli(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    sqlite_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TILLITSVALGT_DATA_DIR", str(tmp_path / "data"))
    employer = make_employer(sqlite_db)
    number = make_case(sqlite_db, employer)
    args: list[str] = []  # the CLI opens the same data folder (the test's environment)
    code, out, err = run_cli(
        capsys, *args, "deadlines", "add", number, "15.01.2027", "Svar på krav"
    )
    assert code == 0, err
    assert "15.01.2027 Svar på krav" in out
    deadline_id = int(out.split()[1])
    code, out, _ = run_cli(capsys, *args, "deadlines", "list", number)
    assert "(åpen)" in out and str(deadline_id) in out
    code, out, _ = run_cli(capsys, *args, "deadlines", "cancel", str(deadline_id))
    assert code == 0 and "er avlyst" in out
    code, out, _ = run_cli(capsys, *args, "deadlines", "list", number)
    assert "(avlyst)" in out
    code, out, err = run_cli(capsys, *args, "deadlines", "cancel", str(deadline_id))
    assert code != 0 and "avlyst" in (out + err)
    code, out, err = run_cli(capsys, *args, "deadlines", "add", number, "31.02.2027", "Feil")
    assert code != 0 and "februar har bare 28 dager" in (out + err)


def test_the_cli_reads_dates_as_the_window_does(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "deadline", "--from", "18.12.26", "--days", "14")
    assert code == 0 and out.startswith("2027-01-04")
    code, out, err = run_cli(capsys, "deadline", "--from", "31.02.2026", "--days", "14")
    assert code != 0 and "februar har bare 28 dager" in (out + err)


def test_a_closed_case_is_not_listed_as_overdue(db: Database) -> None:
    from tillitsvalgt.services import events
    from tillitsvalgt.shapes import EventCreate

    employer = make_employer(db)
    number = make_case(db, employer, notice_on=date(2026, 9, 1))
    with db.session() as s:
        events.add_event(
            number,
            EventCreate(
                kind="letter_sent",
                occurred_on=date(2026, 10, 1),
                letter_kind="krav_om_drofting",
                reply_by=date(2026, 10, 15),
            ),
            session=s,
        )
    query = cases.CaseQuery(today=TODAY, overdue=True)
    with db.session(readonly=True) as s:
        assert [r.number for r in cases.list_cases(query, session=s).rows] == [number]
    _close(db, number)
    with db.session(readonly=True) as s:
        assert cases.list_cases(query, session=s).rows == []
        row = cases.list_cases(cases.CaseQuery(today=TODAY), session=s).rows[0]
        assert row.demand != "overdue"


def test_the_migration_lapses_the_open_deadlines_of_cases_closed_before_it(db: Database) -> None:
    from alembic import command

    employer = make_employer(db)
    closed = make_case(db, employer)
    still_open = make_case(db, employer)
    lapsing = _deadline(db, closed, date(2026, 11, 1))
    met = _deadline(db, closed, date(2026, 11, 2))
    running = _deadline(db, still_open, date(2026, 11, 3))
    with db.session() as s:
        deadlines.mark_met(met, met_on=date(2026, 10, 30), session=s)

    def alembic(action: str, revision: str) -> None:
        with db.engine.begin() as conn:
            cfg = db.alembic_config()
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)

    alembic("downgrade", "0009")  # as a database was before: closing left deadlines open
    with db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE cases SET status = 'closed', outcome = 'agreement', "
                "closed_at = :at WHERE number = :n"
            ),
            {"at": "2026-11-20 10:00:00+00:00", "n": closed},
        )
    alembic("upgrade", "head")
    with db.session(readonly=True) as s:
        states = {d.id: (d.state, d.lapsed_on) for d in deadlines.list_deadlines(closed, session=s)}
        assert states[lapsing] == ("lapsed", date(2026, 11, 20))  # the day it was closed
        assert states[met] == ("met", None)
        (kept,) = deadlines.list_deadlines(still_open, session=s)
        assert kept.id == running and kept.state == "open"
