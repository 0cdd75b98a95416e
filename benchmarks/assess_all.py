"""Assessing every case: the pure rules over rows loaded in bulk (``assess_all``), against
the raw-SQL query that only finds the cases with a drøftingsmøte before the decision.

The floor does a small part of the work (one of the many questions the rules answer), so
the ratio says what the whole judgement costs next to the cheapest useful query; the goal
is the absolute one: all cases in under 2 s."""

from __future__ import annotations

import sqlite3
import time
from datetime import date

from benchmarks.report import Figure
from tillitsvalgt.db import Database
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.services.assessments import assess_all

LIMIT_S = 2.0
TODAY = date(2026, 11, 20)  # the generator's "now"

FLOOR_SQL = """SELECT c.id FROM cases AS c
WHERE c.deleted_at IS NULL AND c.decision_on IS NOT NULL
  AND EXISTS (SELECT 1 FROM events AS e
              WHERE e.case_id = c.id AND e.deleted_at IS NULL
                AND e.kind IN ('consultation_meeting', 'negotiation_meeting')
                AND e.occurred_on < c.decision_on)"""


def _best(run: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def measure_assess_all(db: Database, conn: sqlite3.Connection, *, repeat: int) -> Figure:
    catalogue = load_catalogue()

    def service() -> int:
        with db.session(readonly=True) as session:
            return sum(1 for _ in assess_all(session=session, today=TODAY, catalogue=catalogue))

    def floor() -> int:
        return len(conn.execute(FLOOR_SQL).fetchall())

    cases = service()
    in_time = floor()
    value = _best(service, repeat)
    floor_value = _best(floor, repeat)
    return Figure(
        name="assess.all",
        value=value,
        unit="s",
        floor=floor_value,
        what=f"assess all {cases} cases (rules over bulk rows)",
        note=f"floor: find the {in_time} cases with a drøftingsmøte before the decision",
        limit=LIMIT_S,
    )
