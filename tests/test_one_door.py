"""The command line and the window open the database through the same door
(``Workspace.open``): the same URL order, catalogue, actor and letter setup; and the
settings are read as named fields, not strings."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import col

from tillitsvalgt import settings
from tillitsvalgt.cli.context import Context
from tillitsvalgt.db import Database, chosen_database_url, sqlite_file_url
from tillitsvalgt.errors import UserError
from tillitsvalgt.history import ACTOR
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.services._common import today_of
from tillitsvalgt.services.assessments import CATALOGUE
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.services.letters import LetterSetup
from tillitsvalgt.tables import Case
from tillitsvalgt.workspace import Workspace

from conftest import make_case, make_employer


def test_every_known_setting_is_a_field() -> None:
    names = [f.name for f in dataclasses.fields(settings.Settings)]
    assert names == list(settings.KNOWN), "settings.Settings and settings.KNOWN differ"


def test_settings_are_read_as_fields(tmp_path: Path) -> None:
    (tmp_path / settings.SETTINGS_FILE).write_text(
        json.dumps({"union": "Fagforbundet", "profile": "abc", "templates": ""}), "utf-8"
    )
    read = settings.read(tmp_path)
    assert read.union == "Fagforbundet"
    assert read.profile == "abc"
    assert read.templates is None  # empty text is not a folder
    assert read.pack is None


def test_a_setting_that_is_not_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / settings.SETTINGS_FILE).write_text(json.dumps({"union": 5}), "utf-8")
    with pytest.raises(UserError, match="«union»"):
        settings.read(tmp_path)


def test_the_url_order_is_option_then_environment_then_saved_choice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert chosen_database_url(None, tmp_path) is None  # the default file
    saved = tmp_path / "saved.db"
    settings.save("database", str(saved), tmp_path)
    assert chosen_database_url(None, tmp_path) == sqlite_file_url(saved)
    monkeypatch.setenv("TILLITSVALGT_DATABASE_URL", "sqlite:///env.db")
    assert chosen_database_url(None, tmp_path) == "sqlite:///env.db"
    assert chosen_database_url("sqlite:///option.db", tmp_path) == "sqlite:///option.db"


def test_the_command_line_opens_what_the_window_opens(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings.save("database", str(tmp_path / "chosen.db"), data)
    settings.save("profile", "0f1e2d3c-profile", data)
    settings.save("union", "Forbundet", data)
    ctx = Context(str(data), None, None)
    window = Workspace.open(data_dir=data)
    try:
        cli_side = ctx.workspace()
        assert cli_side.db.location == window.db.location
        assert cli_side.db.location.file == (tmp_path / "chosen.db").resolve()
        assert ctx.location() == window.db.location  # without opening: the same answer
        for key in (CATALOGUE, ACTOR):
            assert cli_side.db.session_info[key] == window.db.session_info[key]
        assert cli_side.db.session_info[ACTOR] == "0f1e2d3c-profile"
        assert cli_side.setup == window.setup
        assert ctx.db() is cli_side.db
        assert ctx.catalogue() is cli_side.catalogue
    finally:
        ctx.close()
        window.close()


def test_a_broken_catalogue_is_said_once_and_the_built_in_one_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "egen.toml"
    broken.write_text("[[provision\n", "utf-8")
    ctx = Context(str(tmp_path / "data"), None, str(broken))
    try:
        first = ctx.catalogue()
        ctx.workspace()
        assert ctx.catalogue() is not None
        assert first == Workspace.load_catalogue(None, tmp_path / "data")[0]
    finally:
        ctx.close()
    err = capsys.readouterr().err
    assert err.count("Advarsel:") >= 1
    assert len(set(line for line in err.splitlines() if line.startswith("Advarsel"))) == len(
        [line for line in err.splitlines() if line.startswith("Advarsel")]
    ), "a warning repeated: " + err


# --------------------------------------------------------------------------- the clock


def _awaiting_reply_until(db: Database, number: str, due: date) -> None:
    """A stored verdict: the employer must answer by ``due`` (as a sent demand leaves it)."""
    with db.session() as s:
        s.execute(
            sa.update(Case)
            .where(col(Case.number) == number)
            .values(verdict_demand="awaiting_reply", verdict_demand_due_on=due)
        )


def test_the_case_list_is_as_of_the_workspaces_today(db: Database) -> None:
    number = make_case(db, make_employer(db))
    due = date(2031, 3, 1)
    _awaiting_reply_until(db, number, due)

    def demand(ws: Workspace) -> str | None:
        (row,) = ws.list_cases(CaseQuery()).rows
        return row.demand

    before = Workspace(db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: due)
    assert demand(before) == "awaiting_reply"
    after = Workspace(
        db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: date(2031, 3, 2)
    )
    assert demand(after) == "overdue"
    with db.session(readonly=True) as s:
        assert today_of(s) == date(2031, 3, 2)


def test_without_a_workspace_the_calendar_is_today(db: Database) -> None:
    with db.session(readonly=True) as s:
        assert today_of(s) == date.today()
