"""Deadlines in the representative's calendar (.ics) and a letter as an e-mail draft (.eml):
both parsed back, on both databases."""

from __future__ import annotations

import email
import email.policy
import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from icalendar import Calendar

from tillitsvalgt.db import Database
from tillitsvalgt.errors import StateError, UserError
from tillitsvalgt.rules.deadlines import is_working_day, working_days_before
from tillitsvalgt.services import deadlines, documents, representatives
from tillitsvalgt.services.calendar import build_calendar, calendar_deadlines, deadlines_calendar
from tillitsvalgt.services.mail import letter_email
from tillitsvalgt.shapes import DeadlineCreate, DocumentCreate, RepresentativeCreate

from conftest import make_case, make_employer, run_cli

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
LETTER = b"PK\x03\x04 Krav om droefting - brevets bytes"


def _events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_working_days_before_skips_weekends_and_holidays() -> None:
    # Tuesday 5 January 2027: two working days back passes 1 January (a holiday) and a weekend.
    assert working_days_before(date(2027, 1, 5), 2) == date(2026, 12, 31)
    assert working_days_before(date(2026, 12, 9), 2) == date(2026, 12, 7)
    for n in range(0, 15):
        day = working_days_before(date(2027, 4, 1), n)
        assert n == 0 or is_working_day(day)


def test_calendar_has_each_open_deadline_with_a_reminder_and_drops_settled_ones(
    db: Database,
) -> None:
    case_no = make_case(db, make_employer(db, contact_name="Per Hansen"))
    with db.session() as s:
        open_one = deadlines.add_deadline(
            case_no, DeadlineCreate(due_on=date(2027, 1, 5), title="Svar på krav"), session=s
        )
        met = deadlines.add_deadline(
            case_no, DeadlineCreate(due_on=date(2026, 12, 10), title="Referat"), session=s
        )
        deadlines.mark_met(met.id, met_on=date(2026, 12, 9), session=s)
    with db.session(readonly=True) as s:
        data, live = deadlines_calendar(session=s, now=NOW)
        items = calendar_deadlines(session=s, case_ref=case_no)
    assert live == 1
    events = _events(data)
    assert len(events) == 2
    by_title = {str(e["summary"]): e for e in events.values()}  # type: ignore[attr-defined]
    first = by_title[f"Frist: Svar på krav (sak {case_no})"]
    assert first["dtstart"].dt == date(2027, 1, 5)
    assert str(first["status"]) == "CONFIRMED"
    (alarm,) = first.walk("VALARM")
    # Reminder at 09:00 on 31 December (two working days before 5 January 2027).
    start = datetime(2027, 1, 5)
    assert start + alarm["trigger"].dt == datetime(2026, 12, 31, 9, 0)
    settled = by_title[f"Frist: Referat (sak {case_no})"]
    assert str(settled["status"]) == "CANCELLED"
    assert not settled.walk("VALARM")
    # No person's name travels with the calendar: the employer's contact is not in it.
    assert b"Per Hansen" not in data
    assert {i.deadline_id for i in items} == {open_one.id, met.id}


def test_a_deadline_that_lapsed_with_its_case_is_dropped_from_the_calendar(
    db: Database,
) -> None:
    from tillitsvalgt.services import cases

    case_no = make_case(db, make_employer(db))
    with db.session() as s:
        deadlines.add_deadline(
            case_no, DeadlineCreate(due_on=date(2027, 1, 5), title="Svar på krav"), session=s
        )
        case = cases.get_case(case_no, session=s)
        cases.close_case(case_no, outcome="agreement", version=case.version, session=s)
    with db.session(readonly=True) as s:
        data, live = deadlines_calendar(session=s, now=NOW)
    assert live == 0
    (event,) = _events(data).values()
    assert str(event["status"]) == "CANCELLED"  # type: ignore[index]


