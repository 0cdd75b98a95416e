"""Backups of the SQLite database with SQLite's online backup API, restore, the integrity
check, and the automatic backup at start-up. A PostgreSQL database is backed up by the
server's own tools (pg_dump).

Next to every backup ``X.db`` lies ``X.db.json``: the SHA-256 of the file (so damage that
SQLite's own check cannot see, such as changed bytes inside a text value, is caught before a
restore) and what the live files looked like when the copy was taken (see
:func:`auto_backup`). A backup without it (copied by hand) is still usable; it is then only
checked by SQLite.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import stat
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tillitsvalgt import paths
from tillitsvalgt.backup_leftovers import (
    BACKUP_PREFIX,
    RESTORE_TEMP_SUFFIX,
    SIDECAR_SUFFIX,
    TEMP_SUFFIX,
    remove_stale_leftovers,
    remove_stale_temp_files,
)
from tillitsvalgt.backup_leftovers import (
    claimed as _claimed,
)
from tillitsvalgt.errors import DatabaseError, os_reason
from tillitsvalgt.shapes import BackupInfo as BackupInfo  # defined with the shapes
from tillitsvalgt.shapes import IntegrityReport as IntegrityReport  # defined with the shapes
from tillitsvalgt.store_basics import (
    SCHEMA_HEAD,
    SQLITE_HEADER,
    alembic_config,
    shm_failed,
    sqlite_file_uri,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


class _Where(Protocol):
    @property
    def file(self) -> Path | None: ...


class Database(Protocol):
    """What the backups need of an open ``db.Database``: where it is, its engine (to let go
    of the file) and its migration. Typed here, as ``db`` imports this module (it backs a
    file up before migrating it) and this one may not import ``db``."""

    @property
    def location(self) -> _Where: ...

    @property
    def engine(self) -> Engine: ...

    def migrate(self) -> Path | None: ...


DEFAULT_KEEP = 10
SIDECAR_FORMAT = 1
AUTO_REASON = "automatisk"
# The free-text index is derived from the other tables; leaving it out of the content
# fingerprint keeps FTS housekeeping from looking like a change.
DERIVED_TABLE_PREFIX = "case_search"


def backup_dir(db: Database | Path) -> Path:
    """The backup folder next to the database (``db`` may be the live file itself, for
    the commands that must work without opening a damaged database)."""
    return _live_file(db).parent / "backups"


def _live_file(db: Database | Path) -> Path:
    if isinstance(db, Path):
        return db
    return _require_sqlite(db)


def _require_sqlite(db: Database) -> Path:
    if db.location.file is None:
        raise DatabaseError(
            "Sikkerhetskopi og gjenoppretting fra programmet gjelder SQLite-databaser. En "
            "PostgreSQL-database sikkerhetskopieres på tjeneren (pg_dump) av den som drifter den."
        )
    return db.location.file


@contextlib.contextmanager
def _raw(file: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(sqlite_file_uri(file, readonly=readonly), uri=True, timeout=5)
    try:
        if readonly:
            try:
                conn.execute("PRAGMA schema_version").fetchone()
            except sqlite3.OperationalError as exc:
                if not shm_failed(exc):
                    raise
                # A full disk has no room for -shm: read in exclusive locking mode, which
                # keeps the WAL index in memory (see db._sqlite_do_connect).
                conn.close()
                conn = sqlite3.connect(sqlite_file_uri(file), uri=True, timeout=5)
                conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        yield conn
    finally:
        conn.close()


def sidecar(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + SIDECAR_SUFFIX)


def _read_sidecar(backup_file: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(sidecar(backup_file).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_private(file: Path, data: bytes) -> None:
    tmp = file.with_name(file.name + TEMP_SUFFIX)
    paths.make_private_file(tmp)
    tmp.write_bytes(data)
    os.replace(tmp, file)


def file_sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _new_backup_name(directory: Path, reason: str) -> Path:
    stamp = datetime.now(UTC).astimezone().strftime("%Y%m%d-%H%M%S-%f")
    return directory / f"{BACKUP_PREFIX}{stamp}-{reason}.db"


def _ensure_backup_dir(directory: Path) -> None:
    try:
        paths.ensure_private_dir(directory)
    except OSError as exc:
        raise DatabaseError(
            f"Mappen for sikkerhetskopier {directory} kan ikke opprettes: {exc.strerror}."
        ) from None


def backup_sqlite(
    db: Database | Path,
    *,
    reason: str = "manuell",
    keep: int | None = DEFAULT_KEEP,
    target: Path | None = None,
) -> Path:
    """Copy the live database (consistent even while it is in use) to a new private file in
    the backup folder, then delete the oldest beyond ``keep`` (``None``: delete nothing).
    Returns the new file."""
    source = _live_file(db)
    if target is None:
        directory = backup_dir(source)
        _ensure_backup_dir(directory)
        remove_stale_temp_files(directory)
        target = _new_backup_name(directory, reason)
    tmp = target.with_name(target.name + TEMP_SUFFIX)
    moved = False
    try:
        # Taken before the copy: a write that lands between this and the copy makes the
        # state look changed (at worst one needless content comparison in auto_backup),
        # never the other way round.
        state = live_file_state(source)
        created = datetime.now(UTC)
        # Claimed (created private and locked) until it has its final name: a cleanup in
        # another process must not take it for a leftover (backup_leftovers).
        with _claimed(tmp):
            with _raw(source) as src, contextlib.closing(sqlite3.connect(tmp)) as dst:
                src.backup(dst)  # one step: one read transaction, so one consistent snapshot
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            digest = file_sha256(tmp)
            sidecar(target).unlink(missing_ok=True)  # a stale one would condemn the new file
            os.replace(tmp, target)
        moved = True
        meta = {
            "format": SIDECAR_FORMAT,
            "sha256": digest,
            "created": created.isoformat(),
            "reason": reason,
            "source_state": state,
        }
        _write_private(sidecar(target), json.dumps(meta, indent=1).encode("utf-8"))
    except (sqlite3.Error, OSError) as exc:
        # Half a backup (or one without its checksum) must not be left for a restore to pick.
        for leftover in (
            tmp,
            tmp.with_name(tmp.name + "-journal"),
            sidecar(target).with_name(sidecar(target).name + TEMP_SUFFIX),
        ):
            leftover.unlink(missing_ok=True)
        if moved:
            target.unlink(missing_ok=True)
            sidecar(target).unlink(missing_ok=True)
        if _disk_full(exc):
            raise DatabaseError(
                f"Det er ikke plass på disken for sikkerhetskopien i {target.parent}. Frigjør "
                "plass og prøv igjen. Databasen er ikke endret."
            ) from None
        if isinstance(exc, sqlite3.Error):
            raise DatabaseError(f"Sikkerhetskopien kunne ikke lages: {exc}") from None
        raise DatabaseError(
            f"Sikkerhetskopien kunne ikke skrives til {target}: {exc.strerror or exc}."
        ) from None
    if keep is not None and target.parent == backup_dir(source):
        prune(source, keep=keep)
    return target


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL"


def list_backups(db: Database | Path) -> list[Path]:
    """Newest first."""
    directory = backup_dir(db)
    if not directory.is_dir():
        return []
    files = [p for p in directory.glob(f"{BACKUP_PREFIX}*.db") if p.is_file()]
    return sorted(files, key=lambda p: p.name, reverse=True)


# The retention policy: the newest ``keep`` backups, and besides them the newest backup
# of each of the last KEEP_DAILY days and of each of the last KEEP_MONTHLY months. Ten
# restarts on one busy day can then never push out last week's or last spring's state,
# which is what a representative needs when a mistake is found late.
KEEP_DAILY = 14
KEEP_MONTHLY = 12


def backups_to_keep(
    created: Sequence[tuple[Path, datetime]],
    *,
    now: datetime,
    keep: int = DEFAULT_KEEP,
    daily: int = KEEP_DAILY,
    monthly: int = KEEP_MONTHLY,
) -> set[Path]:
    """Which of the backups (file, when made) the policy keeps; pure."""
    newest_first = sorted(created, key=lambda item: item[1], reverse=True)
    kept = {path for path, _ in newest_first[: max(keep, 1)]}
    today = now.astimezone().date()
    seen_days: set[date] = set()
    seen_months: set[tuple[int, int]] = set()
    for path, when in newest_first:
        day = when.astimezone().date()
        age_days = (today - day).days
        if 0 <= age_days < daily and day not in seen_days:
            seen_days.add(day)
            kept.add(path)
        month = (day.year, day.month)
        months_back = (today.year - day.year) * 12 + today.month - day.month
        if 0 <= months_back < monthly and month not in seen_months:
            seen_months.add(month)
            kept.add(path)
    return kept


def prune(
    db: Database | Path, *, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> list[Path]:
    """Delete the backups the retention policy does not keep (see ``backups_to_keep``)."""
    files = list_backups(db)
    created = [(f, _created(f, _read_sidecar(f))) for f in files]
    kept = backups_to_keep(created, now=now or datetime.now(UTC), keep=keep)
    removed = []
    for old in files:
        if old in kept:
            continue
        old.unlink(missing_ok=True)
        sidecar(old).unlink(missing_ok=True)
        removed.append(old)
    return removed


def describe_backups(db: Database | Path) -> list[BackupInfo]:
    """Newest first; an unreadable file is left out (it cannot be restored anyway)."""
    out = []
    for file in list_backups(db):
        meta = _read_sidecar(file)
        try:
            size = file.stat().st_size
        except OSError:
            continue
        reason = str(meta.get("reason")) if meta and meta.get("reason") else _reason_of(file)
        out.append(BackupInfo(file, _created(file, meta), reason, size, bool(meta)))
    return sorted(out, key=lambda b: b.created, reverse=True)


def _reason_of(file: Path) -> str:
    # tillitsvalgt-YYYYmmdd-HHMMSS-ffffff-REASON.db
    parts = file.stem.split("-", 4)
    return parts[4] if len(parts) == 5 else "ukjent"


def check_file(file: Path) -> IntegrityReport:
    """Is ``file`` an undamaged Tillitsvalgt database this version can read?"""
    problems: list[str] = []
    try:
        with file.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return IntegrityReport(False, [f"{file} er ikke en SQLite-database."])
        meta = _read_sidecar(file)
        if meta is not None and meta.get("sha256") and meta["sha256"] != file_sha256(file):
            return IntegrityReport(
                False,
                [
                    f"{file} er endret eller skadet etter at sikkerhetskopien ble laget "
                    "(sjekksummen stemmer ikke)."
                ],
            )
    except OSError as exc:
        return IntegrityReport(False, [f"{file} kan ikke leses: {exc.strerror}."])
    try:
        with _raw(file, readonly=True) as conn:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                problems += [f"Integritetsfeil: {r[0]}" for r in rows[:20]]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"{len(fk)} rader peker på rader som ikke finnes (fremmednøkler).")
            try:
                (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except (sqlite3.Error, TypeError):
                problems.append(f"{file} er ikke en Tillitsvalgt-database (mangler skjemaversjon).")
                revision = None
    except sqlite3.DatabaseError as exc:
        return IntegrityReport(False, [f"{file} er skadet eller ikke en database: {exc}."])
    # Alembic (≈ 0.1 s to import) only for a revision that is not this version's own.
    if revision is not None and revision != SCHEMA_HEAD:
        from alembic.script import ScriptDirectory

        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(revision)
        except Exception:
            problems.append(
                f"{file} er laget av en nyere versjon av Tillitsvalgt (skjemaversjon {revision})."
            )
    return IntegrityReport(not problems, problems)


def integrity_check(db: Database) -> IntegrityReport:
    """The check of the live database (``tillitsvalgt check``)."""
    if db.location.file is None:
        # PostgreSQL guards its own pages and enforces the foreign keys itself.
        return IntegrityReport(True, [])
    return check_file(db.location.file)


def restore(db: Database, backup_file: Path) -> Path:
    """Replace the live database with ``backup_file`` (see :func:`restore_file`) and
    migrate it to head when it is older. Returns the safety copy of what was replaced."""
    target = _require_sqlite(db)
    db.engine.dispose()  # our pooled connections would hold old pages
    outcome = restore_file(target, backup_file)
    db.migrate()
    assert outcome.safety is not None  # the app had it open: it was a database
    return outcome.safety


@dataclass(frozen=True)
class RestoreOutcome:
    safety: Path | None  # the database as it was before the restore (None: no file was)
    damaged: bool  # it could not be opened, and was moved aside instead of copied


# How long a restore waits for another program's write to finish before it gives up (the
# same patience as every other write: db.BUSY_TIMEOUT_MS).
RESTORE_WAIT_SECONDS = 5.0


def restore_file(target: Path, backup_file: Path) -> RestoreOutcome:
    """Replace the live database file ``target`` with ``backup_file``; works without the
    app having opened ``target`` (it may be damaged).

    The backup is checked first. A live database that SQLite can read is overwritten
    through SQLite under one write lock, taken before the safety copy is made and held
    until the restored content is committed: another program writing at the same time
    either committed before the lock (its change is in the safety copy) or waits for the
    lock and, after the usual five seconds, is told the database is busy. Nothing is
    committed in between, so no change is lost without its writer being told.

    A live file SQLite cannot read is not opened at all: it is moved into the backup
    folder (``…-skadet.db``, with its ``-wal``), its ``-shm`` is deleted, and a copy of the
    backup takes its place, so a stale ``-wal`` can never be applied to the restored file.
    """
    backup_file = backup_file.expanduser().resolve()
    if not backup_file.is_file():
        raise DatabaseError(f"Finner ikke sikkerhetskopien {backup_file}.")
    if target.exists() and backup_file.samefile(target):
        raise DatabaseError("Du kan ikke gjenopprette databasen fra seg selv.")
    report = check_file(backup_file)
    if not report.ok:
        raise DatabaseError(
            f"Sikkerhetskopien {backup_file} kan ikke brukes, og ingenting er endret:\n"
            + "\n".join(f"  – {p}" for p in report.problems)
        )
    directory = backup_dir(target)
    _ensure_backup_dir(directory)
    remove_stale_leftovers(target)
    if _readable_by_sqlite(target):
        try:
            return RestoreOutcome(_restore_in_place(target, backup_file), damaged=False)
        except _LiveDamaged:
            pass  # found damaged while copying it; nothing was written
    return RestoreOutcome(_replace_damaged(target, backup_file), damaged=True)


class _LiveDamaged(Exception):
    pass


def _readable_by_sqlite(file: Path) -> bool:
    """Can SQLite open ``file`` and read its schema? (A missing or empty file is not worth
    a safety copy either.) Read-only, and a FIFO or device is never opened."""
    try:
        st = os.stat(file)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_size == 0:
        return False
    try:
        with file.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return False
        with _raw(file, readonly=True) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (OSError, sqlite3.DatabaseError):
        return False
    return True


_DAMAGE_ERRORS = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def _restore_in_place(target: Path, backup_file: Path) -> Path:
    """Overwrite the live file through SQLite's backup API, with the safety copy taken
    while the API holds the live file's write lock (see :func:`restore_file`)."""
    safety: list[Path] = []
    started = time.monotonic()

    def between_steps(status: int, _remaining: int, _total: int) -> None:
        # Called after every step. The first step that succeeds has taken the live file's
        # write lock; the API keeps it until the last page is committed.
        if safety:
            return
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            if time.monotonic() - started >= RESTORE_WAIT_SECONDS:
                raise DatabaseError(
                    f"Databasen {target} er i bruk av et annet program som skriver til den. "
                    "Vent litt og prøv igjen. Ingenting er endret."
                )
            return
        # Other programs may still read (WAL), and see the database as it was.
        safety.append(backup_sqlite(target, reason="for-gjenoppretting", keep=None))

    try:
        with _raw(backup_file, readonly=True) as src, _raw(target) as dst:
            pages = src.execute("PRAGMA page_count").fetchone()[0]
            if pages < 2:  # cannot happen for a checked backup; the lock needs two steps
                raise DatabaseError(f"Sikkerhetskopien {backup_file} er tom.")
            # One page per step: the safety copy is made after the first step, and the
            # whole copy must not have been committed in that step.
            src.backup(dst, pages=1, progress=between_steps)
    except sqlite3.Error as exc:
        if not safety and getattr(exc, "sqlite_errorname", "") in _DAMAGE_ERRORS:
            raise _LiveDamaged from None
        where = f" eller kan hentes tilbake fra {safety[0]}" if safety else ""
        raise DatabaseError(
            f"Gjenopprettingen feilet ({exc}); databasen er uendret{where}."
        ) from None
    if not safety:  # the backup finished in one step: cannot happen with pages=1 and ≥ 2
        raise DatabaseError("Gjenopprettingen tok ingen sikkerhetskopi; prøv igjen.")
    return safety[0]


