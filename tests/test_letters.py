"""Letters from cases: every kind for every scenario, read back and opened in LibreOffice;
hostile text printed literally; the journal (number, checksum, frozen once sent, event and
deadline); the command line."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tillitsvalgt.db import Database
from tillitsvalgt.errors import StateError, ValidationError
from tillitsvalgt.letters.context import LetterOptions, build_context, clean_text
from tillitsvalgt.letters.fields import FIELD_NAMES, MissingValueError
from tillitsvalgt.letters.kinds import KINDS
from tillitsvalgt.letters.pdf import convert_to_pdf, find_office
from tillitsvalgt.letters.render import TemplateError, docx_text, render_docx
from tillitsvalgt.letters.sanity import LetterRefusedError
from tillitsvalgt.letters.templates import load_template
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.rules.deadlines import format_date, is_working_day
from tillitsvalgt.services import checklist, deadlines, documents, events, transfer
from tillitsvalgt.services.assessments import assess_case
from tillitsvalgt.services.letters import (
    LetterRequest,
    LetterSetup,
    create_letter,
    letter_checks,
    letter_facts,
    mark_letter_sent,
    preview_letter,
)
from tillitsvalgt.services.representatives import (
    create_representative,
    list_representatives,
    update_representative,
)
from tillitsvalgt.shapes import ChecklistAnswerSet, RepresentativeCreate, RepresentativeUpdate

from conftest import SCENARIOS, TODAY, make_case, make_employer, run_cli

PROFILE = {
    "name": "Kari Nordmann",
    "role": "hovedtillitsvalgt",
    "union_name": "Negotia",
    "branch": "Negotia-avdelingen i Nordkyst Sparebank",
    "email": "kari.nordmann@eksempel.no",
    "phone": "900 00 000",
    "place": "Tromsø",
}
SCENARIO_LIST: list[dict[str, Any]] = json.loads(SCENARIOS.read_text("utf-8"))
FIRST_DEMAND = {
    "informasjon": "krav_om_informasjon",
    "drofting": "krav_om_drofting",
    "forhandling": "krav_om_forhandling",
}


run = run_cli


def add_profile(db: Database, **overrides: Any) -> None:
    with db.session() as s:
        create_representative(RepresentativeCreate(**{**PROFILE, **overrides}), session=s)


def office() -> str:
    found = find_office()
    assert found, "LibreOffice must be installed for these tests (scripts/test installs it)"
    return found


def pdf_text(pdf: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils must be installed (scripts/test does it)"
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return " ".join(done.stdout.split())


@pytest.fixture(scope="module")
def scenario_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The scenarios imported once, with a profile; tests that change it copy it first."""
    db = Database.open(data_dir=tmp_path_factory.mktemp("scenarios"))
    with db.session() as s:
        transfer.import_bundle(json.loads(SCENARIOS.read_text("utf-8")), session=s, today=TODAY)
    add_profile(db)
    yield db
    db.dispose()


# --------------------------------------------------------------------------- all kinds, all cases


def _unverified_paragraphs() -> list[str]:
    """Paragraph texts the catalogue does not verify: no letter may state them."""
    return [
        f"{p.source_name} {p.paragraph}"
        for p in load_catalogue().provisions
        if not p.verified and p.paragraph and p.paragraph != p.chapter
    ]


def _cited_in(text: str, paragraph: str) -> bool:
    """A paragraph as a letter writes it: alone, in «§§ 20–22» or «§§ 20 og 21», or a
    note as «merknaden til § 19 nr. 2 bokstav e»."""
    if paragraph in text:
        return True
    if paragraph.endswith(", merknaden"):
        return f"merknaden til {paragraph.removesuffix(', merknaden')}" in text
    plain = re.fullmatch(r"§ (\d+)", paragraph)
    if plain is None:
        return False
    number = int(plain.group(1))
    for first, last in re.findall(r"§§ (\d+)–(\d+)", text):
        if int(first) <= number <= int(last):
            return True
    return any(
        str(number) in re.split(r", | og ", group) for group in re.findall(r"§§ ([\d, og]+)", text)
    )


