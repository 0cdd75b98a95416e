"""PostgreSQL planner settings held for a few statements only (services/_plans.py): the
capped search count and the report's statements change how rows are found, never which,
and the setting is back as it was for the rest of the transaction."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases
from tillitsvalgt.services._plans import planner
from tillitsvalgt.shapes import CaseQuery

from helpers.access import Server
from helpers.data import PgServer, make_case, make_employer


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


@pytest.mark.parametrize("backend", ["postgresql"])
def test_planner_restores_every_setting_to_what_the_transaction_had(db: Database) -> None:
    """Two settings in one statement each way, back to a value set earlier in the same
    transaction (not to the server's default)."""
    with db.session(readonly=True) as s:
        conn = s.connection()
        conn.execute(sa.text("SELECT set_config('work_mem', '7MB', true)"))
        with planner(conn, work_mem="64MB", jit="off"):
            inside = (_setting(s, "work_mem"), _setting(s, "jit"))
        after = (_setting(s, "work_mem"), _setting(s, "jit"))
    assert inside == ("64MB", "off")
    assert after == ("7MB", "on")


def _settings_at_the_count(db: Database, query: CaseQuery) -> list[tuple[str, str]]:
    """(jit, enable_hashjoin) as each count statement of ``list_cases`` is sent."""
    seen: list[tuple[str, str]] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "count(" in statement and "case_search" in statement:
            raw = conn.connection.dbapi_connection
            row = raw.execute(
                "SELECT current_setting('jit'), current_setting('enable_hashjoin')"
            ).fetchone()
            seen.append((row[0], row[1]))

    sa.event.listen(db.engine, "before_cursor_execute", before)
    try:
        with db.session(readonly=True) as s:
            cases.list_cases(query, session=s, cap=3)
            # The page and what follows run as the server would plan them.
            assert (_setting(s, "jit"), _setting(s, "enable_hashjoin")) == ("on", "on")
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", before)
    return seen


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_search_count_as_the_office_is_not_compiled_and_walks_the_matches(
    db: Database,
) -> None:
    """The capped count's plan costs as much as counting every match, so PostgreSQL would
    compile it (≈ 25 ms at a million cases) for a walk that stops at the cap."""
    employer = make_employer(db)
    for k in range(5):
        make_case(db, employer, title=f"Hjemmekontor {k}")
    seen = _settings_at_the_count(db, CaseQuery(text="hjemmekontor"))
    assert seen == [("off", "off")]


def test_a_representatives_search_count_is_not_compiled_and_keeps_its_join(
    pg_server: PgServer | None,
) -> None:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    server = Server(pg_server)
    try:
        rep = server.login(server.representative("Avdeling Nord"))
        employer = make_employer(rep)
        for k in range(5):
            make_case(rep, employer, title=f"Hjemmekontor {k}")
        # The representative's count goes through the free-text table's branch index:
        # its join method is the planner's own.
        assert _settings_at_the_count(rep, CaseQuery(text="hjemmekontor")) == [("off", "on")]
    finally:
        server.close()