def _replace_damaged(target: Path, backup_file: Path) -> Path | None:
    """Put a copy of ``backup_file`` in the place of a live file SQLite cannot read. The
    damaged file is kept in the backup folder (it may still hold something worth saving,
    and it is rotated out like any backup)."""
    directory = backup_dir(target)
    aside = _new_backup_name(directory, "skadet")
    kept: Path | None = None  # a FIFO, device or symlink in its place holds no data
    tmp = target.with_name(target.name + RESTORE_TEMP_SUFFIX)
    wal = target.with_name(target.name + "-wal")
    wal_aside = aside.with_name(aside.name + "-wal")
    replaced = False
    try:
        with _claimed(tmp):
            with backup_file.open("rb") as src, tmp.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
            if _is_regular(target):
                # A hard link keeps the live name occupied until the copy replaces it: a
                # program starting in between never finds it missing (and makes a new,
                # empty database).
                try:
                    os.link(target, aside)
                except OSError:  # a file system without hard links
                    shutil.copy2(target, aside)
                kept = aside
            if wal.exists():
                if kept is not None:
                    os.replace(wal, wal_aside)  # it belongs to the damaged file
                else:
                    wal.unlink()
            target.with_name(target.name + "-shm").unlink(missing_ok=True)
            os.replace(tmp, target)
            replaced = True
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if not replaced:  # the damaged file is still in place: put its -wal back
            if wal_aside.exists() and not wal.exists():
                with contextlib.suppress(OSError):
                    os.replace(wal_aside, wal)
            aside.unlink(missing_ok=True)
        if _disk_full(exc):
            raise DatabaseError(
                f"Det er ikke plass på disken for å gjenopprette {target}. Frigjør plass og "
                "prøv igjen."
            ) from None
        raise DatabaseError(
            f"Gjenopprettingen feilet: {os_reason(exc)}. Databasen {target} er uendret."
        ) from None
    if kept is not None:
        with contextlib.suppress(OSError):
            paths.make_private_file(kept)
    return kept


