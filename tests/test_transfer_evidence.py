"""Bundles carry the evidence: documents (bytes and checksums, sent letters still frozen),
checklist answers and deadlines with their extensions; one case or a selection can be
exported; the same bundle imported twice changes nothing. On both databases."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.errors import StateError, ValidationError
from tillitsvalgt.services import checklist, deadlines, documents, letters
from tillitsvalgt.services.transfer import export_bundle, import_bundle
from tillitsvalgt.shapes import ChecklistAnswerSet, DocumentCreate
from tillitsvalgt.tables import Case

from conftest import TODAY, make_case, make_employer, run_cli

LETTER = b"PK\x03\x04 krav om droefting, brevets bytes \x00\xff"
ATTACHMENT = "Referat fra møtet 2. mars".encode()


def _case_with_evidence(db: Database) -> str:
    number = make_case(db, make_employer(db), notice_on=date(2026, 3, 1))
    with db.session() as s:
        letter = documents.add_document(
            number,
            DocumentCreate(
                direction="ut",
                kind="krav_om_drofting",
                title="Krav om drøfting",
                filename="krav.docx",
                dated=date(2026, 3, 3),
                reply_by=date(2026, 3, 17),
                content=LETTER,
                provisions=["aml-8-2"],
            ),
            session=s,
        )
        letters.mark_letter_sent(letter.id, sent_on=date(2026, 3, 3), session=s)
        documents.add_document(
            number,
            DocumentCreate(direction="inn", kind="vedlegg", title="Referat", content=ATTACHMENT),
            session=s,
        )
        [deadline] = deadlines.list_deadlines(number, session=s)
        deadlines.extend_deadline(
            deadline.id, new_due_on=date(2026, 3, 24), reason="Avtalt i møtet", session=s
        )
        checklist.set_answer(
            number,
            ChecklistAnswerSet(item_key="omfang", answer="not_met", note="Ikke avklart"),
            session=s,
        )
    return number


def _export(db: Database, **kw: Any) -> list[dict[str, Any]]:
    with db.session(readonly=True) as s:
        return json.loads(json.dumps(export_bundle(session=s, **kw)))  # as a file would


def _import(db: Database, bundle: Any) -> Any:
    with db.session() as s:
        return import_bundle(bundle, session=s, today=TODAY)


def _journal(db: Database, number: str) -> list[tuple[str, str, bool, bytes]]:
    with db.session(readonly=True) as s:
        return [
            (d.title, d.sha256, d.frozen, documents.document_content(d.id, session=s))
            for d in documents.list_documents(number, session=s)
        ]


def test_documents_checklist_and_deadlines_travel_and_a_second_import_changes_nothing(
    db: Database, other_db: Database
) -> None:
    number = _case_with_evidence(db)
    bundle = _export(db)
    [item] = bundle
    assert [d["sha256"] for d in item["documents"]] == [
        hashlib.sha256(LETTER).hexdigest(),
        hashlib.sha256(ATTACHMENT).hexdigest(),
    ]
    assert base64.b64decode(item["documents"][0]["content"]) == LETTER

    report = _import(other_db, bundle)
    assert (report.evidence.documents_added, report.evidence.deadlines_added) == (2, 1)
    assert "Dokumenter: 2 nye" in report.summary()
    [received] = report.created
    assert _journal(other_db, received) == _journal(db, number)
    with other_db.session(readonly=True) as s:
        [deadline] = deadlines.list_deadlines(received, session=s)
        assert (deadline.original_due_on, deadline.due_on) == (date(2026, 3, 17), date(2026, 3, 24))
        [ext] = deadlines.extensions(deadline.id, session=s)
        assert ext.reason == "Avtalt i møtet"
        assert deadline.document_id is not None
        [answer] = checklist.list_answers(received, session=s)
        assert (answer.item_key, answer.answer, answer.note) == (
            "omfang",
            "not_met",
            "Ikke avklart",
        )
        # The sent letter is frozen here too: it cannot be changed or deleted.
        sent = next(d for d in documents.list_documents(received, session=s) if d.frozen)
        assert sent.sent_on == date(2026, 3, 3)
    with other_db.session() as s, pytest.raises(StateError):
        documents.replace_content(sent.id, b"endret", session=s)
    # What the office holds exports as what it received (the office sees the same journal).
    assert _export(other_db) == bundle

    again = _import(other_db, bundle)
    assert again.created == [] and again.updated == []
    assert again.summary() == again._cases_summary()  # no evidence line: nothing new
    assert _export(other_db) == bundle


def test_a_document_that_does_not_match_its_checksum_refuses_the_whole_import(
    db: Database, other_db: Database
) -> None:
    _case_with_evidence(db)
    make_case(db, make_employer(db, name="Fjordbyen kommune", orgnr=None), title="Annen sak")
    bundle = _export(db)
    tampered = copy.deepcopy(bundle)
    doc = tampered[0]["documents"][0]
    doc["content"] = base64.b64encode(LETTER.replace(b"droefting", b"forhandling")).decode()
    with pytest.raises(ValidationError) as err:
        _import(other_db, tampered)
    assert "stemmer ikke med sjekksummen" in str(err.value)
    assert "ingenting er endret" in str(err.value)
    with other_db.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM cases")).scalar_one() == 0
        assert conn.execute(sa.text("SELECT count(*) FROM documents")).scalar_one() == 0


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"content": "ikke base64!"}, "ikke gyldig base64"),
        ({"sha256": "abc"}, "SHA-256"),
        ({"direction": "sidelengs"}, "Retning"),
    ],
)
def test_broken_documents_are_named_with_their_place_in_the_file(
    db: Database, change: dict[str, str], expected: str
) -> None:
    employer = {"name": "Nordkyst Sparebank", "orgnr": "952601814"}
    doc = {
        "uuid": "7d5b0f7e-6a55-4d0e-9d0a-0d6c3b1f1a01",
        "direction": "inn",
        "kind": "vedlegg",
        "title": "Referat",
        "sha256": hashlib.sha256(b"x").hexdigest(),
        "content": base64.b64encode(b"x").decode(),
        **change,
    }
    item = {"id": "A", "employer": employer, "case": {"type": "other", "title": "T"}}
    with pytest.raises(ValidationError) as err:
        _import(db, [item, {**item, "id": "B", "documents": [doc]}])
    assert "Sak nr. 2 (B) › Dokumenter › nr. 1" in str(err.value)
    assert expected in str(err.value)


def test_a_draft_here_that_was_sent_there_becomes_the_sent_letter(
    db: Database, other_db: Database
) -> None:
    number = make_case(db, make_employer(db))
    with db.session() as s:
        draft = documents.add_document(
            number,
            DocumentCreate(direction="ut", kind="annet", title="Utkast", content=b"utkast 1"),
            session=s,
        )
    first = _export(db)
    _import(other_db, first)
    with db.session() as s:
        documents.replace_content(draft.id, b"endelig tekst", session=s)
        documents.mark_sent(draft.id, sent_on=date(2026, 4, 1), session=s)
    report = _import(other_db, _export(db))
    assert report.evidence.documents_sent == 1
    [(_title, _sha, frozen, content)] = _journal(other_db, report.unchanged[0])
    assert (frozen, content) == (True, b"endelig tekst")
    # A stale bundle (the draft) cannot unfreeze or replace the sent letter.
    _import(other_db, first)
    assert _journal(other_db, report.unchanged[0])[0][3] == b"endelig tekst"


def test_export_of_one_case_or_a_selection(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    employer = make_employer(db)
    numbers = [make_case(db, employer, title=f"Sak {i}") for i in range(4)]
    make_case(db, employer, title="Hjemmekontor", case_type="home_office_policy")
    with db.session(readonly=True) as s:
        ids = [s.exec(sa.select(Case.id).where(Case.number == n)).scalar_one() for n in numbers]
    assert [c["id"] for c in _export(db, case_ids=ids[1:3])] == numbers[1:3]
    # Through the command line, on the SQLite file (the PostgreSQL database is covered above).
    if db.engine.dialect.name != "sqlite":
        return
    data_dir = str(Path(str(db.engine.url.database)).parent)
    code, out, err = run_cli(
        capsys, "--data-dir", data_dir, "export", "--case", numbers[0], "--case", numbers[3]
    )
    assert code == 0, err
    assert [c["id"] for c in json.loads(out)] == [numbers[0], numbers[3]]
    code, out, _ = run_cli(capsys, "--data-dir", data_dir, "export", "--type", "home_office_policy")
    assert [c["case"]["title"] for c in json.loads(out)] == ["Hjemmekontor"]
    code, out, _ = run_cli(
        capsys, "--data-dir", data_dir, "export", "--case", numbers[0], "--search", "Hjemmekontor"
    )
    assert json.loads(out) == []  # a named case must pass the filters too
    code, _, err = run_cli(capsys, "--data-dir", data_dir, "export", "--case", "2026/999")
    assert code != 0 and "2026/999" in err


def test_every_case_column_is_in_the_bundle_or_left_out_on_purpose() -> None:
    """A new column on Case must be carried by the bundle (export and BundleCase) or named
    here with the reason it stays home; otherwise the office silently loses it."""
    from tillitsvalgt.services.transfer import BundleCase

    left_out = {
        "id": "local key",
        "uuid": "the item's own uuid",
        "employer_id": "the employer travels by name and org.nr.",
        "representative_id": "travels as reported_by",
        "case_type": "travels as type",
        "year": "the number is given by the receiving database",
        "seq": "the number is given by the receiving database",
        "source_ref": "set from the item's id on import",
        "last_document_seq": "documents are numbered where they are stored",
        "version": "local edit counter",
        "created_at": "local",
        "closed_at": "follows the status",
        "deleted_at": "only live cases are exported",
        "branch": "access control on PostgreSQL: the receiving office decides",
        "group_id": "travels as the item's group",
    }
    verdict = {c for c in Case.__table__.columns.keys() if c.startswith("verdict_")}  # noqa: SIM118
    columns = set(Case.__table__.columns.keys()) - verdict  # derived: recomputed on import
    in_bundle = set(BundleCase.model_fields) | {"case_type"}
    missing = columns - in_bundle - set(left_out)
    assert not missing, f"Case-felt verken i pakken eller utelatt med begrunnelse: {missing}"
    assert not (set(left_out) - columns - {"branch"}), "left_out names a column that is gone"


def test_a_cancelled_reply_deadline_arrives_cancelled_and_alone(
    db: Database, other_db: Database
) -> None:
    """The letter's "sent" event would make a reply deadline of its own; a bundle that
    carries the deadlines is believed instead."""
    number = _case_with_evidence(db)
    with db.session() as s:
        [deadline] = deadlines.list_deadlines(number, session=s)
        deadlines.cancel_deadline(deadline.id, session=s)
    report = _import(other_db, _export(db))
    with other_db.session(readonly=True) as s:
        [arrived] = deadlines.list_deadlines(report.created[0], session=s)
    assert arrived.cancelled
    assert (arrived.original_due_on, arrived.due_on) == (date(2026, 3, 17), date(2026, 3, 24))


def test_the_demo_data_travels_whole_closed_cases_and_their_deadlines_included(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Found by the bundle's smoke test: a closed case's deadlines refused the whole import
    («gjenåpne den før du setter en ny frist»), so no office could take a full export."""
    home, office = str(tmp_path / "home"), str(tmp_path / "office")
    code, _, err = run_cli(capsys, "--data-dir", home, "demo")
    assert code == 0, err
    bundle = tmp_path / "alt.json"
    # The examples go only when chosen (a filter): «every case» leaves them home.
    code, _, err = run_cli(
        capsys, "--data-dir", home, "export", "--status", "closed", "--out", str(bundle)
    )
    assert code == 0, err
    items = json.loads(bundle.read_text("utf-8"))
    closed = [i for i in items if i["case"].get("status") == "closed" and i.get("deadlines")]
    assert closed, "the demo data has closed cases with deadlines"
    code, _, err = run_cli(capsys, "--data-dir", office, "import", str(bundle))
    assert code == 0, err
    again = tmp_path / "igjen.json"
    code, _, err = run_cli(
        capsys, "--data-dir", office, "export", "--status", "closed", "--out", str(again)
    )
    assert code == 0, err
    back = json.loads(again.read_text("utf-8"))
    assert len(back) == len(items)
    by_uuid = {i["uuid"]: i for i in back}
    for item in closed:
        assert len(by_uuid[item["uuid"]]["deadlines"]) == len(item["deadlines"])


