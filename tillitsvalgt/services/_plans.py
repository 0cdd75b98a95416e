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
    names = list(settings)
    # One statement to read them all and one to set them: each is a round trip, and a
    # search's count is measured in milliseconds.
    before = (
        conn.execute(
            sa.text("SELECT current_setting(name) FROM unnest(CAST(:names AS text[])) AS name"),
            {"names": names},
        )
        .scalars()
        .all()
    )
    _set(conn, settings)
    yield
    _set(conn, dict(zip(names, (str(v) for v in before), strict=True)))


def _set(conn: Any, settings: dict[str, str]) -> None:
    conn.execute(
        sa.text(
            "SELECT set_config(name, value, true) "
            "FROM unnest(CAST(:names AS text[]), CAST(:values AS text[])) AS s(name, value)"
        ),
        {"names": list(settings), "values": list(settings.values())},
    ).close()
