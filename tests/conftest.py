"""Fixtures: every database test runs on SQLite and on a real PostgreSQL server.

PostgreSQL tests need ``TILLITSVALGT_TEST_DATABASE_URL`` (``scripts/test`` and ``.ci/run``
start a throwaway server and set it); without it they are skipped, and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tillitsvalgt.db import Database
from tillitsvalgt.models import CaseCreate, EmployerCreate
from tillitsvalgt.services import cases, employers

PG_ENV = "TILLITSVALGT_TEST_DATABASE_URL"
REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "resources" / "demo" / "scenarios.json"
TODAY = date(2026, 11, 22)

BACKENDS = ["sqlite", "postgresql"]


def pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    return url or None


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Never touch the developer's real data directory or database.
    monkeypatch.setenv("TILLITSVALGT_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("TILLITSVALGT_DATABASE_URL", raising=False)
    # "tillitsvalgt" without arguments opens the window where there is a screen; the GUI
    # tests set QT_QPA_PLATFORM, so every other test asks for the text overview.
    monkeypatch.setenv("TILLITSVALGT_NO_GUI", "1")


class PgServer:
    """Creates a fresh database per test on the configured server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.template: str | None = None

    def create(self, *, template: str | None = None) -> str:
        name = f"tv_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            tpl = f" TEMPLATE {template}" if template else " TEMPLATE template0"
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{tpl}')
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def migrated(self) -> str:
        """A fresh database at head, copied from a template migrated once per run."""
        if self.template is None:
            url = self.create()
            Database.open(database_url=url).dispose()
            self.template = str(make_url(url).database)
        return self.create(template=self.template)


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


def make_employer(db: Database, **overrides: Any) -> int:
    data = {
        "name": "Nordkyst Sparebank",
        "orgnr": "952601814",
        "employees": 180,
        "agreement": "finans-finansforbundet",
        "sector": "privat",
        **overrides,
    }
    with db.session() as s:
        return employers.create_employer(EmployerCreate.model_validate(data), session=s).id


def make_case(db: Database, employer_id: int, today: date = TODAY, **overrides: Any) -> str:
    data = {
        "title": "Faste plasser fjernes i 3. etasje",
        "employer_id": employer_id,
        "case_type": "office_layout",
        **overrides,
    }
    with db.session() as s:
        return cases.create_case(CaseCreate.model_validate(data), session=s, today=today).number


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


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command line in this process: (exit code, stdout, stderr)."""
    from tillitsvalgt.cli import main

    code = 0
    try:
        main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def open_scenario_workspace(data_dir: Path, today: date) -> Any:
    """A Workspace (the GUI's door) over the scenarios, with a representative who signs,
    and a clock fixed at ``today``."""
    from tillitsvalgt.models import RepresentativeCreate
    from tillitsvalgt.services import transfer
    from tillitsvalgt.services.representatives import create_representative
    from tillitsvalgt.workspace import Workspace

    ws = Workspace.open(data_dir=data_dir, clock=lambda: today)
    with ws.db.session() as s:
        transfer.import_bundle(json.loads(SCENARIOS.read_text("utf-8")), session=s, today=today)
        create_representative(
            RepresentativeCreate(name="Kari Nordmann", role="hovedtillitsvalgt", place="Tromsø"),
            session=s,
        )
    return ws