def _facts(db: Database, number: str) -> tuple[Any, ...]:
    from tillitsvalgt.services import assessments

    with db.session() as s:
        judged = assessments.assess_case(number, session=s, today=TODAY, store=True)
    c = judged.case
    return (
        (c.employer_employees, c.employer_agreement, c.employer_sector, c.employer_facts_at),
        judged.assessment.required_level,
        judged.register_differs,
    )


def test_the_employer_facts_a_case_was_judged_on_travel_with_it(
    db: Database, other_db: Database
) -> None:
    """The office judges an imported case on the facts the representative's case was
    judged on, not on its own register's figures; a newer snapshot (the sender adopted the
    register's facts) replaces the older one, an older bundle does not."""
    from tillitsvalgt.services import cases, employers
    from tillitsvalgt.shapes import EmployerUpdate

    employer = make_employer(db, employees=12, agreement="none", sector="privat")
    number = make_case(db, employer)
    sent_facts, sent_level, _ = _facts(db, number)
    assert sent_facts[0] == 12
    # The sender's register is corrected afterwards: the case keeps its 12.
    with db.session() as s:
        version = employers.get_employer(employer, session=s).version
        employers.update_employer(
            employer,
            EmployerUpdate(version=version, employees=180, agreement="finans-finansforbundet"),
            session=s,
        )
    first = _export(db)
    assert first[0]["employer"]["employees"] == 180  # the register, as it is now
    assert first[0]["case"]["employer_employees"] == 12  # what the case was judged on
    report = _import(other_db, first)
    [arrived] = report.created
    facts, level, differs = _facts(other_db, arrived)
    assert facts == sent_facts  # the timestamp too, to the microsecond
    assert level == sent_level
    assert differs, "the office's register (180) differs and the case view says so"
    assert _import(other_db, first).unchanged == [arrived]

    # The representative takes the register's facts: the newer bundle carries them over.
    with db.session() as s:
        case = cases.get_case(number, session=s)
        cases.adopt_employer_facts(number, version=case.version, session=s)
    second = _export(db)
    assert second[0]["case"]["employer_employees"] == 180
    assert _import(other_db, second).updated == [arrived]
    facts, _, differs = _facts(other_db, arrived)
    assert facts[:3] == (180, "finans-finansforbundet", "privat") and differs == ()
    # The first bundle again, older: it changes nothing.
    assert _import(other_db, first).kept == [arrived]
    assert _facts(other_db, arrived)[0][0] == 180


