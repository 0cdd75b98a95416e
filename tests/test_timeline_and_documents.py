"""Events keep their history; documents are numbered, checksummed and frozen once sent;
deadlines keep their extensions; checklist answers are one per item."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
import sqlalchemy as sa

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError, StateError, ValidationError
from tillitsvalgt.services import cases, checklist, deadlines, documents, events
from tillitsvalgt.shapes import (
    ChecklistAnswerSet,
    DeadlineCreate,
    DocumentCreate,
    EventCreate,
    EventUpdate,
)
from tillitsvalgt.validation import validate

from conftest import TODAY, make_case, make_employer


@pytest.fixture
def case_no(db: Database) -> str:
    return make_case(db, make_employer(db))


def test_events_are_listed_in_date_order_and_touch_the_case(db: Database, case_no: str) -> None:
    with db.session(readonly=True) as s:
        before = cases.get_case(case_no, session=s)
    with db.session() as s:
        events.add_event(
            case_no,
            EventCreate(kind="protocol", occurred_on=date(2026, 3, 3), signed_by_both=True),
            session=s,
        )
        events.add_event(
            case_no,
            EventCreate(kind="notice", occurred_on=date(2026, 2, 2), participants="Ledelsen, HTV"),
            session=s,
        )
    with db.session(readonly=True) as s:
        timeline = events.list_events(case_no, session=s)
        after = cases.get_case(case_no, session=s)
    assert [e.kind for e in timeline] == ["notice", "protocol"]
    assert timeline[1].signed_by_both is True
    assert after.updated_at > before.updated_at
    assert after.version == before.version  # the form's version is untouched


def test_editing_an_event_keeps_the_previous_version(db: Database, case_no: str) -> None:
    with db.session() as s:
        ev = events.add_event(
            case_no,
            EventCreate(kind="consultation_meeting", occurred_on=date(2026, 3, 2), notes="Første"),
            session=s,
        )
    with db.session() as s:
        edited = events.update_event(
            ev.id,
            EventUpdate(version=1, occurred_on=date(2026, 3, 4), notes="Rettet dato"),
            session=s,
        )
    with db.session() as s:
        events.delete_event(ev.id, version=edited.version, session=s)
    with db.session(readonly=True) as s:
        history = events.event_history(ev.id, session=s)
        timeline = events.list_events(case_no, session=s)
    assert [h.version for h in history] == [1, 2]
    assert history[0].data["notes"] == "Første"
    assert history[0].data["occurred_on"] == "2026-03-02"
    assert history[1].data["notes"] == "Rettet dato"
    assert timeline == []


def test_a_stale_event_edit_is_refused(db: Database, case_no: str) -> None:
    with db.session() as s:
        ev = events.add_event(
            case_no, EventCreate(kind="note", occurred_on=TODAY, notes="a"), session=s
        )
        events.update_event(ev.id, EventUpdate(version=1, notes="b"), session=s)
    with pytest.raises(ConflictError), db.session() as s:
        events.update_event(ev.id, EventUpdate(version=1, notes="c"), session=s)
    with db.session(readonly=True) as s:
        assert events.list_events(case_no, session=s)[0].notes == "b"
        assert len(events.event_history(ev.id, session=s)) == 1


def test_documents_are_numbered_per_case_with_a_checksum(db: Database, case_no: str) -> None:
    other = make_case(db, make_employer(db, name="Annen AS", orgnr=None))
    with db.session() as s:
        d1 = documents.add_document(
            case_no,
            DocumentCreate(
                direction="ut",
                kind="krav_om_drofting",
                title="Krav",
                content=b"brev 1",
                provisions=["aml:8-2"],
            ),
            session=s,
        )
        d2 = documents.add_document(
            case_no,
            DocumentCreate(direction="inn", kind="vedlegg", title="Svar", content=b"svar"),
            session=s,
        )
        d3 = documents.add_document(
            other,
            DocumentCreate(direction="internt", kind="annet", title="Notat", content=b""),
            session=s,
        )
    assert [d1.number, d2.number, d3.number] == [f"{case_no}-1", f"{case_no}-2", f"{other}-1"]
    assert d1.sha256 == hashlib.sha256(b"brev 1").hexdigest()
    assert d1.provisions == ["aml:8-2"]
    with db.session(readonly=True) as s:
        listed = documents.list_documents(case_no, session=s)
        content = documents.document_content(d2.id, session=s)
    assert [d.number for d in listed] == [d1.number, d2.number]
    assert content == b"svar"


def test_a_sent_document_is_frozen(db: Database, case_no: str) -> None:
    with db.session() as s:
        doc = documents.add_document(
            case_no,
            DocumentCreate(direction="ut", kind="purring", title="Purring", content=b"v1"),
            session=s,
        )
        documents.replace_content(doc.id, b"v2", session=s)  # a draft may change
        sent = documents.mark_sent(doc.id, sent_on=date(2026, 4, 1), session=s)
    assert sent.frozen and sent.sent_on == date(2026, 4, 1)
    for action in (
        lambda s: documents.replace_content(doc.id, b"v3", session=s),
        lambda s: documents.delete_document(doc.id, session=s),
        lambda s: documents.mark_sent(doc.id, sent_on=date(2026, 4, 2), session=s),
    ):
        with pytest.raises(StateError), db.session() as s:
            action(s)
    with db.session(readonly=True) as s:
        assert documents.document_content(doc.id, session=s) == b"v2"


def test_a_tampered_document_is_detected(db: Database, case_no: str) -> None:
    with db.session() as s:
        doc = documents.add_document(
            case_no,
            DocumentCreate(direction="ut", kind="vedlegg", title="Bevis", content=b"original"),
            session=s,
        )
    with db.engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE documents SET content = :c WHERE id = :i"),
            {"c": b"forfalsket", "i": doc.id},
        )
    with pytest.raises(StateError) as err, db.session(readonly=True) as s:
        documents.document_content(doc.id, session=s)
    assert "sjekksummen" in str(err.value)


def test_deadline_extensions_are_kept(db: Database, case_no: str) -> None:
    with db.session() as s:
        d = deadlines.add_deadline(
            case_no,
            DeadlineCreate(
                due_on=date(2026, 4, 15), title="Svar på krav om drøfting", rule="14 dager"
            ),
            session=s,
        )
        deadlines.extend_deadline(
            d.id, new_due_on=date(2026, 4, 22), reason="Avtalt med HR", session=s
        )
        with pytest.raises(ValidationError):
            deadlines.extend_deadline(d.id, new_due_on=date(2026, 4, 20), reason=None, session=s)
    with db.session(readonly=True) as s:
        stored = deadlines.list_deadlines(case_no, session=s)[0]
        history = deadlines.extensions(d.id, session=s)
        upcoming = deadlines.open_deadlines(session=s, until=date(2026, 4, 30))
    assert (stored.due_on, stored.original_due_on) == (date(2026, 4, 22), date(2026, 4, 15))
    assert [(h.previous_due_on, h.new_due_on, h.reason) for h in history] == [
        (date(2026, 4, 15), date(2026, 4, 22), "Avtalt med HR")
    ]
    assert [u.id for u in upcoming] == [d.id]
    with db.session() as s:
        deadlines.mark_met(d.id, met_on=date(2026, 4, 20), session=s)
        assert deadlines.open_deadlines(session=s) == []
        with pytest.raises(StateError):
            deadlines.extend_deadline(d.id, new_due_on=date(2026, 5, 1), reason=None, session=s)


def test_checklist_answers_are_one_per_item(db: Database, case_no: str) -> None:
    with db.session() as s:
        checklist.set_answer(
            case_no, ChecklistAnswerSet(item_key="equipment", answer="unknown"), session=s
        )
        checklist.set_answer(
            case_no,
            ChecklistAnswerSet(item_key="equipment", answer="not_met", note="Ingen skjerm"),
            session=s,
        )
        checklist.set_answer(
            case_no, ChecklistAnswerSet(item_key="broadband", answer="met"), session=s
        )
    with db.session(readonly=True) as s:
        answers = checklist.list_answers(case_no, session=s)
    assert [(a.item_key, a.answer, a.note) for a in answers] == [
        ("broadband", "met", None),
        ("equipment", "not_met", "Ingen skjerm"),
    ]
    with pytest.raises(ValidationError):
        validate(ChecklistAnswerSet, {"item_key": "x", "answer": "kanskje"})