def test_a_moved_deadline_keeps_its_uid_and_raises_its_sequence(db: Database) -> None:
    case_no = make_case(db, make_employer(db))
    with db.session() as s:
        d = deadlines.add_deadline(
            case_no, DeadlineCreate(due_on=date(2027, 2, 1), title="Svar"), session=s
        )
    with db.session(readonly=True) as s:
        before, _ = deadlines_calendar(session=s, now=NOW, case_ref=case_no)
    with db.session() as s:
        deadlines.extend_deadline(d.id, new_due_on=date(2027, 2, 15), reason="avtalt", session=s)
    with db.session(readonly=True) as s:
        after, _ = deadlines_calendar(session=s, now=NOW + timedelta(days=1), case_ref=case_no)
    (uid_a, ev_a), (uid_b, ev_b) = (*_events(before).items(), *_events(after).items())
    assert uid_a == uid_b  # the calendar moves the event instead of adding a second
    assert ev_b["dtstart"].dt == date(2027, 2, 15)  # type: ignore[index]
    assert int(ev_b["sequence"]) == int(ev_a["sequence"]) + 1  # type: ignore[index]


def test_calendar_text_is_escaped_not_interpreted() -> None:
    import uuid

    from tillitsvalgt.services.calendar import CalendarDeadline

    hostile = "Svar;\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:falsk, frist"
    data = build_calendar(
        [
            CalendarDeadline(
                case_uuid=uuid.uuid4(),
                case_number="2026/1",
                deadline_id=1,
                title=hostile,
                due_on=date(2027, 3, 1),
                employer="A, B & C; D",
                live=True,
                extensions=0,
            )
        ],
        now=NOW,
    )
    events = list(_events(data).values())
    assert len(events) == 1
    assert str(events[0]["summary"]) == f"Frist: {hostile} (sak 2026/1)"  # type: ignore[index]


def _letter(db: Database, **employer: str) -> tuple[int, str]:
    case_no = make_case(db, make_employer(db, **employer))
    with db.session() as s:
        representatives.create_representative(
            RepresentativeCreate(
                name="Kari Nordmann", role="hovedtillitsvalgt", email="kari@eksempel.no"
            ),
            session=s,
        )
        doc = documents.add_document(
            case_no,
            DocumentCreate(
                direction="ut",
                kind="krav_om_drofting",
                title="Krav om drøftingsmøte",
                content=LETTER,
                reply_by=date(2026, 12, 21),
            ),
            session=s,
        )
    return doc.id, doc.number


def test_email_draft_carries_the_journaled_letter_to_the_employers_contact(
    db: Database,
) -> None:
    doc_id, number = _letter(db, contact_name="Per Hansen", contact_email="per@bank.no")
    from tillitsvalgt.services.letters import letter_signer

    with db.session(readonly=True) as s:
        doc = documents.get_document(doc_id, session=s)
        sender = letter_signer(doc.case_id, session=s, profile_uuid=None)
        draft = letter_email(doc_id, session=s, now=NOW, sender=sender)
    msg = email.message_from_bytes(draft.message, policy=email.policy.default)
    assert msg["X-Unsent"] == "1"
    assert msg["To"] == "Per Hansen <per@bank.no>"
    assert msg["From"] == "Kari Nordmann <kari@eksempel.no>"
    assert msg["Subject"] == "Krav om drøftingsmøte"
    (part,) = list(msg.iter_attachments())
    payload = part.get_payload(decode=True)
    assert hashlib.sha256(payload).hexdigest() == hashlib.sha256(LETTER).hexdigest()
    assert part.get_filename() == number.replace("/", "-") + ".docx"
    body = msg.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    assert f"vår ref. {number}" in body
    assert "21. desember 2026" in body
    assert "Med vennlig hilsen\nKari Nordmann" in body
    link = urlsplit(draft.mailto())
    assert unquote(link.path) == "per@bank.no"
    assert parse_qs(link.query)["subject"] == ["Krav om drøftingsmøte"]


