"""GDPR requests: a name planted in every kind of field is found by the export, and after
the deletion it is nowhere in the database for closed cases (every text column of every
table, searched with raw SQL), while open cases are listed and left alone, and the deletion
is recorded in the change history without the name."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError
from tillitsvalgt.models import (
    CaseUpdate,
    DeadlineCreate,
    DocumentCreate,
    EmployerUpdate,
    EventCreate,
    EventUpdate,
    RepresentativeCreate,
)
from tillitsvalgt.services import cases, deadlines, documents, employers, events, privacy
from tillitsvalgt.services import history as history_reader
from tillitsvalgt.services.representatives import create_representative

from conftest import make_case, make_employer, run_cli

NAME = "Gunnhild Prestbakmo"
NEEDLE = "prestbakmo"  # the surname alone, in any case: what must be gone


def _plant(db: Database, *, close: bool = True, employer_name: str = "Nordkyst Sparebank") -> str:
    """A case (closed unless ``close`` is False) with the name in every kind of field, its
    history holding the name in old and new values."""
    employer_id = make_employer(
        db,
        name=employer_name,
        orgnr=None,
        contact_name=NAME,
        contact_email="gunnhild@eksempel.no",
        contact_phone="+47 900 00 000",
    )
    number = make_case(
        db,
        employer_id,
        title=f"Møte med {NAME}",
        description=f"Referat: {NAME.upper()} sa at pultene fjernes.",
        location="Kontoret til gunnhild   prestbakmo",
        report_summary=f"Leder {NAME} informerte for sent.",
    )
    with db.session() as s:
        c = cases.get_case(number, session=s)
        cases.update_case(
            number,
            CaseUpdate(version=c.version, description=f"{NAME} bekreftet endringen."),
            session=s,
        )
        ev = events.add_event(
            number,
            EventCreate(
                kind="consultation_meeting",
                occurred_on=date(2026, 3, 12),
                participants=f"{NAME}, Ola Olsen",
                notes=f"{NAME} lovet svar.",
            ),
            session=s,
        )
        events.update_event(
            ev.id, EventUpdate(version=ev.version, notes=f"{NAME} svarte ikke."), session=s
        )
        emp = employers.get_employer(employer_id, session=s)
        employers.update_employer(
            employer_id,
            EmployerUpdate(
                version=emp.version,
                contact_name=f"{NAME} (HR)",
                contact_email="gunnhild.p@eksempel.no",
            ),
            session=s,
        )
        deadlines.add_deadline(
            number,
            DeadlineCreate(due_on=date(2026, 4, 1), title=f"Svar fra {NAME}"),
            session=s,
        )
        documents.add_document(
            number,
            DocumentCreate(
                direction="inn",
                kind="vedlegg",
                title="Epost",
                recipient=NAME,
                content=b"ingen navn her",
            ),
            session=s,
        )
        letter = documents.add_document(
            number,
            DocumentCreate(
                direction="ut",
                kind="krav_om_drofting",
                title="Krav om drøfting",
                content=f"Til {NAME}".encode(),
            ),
            session=s,
        )
        documents.mark_sent(letter.id, sent_on=date(2026, 3, 1), session=s)
        from tillitsvalgt.services import escalation

        escalation.record_stage(
            number,
            escalation.StageInput(
                stage="central", started_on=date(2026, 5, 1), notes=f"Møte med {NAME}"
            ),
            session=s,
        )
    if close:
        with db.session() as s:
            c = cases.get_case(number, session=s)
            cases.close_case(number, outcome="agreement", version=c.version, session=s)
    return number


def raw_hits(db: Database, needle: str = NEEDLE) -> list[str]:
    """Every table.column (with raw SQL, not the app's code) whose text holds ``needle``;
    the bytes of documents are left out (a sent letter is kept, see its own test)."""
    found = []
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            tables = [
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            columns = [
                (t, r[1]) for t in tables for r in conn.exec_driver_sql(f'PRAGMA table_info("{t}")')
            ]
            select = 'SELECT "{c}" FROM "{t}"'
        else:
            columns = list(
                conn.exec_driver_sql(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public'"
                )
            )
            select = 'SELECT "{c}"::text FROM "{t}"'
        for table, column in columns:
            if (table, column) == ("documents", "content"):
                continue
            for (value,) in conn.exec_driver_sql(select.format(t=table, c=column)):
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "ignore")
                if value and needle in str(value).casefold():
                    found.append(f"{table}.{column}")
    return found


def test_the_export_finds_the_name_everywhere_and_says_where(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _plant(db)
    with db.session() as s:
        create_representative(RepresentativeCreate(name=NAME.lower()), session=s)
    with db.session(readonly=True) as s:
        report = privacy.find_person("  gunnhild   PRESTBAKMO ", session=s)
    places = {(h.table, h.column) for h in report.hits}
    assert places >= {
        ("employers", "contact_name"),
        ("cases", "title"),
        ("cases", "description"),
        ("cases", "location"),
        ("cases", "report_summary"),
        ("events", "participants"),
        ("events", "notes"),
        ("event_revisions", "data"),
        ("change_history", "old_value"),
        ("change_history", "new_value"),
        ("deadlines", "title"),
        ("documents", "recipient"),
        ("documents", "content"),
        ("representatives", "name"),
    }
    # Every text column of every table that holds the name is among the hits.
    expected = set(raw_hits(db)) - {
        "case_search.title",
        "case_search.description",
        "case_search.notes",
        "case_search.document",
    }
    expected = {p for p in expected if not p.startswith("case_search_")}
    assert expected <= {f"{t}.{c}" for t, c in places}
    wheres = [h.where for h in report.hits]
    assert f"Sak {number} › Beskrivelse" in wheres
    assert "Virksomhet «Nordkyst Sparebank» › Kontaktperson" in wheres
    assert any(
        w.startswith(f"Sak {number} › dokument") and w.endswith("innholdet (sendt)") for w in wheres
    )
    assert any("endringshistorikken" in w and "Kontaktperson, gammel verdi" in w for w in wheres)

    out = tmp_path / "innsyn.json"
    url = db.engine.url.render_as_string(hide_password=False)
    code, stdout, stderr = run_cli(
        capsys, "--database-url", url, "person", "export", NAME, "--out", str(out)
    )
    assert code == 0, stderr
    data = json.loads(out.read_text("utf-8"))
    assert data["person"] == NAME and data["hits"] == len(report.hits) > 10
    assert {h["where"] for h in data["found"]} == set(wheres)
    assert f"{len(report.hits)} treff" in stdout
    assert (out.stat().st_mode & 0o077) == 0  # personal data: readable by the owner only


def test_the_deletion_leaves_the_name_nowhere_for_closed_cases(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _plant(db)
    assert len(raw_hits(db)) > 10
    with db.session(readonly=True) as s:
        case_id = cases.get_case(number, session=s).id
        before = len(history_reader.case_history(number, session=s))
    url = db.engine.url.render_as_string(hide_password=False)
    code, stdout, stderr = run_cli(capsys, "--database-url", url, "person", "delete", NAME, "--yes")
    assert code == 0, stderr
    assert raw_hits(db) == []
    assert raw_hits(db, "gunnhild") == []  # the e-mail addresses went with the contact
    assert "avsluttede saker" in stdout and number in stdout
    # The sent letter is kept, and the message says why.
    assert "sendt brev" in stdout and "art. 17" in stdout
    with db.session(readonly=True) as s:
        case = cases.get_case(number, session=s)
        assert case.title == "Møte med [slettet]"
        assert case.location == "Kontoret til [slettet]"
        emp = employers.get_employer(case.employer_id, session=s)
        assert (emp.contact_name, emp.contact_email, emp.contact_phone) == (None, None, None)
        ev = events.list_events(number, session=s)[0]
        assert ev.participants == "[slettet], Ola Olsen"
        entries = history_reader.case_history(number, session=s)
    # The deletion is in the history, without the name, and nothing earlier was removed.
    redacted = [e for e in entries if e.action == "redacted"]
    assert len(entries) == before + len(redacted)
    assert {e.field for e in redacted} >= {
        "title",
        "description",
        "location",
        "report_summary",
        "participants",
        "notes",
        "contact_name",
        "contact_email",
        "contact_phone",
        "event_revisions",
        "change_history",
        "deadlines",
        "documents",
    }
    assert all(e.old == "" and e.new == "" for e in redacted)
    assert any(e.what == "Personopplysninger slettet: Beskrivelse" for e in redacted)
    with db.engine.connect() as conn:
        gdpr = conn.execute(
            sa.text("SELECT count(*) FROM change_history WHERE context = 'gdpr' AND case_id = :c"),
            {"c": case_id},
        ).scalar_one()
    assert gdpr >= 10
    # Free-text search no longer finds the case by the name.
    with db.session(readonly=True) as s:
        page = cases.list_cases(cases.CaseQuery(text="Prestbakmo"), session=s)
    assert page.total == 0


def test_open_cases_are_listed_and_not_changed(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    closed = _plant(db)
    open_case = _plant(db, close=False, employer_name="Sørkyst Kraft")
    with db.session() as s:
        report = privacy.delete_person(NAME, session=s)
    with db.session(readonly=True) as s:
        still = cases.get_case(open_case, session=s)
        employer = employers.get_employer(still.employer_id, session=s)
        done = cases.get_case(closed, session=s)
    assert NAME in still.title and NAME in (still.description or "")
    assert employer.contact_name == f"{NAME} (HR)"  # needed by the open case
    assert "[slettet]" in done.title
    kept = {(hit.case_number, reason) for hit, reason in report.kept}
    assert (open_case, privacy.OPEN_CASE) in kept
    assert (closed, privacy.SENT_LETTER) in kept
    assert "saken er åpen" in report.summary()
    assert all(hit.case_number != open_case for hit in report.changed)


def test_the_history_redaction_is_refused_outside_the_privacy_service(
    db: Database,
) -> None:
    _plant(db)
    statement = "UPDATE change_history SET old_value = 'noe annet' WHERE old_value IS NOT NULL"
    with pytest.raises(sa.exc.DBAPIError), db.engine.begin() as conn:
        conn.execute(sa.text(statement))


@pytest.mark.parametrize("name", ["", "  ", "Al", "12345", "a b"])
def test_a_name_too_short_to_be_a_person_is_refused(db: Database, name: str) -> None:
    with pytest.raises(UserError) as err, db.session() as s:
        privacy.delete_person(name, session=s)
    assert "for kort" in str(err.value)


def test_delete_asks_first_and_changes_nothing_when_refused(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    _plant(db)
    before = raw_hits(db)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    url = db.engine.url.render_as_string(hide_password=False)
    code, stdout, stderr = run_cli(capsys, "--database-url", url, "person", "delete", NAME)
    assert code != 0 and "ingenting er endret" in stderr
    assert "Fant" in stdout
    assert raw_hits(db) == before
