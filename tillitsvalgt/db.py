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
import re
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from tillitsvalgt import history, paths, settings
from tillitsvalgt.backup import backup_sqlite
from tillitsvalgt.backup_leftovers import remove_stale_leftovers
from tillitsvalgt.errors import AccessError, DatabaseError, UserError

# Shared with backup.py, which may not import this module (store_basics.py), and named here
# as they always were.
from tillitsvalgt.store_basics import SCHEMA_HEAD as SCHEMA_HEAD
from tillitsvalgt.store_basics import SQLITE_HEADER as SQLITE_HEADER
from tillitsvalgt.store_basics import alembic_config as alembic_config
from tillitsvalgt.store_basics import shm_failed as shm_failed
from tillitsvalgt.store_basics import sqlite_file_uri as sqlite_file_uri

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another's lock: SQLite's busy timeout, PostgreSQL's
lock_timeout."""
STATEMENT_TIMEOUT_MS = 120_000
"""PostgreSQL: the longest one statement of the app may run (migrations are exempt)."""


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
        return mask_password(str(url))


# user:password@ after a scheme, or at the very start of a URL typed without one. Greedy
# up to the last @ of the URL: a password with an unescaped @ must not leak its tail.
_URL_PASSWORD = re.compile(r"(://[^:/@]*:).*@")
_BARE_URL_PASSWORD = re.compile(r"^([^:/@]*:).*@")
# In running text (a driver's message) a URL ends at whitespace.
_TEXT_PASSWORD = re.compile(r"(://[^:/@\s]*:)\S*@")


def mask_password(url: str) -> str:
    """Hide the password of a URL that may not even parse (with or without a scheme)."""
    pattern = _URL_PASSWORD if "://" in url else _BARE_URL_PASSWORD
    return pattern.sub(r"\1***@", url)


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
        invalid = DatabaseError(
            f"Databaseadressen «{mask_password(url)}» er ikke gyldig. Eksempel: "
            "postgresql://bruker@tjener:5432/tillitsvalgt eller sqlite:///sti/til/fil.db "
            "(tegnene @ : / i passordet skrives %40 %3A %2F)."
        )
        try:
            parsed = make_url(url)
        except (sa.exc.ArgumentError, ValueError):  # ValueError: a port that is not a number
            raise invalid from None
        if parsed.host and "@" in parsed.host:
            # An unescaped @ in the password: the rest of the password would be taken for
            # the host name and shown in every message.
            raise invalid
        if parsed.get_backend_name() == "sqlite":
            if not parsed.database or parsed.database == ":memory:":
                raise DatabaseError("En SQLite-adresse må peke på en fil.")
            return Location(url, Path(parsed.database).expanduser().resolve())
        if parsed.get_backend_name() != "postgresql":
            raise DatabaseError(
                f"Databasetypen «{parsed.get_backend_name()}» støttes ikke; bruk SQLite eller "
                "PostgreSQL."
            )
        # psycopg 3 is the driver we ship; a URL copied from elsewhere may name another
        # (postgresql+psycopg2://, +asyncpg) that is not installed.
        parsed = parsed.set(drivername="postgresql+psycopg")
        return Location(parsed.render_as_string(hide_password=False), None)
    directory = paths.data_dir(data_dir)
    file = (directory / paths.DATABASE_FILENAME).resolve()
    return Location(sqlite_url(file), file)


def sqlite_file_url(file: str | os.PathLike[str]) -> str:
    """A SQLite URL for ``file`` (made absolute) that survives ?, # and % in the path."""
    path = Path(file).expanduser().resolve()
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def choice_url(choice: str | os.PathLike[str]) -> str:
    """The URL for what the user chose: a path (or text without ``://``) is a SQLite file,
    anything else a database URL, returned as given apart from surrounding spaces."""
    if isinstance(choice, os.PathLike):
        return sqlite_file_url(choice)
    text = choice.strip()
    if not text:
        raise UserError(
            "Oppgi en databasefil eller en adresse, for eksempel "
            "postgresql://bruker@tjener:5432/tillitsvalgt."
        )
    return text if "://" in text else sqlite_file_url(text)


