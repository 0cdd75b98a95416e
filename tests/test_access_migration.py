"""Migration 0008 (row-level security): upgrades and downgrades cleanly on PostgreSQL, works
whether the group roles exist yet or not, covers every table, and does nothing on SQLite."""

from __future__ import annotations

import importlib.util
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import sqlalchemy as sa

from tillitsvalgt import paths
from tillitsvalgt.db import SCHEMA_HEAD, Database

from conftest import PgServer, make_case, make_employer
from helpers.migrations import alembic, schema_differences

SNAPSHOT_COLUMNS = {"employer_employees", "employer_agreement", "employer_sector",
                    "employer_facts_at"}  # fmt: skip
LATER_COLUMNS = {
    "building_permit",
    "confederation",
    "cell_key",
    "lapsed_on",
    "letter_form",
}  # 0011–0015
RULED = {
    "cases",
    "events",
    "event_revisions",
    "documents",
    "deadlines",
    "deadline_extensions",
    "checklist_answers",
    "case_search",
    "tillitsvalgt_access",
    "tillitsvalgt_case_shares",
}
# case_groups (0014): a decision may touch several branches; it holds a name and two dates.
# What migrations after 0008 add (0014: escalation, group cases, letters' catalogue version;
# 0016: the demo flag and its index).
LATER = ("escalations", "case_groups", "group_id", "catalogue_version", "is_demo", "ix_cases_demo")
SHARED = {"employers", "representatives", "case_counters", "case_groups", "alembic_version"}


def migration() -> ModuleType:
    file = paths.migrations_dir() / "versions" / "0008_row_level_security.py"
    spec = importlib.util.spec_from_file_location("migration_0008", file)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def pg_db(pg_server: PgServer | None) -> Iterator[Database]:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured (TILLITSVALGT_TEST_DATABASE_URL unset)")
    url = pg_server.migrated()
    db = Database.open(database_url=url)
    yield db
    db.dispose()
    pg_server.drop(url)


def rows(db: Database, sql: str) -> set[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(sa.text(sql))}


def ruled_tables(db: Database) -> set[str]:
    return {
        str(r[0])
        for r in rows(
            db,
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND relrowsecurity "
            "AND relforcerowsecurity AND relnamespace = current_schema()::regnamespace",
        )
    }


def test_every_table_is_either_under_the_policies_or_shared_on_purpose(pg_db: Database) -> None:
    tables = {
        str(r[0])
        for r in rows(pg_db, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    }
    ruled = ruled_tables(pg_db)
    # A new table must be put under a policy or named as shared here, on purpose.
    assert tables - ruled == SHARED, tables - ruled
    assert ruled >= RULED
    policies = {str(r[0]) for r in rows(pg_db, "SELECT tablename FROM pg_policies")}
    assert policies == ruled


def test_downgrade_removes_the_access_control_and_upgrade_brings_it_back(
    pg_db: Database,
) -> None:
    employer = make_employer(pg_db)
    with pg_db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO representatives (uuid, name, branch, created_at) "
                "VALUES (gen_random_uuid(), 'Kari', 'Nord', now())"
            )
        )
        rep_id = conn.execute(sa.text("SELECT max(id) FROM representatives")).scalar_one()
    number = make_case(pg_db, employer, representative_id=rep_id)

    alembic(pg_db, "downgrade", "0007")
    assert pg_db.current_revision() == "0007"
    assert ruled_tables(pg_db) == set()
    assert rows(pg_db, "SELECT 1 FROM pg_policies") == set()
    assert rows(pg_db, "SELECT 1 FROM pg_proc WHERE proname LIKE 'tillitsvalgt\\_%'") == set()
    assert (
        rows(pg_db, "SELECT 1 FROM pg_proc WHERE proname LIKE 'case_search%' AND prosecdef")
        == set()
    )
    assert (
        rows(
            pg_db,
            "SELECT 1 FROM information_schema.role_table_grants "
            "WHERE grantee IN ('tillitsvalgt_representative', 'tillitsvalgt_office')",
        )
        == set()
    )
    # Only what later migrations add, which the models already describe, is missing: 0010's
    # employer facts, 0011's and 0013's columns, and 0014's tables and columns.
    rest = [d for d in schema_differences(pg_db) if not any(n in repr(d) for n in LATER)]
    assert {d[3].name for d in rest} == SNAPSHOT_COLUMNS | LATER_COLUMNS
    with pg_db.engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("cases")}
        assert "branch" not in columns
        assert not {"tillitsvalgt_access", "tillitsvalgt_case_shares"} & set(
            sa.inspect(conn).get_table_names()
        )
    # The free-text index still works as before 0008 (its triggers back to invoker rights);
    # through SQL, as the models now hold 0010's columns.
    with pg_db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO cases (uuid, number, year, seq, title, employer_id, case_type, "
                "status, last_document_seq, version, created_at, updated_at, report_include) "
                "VALUES (gen_random_uuid(), '1999/1', 1999, 1, 'Etter nedgradering', :e, "
                "'office_layout', 'open', 0, 1, now(), now(), false)"
            ),
            {"e": employer},
        )
        found = "SELECT count(*) FROM case_search WHERE document @@ 'nedgradering'::tsquery"
        assert conn.execute(sa.text(found)).scalar_one() == 1

    pg_db.migrate()
    assert pg_db.current_revision() == SCHEMA_HEAD
    assert ruled_tables(pg_db) >= RULED
    assert schema_differences(pg_db) == []
    # The case made before the upgrade got its representative's branch.
    assert rows(pg_db, f"SELECT branch FROM cases WHERE number = '{number}'") == {("Nord",)}


