"""What recording the change history costs: ``update_case`` (one unit of work each) and
importing a bundle into an empty database, with the history's listeners installed and
removed, interleaved so both see the same machine noise.

    .venv/bin/python -m benchmarks.history_cost [--repeat R] [--pg URL]

``--pg`` (or TILLITSVALGT_TEST_DATABASE_URL) also measures on a PostgreSQL server, making
a throwaway database per import there.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tillitsvalgt import history
from tillitsvalgt.db import Database
from tillitsvalgt.demo import demo_bundle
from tillitsvalgt.services import cases, employers, transfer
from tillitsvalgt.shapes import CaseCreate, CaseUpdate, EmployerCreate

TODAY = date(2026, 11, 22)
SCENARIOS = Path(__file__).resolve().parents[1] / "resources" / "demo" / "scenarios.json"


@contextlib.contextmanager
def history_off() -> Iterator[None]:
    history.uninstall()
    try:
        yield
    finally:
        history.install()


def _timed(work: Callable[[], object], *, off: bool) -> float:
    with history_off() if off else contextlib.nullcontext():
        start = time.perf_counter()
        work()
        return time.perf_counter() - start


@contextlib.contextmanager
def counted(db: Database) -> Iterator[list[int]]:
    """Count the statements sent to the database: a figure the machine's noise cannot
    blur (on a server each is a round trip)."""
    count = [0]

    def on_execute(*_: Any) -> None:
        count[0] += 1

    sa.event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        yield count
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", on_execute)


def update_cost(db: Database, *, updates: int, repeat: int) -> dict[str, float]:
    """ms per ``update_case`` (each its own committed unit of work)."""
    with db.session() as s:
        employer = employers.create_employer(EmployerCreate(name="Bench AS"), session=s)
        ref = cases.create_case(
            CaseCreate(title="Benk", employer_id=employer.id, case_type="office_layout"),
            session=s,
            today=TODAY,
        ).number
    state = {"i": 0}

    def run() -> None:
        for _ in range(updates):
            state["i"] += 1
            with db.session() as s:
                version = cases.get_case(ref, session=s).version
                cases.update_case(
                    ref,
                    CaseUpdate(
                        version=version,
                        title=f"Benk {state['i']}",
                        members_affected=state["i"] % 90,
                    ),
                    session=s,
                )

    times: dict[str, list[float]] = {"on": [], "off": []}
    run()  # warm-up
    statements = {}
    for mode in ("on", "off"):
        with counted(db) as count:
            _timed(run, off=mode == "off")
        statements[f"{mode}_statements"] = count[0] / updates
    for i in range(repeat):
        for mode in ("on", "off") if i % 2 == 0 else ("off", "on"):
            times[mode].append(_timed(run, off=mode == "off") / updates * 1000)
    return {**_summary(times), **statements}


def import_cost(
    open_empty: Callable[[], tuple[Database, Callable[[], None]]],
    bundle: list[dict[str, Any]],
    *,
    repeat: int,
) -> dict[str, float]:
    """ms to import ``bundle`` into an empty database (opening it is not timed)."""
    times: dict[str, list[float]] = {"on": [], "off": []}
    statements: dict[str, float] = {}
    for i in range(repeat + 1):
        for mode in ("on", "off") if i % 2 == 0 else ("off", "on"):
            db, dispose = open_empty()

            def work(db: Database = db) -> None:
                with db.session() as s:
                    transfer.import_bundle(bundle, session=s, today=TODAY)

            with counted(db) as count:
                elapsed = _timed(work, off=mode == "off") * 1000
            statements[f"{mode}_statements"] = count[0]
            dispose()
            if i:  # the first round warms up
                times[mode].append(elapsed)
    return {**_summary(times), **statements}


def _summary(times: dict[str, list[float]]) -> dict[str, float]:
    # The median, and the minimum: noise only ever adds time, so the difference of the
    # minima is the steadier estimate of the cost on these shared machines.
    return {
        **{mode: statistics.median(t) for mode, t in times.items()},
        **{f"{mode}_min": min(t) for mode, t in times.items()},
    }


def _sqlite_opener(root: Path) -> Callable[[], tuple[Database, Callable[[], None]]]:
    def open_empty() -> tuple[Database, Callable[[], None]]:
        db = Database.open(data_dir=root / uuid.uuid4().hex)
        return db, db.dispose

    return open_empty


def _pg_opener(url: str) -> Callable[[], tuple[Database, Callable[[], None]]]:
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    template = f"bench_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{template}"')
    Database.open(
        database_url=make_url(url).set(database=template).render_as_string(False)
    ).dispose()

    def open_empty() -> tuple[Database, Callable[[], None]]:
        name = f"bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        db = Database.open(database_url=make_url(url).set(database=name).render_as_string(False))

        def dispose() -> None:
            db.dispose()
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')

        return db, dispose

    return open_empty


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--updates", type=int, default=50)
    parser.add_argument("--pg", default=os.environ.get("TILLITSVALGT_TEST_DATABASE_URL"))
    args = parser.parse_args()
    history.install()
    scenarios = json.loads(SCENARIOS.read_text("utf-8"))
    demo = demo_bundle(TODAY)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        backends: list[tuple[str, Callable[[], tuple[Database, Callable[[], None]]]]] = [
            ("sqlite", _sqlite_opener(Path(tmp)))
        ]
        if args.pg:
            backends.append(("postgresql", _pg_opener(args.pg)))
        for backend, opener in backends:
            db, dispose = opener()
            rows.append(
                (
                    backend,
                    "update_case, ms per update",
                    update_cost(db, updates=args.updates, repeat=args.repeat),
                )
            )
            dispose()
            rows.append(
                (
                    backend,
                    f"import scenarios ({len(scenarios)} cases), ms",
                    import_cost(opener, scenarios, repeat=args.repeat),
                )
            )
            rows.append(
                (
                    backend,
                    f"import demo bundle ({len(demo)} cases), ms",
                    import_cost(opener, demo, repeat=args.repeat),
                )
            )
    print(
        "| backend | work | without history (median / min) | with history | cost (min) "
        "| statements without / with |"
    )
    print("|---|---|---|---|---|---|")
    for backend, work, t in rows:
        extra = t["on_min"] - t["off_min"]
        print(
            f"| {backend} | {work} | {t['off']:.2f} / {t['off_min']:.2f} | "
            f"{t['on']:.2f} / {t['on_min']:.2f} | "
            f"{extra:+.2f} ({extra / t['off_min'] * 100:+.0f} %) | "
            f"{t['off_statements']:g} / {t['on_statements']:g} |"
        )


if __name__ == "__main__":
    main()