def saved_database_url(data_dir: str | os.PathLike[str] | None = None) -> str | None:
    """The remembered choice (settings «database») as a URL; None: the default file in the
    data directory."""
    value = settings.read(data_dir).database
    return choice_url(value) if value else None


def chosen_database_url(
    database_url: str | None = None, data_dir: str | os.PathLike[str] | None = None
) -> str | None:
    """The one order both doors (the window and the command line) use: ``--database-url``,
    then TILLITSVALGT_DATABASE_URL, then the saved choice; None: the SQLite file in the
    data directory."""
    return database_url or os.environ.get(paths.DATABASE_URL_ENV) or saved_database_url(data_dir)


# SQLite keeps the WAL index in a file (-shm) it creates and grows on the first read. On a
# full disk that fails with one of these, and no read would work at all. A connection in
# EXCLUSIVE locking mode keeps the index in its own memory instead: it can read (and
# report a write as a full disk), at the price of locking other programs out while it
# lives, so such connections are closed after every unit of work (see _create_engine).
WITHOUT_SHM = "tillitsvalgt_without_shm"


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    _configure_sqlite(dbapi_conn)


def _sqlite_do_connect(_dialect: Any, record: Any, cargs: Any, cparams: Any) -> Any:
    """Connect as usual; when there is no room for -shm, connect again in exclusive
    locking mode (the failed connection cannot be switched: it is closed)."""
    conn = sqlite3.connect(*cargs, **cparams)
    try:
        _configure_sqlite(conn)
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if not shm_failed(exc):
            raise
    log.info("no room for the WAL index (-shm): reading in exclusive mode")
    conn = sqlite3.connect(*cargs, **cparams)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    record.info[WITHOUT_SHM] = True
    return conn


def _configure_sqlite(dbapi_conn: sqlite3.Connection) -> None:
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


def _driver_text(exc: BaseException, location: Location) -> str:
    """The driver's own message with the password scrubbed: drivers may echo parts of the
    connection string back (an invalid option value, for instance)."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    if location.file is None:
        try:
            password = make_url(location.url).password
        except Exception:
            password = None
        if password:
            text = text.replace(str(password), "***")
        text = _TEXT_PASSWORD.sub(r"\1***@", text)
    return text


# PostgreSQL's deadlock_detected and serialization_failure: the transaction was undone
# because of another one running at the same time, and may simply be run again.
_TRY_AGAIN_STATES = {"40P01", "40001"}


def translate_error(exc: BaseException, location: Location) -> DatabaseError | None:
    """A Norwegian message for driver errors the user can do something about."""
    detail = _driver_text(exc, location)
    text = detail.lower()
    where = location.describe()
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseError(
            f"Databasen {where} er låst av et annet program, eller svært opptatt (kanskje "
            "Tillitsvalgt åpnet to ganger, eller en sikkerhetskopi som pågår). Vent litt og "
            "prøv igjen, eller lukk det andre programmet. Ingenting er endret."
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
    if (
        "disk is full" in text
        or "database or disk is full" in text
        or "no space" in text
        or ("disk i/o error" in text and _no_room_beside(location.file))
    ):
        return DatabaseError(
            f"Det er ikke plass på disken for databasen {where}. Frigjør plass og prøv igjen. "
            "Ingenting er endret."
        )
    if "unable to open database" in text:
        return DatabaseError(
            f"Databasen {where} kan ikke åpnes. Sjekk at mappen finnes og at du har tilgang."
        )
    if getattr(getattr(exc, "orig", None), "sqlstate", None) in _TRY_AGAIN_STATES:
        # The server undid this unit of work because it collided with another one at the
        # same moment; it is not a connection problem.
        return DatabaseError(
            f"Databasen {where} var opptatt med en annen endring av de samme opplysningene "
            "akkurat nå. Ingenting er lagret; prøv igjen."
        )
    waited = _waited_too_long(exc, location)
    if waited is not None:
        return waited
    refused = _refused(exc, detail, location)
    if refused is not None:
        return refused
    if location.file is None and isinstance(exc, OperationalError):
        return _server_trouble(exc, detail, where)
    return None


def _waited_too_long(exc: BaseException, location: Location) -> DatabaseError | None:
    """PostgreSQL gave up waiting (lock_timeout, statement_timeout; see _create_engine)."""
    if location.file is not None:
        return None
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    where = location.describe()
    if sqlstate == "55P03":  # lock_not_available
        return DatabaseError(
            f"Databasen {where} er låst av en annen bruker eller et annet program, og "
            "Tillitsvalgt ga opp å vente. Ingenting er endret; prøv igjen om litt. Varer det, "
            "si fra til den som drifter databasen (en låst tabell eller en transaksjon som er "
            "latt stå åpen)."
        )
    if sqlstate == "57014":  # query_canceled: statement_timeout
        return DatabaseError(
            f"Databasetjeneren {where} brukte for lang tid (over "
            f"{STATEMENT_TIMEOUT_MS // 1000} sekunder), og Tillitsvalgt avbrøt. Ingenting er "
            "endret; prøv igjen, og si fra til den som drifter databasen om det gjentar seg."
        )
    return None


LOW_SPACE_BYTES = 256 * 1024


def _no_room_beside(file: Path | None) -> bool:
    """Is the disk holding ``file`` (all but) full? SQLite reports a full disk as an I/O
    error when it happens outside a write (creating -shm, a checkpoint), and "cannot be
    read, restore a backup" would send the user the wrong way."""
    if file is None or not hasattr(os, "statvfs"):
        return False
    try:
        st = os.statvfs(file.parent)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < LOW_SPACE_BYTES


