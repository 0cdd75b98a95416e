"""The start reads a remembered search's first page off the GUI thread while it builds the
rest of the window (``CaseTableModel.read_ahead``, ``Background.ahead``): the page shown is
the one the remembered filters ask for, read once; the plain list is read on the GUI
thread; an error in the read ahead is shown as any list error; a page read ahead for other
filters is never shown; and with every pool thread busy nothing waits behind other work."""

from __future__ import annotations

import dataclasses
import threading
from concurrent.futures import Future
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot

from tillitsvalgt.errors import DatabaseError
from tillitsvalgt.services import cases
from tillitsvalgt.shapes import CaseCreate, CaseListRow, CasePage, CaseQuery
from tillitsvalgt.workspace import Workspace
from ui.main_window import MainWindow
from ui.models.case_table import PAGE, CaseTableModel
from ui.prompts import ScriptedPrompter
from ui.workers import Background

from helpers.data import make_employer
from helpers.gui import list_reads, make_window

TODAY = date(2026, 12, 6)
ROW = CaseListRow(
    id=1,
    number="2026-001",
    title="",
    employer_name="Bedrift AS",
    case_type="office_layout",
    status="open",
    notice_on=None,
    decision_on=None,
    next_deadline=None,
    updated_at=datetime(2026, 12, 6, 8, 0, tzinfo=UTC),
    timing=None,
    demand=None,
)


@pytest.fixture
def filled(tmp_path: Path) -> Any:
    ws = Workspace.open(data_dir=tmp_path / "db", clock=lambda: TODAY)
    employer = make_employer(ws.db)
    with ws.db.session() as session:
        for n in range(PAGE + 30):
            title = f"Hjemmekontor for team {n}" if n % 2 else f"Kontorlandskap {n}"
            shape = CaseCreate(title=title, employer_id=employer, case_type="office_layout")
            made = cases.create_case(shape, session=session, today=TODAY)
            if n % 3 == 0:
                cases.close_case(
                    made.id, outcome="agreement", version=made.version, session=session
                )
    yield ws
    ws.close()


def remember(tmp_path: Path, **values: str) -> None:
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(f"caselist/{key}", value)
    settings.sync()


def open_window(
    qtbot: QtBot,
    workspace: Workspace,
    tmp_path: Path,
    prompter: ScriptedPrompter | None = None,
    *,
    show: bool = True,
) -> MainWindow:
    """The main window with a thread pool of its own: whatever earlier tests left running
    in the global pool, a thread is free for the read ahead."""
    pool = Background(pool=QThreadPool())
    return make_window(qtbot, workspace, tmp_path, prompter, show=show, background=pool)


