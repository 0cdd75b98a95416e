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
from dataclasses import dataclass
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


def driver_rows(
    dialect: sa.Dialect, driver: Any, statement: str, params: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """Run ``statement`` on the driver's own connection (``%(name)b``: binary parameters),
    in the session's transaction; its rows, if it returns any. An error is raised as
    SQLAlchemy's, as if SQLAlchemy had sent it. ``driver`` is taken from the session's
    connection by the caller: the import's writer thread must not touch the session."""
    with driver_errors_worded(statement, dialect.loaded_dbapi.Error), driver.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description is not None else []


@dataclass(frozen=True)
class Unnested:
    """Rows as a ``FROM`` item: ``SELECT {values} FROM unnest({arrays}) AS alias({names})``."""

    arrays: str  # the unnest arguments: one binary array per column whose values differ
    names: str  # those columns' names, for the alias' column list
    values: str  # one expression per column, in the columns' order


def unnest_arrays(
    dialect: sa.Dialect,
    columns: Sequence[sa.Column[Any]],
    rows: Sequence[dict[str, Any]],
    params: dict[str, Any],
    prefix: str,
    alias: str,
) -> Unnested:
    """``columns`` of ``rows`` as arrays to unnest, each a binary parameter added to
    ``params`` as ``{prefix}0``, ``{prefix}1``, …; a column with the same value in every
    row (a default, the import's context, a NULL) goes as that one value instead. The
    driver builds binary arrays in Python element by element: of a 1 000-case import's
    ≈ 170 000 values, more than half are such repeats. Each value goes through its
    column's own bind processing (aware UTC times, booleans), as SQLAlchemy would apply
    it."""
    arrays: list[str] = []
    names: list[str] = []
    values: list[str] = []
    for i, column in enumerate(columns):
        name = f"{prefix}{i}"
        column_values = [row[column.name] for row in rows]
        process = column.type.bind_processor(dialect)
        if process is not None:
            column_values = [process(v) for v in column_values]
        sql_type = column.type.compile(dialect=dialect)
        # At least one array, which gives the statement its number of rows.
        if (arrays or i < len(columns) - 1) and _all_same(column_values):
            params[name] = column_values[0]
            values.append(f"CAST(%({name})b AS {sql_type})")
            continue
        params[name] = column_values
        arrays.append(f"CAST(%({name})b AS {sql_type}[])")
        names.append(name)
        values.append(f"{alias}.{name}")
    return Unnested(", ".join(arrays), ", ".join(names), ", ".join(values))


def _all_same(values: list[Any]) -> bool:
    # The type as well: 1 and True are equal in Python, not in a column.
    if not values:
        return False
    first = values[0]
    kind = type(first)
    return all(type(v) is kind and v == first for v in values)


def insert_rows(
    connection: sa.Connection,
    table: sa.Table,
    rows: Sequence[dict[str, Any]],
    *,
    leave: Sequence[str] = (),
) -> None:
    """Insert ``rows`` (each with the same keys, the table's columns) into ``table``: on
    PostgreSQL as one statement, elsewhere as SQLAlchemy's executemany (SQLite's is one
    prepared statement run per row, in process). On PostgreSQL the columns in ``leave``
    are not sent: the database gives them their defaults."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), list(rows))
        return
    statement, params = insert_statement(connection.dialect, table, rows, leave=leave)
    driver_rows(connection.dialect, connection.connection.driver_connection, statement, params)


def insert_statement(
    dialect: sa.Dialect,
    table: sa.Table,
    rows: Sequence[dict[str, Any]],
    *,
    leave: Sequence[str] = (),
) -> tuple[str, dict[str, Any]]:
    """PostgreSQL: ``insert_rows``' statement and its parameters, for ``driver_rows``
    (the import builds them while the server writes what it sent before)."""
    columns = [table.c[name] for name in rows[0] if name not in leave]
    params: dict[str, Any] = {}
    rows_from = unnest_arrays(dialect, columns, rows, params, "v", "v")
    statement = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(dialect.identifier_preparer.quote(c.name) for c in columns)}) "
        f"SELECT {rows_from.values} FROM unnest({rows_from.arrays}) AS v({rows_from.names})"
    )
    return statement, params