# (scenario, kind) pairs a letter is refused for on the scenario's own day, and why:
EXPECTED_REFUSED = {
    # a drøftingsmøte was held before the decision: a new one needs a reason
    "S01 krav_om_drofting",
    # the state's space allocation case was drøftet before the decision
    "S03 krav_om_drofting",
    # S05: 0,5 days a week is sporadic; S06/S07/S09 are office cases
    "S05 krav_om_hjemmekontoravtale",
    "S01 krav_om_hjemmekontoravtale",
    "S02 krav_om_hjemmekontoravtale",
    "S03 krav_om_hjemmekontoravtale",
    "S06 krav_om_hjemmekontoravtale",
    "S07 krav_om_hjemmekontoravtale",
    "S08 krav_om_hjemmekontoravtale",
    "S10 krav_om_hjemmekontoravtale",
    # no meeting on the timeline
    "S05 protokolltilforsel",
    "S06 protokolltilforsel",
    "S07 protokolltilforsel",
    "S09 protokolltilforsel",
    # implemented 1 October: too late to postpone
    "S10 krav_om_utsatt_iverksetting",
    # only the state's space allocation gives a right to negotiate
    "S01 krav_om_forhandling",
    "S02 krav_om_forhandling",
    "S04 krav_om_forhandling",
    "S05 krav_om_forhandling",
    "S06 krav_om_forhandling",
    "S07 krav_om_forhandling",
    "S08 krav_om_forhandling",
    "S09 krav_om_forhandling",
    "S10 krav_om_forhandling",
}


