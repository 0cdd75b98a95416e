"""Temporary files left by backups that were killed mid-copy, and their removal.

A backup killed mid-copy (kill -9, a power cut) leaves its temporary file: a full copy of
the database that no list shows and no rotation deletes, so personal data would outlive
every deletion. The process writing a temporary file holds an advisory lock on it; a file
nobody holds is a leftover and is deleted at the next start, backup or restore.

Kept apart from ``backup`` so that opening the database (which cleans up) loads no Alembic.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

BACKUP_PREFIX = "tillitsvalgt-"
SIDECAR_SUFFIX = ".json"

TEMP_SUFFIX = ".tmp"
RESTORE_TEMP_SUFFIX = ".gjenoppretting" + TEMP_SUFFIX  # next to the live file
STALE_AFTER = timedelta(hours=1)  # where advisory locks are not available (Windows)


@contextlib.contextmanager
def claimed(file: Path) -> Iterator[None]:
    """Create ``file`` (readable by its owner only) and hold an advisory lock on it while
    it is being written, so a cleanup in another process leaves it alone."""
    fd = os.open(file, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        import fcntl
    except ImportError:  # Windows: the age of the file decides (and an open file cannot
        os.close(fd)  # be renamed there)
        yield
        return
    try:
        os.fchmod(fd, 0o600)  # an existing file keeps its mode otherwise
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _older_than(file: Path, age: timedelta) -> bool:
    try:
        return datetime.now(UTC).timestamp() - file.stat().st_mtime > age.total_seconds()
    except OSError:
        return False


def _abandoned(file: Path) -> bool:
    try:
        import fcntl
    except ImportError:
        return _older_than(file, STALE_AFTER)
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a backup in progress holds it
        return True
    finally:
        os.close(fd)


def remove_stale_temp_files(directory: Path) -> list[Path]:
    """Delete the temporary files of backups that were killed mid-copy (and their
    journals); returns what was deleted. A temporary file still being written is kept."""
    removed: list[Path] = []
    try:
        candidates = sorted(directory.glob(f"{BACKUP_PREFIX}*.db{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for tmp in candidates:
        if not tmp.is_file() or tmp.is_symlink() or not _abandoned(tmp):
            continue
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                removed.append(leftover)
    # A checksum file is written in microseconds and holds no personal data: age decides.
    for half_sidecar in directory.glob(f"{BACKUP_PREFIX}*.db{SIDECAR_SUFFIX}{TEMP_SUFFIX}"):
        if half_sidecar.is_file() and _older_than(half_sidecar, STALE_AFTER):
            half_sidecar.unlink(missing_ok=True)
            removed.append(half_sidecar)
    if removed:
        log.info("removed %d temporary files left by interrupted backups", len(removed))
    return removed


def remove_stale_leftovers(live: Path) -> list[Path]:
    """Everything interrupted backups and restores of the database file ``live`` left."""
    removed = remove_stale_temp_files(live.parent / "backups")
    restore_copy = live.with_name(live.name + RESTORE_TEMP_SUFFIX)
    if restore_copy.is_file() and not restore_copy.is_symlink() and _abandoned(restore_copy):
        restore_copy.unlink(missing_ok=True)
        removed.append(restore_copy)
    return removed
