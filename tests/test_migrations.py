"""The schema is made only by the migrations, and they agree with the models: on an empty
database, after a downgrade and upgrade, and on a database of the first version that holds
data (which is backed up first and gets its free-text index filled). A database from a
newer version of the app is refused and left exactly as it was."""

from __future__ import annotations

import hashlib
import importlib
import re
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from tillitsvalgt.db import Database
from tillitsvalgt.errors import DatabaseError
from tillitsvalgt.services import cases

from conftest import TODAY, make_case, make_employer
from helpers.migrations import alembic, schema_differences

FUTURE = "ffff_future"


def table_names(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(sa.inspect(conn).get_table_names())


def search(db: Database, text: str) -> list[str]:
    with db.session(readonly=True) as s:
        page = cases.list_cases(cases.CaseQuery(text=text), session=s)
    return [row.number for row in page.rows]


def file_digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def test_empty_database_migrated_to_head_matches_the_models(db_url: str) -> None:
    db = Database.open(database_url=db_url, template=False)  # Alembic, not the install's copy
    try:
        assert db.current_revision() == db.head_revision()
        assert {"cases", "employers", "events", "case_search"} <= table_names(db)
        assert schema_differences(db) == []
    finally:
        db.dispose()


def test_the_comparison_does_notice_a_schema_that_differs(db: Database) -> None:
    # Proves the check above is not vacuous (e.g. an include_object that hides everything).
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_cases_status")
        conn.exec_driver_sql("ALTER TABLE employers ADD COLUMN fax VARCHAR")
    differences = [d[0] for d in schema_differences(db)]
    assert "add_index" in differences
    assert "remove_column" in differences


def test_downgrade_to_base_and_upgrade_again(db: Database) -> None:
    alembic(db, "downgrade", "base")
    assert db.current_revision() is None
    assert table_names(db) <= {"alembic_version"}

    db.migrate()
    assert db.current_revision() == db.head_revision()
    assert schema_differences(db) == []
    # The free-text triggers came back too: a new case is found by a word of its title.
    number = make_case(db, make_employer(db), title="Aktivitetsbasert kontor i 2. etasje")
    assert search(db, "aktivitetsbasert") == [number]


# Rows as the schema of revision 0001 had them, written in plain SQL: the models and
# services of today may need columns a 0001 database does not have.
FIRST_REVISION_ROWS = (
    """INSERT INTO employers (id, uuid, name, agreement, version, created_at, updated_at)
       VALUES (1, :u1, 'Nordkyst Sparebank', 'finans-finansforbundet', 1, :now, :now)""",
    """INSERT INTO cases (id, uuid, number, year, seq, title, description, employer_id,
           case_type, status, last_document_seq, version, created_at, updated_at)
       VALUES (1, :u2, '2026/1', 2026, 1, 'Nye kontorer', 'Åpent landskap i 4. etasje', 1,
           'office_layout', 'open', 0, 1, :now, :now)""",
    """INSERT INTO case_counters (year, last_seq) VALUES (2026, 1)""",
    """INSERT INTO events (id, uuid, case_id, kind, occurred_on, notes, version, created_at,
           updated_at)
       VALUES (1, :u3, 1, 'note', '2026-03-01', 'Verneombudet varslet', 1, :now, :now)""",
)


def open_at_first_revision(db_url: str) -> Database:
    """A database at revision 0001 (before the free-text index) with one case and one
    event whose words are only in the description and the notes."""
    db = Database.open(database_url=db_url, migrate=False)
    alembic(db, "upgrade", "0001")
    params = {
        "u1": "a" * 32 if db.location.file else "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
        "u2": "b" * 32 if db.location.file else "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
        "u3": "c" * 32 if db.location.file else "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
        "now": "2026-03-01 12:00:00",
    }
    with db.engine.begin() as conn:
        for statement in FIRST_REVISION_ROWS:
            conn.execute(sa.text(statement), params)
    assert db.current_revision() == "0001"
    return db


def test_first_version_database_with_data_is_migrated_and_its_cases_searchable(
    db_url: str,
) -> None:
    open_at_first_revision(db_url).dispose()

    db = Database.open(database_url=db_url)
    try:
        assert db.current_revision() == db.head_revision()
        assert schema_differences(db) == []
        # The migration indexed the case that was already there (backfill): its
        # description and its event notes.
        assert search(db, "landskap") == ["2026/1"]
        assert search(db, "verneombudet") == ["2026/1"]
    finally:
        db.dispose()


def test_sqlite_database_is_backed_up_before_it_is_migrated(tmp_path: Path) -> None:
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'tillitsvalgt.db'}"
    open_at_first_revision(url).dispose()

    db = Database.open(database_url=url)
    db.dispose()

    backups = sorted((data / "backups").glob("*.db"))
    assert len(backups) == 1
    assert re.fullmatch(r"tillitsvalgt-\d{8}-\d{6}-\d{6}-for-oppgradering\.db", backups[0].name)
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert conn.execute("SELECT number, description FROM cases").fetchall() == [
            ("2026/1", "Åpent landskap i 4. etasje")
        ]
        assert conn.execute("SELECT notes FROM events").fetchall() == [("Verneombudet varslet",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "case_search" not in tables  # taken before the migration, not after


def test_sqlite_database_at_head_is_not_backed_up_on_open(sqlite_db: Database) -> None:
    # Only a migration makes a backup on open; the fixture's database is already at head.
    file = sqlite_db.location.file
    assert file is not None
    Database.open(data_dir=file.parent).dispose()
    assert not list((file.parent / "backups").glob("*.db"))


def test_sqlite_database_from_a_newer_version_is_refused_and_unchanged(
    sqlite_db: Database,
) -> None:
    file = sqlite_db.location.file
    assert file is not None
    make_case(sqlite_db, make_employer(sqlite_db))
    sqlite_db.dispose()
    with sqlite3.connect(file) as conn:
        # Rollback-journal mode, as a copied backup would be: merely connecting the app's
        # way (which switches to WAL) would rewrite the header.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("UPDATE alembic_version SET version_num = ?", (FUTURE,))
    conn.close()
    before = file_digest(file)

    with pytest.raises(DatabaseError) as refused:
        Database.open(data_dir=file.parent)

    message = str(refused.value)
    assert "nyere versjon" in message and FUTURE in message and str(file) in message
    assert file_digest(file) == before
    assert not (file.parent / "backups").exists()


def test_postgresql_database_from_a_newer_version_is_refused_and_unchanged(
    pg_server: Any,
) -> None:
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured")
    url = pg_server.migrated()
    try:
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{FUTURE}'")

        with pytest.raises(DatabaseError) as refused:
            Database.open(database_url=url)

        assert "nyere versjon" in str(refused.value) and FUTURE in str(refused.value)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                FUTURE
            )
        engine.dispose()
    finally:
        pg_server.drop(url)


def test_the_known_head_is_the_newest_migration(sqlite_db: Database) -> None:
    # Opening an up-to-date database trusts SCHEMA_HEAD instead of loading Alembic.
    from tillitsvalgt.db import SCHEMA_HEAD

    script = ScriptDirectory.from_config(sqlite_db.alembic_config())
    assert script.get_current_head() == SCHEMA_HEAD
    assert sqlite_db.current_revision() == SCHEMA_HEAD


def test_0015_letter_form_keeps_existing_employers_and_profiles_in_bokmal(db: Database) -> None:
    """Rows from before 0015 get no written form (NULL): their letters stay bokmål until
    someone chooses nynorsk. Downgrading drops the columns and keeps the rows."""
    from datetime import date

    from tillitsvalgt.services.letters import LetterRequest, preview_letter
    from tillitsvalgt.services.representatives import create_representative
    from tillitsvalgt.shapes import RepresentativeCreate

    number = make_case(db, make_employer(db))
    with db.session() as s:
        create_representative(RepresentativeCreate(name="Kari", place="Oslo"), session=s)
    alembic(db, "downgrade", "0014")
    with db.engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in ("employers", "representatives"):
            assert "letter_form" not in {c["name"] for c in inspector.get_columns(table)}
        assert conn.execute(sa.text("SELECT count(*) FROM employers")).scalar() == 1
    alembic(db, "upgrade", "head")
    assert schema_differences(db) == []
    with db.engine.connect() as conn:
        for table in ("employers", "representatives"):
            forms = conn.execute(sa.text(f"SELECT letter_form FROM {table}")).scalars().all()
            assert forms == [None], table
    day = date(2026, 12, 1)
    with db.session(readonly=True) as s:
        letter = preview_letter(
            number, LetterRequest("krav_om_drofting", dated=day), session=s, today=day
        )
    assert letter.form == "nb"


BRANCH_INDEXES = {
    "ix_cases_live_branch_updated",
    "ix_cases_live_branch_type_status",
    "ix_case_search_branch",
}
OFFICE_INDEXES = {"ix_cases_live_year_updated", "ix_cases_live_employer_updated"}


def index_names(db: Database) -> set[str]:
    # 0017's expression index cannot be reflected; SQLAlchemy says so and skips it.
    with warnings.catch_warnings(), db.engine.connect() as conn:
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
        inspector = sa.inspect(conn)
        return {
            str(index["name"])
            for table in ("cases", "case_search")
            if table in inspector.get_table_names()
            for index in inspector.get_indexes(table)
        }


def test_0019_branch_indexes_come_and_go_and_keep_the_cases(db: Database) -> None:
    """PostgreSQL gets the branch indexes of the case list; SQLite (no branches) nothing.
    Existing cases stay listed and searchable through the down- and upgrade."""
    number = make_case(db, make_employer(db), title="Cellekontor blir landskap")
    postgresql = db.location.file is None
    assert (index_names(db) >= BRANCH_INDEXES) is postgresql
    assert not BRANCH_INDEXES & index_names(db) or postgresql
    alembic(db, "downgrade", "0014")
    assert not BRANCH_INDEXES & index_names(db)
    alembic(db, "upgrade", "head")
    assert (index_names(db) >= BRANCH_INDEXES) is postgresql
    assert search(db, "landskap") == [number]
    assert schema_differences(db) == []


def test_0021_office_indexes_come_and_go_and_serve_the_year_list(db: Database) -> None:
    """PostgreSQL gets the office's year and employer list indexes (SQLite nothing); the
    list by year and by employer is the same through the down- and upgrade, and the
    year's page is read from the new index."""
    employer = make_employer(db)
    numbers = [make_case(db, employer, title=f"Sak {k}") for k in range(3)]
    postgresql = db.location.file is None
    assert (index_names(db) >= OFFICE_INDEXES) is postgresql
    assert not OFFICE_INDEXES & index_names(db) or postgresql

    def listed(**filters: object) -> list[str]:
        with db.session(readonly=True) as s:
            query = cases.CaseQuery(**filters)  # type: ignore[arg-type]
            return [row.number for row in cases.list_cases(query, session=s).rows]

    by_year, by_employer = listed(year=TODAY.year), listed(employer_id=employer)
    assert sorted(by_year) == sorted(numbers) and by_employer == by_year
    alembic(db, "downgrade", "0020")
    assert not OFFICE_INDEXES & index_names(db)
    assert listed(year=TODAY.year) == by_year
    alembic(db, "upgrade", "head")
    assert (index_names(db) >= OFFICE_INDEXES) is postgresql
    assert listed(employer_id=employer) == by_employer
    assert schema_differences(db) == []
    if postgresql:
        plan = _plan(
            db,
            "SELECT id FROM cases WHERE deleted_at IS NULL AND year = 2026 "
            "ORDER BY updated_at DESC, id DESC LIMIT 50",
        )
        assert "ix_cases_live_year_updated" in plan, plan


def _plan(db: Database, statement: str, *, off: tuple[str, ...] = ("seqscan",)) -> str:
    """PostgreSQL's plan for ``statement`` with the scans in ``off`` switched off, so that
    a test's handful of rows does not decide whether an index can be used."""
    with db.engine.connect() as conn:
        for scan in off:
            conn.exec_driver_sql(f"SET enable_{scan} = off")
        return "\n".join(str(r[0]) for r in conn.exec_driver_sql("EXPLAIN " + statement))


def test_0023_the_type_and_status_index_carries_the_branch(db: Database) -> None:
    """PostgreSQL: the type-and-status list index carries ``branch`` (the walls' column)
    after the upgrade and not after the downgrade; the list by type and status is the same
    through both, and read from that index. SQLite has no INCLUDE: nothing changes."""
    employer = make_employer(db)
    numbers = [make_case(db, employer, title=f"Sak {k}") for k in range(3)]
    postgresql = db.location.file is None

    def definition() -> str:
        if not postgresql:
            return ""
        return str(
            _value(
                db,
                "SELECT indexdef FROM pg_indexes WHERE indexname = "
                "'ix_cases_live_type_status_updated' AND schemaname = current_schema()",
            )
        )

    def listed() -> list[str]:
        with db.session(readonly=True) as s:
            query = cases.CaseQuery(case_type="office_layout", status="open")
            return [row.number for row in cases.list_cases(query, session=s).rows]

    before = listed()
    assert sorted(before) == sorted(numbers)
    assert ("INCLUDE (branch)" in definition()) is postgresql
    alembic(db, "downgrade", "0022")
    assert "INCLUDE" not in definition()
    assert listed() == before
    alembic(db, "upgrade", "head")
    assert ("INCLUDE (branch)" in definition()) is postgresql
    assert "WHERE (deleted_at IS NULL)" in definition() or not postgresql
    assert listed() == before
    assert schema_differences(db) == []
    if postgresql:
        plan = _plan(
            db,
            "SELECT count(*) FROM (SELECT 1 FROM cases WHERE deleted_at IS NULL "
            "AND case_type = 'office_layout' AND status = 'open' AND branch IS NULL "
            "LIMIT 10001) AS hits",
            off=("seqscan", "bitmapscan"),
        )
        assert "Index Only Scan using ix_cases_live_type_status_updated" in plan, plan


WALL_LOOKUPS = {
    "tillitsvalgt_is_owner",
    "tillitsvalgt_sees_all",
    "tillitsvalgt_login_sees_all",
    "tillitsvalgt_my_branch",
}


def test_0022_the_walls_lookups_are_parallel_safe(db: Database) -> None:
    """PostgreSQL: the four lookups every row-level-security rule calls are PARALLEL SAFE
    (a statement on a walled table may use the server's parallel workers), unsafe again
    after a downgrade, and safe after the upgrade; the report's cube on the office's
    walled cases gets a parallel plan. SQLite has none of it."""
    if db.location.file is not None:
        alembic(db, "downgrade", "0021")
        alembic(db, "upgrade", "head")
        assert schema_differences(db) == []
        return

    def marks() -> dict[str, str]:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT proname, proparallel FROM pg_proc WHERE proname LIKE 'tillitsvalgt%%' "
                "AND pronamespace = current_schema()::regnamespace"
            ).all()
        return {name: mark for name, mark in rows if name in WALL_LOOKUPS}

    def parallel_plan() -> bool:
        with db.engine.connect() as conn:
            # Forced, since a handful of rows would never be worth a worker: possible at all.
            for setting in ("parallel_setup_cost = 0", "parallel_tuple_cost = 0",
                            "min_parallel_table_scan_size = 0", "enable_indexscan = off",
                            "enable_bitmapscan = off", "enable_indexonlyscan = off"):  # fmt: skip
                conn.exec_driver_sql(f"SET {setting}")
            plan = "\n".join(
                str(r[0])
                for r in conn.exec_driver_sql(
                    "EXPLAIN SELECT case_type, count(*) FROM cases WHERE deleted_at IS NULL "
                    "AND (SELECT tillitsvalgt_sees_all()) GROUP BY case_type"
                )
            )
        return "Gather" in plan

    assert marks() == dict.fromkeys(WALL_LOOKUPS, "s") and parallel_plan()
    alembic(db, "downgrade", "0021")
    assert marks() == dict.fromkeys(WALL_LOOKUPS, "u") and not parallel_plan()
    alembic(db, "upgrade", "head")
    assert marks() == dict.fromkeys(WALL_LOOKUPS, "s") and parallel_plan()
    assert schema_differences(db) == []


