"""Sorting the case list by «Neste frist» and by «Tidspunkt» through migration 0017's
indexes: every page, across the seam between the cases with a running deadline and the rest,
is the order a plain sort of every case gives, on SQLite and PostgreSQL; met, cancelled,
lapsed deadlines and the recycle bin do not count; and both databases read the indexes
(so the list's expression and the migration's cannot drift apart unseen)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases, deadlines
from tillitsvalgt.services.cases import CaseQuery, list_cases
from tillitsvalgt.shapes import DeadlineCreate
from tillitsvalgt.tables import Case

from conftest import TODAY, make_case, make_employer

RANK = {
    "not_held_decision_taken": 0,
    "late_after_implementation": 1,
    "late_before_implementation": 2,
    "information_only": 3,
    "not_held_yet": 4,
    "unknown": 5,
    "in_time": 6,
}


@pytest.fixture
def filled(db: Database) -> Database:
    employer = make_employer(db)
    numbers = [make_case(db, employer, title=f"Sak {i}") for i in range(14)]
    codes = [*RANK, None, "in_time", "unknown", "not_held_yet", None, "something_new"]
    with db.session() as s:
        for number, code in zip(numbers, codes, strict=False):
            s.execute(sa.update(Case).where(Case.number == number).values(verdict_timing=code))
        # Running deadlines on some cases, two on one (the earliest counts), equal days.
        for i, days in ((1, 30), (3, 5), (3, 2), (5, 5), (8, 40), (10, 5), (12, 1)):
            deadlines.add_deadline(
                numbers[i],
                DeadlineCreate(due_on=TODAY + timedelta(days=days), title="Svar"),
                session=s,
            )
        # Settled deadlines do not count: met, cancelled, and one lapsed by closing.
        met = deadlines.add_deadline(
            numbers[2], DeadlineCreate(due_on=TODAY, title="Svar"), session=s
        )
        deadlines.mark_met(met.id, met_on=TODAY, session=s)
        gone = deadlines.add_deadline(
            numbers[4], DeadlineCreate(due_on=TODAY, title="Svar"), session=s
        )
        deadlines.cancel_deadline(gone.id, session=s)
        deadlines.add_deadline(numbers[6], DeadlineCreate(due_on=TODAY, title="Svar"), session=s)
        version = cases.resolve_case(numbers[6], session=s).version
        cases.close_case(numbers[6], outcome="agreement", version=version, session=s, today=TODAY)
        # A binned case with a running deadline is not listed at all.
        deadlines.add_deadline(
            numbers[13], DeadlineCreate(due_on=TODAY - timedelta(days=9), title="Svar"), session=s
        )
        cases.delete_case(numbers[13], session=s)
    return db


def expected(db: Database, sort: str, descending: bool) -> list[str]:
    """Every live case sorted in Python from what the list shows."""
    with db.session(readonly=True) as s:
        rows = list_cases(CaseQuery(limit=200, today=TODAY), session=s).rows
    if sort == "deadline":
        with_due = sorted(
            (r for r in rows if r.next_deadline is not None),
            key=lambda r: (r.next_deadline, r.id),
            reverse=descending,
        )
        rest = sorted(
            (r for r in rows if r.next_deadline is None), key=lambda r: r.id, reverse=descending
        )
        return [r.number for r in [*with_due, *rest]]
    return [
        r.number
        for r in sorted(rows, key=lambda r: (RANK.get(r.timing or "", 7), r.id), reverse=descending)
    ]


@pytest.mark.parametrize("sort", ["deadline", "timing"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("limit", [1, 3, 5, 50])
@pytest.mark.parametrize("few", [0, 20_000])  # 0: even a filtered list takes the index walks
def test_every_page_is_the_plain_sort(
    filled: Database,
    sort: str,
    descending: bool,
    limit: int,
    few: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cases, "FEW_TO_SORT", few)
    want = expected(filled, sort, descending)
    assert len(want) == 13  # the binned case is not there
    for text in (None, "Sak"):  # unfiltered, and filtered by a word every case has
        got: list[str] = []
        with filled.session(readonly=True) as s:
            for offset in range(0, len(want) + limit, limit):
                query = CaseQuery(
                    sort=sort,
                    descending=descending,
                    offset=offset,
                    limit=limit,
                    today=TODAY,
                    text=text,
                )
                page = list_cases(query, session=s)
                assert page.total == 13
                got += [r.number for r in page.rows]
        assert got == want, text


def test_the_running_deadlines_count_and_the_settled_do_not(filled: Database) -> None:
    with filled.session(readonly=True) as s:
        rows = list_cases(
            CaseQuery(sort="deadline", descending=False, limit=200, today=TODAY), session=s
        ).rows
    dues = [r.next_deadline for r in rows]
    # Six cases with a running deadline (case 3's earliest: 2 days), then the rest.
    assert dues[:6] == [TODAY + timedelta(days=d) for d in (1, 2, 5, 5, 30, 40)]
    assert dues[6:] == [None] * 7


def test_filters_and_search_page_by_deadline_too(filled: Database) -> None:
    with filled.session(readonly=True) as s:
        page = list_cases(
            CaseQuery(sort="deadline", text="Sak", limit=4, offset=4, today=TODAY), session=s
        )
        closed = list_cases(
            CaseQuery(sort="deadline", status="closed", limit=10, today=TODAY), session=s
        )
    assert page.total == 13 and len(page.rows) == 4
    assert [r.next_deadline is None for r in page.rows] == [False, False, True, True]
    assert [r.number for r in closed.rows] == [closed.rows[0].number] and closed.total == 1


def explain(db: Database, query: CaseQuery) -> str:
    """SQLite's plan for the page statement the list sends for ``query``."""
    plans: list[str] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "count(" not in statement:
            rows = cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, params)
            plans.extend(str(r[3]) for r in rows)

    sa.event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.session(readonly=True) as s:
            list_cases(query, session=s)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", capture)
    return "\n".join(plans)