def test_every_kind_for_every_scenario_reads_back_and_opens_in_libreoffice(
    tmp_path: Path,
) -> None:
    office()
    db = Database.open(data_dir=tmp_path / "data")
    with db.session() as s:
        transfer.import_bundle(json.loads(SCENARIOS.read_text("utf-8")), session=s, today=TODAY)
    add_profile(db)
    forbidden = _unverified_paragraphs()
    catalogue = load_catalogue()
    written: list[tuple[Path, str, str]] = []
    refused: list[str] = []
    out_dir = tmp_path / "letters"
    out_dir.mkdir()
    for index, scenario in enumerate(SCENARIO_LIST, 1):
        number = f"2026/{index}"
        today = date.fromisoformat(scenario["today"])
        for kind in KINDS:
            with db.session() as s:
                if kind == "purring":
                    # A reminder needs a demand that was sent and not answered.
                    level = assess_case(number, session=s, today=today).assessment.required_level
                    first = create_letter(
                        number,
                        LetterRequest(
                            FIRST_DEMAND[level],
                            dated=today - timedelta(days=30),
                            extra_text="Planene er endret etter møtet.",
                        ),
                        session=s,
                        today=today,
                    )
                    assert first.document is not None
                    mark_letter_sent(
                        first.document.id, sent_on=today - timedelta(days=30), session=s
                    )
                request = LetterRequest(kind, dated=today)
                facts = letter_facts(number, session=s, today=today, setup=LetterSetup())
                if any(c.refused for c in letter_checks(facts, request)):
                    # A letter that makes no sense is refused, and nothing is journaled.
                    before = len(documents.list_documents(facts.case.id, session=s))
                    with pytest.raises(LetterRefusedError):
                        create_letter(number, request, session=s, today=today)
                    assert len(documents.list_documents(facts.case.id, session=s)) == before
                    refused.append(f"{scenario['id']} {kind}")
                    continue
                letter = create_letter(number, request, session=s, today=today)
                stored = letter.document
                assert stored is not None
                content = documents.document_content(stored.id, session=s)
            assert content == letter.content
            assert stored.sha256 == hashlib.sha256(content).hexdigest()
            assert re.fullmatch(rf"{re.escape(number)}-\d+", stored.number)
            assert stored.provisions == [p.key for p in letter.context.cited]
            text = docx_text(content)
            where = f"{scenario['id']} {kind}"
            employer = scenario["employer"]["name"]
            title = (
                scenario["case"]["title"]
                if kind in ("protokoll", "saksoppsummering")  # internal: the case's own title
                else letter.context.subject.split(" – ", 1)[1]
            )
            assert employer in text, where
            assert title in text, where
            assert f"«{scenario['case']['title']}»" not in text, where  # no quoted case title
            if kind != "protokoll":
                assert format_date(today) in text, where
            notice = scenario["case"].get("notice_on")
            if notice and kind not in ("purring", "protokolltilforsel"):
                assert format_date(date.fromisoformat(notice)) in text, where
            if KINDS[kind].reply:
                assert letter.context.reply_by is not None
                assert is_working_day(letter.context.reply_by)
                assert format_date(letter.context.reply_by) in text, where
                assert stored.reply_by == letter.context.reply_by
            if kind == "purring":
                assert first.document is not None
                assert first.document.number in text, where
                assert format_date(today - timedelta(days=30)) in text, where
            if kind != "purring":
                for cited in letter.context.cited:
                    # Grouped by source: "arbeidsmiljøloven § 8-1 og § 8-2 …", so the
                    # source and the paragraph (or, for a lead, the chapter) each appear.
                    source = catalogue.provision(cited.key).source_name
                    if not cited.citation.startswith(source):
                        # Only another side's text (Spekter–LO Stat for a YS sender): cited
                        # by subject under the agreement's own name.
                        source = next(
                            a.name
                            for a in catalogue.agreements.values()
                            if cited.citation.startswith(a.name + " (")
                        )
                    # (the summary's headings begin with a capital letter)
                    assert source in text or source[:1].upper() + source[1:] in text, (
                        where,
                        cited.key,
                    )
                    shown = cited.citation[len(source) :].strip()
                    # Several subjects of one agreement share one pair of parentheses.
                    assert _cited_in(text, shown) or (
                        shown.startswith("(") and shown[1:-1] in text
                    ), (
                        where,
                        cited.key,
                    )
            for paragraph in forbidden:
                # "§ 5" (a lead) is not in "§ 52" (verified): whole numbers only.
                assert not re.search(re.escape(paragraph) + r"(?![\d-])", text), (
                    where,
                    paragraph,
                )
            assert not re.search(r"\{\{|\{%|%\}|\}\}", text), where
            path = out_dir / f"{scenario['id']}-{kind}.docx"
            path.write_bytes(content)
            written.append((path, employer, title))
    db.dispose()
    # The kinds that contradict a scenario's facts on its own day (checked one by one in
    # test_letter_situations.py); every other kind is written.
    assert set(refused) == EXPECTED_REFUSED, refused
    assert len(written) == len(SCENARIO_LIST) * len(KINDS) - len(refused)
    pdfs = convert_to_pdf([p for p, _, _ in written], tmp_path / "pdf")
    for pdf, (_, employer, title) in zip(pdfs, written, strict=True):
        assert pdf.read_bytes().startswith(b"%PDF"), pdf
        text = pdf_text(pdf)
        assert " ".join(employer.split()) in text, pdf
        assert " ".join(title.split()) in text, pdf


# --------------------------------------------------------------------------- hostile text


HOSTILE = [
    "A & B <c> \"d\" 'e' ]]> <![CDATA[ x ]]>",
    "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} {# c #} {_{ y }_} {%p if a %}",
    "Ærlig øl på Ålesund – «sitat» – Ελληνικά 日本語 العربية עברית 🙂",
    "Linje én\nLinje to\n\nLinje fire",
]
CONTROL = "før\x00\x07\x0b\x1b\ufffeetter"


def _hostile_facts(facts: Any, text: str) -> Any:
    case = facts.case.model_copy(
        update={"title": text[:200], "description": text, "location": text[:200]}
    )
    employer = facts.employer.model_copy(
        update={"name": text[:200], "address": text[:200], "contact_name": text[:200]}
    )
    rep = facts.representative.model_copy(
        update={"name": text[:200], "branch": text[:200], "place": text[:200]}
    )
    return dataclasses.replace(facts, case=case, employer=employer, representative=rep)


def _render(facts: Any, kind: str, text: str, dated: date) -> tuple[str, bytes]:
    options = LetterOptions(
        kind, dated, "2026/6-9", extra_text=text, copy_to=text[:200], their_ref=text[:200]
    )
    ctx = build_context(facts, options)
    content = render_docx(load_template(kind).data, ctx.values, origin="innebygd")
    return docx_text(content), content