def _value(db: Database, sql: str, params: dict[str, Any] | None = None) -> Any:
    """The one value ``sql`` (psycopg's placeholders) gives, on a connection of its own."""
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(sql, params or {}).scalar_one()


def _function_source(db: Database, name: str) -> str:
    return str(
        _value(
            db,
            "SELECT prosrc FROM pg_proc WHERE proname = %(n)s "
            "AND pronamespace = current_schema()::regnamespace",
            {"n": name},
        )
    )


def test_0024_an_imported_run_is_indexed_as_each_case_alone_would_be(db: Database) -> None:
    """PostgreSQL: 0024's set-based refresh writes each case's free-text document exactly
    as 0002's per-case function does (the one the row triggers still call): imported cases
    with notes full of punctuation are refreshed one by one, and nothing changes. After the
    downgrade the function is 0020's per-case loop again, and the upgrade brings the
    set-based one back. On both databases the notes' words find every imported case
    through the downgrade and the upgrade (SQLite's FTS5 triggers are untouched)."""
    from benchmarks import national
    from tillitsvalgt.services.transfer import import_bundle

    postgresql = db.location.file is None
    bundle = next(national.bundles(1, base=8000, size=40))
    for i, item in enumerate(bundle):
        for event in item["events"]:
            event["notes"] = f"Møte: «drøfting» (sak {i}); neste/siste—{i}% ferdig!"

    def documents() -> dict[int, str]:
        with db.engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT case_id, document::text FROM case_search")
            return {int(case_id): str(document) for case_id, document in found}

    def language() -> str:
        return str(
            _value(
                db,
                "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang "
                "WHERE p.proname = 'case_search_refresh_many'",
            )
        )

    def found(words: str) -> int:
        with db.session(readonly=True) as s:
            return cases.list_cases(cases.CaseQuery(text=words), session=s).total

    with db.session() as s:
        import_bundle(bundle, session=s, today=TODAY)
    assert found("drøfting ferdig") == found("siste") == len(bundle)
    if postgresql:
        assert language() == "sql"
        # 0024's marks give 0009's text: every ASCII character, Norwegian letters and
        # punctuation beyond ASCII (kept, as before).
        m24 = importlib.import_module(
            "tillitsvalgt.migrations.versions.0024_search_index_set_based"
        )
        sample = "".join(map(chr, range(32, 127))) + " æøåÆØÅ «é–ü» \u00a0_x_ 2026/14 3,5 "
        with db.engine.connect() as conn:
            old, new = conn.execute(
                sa.text("SELECT translate(:t, :marks, :spaces), regexp_replace(:t, :re, ' ', 'g')"),
                {
                    "t": sample,
                    "marks": m24.PUNCTUATION,
                    "spaces": " " * len(m24.PUNCTUATION),
                    "re": m24.MARKS,
                },
            ).one()
        assert old == new and len(new) == len(sample) and "_x_" in new and "/" not in new
        imported = documents()
        assert len(imported) == len(bundle)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("SELECT case_search_refresh(id) FROM cases ORDER BY id")
        assert documents() == imported
    alembic(db, "downgrade", "0023")
    assert not postgresql or language() == "plpgsql"
    assert not postgresql or "translate(" in _function_source(db, "case_search_refresh")
    assert found("drøfting") == len(bundle)
    alembic(db, "upgrade", "head")
    assert not postgresql or language() == "sql"
    assert not postgresql or "regexp_replace(" in _function_source(db, "case_search_refresh")
    assert found("ferdig") == len(bundle)
    assert schema_differences(db) == []


