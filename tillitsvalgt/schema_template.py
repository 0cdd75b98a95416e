"""A new SQLite database's schema, made once by Alembic when the app is installed and
copied on the first start.

The first start ever (a new, empty data folder) would otherwise load Alembic and run every
migration while the user waits for the window (≈ 0.2 s of a 1 s start). The install (like
the ``.qm`` translations: ``scripts/install_build.py build``, run by ``scripts/run``,
``scripts/test``, ``scripts/build_bundle.py`` and the benchmarks; ``schema_build.py``)
migrates an empty database with Alembic and keeps it in ``resources/schema/``;
``Database.open`` copies it instead of migrating a file it has just created. The schema
still comes only from the migrations: the template *is* their result, and its name
carries a fingerprint of the migration files, so a template made before a migration was
added or changed is never used (the start then runs Alembic as before).
``tests/test_schema_template.py`` proves a copy equals a freshly migrated database,
schema, ``alembic_version`` and rows."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from tillitsvalgt import paths

PREFIX = "tillitsvalgt-"


def folder() -> Path:
    return paths.resource_path("schema")


def fingerprint() -> str:
    """The migrations' identity: every file Alembic runs (names and bytes)."""
    digest = hashlib.sha256()
    root = paths.migrations_dir()
    for file in [root / "env.py", *sorted((root / "versions").glob("*.py"))]:
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def file_name(head: str) -> str:
    return f"{PREFIX}{head}-{fingerprint()}.db"


def find(head: str, where: Path | None = None) -> Path | None:
    """The template made by exactly these migrations, if the install made one."""
    template = (where or folder()) / file_name(head)
    return template if template.is_file() else None


def install(template: Path, file: Path) -> bool:
    """Put a copy of ``template`` at ``file`` (which must not exist), private to its owner.
    The copy is written beside it and linked into place, so a crash never leaves half a
    database and a database another start made meanwhile is never replaced. False: it
    could not be done here (no hard links on this file system, say); the caller then
    creates the file and migrates it as before."""
    spare = file.with_name(f".{file.name}.{os.getpid()}.new")
    try:
        paths.make_private_file(spare)
        with template.open("rb") as source, spare.open("r+b") as target:
            shutil.copyfileobj(source, target)
            target.flush()
            os.fsync(target.fileno())
        os.link(spare, file)
    except FileExistsError:
        return True  # another start made it first: opened as an existing database
    except OSError:
        return False
    finally:
        spare.unlink(missing_ok=True)
    return True