def test_nynorsk_email_body_has_no_bokmal(db: Database) -> None:
    doc_id, _ = _letter(db, contact_email="hr@kommune.no")
    with db.session(readonly=True) as s:
        draft = letter_email(doc_id, session=s, now=NOW, form="nn")
    assert "følgjer" in draft.body and "Med venleg helsing" in draft.body
    for bokmal in ("følger", "vennlig hilsen", "innen "):
        assert bokmal not in draft.body
    msg = email.message_from_bytes(draft.message, policy=email.policy.default)
    assert msg["Content-Language"] == "nn-NO"


def test_email_draft_refuses_a_changed_letter_and_an_incoming_document(db: Database) -> None:
    doc_id, number = _letter(db)
    import sqlalchemy as sa

    with db.engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE documents SET content = :c WHERE id = :i"), {"c": b"x", "i": doc_id}
        )
    with db.session(readonly=True) as s, pytest.raises(StateError, match="sjekksummen"):
        letter_email(doc_id, session=s, now=NOW)
    case_no = number.rsplit("-", 1)[0]
    with db.session() as s:
        incoming = documents.add_document(
            case_no,
            DocumentCreate(direction="inn", kind="annet", title="Svar", content=b"svar"),
            session=s,
        )
    with db.session(readonly=True) as s, pytest.raises(StateError, match="utgående"):
        letter_email(incoming.id, session=s, now=NOW)


def test_cli_writes_the_calendar_and_the_email_draft(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, sqlite_db: Database
) -> None:
    _, number = _letter(sqlite_db, contact_email="per@bank.no")
    with sqlite_db.session() as s:
        deadlines.add_deadline(
            number.rsplit("-", 1)[0],
            DeadlineCreate(due_on=date(2027, 1, 5), title="Svar"),
            session=s,
        )
    url = sqlite_db.location.url
    ics = tmp_path / "frister.ics"
    code, out, err = run_cli(capsys, "--database-url", url, "calendar", "--out", str(ics))
    assert code == 0, err
    assert "1 åpne frister" in out
    assert len(_events(ics.read_bytes())) == 1
    eml = tmp_path / "utkast.eml"
    code, out, err = run_cli(
        capsys, "--database-url", url, "letters", "email", number, "--out", str(eml)
    )
    assert code == 0, err
    assert "per@bank.no" in out and f"letters send {number}" in out
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    (part,) = list(msg.iter_attachments())
    assert part.get_payload(decode=True) == LETTER
    assert eml.stat().st_mode & 0o077 == 0  # private to the user


def test_the_workspace_writes_all_three_files_for_the_window(tmp_path: Path) -> None:
    from tillitsvalgt.services.cases import CaseQuery
    from tillitsvalgt.services.letters import LetterRequest

    from conftest import open_scenario_workspace

    ws = open_scenario_workspace(tmp_path / "data", date(2026, 11, 20))
    try:
        number = ws.list_cases(CaseQuery(limit=1)).rows[0].number
        letter = ws.create_letter(
            number, LetterRequest(kind="krav_om_drofting", dated=date(2026, 11, 20))
        )
        assert letter.document is not None
        ws.mark_letter_sent(letter.document.id, date(2026, 11, 20))
        live = ws.write_calendar(tmp_path / "frister.ics")
        assert live >= 1 and len(_events((tmp_path / "frister.ics").read_bytes())) >= live
        draft = ws.write_email_draft(letter.document.id, tmp_path / "brev.eml")
        msg = email.message_from_bytes(
            (tmp_path / "brev.eml").read_bytes(), policy=email.policy.default
        )
        (part,) = list(msg.iter_attachments())
        assert part.get_payload(decode=True) == letter.content
        assert draft.attachment_name.endswith(".docx")
        count = ws.export_case_list(tmp_path / "saker.csv", CaseQuery())
        assert count == ws.list_cases(CaseQuery()).total
        with pytest.raises(UserError, match=r"\.xlsx eller \.csv"):
            ws.export_case_list(tmp_path / "saker.txt", CaseQuery())
    finally:
        ws.close()
