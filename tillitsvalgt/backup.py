"""Backups of the SQLite database with SQLite's online backup API, restore, and the
integrity check. A PostgreSQL database is backed up by the server's own tools (pg_dump)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory

from tillitsvalgt import paths
from tillitsvalgt.db import SQLITE_HEADER, Database, alembic_config
from tillitsvalgt.errors import DatabaseError

DEFAULT_KEEP = 10
BACKUP_PREFIX = "tillitsvalgt-"


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str]


def backup_dir(db: Database) -> Path:
    assert db.location.file is not None
    return db.location.file.parent / "backups"


def _require_sqlite(db: Database) -> Path:
    if db.location.file is None:
        raise DatabaseError(
            "Sikkerhetskopi og gjenoppretting fra programmet gjelder SQLite-databaser. En "
            "PostgreSQL-database sikkerhetskopieres på tjeneren (pg_dump) av den som drifter den."
        )
    return db.location.file


@contextlib.contextmanager
def _raw(file: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"file:{file}?mode=ro" if readonly else f"file:{file}"
    conn = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        yield conn
    finally:
        conn.close()


def backup_sqlite(
    db: Database, *, reason: str = "manuell", keep: int = DEFAULT_KEEP, target: Path | None = None
) -> Path:
    """Copy the live database (consistent even while it is in use) to a new private file in
    the backup folder, then delete the oldest beyond ``keep``. Returns the new file."""
    source = _require_sqlite(db)
    if target is None:
        directory = paths.ensure_private_dir(backup_dir(db))
        stamp = datetime.now(UTC).astimezone().strftime("%Y%m%d-%H%M%S-%f")
        target = directory / f"{BACKUP_PREFIX}{stamp}-{reason}.db"
    tmp = target.with_name(target.name + ".tmp")
    paths.make_private_file(tmp)
    try:
        with _raw(source) as src, contextlib.closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"Sikkerhetskopien kunne ikke lages: {exc}") from None
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(
            f"Sikkerhetskopien kunne ikke skrives til {target}: {exc.strerror}."
        ) from None
    if target.parent == backup_dir(db):
        prune(db, keep=keep)
    return target


def list_backups(db: Database) -> list[Path]:
    """Newest first."""
    directory = backup_dir(db)
    if not directory.is_dir():
        return []
    files = [p for p in directory.glob(f"{BACKUP_PREFIX}*.db") if p.is_file()]
    return sorted(files, key=lambda p: p.name, reverse=True)


def prune(db: Database, *, keep: int = DEFAULT_KEEP) -> list[Path]:
    removed = []
    for old in list_backups(db)[keep:]:
        old.unlink(missing_ok=True)
        removed.append(old)
    return removed


def check_file(file: Path) -> IntegrityReport:
    """Is ``file`` an undamaged Tillitsvalgt database this version can read?"""
    problems: list[str] = []
    try:
        with file.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return IntegrityReport(False, [f"{file} er ikke en SQLite-database."])
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
    if revision is not None:
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
        # PostgreSQL guards its own pages; what we can check is that references hold.
        return IntegrityReport(True, [])
    return check_file(db.location.file)


def restore(db: Database, backup_file: Path) -> Path:
    """Replace the live database with ``backup_file``. The backup is checked first and a
    backup of the current database is made, so a restore can itself be undone. Returns
    that safety backup. The database is migrated to head afterwards when older."""
    target = _require_sqlite(db)
    backup_file = backup_file.expanduser().resolve()
    if not backup_file.is_file():
        raise DatabaseError(f"Finner ikke sikkerhetskopien {backup_file}.")
    if backup_file == target:
        raise DatabaseError("Du kan ikke gjenopprette databasen fra seg selv.")
    report = check_file(backup_file)
    if not report.ok:
        raise DatabaseError(
            f"Sikkerhetskopien {backup_file} kan ikke brukes, og ingenting er endret:\n"
            + "\n".join(f"  – {p}" for p in report.problems)
        )
    safety = backup_sqlite(db, reason="for-gjenoppretting")
    db.engine.dispose()  # our pooled connections would hold old pages
    try:
        with _raw(backup_file, readonly=True) as src, _raw(target) as dst:
            src.backup(dst)
    except sqlite3.Error as exc:
        raise DatabaseError(
            f"Gjenopprettingen feilet ({exc}); databasen er uendret eller kan hentes tilbake "
            f"fra {safety}."
        ) from None
    db.migrate()
    return safety


def copy_file(src: Path, dst: Path) -> None:
    shutil.copy2(src, dst)