def test_0025_the_office_test_is_one_query_with_the_same_answer(db: Database) -> None:
    """PostgreSQL: after 0025 ``tillitsvalgt_sees_all()`` no longer calls
    ``tillitsvalgt_is_owner()`` (a nested function with its own pinned search path, per new
    case in the branch trigger); it calls it again after the downgrade. The owner's answer
    is the same through both, and the function stays PARALLEL SAFE. Who else it lets
    through is proven at head by ``test_access*.py`` (office, representative, the owner
    who is not a superuser, another database's office role)."""
    if db.location.file is not None:
        alembic(db, "downgrade", "0024")
        alembic(db, "upgrade", "head")
        assert schema_differences(db) == []
        return

    def body() -> tuple[str, str, bool]:
        with db.engine.connect() as conn:
            source, parallel = conn.exec_driver_sql(
                "SELECT prosrc, proparallel FROM pg_proc WHERE proname = "
                "'tillitsvalgt_sees_all' AND pronamespace = current_schema()::regnamespace"
            ).one()
            answer = conn.exec_driver_sql("SELECT tillitsvalgt_sees_all()").scalar_one()
        return str(source), str(parallel), bool(answer)

    source, parallel, answer = body()
    assert "tillitsvalgt_is_owner" not in source and "relowner" in source
    assert (parallel, answer) == ("s", True)
    alembic(db, "downgrade", "0024")
    source, parallel, answer = body()
    assert "tillitsvalgt_is_owner" in source and (parallel, answer) == ("s", True)
    alembic(db, "upgrade", "head")
    assert "tillitsvalgt_is_owner" not in body()[0]
    assert schema_differences(db) == []
