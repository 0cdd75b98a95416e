"""What the database module and the backups share, below both (``backup`` may not import
``db``, which backs a file up before migrating it): the SQLite file's header and ``file:``
URI, the test for a failed shared-memory file, the schema's head revision and Alembic's
configuration."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tillitsvalgt import paths

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

SQLITE_HEADER = b"SQLite format 3\x00"

SCHEMA_HEAD = "0026"
"""The newest migration. Kept here so that opening an up-to-date database needs no Alembic
(``tests/test_migrations.py`` proves it equals the head of ``migrations/versions``)."""


def sqlite_file_uri(file: Path, *, readonly: bool = False) -> str:
    """A ``file:`` URI for :func:`sqlite3.connect` that survives ``?``, ``#``, ``%`` and
    spaces in the path (a plain f-string would cut the path at ``?``)."""
    uri = file.resolve().as_uri()
    return uri + "?mode=ro" if readonly else uri


# The -shm file WAL needs could not be made (a full disk, a read-only folder): see
# db.WITHOUT_SHM.
_SHM_ERRORS = ("SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_SHMOPEN", "SQLITE_IOERR_SHMMAP")


def shm_failed(exc: BaseException) -> bool:
    return str(getattr(exc, "sqlite_errorname", "")).startswith(_SHM_ERRORS)


def _config_value(value: str) -> str:
    # Alembic's Config is a ConfigParser: a bare % (in a path or a password) is
    # interpolation syntax and would raise.
    return value.replace("%", "%%")


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", _config_value(str(paths.migrations_dir())))
    if engine is not None:
        cfg.set_main_option(
            "sqlalchemy.url", _config_value(engine.url.render_as_string(hide_password=False))
        )
    return cfg
