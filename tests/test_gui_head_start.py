"""The start's head start (``ui/head_start.py``): the database is opened and a remembered
search's first page begun before Qt's widgets are loaded, and the window shows that page
without reading it again, but only when it is what the window's restored filters ask for.

The memory is read twice, once from the settings alone (``remembered_query``) and once
through the window's widgets: the tests hold the two to the same query for every filter
the window remembers, for values an old or edited settings file may hold, and for a sort
the user chose; a page begun for anything else is never shown."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tillitsvalgt.services import cases
from tillitsvalgt.shapes import CaseCreate, CaseQuery
from tillitsvalgt.workspace import Workspace
from ui.head_start import begin
from ui.list_memory import PAGE, remembered_query
from ui.models.case_table import TITLE

from helpers.data import make_employer
from helpers.gui import list_reads, make_window

ROOT = Path(__file__).resolve().parent.parent


def settings_in(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


def remember(tmp_path: Path, **values: object) -> None:
    """Written and read back as a new start reads them: an INI file's values come back as
    text."""
    settings = settings_in(tmp_path)
    for key, value in values.items():
        settings.setValue(f"caselist/{key}", value)
    settings.sync()


def fill(ws: Workspace) -> None:
    """60 cases, every other one about home office, every third closed."""
    employer = make_employer(ws.db)
    today = ws.today()
    with ws.db.session() as session:
        for n in range(60):
            title = f"Hjemmekontor for team {n}" if n % 2 else f"Kontorlandskap {n}"
            shape = CaseCreate(title=title, employer_id=employer, case_type="home_office_policy")
            made = cases.create_case(shape, session=session, today=today)
            if n % 3 == 0:
                cases.close_case(
                    made.id, outcome="agreement", version=made.version, session=session
                )


@pytest.fixture
def filled(tmp_path: Path) -> Any:
    ws = Workspace.open(data_dir=tmp_path / "db")
    fill(ws)
    ws.close()
    return tmp_path / "db"


@pytest.fixture
def on_backend(tmp_path: Path, db_url: str) -> dict[str, Any]:
    """Where ``begin`` opens the filled database: a SQLite file or a PostgreSQL server
    (the page is then read on its own connection from the pool thread)."""
    ws = Workspace.open(data_dir=tmp_path / "db", database_url=db_url)
    fill(ws)
    ws.close()
    return {"data_dir": tmp_path / "db", "database_url": db_url, "catalogue": None}


def window_query(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> CaseQuery:
    """The first page's query the window asks for once its filters are restored."""
    window = make_window(qtbot, workspace, tmp_path, show=False, case_view_later=True)
    return window.model.query


REMEMBERED: list[dict[str, object]] = [
    {"search": "hjemmekontor"},
    {"search": "  hjemmekontor  ", "status": "open"},
    {
        "search": "team",
        "status": "closed",
        "type": "home_office_policy",
        "timing": "late_before_implementation",
    },
    {"search": "team", "year": 2026},  # a number, read back from the file as text
    {"search": "team", "year": 1999},  # no longer one of the year filter's choices
    {"search": "team", "status": "archived", "type": "no-such-type"},  # an edited file
    {"search": "team", "status": "", "timing": None},
    {"status": "open"},  # no search: nothing begun early
    {"search": "   "},
]


@pytest.mark.parametrize("values", REMEMBERED)
def test_the_query_from_the_settings_alone_is_the_windows(
    qtbot: QtBot, tmp_path: Path, filled: Path, values: dict[str, object]
) -> None:
    remember(tmp_path, **values)
    ws = Workspace.open(data_dir=filled)
    try:
        early = remembered_query(settings_in(tmp_path), ws.today())
        shown = window_query(qtbot, ws, tmp_path)
    finally:
        ws.close()
    if not shown.text:
        assert early is None
    else:
        assert early == shown, (early, shown)
        assert early is not None and early.limit == PAGE


