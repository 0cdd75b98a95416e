"""The schema template made (``schema_template.py`` says what it is for): an empty database
migrated by Alembic, kept under a name that carries the migrations' fingerprint. Apart from
``schema_template`` because it opens a ``Database``, and ``db`` uses ``schema_template``."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from tillitsvalgt import paths
from tillitsvalgt.db import SCHEMA_HEAD, Database
from tillitsvalgt.schema_template import PREFIX, file_name, folder


def build(where: Path | None = None) -> Path:
    """Migrate an empty database with Alembic and keep it as the template of
    these migrations; older templates in the folder are removed."""
    where = where or folder()
    where.mkdir(parents=True, exist_ok=True)
    target = where / file_name(SCHEMA_HEAD)
    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-template-") as scratch:
        db = Database.open(data_dir=scratch, template=False)
        try:
            revision = db.current_revision()
        finally:
            db.dispose()
        if revision != SCHEMA_HEAD:
            raise RuntimeError(f"migrated to {revision}, not {SCHEMA_HEAD}")
        migrated = Path(scratch) / paths.DATABASE_FILENAME
        conn = sqlite3.connect(migrated)
        try:
            # Everything in the one file, no WAL beside it (the app's connection turns WAL
            # on again). Copied byte for byte, not vacuumed: VACUUM would reorder the
            # schema's entries, and with them the order in which triggers fire.
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        made = where / f".{target.name}.{os.getpid()}.new"  # (two builds at once: two files)
        shutil.copyfile(migrated, made)
        os.replace(made, target)
    for old in where.glob(f"{PREFIX}*.db"):
        if old != target:
            old.unlink()
    return target