def _facts_for(db: Database, number: str, today: date) -> Any:
    with db.session(readonly=True) as s:
        return letter_facts(number, session=s, today=today, setup=LetterSetup())


def test_hostile_text_is_printed_literally_and_libreoffice_opens_it(
    scenario_db: Database, tmp_path: Path
) -> None:
    office()
    today = date(2026, 11, 20)
    facts = _facts_for(scenario_db, "2026/6", today)
    # A meeting on the timeline, so that the protocol note has one to be added to.
    notice = facts.events[0]
    meeting = notice.model_copy(
        update={"kind": "consultation_meeting", "id": notice.id + 1000, "occurred_on": today}
    )
    facts = dataclasses.replace(facts, events=[*facts.events, meeting])
    long_text = ("Lang beskrivelse med æøå & <tegn>. " * 300)[:10_000]
    files = []
    for kind in KINDS:
        if kind == "purring":
            continue  # needs a sent demand; covered by the scenario test
        for i, text in enumerate([*HOSTILE, CONTROL, long_text]):
            shown, content = _render(_hostile_facts(facts, text), kind, text, today)
            expected = clean_text(text).strip()
            if kind in ("saksoppsummering", "protokoll"):
                assert expected[:200] in shown, (kind, text[:40])
            else:
                assert expected in shown, (kind, text[:40])  # the extra text, in full
            if text is CONTROL:
                assert "føretter" in shown and "\x00" not in shown and "\x1b" not in shown
            if "Linje én" in text and kind not in ("saksoppsummering", "protokoll"):
                assert "Linje én\nLinje to\n\nLinje fire" in shown  # line breaks kept
            path = tmp_path / f"{kind}-{i}.docx"
            path.write_bytes(content)
            files.append(path)
    pdfs = convert_to_pdf(files, tmp_path / "pdf")
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    # LibreOffice shows the template-looking text as text, not evaluated.
    sample = pdf_text(next(p for p in pdfs if p.stem == "krav_om_drofting-1"))
    assert "{{ 7*7 }}" in sample and "{% for x in range(3) %}" in sample


_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="{}%#<>&\"'\n\t]",
)


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, min_size=1, max_size=300))
def test_any_text_renders_literally(scenario_db: Database, text: str) -> None:
    assume(clean_text(text).strip())  # a blank sender name is refused; tested elsewhere
    facts = _facts_for(scenario_db, "2026/6", date(2026, 11, 20))
    shown, _ = _render(_hostile_facts(facts, text), "krav_om_drofting", text, date(2026, 11, 20))
    expected = clean_text(text).strip()
    if expected:
        assert expected in shown


# --------------------------------------------------------------------------- the journal


def test_a_sent_letter_is_frozen_on_the_timeline_with_its_deadline(db: Database) -> None:
    add_profile(db)
    number = make_case(db, make_employer(db), notice_on=date(2026, 11, 2))
    dated = date(2026, 12, 18)
    with db.session() as s:
        letter = create_letter(
            number, LetterRequest("krav_om_drofting", dated), session=s, today=TODAY
        )
    doc = letter.document
    assert doc is not None and doc.number == f"{number}-1" and not doc.frozen
    assert doc.direction == "ut" and doc.kind == "krav_om_drofting"
    assert doc.reply_by == date(2027, 1, 4)  # 14 days is New Year's Day; next working day
    assert doc.recipient == "Nordkyst Sparebank"
    with db.session() as s:
        assert assess_case(number, session=s, today=dated).assessment.demand == "none"
        mark_letter_sent(doc.id, sent_on=dated, session=s)
    with db.session() as s:
        frozen = documents.get_document(doc.id, session=s)
        assert frozen.frozen and frozen.sent_on == dated
        timeline = events.list_events(number, session=s)
        sent = [e for e in timeline if e.kind == "letter_sent"]
        assert len(sent) == 1 and sent[0].letter_kind == "krav_om_drofting"
        assert sent[0].reply_by == date(2027, 1, 4) and sent[0].occurred_on == dated
        due = deadlines.list_deadlines(number, session=s)
        assert [(d.due_on, d.document_id) for d in due] == [(date(2027, 1, 4), doc.id)]
        judged = assess_case(number, session=s, today=date(2027, 1, 5)).assessment
        assert judged.demand == "overdue"
        assert "purring" in [x.kind for x in judged.next_letters]
    with db.session() as s, pytest.raises(StateError, match="sendt"):
        documents.replace_content(doc.id, b"changed", session=s)
    with db.session() as s, pytest.raises(StateError, match="allerede"):
        mark_letter_sent(doc.id, sent_on=dated, session=s)
    # The reminder cites the first letter by reference and date.
    with db.session() as s:
        reminder = create_letter(
            number, LetterRequest("purring", date(2027, 1, 6)), session=s, today=TODAY
        )
    text = docx_text(reminder.content)
    assert f"vår ref. {number}-1" in text and "18. desember 2026" in text
    assert "4. januar 2027" in text and reminder.number == f"{number}-2"


