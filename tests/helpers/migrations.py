"""Running the project's own Alembic set-up against a database, for the migration tests."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

from tillitsvalgt.db import Database


def schema_differences(db: Database) -> list[Any]:
    """``compare_metadata`` run inside the project's own ``migrations/env.py``, so it uses
    the very ``include_object`` (which leaves out the hand-made ``case_search`` objects)
    and ``compare_type`` that the migrations run with."""
    cfg = db.alembic_config()
    script = ScriptDirectory.from_config(cfg)
    differences: list[Any] = []

    def compare(_revision: Any, context: Any) -> list[Any]:
        differences.extend(compare_metadata(context, SQLModel.metadata))
        return []  # run no migrations

    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        with EnvironmentContext(cfg, script, fn=compare):
            script.run_env()
    return differences


def alembic(db: Database, action: str, revision: str) -> None:
    with db.engine.begin() as conn:
        cfg = db.alembic_config()
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, revision)