def test_sqlite_reads_the_sort_indexes(sqlite_db: Database) -> None:
    employer = make_employer(sqlite_db)
    make_case(sqlite_db, employer)
    timing = explain(sqlite_db, CaseQuery(sort="timing", limit=50, today=TODAY))
    assert "USING INDEX ix_cases_live_timing_rank" in timing
    assert timing.count("TEMP B-TREE") <= 1  # the 50 rows' final order, not every case
    due = explain(sqlite_db, CaseQuery(sort="deadline", limit=50, today=TODAY))
    assert "USING INDEX ix_deadlines_open_case_due" in due


def test_both_databases_can_read_the_verdict_order_from_its_index(db: Database) -> None:
    """The ORDER BY the list sends is the indexed expression on either database: with
    sequential scans and sorts made expensive, the planner serves the page from the index
    (it could not if the text differed from the migration's)."""
    employer = make_employer(db)
    make_case(db, employer)
    postgres = db.engine.dialect.name == "postgresql"
    plans: list[str] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "ORDER BY" in statement and "EXPLAIN" not in statement:
            if postgres:
                cursor.execute("EXPLAIN " + statement, params)
                plans.extend(str(r[0]) for r in cursor.fetchall())
            else:
                rows = cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, params)
                plans.extend(str(r[3]) for r in rows)

    sa.event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.session(readonly=True) as s:
            if postgres:
                s.connection().exec_driver_sql("SET LOCAL enable_seqscan = off")
                s.connection().exec_driver_sql("SET LOCAL enable_sort = off")
            list_cases(CaseQuery(sort="timing", limit=50, today=TODAY), session=s)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", capture)
    shown = "\n".join(plans)
    at = next(i for i, line in enumerate(plans) if "ix_cases_live_timing_rank" in line)
    if postgres:
        # The page's LIMIT straight over the index: no Sort of every case between them.
        assert "Limit" in plans[at - 1], shown
    else:
        assert sum("TEMP B-TREE" in line for line in plans) <= 1, shown  # the 50 rows only