def test_internal_papers_cannot_be_sent_and_letters_not_before_their_date(
    sqlite_db: Database,
) -> None:
    add_profile(sqlite_db)
    number = make_case(sqlite_db, make_employer(sqlite_db))
    with sqlite_db.session() as s:
        summary = create_letter(
            number, LetterRequest("saksoppsummering", TODAY), session=s, today=TODAY
        )
        letter = create_letter(
            number, LetterRequest("krav_om_drofting", TODAY), session=s, today=TODAY
        )
    assert summary.document is not None and summary.document.direction == "internt"
    assert summary.document.reply_by is None
    with sqlite_db.session() as s, pytest.raises(StateError, match="ikke et brev"):
        mark_letter_sent(summary.document.id, sent_on=TODAY, session=s)
    assert letter.document is not None
    with sqlite_db.session() as s, pytest.raises(StateError, match="før det"):
        mark_letter_sent(letter.document.id, sent_on=TODAY - timedelta(days=1), session=s)


def test_a_failed_letter_uses_no_number_and_stores_nothing(
    sqlite_db: Database, tmp_path: Path
) -> None:
    number = make_case(sqlite_db, make_employer(sqlite_db))
    # No profile yet: the sender's name is missing, and the message names the field.
    # (pytest.raises outside the session: the error must reach the unit of work.)
    with pytest.raises(MissingValueError, match=r"avsender\.navn"), sqlite_db.session() as s:
        create_letter(number, LetterRequest("krav_om_drofting", TODAY), session=s, today=TODAY)
    add_profile(sqlite_db, place=None)
    with pytest.raises(MissingValueError, match="sted_og_dato"), sqlite_db.session() as s:
        create_letter(number, LetterRequest("krav_om_drofting", TODAY), session=s, today=TODAY)
    folder = tmp_path / "maler"
    folder.mkdir()
    from docx import Document

    broken = Document()
    broken.add_paragraph("{{ avsender.navn }} {% if %}")
    broken.save(str(folder / "krav_om_drofting.docx"))
    with sqlite_db.session() as s:
        rep = list_representatives(session=s)[0]
        update_representative(rep.id, RepresentativeUpdate(place="Tromsø"), session=s)
    with pytest.raises(TemplateError, match=r"krav_om_drofting\.docx"), sqlite_db.session() as s:
        create_letter(
            number,
            LetterRequest("krav_om_drofting", TODAY),
            session=s,
            today=TODAY,
            setup=LetterSetup(template_folder=folder),
        )
    with pytest.raises(ValidationError, match="Egen tekst"), sqlite_db.session() as s:
        create_letter(
            number,
            LetterRequest("krav_om_drofting", TODAY, extra_text="x" * 20_001),
            session=s,
            today=TODAY,
        )
    with sqlite_db.session() as s:
        assert documents.list_documents(number, session=s) == []
        letter = create_letter(
            number, LetterRequest("krav_om_drofting", TODAY), session=s, today=TODAY
        )
    assert letter.number == f"{number}-1"  # the failed attempts used no number


