"""National scale: a union office's shared PostgreSQL database with every representative's
cases (default 1 000 000), timed as the office role and as one branch's representative,
each figure beside its raw-SQL floor measured in the same run.

    .venv/bin/python -m benchmarks national --cases 1000000 --pg URL [--keep] [--only list]

``--pg`` names a database of the benchmark's own on a server where the URL's user may
create roles (the test server of ``scripts/pg-test-server``): it is emptied and filled by
``national_data`` unless ``--keep`` finds it made by the same generator and schema. Two
login roles are made in it through ``services/access.py`` (as ``tillitsvalgt admin`` does):
``national_office`` (the office: every case) and ``national_rep`` (branch «Avdeling 001»,
≈ 1/200 of the cases), and the app connects as each, so row-level security (0008/0010)
is in every figure.

Figures (goals from issue 18):

* ``list.*`` — one page of the case list and its total (``list_cases``), as each role:
  the first page, a type + status filter, an employer filter, a year filter (≤ 20 ms), a
  common-word search «hjemmekontor» and a rarer one «landskap» (≤ 50 ms). Floor: the very
  statements and parameters the app sent (captured from its run) replayed through raw
  psycopg on a connection as the same role, in one transaction, fetching tuples.
* ``assess.all`` — ``verdicts_all`` over every live case as the office (≤ 20 s); floor:
  the raw SQL that only finds the cases with a drøftingsmøte before the decision. The note
  gives ``refresh_all_verdicts`` (judging and storing every verdict, rolled back).
* ``report.*`` — ``report_data`` (floor: its statements replayed raw) and the whole
  ``make_report`` pipeline to .docx and .xlsx (≤ 10 s), as the office.
* ``import.bundles`` — ``read_bundle`` + ``import_bundle`` of B files' text of 1 000 new
  cases each (default 100, ≤ 60 s), as the office, each in its own unit of work taken
  through the commit's work (the stored verdicts, the history rows) and then rolled back,
  so that the database stays the generated one (only the server's final WAL flush is not
  timed); the note gives the CPU seconds a bundle took in this process and in the server's.
  The bundles are ``DataSet`` cases of another seed, with the generated register's
  employers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from benchmarks.national_data import BASE, branch_of, driver_url, ensure
from benchmarks.report import Figure, table
from benchmarks.timing import paired_median_seconds
from tillitsvalgt.db import Database

OFFICE = "national_office"
REPRESENTATIVE = "national_rep"
REP_BRANCH = branch_of(0)  # «Avdeling 001»
TODAY = date(2026, 11, 20)  # the generator's "now"
LIST_LIMIT_MS = 20.0
SEARCH_LIMIT_MS = 50.0
ASSESS_LIMIT_S = 20.0
REPORT_LIMIT_S = 10.0
IMPORT_LIMIT_S = 60.0
BUNDLE_CASES = 1000
PARTS = ("list", "deadlines", "assess", "report", "import")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def role_url(url: str, role: str) -> str:
    return make_url(url).set(username=role, password=None).render_as_string(hide_password=False)


def make_roles(url: str) -> None:
    """The office and one branch's representative, as ``tillitsvalgt admin`` makes them."""
    from tillitsvalgt.services import access

    db = Database.open(database_url=url)
    try:
        with db.session() as session:
            access.create_office(OFFICE, password=None, session=session)
            access.create_representative(
                REPRESENTATIVE, branch=REP_BRANCH, password=None, session=session
            )
    finally:
        db.dispose()


# --------------------------------------------------------------------------- capturing SQL


