"""The floor for generation: the same rows written with stdlib ``sqlite3`` instead of
SQLAlchemy, into a fresh database made by the same migrations.

The rows come from the same ``DataSet`` (same seed), are converted to what SQLAlchemy would
store (UUID as 32 hex digits, timestamps as ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC, dates in
ISO form, booleans as 0/1), and go in with one ``executemany`` per table and batch in one
transaction per batch, on a connection set up like the app's (WAL, synchronous=NORMAL,
foreign keys on). ``check_same_rows`` proves the two databases hold the same data.

``--without-triggers`` measures the alternative for bulk loads: drop the FTS triggers, load,
fill ``case_search`` with the migration's own backfill statement, and put the triggers back.

    .venv/bin/python -m benchmarks.load_floor --n 100000 --out benchmarks/out/floor
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from benchmarks.generate import BATCH_SIZE, DEFAULT_SEED, DataSet, Generated, Stopwatch
from tillitsvalgt.db import Database
from tillitsvalgt.paths import DATABASE_FILENAME

# The statement migration 0002 uses to index existing cases.
BACKFILL = """INSERT INTO case_search(rowid, title, description, notes)
    SELECT id, title, coalesce(description, ''),
           (SELECT coalesce(group_concat(notes, ' '), '') FROM events
            WHERE case_id = cases.id AND deleted_at IS NULL)
    FROM cases"""


def _value(v: Any) -> Any:
    """A Python value as SQLAlchemy's SQLite types store it."""
    if isinstance(v, uuid.UUID):
        return v.hex
    if isinstance(v, datetime):
        return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    return v


def _insert(conn: sqlite3.Connection, table: str, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    conn.executemany(sql, ([_value(r[c]) for c in columns] for r in rows))


def _connect(file: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(file, isolation_level=None)  # explicit BEGIN/COMMIT below
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _batch_transaction(conn: sqlite3.Connection, work: Iterable[tuple[str, Any]]) -> None:
    conn.execute("BEGIN IMMEDIATE")  # as the app's write sessions do
    try:
        for table, rows in work:
            _insert(conn, table, rows)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def raw_load(
    n: int,
    data_dir: Path,
    *,
    seed: int = DEFAULT_SEED,
    batch_size: int = BATCH_SIZE,
    triggers: bool = True,
) -> Generated:
    """Write the ``DataSet`` for ``n`` cases into ``data_dir`` with stdlib sqlite3."""
    file = data_dir / DATABASE_FILENAME
    if file.exists():
        raise FileExistsError(f"{file} exists; load into an empty directory")
    result = Generated(file=file)
    watch = Stopwatch(result)
    with watch("migrate"):
        Database.open(data_dir=data_dir).dispose()  # the schema from the real migrations
    conn = _connect(file)
    try:
        saved_triggers: list[str] = []
        if not triggers:
            saved_triggers = [
                sql
                for (sql,) in conn.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND name LIKE 'case_search_%'"
                )
            ]
            conn.execute("BEGIN IMMEDIATE")
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'case_search_%'"
            ).fetchall():
                conn.execute(f"DROP TRIGGER {name}")
            conn.execute("COMMIT")
        with watch("build"):
            data = DataSet(n, seed)
        with watch("insert employers"):
            _batch_transaction(
                conn,
                [("employers", data.employers), ("representatives", data.representatives)],
            )
        result.employers = len(data.employers)
        batches = data.batches(batch_size)
        while True:
            with watch("build"):
                batch = next(batches, None)
            if batch is None:
                break
            conn.execute("BEGIN IMMEDIATE")
            with watch("insert cases"):
                _insert(conn, "case_groups", batch.groups)
                _insert(conn, "cases", batch.cases)
            with watch("insert events"):
                _insert(conn, "events", batch.events)
            with watch("insert deadlines"):
                _insert(conn, "deadlines", batch.deadlines)
            with watch("insert office rows"):
                _insert(conn, "escalations", batch.escalations)
                _insert(conn, "checklist_answers", batch.checklist_answers)
            with watch("commit"):
                conn.execute("COMMIT")
            result.count(batch)
        with watch("insert cases"):
            _batch_transaction(conn, [("case_counters", data.counters())])
        if not triggers:
            with watch("backfill search"):
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(BACKFILL)
                for sql in saved_triggers:
                    conn.execute(sql)
                conn.execute("COMMIT")
    finally:
        with watch("close"):
            conn.close()
    return result


def check_same_rows(a: Path, b: Path, *, sample: int = 200) -> None:
    """Raise if the two databases differ in row counts or in a sample of rows (spread
    over the whole id range) of every table the generator fills."""
    conn = sqlite3.connect(a)
    try:
        conn.execute("ATTACH DATABASE ? AS other", (str(b),))
        for table in (
            "employers", "representatives", "case_groups", "cases", "events", "deadlines",
            "escalations", "checklist_answers",
        ):  # fmt: skip
            count = conn.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0]
            other = conn.execute(f"SELECT count(*) FROM other.{table}").fetchone()[0]
            if count != other:
                raise AssertionError(f"{table}: {count} rows vs {other}")
            step = max(1, count // sample)
            differ = conn.execute(
                f"SELECT count(*) FROM (SELECT * FROM main.{table} WHERE id % ? = 0 "
                f"EXCEPT SELECT * FROM other.{table} WHERE id % ? = 0)",
                (step, step),
            ).fetchone()[0]
            if differ:
                raise AssertionError(f"{table}: {differ} sampled rows differ")
        for query in ("landskap", "hjemmekontor"):
            sql = "SELECT count(*) FROM {db}.case_search WHERE case_search MATCH ?"
            mine = conn.execute(sql.format(db="main"), (f'"{query}"*',)).fetchone()[0]
            theirs = conn.execute(sql.format(db="other"), (f'"{query}"*',)).fetchone()[0]
            if mine != theirs:
                raise AssertionError(f"search index: «{query}» {mine} vs {theirs}")
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_floor", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="number of cases")
    parser.add_argument("--out", type=Path, required=True, help="an empty data directory")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--without-triggers",
        action="store_true",
        help="drop the FTS triggers while loading, then backfill case_search",
    )
    args = parser.parse_args(argv)
    result = raw_load(args.n, args.out, seed=args.seed, triggers=not args.without_triggers)
    print(
        f"{result.cases} cases, {result.events} events, {result.deadlines} deadlines in "
        f"{result.total_seconds:.1f} s → {result.file}"
    )
    for part, seconds in result.seconds.items():
        print(f"  {part:<18} {seconds:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
