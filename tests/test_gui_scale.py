"""The real main window over 100 000 cases: the first page shows and filters apply without
ever loading all the rows (the list pages, sorts and filters in the database)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tillitsvalgt.db import Database
from tillitsvalgt.shapes import COUNT_CAP, CaseQuery
from tillitsvalgt.workspace import Workspace
from ui.models.case_table import PAGE

from helpers.gui import make_window

N = 100_000
TODAY = date(2026, 11, 20)
TYPES = ("office_layout", "space_allocation", "home_office_policy", "equipment_costs", "other")
WORDS = ("landskap", "hjemmekontor", "kantine", "etasje", "arkiv", "møterom", "garderobe")


def _fill(data_dir: Path) -> None:
    """100 000 cases in a few seconds: the schema from the real migrations, the rows from
    one recursive SQL statement (the free-text triggers fill the search index)."""
    Database.open(data_dir=data_dir).dispose()
    conn = sqlite3.connect(data_dir / "tillitsvalgt.db")
    with conn:
        conn.executemany(
            "INSERT INTO employers (id, uuid, name, agreement, version, created_at, updated_at)"
            " VALUES (?, ?, ?, 'none', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
            [(i, f"{i:032x}", f"Arbeidsgiver {i} AS") for i in range(1, 201)],
        )
        types = json.dumps(list(TYPES))
        words = json.dumps(list(WORDS), ensure_ascii=False)
        conn.execute(
            f"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {N}),
                 t(k, v) AS (SELECT key, value FROM json_each('{types}')),
                 w(k, v) AS (SELECT key, value FROM json_each('{words}'))
            INSERT INTO cases (id, uuid, number, year, seq, employer_id, case_type, status,
                               title, last_document_seq, version, created_at, updated_at)
            SELECT i, printf('%032x', i + 1000000), '2026/' || i, 2026, i, 1 + i % 200,
                   (SELECT v FROM t WHERE k = i % {len(TYPES)}),
                   CASE WHEN i % 4 = 0 THEN 'closed' ELSE 'open' END,
                   'Sak om ' || (SELECT v FROM w WHERE k = i % {len(WORDS)}) || ' nr ' || i,
                   0, 1, '2026-01-01 00:00:00',
                   datetime('2026-01-01', '+' || i || ' seconds')
            FROM n
            """
        )
    conn.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("big")
    _fill(data_dir)
    return data_dir


def test_the_main_window_at_100_000_cases(qtbot: QtBot, big: Path, tmp_path: Path) -> None:
    ws = Workspace.open(data_dir=big, clock=lambda: TODAY)
    fetched: list[CaseQuery] = []
    real = ws.list_cases

    def counting(query: CaseQuery, **options: Any) -> Any:
        fetched.append(query)
        return real(query, **options)

    ws.list_cases = counting  # type: ignore[method-assign]
    try:
        window = make_window(qtbot, ws, tmp_path)
        qtbot.waitExposed(window)
        assert window.model.rowCount() == PAGE  # one page, not 100 000 rows
        assert window.model.rows[0].number == f"2026/{N}"  # newest change first
        # Not counted past the cap: the status line says so (plural, digits grouped).
        assert window.model.capped and window.model.total == COUNT_CAP < N
        assert window.count.text() == "over 10 000 saker"
        assert all(q.limit <= PAGE for q in fetched)

        window.type_filter.setCurrentIndex(window.type_filter.findData("home_office_policy"))
        assert N // len(TYPES) > COUNT_CAP and window.model.total == COUNT_CAP
        assert window.model.capped and window.model.canFetchMore()
        assert window.model.rowCount() == PAGE
        assert {r.case_type for r in window.model.rows} == {"home_office_policy"}

        window.search.setText("kantine")
        # The page comes first, its count a moment later off the window's thread: wait for both.
        qtbot.waitUntil(
            lambda: fetched[-1].text == "kantine" and window.model.counted, timeout=10_000
        )
        rows = window.model.rows
        assert rows and all("kantine" in r.title for r in rows)
        assert window.model.rowCount() <= PAGE < window.model.total
        window.table.scrollToBottom()  # the view asks for the next page, and only that
        qtbot.waitUntil(lambda: window.model.rowCount() == 2 * PAGE, timeout=10_000)
        assert fetched[-1].offset == PAGE and all(q.limit <= PAGE for q in fetched)
    finally:
        ws.close()
