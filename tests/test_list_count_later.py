"""The case list's page without its exact count (``count=False``, what a search keystroke
shows first) is the very page the counted list gives, on SQLite and PostgreSQL, whatever
plan the capped count chooses (many hits, few to sort); ``count_listed`` then gives the
exact count; a short page knows its count without counting."""

from __future__ import annotations

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases
from tillitsvalgt.services.cases import CaseQuery, count_listed, list_cases

from helpers.data import TODAY, make_case, make_employer


@pytest.fixture
def filled(db: Database) -> Database:
    employer = make_employer(db)
    for i in range(9):
        make_case(db, employer, title=f"Sak {i} {'flytting' if i % 3 else 'kontor'}")
    return db


@pytest.mark.parametrize("sort", ["updated", "deadline", "timing", "number"])
@pytest.mark.parametrize("thresholds", [(1000, 20_000), (2, 2)])
def test_the_uncounted_page_is_the_counted_page(
    filled: Database, monkeypatch: pytest.MonkeyPatch, sort: str, thresholds: tuple[int, int]
) -> None:
    # Low thresholds make the capped count cross them: the plan must still be the same.
    monkeypatch.setattr(cases, "MANY_HITS", thresholds[0])
    monkeypatch.setattr(cases, "FEW_TO_SORT", thresholds[1])
    with filled.session(readonly=True) as s:
        for text in (None, "flytting", "kontor", "sak", "ingenting"):
            for limit, offset in ((4, 0), (4, 4), (4, 8), (20, 0), (4, 40)):
                query = CaseQuery(text=text, sort=sort, limit=limit, offset=offset, today=TODAY)
                counted = list_cases(query, session=s)
                page = list_cases(query, session=s, count=False)
                assert page.rows == counted.rows, (text, limit, offset)
                exact = count_listed(query, session=s)
                assert exact == counted.total
                if page.counted:
                    assert page.total == exact
                else:  # a full page (or past the end): a lower bound, never more
                    assert page.total <= exact
                    assert len(page.rows) == limit or (not page.rows and offset > 0)
    assert exact == 0  # the last word is in no case: the loop really ran to the end


def test_a_full_page_leaves_the_count_open_and_a_short_one_closes_it(filled: Database) -> None:
    with filled.session(readonly=True) as s:
        full = list_cases(CaseQuery(text="flytting", limit=3), session=s, count=False)
        short = list_cases(CaseQuery(text="flytting", limit=10), session=s, count=False)
        past = list_cases(CaseQuery(text="flytting", limit=3, offset=30), session=s, count=False)
    assert (len(full.rows), full.counted, full.total) == (3, False, 3)
    assert (len(short.rows), short.counted, short.total) == (6, True, 6)
    assert (past.rows, past.counted, past.total) == ([], False, 0)


def test_bad_filters_are_refused_by_the_count_too(filled: Database) -> None:
    from tillitsvalgt.errors import UserError

    with filled.session(readonly=True) as s, pytest.raises(UserError):
        count_listed(CaseQuery(sort="nonsense"), session=s)


def test_a_search_decides_its_plan_on_whole_words_first(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite: the capped count runs on the whole words first (FTS5 stops at the cap); the
    prefix count (which merges every word that begins so) only when they fall short, and
    the plan is then the prefix count's."""
    import sqlalchemy as sa

    db = sqlite_db  # the whole-word count is SQLite's (FTS5)

    employer = make_employer(db)
    for title in ("Hjemmekontor", "Hjemmekontor", "Hjemmekontoret", "Hjemmekontoret", "Annet"):
        make_case(db, employer, title=title)
    monkeypatch.setattr(cases, "MANY_HITS", 2)
    sent: list[tuple[str, object]] = []

    def seen(_conn: object, _cursor: object, sql: str, params: object, *_: object) -> None:
        sent.append((sql, params))

    sa.event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.session(readonly=True) as s:
            # «hjemmekontoret»: 2 whole-word hits, not past 2: its prefix count decides (2).
            few = list_cases(CaseQuery(text="hjemmekontoret", limit=1), session=s, count=False)
            counts = [p for q, p in sent if "LIMIT" in q and "count(" in q.lower()]
            assert len(counts) == 2 and '"hjemmekontoret"*' in str(counts[1])
            assert "cases.id + ? IN" not in sent[-1][0]  # few hits: driven from the hits
            sent.clear()
            # «hjemmekontor»: 2 whole-word hits, but 4 with «hjemmekontoret»: many hits,
            # found only by the prefix count.
            many = list_cases(CaseQuery(text="hjemmekontor", limit=1), session=s, count=False)
            counts = [p for q, p in sent if "LIMIT" in q and "count(" in q.lower()]
            assert len(counts) == 2
            assert "cases.id + ? IN" in sent[-1][0]  # many hits: the sort index is walked
            sent.clear()
            monkeypatch.setattr(cases, "MANY_HITS", 1)
            # Now the whole words alone pass the cap: no prefix count at all.
            again = list_cases(CaseQuery(text="hjemmekontor", limit=1), session=s, count=False)
            counts = [p for q, p in sent if "LIMIT" in q and "count(" in q.lower()]
            assert len(counts) == 1 and '"hjemmekontor"*' not in str(counts[0])
            assert "cases.id + ? IN" in sent[-1][0]
            counted = list_cases(CaseQuery(text="hjemmekontor", limit=1), session=s)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", seen)
    assert counted.total == 4 and many.rows == again.rows == counted.rows
    assert few.rows and few.rows[0].title == "Hjemmekontoret"
