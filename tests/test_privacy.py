"""Privacy of what the app leaves on disk: every folder and file in the data directory is
its owner's alone, and the logs (the log file and Python's logging) carry no personal data.

Distinctive names are planted in every person and free-text field — the representative's
profile, the employer's contact, a case's title, description and location, an event's
participants and notes — and a realistic run follows, failures included: validation
errors, a conflict, a locked database, bugs through the command line's crash path and
through the window's crash dialog (whose details are meant to be copied and sent on).
Then the log file, the captured logging and the crash dialog are searched for the names.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt.crash_report import WITHHELD
from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError, DatabaseError, UserError
from tillitsvalgt.services import cases, employers, transfer
from tillitsvalgt.shapes import (
    CaseCreate,
    CaseUpdate,
    EmployerCreate,
    EventCreate,
    EventUpdate,
    RepresentativeCreate,
)
from tillitsvalgt.validation import validate
from tillitsvalgt.workspace import Workspace

from conftest import SCENARIOS, run_cli

TODAY = date(2026, 11, 22)

PLANTED = {
    "representative": "Sølvikke Kvakkestad",
    "representative_place": "Bjørnevatn-Østre",
    "signature": "Med hilsen Sølvikke Kvakkestad, Gruppe Ymsehavn",
    "contact": "Torbjørg Flaksvikum",
    "contact_email": "torbjorg.flaksvikum@ymsehavn.no",
    "title": "Plassen til Ragnfrid Uthaugsen",
    "description": "Ragnhild Vesterheimsø mister kontoret sitt",
    "location": "Haldis Mørkvedlias kontor",
    "participants": "Gunnvor Sprakehaugen og Leikny Østbyvika",
    "notes": "Gudrun Trollvikhavn fortalte om ryggplagene sine",
}
# Each name on its own too: a log line might carry a surname without the rest.
WORDS = {
    word
    for text in PLANTED.values()
    for word in text.replace(",", " ").replace(".", " ").replace("@", " ").split()
    if len(word) >= 8 or (word[0].isupper() and len(word) >= 6)
}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leaks(text: str) -> list[str]:
    return sorted(w for w in {*PLANTED.values(), *WORDS} if w.lower() in text.lower())


def planted_bundle(file: Path, **case_extra: Any) -> Path:
    item = json.loads(SCENARIOS.read_text("utf-8"))[0]
    item["id"] = "P1"
    # (A bundle carries no employer contact: that one is planted through the window's door.)
    item["employer"] = {**item["employer"], "name": "Nordlys Sparebank", "orgnr": None}
    item["case"].update(
        title=PLANTED["title"],
        description=PLANTED["description"],
        location=PLANTED["location"],
        **case_extra,
    )
    item["events"][1].update(participants=PLANTED["participants"], notes=PLANTED["notes"])
    file.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    return file


def fill(ws: Workspace) -> tuple[int, int]:
    """Every planted field stored through the app's own door; returns (case, event) ids."""
    ws.save_profile(
        RepresentativeCreate(
            name=PLANTED["representative"],
            role="hovedtillitsvalgt",
            place=PLANTED["representative_place"],
            signature=PLANTED["signature"],
        )
    )
    employer = ws.create_employer(
        EmployerCreate(
            name="Nordlys Bygg AS",
            contact_name=PLANTED["contact"],
            contact_email=PLANTED["contact_email"],
        )
    )
    case = ws.create_case(
        CaseCreate(
            title=PLANTED["title"],
            description=PLANTED["description"],
            location=PLANTED["location"],
            employer_id=employer.id,
            case_type="office_layout",
        )
    )
    event = ws.add_event(
        case.id,
        EventCreate(
            kind="consultation_meeting",
            occurred_on=TODAY,
            participants=PLANTED["participants"],
            notes=PLANTED["notes"],
        ),
    )
    ws.update_event(event.id, EventUpdate(version=event.version, notes=PLANTED["notes"] + "."))
    return case.id, event.id