def _server_trouble(exc: BaseException, detail: str, where: str) -> DatabaseError:
    """psycopg raises OperationalError both when the server cannot be reached and when it
    ran out of room or hit a limit; only the first is about the address and password."""
    first_line = (detail.splitlines() or ["ukjent feil"])[0]
    sqlstate = str(getattr(getattr(exc, "orig", None), "sqlstate", None) or "")
    if sqlstate == "53100":  # disk_full
        return DatabaseError(
            f"Databasetjeneren {where} har ikke mer plass på disken. Ingenting er lagret; si "
            "fra til den som drifter den."
        )
    if sqlstate.startswith(("53", "54")):  # out of resources, a program limit
        return DatabaseError(
            f"Databasetjeneren {where} kunne ikke gjøre dette (for stort eller for mye på en "
            f"gang). Ingenting er lagret. ({first_line})"
        )
    if sqlstate and not sqlstate.startswith(("08", "28", "3D", "57")):
        return DatabaseError(
            f"Databasetjeneren {where} avviste endringen. Ingenting er lagret. ({first_line})"
        )
    return DatabaseError(
        f"Får ikke kontakt med databasetjeneren {where}. Sjekk adressen, brukernavnet og "
        f"passordet, og at tjeneren kjører. ({first_line})"
    )


# SQLSTATE of the checks our own migrations raise (0008), with a Norwegian message.
OWN_REFUSAL = "TV403"
INSUFFICIENT_PRIVILEGE = "42501"


def _refused(exc: BaseException, detail: str, location: Location) -> AccessError | None:
    """PostgreSQL said no to the connected role: a privilege it lacks, or a row another
    branch owns (row-level security)."""
    if location.file is not None:
        return None
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    first_line = (detail.splitlines() or ["ingen tilgang"])[0]
    if sqlstate == OWN_REFUSAL:
        return AccessError(first_line)
    if sqlstate != INSUFFICIENT_PRIVILEGE:
        return None
    user = make_url(location.url).username
    who = f"brukeren «{user}»" if user else "deg"
    return AccessError(
        f"Databasen nektet dette for {who}: du har ikke tilgang (en sak kan høre "
        "til en annen avdeling, eller endringen krever forbundskontoret eller databasens "
        f"administrator). Ingenting er endret. ({first_line})"
    )


BEFORE_COMMIT = "tillitsvalgt_before_commit"


