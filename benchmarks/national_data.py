"""A union office's national database on PostgreSQL: N generated cases (default 1 000 000),
loaded once with COPY into a schema made by the app's own migrations, and reused.

The rows are ``generate.DataSet``'s (same seed, same texts, same mix as the SQLite
benchmark), plus what only a shared database has: each case's branch (one of 200, by its
id), and the employer facts a case was judged on (migration 0010), copied from the
generated register as ``create_case`` does. Above 100 000 cases the rest are copies made in
SQL (see ``load``).

Loading: ``COPY … FROM STDIN`` per table with ``session_replication_role = replica`` (the
row triggers do not fire), then the free-text index is filled by the app's own
``case_search_refresh`` for every case — the statement migrations 0002/0009 run as their
backfill — and ``ANALYZE``. Firing the triggers per row instead would rebuild a case's
tsvector once for each of its events (≈ 5 million refreshes). The schema, the policies and
the rest of the triggers are the real ones: they are only off while the rows go in.

    .venv/bin/python -m benchmarks.national_data --cases 1000000 --pg URL
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import psycopg

from benchmarks.generate import DEFAULT_SEED, GENERATOR_VERSION, DataSet
from tillitsvalgt.db import Database

BATCH = 10_000
META_TABLE = "benchmark_national_meta"  # one row: what was generated, so --keep can reuse it

CASE_COLUMNS = (
    "id", "uuid", "cell_key", "number", "year", "seq", "title", "employer_id", "location",
    "case_type", "description", "members_affected", "notice_on", "decision_on",
    "planned_implementation_on", "implemented_on", "home_office_days_per_week",
    "written_agreements", "ordered_by_authorities", "representative_id", "status", "outcome",
    "source_ref", "last_document_seq", "version", "created_at", "updated_at", "closed_at",
    "deleted_at", "report_include", "branch", "employer_employees", "employer_agreement",
    "employer_sector", "employer_facts_at",
)  # fmt: skip
EVENT_COLUMNS = (
    "uuid", "case_id", "kind", "occurred_on", "participants", "notes", "signed_by_both",
    "letter_kind", "reply_by", "version", "created_at", "updated_at", "deleted_at",
)  # fmt: skip
DEADLINE_COLUMNS = (
    "case_id", "document_id", "title", "rule", "due_on", "original_due_on", "met_on",
    "cancelled", "created_at", "lapsed_on",
)  # fmt: skip
EMPLOYER_COLUMNS = (
    "id", "uuid", "name", "orgnr", "address", "sector", "agreement", "employees",
    "contact_name", "contact_email", "contact_phone", "version", "created_at", "updated_at",
    "deleted_at",
)  # fmt: skip
REPRESENTATIVE_COLUMNS = (
    "id", "uuid", "name", "role", "union_name", "branch", "email", "phone", "place",
    "signature", "created_at",
)  # fmt: skip


@dataclass
class Loaded:
    cases: int = 0
    events: int = 0
    deadlines: int = 0
    employers: int = 0
    branches: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def lap(self, part: str, start: float) -> float:
        now = time.perf_counter()
        self.seconds[part] = self.seconds.get(part, 0.0) + now - start
        return now


def driver_url(url: str) -> str:
    """SQLAlchemy's URL (``postgresql+psycopg://``) as libpq takes it."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def fingerprint(n: int) -> dict[str, Any]:
    """What a kept database must match. Not the schema: a kept database is brought to the
    head by the app's own migrations when it is opened (as a union office's would be)."""
    return {"n": n, "seed": DEFAULT_SEED, "generator": GENERATOR_VERSION}


def stored_meta(url: str) -> dict[str, Any] | None:
    with psycopg.connect(driver_url(url)) as conn:
        exists = conn.execute("SELECT to_regclass(%s)", (META_TABLE,)).fetchone()
        if exists is None or exists[0] is None:
            return None
        row = conn.execute(f"SELECT meta FROM {META_TABLE}").fetchone()
        return None if row is None else dict(json.loads(row[0]))