def test_the_group_roles_are_made_when_missing_and_left_alone_when_there(
    pg_server: PgServer | None,
) -> None:
    # The real group roles are server-wide and other databases use them, so the statement
    # that makes them is tried on a name of its own.
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured")
    name = f"tv_group_{uuid.uuid4().hex[:10]}"
    statement = migration()._ensure_group(name)
    try:
        with pg_server.admin.connect() as conn:
            conn.exec_driver_sql(statement)  # missing: made
            conn.exec_driver_sql(statement)  # there: nothing happens
            found = conn.execute(
                sa.text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": name}
            ).all()
        assert found == [(False,)]
    finally:
        with pg_server.admin.connect() as conn:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")


def test_a_migrating_user_who_may_not_make_the_group_roles_is_told_what_to_do(
    pg_server: PgServer | None,
) -> None:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured")
    name = f"tv_group_{uuid.uuid4().hex[:10]}"
    user = f"tv_plain_{uuid.uuid4().hex[:10]}"
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {user} LOGIN")
    url = pg_server.url.set(username=user)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn, pytest.raises(sa.exc.DBAPIError) as caught:
            conn.exec_driver_sql(migration()._ensure_group(name))
        assert getattr(caught.value.orig, "sqlstate", None) == "TV403"
        assert f"CREATE ROLE {name} NOLOGIN" in str(caught.value.orig)
    finally:
        engine.dispose()
        with pg_server.admin.connect() as conn:
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {user}")


def test_the_migration_does_nothing_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'tillitsvalgt.db'}"
    db = Database.open(database_url=url, migrate=False)
    try:
        alembic(db, "upgrade", "0007")
        file = db.location.file
        assert file is not None

        def schema() -> list[tuple[str, str, str]]:
            with sqlite3.connect(file) as conn:
                return conn.execute(
                    "SELECT type, name, coalesce(sql, '') FROM sqlite_master ORDER BY name"
                ).fetchall()

        before = schema()
        alembic(db, "upgrade", "0008")
        assert schema() == before
        alembic(db, "downgrade", "0007")
        assert schema() == before
    finally:
        db.dispose()


def test_upgrading_to_0010_forgets_the_statistics_of_free_text_and_gives_profiles_owners(
    pg_db: Database,
) -> None:
    alembic(pg_db, "downgrade", "0009")
    employer = make_employer_sql(pg_db)
    with pg_db.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO cases (uuid, number, year, seq, title, employer_id, case_type, "
                "status, last_document_seq, version, created_at, updated_at, report_include) "
                "SELECT gen_random_uuid(), '1999/' || i, 1999, i, 'Hemmelig', :e, "
                "'office_layout', 'open', 0, 1, now(), now(), false "
                "FROM generate_series(1, 50) AS i"
            ),
            {"e": employer},
        )
        conn.execute(
            sa.text(
                "INSERT INTO representatives (uuid, name, created_at) "
                "VALUES (gen_random_uuid(), 'Kari', now())"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO change_history (changed_at, entity, entity_id, action, "
                "representative_id) SELECT now(), 'case', 1, 'changed', max(id) "
                "FROM representatives"
            )
        )
        conn.exec_driver_sql("ANALYZE cases")
    title_stats = "SELECT 1 FROM pg_stats WHERE tablename = 'cases' AND attname = 'title'"
    assert rows(pg_db, title_stats) == {(1,)}
    pg_db.migrate()
    assert rows(pg_db, title_stats) == set()
    with pg_db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE cases")
    assert rows(pg_db, title_stats) == set()  # and none are gathered again
    # The profile goes to the one role that wrote history under it.
    assert rows(pg_db, "SELECT db_role FROM representatives") == {("postgres",)}
    # The employer facts of the existing cases are the register's at the upgrade.
    assert rows(pg_db, "SELECT DISTINCT employer_employees FROM cases") == {(180,)}


def make_employer_sql(db: Database) -> int:
    with db.engine.begin() as conn:
        return int(
            conn.execute(
                sa.text(
                    "INSERT INTO employers (uuid, name, agreement, employees, version, "
                    "created_at, updated_at) VALUES (gen_random_uuid(), 'Nordkyst', "
                    "'finans-finansforbundet', 180, 1, now(), now()) RETURNING id"
                )
            ).scalar_one()
        )
