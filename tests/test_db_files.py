"""The database file and the server address, as a user's machine presents them: private
permissions, files that are not ours, a database another program holds locked, read-only
storage, wrong or unreachable server addresses. Every refusal is a Norwegian
``DatabaseError`` that names the database, and leaves the file exactly as it was."""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from tillitsvalgt import paths
from tillitsvalgt.db import SQLITE_HEADER, Database, resolve_location, translate_error
from tillitsvalgt.errors import DatabaseError

from conftest import make_case, make_employer
from helpers.unprivileged import give_to_child, run_unprivileged

PASSWORD = "Hemmelig-Passord-42"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def count(db: Database, table: str) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


# --------------------------------------------------------------------------- permissions


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_data_dir_database_and_wal_files_are_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = Database.open(data_dir=data)
    try:
        make_employer(db)  # a write, so -wal and -shm exist and hold data
        file = data / "tillitsvalgt.db"
        wal, shm = data / "tillitsvalgt.db-wal", data / "tillitsvalgt.db-shm"
        assert wal.exists() and shm.exists()
        assert mode(data) == 0o700
        assert {p.name: mode(p) for p in (file, wal, shm)} == {
            file.name: 0o600,
            wal.name: 0o600,
            shm.name: 0o600,
        }
    finally:
        db.dispose()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_opening_makes_an_existing_database_private_and_leaves_the_users_folder(
    tmp_path: Path,
) -> None:
    data = tmp_path / "Dokumenter"
    data.mkdir()
    os.chmod(data, 0o755)
    Database.open(data_dir=data).dispose()
    assert mode(data) == 0o755  # a folder the user already had is theirs
    assert mode(data / "tillitsvalgt.db") == 0o600  # a new database is private at once
    os.chmod(data / "tillitsvalgt.db", 0o644)

    Database.open(data_dir=data).dispose()

    assert mode(data / "tillitsvalgt.db") == 0o600
    assert mode(data) == 0o755


def test_data_dir_with_url_characters_in_its_name_holds_the_database(tmp_path: Path) -> None:
    # ?, # and % mean something in a URL; a folder called this must still be the one used.
    data = tmp_path / "Ola Nordmann #2? 100%"
    db = Database.open(data_dir=data)
    try:
        make_employer(db)
        assert db.location.file == (data / "tillitsvalgt.db").resolve()
        assert (data / "tillitsvalgt.db").stat().st_size > 0
        assert sorted(p.name for p in tmp_path.iterdir()) == [data.name]
    finally:
        db.dispose()
    reopened = Database.open(data_dir=data)
    assert count(reopened, "employers") == 1
    reopened.dispose()


