"""GDPR requests: a name planted in every kind of field is found by the export, and after
the deletion it is nowhere in the database for closed cases (every text column of every
table, searched with raw SQL), while open cases are listed and left alone, and the deletion
is recorded in the change history without the name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError
from tillitsvalgt.services import cases, employers, events, privacy
from tillitsvalgt.services import history as history_reader
from tillitsvalgt.services.representatives import create_representative
from tillitsvalgt.shapes import RepresentativeCreate

from conftest import run_cli
from helpers.gdpr import NAME, plant, raw_hits


def test_the_export_finds_the_name_everywhere_and_says_where(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = plant(db)
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
    number = plant(db)
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
    closed = plant(db)
    open_case = plant(db, close=False, employer_name="Sørkyst Kraft")
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
    plant(db)
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

    plant(db)
    before = raw_hits(db)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    url = db.engine.url.render_as_string(hide_password=False)
    code, stdout, stderr = run_cli(capsys, "--database-url", url, "person", "delete", NAME)
    assert code != 0 and "ingenting er endret" in stderr
    assert "Fant" in stdout
    assert raw_hits(db) == before