def test_preview_stores_nothing_and_shows_the_next_number(sqlite_db: Database) -> None:
    add_profile(sqlite_db)
    number = make_case(sqlite_db, make_employer(sqlite_db))
    with sqlite_db.session() as s:
        shown = preview_letter(
            number, LetterRequest("krav_om_informasjon", TODAY), session=s, today=TODAY
        )
    with sqlite_db.session() as s:
        assert documents.list_documents(number, session=s) == []
        made = create_letter(
            number, LetterRequest("krav_om_informasjon", TODAY), session=s, today=TODAY
        )
    assert shown.number == made.number == f"{number}-1"
    assert docx_text(shown.content) == docx_text(made.content)


def test_the_home_office_letter_lists_exactly_the_missing_items(sqlite_db: Database) -> None:
    from tillitsvalgt.rules.checklist import checklist_items

    add_profile(sqlite_db)
    number = make_case(
        sqlite_db,
        make_employer(sqlite_db),
        case_type="home_office_agreement",
        title="Hjemmekontoravtaler for saksbehandlere",
        home_office_days_per_week=2,
        written_agreements=True,
    )
    items = {i.key: i for i in checklist_items()}
    answers = {
        "arbeidstid": "not_met",
        "tilgjengelighet": "not_met",
        "omfang": "met",
        "bredband": "not_met",
        "forsikring": "met",
        "provetid": "unknown",
    }
    with sqlite_db.session() as s:
        for key, answer in answers.items():
            checklist.set_answer(number, ChecklistAnswerSet(item_key=key, answer=answer), session=s)
        letter = create_letter(
            number, LetterRequest("krav_om_hjemmekontoravtale", TODAY), session=s, today=TODAY
        )
    assert letter.context.values["mangler"] == [
        items[k].demand for k in ("arbeidstid", "tilgjengelighet", "bredband")
    ]
    unclear = letter.context.values["uavklart"]
    assert items["provetid"].demand in unclear and items["varighet"].demand in unclear
    assert items["omfang"].demand not in unclear + letter.context.values["mangler"]
    text = docx_text(letter.content)
    for key in ("arbeidstid", "tilgjengelighet", "bredband", "provetid"):
        assert items[key].demand in text
    for key in ("omfang", "forsikring", "frakobling"):
        assert items[key].demand not in text


def test_the_letter_cites_only_the_provisions_chosen(sqlite_db: Database) -> None:
    add_profile(sqlite_db)
    number = make_case(sqlite_db, make_employer(sqlite_db))
    with sqlite_db.session() as s:
        letter = preview_letter(
            number,
            LetterRequest("krav_om_drofting", TODAY, provisions=("aml:8-2",)),
            session=s,
            today=TODAY,
        )
        assert [p.key for p in letter.context.cited] == ["aml:8-2"]
        assert "§ 6-2" not in docx_text(letter.content)
        with pytest.raises(StateError, match="ha-staten"):
            preview_letter(
                number,
                LetterRequest("krav_om_drofting", TODAY, provisions=("ha-staten:19-2e",)),
                session=s,
                today=TODAY,
            )


def test_the_context_has_exactly_the_documented_fields(scenario_db: Database) -> None:
    from tillitsvalgt.letters.context import context_names

    day = date(2026, 11, 20)
    with scenario_db.session() as s:  # a case with a timeline, a journal and a deadline
        sent = create_letter(
            "2026/3", LetterRequest("krav_om_forhandling", day), session=s, today=day
        )
        assert sent.document is not None
        mark_letter_sent(sent.document.id, sent_on=day, session=s)
    facts = _facts_for(scenario_db, "2026/3", day)
    ctx = build_context(facts, LetterOptions("krav_om_drofting", day, "2026/3-2"))
    names = context_names(ctx.values)
    assert names == FIELD_NAMES


# --------------------------------------------------------------------------- command line