@contextmanager
def captured(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """The statements (and their parameters) the app sends inside the block."""
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append((statement, params))

    sa.event.listen(db.engine, "before_cursor_execute", capture)
    try:
        yield sent
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", capture)


def replay(raw: psycopg.Connection[Any], statements: list[tuple[str, Any]]) -> list[Any]:
    """The statements through raw psycopg in one transaction, every row fetched."""
    out = []
    with raw.cursor() as cur:
        for statement, params in statements:
            cur.execute(statement, params)
            out.append(cur.fetchall())
    raw.rollback()
    return out


# --------------------------------------------------------------------------- the list


@dataclass(frozen=True)
class ListBench:
    name: str
    what: str
    query: Any
    limit_ms: float


def list_benchmarks(employer_id: int) -> list[ListBench]:
    from tillitsvalgt.services.cases import CaseQuery

    return [
        ListBench("first_page", "first page, newest change first", CaseQuery(), LIST_LIMIT_MS),
        ListBench(
            "type_status",
            "type office_layout + status open",
            CaseQuery(case_type="office_layout", status="open"),
            LIST_LIMIT_MS,
        ),
        ListBench(
            "employer",
            f"employer {employer_id} (the largest)",
            CaseQuery(employer_id=employer_id),
            LIST_LIMIT_MS,
        ),
        ListBench("year", "year 2024", CaseQuery(year=2024), LIST_LIMIT_MS),
        ListBench(
            "search_common",
            "search «hjemmekontor» (common word)",
            CaseQuery(text="hjemmekontor"),
            SEARCH_LIMIT_MS,
        ),
        ListBench("search", "search «landskap»", CaseQuery(text="landskap"), SEARCH_LIMIT_MS),
    ]


def measure_list(
    db: Database, raw_url: str, role: str, *, repeat: int, exact: bool = False
) -> list[Figure]:
    """As the window lists: counted to ``COUNT_CAP`` («over 10 000 saker»), or with
    ``exact`` to the last case (the command line's count, and the list before the cap)."""
    from tillitsvalgt.shapes import COUNT_CAP

    cap = None if exact else COUNT_CAP

    with db.session(readonly=True) as s:
        employer_id = s.execute(
            sa.text(
                "SELECT employer_id FROM cases WHERE deleted_at IS NULL "
                "GROUP BY employer_id ORDER BY count(*) DESC, employer_id LIMIT 1"
            )
        ).scalar_one()
    figures = []
    with psycopg.connect(driver_url(raw_url)) as raw:
        for bench in list_benchmarks(employer_id):
            _say(f"  {role}: list.{bench.name} …")
            name = f"{'office' if role == OFFICE else 'rep'}.list.{bench.name}"
            counted = _timed_list(db, raw, bench, repeat=repeat, cap=cap)
            figures.append(
                Figure(
                    name,
                    counted.value,
                    "ms",
                    counted.floor,
                    what=f"{bench.what}: {'over ' if counted.page.capped else ''}"
                    f"{counted.page.total} hits",
                    limit=bench.limit_ms,
                )
            )
            if bench.query.text:
                # A search as the window shows it first: the page alone (its plan counts
                # no further than it must), the capped count on the next turn of the event
                # loop. Reported beside the figure with the count, not instead of it.
                first = _timed_list(db, raw, bench, repeat=repeat, page_only=True)
                figures.append(
                    Figure(
                        f"{name}.page_first",
                        first.value,
                        "ms",
                        first.floor,
                        what=f"{bench.what}: the page alone, as the window shows it first",
                        note="the count (to 10 000) follows on the next turn of the event loop",
                    )
                )
    return figures


@dataclass(frozen=True)
class _Timed:
    page: Any
    value: float  # ms
    floor: float  # ms: the same statements through raw psycopg


def _timed_list(
    db: Database,
    raw: Any,
    bench: ListBench,
    *,
    repeat: int,
    cap: int | None = None,
    page_only: bool = False,
) -> _Timed:
    """``list_cases`` of ``bench`` (counted to ``cap``, or ``page_only`` without the count)
    against its own statements replayed raw, which must give the same page and count."""
    from tillitsvalgt.services.cases import list_cases

    def ours() -> Any:
        with db.session(readonly=True) as session:
            if page_only:
                return list_cases(bench.query, session=session, count=False)
            return list_cases(bench.query, session=session, cap=cap)

    with captured(db) as sent:
        page = ours()
    floor_rows = replay(raw, sent)
    # The floor must do the same work: the same page, and the same total (a capped count
    # stops one past the cap). The count is the last statement that counts: a search's may
    # be followed by setting the planner back (services/_plans.py).
    assert [r[0] for r in floor_rows[-1]] == [r.id for r in page.rows], bench.name
    if not page_only:
        counted = page.total + 1 if page.capped else page.total
        at = max(k for k, (statement, _) in enumerate(sent) if "count(" in statement)
        assert floor_rows[at][0][0] == counted, (bench.name, floor_rows[at], page.total)

    def floor_run() -> object:
        return replay(raw, sent)

    value, floor = paired_median_seconds(ours, floor_run, repeat=repeat)
    return _Timed(page, value * 1000, floor * 1000)


def explain_list(db: Database, raw_url: str) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every list statement, as the role of ``raw_url``."""
    from tillitsvalgt.services.cases import list_cases

    with psycopg.connect(driver_url(raw_url)) as raw:
        for bench in list_benchmarks(1):
            with captured(db) as sent, db.session(readonly=True) as session:
                list_cases(bench.query, session=session)
            print(f"==== {bench.name}")
            with raw.cursor() as cur:
                for statement, params in sent:
                    cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)
                    print(statement % {k: repr(v) for k, v in params.items()})
                    print("\n".join(r[0] for r in cur.fetchall()) + "\n")
            raw.rollback()


# --------------------------------------------------------------------------- deadlines


def measure_deadlines(db: Database, raw_url: str, role: str, *, repeat: int) -> list[Figure]:
    """The Frister tab: its first page (``PAGE`` running deadlines, soonest first, one more
    to know whether there are others) and its count to ``COUNT_CAP`` (the window's
    background), each against its statements replayed raw."""
    from tillitsvalgt.services.deadlines import count_open_deadline_rows, open_deadline_rows
    from tillitsvalgt.shapes import COUNT_CAP
    from ui.models.deadline_table import PAGE

    def page() -> Any:
        with db.session(readonly=True) as s:
            return open_deadline_rows(session=s, limit=PAGE + 1)

    def counted() -> Any:
        with db.session(readonly=True) as s:
            return count_open_deadline_rows(session=s, until=None, today=TODAY, cap=COUNT_CAP)

    who = "office" if role == OFFICE else "rep"
    figures = []
    with psycopg.connect(driver_url(raw_url)) as raw:
        for name, work, what in (
            ("page", page, f"the first {PAGE} running deadlines, soonest first"),
            ("count", counted, "running and overdue deadlines, each counted to 10 000"),
        ):
            _say(f"  {who}: deadlines.{name} …")
            with captured(db) as sent:
                result = work()
            rows = replay(raw, sent)
            if name == "page":
                # (The ORM's columns come in the table's order: the id is among them.)
                assert len(rows[-1]) == len(result)
                assert all(d.id in r for r, (d, *_) in zip(rows[-1], result, strict=True))
                shown = f"{min(len(result), PAGE)} rows"
            else:
                assert [r[-1][0] for r in rows[-2:]] == list(result), (rows, result)
                shown = f"{result[0]} / {result[1]} (capped at {COUNT_CAP + 1})"

            def floor_run(sent: list[tuple[str, Any]] = sent) -> object:
                return replay(raw, sent)

            value, floor = paired_median_seconds(work, floor_run, repeat=repeat)
            figures.append(
                Figure(
                    f"{who}.deadlines.{name}",
                    value * 1000,
                    "ms",
                    floor * 1000,
                    what=f"{what}: {shown}",
                )
            )
    return figures


# --------------------------------------------------------------------------- assessing


ASSESS_FLOOR = """SELECT c.id FROM cases AS c
WHERE c.deleted_at IS NULL AND c.decision_on IS NOT NULL
  AND EXISTS (SELECT 1 FROM events AS e
              WHERE e.case_id = c.id AND e.deleted_at IS NULL
                AND e.kind IN ('consultation_meeting', 'negotiation_meeting')
                AND e.occurred_on < c.decision_on)"""


def _median(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure_assess(db: Database, raw_url: str, *, repeat: int, store: bool) -> list[Figure]:
    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.assessments import refresh_all_verdicts, verdicts_all

    catalogue = load_catalogue()

    def verdicts() -> int:
        with db.session(readonly=True) as s:
            return sum(1 for _ in verdicts_all(session=s, today=TODAY, catalogue=catalogue))

    def stored() -> int:
        with db.session() as s:
            done = refresh_all_verdicts(session=s, today=TODAY, catalogue=catalogue, force=True)
            s.rollback()
            return done

    with psycopg.connect(driver_url(raw_url)) as raw:

        def floor() -> int:
            n = len(raw.execute(ASSESS_FLOOR).fetchall())
            raw.rollback()
            return n

        _say("  assess.all …")
        cases, in_time = verdicts(), floor()
        value, floor_s = paired_median_seconds(verdicts, floor, repeat=repeat, warmup=0)
    figures = [
        Figure(
            "assess.all",
            value,
            "s",
            floor_s,
            what=f"verdicts of {cases} cases",
            note=f"floor: the {in_time} cases with a drøftingsmøte before the decision",
            limit=ASSESS_LIMIT_S,
        )
    ]
    if not store:
        return figures
    _say("  assess.store (refresh_all_verdicts, rolled back) …")
    store_s = _median(stored, 1)
    return [
        *figures,
        Figure(
            "assess.store",
            store_s,
            "s",
            None,
            what="refresh_all_verdicts: judged + stored",
            note="every verdict written (one UPDATE … FROM unnest per 10 000), rolled back",
        ),
    ]


# --------------------------------------------------------------------------- the report


def measure_report(db: Database, raw_url: str, *, repeat: int) -> list[Figure]:
    from tillitsvalgt.reports.cube import ReportRequest
    from tillitsvalgt.services.report import make_report
    from tillitsvalgt.services.report_data import report_data

    request = ReportRequest(start=date(2021, 1, 1), end=date(2026, 12, 31))

    def ours() -> Any:
        with db.session(readonly=True) as session:
            return report_data(request, session=session, today=TODAY)

    _say("  report.aggregate …")
    with captured(db) as sent:
        data = ours()
    with psycopg.connect(driver_url(raw_url)) as raw:
        agg, agg_floor = paired_median_seconds(
            ours, lambda: replay(raw, sent), repeat=repeat, warmup=0
        )
    _say("  report.whole …")
    with tempfile.TemporaryDirectory() as tmp:

        def whole() -> None:
            make_report(
                db,
                request,
                today=TODAY,
                union_name="Forbundet",
                out=Path(tmp) / "rapport.docx",
                xlsx=Path(tmp) / "rapport.xlsx",
            )

        whole_s = _median(whole, repeat)
    cases = sum(c.cases for c in data.cells)
    return [
        Figure(
            "report.aggregate",
            agg,
            "s",
            agg_floor,
            what=f"cube of {cases} cases, {len(data.cells)} cells",
        ),
        Figure(
            "report.whole",
            whole_s,
            "s",
            None,
            what="counted, drawn, .docx + .xlsx",
            limit=REPORT_LIMIT_S,
        ),
    ]


# --------------------------------------------------------------------------- importing


def bundles(count: int, *, base: int, size: int = BUNDLE_CASES) -> Iterator[list[dict[str, Any]]]:
    """``count`` bundles of ``size`` new cases (JSON-shaped, as ``read_bundle`` returns
    them), from ``DataSet`` with another seed, their employers from the national register
    (the generator's, by id, wrapped round when the bundles have more: the office's
    register knows them)."""
    from benchmarks.generate import DEFAULT_SEED, DataSet

    national = DataSet(base)  # only its register is used: the generated employers
    register = {e["id"]: e for e in national.employers}
    data = DataSet(count * size, seed=DEFAULT_SEED + 1)
    reps = data.representatives
    for batch in data.batches(size):
        events_of: dict[int, list[dict[str, Any]]] = {}
        for e in batch.events:
            events_of.setdefault(e["case_id"], []).append(e)
        items = []
        for c in batch.cases:
            if c["deleted_at"] is not None:
                continue  # a bundle carries live cases
            employer = register[(c["employer_id"] - 1) % len(register) + 1]
            rep = reps[c["id"] % len(reps)]
            items.append(
                {
                    "uuid": str(c["uuid"]),
                    "reported_by": {
                        "uuid": str(rep["uuid"]),
                        "name": rep["name"],
                        "branch": rep["branch"],
                        "union_name": rep["union_name"],
                    },
                    "employer": {
                        k: employer[k]
                        for k in ("name", "orgnr", "employees", "agreement", "sector", "address")
                    },
                    "case": _drop_none(
                        {
                            "type": c["case_type"],
                            "title": c["title"],
                            "description": c["description"],
                            "location": c["location"],
                            "members_affected": c["members_affected"],
                            "notice_on": _iso(c["notice_on"]),
                            "decision_on": _iso(c["decision_on"]),
                            "planned_implementation_on": _iso(c["planned_implementation_on"]),
                            "implemented_on": _iso(c["implemented_on"]),
                            "home_office_days_per_week": c["home_office_days_per_week"],
                            "written_agreements": c["written_agreements"],
                            "ordered_by_authorities": c["ordered_by_authorities"],
                            "status": c["status"],
                            "outcome": c["outcome"],
                            "number": c["number"],
                            "updated_at": c["updated_at"].isoformat(),
                            "cell_key": c["cell_key"],
                        }
                    ),
                    "events": [
                        _drop_none(
                            {
                                "uuid": str(e["uuid"]),
                                "kind": e["kind"],
                                "on": _iso(e["occurred_on"]),
                                "signed_by_both": e["signed_by_both"],
                                "letter": e["letter_kind"],
                                "reply_by": _iso(e["reply_by"]),
                                "participants": e["participants"],
                                "notes": e["notes"],
                                "updated_at": e["updated_at"].isoformat(),
                            }
                        )
                        for e in events_of.get(c["id"], [])
                    ],
                }
            )
        yield items


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _add(figures: list[Figure], more: list[Figure]) -> None:
    """Keep the figures, each also printed to stderr as soon as it is measured (a long run
    that is stopped keeps what it found)."""
    for figure in more:
        _say(f"    = {figure.name}: {figure.value:.4g} {figure.unit} (floor {figure.floor})")
    figures.extend(more)


@contextmanager
def committed_then_undone(db: Database) -> Iterator[Any]:
    """A unit of work that ends as ``Database.session`` ends one — the before-commit work
    (the stored verdicts of the changed cases), the history rows written by the session's
    commit listener, then the commit — except that the commit only releases a savepoint:
    the transaction around it is rolled back, so the database stays the generated one.
    Only the server's final WAL flush of a real COMMIT is not timed."""
    from sqlmodel import Session

    from tillitsvalgt.db import run_before_commit

    with db.engine.connect() as connection:
        outer = connection.begin()
        try:
            with Session(
                connection,
                expire_on_commit=False,
                info=dict(db.session_info),
                join_transaction_mode="create_savepoint",
            ) as session:
                yield session
                run_before_commit(session)
                session.commit()
        finally:
            outer.rollback()


def _server_cpu(pid: int) -> float | None:
    """The CPU seconds (user + system) the server process ``pid`` has used so far, read
    from /proc when the server runs on this machine (as the benchmark's does); ``None``
    elsewhere."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


def measure_import(db: Database, *, count: int, base: int, set_based: bool = True) -> list[Figure]:
    """The bundles' files imported as the office imports the files its representatives
    send: all of them at once (``bundle_files.import_sources``, as ``tillitsvalgt import
    A B C`` and the window do: the next file read and checked while one is written), each
    file through the commit's own work and then undone (``committed_then_undone``).
    ``set_based=False``: one file after the other, every case one by one (the path before
    the set-based import). The files are made first and kept as text: holding 100 bundles
    as Python objects made every collection of the cyclic garbage collector walk them all
    (≈ 0.4 s a bundle that an office importing its files never pays)."""
    from tillitsvalgt.services.bundle_files import Prepared, Source, import_sources
    from tillitsvalgt.services.transfer import import_bundle, parse_text, read_bundle

    _say(f"  import: building {count} bundles of {BUNDLE_CASES} cases …")
    texts, cases, events = [], 0, 0
    for bundle in bundles(count, base=base):
        cases += len(bundle)
        events += sum(len(i["events"]) for i in bundle)
        texts.append(json.dumps(bundle, ensure_ascii=False))
    _say(f"  import.bundles: importing {cases} cases …")
    pids: list[int] = []
    server_began: list[float | None] = []

    @contextmanager
    def unit() -> Iterator[Any]:
        with committed_then_undone(db) as session:
            pids.append(int(session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()))
            if not server_began:
                server_began.append(_server_cpu(pids[0]))
            yield session

    def source(i: int, text: str) -> Source:
        name = f"bundle-{i + 1}.json"
        return Source(name, lambda: Prepared(parse_text(text, name)))

    start, cpu = time.perf_counter(), time.process_time()
    if set_based:
        result = import_sources(
            [source(i, text) for i, text in enumerate(texts)], unit=unit, today=TODAY
        )
        assert not result.failed, result.summary()
        assert sum(len(o.report.created) for o in result.outcomes if o.report) == cases
    else:
        for i, text in enumerate(texts):
            with unit() as session:
                raw = read_bundle(text, f"bundle-{i + 1}.json")
                report = import_bundle(raw, session=session, today=TODAY, set_based=False)
                assert len(report.created) == len(raw), report.summary()
    total, ours = time.perf_counter() - start, time.process_time() - cpu
    # The server's CPU, when /proc shows it and the pool gave every unit one connection.
    server_note = ""
    began, done = server_began[0], _server_cpu(pids[0])
    if began is not None and done is not None and len(set(pids)) == 1:
        server_note = f", the server's process {(done - began) / count:.2f}"
    return [
        Figure(
            "import.bundles" if set_based else "import.bundles.one_by_one",
            total,
            "s",
            None,
            what=f"{count} bundles: {cases} cases, {events} events",
            note=f"{total / count:.2f} s a bundle, {total / cases * 1000:.2f} ms a case; "
            f"CPU s a bundle: this process {ours / count:.2f}{server_note}",
            limit=IMPORT_LIMIT_S * count / 100,
        )
    ]


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks national", description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--pg", required=True, help="PostgreSQL URL of a database of its own")
    parser.add_argument("--keep", action="store_true", help="reuse the generated database")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per list figure")
    parser.add_argument("--bundles", type=int, default=100, help="bundles to import")
    parser.add_argument("--only", action="append", choices=PARTS)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the list")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--exact",
        action="store_true",
        help="count the list to the last case (as before the window's cap)",
    )
    parser.add_argument(
        "--one-by-one",
        action="store_true",
        help="import every case one by one (the path before the set-based import)",
    )
    parser.add_argument(
        "--store",
        action="store_true",
        help="also time refresh_all_verdicts (judging and storing every verdict: long)",
    )
    args = parser.parse_args(argv)
    only = set(args.only or PARTS)

    meta = ensure(args.cases, args.pg, keep=args.keep, say=_say)
    make_roles(args.pg)
    figures: list[Figure] = []
    office_url, rep_url = role_url(args.pg, OFFICE), role_url(args.pg, REPRESENTATIVE)
    office = Database.open(database_url=office_url, migrate=False)
    rep = Database.open(database_url=rep_url, migrate=False)
    try:
        if args.explain:
            explain_list(office, office_url)
            explain_list(rep, rep_url)
        if "list" in only:
            for db, url, role in ((office, office_url, OFFICE), (rep, rep_url, REPRESENTATIVE)):
                figures_of = measure_list(db, url, role, repeat=args.repeat, exact=args.exact)
                _add(figures, figures_of)
        if "deadlines" in only:
            for db, url, role in ((office, office_url, OFFICE), (rep, rep_url, REPRESENTATIVE)):
                _add(figures, measure_deadlines(db, url, role, repeat=args.repeat))
        if "assess" in only:
            _add(
                figures,
                measure_assess(
                    office, office_url, repeat=max(3, args.repeat // 5), store=args.store
                ),
            )
        if "report" in only:
            _add(figures, measure_report(office, office_url, repeat=max(1, args.repeat // 5)))
        if "import" in only:
            _add(
                figures,
                measure_import(
                    office,
                    count=args.bundles,
                    base=min(args.cases, BASE),
                    set_based=not args.one_by_one,
                ),
            )
    finally:
        office.dispose()
        rep.dispose()

    if args.json:
        for figure in figures:
            print(figure.as_json())
        return 0
    counts = meta["counts"]
    with psycopg.connect(driver_url(args.pg)) as conn:
        server = conn.execute("SHOW server_version").fetchone()
    print(
        f"\nTillitsvalgt at national scale — PostgreSQL {server[0] if server else '?'}\n"
        f"{counts['cases']} cases, {counts['events']} events, {counts['deadlines']} "
        f"deadlines, {counts['branches']} branches (made {meta['when']})\n"
        f"roles: {OFFICE} (the office) and {REPRESENTATIVE} ({REP_BRANCH}); list figures are "
        f"medians of {args.repeat}; floor = the same statements through raw psycopg\n"
    )
    print(table(figures))
    missed = [f.name for f in figures if f.misses()]
    print("\nGoals: " + ("all met" if not missed else "missed by " + ", ".join(missed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