def _is_regular(file: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(file).st_mode)
    except OSError:
        return False


# --------------------------------------------------------------------------- automatic


def live_file_state(file: Path) -> dict[str, Any]:
    """What the database files say about the last write, read in microseconds.

    Every committed write changes one of these: in WAL mode it appends frames to ``-wal``
    (size and mtime change; a restarted WAL gets new salts in its header), and a
    checkpoint rewrites the main file (mtime); in rollback-journal mode the main file's
    change counter (header bytes 24–27) is incremented on every transaction, which also
    covers file systems with coarse timestamps. Reads change none of them. The inode
    number catches a file replaced by a copy. An empty or missing ``-wal`` (what SQLite
    leaves after a clean close, or creates on open) counts as no WAL."""
    st = file.stat()
    with file.open("rb") as fh:
        counter = fh.read(28)[24:28].hex()
    state: dict[str, Any] = {"db": [st.st_ino, st.st_size, st.st_mtime_ns, counter], "wal": None}
    try:
        with file.with_name(file.name + "-wal").open("rb") as fh:
            wst = os.fstat(fh.fileno())
            header = fh.read(32)
        if header:
            state["wal"] = [wst.st_size, wst.st_mtime_ns, header.hex()]
    except FileNotFoundError:
        pass
    return state


