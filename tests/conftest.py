"""Fixtures: every database test runs on SQLite and on a real PostgreSQL server.

PostgreSQL tests need ``TILLITSVALGT_TEST_DATABASE_URL`` (``scripts/test`` and ``.ci/run``
start a throwaway server and set it); without it they are skipped, and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tillitsvalgt.db import Database

# Re-exported: test modules import these from here or from helpers.data.
from helpers.data import (  # noqa: F401
    REPO,
    SCENARIOS,
    TODAY,
    PgServer,
    make_case,
    make_employer,
    open_scenario_workspace,
    run_cli,
)
from helpers.unprivileged import child_database, shared_dir  # noqa: F401 (fixtures)

# Qt draws on the offscreen platform in every test (pytest-qt, the About dialog, screenshots):
# set once here, before any test module imports Qt, so no test file needs to. A test that
# starts the real window program takes it out of that program's environment itself.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_ENV = "TILLITSVALGT_TEST_DATABASE_URL"

BACKENDS = ["sqlite", "postgresql"]


def pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    return url or None


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Never touch the developer's real data directory or database.
    monkeypatch.setenv("TILLITSVALGT_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("TILLITSVALGT_DATABASE_URL", raising=False)
    # "tillitsvalgt" without arguments opens the window where there is a screen, and
    # QT_QPA_PLATFORM (set above) counts as one: every test asks for the text overview unless
    # it says otherwise.
    monkeypatch.setenv("TILLITSVALGT_NO_GUI", "1")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | None]:
    url = pg_admin_url()
    if url is None:
        yield None
        return
    server = PgServer(url)
    yield server
    if server.template:
        server.drop(server.url.set(database=server.template).render_as_string(False))
    server.admin.dispose()


def _require_pg(server: PgServer | None) -> PgServer:
    if server is None:
        pytest.skip(f"no PostgreSQL server configured ({PG_ENV} unset)")
    return server


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, pg_server: PgServer | None) -> Iterator[str]:
    """A URL for an empty, not yet migrated database on the backend under test."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'tillitsvalgt.db'}"
        return
    server = _require_pg(pg_server)
    url = server.create()
    yield url
    server.drop(url)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once per run; each test gets a copy, as the PostgreSQL
    tests get a copy of a template database (0.15 s of Alembic per test -> 8 ms)."""
    folder = tmp_path_factory.mktemp("sqlite-template") / "data"
    Database.open(data_dir=folder).dispose()
    file = folder / "tillitsvalgt.db"
    assert not file.with_name(file.name + "-wal").exists()  # checkpointed on close
    return file


def fresh_sqlite(template: Path, data_dir: Path) -> Database:
    """A migrated, empty SQLite database in ``data_dir``, private to the user like the app's."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = data_dir / template.name
    shutil.copyfile(template, target)
    target.chmod(0o600)
    return Database.open(data_dir=data_dir)


@pytest.fixture
def db(
    backend: str, tmp_path: Path, pg_server: PgServer | None, _sqlite_template: Path
) -> Iterator[Database]:
    """A migrated, empty database on the backend under test."""
    if backend == "sqlite":
        database = fresh_sqlite(_sqlite_template, tmp_path / "data")
        yield database
        database.dispose()
        return
    server = _require_pg(pg_server)
    url = server.migrated()
    database = Database.open(database_url=url)
    yield database
    database.dispose()
    server.drop(url)


@pytest.fixture
def other_db(backend: str, tmp_path: Path, pg_server: PgServer | None) -> Iterator[Database]:
    """A second empty database on the same backend: the union office's."""
    if backend == "sqlite":
        database = Database.open(data_dir=tmp_path / "office")
        yield database
        database.dispose()
        return
    if pg_server is None:
        pytest.skip("no PostgreSQL server configured")
    url = pg_server.migrated()
    database = Database.open(database_url=url)
    yield database
    database.dispose()
    pg_server.drop(url)


@pytest.fixture
def sqlite_db(tmp_path: Path, _sqlite_template: Path) -> Iterator[Database]:
    database = fresh_sqlite(_sqlite_template, tmp_path / "data")
    yield database
    database.dispose()


@pytest.fixture
def workspace(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A Workspace over the scenarios, its clock at the test module's ``TODAY`` (a module
    that needs another world defines its own ``workspace``)."""
    ws = open_scenario_workspace(tmp_path / "data", request.module.TODAY)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def scenarios() -> list[dict[str, Any]]:
    return list(json.loads(SCENARIOS.read_text(encoding="utf-8")))


@pytest.fixture(autouse=True)
def _close_windows() -> Iterator[None]:
    """After a GUI test, close every window it left open: a dialog opened with open() and
    never answered would otherwise stay modal and swallow the next test's key presses."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()