def before_commit(session: Session, name: str, hook: Callable[[Session], None]) -> None:
    """Run ``hook`` once, inside the unit of work, just before it commits (e.g. to store
    the verdict of every case the unit changed, once per case rather than once per edit)."""
    session.info.setdefault(BEFORE_COMMIT, {})[name] = hook


def run_before_commit(session: Session) -> None:
    hooks: dict[str, Callable[[Session], None]] = session.info.pop(BEFORE_COMMIT, {})
    for hook in hooks.values():
        hook(session)
    session.flush()


class Database:
    """One database, opened and migrated. ``session()`` is the unit of work."""

    def __init__(self, location: Location, engine: Engine) -> None:
        self.location = location
        self.engine = engine
        self._readonly_engine = engine.execution_options(tillitsvalgt_readonly=True)
        # What every unit of work may need besides the database (e.g. the catalogue in use).
        self.session_info: dict[str, Any] = {}

        history.install()

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        *,
        database_url: str | None = None,
        data_dir: str | os.PathLike[str] | None = None,
        migrate: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        template: bool = True,
    ) -> Database:
        """Open (creating if needed) and bring the schema to this version's head.
        ``template``: a new SQLite file starts as a copy of the install's migrated template
        when there is one (``schema_template.py``); False: Alembic migrates it."""
        location = resolve_location(database_url=database_url, data_dir=data_dir)
        if location.file is not None:
            _prepare_sqlite_file(
                location, busy_timeout_ms=busy_timeout_ms, template=template and migrate
            )

            remove_stale_leftovers(location.file)
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
            with Session(bind, expire_on_commit=False, info=dict(self.session_info)) as session:
                try:
                    yield session
                    if readonly:
                        session.rollback()
                    else:
                        run_before_commit(session)
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
            return _stored_revision(conn)

    def head_revision(self) -> str:
        return SCHEMA_HEAD

    def _check_revision(self) -> None:
        """Refuse a database this version cannot read, before touching anything. (A SQLite
        file has already been checked read-only by ``_prepare_sqlite_file``.)"""
        with self.engine.connect() as conn:
            current = _stored_revision(conn)
            if current == SCHEMA_HEAD:
                return  # the everyday case, without loading Alembic (≈0.2 s)
            tables = set(sa.inspect(conn).get_table_names())
        refuse_unknown_schema(self.location, current, tables)

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
            backup_file = backup_sqlite(self, reason="for-oppgradering")
            log.info("backed up before migration to %s", backup_file)
        from alembic import command

        with self.engine.begin() as conn:
            if self.location.file is None:
                # A migration of a large database may take longer than any one statement of
                # the app is allowed to.
                conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
            cfg = self.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return backup_file


