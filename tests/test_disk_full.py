"""A full disk and storage that turns read-only while the app runs (simulated, see
``storage_faults``): a clear Norwegian message, the database unchanged, nothing
half-written (a case with its events, an import, a backup), and the app writes again once
there is room."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tillitsvalgt.backup import integrity_check, list_backups
from tillitsvalgt.errors import DatabaseError, UserError
from tillitsvalgt.services import cases, events
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.shapes import CaseCreate, CaseUpdate, EventCreate
from tillitsvalgt.workspace import Workspace

from conftest import SCENARIOS, make_employer
from helpers.storage_faults import dump, full_disk, tiny_filesystem
from helpers.unprivileged import run_unprivileged

TODAY = date(2026, 11, 22)
FULL = "Det er ikke plass på disken"
LONG = "Referat fra drøftingsmøtet. " * 400  # ≈ 11 kB: needs new pages


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    make_employer(workspace.db)
    yield workspace
    workspace.close()


def file_of(ws: Workspace) -> Path:
    assert ws.db.location.file is not None
    return ws.db.location.file


def test_a_case_with_its_events_on_a_full_disk_is_refused_whole(ws: Workspace) -> None:
    before = dump(file_of(ws))
    with full_disk(ws.db), pytest.raises(DatabaseError) as refused, ws.db.session() as s:
        case = cases.create_case(
            CaseCreate(title="Nytt landskap", employer_id=1, case_type="office_layout"),
            session=s,
            today=TODAY,
        )
        for _ in range(3):
            events.add_event(
                case.id, EventCreate(kind="note", occurred_on=TODAY, notes=LONG), session=s
            )
    message = refused.value.message
    assert message.startswith(FULL) and "Ingenting er endret" in message
    assert str(file_of(ws)) in message and "Frigjør plass" in message
    assert dump(file_of(ws)) == before  # not the case, not one event, not a case number
    assert integrity_check(ws.db).ok
    # With room again the same work goes through, and gets the number never handed out.
    case = ws.create_case(CaseCreate(title="Nytt landskap", employer_id=1, case_type="other"))
    assert case.number == "2026/1"


def test_an_edit_on_a_full_disk_leaves_the_case_as_it_was(ws: Workspace) -> None:
    case = ws.create_case(CaseCreate(title="Faste plasser", employer_id=1, case_type="other"))
    before = dump(file_of(ws))
    with full_disk(ws.db), pytest.raises(DatabaseError, match=FULL):
        ws.update_case(case.id, CaseUpdate(version=case.version, description=LONG))
    assert dump(file_of(ws)) == before
    saved = ws.update_case(case.id, CaseUpdate(version=case.version, description=LONG))
    assert saved.description == LONG and saved.version == case.version + 1


def test_an_import_on_a_full_disk_imports_nothing(ws: Workspace, tmp_path: Path) -> None:
    bundle = tmp_path / "saker.json"
    scenarios = json.loads(SCENARIOS.read_text("utf-8"))
    for item in scenarios:
        item["case"]["description"] = LONG
    bundle.write_text(json.dumps(scenarios, ensure_ascii=False), encoding="utf-8")
    before = dump(file_of(ws))
    # Room for a few cases but not all: a partial import would show.
    with full_disk(ws.db, spare_pages=8), pytest.raises(DatabaseError, match=FULL):
        ws.import_file(bundle)
    assert dump(file_of(ws)) == before
    assert len(ws.import_file(bundle).created) == len(scenarios)


def test_a_backup_to_a_full_disk_says_so_and_leaves_no_half_file(ws: Workspace) -> None:
    ws.create_case(
        CaseCreate(title="Ny kantine", employer_id=1, case_type="other", description=LONG)
    )
    before = dump(file_of(ws))
    backups = file_of(ws).parent / "backups"
    with tiny_filesystem(backups, size_kb=16):
        with pytest.raises(UserError) as refused:
            ws.backup_now()
        left = sorted(p.name for p in backups.iterdir())
    message = refused.value.message
    assert "ikke plass" in message and "Frigjør plass" in message, message
    assert left == []  # no half-written backup that a restore could later pick
    assert list_backups(ws.db) == []
    assert dump(file_of(ws)) == before
    assert ws.backup_now().is_file()  # on the real disk again


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_storage_that_turns_read_only_while_the_app_runs(child_database: Path) -> None:
    file = child_database / "tillitsvalgt.db"

    def action() -> str:
        ws = Workspace.open(data_dir=child_database, clock=lambda: TODAY)
        try:
            ws.create_case(CaseCreate(title="Før", employer_id=1, case_type="other"))
            os.chmod(file, 0o400)  # e.g. a network share remounted read-only
            ws.db.engine.dispose()
            try:
                ws.create_case(CaseCreate(title="Etter", employer_id=1, case_type="other"))
            except UserError as exc:
                return exc.message
            return "skrevet"
        finally:
            ws.close()

    result = run_unprivileged(action)
    assert "er skrivebeskyttet" in result and "Ingenting er endret" in result, result
    os.chmod(file, 0o600)
    ws = Workspace.open(data_dir=child_database, clock=lambda: TODAY)
    try:
        assert [r.title for r in ws.list_cases(CaseQuery()).rows] == ["Før"]
        assert integrity_check(ws.db).ok
    finally:
        ws.close()