@pytest.mark.parametrize("descending", [False, True])
def test_equal_keys_keep_one_order_and_pages_neither_repeat_nor_skip(
    db: Database, descending: bool
) -> None:
    """Cases that tie on the sorted column (here: every column, and the same «Endret» to
    the microsecond, as an import makes them) come in the order of their id, the same on
    every call, so a refresh does not reshuffle them and a page boundary in the middle of
    the tie neither repeats a case nor skips one."""
    employer = make_employer(db)
    numbers = [make_case(db, employer, title="Samme tittel") for _ in range(11)]
    stamp = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with db.session() as s:
        s.execute(sa.update(Case).values(updated_at=stamp, verdict_timing="in_time"))
        ids = {n: i for n, i in s.execute(sa.select(Case.number, Case.id))}
    by_id = sorted(numbers, key=lambda n: ids[n], reverse=descending)
    for sort in cases.SORT_KEYS:
        with db.session(readonly=True) as s:
            whole = [
                [
                    r.number
                    for r in list_cases(
                        CaseQuery(sort=sort, descending=descending, limit=50, today=TODAY),
                        session=s,
                    ).rows
                ]
                for _ in range(3)
            ]
            paged: list[str] = []
            for offset in range(0, 12, 4):
                page = list_cases(
                    CaseQuery(
                        sort=sort, descending=descending, offset=offset, limit=4, today=TODAY
                    ),
                    session=s,
                )
                paged += [r.number for r in page.rows]
        assert whole[0] == whole[1] == whole[2] == by_id, sort
        assert paged == by_id, sort  # no case twice, none left out


def test_sqlite_serves_every_sort_and_its_tie_break_from_an_index(sqlite_db: Database) -> None:
    """The id that breaks ties is the last column of each sort index (SQLite's rowid), so
    adding it costs no sort of every case: the page is read in index order and only its
    rows are put in order at the end (one temporary B-tree, for the page)."""
    employer = make_employer(sqlite_db)
    make_case(sqlite_db, employer)
    indexes = {
        "updated": "ix_cases_updated_at_id",
        "title": "ix_cases_title_id",
        "notice": "ix_cases_notice_on_id",
        "timing": "ix_cases_live_timing_rank",
    }
    for sort, index in indexes.items():
        for descending in (False, True):
            plan = explain(sqlite_db, CaseQuery(sort=sort, descending=descending, today=TODAY))
            assert f"USING INDEX {index}" in plan, (sort, plan)
            assert plan.count("TEMP B-TREE") == 1, (sort, plan)


def test_many_hits_of_one_status_walk_the_sort_index(sqlite_db: Database) -> None:
    """A search with more hits than ``MANY_HITS`` and a status filter (a remembered search
    of open cases at start) walks the sort index until the page is full, as the search alone
    does, instead of reading every case of that status and sorting the hits; the page is
    the same."""
    employer = make_employer(sqlite_db)
    first = make_case(sqlite_db, employer, title="Hjemmekontor for alle")
    with sqlite_db.engine.begin() as conn:
        columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(cases)")]
        made = {
            "id": "NULL",
            "uuid": "lower(hex(randomblob(16)))",
            "number": "'2026/' || (n + 1)",
            "seq": "n + 1",
            "status": "CASE WHEN n % 3 = 0 THEN 'closed' ELSE 'open' END",
            "updated_at": "datetime(updated_at, '-' || n || ' minutes')",
        }
        values = ", ".join(made.get(c, c) for c in columns)
        conn.exec_driver_sql(
            f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < "
            f"{cases.MANY_HITS * 2}) INSERT INTO cases ({', '.join(columns)}) "
            f"SELECT {values} FROM k, cases WHERE cases.number = '{first}'"
        )
    query = CaseQuery(text="hjemmekontor", status="open", limit=200, today=TODAY)
    plan = explain(sqlite_db, query)
    assert "USING INDEX ix_cases_updated_at_id" in plan, plan
    assert "ix_cases_status" not in plan, plan
    with sqlite_db.session(readonly=True) as s:
        page = list_cases(query, session=s)
        every = s.execute(
            sa.select(Case.number)
            .where(Case.status == "open", Case.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(Case.updated_at.desc(), Case.id.desc())  # type: ignore[union-attr]
            .limit(200)
        ).scalars()
        assert [r.number for r in page.rows] == list(every)
    assert page.total > cases.MANY_HITS