def content_digest(file: Path, *, readonly: bool = True) -> str:
    """SHA-256 of the database's logical content: the schema and every row of every table
    but the derived free-text index, read in one transaction. Equal for a database and a
    backup of it whatever their page layout or journal mode."""
    digest = hashlib.sha256()
    with _raw(file, readonly=readonly) as conn:
        conn.execute("BEGIN")  # one snapshot for all tables
        schema = conn.execute(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
        for kind, name, sql in schema:
            _feed(digest, (kind, name, sql))
            if kind != "table" or str(name).startswith(DERIVED_TABLE_PREFIX):
                continue
            for row in _rows(conn, str(name)):
                _feed(digest, row)
        conn.rollback()
    return digest.hexdigest()


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        cursor = conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid")
    except sqlite3.OperationalError:  # a WITHOUT ROWID table: a plain scan is in key order
        cursor = conn.execute(f"SELECT * FROM {quoted}")
    yield from cursor


def _feed(digest: Any, row: tuple[Any, ...]) -> None:
    digest.update(b"\x1e")
    for value in row:
        data = value if isinstance(value, bytes) else repr(value).encode("utf-8")
        # type and length first, so no two different rows feed the same bytes
        digest.update(f"{type(value).__name__}:{len(data)}:".encode())
        digest.update(data)


def _has_data(file: Path) -> bool:
    with _raw(file) as conn:
        tables = [
            str(name)
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for name in tables:
            if name == "alembic_version" or name.startswith(DERIVED_TABLE_PREFIX):
                continue
            quoted = '"' + name.replace('"', '""') + '"'
            if conn.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone():
                return True
    return False


def _created(backup_file: Path, meta: dict[str, Any] | None) -> datetime:
    if meta is not None:
        with contextlib.suppress(TypeError, ValueError):
            created = datetime.fromisoformat(str(meta["created"]))
            if created.tzinfo is not None:
                return created
    return datetime.fromtimestamp(backup_file.stat().st_mtime, UTC)


def changed_since(db: Database, backup_file: Path) -> bool:
    """Does the live database differ from ``backup_file``?

    First the cheap test: if the live files are exactly as they were when the backup was
    taken (:func:`live_file_state`), nothing was written since. Otherwise the content is
    compared, because file times also move without a change of data — a checkpoint copies
    pages that were already in the backup — and a needless backup would push an older,
    different one out of the kept set. ``PRAGMA data_version`` is no use here (it is per
    connection and starts afresh in every process), and max(updated_at) or row counts
    miss edits of tables without a timestamp (deadlines, representatives) and a delete
    followed by an insert."""
    file = _require_sqlite(db)
    meta = _read_sidecar(backup_file)
    if meta is not None:
        recorded = meta.get("source_state")
        if recorded is not None and json.loads(json.dumps(live_file_state(file))) == recorded:
            return False
    try:
        backup_digest = content_digest(backup_file)
    except sqlite3.Error:
        return True  # an unreadable newest backup is no backup at all
    # The live file is read read-write: a read-only connection would leave -wal and -shm
    # behind when the app is not running.
    return content_digest(file, readonly=False) != backup_digest


def auto_backup(
    db: Database,
    *,
    keep: int = DEFAULT_KEEP,
    min_interval: timedelta = timedelta(hours=24),
    now: datetime | None = None,
) -> Path | None:
    """Back up the SQLite database (reason ``automatisk``) when it has changed since the
    newest backup and that backup is at least ``min_interval`` old, or when there is no
    backup yet and the database holds data. Returns the new file, or None when no backup
    was due (always None on PostgreSQL)."""
    file = db.location.file
    if file is None:
        return None
    now = (now or datetime.now(UTC)).astimezone(UTC)
    backups = list_backups(db)
    if not backups:
        if not _has_data(file):
            return None
        return backup_sqlite(db, reason=AUTO_REASON, keep=keep)
    newest = backups[0]
    age = now - _created(newest, _read_sidecar(newest))
    # A backup dated in the future (the clock was wrong once) must not stop backups for
    # as long as the error was: treat it as due.
    if timedelta(0) <= age < min_interval:
        return None
    if not changed_since(db, newest):
        return None
    log.info("automatic backup: the database changed since %s", newest.name)
    return backup_sqlite(db, reason=AUTO_REASON, keep=keep)
