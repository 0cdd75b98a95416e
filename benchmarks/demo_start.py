"""What the demo tag and the autosave add to the window's start, at 100 000 cases.

At start the window reads the demo case ids (for the «DEMO» tag; a partial index keeps this
to the few marked rows), counts what «Fjern demodata» would remove (only when there are
demo cases), and lists the autosave folder. Measured on a SQLite database of N cases (50 of
them demo) written with raw ``sqlite3`` into a migrated file; the floor of the id read is the
same SELECT in raw ``sqlite3``. Run: ``python -m benchmarks.demo_start [N]``.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from benchmarks.report import Figure, table

DEMO = 50
GOAL_MS = 5.0  # a start budget of 800 ms: what this adds must stay in the noise


def _median_ms(fn: Callable[[], object], repeat: int = 30) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(n: int = 100_000) -> list[Figure]:
    from tillitsvalgt import onboarding
    from tillitsvalgt.shapes import EmployerCreate
    from tillitsvalgt.workspace import Workspace
    from ui.autosave import AutosaveStore

    folder = Path(tempfile.mkdtemp(prefix="tillitsvalgt-demo-bench-"))
    ws = Workspace.open(data_dir=folder, clock=lambda: date(2026, 12, 6))
    try:
        employer = ws.create_employer(EmployerCreate(name="Benk AS"))
        file = folder / "tillitsvalgt.db"
        now = "2026-12-06 10:00:00.000000"
        with sqlite3.connect(file) as raw:
            raw.executemany(
                "INSERT INTO cases (uuid, number, year, seq, employer_id, case_type, title, "
                "status, created_at, updated_at, version, last_document_seq, report_include, "
                "is_demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    (uuid.uuid4().hex, f"{2000 + i // 5000}/{i % 5000 + 1}", 2000 + i // 5000,
                     i % 5000 + 1, employer.id, "office_layout", f"Sak {i}", "open", now, now,
                     1, 0, 0, 1 if i < DEMO else 0)
                    for i in range(n)
                ),
            )  # fmt: skip
            raw.execute("ANALYZE")
        raw = sqlite3.connect(file)
        store = AutosaveStore.for_data_dir(folder)
        ids = _median_ms(lambda: onboarding.demo_case_ids(ws))
        floor = _median_ms(lambda: raw.execute("SELECT id FROM cases WHERE is_demo = 1").fetchall())
        counted = _median_ms(lambda: onboarding.count_demo_data(ws))
        pending = _median_ms(store.pending)
        raw.close()
    finally:
        ws.close()
    return [
        Figure("start.demo_ids", ids, "ms", floor, f"demo ids of {n} cases", limit=GOAL_MS),
        Figure("start.demo_count", counted, "ms", None, "what Fjern demodata removes",
               limit=GOAL_MS),
        Figure("start.autosave", pending, "ms", None, "autosave folder read", limit=GOAL_MS),
    ]  # fmt: skip


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(table(measure(n)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