def test_letter_command_writes_journals_and_sends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    run(capsys, *data, "import", str(SCENARIOS))
    out_file = tmp_path / "brev" / "krav.docx"
    out_file.parent.mkdir()
    code, out, err = run(
        capsys,
        *data,
        "letter",
        "2026/6",
        "--kind",
        "krav_om_drofting",
        "--date",
        "2026-12-18",
        "--out",
        str(out_file),
    )
    assert code == 1 and "avsender.navn" in err and not out_file.exists()
    code, out, _ = run(
        capsys,
        *data,
        "profile",
        "--name",
        "Kari Nordmann",
        "--place",
        "Tromsø",
        "--role",
        "hovedtillitsvalgt",
    )
    assert code == 0 and "Kari Nordmann" in out
    code, out, err = run(
        capsys,
        *data,
        "letter",
        "2026/6",
        "--kind",
        "krav_om_drofting",
        "--date",
        "2026-12-18",
        "--out",
        str(out_file),
        "--copy",
        "verneombud",
    )
    assert code == 0, err
    assert "2026/6-1" in out and "svarfrist 4. januar 2027" in out
    text = docx_text(out_file.read_bytes())
    assert "Tromsø, 18. desember 2026" in text and "Kopi: verneombud" in text
    code, out, _ = run(capsys, *data, "letters", "list", "2026/6")
    assert "2026/6-1" in out and "ikke sendt" in out
    code, out, _ = run(capsys, *data, "letters", "send", "2026/6-1", "--date", "2026-12-18")
    assert code == 0 and "svarfrist 4. januar 2027" in out
    code, out, err = run(capsys, *data, "letters", "send", "2026/6-1")
    assert code == 1 and "allerede" in err
    exported = tmp_path / "kopi.docx"
    code, out, _ = run(capsys, *data, "letters", "export", "2026/6-1", "--out", str(exported))
    assert code == 0 and exported.read_bytes() == out_file.read_bytes()
    code, out, _ = run(capsys, *data, "letters", "suggest", "2026/6", "--today", "2027-01-05")
    assert code == 0 and "purring" in out and "oversittet" in out
    code, out, _ = run(capsys, *data, "assess", "2026/6", "--today", "2027-01-05")
    assert "svarfristen er oversittet" in out


def test_letter_command_refuses_what_it_cannot_do_and_journals_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    run(capsys, *data, "import", str(SCENARIOS))
    run(capsys, *data, "profile", "--name", "Kari Nordmann", "--place", "Tromsø")
    monkeypatch.setenv("TILLITSVALGT_SOFFICE", str(tmp_path / "no-such-office"))
    code, _, err = run(
        capsys,
        *data,
        "letter",
        "2026/6",
        "--kind",
        "krav_om_drofting",
        "--out",
        str(tmp_path / "a.docx"),
        "--pdf",
    )
    assert code == 1 and "LibreOffice" in err and "libreoffice.org" in err
    code, _, err = run(
        capsys,
        *data,
        "letter",
        "2026/6",
        "--kind",
        "krav_om_drofting",
        "--out",
        str(tmp_path / "no" / "such" / "dir" / "a.docx"),
    )
    assert code == 1 and "Kan ikke skrive" in err
    code, _, err = run(
        capsys,
        *data,
        "letter",
        "2026/6",
        "--kind",
        "brev_til_ordforer",
        "--out",
        str(tmp_path / "a.docx"),
    )
    assert code == 1 and "krav_om_drofting" in err
    code, _, err = run(
        capsys, *data, "letter", "2026/6", "--kind", "purring", "--out", str(tmp_path / "a.docx")
    )
    assert code == 1 and "purre" in err
    code, out, _ = run(capsys, *data, "letters", "list", "2026/6")
    assert "Journalen er tom" in out


def test_letter_command_makes_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office()
    data = ["--data-dir", str(tmp_path / "data")]
    run(capsys, *data, "import", str(SCENARIOS))
    run(capsys, *data, "profile", "--name", "Kari Nordmann", "--place", "Tromsø")
    code, out, err = run(
        capsys,
        *data,
        "letter",
        "2026/4",
        "--kind",
        "krav_om_hjemmekontoravtale",
        "--date",
        "2026-11-20",
        "--out",
        str(tmp_path / "hk.docx"),
        "--pdf",
    )
    assert code == 0, err
    pdf = tmp_path / "hk.pdf"
    assert f"PDF: {pdf}" in out
    assert "Krav om skriftlige hjemmekontoravtaler" in pdf_text(pdf)