# --------------------------------------------------------------------------- not our file


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("Møtereferat fra drøftingsmøtet\n".encode(), id="text"),
        pytest.param(os.urandom(8192), id="random-bytes"),
        pytest.param(SQLITE_HEADER + os.urandom(8192 - len(SQLITE_HEADER)), id="header-garbage"),
        # Bytes 18 and 19 say WAL: the read-only look makes a -wal and -shm beside it (one
        # random file in 256 did, and the test above failed then).
        pytest.param(
            SQLITE_HEADER + b"\x10\x00\x02\x02" + os.urandom(8192 - len(SQLITE_HEADER) - 4),
            id="header-garbage-wal",
        ),
    ],
)
def test_file_that_is_not_a_database_is_refused_and_unchanged(
    tmp_path: Path, content: bytes
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    file = data / "tillitsvalgt.db"
    file.write_bytes(content)
    os.chmod(file, 0o644)

    with pytest.raises(DatabaseError) as refused:
        Database.open(data_dir=data)

    message = str(refused.value)
    assert str(file.resolve()) in message
    assert "ikke en Tillitsvalgt-database" in message
    assert file.read_bytes() == content
    assert sorted(p.name for p in data.iterdir()) == ["tillitsvalgt.db"]
    if os.name == "posix":
        assert mode(file) == 0o644  # not even the permissions of a refused file change


def test_sqlite_database_of_another_program_is_refused_and_unchanged(tmp_path: Path) -> None:
    file = tmp_path / "regnskap.db"
    with sqlite3.connect(file) as conn:
        conn.execute("CREATE TABLE bilag (id INTEGER PRIMARY KEY, belop REAL)")
        conn.execute("INSERT INTO bilag (belop) VALUES (199.5)")
    conn.close()
    before = digest(file)

    with pytest.raises(DatabaseError) as refused:
        Database.open(database_url=f"sqlite:///{file}")

    assert "tabeller som ikke er laget av Tillitsvalgt" in str(refused.value)
    assert str(file) in str(refused.value)
    # A rollback-journal file would be switched to WAL by merely connecting the app's way.
    assert digest(file) == before


def test_directory_where_the_database_file_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data" / "tillitsvalgt.db").mkdir(parents=True)
    with pytest.raises(DatabaseError, match="er en mappe, ikke en databasefil"):
        Database.open(data_dir=tmp_path / "data")


# --------------------------------------------------------------------------- locked


@pytest.mark.parametrize(
    "lock",
    [
        pytest.param(["BEGIN EXCLUSIVE"], id="exclusive"),
        pytest.param(
            ["BEGIN IMMEDIATE", "INSERT INTO case_counters (year, last_seq) VALUES (1999, 7)"],
            id="immediate-write",
        ),
    ],
)
def test_write_to_a_locked_database_fails_with_a_message_and_writes_nothing(
    tmp_path: Path, lock: list[str]
) -> None:
    db = Database.open(data_dir=tmp_path / "data", busy_timeout_ms=200)
    employer_id = make_employer(db)
    other = sqlite3.connect(tmp_path / "data" / "tillitsvalgt.db", isolation_level=None)
    try:
        for statement in lock:
            other.execute(statement)
        started = time.monotonic()
        with pytest.raises(DatabaseError) as refused:
            make_case(db, employer_id)
        waited = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    try:
        message = str(refused.value)
        assert "er låst av et annet program" in message and "Ingenting er endret" in message
        assert str(db.location.file) in message
        assert waited < 3  # the 200 ms busy timeout, not the 5 s default
        assert count(db, "cases") == 0
        assert count(db, "case_counters") == 0
        # Once the other program lets go, the same Database writes again.
        make_case(db, employer_id)
        assert count(db, "cases") == 1
    finally:
        db.dispose()


# --------------------------------------------------------------------------- read-only storage


def open_and_write(data: Path) -> Callable[[], str]:
    def action() -> str:
        db = Database.open(data_dir=data)
        try:
            make_employer(db, name="Skrevet av barneprosessen", orgnr=None)
            return "skrevet"
        finally:
            db.dispose()

    return action


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_unprivileged_child_can_write_its_own_database(child_database: Path) -> None:
    # The control for the tests below: the harness itself works, so their refusals are
    # caused by the permissions and nothing else. (Opening reads the migration scripts,
    # which a checkout in a private folder keeps from the unprivileged user.)
    def readable() -> str:
        ok = os.access(paths.migrations_dir() / "versions", os.R_OK | os.X_OK)
        return "ja" if ok else "nei"

    if run_unprivileged(readable) != "ja":
        pytest.skip("the unprivileged user cannot read this checkout's migration scripts")
    assert run_unprivileged(open_and_write(child_database)) == "skrevet"
    db = Database.open(data_dir=child_database)
    assert count(db, "employers") == 2
    db.dispose()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(
    ("file_mode", "dir_mode"),
    [
        pytest.param(0o400, 0o700, id="read-only-file"),
        pytest.param(0o600, 0o500, id="read-only-dir"),
    ],
)
def test_read_only_database_is_refused_with_a_message_and_unchanged(
    child_database: Path, file_mode: int, dir_mode: int
) -> None:
    file = child_database / "tillitsvalgt.db"
    os.chmod(file, file_mode)
    os.chmod(child_database, dir_mode)
    before = digest(file)

    result = run_unprivileged(open_and_write(child_database))

    assert result.startswith("DatabaseError: ")
    assert "er skrivebeskyttet" in result and "Ingenting er endret" in result
    assert str(file.resolve()) in result
    assert digest(file) == before
    assert sorted(p.name for p in child_database.iterdir()) == ["tillitsvalgt.db"]
    # Opening must not have "repaired" the permissions the user chose.
    assert (mode(file), mode(child_database)) == (file_mode, dir_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_database_in_a_read_only_folder_is_refused_with_a_message(shared_dir: Path) -> None:
    data = shared_dir / "data"
    data.mkdir()
    give_to_child(data)
    os.chmod(data, 0o500)

    result = run_unprivileged(open_and_write(data))

    assert result.startswith("DatabaseError: Kan ikke opprette databasefilen")
    assert "du har ikke skrivetilgang der" in result
    assert list(data.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_folder_that_cannot_be_created_is_refused_with_a_message(shared_dir: Path) -> None:
    # shared_dir belongs to root (or, unprivileged, is made read-only here).
    parent = shared_dir / "felles"
    parent.mkdir()
    os.chmod(parent, 0o555)
    try:
        result = run_unprivileged(open_and_write(parent / "data"))
    finally:
        os.chmod(parent, 0o755)

    assert result.startswith("DatabaseError: Kan ikke opprette mappen")
    assert "--data-dir" in result
    assert list(parent.iterdir()) == []


# --------------------------------------------------------------------------- server addresses


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"postgresql://ola:{PASSWORD}@tjener:femtifire/tillitsvalgt", "er ikke gyldig"),
        (f"ola:{PASSWORD}@tjener/tillitsvalgt", "er ikke gyldig"),
        (f"postgresql://ola:{PASSWORD}@@tjener/tillitsvalgt", "er ikke gyldig"),
        (f"postgresql://ola:{PASSWORD[:5]}@{PASSWORD[5:]}@tjener/db", "er ikke gyldig"),
        (f"mysql://ola:{PASSWORD}@tjener/tillitsvalgt", "støttes ikke"),
    ],
)
def test_invalid_database_url_is_refused_with_the_password_hidden(url: str, expected: str) -> None:
    with pytest.raises(DatabaseError) as refused:
        Database.open(database_url=url)
    message = str(refused.value)
    assert expected in message
    assert PASSWORD not in message and PASSWORD[5:] not in message


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg2"])
def test_unreachable_server_gives_a_message_with_the_password_hidden(scheme: str) -> None:
    port = free_port()  # nothing listens there
    with pytest.raises(DatabaseError) as refused:
        Database.open(database_url=f"{scheme}://ola:{PASSWORD}@127.0.0.1:{port}/tillitsvalgt")
    message = str(refused.value)
    assert message.startswith("Får ikke kontakt med databasetjeneren")
    assert f"127.0.0.1:{port}" in message and "ola:***@" in message
    assert PASSWORD not in message


