"""SQLite: the count that chooses a search's page plan, when the search has other filters
too, is driven by the free-text index (``_word_hits_count_statement``). It must count what
the filtered count counts (the same whole-word hits, filters and cap), and read the index
first."""

from __future__ import annotations

import itertools

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases
from tillitsvalgt.shapes import CaseQuery

from conftest import make_case, make_employer

WORDS = ("hjemmekontor", "landskap", "kantine", "ingenting")


@pytest.fixture
def many(sqlite_db: Database) -> Database:
    first, second = make_employer(sqlite_db), make_employer(sqlite_db, name="Andre AS", orgnr=None)
    types = ("office_layout", "home_office_policy", "other")
    for n in range(36):
        words = [w for k, w in enumerate(WORDS[:3]) if n % (k + 2) == 0] or ["annet"]
        number = make_case(
            sqlite_db,
            first if n % 3 else second,
            title=f"Sak {n}: " + " ".join(words),
            case_type=types[n % 3],
        )
        if n % 4 == 0:
            with sqlite_db.session() as s:
                cases.close_case(number, outcome="agreement", version=1, session=s)
    return sqlite_db


def _counts(db: Database, query: CaseQuery, cap: int) -> tuple[int, int, list[str]]:
    with db.session(readonly=True) as s:
        conn, shape, params, _ = cases._prepared(query, s)
        words = {**params, "match": params["words"], "cap": cap}
        ours = cases._word_hits_count_statement(shape)
        theirs = cases._capped_count_statement(shape)
        compiled = ours.compile(dialect=conn.dialect)
        values = compiled.construct_params(words)
        args = tuple(values[name] for name in compiled.positiontup or ())
        plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), args)]
        return (
            int(conn.execute(ours, words).scalar_one()),
            int(conn.execute(theirs, words).scalar_one()),
            plan,
        )


def test_the_index_driven_count_counts_what_the_filtered_count_counts(many: Database) -> None:
    checked = 0
    for word, status, case_type, cap in itertools.product(
        WORDS, ["open", "closed", None], ["other", None], [1, 5, 100]
    ):
        if status is None and case_type is None:
            continue  # a search without other filters is counted in the index alone
        query = CaseQuery(text=word, status=status, case_type=case_type)
        ours, theirs, plan = _counts(many, query, cap)
        assert ours == theirs, (word, status, case_type, cap)
        assert plan[1].startswith("SCAN case_search VIRTUAL TABLE"), plan  # the index first
        assert "rowid=?" in plan[2], plan  # then each case by its id
        checked += ours > 0
    assert checked > 20  # most combinations find something to count


def test_a_search_with_a_filter_lists_the_same_page_either_way(many: Database) -> None:
    with many.session(readonly=True) as s:
        for word, status in itertools.product(WORDS, ["open", "closed"]):
            query = CaseQuery(text=word, status=status, limit=5)
            counted = cases.list_cases(query, session=s)
            first = cases.list_cases(query, session=s, count=False)
            assert [r.id for r in first.rows] == [r.id for r in counted.rows]