def _copy(
    cur: psycopg.Cursor[Any], table: str, columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]
) -> int:
    count = 0
    with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _empty(url: str) -> None:
    """Drop every table of the benchmark database's public schema (ours alone, made by this
    module), so the migrations start from nothing. A database holding tables this module
    did not make is refused: ``--pg`` pointed at a real database must never empty it."""
    with psycopg.connect(driver_url(url), autocommit=True) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
        ours = conn.execute("SELECT to_regclass(%s)", (META_TABLE,)).fetchone()
        if tables and tables[0] and (ours is None or ours[0] is None):
            raise SystemExit(
                f"{url}: the database holds tables the benchmark did not make; give it an "
                "empty database of its own (CREATE DATABASE national)."
            )
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


BASE = 100_000  # cases drawn in Python; the rest are copies of these made in SQL
BRANCHES = 200  # local branches of a national union


def branch_sql(id_expression: str) -> str:
    """A case's branch, from its id: «Avdeling 001» … «Avdeling 200», evenly spread."""
    return f"'Avdeling ' || lpad((({id_expression}) % {BRANCHES} + 1)::text, 3, '0')"


def branch_of(case_id: int) -> str:
    return f"Avdeling {case_id % BRANCHES + 1:03d}"


def load(n: int, url: str, *, say: Callable[[str], None]) -> Loaded:
    """Generate ``n`` cases into the (emptied) database at ``url``: ``min(n, BASE)`` cases
    drawn by ``DataSet`` and written with COPY, then copied in SQL until there are ``n``
    (drawing a million cases in Python takes the better part of an hour on these shared
    machines; the copies take minutes). A copy gets new ids, UUIDs (derived from the
    original's), numbers (``seq`` + k × BASE in the same year), its own branch by its id,
    and the same texts, dates and events; so the mix of types, statuses, words and dates is
    the generator's at every size."""
    result = Loaded()
    start = time.perf_counter()
    _empty(url)
    Database.open(database_url=url).dispose()  # the real migrations, to head
    start = result.lap("migrate", start)
    base = min(n, BASE)
    data = DataSet(base)
    employers = {e["id"]: e for e in data.employers}
    result.branches = min(n, BRANCHES)
    facts_at = data.employers[0]["created_at"]
    start = result.lap("build", start)

    with psycopg.connect(driver_url(url)) as conn, conn.cursor() as cur:
        cur.execute("SET session_replication_role = replica")
        cur.execute("SET statement_timeout = 0")
        result.employers = _copy(
            cur,
            "employers",
            EMPLOYER_COLUMNS,
            (tuple(e[c] for c in EMPLOYER_COLUMNS) for e in data.employers),
        )
        _copy(
            cur,
            "representatives",
            REPRESENTATIVE_COLUMNS,
            (tuple(r[c] for c in REPRESENTATIVE_COLUMNS) for r in data.representatives),
        )
        start = result.lap("copy", start)
        for batch in data.batches(BATCH):
            case_rows = []
            for c in batch.cases:
                e = employers[c["employer_id"]]
                extra = {
                    "report_include": False,
                    "branch": branch_of(c["id"]),
                    "employer_employees": e["employees"],
                    "employer_agreement": e["agreement"],
                    "employer_sector": e["sector"],
                    "employer_facts_at": facts_at,
                }
                case_rows.append(tuple({**c, **extra}[k] for k in CASE_COLUMNS))
            event_rows = [tuple(e[k] for k in EVENT_COLUMNS) for e in batch.events]
            deadline_rows = [
                tuple({**d, "lapsed_on": None}[k] for k in DEADLINE_COLUMNS)
                for d in batch.deadlines
            ]
            start = result.lap("build", start)
            result.cases += _copy(cur, "cases", CASE_COLUMNS, case_rows)
            result.events += _copy(cur, "events", EVENT_COLUMNS, event_rows)
            result.deadlines += _copy(cur, "deadlines", DEADLINE_COLUMNS, deadline_rows)
            start = result.lap("copy", start)
            say(f"{result.cases}/{n} cases drawn")
        conn.commit()
        # The free-text index of the drawn cases, by the app's own function (the backfill
        # statement of migrations 0002/0009); a copy has the same text, so the same vector.
        cur.execute("SET session_replication_role = origin")
        cur.execute("SELECT count(case_search_refresh(id)) FROM cases")
        cur.execute("SET session_replication_role = replica")
        conn.commit()
        start = result.lap("search index", start)
        copies = -(-n // base)
        case_cols = [c for c in CASE_COLUMNS if c not in ("id", "uuid", "number", "seq", "branch")]
        event_cols = [c for c in EVENT_COLUMNS if c not in ("uuid", "case_id")]
        deadline_cols = [c for c in DEADLINE_COLUMNS if c != "case_id"]
        for k in range(1, copies):
            last = min(base, n - k * base)
            shift = k * base
            new_uuid = f"md5(uuid::text || '/{k}')::uuid"
            cur.execute(
                f"INSERT INTO cases (id, uuid, number, seq, branch, {', '.join(case_cols)}) "
                f"SELECT id + {shift}, {new_uuid}, year || '/' || (seq + {shift}), "
                f"seq + {shift}, {branch_sql(f'id + {shift}')}, {', '.join(case_cols)} "
                f"FROM cases WHERE id <= {last}"
            )
            result.cases += cur.rowcount
            cur.execute(
                f"INSERT INTO events (uuid, case_id, {', '.join(event_cols)}) "
                f"SELECT {new_uuid}, case_id + {shift}, {', '.join(event_cols)} "
                f"FROM events WHERE case_id <= {last} ORDER BY id"
            )
            result.events += cur.rowcount
            cur.execute(
                f"INSERT INTO deadlines (case_id, {', '.join(deadline_cols)}) "
                f"SELECT case_id + {shift}, {', '.join(deadline_cols)} "
                f"FROM deadlines WHERE case_id <= {last} ORDER BY id"
            )
            result.deadlines += cur.rowcount
            cur.execute(
                "INSERT INTO case_search (case_id, document, branch) "
                f"SELECT case_id + {shift}, document, {branch_sql(f'case_id + {shift}')} "
                f"FROM case_search WHERE case_id <= {last}"
            )
            conn.commit()
            start = result.lap("copies", start)
            say(f"{result.cases}/{n} cases")
        cur.execute(
            "INSERT INTO case_counters (year, last_seq) "
            "SELECT year, max(seq) FROM cases GROUP BY year"
        )
        for table in ("employers", "representatives", "cases", "events", "deadlines"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        conn.commit()
        start = result.lap("copies", start)
        conn.autocommit = True
        cur.execute("VACUUM (ANALYZE)")
        start = result.lap("vacuum analyze", start)
        meta = {
            "fingerprint": fingerprint(n),
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "counts": {
                "cases": result.cases,
                "events": result.events,
                "deadlines": result.deadlines,
                "employers": result.employers,
                "branches": result.branches,
            },
            "seconds": result.seconds,
        }
        cur.execute(f"CREATE TABLE {META_TABLE} (meta text NOT NULL)")
        cur.execute(f"INSERT INTO {META_TABLE} VALUES (%s)", (json.dumps(meta),))
    return result


def ensure(n: int, url: str, *, keep: bool, say: Callable[[str], None]) -> dict[str, Any]:
    """The database at ``url`` holding ``n`` generated cases; made unless ``keep`` finds one
    made by the same generator and seed (then migrated to the head). Returns its record."""
    if keep:
        meta = stored_meta(url)
        if meta is not None and {
            k: v for k, v in meta["fingerprint"].items() if k != "schema"
        } == fingerprint(n):
            say(f"reusing the {n}-case database (--keep), made {meta['when']}")
            return meta
        say("no database made by this generator and seed: generating")
    say(f"generating {n} cases into PostgreSQL …")
    load(n, url, say=lambda m: print(m, end="\r", file=sys.stderr, flush=True))
    meta = stored_meta(url)
    assert meta is not None
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.national_data", description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--pg", required=True, help="PostgreSQL URL of a database of its own")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    meta = ensure(args.cases, args.pg, keep=args.keep, say=lambda m: print(m, file=sys.stderr))
    print(json.dumps(meta, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
