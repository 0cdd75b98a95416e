"""The database: engine and sessions, migrations on start, and translation of driver errors
into messages the user can act on.

SQLite (the default, one file in the user's data directory) and PostgreSQL (a shared server
for a union office) run the same code; only the free-text index differs (see
``migrations/versions`` and ``services/cases.py``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from tillitsvalgt import paths
from tillitsvalgt.errors import DatabaseError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def normalise_url(url: str) -> str:
    """Accept the URLs people copy from elsewhere and pick our drivers."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def safe_url(url: str | URL) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<ugyldig adresse>"


@dataclass(frozen=True)
class Location:
    """Where the database is: a SQLite file or a server URL."""

    url: str
    file: Path | None  # the SQLite file, None for a server

    @property
    def is_sqlite(self) -> bool:
        return self.file is not None

    def describe(self) -> str:
        return str(self.file) if self.file is not None else safe_url(self.url)


def resolve_location(
    *, database_url: str | None = None, data_dir: str | os.PathLike[str] | None = None
) -> Location:
    """``--database-url``/``TILLITSVALGT_DATABASE_URL`` wins; otherwise the SQLite file in
    the data directory (``--data-dir``/``TILLITSVALGT_DATA_DIR``/platformdirs)."""
    url = database_url or os.environ.get(paths.DATABASE_URL_ENV)
    if url:
        url = normalise_url(url)
        try:
            parsed = make_url(url)
        except sa.exc.ArgumentError:
            raise DatabaseError(
                f"Databaseadressen «{url}» er ikke gyldig. Eksempel: "
                "postgresql://bruker@tjener:5432/tillitsvalgt eller sqlite:///sti/til/fil.db"
            ) from None
        if parsed.get_backend_name() == "sqlite":
            if not parsed.database or parsed.database == ":memory:":
                raise DatabaseError("En SQLite-adresse må peke på en fil.")
            return Location(url, Path(parsed.database).expanduser().resolve())
        if parsed.get_backend_name() != "postgresql":
            raise DatabaseError(
                f"Databasetypen «{parsed.get_backend_name()}» støttes ikke; bruk SQLite eller "
                "PostgreSQL."
            )
        return Location(url, None)
    directory = paths.data_dir(data_dir)
    file = (directory / paths.DATABASE_FILENAME).resolve()
    return Location(sqlite_url(file), file)


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling defers it
    # and breaks SAVEPOINT and DDL transactions).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    # NORMAL is durable across application crashes in WAL mode; only a power cut may lose
    # the last commits, never corrupt the file.
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _on_sqlite_begin(conn: sa.Connection) -> None:
    # Write units take the write lock up front: a deferred transaction that reads and
    # then writes can fail with SQLITE_BUSY_SNAPSHOT, which no busy timeout cures.
    if conn.get_execution_options().get("tillitsvalgt_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def translate_error(exc: BaseException, location: Location) -> DatabaseError | None:
    """A Norwegian message for driver errors the user can do something about."""
    text = str(getattr(exc, "orig", exc)).lower()
    where = location.describe()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseError(
            f"Databasen {where} er låst av et annet program (kanskje Tillitsvalgt åpnet to "
            "ganger, eller en sikkerhetskopi som pågår). Lukk det andre programmet og prøv "
            "igjen. Ingenting er endret."
        )
    if "readonly database" in text or "read-only" in text or "attempt to write" in text:
        return DatabaseError(
            f"Databasen {where} er skrivebeskyttet. Gi deg selv skrivetilgang til filen og "
            "mappen den ligger i, eller velg en annen database. Ingenting er endret."
        )
    if "file is not a database" in text or "database disk image is malformed" in text:
        return DatabaseError(
            f"Filen {where} er ikke en Tillitsvalgt-database, eller den er skadet. Velg en "
            "annen fil, eller gjenopprett fra en sikkerhetskopi."
        )
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return DatabaseError(
            f"Det er ikke plass på disken for databasen {where}. Frigjør plass og prøv igjen. "
            "Ingenting er endret."
        )
    if "unable to open database" in text:
        return DatabaseError(
            f"Databasen {where} kan ikke åpnes. Sjekk at mappen finnes og at du har tilgang."
        )
    if location.file is None and isinstance(exc, OperationalError):
        return DatabaseError(
            f"Får ikke kontakt med databasetjeneren {where}. Sjekk adressen, brukernavnet og "
            f"passordet, og at tjeneren kjører. ({str(exc.orig).strip().splitlines()[0]})"
        )
    return None


class Database:
    """One database, opened and migrated. ``session()`` is the unit of work."""

    def __init__(self, location: Location, engine: Engine) -> None:
        self.location = location
        self.engine = engine
        self._readonly_engine = engine.execution_options(tillitsvalgt_readonly=True)

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        *,
        database_url: str | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        migrate: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Database:
        """Open (creating if needed) and bring the schema to this version's head."""
        location = resolve_location(database_url=database_url, data_dir=data_dir)
        if location.file is not None:
            _prepare_sqlite_file(location.file)
        db = cls(location, create_engine_for(location, busy_timeout_ms=busy_timeout_ms))
        try:
            with db._translated():
                db._check_revision()
                if migrate:
                    db.migrate()
        except BaseException:
            db.dispose()
            raise
        return db

    def dispose(self) -> None:
        self.engine.dispose()

    # ----------------------------------------------------------------- sessions

    @contextlib.contextmanager
    def session(self, *, readonly: bool = False) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        with self._translated():
            bind = self._readonly_engine if readonly else self.engine
            with Session(bind, expire_on_commit=False) as session:
                try:
                    yield session
                    if readonly:
                        session.rollback()
                    else:
                        session.commit()
                except BaseException:
                    session.rollback()
                    raise

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except (DBAPIError, sqlite3.Error) as exc:
            user_error = translate_error(exc, self.location)
            if user_error is None:
                raise
            raise user_error from exc

    # ----------------------------------------------------------------- migrations

    def alembic_config(self) -> Config:
        return alembic_config(self.engine)

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str:
        head = ScriptDirectory.from_config(self.alembic_config()).get_current_head()
        assert head is not None
        return head

    def _check_revision(self) -> None:
        """Refuse a database this version cannot read, before touching anything."""
        script = ScriptDirectory.from_config(self.alembic_config())
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(sa.inspect(conn).get_table_names())
        if current is None:
            ours = {"cases", "employers", "events"}
            if tables & ours or (self.location.is_sqlite and tables - {"alembic_version"}):
                raise DatabaseError(
                    f"Databasen {self.location.describe()} inneholder tabeller som ikke er "
                    "laget av Tillitsvalgt. Velg en annen fil eller en tom database."
                )
            return
        try:
            script.get_revision(current)
        except Exception:
            raise DatabaseError(
                f"Databasen {self.location.describe()} er laget av en nyere versjon av "
                f"Tillitsvalgt (skjemaversjon {current}). Oppdater programmet før du åpner "
                "den; databasen er ikke endret."
            ) from None

    def needs_migration(self) -> bool:
        return self.current_revision() != self.head_revision()

    def migrate(self) -> Path | None:
        """Upgrade to head. An existing SQLite database is backed up first; returns that
        backup's path (None when nothing was migrated or there was nothing to back up)."""
        current = self.current_revision()
        if current == self.head_revision():
            return None
        backup_file: Path | None = None
        if current is not None and self.location.file is not None:
            from tillitsvalgt.backup import backup_sqlite  # local: backup imports db

            backup_file = backup_sqlite(self, reason="for-oppgradering")
            log.info("backed up before migration to %s", backup_file)
        with self.engine.begin() as conn:
            cfg = self.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return backup_file


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def create_engine_for(location: Location, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    if location.file is not None:
        engine = sa.create_engine(
            location.url,
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
        )

        def on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
            _on_sqlite_connect(dbapi_conn, record)
            dbapi_conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")

        event.listen(engine, "connect", on_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return sa.create_engine(location.url, pool_pre_ping=True)


def _prepare_sqlite_file(file: Path) -> None:
    """Check the file before SQLite sees it, and make a new one private to its owner."""
    directory = file.parent
    try:
        paths.ensure_private_dir(directory)
    except OSError as exc:
        raise DatabaseError(
            f"Kan ikke opprette mappen {directory} for databasen: {exc.strerror}. Velg en annen "
            "mappe med --data-dir."
        ) from None
    if file.exists():
        if file.is_dir():
            raise DatabaseError(f"{file} er en mappe, ikke en databasefil.")
        try:
            with file.open("rb") as fh:
                header = fh.read(len(SQLITE_HEADER))
        except PermissionError:
            raise DatabaseError(
                f"Du har ikke lesetilgang til databasefilen {file}. Sjekk filens rettigheter."
            ) from None
        if header and header != SQLITE_HEADER:
            raise DatabaseError(
                f"Filen {file} er ikke en Tillitsvalgt-database (det er ikke en "
                "SQLite-database). Velg en annen fil; denne er ikke endret."
            )
        if not os.access(file, os.W_OK) or not os.access(directory, os.W_OK):
            raise DatabaseError(
                f"Databasen {file} er skrivebeskyttet (filen eller mappen den ligger i). Gi "
                "deg selv skrivetilgang, eller velg en annen database. Ingenting er endret."
            )
        if os.name == "posix":
            for extra in (
                file,
                file.with_name(file.name + "-wal"),
                file.with_name(file.name + "-shm"),
            ):
                if extra.exists():
                    os.chmod(extra, 0o600)
    else:
        try:
            paths.make_private_file(file)
        except OSError as exc:
            raise DatabaseError(
                f"Kan ikke opprette databasefilen {file}: {exc.strerror}. Velg en annen mappe."
            ) from None


def timestamp() -> str:
    return datetime.now(UTC).astimezone().strftime("%Y%m%d-%H%M%S")
