"""The case list at N cases: ``list_cases`` through the app against the same SQL in raw
``sqlite3`` (the floor).

One figure is one page the user asks for: a read-only session of the app's ``Database``
with one ``list_cases`` call in it (the page of rows and the total count). Its floor is the
same two statements, handwritten, on a stdlib ``sqlite3`` connection to the same file, in one
read transaction, fetching the same rows as tuples. Each figure checks that both sides return
the same page and total, so the floor provably does the same work.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.report import Figure
from benchmarks.timing import paired_median_seconds
from tillitsvalgt.db import Database
from tillitsvalgt.services.cases import MANY_HITS, CaseQuery, list_cases

PAGE_SIZE = 50
LIMIT_MS = 20.0  # the goal: each page under 20 ms …
MAX_RATIO = 2.0  # … and within 2× of the raw-SQL floor
MODEST_WORD = "landskap"  # in a modest share of the generated cases
COMMON_WORD = "hjemmekontor"  # in most of them


@dataclass(frozen=True)
class ListBenchmark:
    name: str
    what: str
    query: CaseQuery


def list_benchmarks(n: int) -> list[ListBenchmark]:
    # "Deep" = 90 % into the list: offset 90 000 at N = 100 000, on a page boundary.
    deep = int(n * 0.9) // PAGE_SIZE * PAGE_SIZE
    return [
        ListBenchmark("list.first_page", "first page, newest change first", CaseQuery()),
        ListBenchmark(
            "list.type_status",
            "type office_layout + status open",
            CaseQuery(case_type="office_layout", status="open"),
        ),
        ListBenchmark(
            "list.search", f"search «{MODEST_WORD}» (modest share)", CaseQuery(text=MODEST_WORD)
        ),
        ListBenchmark(
            "list.search_common",
            f"search «{COMMON_WORD}» (common word)",
            CaseQuery(text=COMMON_WORD),
        ),
        ListBenchmark("list.deep_page", f"page at offset {deep}", CaseQuery(offset=deep)),
    ]


# --------------------------------------------------------------------------- the floor

# Written by hand from the SQL SQLAlchemy emits for list_cases (``--show-sql`` prints both):
# the count first, then the page's ids from the sort index, then their columns.
_PAGE_SQL = """SELECT c.id, c.number, c.title, e.name, c.case_type, c.status, c.notice_on,
       c.decision_on,
       (SELECT min(d.due_on) FROM deadlines AS d
        WHERE d.case_id = c.id AND d.met_on IS NULL AND d.cancelled IS 0),
       c.updated_at, c.verdict_timing, c.verdict_demand, c.verdict_demand_due_on
FROM (SELECT c.id AS id FROM cases AS c WHERE {where}
      ORDER BY c.updated_at DESC, c.id DESC LIMIT ? OFFSET ?) AS page
