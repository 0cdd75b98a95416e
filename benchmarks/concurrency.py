"""Many users, one database: optimistic locking and case numbers under load.

* ``concurrency.updates`` — P processes read-change-save the same few cases, events and
  employers, each save with the version it read (``benchmarks/contention.py``). Reported:
  the attempts, the saves, the conflicts reported to the user, and the lost updates (saves
  reported as done whose change is missing afterwards; must be 0), with the saves per second.
* ``concurrency.creates`` — the same P processes create cases at the same moment, in two
  years, rolling back every k-th creation after its number was taken. Reported: the cases
  created, the duplicate numbers and the gaps (both must be 0: the counter row is taken in
  the creating transaction, so a rolled-back creation gives its number back).

Run: ``python -m benchmarks.concurrency`` on PostgreSQL (``--database-url`` or
``TILLITSVALGT_TEST_DATABASE_URL``, a server where it may create and drop a database of its
own) and/or ``--sqlite`` (a throwaway file). ``--json`` prints the figures as one object per
backend.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from benchmarks.contention import (
    Attempt,
    Creation,
    check_numbers,
    check_updates,
    create_worker,
    run_workers,
    seed_targets,
    span,
    update_worker,
)
from tillitsvalgt.db import Database, normalise_url, safe_url
from tillitsvalgt.services.employers import create_employer
from tillitsvalgt.shapes import EmployerCreate

PG_ENV = "TILLITSVALGT_TEST_DATABASE_URL"
YEARS = (2026, 2027)


@contextlib.contextmanager
def pg_database(server_url: str) -> Iterator[str]:
    """A fresh database of our own on the server, dropped afterwards."""
    url = make_url(normalise_url(server_url))
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"tv_load_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
        try:
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@contextlib.contextmanager
def sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-load-") as tmp:
        yield f"sqlite:///{Path(tmp) / 'tillitsvalgt.db'}"


def update_load(
    db: Database, url: str, *, processes: int, attempts: int, targets_n: int, seed: int = 1
) -> dict[str, Any]:
    """``attempts`` per process over ``targets_n`` cases, as many events, employers and
    case timelines."""
    targets = seed_targets(db, cases_n=targets_n, events_n=targets_n, employers_n=targets_n)
    reports = run_workers(
        update_worker, [(url, w, targets, attempts, seed) for w in range(processes)]
    )
    made: list[Attempt] = [a for r in reports for a in r.items]
    check = check_updates(db, targets, made)
    seconds = span(reports)
    return {
        "processes": processes,
        "targets": len(targets),
        "update_attempts": check.attempts,
        "updates_saved": check.saved,
        "conflicts_reported": check.conflicts,
        "refused": check.refused,
        "errors": dict(check.errors),
        "unexplained": check.unexplained,
        "lost_updates": check.lost,
        "phantom_writes": check.phantom,
        "bad_versions": check.bad_versions,
        "misordered": check.misordered,
        "bad_history": check.bad_history,
        "problems": check.problems,
        "updates_ok": check.ok,
        "update_seconds": round(seconds, 3),
        "updates_per_second": round(check.saved / seconds, 1) if seconds else None,
        "attempts_per_second": round(check.attempts / seconds, 1) if seconds else None,
    }


def create_load(
    db: Database, url: str, *, processes: int, creates: int, rollback_every: int
) -> dict[str, Any]:
    """``creates`` cases per process, alternating between two years."""
    with db.session() as s:
        employer = create_employer(EmployerCreate(name="Samtidig AS"), session=s).id
    reports = run_workers(
        create_worker,
        [(url, w, employer, creates, YEARS, rollback_every) for w in range(processes)],
    )
    made: list[Creation] = [c for r in reports for c in r.items]
    check = check_numbers(db, made)
    seconds = span(reports)
    return {
        "cases_created_at_once": check.created,
        "creations_rolled_back": check.rolled_back,
        "creations_refused": check.refused,
        "creation_refusals": dict(check.refusals),
        "creation_errors": dict(check.errors),
        "duplicate_numbers": check.duplicates,
        "number_gaps": check.gaps,
        "cases_missing": check.missing,
        "rolled_back_present": check.undead,
        "counter_off": check.counter_off,
        "cases_per_year": {str(y): n for y, n in sorted(check.per_year.items())},
        "numbers_ok": check.ok,
        "create_seconds": round(seconds, 3),
        "cases_per_second": round(check.created / seconds, 1) if seconds else None,
    }


def concurrency_figures(
    url: str,
    *,
    processes: int = 4,
    attempts: int = 100,
    targets_n: int = 2,
    creates: int = 100,
    rollback_every: int = 10,
) -> dict[str, Any]:
    """Both loads on the (empty) database at ``url``: the figures as one dict."""
    db = Database.open(database_url=url)
    try:
        figures: dict[str, Any] = {"backend": db.engine.dialect.name}
        figures |= update_load(db, url, processes=processes, attempts=attempts, targets_n=targets_n)
        figures |= create_load(
            db, url, processes=processes, creates=creates, rollback_every=rollback_every
        )
    finally:
        db.dispose()
    return figures


def measure(
    *, database_url: str | None = None, sqlite: bool = False, **sizes: int
) -> list[dict[str, Any]]:
    """The figures on a database of our own on the PostgreSQL server at ``database_url``
    (created and dropped) and/or on a throwaway SQLite file; ``sizes`` as for
    ``concurrency_figures``."""
    places: list[tuple[str, contextlib.AbstractContextManager[str]]] = []
    if database_url:
        places.append((f"PostgreSQL {safe_url(database_url)}", pg_database(database_url)))
    if sqlite:
        places.append(("a SQLite file", sqlite_database()))
    results = []
    for where, place in places:
        print(f"concurrency: running on {where} …", file=sys.stderr, flush=True)
        with place as url:
            results.append({"where": where, **concurrency_figures(url, **sizes)})
    return results


def render(figures: dict[str, Any]) -> str:
    f = figures
    rows = [
        ("processes", f["processes"], ""),
        ("targets", f["targets"], "as many cases, events, employers, case timelines"),
        ("update attempts", f["update_attempts"], "read, change, save with the version read"),
        ("updates saved", f["updates_saved"], ""),
        ("conflicts reported", f["conflicts_reported"], "ConflictError: reload and redo"),
        ("other outcomes", f["unexplained"], f"goal 0 {f['errors'] or ''}".rstrip()),
        ("lost updates", f["lost_updates"], "goal 0"),
        ("phantom writes", f["phantom_writes"], "goal 0"),
        (
            "versions/order/history",
            "ok" if not f["problems"] else "WRONG",
            "; ".join(f["problems"])[:200],
        ),
        ("update time", f"{f['update_seconds']:.2f} s", ""),
        ("updates per second", f["updates_per_second"], f"{f['attempts_per_second']} attempts/s"),
        ("cases created at once", f["cases_created_at_once"], f"per year {f['cases_per_year']}"),
        ("rolled back", f["creations_rolled_back"], "their numbers given back"),
        ("refused", f["creations_refused"], f"{f['creation_refusals'] or ''}"),
        ("duplicate numbers", f["duplicate_numbers"], "goal 0"),
        ("gaps in numbers", f["number_gaps"], "goal 0"),
        ("numbers check", "ok" if f["numbers_ok"] else "WRONG", ""),
        ("create time", f"{f['create_seconds']:.2f} s", f"{f['cases_per_second']} cases/s"),
    ]
    lines = [f"{name:<24}{value!s:>10}  {what}".rstrip() for name, value, what in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.concurrency", description=__doc__)
    parser.add_argument("--database-url", help=f"PostgreSQL server (default ${PG_ENV})")
    parser.add_argument("--sqlite", action="store_true", help="also run on a SQLite file")
    parser.add_argument("--no-postgresql", action="store_true", help="only SQLite")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--attempts", type=int, default=100, help="updates per process")
    parser.add_argument(
        "--targets", type=int, default=2, help="cases (and as many events, employers, timelines)"
    )
    parser.add_argument("--creates", type=int, default=100, help="cases per process")
    parser.add_argument("--rollback-every", type=int, default=10, help="0: never")
    parser.add_argument("--json", action="store_true", help="one JSON object per backend")
    args = parser.parse_args(argv)
    if args.processes < 1 or args.attempts < 1 or args.targets < 1 or args.creates < 1:
        parser.error("--processes, --attempts, --targets and --creates must be at least 1")
    server = None if args.no_postgresql else args.database_url or os.environ.get(PG_ENV)
    if server is None and not (args.sqlite or args.no_postgresql):
        parser.error(f"a PostgreSQL server is needed: --database-url or ${PG_ENV} (or --sqlite)")
    sizes = {
        "processes": args.processes,
        "attempts": args.attempts,
        "targets_n": args.targets,
        "creates": args.creates,
        "rollback_every": args.rollback_every,
    }
    good = True
    for figures in measure(database_url=server, sqlite=args.sqlite or args.no_postgresql, **sizes):
        good = good and figures["updates_ok"] and figures["numbers_ok"]
        if args.json:
            print(json.dumps(figures, ensure_ascii=False))
        else:
            print(f"\nConcurrency on {figures['where']}\n{render(figures)}")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
