"""the free-text index filled once per INSERT statement, not once per row

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

PostgreSQL only (SQLite's FTS5 triggers stay as 0002 made them). The bundle import writes
a run of new cases and their events with one multi-row INSERT per table
(``services/bundle_bulk.py``). With 0002's row triggers every event rebuilt its case's
tsvector again (five times for a case with four events) and each was one more GIN update:
at a million cases the two INSERTs of a 1 000-case bundle took ≈ 6.6 s, most of the
bundle. Now an INSERT on ``cases`` or ``events`` refreshes the index once for the cases it
touched, from the statement's transition table (and the import writes a run's cases and
events in one statement, so that a case is indexed once, by the trigger on events: the
one on cases skips a new case that already has events, which can only have come in the
same statement); an UPDATE or DELETE stays a row trigger
(PostgreSQL allows no transition table on a trigger with ``UPDATE OF`` columns). A
single-row INSERT (the window adding one event) does the same work as before.

The text indexed is 0009's (punctuation to spaces, at most 150 000 characters), written
by the same function per case, so the index holds exactly what it held.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PIN = "SET search_path = pg_catalog, pg_temp"  # as 0010: no planted function runs here


def _schema() -> str:
    name = str(op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one())
    return str(op.get_bind().dialect.identifier_preparer.quote(name))


def _functions(s: str) -> list[str]:
    return [
        # Each case once, by the very function the row triggers call (the same text).
        f"""CREATE FUNCTION {s}.case_search_refresh_many(cids integer[]) RETURNS void
            LANGUAGE plpgsql {PIN} AS $$
        BEGIN
            PERFORM {s}.case_search_refresh(c.id)
            FROM (SELECT DISTINCT u.id FROM unnest(cids) AS u(id)) AS c ORDER BY c.id;
        END $$""",
        f"REVOKE EXECUTE ON FUNCTION {s}.case_search_refresh_many(integer[]) FROM PUBLIC",
        f"""CREATE FUNCTION {s}.case_search_on_cases_added() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        BEGIN
            -- A case with events already was written in one statement with them (the
            -- bundle import): the trigger on events indexes it, once.
            PERFORM {s}.case_search_refresh_many(ARRAY(
                SELECT a.id FROM added a
                WHERE NOT EXISTS (SELECT 1 FROM {s}.events e WHERE e.case_id = a.id)));
            RETURN NULL;
        END $$""",
        f"""CREATE FUNCTION {s}.case_search_on_events_added() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER {PIN} AS $$
        BEGIN
            PERFORM {s}.case_search_refresh_many(ARRAY(SELECT case_id FROM added));
            RETURN NULL;
        END $$""",
    ]


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    for statement in _functions(s):
        op.execute(statement)
    op.execute("DROP TRIGGER case_search_case ON cases")
    op.execute("DROP TRIGGER case_search_event ON events")
    op.execute(
        "CREATE TRIGGER case_search_case AFTER UPDATE OF title, description ON cases "
        "FOR EACH ROW EXECUTE FUNCTION case_search_on_case()"
    )
    op.execute(
        "CREATE TRIGGER case_search_event AFTER DELETE OR UPDATE OF notes, deleted_at, case_id "
        "ON events FOR EACH ROW EXECUTE FUNCTION case_search_on_event()"
    )
    op.execute(
        "CREATE TRIGGER case_search_cases_added AFTER INSERT ON cases "
        "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
        "EXECUTE FUNCTION case_search_on_cases_added()"
    )
    op.execute(
        "CREATE TRIGGER case_search_events_added AFTER INSERT ON events "
        "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
        "EXECUTE FUNCTION case_search_on_events_added()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    s = _schema()
    op.execute("DROP TRIGGER case_search_cases_added ON cases")
    op.execute("DROP TRIGGER case_search_events_added ON events")
    op.execute("DROP TRIGGER case_search_case ON cases")
    op.execute("DROP TRIGGER case_search_event ON events")
    op.execute(  # 0002's, as 0010 left them
        "CREATE TRIGGER case_search_case AFTER INSERT OR UPDATE OF title, description ON cases "
        "FOR EACH ROW EXECUTE FUNCTION case_search_on_case()"
    )
    op.execute(
        "CREATE TRIGGER case_search_event "
        "AFTER INSERT OR DELETE OR UPDATE OF notes, deleted_at, case_id ON events "
        "FOR EACH ROW EXECUTE FUNCTION case_search_on_event()"
    )
    op.execute(f"DROP FUNCTION {s}.case_search_on_cases_added()")
    op.execute(f"DROP FUNCTION {s}.case_search_on_events_added()")
    op.execute(f"DROP FUNCTION {s}.case_search_refresh_many(integer[])")