def test_the_remembered_list_is_read_off_the_gui_thread_once_and_shown(
    qtbot: QtBot, tmp_path: Path, filled: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember(tmp_path, search="hjemmekontor", status="open")
    calls = list_reads(monkeypatch)
    window = open_window(qtbot, filled, tmp_path, show=False)
    assert len(calls) == 1, calls  # the page read ahead is the one shown: no second read
    thread, query = calls[0]
    assert thread != threading.get_ident()
    assert (query.text, query.status) == ("hjemmekontor", "open")
    # The same page as a read on this thread, and only open cases that match.
    expected = filled.list_cases(dataclasses.replace(query, offset=0), count=False)
    assert [r.id for r in window.model.rows] == [r.id for r in expected.rows]
    assert window.model.rows and len(window.model.rows) < PAGE + 30
    assert all(r.status == "open" and "Hjemmekontor" in r.title for r in window.model.rows)


def test_without_a_remembered_search_the_first_page_is_read_here_with_its_count(
    qtbot: QtBot, tmp_path: Path, filled: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plain list's page is a few ms of SQL: read beside the building it cost more
    than it saved, so it is read on the GUI thread, once, with its count."""
    remember(tmp_path, status="open")
    calls = list_reads(monkeypatch)
    window = open_window(qtbot, filled, tmp_path)
    assert len(calls) == 1 and calls[0][0] == threading.get_ident()
    assert calls[0][1].status == "open" and calls[0][1].text is None
    open_cases = len([n for n in range(PAGE + 30) if n % 3])
    assert len(window.model.rows) == min(PAGE, open_cases)
    assert all(r.status == "open" for r in window.model.rows)
    assert window.model.total == open_cases and window.model.counted
    assert window.count.text() == f"{open_cases} saker"


def test_an_error_in_the_read_ahead_is_shown_as_a_list_error(
    qtbot: QtBot, tmp_path: Path, filled: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember(tmp_path, search="hjemmekontor")

    def locked(query: CaseQuery, **kwargs: Any) -> CasePage:
        raise DatabaseError("Databasen er låst av et annet program. Prøv igjen om litt.")

    monkeypatch.setattr(cases, "list_cases", locked)
    prompter = ScriptedPrompter()
    window = open_window(qtbot, filled, tmp_path, prompter, show=False)
    assert (
        "error",
        "Kan ikke vise sakene",
        "Databasen er låst av et annet program. Prøv igjen om litt.",
    ) in prompter.shown
    assert window.model.rows == []


def test_a_page_read_ahead_for_other_filters_is_never_shown(qtbot: QtBot) -> None:
    """The model keeps a read-ahead only for the very query and count it reloads with. (The
    read ahead runs beside, so the page shown says which read it came from.)"""

    gui = threading.get_ident()

    def fetch(query: CaseQuery, *, count: bool = True, cap: int | None = None) -> CasePage:
        where = "gui" if threading.get_ident() == gui else "ahead"
        row = dataclasses.replace(ROW, title=f"{query.status}/{count}/{where}")
        return CasePage(rows=[row], total=1, offset=0, limit=PAGE)

    model = CaseTableModel(fetch, cap=10_000)
    background = Background(pool=QThreadPool())
    model.read_ahead(CaseQuery(status="closed"), count=True, start=background.ahead)
    model.reload(CaseQuery(status="open"), count=True)
    assert [r.title for r in model.rows] == ["open/True/gui"]
    # Same filters but the page without its count: not the one read ahead either.
    model.read_ahead(CaseQuery(status="closed"), count=True, start=background.ahead)
    model.reload(CaseQuery(status="closed"), count=False)
    assert [r.title for r in model.rows] == ["closed/False/gui"]
    # The very same: the read ahead is the one shown (the two above done, a thread free).
    background.pool.waitForDone(10_000)
    model.read_ahead(CaseQuery(status="closed"), count=True, start=background.ahead)
    model.reload(CaseQuery(status="closed"), count=True)
    assert [r.title for r in model.rows] == ["closed/True/ahead"]


def test_ahead_gives_the_result_or_raises_what_the_work_raised() -> None:
    background = Background(pool=QThreadPool())
    done: Future[int] | None = background.ahead(lambda: 6 * 7)
    assert done is not None and done.result(timeout=10) == 42

    def fails() -> int:
        raise DatabaseError("Disken er full.")

    failed = background.ahead(fails)
    assert failed is not None
    with pytest.raises(DatabaseError, match="Disken er full"):
        failed.result(timeout=10)


def test_with_every_pool_thread_busy_the_page_is_read_here(qtbot: QtBot) -> None:
    """With every pool thread busy the page is not queued behind other work (the window
    would wait for it): it is read on the GUI thread when the reload needs it, once."""
    gui = threading.get_ident()
    reads: list[str] = []

    def fetch(query: CaseQuery, *, count: bool = True, cap: int | None = None) -> CasePage:
        reads.append("gui" if threading.get_ident() == gui else "ahead")
        return CasePage(rows=[ROW], total=1, offset=0, limit=PAGE)

    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    background = Background(pool=pool)
    busy = background.ahead(lambda: release.wait(10))
    assert busy is not None and background.ahead(lambda: True) is None
    model = CaseTableModel(fetch, cap=10_000)
    model.read_ahead(CaseQuery(status="open"), count=True, start=background.ahead)
    model.reload(CaseQuery(status="open"), count=True)
    release.set()
    assert busy.result(timeout=10) is True
    pool.waitForDone(10_000)
    assert reads == ["gui"] and [r.id for r in model.rows] == [ROW.id]
