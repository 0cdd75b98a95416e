"""PostgreSQL planner settings held for a few statements only (services/_plans.py): the
capped search count and the report's statements change how rows are found, never which,
and the setting is back as it was for the rest of the transaction."""

from __future__ import annotations

import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases
from tillitsvalgt.services._plans import planner
from tillitsvalgt.shapes import CaseQuery

from conftest import make_case, make_employer


def _setting(s: object, name: str) -> str | None:
    conn = s.connection()  # type: ignore[attr-defined]
    if conn.dialect.name != "postgresql":
        return None
    return str(conn.execute(sa.text("SELECT current_setting(:n)"), {"n": name}).scalar_one())


def test_a_capped_search_counts_the_same_and_leaves_the_planner_as_it_was(db: Database) -> None:
    employer = make_employer(db)
    for k in range(7):
        make_case(db, employer, title=f"Hjemmekontor for avdeling {k}")
    make_case(db, employer, title="Cellekontor blir landskap")
    with db.session(readonly=True) as s:
        before = _setting(s, "enable_hashjoin")
        exact = cases.count_listed(CaseQuery(text="hjemmekontor"), session=s)
        capped = cases.count_listed(CaseQuery(text="hjemmekontor"), session=s, cap=3)
        page = cases.list_cases(CaseQuery(text="hjemmekontor", limit=5), session=s, cap=3)
        assert _setting(s, "enable_hashjoin") == before  # back for the page and the rest
    assert exact == 7 and capped == 4  # counted one past the cap
    assert page.capped and page.total == 3 and len(page.rows) == 5


def test_planner_sets_and_restores_inside_one_transaction(db: Database) -> None:
    with db.session(readonly=True) as s:
        conn = s.connection()
        before = _setting(s, "enable_nestloop")
        with planner(conn, enable_nestloop="off"):
            inside = _setting(s, "enable_nestloop")
        after = _setting(s, "enable_nestloop")
    if db.location.file is None:
        assert (before, inside, after) == ("on", "off", "on")
    else:
        assert (before, inside, after) == (None, None, None)  # SQLite: nothing to set
