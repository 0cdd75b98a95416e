"""The first start copies the schema Alembic made at install time instead of migrating
(``tillitsvalgt/schema_template.py``): the copy must be exactly what the migrations make
(schema, ``alembic_version``, rows), private to its owner, made without loading Alembic,
and a template of other migrations must never be used."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from tillitsvalgt import paths, schema_build, schema_template
from tillitsvalgt.db import SCHEMA_HEAD, Database

REPO = Path(__file__).resolve().parent.parent


def dump(file: Path) -> list[str]:
    """Everything in the database as SQL: every table, index, trigger and view (the
    free-text index's too) and every row, alembic_version's among them."""
    conn = sqlite3.connect(file)
    try:
        pragmas = [
            f"{name}={conn.execute(f'PRAGMA {name}').fetchone()[0]}"
            for name in ("user_version", "application_id", "page_size", "encoding")
        ]
        return [*pragmas, *conn.iterdump()]
    finally:
        conn.close()


def migrated_by_alembic(folder: Path) -> Path:
    db = Database.open(data_dir=folder, template=False)
    db.dispose()
    return folder / paths.DATABASE_FILENAME


def test_the_template_is_a_freshly_migrated_database(tmp_path: Path) -> None:
    template = schema_build.build(tmp_path / "schema")
    fresh = migrated_by_alembic(tmp_path / "alembic")
    assert template.name == f"tillitsvalgt-{SCHEMA_HEAD}-{schema_template.fingerprint()}.db"
    made = dump(template)
    assert made == dump(fresh)
    assert f"INSERT INTO \"alembic_version\" VALUES('{SCHEMA_HEAD}');" in made
    assert any("CREATE VIRTUAL TABLE" in line and "case_search" in line for line in made)


def test_a_new_data_folder_starts_as_a_copy_of_the_template_without_alembic(
    tmp_path: Path,
) -> None:
    # What the install does (scripts/install_build.py build); the file is not in git.
    built = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "install_build.py"), "build"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert schema_template.find(SCHEMA_HEAD) is not None, built.stdout
    folder = tmp_path / "new"
    started = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom tillitsvalgt.db import Database\n"
            f"db = Database.open(data_dir={str(folder)!r})\n"
            "print(db.current_revision(), 'alembic' in sys.modules)\ndb.dispose()",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert started.stdout.split() == [SCHEMA_HEAD, "False"]
    copied = folder / paths.DATABASE_FILENAME
    assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    assert not list(folder.glob(".*.new"))  # the spare copy linked into place is gone
    assert dump(copied) == dump(migrated_by_alembic(tmp_path / "alembic"))


def test_a_template_of_other_migrations_is_never_used(tmp_path: Path) -> None:
    template = schema_build.build(tmp_path / "schema")
    assert schema_template.find(SCHEMA_HEAD, tmp_path / "schema") == template
    # Made before a migration was changed: its fingerprint is not these migrations'.
    stale = template.with_name(f"tillitsvalgt-{SCHEMA_HEAD}-0123456789abcdef0123.db")
    template.rename(stale)
    assert schema_template.find(SCHEMA_HEAD, tmp_path / "schema") is None
    # Building again makes the current one and removes the stale one.
    again = schema_build.build(tmp_path / "schema")
    assert again == template and not stale.exists()


def test_a_database_made_meanwhile_by_another_start_is_never_replaced(tmp_path: Path) -> None:
    template = schema_build.build(tmp_path / "schema")
    target = tmp_path / "data" / paths.DATABASE_FILENAME
    target.parent.mkdir()
    target.write_bytes(b"theirs")
    assert schema_template.install(template, target)
    assert target.read_bytes() == b"theirs"
    assert not list(target.parent.glob(".*.new"))
