"""Many rows in one PostgreSQL statement: ``INSERT … SELECT FROM unnest(…)`` with one array
per column, sent in the server's binary form on the driver's own connection (in the
session's transaction).

SQLAlchemy's ``connection.execute(table.insert(), rows)`` without RETURNING is the
driver's ``executemany``, which psycopg sends as one INSERT per row in a pipeline: the
5 000 history rows of a 1 000-case import were 5 000 statements, ≈ 1.1 s of the server's
time (benchmarks/README.md, «National scale»). A multi-row VALUES instead has a
placeholder per value, whose text the driver builds element by element. Arrays in binary
go as one value per column.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa


@contextlib.contextmanager
def driver_errors_worded(statement: str, dbapi_error: type[Exception]) -> Iterator[None]:
    """For a statement sent on the driver's connection itself (psycopg's pipeline, binary
    parameters): its error raised as SQLAlchemy's (``IntegrityError`` and the rest), as if
    SQLAlchemy had sent it, so the callers' handling and ``Database``'s wording apply."""
    try:
        yield
    except dbapi_error as exc:
        raise sa.exc.DBAPIError.instance(statement, None, exc, dbapi_error) from exc


def unnest_arrays(
    dialect: sa.Dialect,
    columns: Sequence[sa.Column[Any]],
    rows: Sequence[dict[str, Any]],
    params: dict[str, Any],
    prefix: str,
) -> str:
    """The ``unnest`` arguments for ``columns`` of ``rows``: one binary array parameter per
    column, added to ``params`` as ``{prefix}0``, ``{prefix}1``, …. Each value goes
    through its column's own bind processing (aware UTC times, booleans), as SQLAlchemy
    would apply it."""
    out = []
    for i, column in enumerate(columns):
        name = f"{prefix}{i}"
        values = [row[column.name] for row in rows]
        process = column.type.bind_processor(dialect)
        params[name] = values if process is None else [process(v) for v in values]
        out.append(f"CAST(%({name})b AS {column.type.compile(dialect=dialect)}[])")
    return ", ".join(out)


def insert_rows(connection: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (each with the same keys, the table's columns) into ``table``: on
    PostgreSQL as one statement, elsewhere as SQLAlchemy's executemany (SQLite's is one
    prepared statement run per row, in process)."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), list(rows))
        return
    dialect = connection.dialect
    columns = [table.c[name] for name in rows[0]]
    params: dict[str, Any] = {}
    statement = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(dialect.identifier_preparer.quote(c.name) for c in columns)}) "
        f"SELECT * FROM unnest({unnest_arrays(dialect, columns, rows, params, 'v')})"
    )
    driver: Any = connection.connection.driver_connection
    with driver_errors_worded(statement, dialect.loaded_dbapi.Error), driver.cursor() as cursor:
        cursor.execute(statement, params)
