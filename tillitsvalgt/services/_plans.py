"""PostgreSQL planner settings for a few statements only, where the planner's guess under
row-level security picks a plan that reads far more than the answer needs (measured in
``python -m benchmarks national``, benchmarks/README.md). The setting holds for this
transaction only (``set_config(…, true)``) and is set back after the statements; an error
ends the transaction, and the setting with it. The answers are the same rows: only how
they are found changes. SQLite: nothing."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa


@contextlib.contextmanager
def planner(conn: Any, **settings: str) -> Iterator[None]:
    if conn.dialect.name != "postgresql":
        yield
        return
    before = {
        name: conn.execute(sa.text("SELECT current_setting(:name)"), {"name": name}).scalar_one()
        for name in settings
    }
    for name, value in settings.items():
        _set(conn, name, value)
    yield
    for name, value in before.items():
        _set(conn, name, str(value))


def _set(conn: Any, name: str, value: str) -> None:
    conn.execute(
        sa.text("SELECT set_config(:name, :value, true)"), {"name": name, "value": value}
    ).close()