def test_a_bundle_without_the_snapshot_is_judged_on_the_receiving_register(
    db: Database, other_db: Database
) -> None:
    """Bundles from before the snapshot travelled (and hand-written ones) still import:
    the receiving register gives the facts, as before; a broken snapshot is refused whole."""
    make_case(db, make_employer(db))
    bundle = _export(db)
    for key in ("employer_employees", "employer_agreement", "employer_sector"):
        bundle[0]["case"].pop(key, None)
    bundle[0]["case"].pop("employer_facts_at")
    [arrived] = _import(other_db, bundle).created
    assert _facts(other_db, arrived)[0][0] == 180
    broken = copy.deepcopy(_export(db))
    broken[0]["case"]["employer_agreement"] = "ingen-slik-avtale"
    broken[0]["uuid"] = "7c2d6f0e-53b1-4a8e-9d61-0c6c2f7e1a11"
    with pytest.raises(ValidationError) as caught:
        _import(other_db, broken)
    assert "hovedavtale" in str(caught.value)
    with other_db.session(readonly=True) as s:
        assert s.exec(sa.select(sa.func.count()).select_from(Case)).scalar_one() == 1


def test_examples_stay_examples_at_the_office_and_never_count_in_its_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A filtered export takes the example cases along (only «every case» leaves them
    home); at the office they arrive marked as examples, so its report counts none of them
    (found by the bundle's smoke test: imported examples became real cases)."""
    home, office = str(tmp_path / "home"), str(tmp_path / "office")
    assert run_cli(capsys, "--data-dir", home, "demo")[0] == 0
    bundle = tmp_path / "apne.json"
    code, _, err = run_cli(
        capsys, "--data-dir", home, "export", "--status", "open", "--out", str(bundle)
    )
    assert code == 0, err
    items = json.loads(bundle.read_text("utf-8"))
    assert items and all(i["case"].get("is_demo") is True for i in items)
    code, _, err = run_cli(capsys, "--data-dir", office, "import", str(bundle))
    assert code == 0, err
    out_docx = tmp_path / "rapport.docx"
    code, out, err = run_cli(
        capsys, "--data-dir", office, "report", "--from", "2025-01-01", "--to",
        "2026-12-31", "--out", str(out_docx),
    )  # fmt: skip
    assert code == 0, err
    assert "(0 saker)" in out, out
    # Stripped of the mark (what a hand-made file would be), the same cases do count.
    for item in items:
        item["case"].pop("is_demo")
    real = tmp_path / "ekte.json"
    real.write_text(json.dumps(items), "utf-8")
    elsewhere = str(tmp_path / "elsewhere")
    assert run_cli(capsys, "--data-dir", elsewhere, "import", str(real))[0] == 0
    code, out, err = run_cli(
        capsys, "--data-dir", elsewhere, "report", "--from", "2025-01-01", "--to",
        "2026-12-31", "--out", str(tmp_path / "r2.docx"),
    )  # fmt: skip
    assert code == 0, err
    assert f"({len(items)} saker)" in out, out
