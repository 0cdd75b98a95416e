"""The window's start stays light: started as the installed command starts it (``python -m
ui``, a process of its own), it has painted its window without loading the libraries only
letters, reports, spreadsheets, calendars, phone numbers and org. numbers need, nor, on a
database that needs no migration (or a new one, copied from the install's migrated
template), Alembic. The window's self-check
(``TILLITSVALGT_GUI_CHECK``) reports the packages loaded once the window is painted and the
welcome and the day's duties are under way."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tillitsvalgt import schema_template
from tillitsvalgt.db import SCHEMA_HEAD
from tillitsvalgt.workspace import Workspace

from helpers.data import make_case, make_employer

ROOT = Path(__file__).resolve().parent.parent

# Loaded when first used (a letter, a report, an export, the employer dialog), not at start.
NOT_AT_START = {
    "docx",
    "docxtpl",
    "jinja2",
    "lxml",
    "matplotlib",
    "openpyxl",
    "icalendar",
    "phonenumbers",
    "stdnum",
    "holidays",
    "pypdfium2",
    "click",
    "psycopg",
}


def started_packages(data_dir: Path, home: Path) -> set[str]:
    report = home / "gui.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TILLITSVALGT_")}
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "TILLITSVALGT_GUI_CHECK": str(report),
            "TILLITSVALGT_LANGUAGE": "nb",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "ui", "--data-dir", str(data_dir)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    facts = json.loads(report.read_text(encoding="utf-8"))
    assert facts["visible"]
    # The case view, left out of the first paint, is built right after it.
    assert facts["case_view_built"]
    return set(facts["packages"])


def test_the_first_start_loads_no_letter_report_or_number_library(tmp_path: Path) -> None:
    packages = started_packages(tmp_path / "new", tmp_path)
    assert {"tillitsvalgt", "ui", "sqlalchemy", "PySide6"} <= packages  # the report is real
    # The new database: a copy of the schema the install migrated (scripts/install_build.py),
    # or, without that template, made by the migrations at start.
    copied = schema_template.find(SCHEMA_HEAD) is not None
    assert ("alembic" in packages) is not copied
    assert not packages & NOT_AT_START, sorted(packages & NOT_AT_START)


def test_a_start_on_an_up_to_date_database_does_without_alembic(tmp_path: Path) -> None:
    data = tmp_path / "data"
    workspace = Workspace.open(data_dir=data)
    try:
        employer = make_employer(workspace.db)
        for i in range(3):
            make_case(workspace.db, employer, title=f"Sak {i}")
    finally:
        workspace.close()
    packages = started_packages(data, tmp_path)
    assert "tillitsvalgt" in packages
    assert not packages & (NOT_AT_START | {"alembic"}), sorted(
        packages & (NOT_AT_START | {"alembic"})
    )


def test_the_core_loads_no_postgresql_dialect_for_a_sqlite_start() -> None:
    """SQLAlchemy's PostgreSQL dialect (≈ 25 ms) is loaded by a PostgreSQL URL, not by the
    models (an index's postgresql_where made SQLAlchemy load it to check the keyword)."""
    code = (
        "import sys\nimport tillitsvalgt.workspace\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    loaded = done.stdout
    assert "sqlalchemy.dialects.sqlite" in loaded  # the report is real
    assert "sqlalchemy.dialects.postgresql" not in loaded, loaded


def test_the_windows_modules_load_no_anonymiser() -> None:
    """The report's anonymiser (≈ 6 ms of regular expressions) comes with the case view,
    built after the start's paint, not with the modules the painted window needs."""
    code = (
        "import sys\nimport tillitsvalgt.workspace\nimport ui.app\n"
        "print('ui.main_window' in sys.modules, 'tillitsvalgt.reports.anonymise' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, env=env
    )
    assert done.stdout.split() == ["True", "False"], done.stdout
