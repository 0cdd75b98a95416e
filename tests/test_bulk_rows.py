"""``bulk_rows.insert_rows``: many rows in one statement (PostgreSQL's binary arrays), the
values read back as written — NULLs, booleans, dates, aware times, texts with quotes and
non-Latin letters — and a row the database refuses undoes the whole statement, raised as
SQLAlchemy's own error, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from tillitsvalgt.bulk_rows import insert_rows
from tillitsvalgt.db import Database
from tillitsvalgt.tables import Case, Deadline

from helpers.data import make_case, make_employer

DEADLINES: sa.Table = Deadline.__table__  # type: ignore[attr-defined]


def _case_id(db: Database) -> int:
    number = make_case(db, make_employer(db))
    with db.session(readonly=True) as s:
        return int(s.execute(sa.select(Case.id).where(Case.number == number)).scalar_one())  # type: ignore[arg-type]


def _deadline(case_id: int, i: int, **values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "title": f"Svar på «brev» nr. {i} – ærlig, 'sitert' og Ǿ",
        "rule": None if i % 2 else "svarfrist",
        "case_id": case_id,
        "document_id": None,
        "due_on": date(2026, 12, 1 + i),
        "original_due_on": date(2026, 11, 20 + i),
        "met_on": date(2026, 11, 30) if i == 1 else None,
        "cancelled": i == 2,
        "lapsed_on": None,
        "created_at": datetime(2026, 11, 20, 8, i, tzinfo=UTC),
    }
    row.update(values)
    return row


def _stored(db: Database, case_id: int) -> list[tuple[object, ...]]:
    with db.session(readonly=True) as s:
        found = s.execute(
            sa.select(
                DEADLINES.c.title,
                DEADLINES.c.rule,
                DEADLINES.c.document_id,
                DEADLINES.c.due_on,
                DEADLINES.c.original_due_on,
                DEADLINES.c.met_on,
                DEADLINES.c.cancelled,
                DEADLINES.c.lapsed_on,
                DEADLINES.c.created_at,
            )
            .where(DEADLINES.c.case_id == case_id)
            .order_by(DEADLINES.c.due_on)
        )
        return [tuple(r) for r in found]


def test_rows_read_back_as_written(db: Database) -> None:
    case_id = _case_id(db)
    rows = [_deadline(case_id, i) for i in range(5)]
    with db.session() as s:
        insert_rows(s.connection(), DEADLINES, rows)
    columns = ("title", "rule", "document_id", "due_on", "original_due_on", "met_on")
    expected = [
        (*(r[k] for k in columns), r["cancelled"], r["lapsed_on"], r["created_at"]) for r in rows
    ]
    assert _stored(db, case_id) == expected


def test_a_refused_row_undoes_the_statement(db: Database) -> None:
    case_id = _case_id(db)
    rows = [_deadline(case_id, i) for i in range(3)] + [_deadline(10**9, 3)]  # no such case
    with pytest.raises(sa.exc.IntegrityError), db.session() as s:
        insert_rows(s.connection(), DEADLINES, rows)
    assert _stored(db, case_id) == []


def test_rows_alike_in_every_column_are_each_written(db: Database) -> None:
    # A value the same in every row goes to PostgreSQL once, not as an array: rows alike
    # in all their columns must still come back one each, not as one.
    case_id = _case_id(db)
    rows = [_deadline(case_id, 3) for _ in range(4)]
    with db.session() as s:
        insert_rows(s.connection(), DEADLINES, rows)
    row = rows[0]
    columns = ("title", "rule", "document_id", "due_on", "original_due_on", "met_on")
    assert (
        _stored(db, case_id)
        == [(*(row[k] for k in columns), row["cancelled"], row["lapsed_on"], row["created_at"])] * 4
    )


def test_columns_alike_and_unlike_keep_each_rows_values(db: Database) -> None:
    case_id = _case_id(db)
    # Title and times alike, the dates and flags unlike: each row keeps its own.
    rows = [
        _deadline(case_id, i, title="Samme tittel", created_at=datetime(2026, 1, 2, tzinfo=UTC))
        for i in range(3)
    ]
    with db.session() as s:
        insert_rows(s.connection(), DEADLINES, rows)
    stored = _stored(db, case_id)
    assert [r[0] for r in stored] == ["Samme tittel"] * 3
    assert [r[3] for r in stored] == [date(2026, 12, 1 + i) for i in range(3)]
    assert [r[6] for r in stored] == [False, False, True]
    assert {r[8] for r in stored} == {datetime(2026, 1, 2, tzinfo=UTC)}