def test_driver_message_that_echoes_the_password_has_it_scrubbed() -> None:
    location = resolve_location(database_url=f"postgresql://ola:{PASSWORD}@tjener/db")
    driver_error = OperationalError(
        "connect", {}, Exception(f'invalid connection option "{PASSWORD}"')
    )
    error = translate_error(driver_error, location)
    assert error is not None
    assert "Får ikke kontakt" in str(error) and PASSWORD not in str(error)


# --------------------------------------------------------------------------- connections


def test_sqlite_connections_use_wal_and_enforce_foreign_keys(sqlite_db: Database) -> None:
    # Each connection the pool makes gets the settings, not just the first.
    reader = sqlite_db.engine.execution_options(tillitsvalgt_readonly=True)  # two at once
    with reader.connect() as first, reader.connect() as second:
        for conn in (first, second):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(sa.exc.IntegrityError, match="FOREIGN KEY"), sqlite_db.engine.begin() as c:
        c.exec_driver_sql(
            "INSERT INTO checklist_answers (item_key, answer, case_id, updated_at) "
            "VALUES ('x', 'met', 999, '2026-01-01 00:00:00')"
        )
    file = sqlite_db.location.file
    assert file is not None
    assert file.read_bytes()[18:20] == b"\x02\x02"  # WAL is recorded in the file itself


class _ServerError(Exception):
    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "expected"),
    [
        (None, "Får ikke kontakt med databasetjeneren"),
        ("08006", "Får ikke kontakt med databasetjeneren"),
        ("28P01", "Får ikke kontakt med databasetjeneren"),
        ("53100", "har ikke mer plass på disken"),
        ("54000", "for stort eller for mye på en gang"),
        ("22P02", "avviste endringen"),
    ],
)
def test_a_server_error_is_only_a_connection_problem_when_it_is_one(
    sqlstate: str | None, expected: str
) -> None:
    location = resolve_location(database_url="postgresql://ola@tjener/db")
    error = translate_error(
        OperationalError("SELECT 1", {}, _ServerError("noe gikk galt", sqlstate)), location
    )
    assert error is not None and expected in error.message
    if sqlstate and not sqlstate.startswith(("08", "28")):
        assert "passordet" not in error.message
