"""What the tests build their data from: the repository's paths, a fixed today, an employer and
a case, the command line run in-process, a Workspace over the scenarios, and a PostgreSQL
server that hands out fresh databases. ``conftest.py`` makes the fixtures from these."""

from __future__ import annotations

import atexit
import json
import shutil
import tempfile
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases, employers
from tillitsvalgt.shapes import CaseCreate, EmployerCreate

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = REPO / "resources" / "demo" / "scenarios.json"
TODAY = date(2026, 11, 22)


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
    and a clock fixed at ``today``. Built once per day and test run, then copied (the
    import and the verdicts cost 0.1 s a test; the copy a few milliseconds)."""
    from tillitsvalgt.workspace import Workspace

    template = _SCENARIO_TEMPLATES.get(today)
    if template is None:
        template = _SCENARIO_TEMPLATES[today] = _scenario_template(today)
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, data_dir / template.name)
    return Workspace.open(data_dir=data_dir, clock=lambda: today)


_SCENARIO_TEMPLATES: dict[date, Path] = {}


def _scenario_template(today: date) -> Path:
    from tillitsvalgt.services import transfer
    from tillitsvalgt.services.representatives import create_representative
    from tillitsvalgt.shapes import RepresentativeCreate
    from tillitsvalgt.workspace import Workspace

    folder = Path(tempfile.mkdtemp(prefix="tv-scenarios-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    ws = Workspace.open(data_dir=folder, clock=lambda: today)
    try:
        with ws.db.session() as s:
            transfer.import_bundle(json.loads(SCENARIOS.read_text("utf-8")), session=s, today=today)
            create_representative(
                RepresentativeCreate(
                    name="Kari Nordmann", role="hovedtillitsvalgt", place="Tromsø"
                ),
                session=s,
            )
        file = ws.db.location.file
        assert file is not None
    finally:
        ws.close()  # (the write-ahead log folded back into the file)
    return file