def test_a_sort_the_user_chose_is_remembered_for_the_head_start(
    qtbot: QtBot, tmp_path: Path, filled: Path
) -> None:
    remember(tmp_path, search="team", status="open")
    ws = Workspace.open(data_dir=filled)
    try:
        window = make_window(qtbot, ws, tmp_path, case_view_later=True)
        window.table.horizontalHeader().setSortIndicator(TITLE, Qt.SortOrder.AscendingOrder)
        assert (window.model.query.sort, window.model.query.descending) == ("title", False)
        window.save_state()
        window.close()
        early = remembered_query(settings_in(tmp_path), ws.today())
        again = window_query(qtbot, ws, tmp_path)
    finally:
        ws.close()
    assert early is not None and (early.sort, early.descending) == ("title", False)
    assert early == again


def test_an_older_layouts_sort_is_not_trusted(tmp_path: Path) -> None:
    """A header saved before layout 2 is not restored (the window sorts newest first): the
    head start then asks for that too."""
    remember(tmp_path, search="team", sort="title", descending=False, layout="1")
    early = remembered_query(settings_in(tmp_path), date(2026, 12, 7))
    assert early is not None and (early.sort, early.descending) == ("updated", True)


def test_the_head_start_page_is_shown_and_not_read_again(
    qtbot: QtBot, tmp_path: Path, on_backend: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    remember(tmp_path, search="hjemmekontor", status="open")
    reads = list_reads(monkeypatch)
    head = begin(**on_backend, settings=settings_in(tmp_path))
    try:
        assert head.failure is None and head.first_page is not None
        page = head.first_page.future.result(timeout=30)  # read before the window exists
        assert len(reads) == 1 and reads[0][0] != threading.get_ident()
        window = make_window(
            qtbot, head.take_workspace(), tmp_path, show=False, first_page=head.first_page
        )
        assert len(reads) == 1, reads  # the window read nothing itself
        assert [r.id for r in window.model.rows] == [r.id for r in page.rows]
        # The rows are what the filters ask for: open cases matching the search.
        assert window.model.rows and all(
            r.status == "open" and "Hjemmekontor" in r.title for r in window.model.rows
        )
        assert len(window.model.rows) == len([n for n in range(60) if n % 2 and n % 3])
    finally:
        head.take_workspace().close()


def test_a_head_start_for_other_filters_is_never_shown(
    qtbot: QtBot, tmp_path: Path, on_backend: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The settings changed between the head start and the window (another window of the
    app saved its own): the page begun is not the one the window asks for, and the window
    reads its own page ahead as it does without a head start."""
    remember(tmp_path, search="hjemmekontor", status="open")
    head = begin(**on_backend, settings=settings_in(tmp_path))
    try:
        assert head.first_page is not None
        head.first_page.future.result(timeout=30)
        remember(tmp_path, search="hjemmekontor", status="closed")
        reads = list_reads(monkeypatch)
        window = make_window(
            qtbot, head.take_workspace(), tmp_path, show=False, first_page=head.first_page
        )
        assert len(reads) == 1 and reads[0][1].status == "closed"
        # ... and the window read its own page ahead, off this thread, as without one.
        assert reads[0][0] != threading.get_ident()
        assert window.model.rows and all(r.status == "closed" for r in window.model.rows)
    finally:
        head.take_workspace().close()


def test_without_a_remembered_search_nothing_is_begun(tmp_path: Path, filled: Path) -> None:
    remember(tmp_path, status="open")
    head = begin(data_dir=filled, database_url=None, catalogue=None, settings=settings_in(tmp_path))
    try:
        assert head.failure is None and head.first_page is None
    finally:
        head.take_workspace().close()


def test_a_database_that_cannot_be_opened_is_told_as_before(tmp_path: Path) -> None:
    """Opened before Qt's widgets exist, a refusal is still the start's message box (with
    what to do), through the installed command's entry, and the start ends with 1."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "tillitsvalgt.db").write_bytes(b"not a database, but a file someone renamed")
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "QMessageBox.critical = staticmethod(lambda parent, title, text: print('SHOWN', text))\n"
        "from ui.__main__ import main\n"
        f"sys.exit(main(['--data-dir', {str(data)!r}]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env.pop("TILLITSVALGT_GUI_CHECK", None)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    shown = [line for line in done.stdout.splitlines() if line.startswith("SHOWN")]
    assert len(shown) == 1 and "tillitsvalgt.db" in shown[0], done.stdout
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