def failures(ws: Workspace, case_id: int) -> list[str]:
    """What a user runs into, each with planted data in hand; returns the messages shown."""
    shown = []
    case = ws.case_detail(case_id).case
    # A conflict: someone else saved the case first.
    ws.update_case(case_id, CaseUpdate(version=case.version, location=PLANTED["location"] + "!"))
    with pytest.raises(ConflictError) as conflict:
        ws.update_case(case_id, CaseUpdate(version=case.version, title=PLANTED["title"] + "?"))
    shown.append(conflict.value.message)
    # Validation: a title far too long.
    with pytest.raises(UserError) as invalid:
        validate(CaseUpdate, {"version": 2, "title": PLANTED["title"] * 40})
    shown.append(invalid.value.message)
    # A locked database: another program holds the write lock.
    assert ws.db.location.file is not None
    impatient = Database.open(data_dir=ws.data_dir, busy_timeout_ms=100)
    other = sqlite3.connect(ws.db.location.file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError) as locked, impatient.session() as s:
            cases.create_case(
                CaseCreate(title=PLANTED["title"], employer_id=1, case_type="other"),
                session=s,
                today=TODAY,
            )
        shown.append(locked.value.message)
    finally:
        other.execute("ROLLBACK")
        other.close()
        impatient.dispose()
    return shown


class Bugs:
    """Bugs that carry planted data in their messages, as real ones do: a driver error
    quoting its statement's parameters, and a validation error (not ours) quoting its input."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def query(self, *, session: Any, **_: Any) -> Any:
        try:
            session.execute(
                sa.text("SELECT * FROM no_such_table WHERE name = :name AND note = :note"),
                {"name": PLANTED["representative"], "note": PLANTED["notes"]},
            )
        except sa.exc.SQLAlchemyError as exc:
            self.messages.append(str(exc))
            raise
        raise AssertionError("the query should have failed")

    def model(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return EmployerCreate.model_validate(
                {"name": "Nordlys AS", "employees": PLANTED["contact"]}
            )
        except Exception as exc:
            self.messages.append(str(exc))
            raise RuntimeError("could not read the employer") from exc


def crash_dialog_details(exc: BaseException) -> str:
    """What the window's crash dialog shows (and offers to copy) for ``exc``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.errors import CrashDialog, CrashReporter
    from ui.prompts import ScriptedPrompter

    seen: list[str] = []

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CrashDialog)
        seen.append(dialog.details.toPlainText())
        dialog.reject()

    QTimer.singleShot(0, grab)
    CrashReporter(ScriptedPrompter(), enabled=True).report(exc)
    assert len(seen) == 1
    return seen[0]


