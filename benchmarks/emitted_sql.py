"""What ``list_cases`` sends to SQLite, and whether SQLAlchemy's compiled cache is hit.

Recorded from the engine's own events, so it shows the statements as they are, whatever
shape the service gives them (``--show-sql``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import default as engine_default

from benchmarks.case_list import run_service
from tillitsvalgt.db import Database
from tillitsvalgt.services.cases import CaseQuery


def captured_sql(db: Database, query: CaseQuery) -> tuple[list[tuple[str, Any]], bool]:
    """The SQL and parameters of one ``list_cases`` call (after a warm-up call), and whether
    every statement came from the compiled cache."""
    sent: list[tuple[str, Any]] = []
    hits: list[bool] = []

    def record(*args: Any) -> None:  # after_cursor_execute(conn, cursor, sql, params, ctx, …)
        _conn, _cursor, sql, params, context = args[:5]
        if context.compiled is not None:  # not the BEGIN the app sends as driver SQL
            sent.append((sql, params))
            hits.append(context.cache_hit == engine_default.CACHE_HIT)

    run_service(db, query)  # warm-up: the first call compiles
    event.listen(db.engine, "after_cursor_execute", record)
    try:
        run_service(db, query)
    finally:
        event.remove(db.engine, "after_cursor_execute", record)
    return sent, bool(hits) and all(hits)
