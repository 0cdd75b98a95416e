"""Storage that fails under the app, for the disk-full and read-only tests.

``full_disk``: SQLite's ``max_page_count`` on every new connection of the app's engine, set
to the pages the database has now: the next write that needs a new page fails exactly as on
a full disk (SQLITE_FULL, «database or disk is full»), through the app's own connections.

``tiny_filesystem``: a real, small tmpfs mounted over a folder (as root), for files SQLite
does not write through the app's engine (backups): writes fail with ENOSPC."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from tillitsvalgt.db import Database


@contextlib.contextmanager
def full_disk(db: Database, spare_pages: int = 0) -> Iterator[None]:
    with db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

    def limit(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + spare_pages}")

    event.listen(db.engine, "connect", limit)
    db.engine.dispose()  # pooled connections were opened without the limit
    try:
        yield
    finally:
        event.remove(db.engine, "connect", limit)
        db.engine.dispose()


def dump(file: Path) -> list[str]:
    """Everything the database holds, as SQL (compares contents, not bytes: WAL moves pages)."""
    with contextlib.closing(sqlite3.connect(file)) as conn:
        return list(conn.iterdump())


@contextlib.contextmanager
def tiny_filesystem(folder: Path, size_kb: int = 64) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        # Only a developer's machine without root may skip: CI runs as root, and a test
        # that silently skipped there would count as a pass for a disk it never filled.
        if os.environ.get("CI") or os.geteuid() == 0:
            pytest.fail(f"cannot mount a small filesystem: {mounted.stderr.strip()}")
        pytest.skip(f"cannot mount a small filesystem here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