def test_logs_and_crash_reports_carry_no_personal_data(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    qapp: Any,
) -> None:
    caplog.set_level(logging.DEBUG)  # everything any logger says, not just warnings
    data = tmp_path / "data"
    # Made by Alembic, not copied from the install's schema template: its migrations log,
    # so there is logging output to search below.
    Database.open(data_dir=data, template=False).dispose()
    ws = Workspace.open(data_dir=data, clock=lambda: TODAY)
    case_id, _ = fill(ws)
    shown = failures(ws, case_id)
    ws.close()

    args = ["--data-dir", str(data)]
    bad = planted_bundle(tmp_path / "feil.json", notice_on="i fjor høst")
    code, _, err = run_cli(capsys, *args, "import", str(bad))
    assert code == 1 and "ikke importert" in err
    good = planted_bundle(tmp_path / "saker.json")
    assert run_cli(capsys, *args, "import", str(good))[0] == 0
    for command in (["backup"], ["check"], ["show", "2026/1"], ["cases"], []):
        assert run_cli(capsys, *args, *command)[0] == 0

    bugs = Bugs()
    monkeypatch.setattr(transfer, "export_bundle", bugs.query)
    assert run_cli(capsys, *args, "export", "--out", str(tmp_path / "ut.json"))[0] == 70
    monkeypatch.setattr(employers, "list_employers", bugs.model)
    assert run_cli(capsys, *args, "employers")[0] == 70
    # Without the scrubbing these bugs would leak: their messages quote the planted data.
    assert len(bugs.messages) == 2 and all(leaks(m) for m in bugs.messages)

    monkeypatch.undo()
    ws = Workspace.open(data_dir=data, clock=lambda: TODAY)
    try:
        with pytest.raises(sa.exc.SQLAlchemyError) as driver_error, ws.db.session() as s:
            bugs.query(session=s)
        details = crash_dialog_details(driver_error.value)
    finally:
        ws.close()

    log_file = data / "logs" / "tillitsvalgt.log"
    logged = log_file.read_text(encoding="utf-8")
    # The reports are there, and useful: types, places, the SQL with its placeholders.
    assert logged.count("--- ") == 2 and logged.count(WITHHELD) >= 3
    assert "sqlalchemy.exc.OperationalError" in logged and "in query" in logged
    assert "SQL: SELECT * FROM no_such_table WHERE name = ? AND note = ?" in logged
    assert "pydantic_core._pydantic_core.ValidationError" in logged
    assert "OperationalError" in details and "no_such_table" in details
    assert caplog.records  # logging did run (backups, …): its output was searched
    assert leaks(logged) == []
    assert leaks(caplog.text) == []
    assert leaks(details) == []
    # The user's own messages may name their case; they are shown, not stored.
    assert all("Sølvikke" not in m for m in shown)


def test_every_folder_and_file_in_the_data_directory_is_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    ws = Workspace.open(data_dir=data, clock=lambda: TODAY)
    fill(ws)
    ws.backup_now()
    ws.daily_duties()
    ws.close()
    args = ["--data-dir", str(data)]
    assert run_cli(capsys, *args, "backup")[0] == 0

    def bug(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("feil")

    monkeypatch.setattr(transfer, "export_bundle", bug)
    assert run_cli(capsys, *args, "export", "--out", str(tmp_path / "ut.json"))[0] == 70

    # The write-ahead log and its index exist only while the database is open.
    ws = Workspace.open(data_dir=data, clock=lambda: TODAY)
    fill(ws)
    try:
        found = {
            p.relative_to(data).as_posix(): (p.is_dir(), mode(p)) for p in sorted(data.rglob("*"))
        }
    finally:
        ws.close()
    names = set(found)
    assert {"tillitsvalgt.db", "tillitsvalgt.db-wal", "tillitsvalgt.db-shm"} <= names
    assert {"backups", "logs", "logs/tillitsvalgt.log"} <= names
    backups = [n for n in names if n.startswith("backups/") and n.endswith(".db")]
    assert len(backups) >= 2 and all(f"{n}.json" in names for n in backups)
    assert mode(data) == 0o700
    wrong = {
        name: oct(bits)
        for name, (is_dir, bits) in found.items()
        if bits != (0o700 if is_dir else 0o600)
    }
    assert wrong == {}


def test_the_windows_settings_file_with_the_search_text_is_private(
    qtbot: Any, tmp_path: Path
) -> None:
    from ui.prompts import ScriptedPrompter

    from helpers.gui import make_window

    ws = Workspace.open(data_dir=tmp_path / "data", clock=lambda: TODAY)
    try:
        prompter = ScriptedPrompter(texts=[PLANTED["representative"]])
        window = make_window(qtbot, ws, tmp_path, prompter)
        window.search.setText("Kvakkestad")  # a member's name, remembered for next time
        window.save_filter()
        window.save_state()
        settings = Path(window.settings.fileName())
        assert "Kvakkestad" in settings.read_text(encoding="utf-8")
        assert mode(settings) == 0o600
    finally:
        ws.close()
