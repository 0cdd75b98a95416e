"""National scale, on SQLite and PostgreSQL: the window's list counts no further than a cap
(exact below it, «over N» past it, the same page either way), and the verdicts stored
set-based (``store_verdicts``: all cases, or many stale ones at commit) are the ones the
one-by-one path stores, on a random database."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest
import sqlalchemy as sa

from benchmarks import national
from tillitsvalgt.db import Database
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.services import assessments, cases
from tillitsvalgt.services.cases import CaseQuery, count_listed, list_cases
from tillitsvalgt.services.transfer import import_bundle

from conftest import TODAY
from helpers.data import make_case, make_employer

CATALOGUE = load_catalogue()


@pytest.fixture
def twelve(db: Database) -> Database:
    employer = make_employer(db)
    for i in range(12):
        make_case(db, employer, title=f"Sak {i} {'flytting' if i % 2 else 'kontor'}")
    return db


@pytest.mark.parametrize("text", [None, "flytting", "sak"])
@pytest.mark.parametrize("cap", [0, 5, 6, 11, 12, 13, 100])
def test_the_count_stops_at_the_cap_and_is_exact_below_it(
    twelve: Database, text: str | None, cap: int
) -> None:
    with twelve.session(readonly=True) as s:
        query = CaseQuery(text=text, limit=4, today=TODAY)
        exact = list_cases(query, session=s)
        capped = list_cases(query, session=s, cap=cap)
        assert capped.rows == exact.rows  # the same page
        if exact.total > cap:
            assert capped.capped and capped.total == cap
            assert count_listed(query, session=s, cap=cap) == cap + 1  # «more than cap»
        else:
            assert not capped.capped and capped.total == exact.total
            assert count_listed(query, session=s, cap=cap) == exact.total
        assert count_listed(query, session=s) == exact.total


def test_a_capped_count_still_chooses_the_page_plan(
    twelve: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan compares the count with MANY_HITS and FEW_TO_SORT: a count stopped at the
    cap must give the page the exact count gives, past and below both."""
    monkeypatch.setattr(cases, "MANY_HITS", 3)
    monkeypatch.setattr(cases, "FEW_TO_SORT", 8)
    with twelve.session(readonly=True) as s:
        for sort in ("updated", "deadline", "number"):
            for text in (None, "sak", "flytting"):
                for offset in (0, 4, 8):
                    query = CaseQuery(text=text, sort=sort, limit=4, offset=offset, today=TODAY)
                    exact = list_cases(query, session=s)
                    for cap in (1, 2, 5):
                        assert list_cases(query, session=s, cap=cap).rows == exact.rows


def test_a_negative_cap_is_refused(twelve: Database) -> None:
    from tillitsvalgt.errors import ValidationError

    with twelve.session(readonly=True) as s, pytest.raises(ValidationError):
        list_cases(CaseQuery(), session=s, cap=-1)


# --------------------------------------------------------------------------- verdicts


def _stored(db: Database) -> list[tuple[Any, ...]]:
    with db.session(readonly=True) as s:
        rows = s.execute(
            sa.text(
                "SELECT uuid, verdict_level, verdict_timing, verdict_missing, verdict_demand, "
                "verdict_demand_due_on, verdict_catalogue FROM cases ORDER BY uuid"
            )
        )
        return [tuple(str(v) for v in row) for row in rows]


def _random_bundle(seed: int) -> list[dict[str, Any]]:
    """Generated cases, shuffled and thinned at random: events dropped, dates moved."""
    rng = random.Random(seed)
    items = next(national.bundles(1, base=8000, size=400))
    for item in items:
        rng.shuffle(item["events"])
        item["events"] = item["events"][: rng.randint(0, len(item["events"]))]
        if rng.random() < 0.3:
            item["case"].pop("decision_on", None)
        if rng.random() < 0.2:
            item["case"].pop("employer_facts_at", None)
    return items


@pytest.mark.parametrize("seed", [1, 2])
def test_verdicts_stored_set_based_are_the_one_by_one_verdicts(
    db: Database, other_db: Database, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    bundle = _random_bundle(seed)
    # One database stores the imported cases' verdicts at commit set-based (more than
    # MANY_STALE), the other one by one (the threshold raised past the bundle).
    with db.session() as s:
        import_bundle(copy.deepcopy(bundle), session=s, today=TODAY)
    monkeypatch.setattr(assessments, "MANY_STALE", 10**9)
    with other_db.session() as s:
        import_bundle(copy.deepcopy(bundle), session=s, today=TODAY, set_based=False)
    assert _stored(db) == _stored(other_db)
    assert all(row[1] != "None" for row in _stored(db))  # every case was judged
    # And refresh_all_verdicts (set-based) over a day later stores what one by one does.
    later = TODAY.replace(year=TODAY.year + 1)
    with db.session() as s:
        stored = assessments.refresh_all_verdicts(
            session=s, today=later, catalogue=CATALOGUE, force=True
        )
        assert stored == len(bundle)
    with other_db.session() as s:
        ids = s.execute(sa.text("SELECT id FROM cases ORDER BY id")).scalars().all()
        for case_id in ids:
            assessments.refresh_verdict(case_id, session=s, today=later, catalogue=CATALOGUE)
    assert _stored(db) == _stored(other_db)