def _stored_revision(conn: sa.Connection) -> str | None:
    """The database's schema version, as Alembic records it (None: no Alembic table)."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def refuse_unknown_schema(location: Location, current: str | None, tables: set[str]) -> None:
    """Raise unless the database is empty or made by this or an older version."""
    if current == SCHEMA_HEAD:
        return
    if current is None:
        ours = {"cases", "employers", "events"}
        if tables & ours or (location.is_sqlite and tables - {"alembic_version"}):
            raise DatabaseError(
                f"Databasen {location.describe()} inneholder tabeller som ikke er "
                "laget av Tillitsvalgt. Velg en annen fil eller en tom database; denne er "
                "ikke endret."
            )
        return
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(current)
    except Exception:
        raise DatabaseError(
            f"Databasen {location.describe()} er laget av en nyere versjon av "
            f"Tillitsvalgt (skjemaversjon {current}). Oppdater programmet før du åpner "
            "den; databasen er ikke endret."
        ) from None


def create_engine_for(location: Location, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    try:
        return _create_engine(location, busy_timeout_ms)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise DatabaseError(
            f"Databaseadressen {location.describe()} kan ikke brukes: {mask_password(str(exc))}"
        ) from None


def _create_engine(location: Location, busy_timeout_ms: int) -> Engine:
    if location.file is not None:
        engine = sa.create_engine(
            # Built from the path, not parsed from a string: a data directory may contain
            # ?, # or %, which a URL string would cut or decode.
            URL.create("sqlite", database=str(location.file)),
            connect_args={"timeout": busy_timeout_ms / 1000, "check_same_thread": False},
        )

        def on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
            _on_sqlite_connect(dbapi_conn, record)
            dbapi_conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")

        event.listen(engine, "do_connect", _sqlite_do_connect)
        event.listen(engine, "connect", on_connect)
        event.listen(engine, "checkin", _release_exclusive)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    url = make_url(location.url)
    # A server that does not answer (firewall, wrong host) would otherwise hang the start
    # for minutes; the user's own connect_timeout in the URL wins.
    connect_args: dict[str, Any] = {} if "connect_timeout" in url.query else {"connect_timeout": 10}
    # Anybody who may write a table may lock it (LOCK TABLE, or a transaction left open):
    # without limits every branch's app would hang with no word. The user's own options in
    # the URL come after ours, and so win.
    limits = f"-c lock_timeout={busy_timeout_ms} -c statement_timeout={STATEMENT_TIMEOUT_MS}"
    own = url.query.get("options")
    if own:
        own_text = own if isinstance(own, str) else " ".join(own)
        url = url.difference_update_query(["options"])
        limits = f"{limits} {own_text}"
    connect_args["options"] = limits
    return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _release_exclusive(_dbapi_conn: Any, record: Any) -> None:
    """A connection that reads without -shm holds an exclusive lock for its whole life:
    close it when the unit of work is done, so other programs can use the file again."""
    if record is not None and record.info.get(WITHOUT_SHM):
        record.invalidate()


def _from_template(file: Path) -> bool:
    """A new database as a copy of the schema Alembic made at install time: the first
    start needs no Alembic (≈ 0.2 s). False: no template of these migrations here."""
    from tillitsvalgt import schema_template

    found = schema_template.find(SCHEMA_HEAD)
    return found is not None and schema_template.install(found, file)


def _prepare_sqlite_file(
    location: Location, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, template: bool = False
) -> None:
    """Check the file before SQLite opens it read-write, and make a new one private to its
    owner (with ``template``: a copy of the migrated template, if the install made one). A
    refused file is left exactly as it was: not even its permissions change."""
    file = location.file
    assert file is not None
    directory = file.parent
    if not directory.exists():
        try:
            paths.ensure_private_dir(directory)
        except OSError as exc:
            raise DatabaseError(
                f"Kan ikke opprette mappen {directory} for databasen: {_reason(exc)}. Velg en "
                "annen mappe med --data-dir."
            ) from None
    elif not directory.is_dir():
        raise DatabaseError(f"{directory} er ikke en mappe; databasen kan ikke ligge der.")
    if file.is_dir():
        raise DatabaseError(f"{file} er en mappe, ikke en databasefil.")
    with contextlib.suppress(FileNotFoundError):
        # A FIFO would block the first read for ever; a device (/dev/null through a
        # symlink) is no database either.
        if not stat.S_ISREG(os.stat(file).st_mode):
            raise DatabaseError(
                f"{file} er ikke en vanlig fil (men en enhet, en FIFO eller lignende), og kan "
                "ikke være databasen. Velg en annen fil eller mappe; ingenting er endret."
            )
    if not file.exists():
        if template and _from_template(file):
            return
        try:
            paths.make_private_file(file)
        except OSError as exc:
            raise DatabaseError(
                f"Kan ikke opprette databasefilen {file}: {_reason(exc)}. Velg en annen mappe."
            ) from None
        return
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
    if header and _stale_wal(file):
        raise DatabaseError(
            f"Ved siden av databasen {file} ligger en {file.name}-wal-fil som ikke hører til "
            "den: databasen ser ut til å være kopiert inn for hånd over en som ble avbrutt. "
            f"Åpnet sammen ville de gitt en blanding av to databaser. Flytt {file.name}-wal og "
            f"{file.name}-shm bort (eller bruk «tillitsvalgt restore», som tar hånd om dem). "
            "Ingenting er endret."
        )
    if header:
        _check_sqlite_readonly(location, busy_timeout_ms)
    # The folder is the user's (see paths.ensure_private_dir); the files are ours.
    for extra in (file, file.with_name(file.name + "-wal"), file.with_name(file.name + "-shm")):
        _tighten(extra, 0o600)


_WAL_MAGIC = (bytes.fromhex("377f0682"), bytes.fromhex("377f0683"))


def _stale_wal(file: Path) -> bool:
    """Is there a ``-wal`` with committed frames next to a main file that was last written
    in rollback-journal mode? The app keeps its database in WAL mode (header bytes 18–19
    are 2, and SQLite's backup API sets them so when it restores into it), and leaving WAL
    mode deletes the ``-wal`` first. A rollback-mode file beside a ``-wal`` is therefore a
    file copied in by hand (the app's backups are rollback-mode files) over a database
    that had crashed: SQLite would apply the old ``-wal`` to the new file regardless."""
    try:
        with file.open("rb") as fh:
            header = fh.read(20)
        with file.with_name(file.name + "-wal").open("rb") as fh:
            wal_header = fh.read(32)
            wal_size = os.fstat(fh.fileno()).st_size
    except OSError:
        return False
    if len(header) < 20 or header[18:20] != b"\x01\x01":
        return False
    return wal_size > 32 and wal_header[:4] in _WAL_MAGIC


def _check_sqlite_readonly(location: Location, busy_timeout_ms: int) -> None:
    """Refuse a foreign, newer or damaged SQLite file through a read-only connection. Our
    own connections switch the file to WAL on connect, which rewrites its header: a file we
    refuse must not have been changed by looking at it."""
    assert location.file is not None
    # A file whose header says WAL (byte 18 is 2: one in 256 files of random bytes) gets a
    # -wal and -shm beside it from the read-only look; a refused file must leave none. Only
    # files this look made go, and only an empty -wal (a read-only look writes nothing to
    # it; one with content is another program's) and then its -shm.
    wal, shm = (location.file.with_name(location.file.name + end) for end in ("-wal", "-shm"))
    ours = not wal.exists() and not shm.exists()
    try:
        _refuse_foreign(location, busy_timeout_ms)
    except DatabaseError:
        if ours and wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
            shm.unlink(missing_ok=True)
        raise


def _refuse_foreign(location: Location, busy_timeout_ms: int) -> None:
    assert location.file is not None
    try:
        try:
            tables, current = _read_schema(location.file, busy_timeout_ms, without_shm=False)
        except sqlite3.OperationalError as exc:
            if not shm_failed(exc):
                raise
            tables, current = _read_schema(location.file, busy_timeout_ms, without_shm=True)
    except sqlite3.Error as exc:
        error = translate_error(exc, location)
        if error is not None:
            raise error from None
        raise DatabaseError(
            f"Databasen {location.file} kan ikke leses ({exc}). Velg en annen fil, eller "
            "gjenopprett fra en sikkerhetskopi."
        ) from None
    refuse_unknown_schema(location, current, tables)


def _read_schema(
    file: Path, busy_timeout_ms: int, *, without_shm: bool
) -> tuple[set[str], str | None]:
    """The table names and the stored revision, read without changing the file: read-only,
    or (when there is no room for -shm) in exclusive locking mode, which needs write access
    to the file but writes nothing when only reading."""
    with contextlib.closing(
        sqlite3.connect(
            sqlite_file_uri(file, readonly=not without_shm),
            uri=True,
            timeout=busy_timeout_ms / 1000,
        )
    ) as conn:
        if without_shm:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        tables = {
            str(name)
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        current = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            current = str(row[0]) if row else None
    return tables, current


def _tighten(path: Path, mode: int) -> None:
    """Take away permissions beyond ``mode`` (group and others), never add any: a user who
    made the file read-only must get a message, not have it silently made writable. A
    file that is not ours to change (another owner) is left as it is."""
    if os.name != "posix":
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode:
            os.chmod(path, current & mode)
    except FileNotFoundError:
        pass
    except PermissionError:
        log.info("could not tighten permissions of %s (not the owner)", path)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "du har ikke skrivetilgang der"
    if exc.strerror:
        return exc.strerror
    return str(exc)
