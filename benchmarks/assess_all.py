"""Assessing every case in bulk (``verdicts_all``: the verdict codes the app stores on each
case, what the daily re-judging at start-up runs), against the raw-SQL query that only
finds the cases with a drøftingsmøte before the decision. The whole assessment with its
reasons, letters and evidence (``assess_all``, the command ``assess`` without a case) is
timed beside it and printed in the note.

The floor does a small part of the work (one of the many questions the rules answer), so
the ratio says what the whole judgement costs next to the cheapest useful query; the goal
is the absolute one: all cases in under 2 s."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

from benchmarks.report import Figure
from benchmarks.timing import seconds_each
from tillitsvalgt.db import Database
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.services.assessments import (
    _FOR_VERDICT,
    _all_facts,
    _fetch,
    assess_all,
    verdicts_all,
)

LIMIT_S = 2.0
TODAY = date(2026, 11, 20)  # the generator's "now"
MIN_REPEAT = 5  # a run is seconds long and the machines are noisy: never fewer rounds

FLOOR_SQL = """SELECT c.id FROM cases AS c
WHERE c.deleted_at IS NULL AND c.decision_on IS NOT NULL
  AND EXISTS (SELECT 1 FROM events AS e
              WHERE e.case_id = c.id AND e.deleted_at IS NULL
                AND e.kind IN ('consultation_meeting', 'negotiation_meeting')
                AND e.occurred_on < c.decision_on)"""


def measure_assess_all(db: Database, conn: sqlite3.Connection, *, repeat: int) -> Figure:
    catalogue = load_catalogue()

    def readonly(work: Callable[..., int]) -> Callable[[], int]:
        def run() -> int:
            with db.session(readonly=True) as session:
                return work(session)

        return run

    verdicts = readonly(
        lambda s: sum(1 for _ in verdicts_all(session=s, today=TODAY, catalogue=catalogue))
    )
    full = readonly(
        lambda s: sum(1 for _ in assess_all(session=s, today=TODAY, catalogue=catalogue))
    )
    # The parts of the bulk path: reading the rows, and making the facts from them (the
    # rules are the rest).
    rows = readonly(
        lambda s: len(_fetch(s, _FOR_VERDICT.cases_sql)) + len(_fetch(s, _FOR_VERDICT.events_sql))
    )
    facts = readonly(lambda s: sum(1 for _ in _all_facts(s, _FOR_VERDICT)))

    def floor() -> int:
        return len(conn.execute(FLOOR_SQL).fetchall())

    with db.session(readonly=True) as s:
        bulk = dict(verdicts_all(session=s, today=TODAY, catalogue=catalogue))
        whole = list(assess_all(session=s, today=TODAY, catalogue=catalogue))
    # The bulk codes must be the full assessment's, case by case, or the figure means nothing.
    assert len(bulk) == len(whole)
    for case_id, number, _, a in whole:
        v = bulk[case_id]
        assert (v.required_level, v.timing, v.missing, v.demand, v.demand_due_on) == (
            a.required_level, a.timing, a.missing, a.demand, a.demand_due_on
        ), number  # fmt: skip
    cases, in_time = len(bulk), floor()
    del bulk, whole

    rounds = max(repeat, MIN_REPEAT)
    timed = seconds_each({"verdicts": verdicts, "full": full, "floor": floor}, repeat=rounds)
    parts = seconds_each(
        {"rows": rows, "facts": facts, "verdicts": verdicts}, repeat=rounds, pick=min
    )
    return Figure(
        name="assess.all",
        value=timed["verdicts"],
        unit="s",
        floor=timed["floor"],
        what=f"assess all {cases} cases (verdict codes)",
        note=f"floor: find the {in_time} cases with a drøftingsmøte before the decision\n"
        f"{'':27}with reasons, letters and evidence (assess_all): {timed['full']:.2f} s\n"
        f"{'':27}parts of the verdict run (fastest of {rounds}): reading rows "
        f"{parts['rows']:.2f} s, facts {parts['facts'] - parts['rows']:.2f} s, rules "
        f"{parts['verdicts'] - parts['facts']:.2f} s",
        limit=LIMIT_S,
    )