JOIN cases AS c ON c.id = page.id
JOIN employers AS e ON e.id = c.employer_id
ORDER BY c.updated_at DESC, c.id DESC"""
_COUNT_SQL = "SELECT count(*) FROM cases AS c WHERE {where}"
_FTS_COUNT_SQL = """SELECT count(*) FROM case_search WHERE case_search MATCH ?
AND rowid NOT IN (SELECT id FROM cases WHERE deleted_at IS NOT NULL)"""


@dataclass(frozen=True)
class FloorQuery:
    page_sql: str  # with few (or no) free-text hits
    page_sql_many_hits: str  # with more than MANY_HITS: walk the sort index
    count_sql: str
    params: tuple[Any, ...]
    limit: int
    offset: int


def floor_query(query: CaseQuery) -> FloorQuery:
    """The handwritten SQL for the queries these benchmarks use (live cases, newest change
    first, optional type, status and free text)."""
    if query.sort != "updated" or not query.descending or query.deleted:
        raise ValueError("the floor is written for the default order of live cases only")
    if query.employer_id is not None or query.year is not None:
        raise ValueError("the floor has no employer or year filter")
    where = ["c.deleted_at IS NULL"]
    params: list[Any] = []
    if query.case_type:
        where.append("c.case_type = ?")
        params.append(query.case_type)
    if query.status:
        where.append("c.status = ?")
        params.append(query.status)
    text_filter = "{key} IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)"
    if query.text:
        # each word as a quoted prefix, all required: what the app sends to FTS5
        params.append(" AND ".join(f'"{word}"*' for word in query.text.lower().split()))
    few = " AND ".join([*where, text_filter.format(key="c.id")] if query.text else where)
    many = " AND ".join([*where, text_filter.format(key="c.id + 0")] if query.text else where)
    only_text = query.text and not (query.case_type or query.status)
    return FloorQuery(
        page_sql=_PAGE_SQL.format(where=few),
        page_sql_many_hits=_PAGE_SQL.format(where=many),
        count_sql=_FTS_COUNT_SQL if only_text else _COUNT_SQL.format(where=few),
        params=tuple(params),
        limit=query.limit,
        offset=query.offset,
    )


def connect_raw(file: Path) -> sqlite3.Connection:
    """A stdlib connection set up like the app's (the pragmas do not change reads, but the
    floor should differ from the app only in the layers above SQLite)."""
    conn = sqlite3.connect(file, isolation_level=None)  # explicit BEGIN below
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def run_floor(conn: sqlite3.Connection, fq: FloorQuery) -> tuple[list[int], int]:
    conn.execute("BEGIN")  # one read transaction, like the app's read-only session
    try:
        total = int(conn.execute(fq.count_sql, fq.params).fetchone()[0])
        page_sql = fq.page_sql_many_hits if total > MANY_HITS else fq.page_sql
        rows = conn.execute(page_sql, (*fq.params, fq.limit, fq.offset)).fetchall()
    finally:
        conn.execute("ROLLBACK")
    return [row[0] for row in rows], total


def run_service(db: Database, query: CaseQuery) -> tuple[list[int], int]:
    with db.session(readonly=True) as session:
        page = list_cases(query, session=session)
    return [row.id for row in page.rows], page.total


def explain(conn: sqlite3.Connection, fq: FloorQuery) -> list[str]:
    """EXPLAIN QUERY PLAN of the statements, one line per step."""
    lines = []
    for label, sql, params in (
        ("page", fq.page_sql, (*fq.params, fq.limit, fq.offset)),
        ("page (many hits)", fq.page_sql_many_hits, (*fq.params, fq.limit, fq.offset)),
        ("count", fq.count_sql, fq.params),
    ):
        for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params):
            lines.append(f"{label}: {row[3]}")
    return lines


# --------------------------------------------------------------------------- the figures


def measure_list(
    db: Database,
    conn: sqlite3.Connection,
    bench: ListBenchmark,
    *,
    live_cases: int,
    repeat: int,
) -> Figure:
    fq = floor_query(bench.query)
    service: Callable[[], object] = lambda: run_service(db, bench.query)  # noqa: E731
    floor: Callable[[], object] = lambda: run_floor(conn, fq)  # noqa: E731

    got, want = run_service(db, bench.query), run_floor(conn, fq)
    if got != want:
        raise AssertionError(
            f"{bench.name}: the floor SQL returns other rows than list_cases "
            f"(total {want[1]} vs {got[1]}); fix the floor before trusting the ratio"
        )
    value, floor_value = paired_median_seconds(service, floor, repeat=repeat)
    total = got[1]
    note = f"{total} of {live_cases} live cases match ({total / max(live_cases, 1):.0%})"
    return Figure(
        name=bench.name,
        value=value * 1000,
        unit="ms",
        floor=floor_value * 1000,
        what=bench.what,
        note=note,
        limit=LIMIT_MS,
        max_ratio=MAX_RATIO,
    )
