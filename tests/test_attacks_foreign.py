"""Rows another tool wrote (a SQL console, a script, an older or newer app): codes the app
does not know, NULL where the app always writes text. The main read paths — the case
list, the case view's service calls, the export, the report and the command line — must
show what is stored, not crash."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.reports.cube import ReportRequest
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.services import events, representatives
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.services.letters import LetterSetup
from tillitsvalgt.shapes import EventCreate, RepresentativeCreate
from tillitsvalgt.workspace import Workspace, make_report

from conftest import TODAY, make_case, make_employer, run_cli

FOREIGN = [
    "UPDATE cases SET case_type = 'mystery', status = 'weird', outcome = 'zzz'",
    "UPDATE cases SET location = NULL, description = NULL, members_affected = -5",
    "UPDATE employers SET agreement = 'no-such-agreement', sector = 'odd', orgnr = '123'",
    "UPDATE events SET kind = 'alien', letter_kind = 'unknown_letter'",
    "UPDATE representatives SET name = ''",
    "UPDATE cases SET verdict_timing = 'from_the_future', verdict_demand = 'maybe'",
]


@pytest.fixture
def foreign(db: Database) -> tuple[Workspace, str]:
    employer = make_employer(db)
    ref = make_case(db, employer, notice_on=date(2026, 3, 1))
    with db.session() as s:
        events.add_event(ref, EventCreate(kind="note", occurred_on=date(2026, 3, 2)), session=s)
        rep = representatives.create_representative(RepresentativeCreate(name="Kari"), session=s)
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE cases SET representative_id = :r"), {"r": rep.id})
        for statement in FOREIGN:
            conn.execute(sa.text(statement))
    ws = Workspace(db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    return ws, ref


def test_the_case_list_and_view_show_foreign_rows(foreign: tuple[Workspace, str]) -> None:
    """Bug: the read shapes re-ran the input checks on stored rows, so one unknown code
    written by another tool made the case view, the employer register and the letter
    suggestions raise pydantic's ValidationError."""
    ws, ref = foreign
    page = ws.list_cases(CaseQuery())
    assert [r.case_type for r in page.rows] == ["mystery"]
    detail = ws.case_detail(ref)
    assert (detail.case.case_type, detail.case.status) == ("mystery", "weird")
    assert detail.employer.agreement == "no-such-agreement"
    assert detail.agreement_name == "ingen hovedavtale registrert"
    assert [e.kind for e in detail.events] == ["alien"]
    assert [e.agreement for e in ws.employers()] == ["no-such-agreement"]
    ws.suggest_letters(ref)
    ws.checklist(ref)
    for query in (
        CaseQuery(case_type="mystery"),
        CaseQuery(text="plasser"),
        CaseQuery(overdue=True),
    ):
        ws.list_cases(query)


def test_export_and_report_survive_foreign_rows(
    foreign: tuple[Workspace, str], tmp_path: Path
) -> None:
    ws, _ = foreign
    assert ws.export_file(tmp_path / "saker.json") == 1
    exported = json.loads((tmp_path / "saker.json").read_text("utf-8"))
    assert exported[0]["case"]["type"] == "mystery"
    make_report(
        ws, ReportRequest(start=date(2026, 1, 1), end=date(2026, 12, 31)), tmp_path / "r.docx"
    )
    assert (tmp_path / "r.docx").stat().st_size > 0


def test_the_command_line_shows_foreign_rows(
    sqlite_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    employer = make_employer(sqlite_db)
    ref = make_case(sqlite_db, employer)
    with sqlite_db.engine.begin() as conn:
        for statement in FOREIGN:
            conn.execute(sa.text(statement))
    url = str(sqlite_db.engine.url)
    for args in (["cases"], ["show", ref], ["show", ref, "--json"], ["assess", ref], ["check"]):
        code, out, err = run_cli(capsys, "--database-url", url, *args)
        assert "Traceback" not in err and "ValidationError" not in err, (args, err)
        assert code == 0, (args, out, err)
