"""Attacks through every text field (cases, employers, events, representatives, checklist
answers, letter options) and through the case list's search, on SQLite and PostgreSQL:
accepted text reads back as the shape accepted it, refused text is refused with a message
naming the field; never a driver error, never a value changed silently."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError, ValidationError
from tillitsvalgt.services import cases, checklist, employers, events, representatives
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.shapes import (
    CaseCreate,
    CaseUpdate,
    ChecklistAnswerSet,
    EmployerCreate,
    EmployerUpdate,
    EventCreate,
    EventUpdate,
    RepresentativeCreate,
    RepresentativeUpdate,
)
from tillitsvalgt.validation import label, validate

from conftest import TODAY, make_case, make_employer
from helpers.attacks import (
    ATTACK,
    NASTY,
    assert_clear_refusal,
    assert_intact,
    nasty_text,
    table_counts,
)

long_text = st.one_of(nasty_text, st.integers(190, 20_010).map(lambda n: "ø" * n))


def _shape(shape: type[Any], data: dict[str, Any], field: str) -> Any | None:
    """The validated shape, or None after checking the refusal names the field."""
    try:
        return validate(shape, data)
    except ValidationError as exc:
        assert_clear_refusal(exc)
        assert label(field) in str(exc), str(exc)
        return None


def _round_trip(db: Database, write: Any, read_back: Any, expected: Any) -> None:
    before = table_counts(db)
    try:
        with db.session() as s:
            write(s)
    except UserError as exc:  # refused by a service: nothing written
        assert_clear_refusal(exc)
        assert table_counts(db) == before
        return
    with db.session(readonly=True) as s:
        assert read_back(s) == expected


CASE_TEXT = ("title", "location", "description", "report_summary")
EMPLOYER_TEXT = ("name", "address", "contact_name", "contact_email", "contact_phone")
EVENT_TEXT = ("participants", "notes")
REP_TEXT = ("name", "role", "union_name", "branch", "email", "phone", "place", "signature")


@ATTACK
@given(field=st.sampled_from(CASE_TEXT), text=long_text)
def test_case_text_round_trips_or_is_refused_by_name(db: Database, field: str, text: str) -> None:
    employer = make_employer(db, orgnr=None, name="Arbeidsgiver AS")
    data = {"title": "Sak", "employer_id": employer, "case_type": "office_layout", field: text}
    create = _shape(CaseCreate, data, field)
    if create is not None:
        number: list[str] = []
        _round_trip(
            db,
            lambda s: number.append(cases.create_case(create, session=s, today=TODAY).number),
            lambda s: getattr(cases.get_case(number[0], session=s), field),
            getattr(create, field),
        )
    # the same text as an edit of an existing case
    ref = make_case(db, employer)
    with db.session(readonly=True) as s:
        version = cases.get_case(ref, session=s).version
    update = _shape(CaseUpdate, {"version": version, field: text}, field)
    if update is not None:
        _round_trip(
            db,
            lambda s: cases.update_case(ref, update, session=s),
            lambda s: getattr(cases.get_case(ref, session=s), field),
            getattr(update, field)
            if field != "title" or update.title
            else "Faste plasser fjernes i 3. etasje",
        )
    assert_intact(db)


@ATTACK
@given(field=st.sampled_from(EMPLOYER_TEXT), text=long_text)
def test_employer_text_round_trips_or_is_refused_by_name(
    db: Database, field: str, text: str
) -> None:
    data = {"name": "Virksomhet", field: text}
    create = _shape(EmployerCreate, data, field)
    if create is not None:
        ids: list[int] = []
        _round_trip(
            db,
            lambda s: ids.append(employers.create_employer(create, session=s).id),
            lambda s: getattr(employers.get_employer(ids[0], session=s), field),
            getattr(create, field),
        )
        update = _shape(EmployerUpdate, {"version": 1, field: text + "x"}, field)
        if update is not None and ids:
            _round_trip(
                db,
                lambda s: employers.update_employer(ids[0], update, session=s),
                lambda s: getattr(employers.get_employer(ids[0], session=s), field),
                getattr(update, field),
            )


@ATTACK
@given(field=st.sampled_from(EVENT_TEXT), text=long_text)
def test_event_text_round_trips_or_is_refused_by_name(db: Database, field: str, text: str) -> None:
    ref = make_case(db, make_employer(db, orgnr=None, name="Arbeidsgiver AS"))
    create = _shape(EventCreate, {"kind": "note", "occurred_on": "2026-03-01", field: text}, field)
    if create is None:
        return
    ids: list[int] = []
    _round_trip(
        db,
        lambda s: ids.append(events.add_event(ref, create, session=s).id),
        lambda s: getattr(events.list_events(ref, session=s)[-1], field),
        getattr(create, field),
    )
    update = _shape(EventUpdate, {"version": 1, field: text[::-1]}, field)
    if update is not None and ids:
        _round_trip(
            db,
            lambda s: events.update_event(ids[0], update, session=s),
            lambda s: getattr(events.list_events(ref, session=s)[-1], field),
            getattr(update, field),
        )
    if text and "search" not in field:
        # whatever the notes hold, the free-text index still works
        with db.session(readonly=True) as s:
            cases.list_cases(CaseQuery(text=text), session=s)
    assert_intact(db)


@ATTACK
@given(field=st.sampled_from(REP_TEXT), text=long_text)
def test_representative_text_round_trips_or_is_refused_by_name(
    db: Database, field: str, text: str
) -> None:
    create = _shape(RepresentativeCreate, {"name": "Kari", field: text}, field)
    if create is None:
        return
    ids: list[int] = []
    _round_trip(
        db,
        lambda s: ids.append(representatives.create_representative(create, session=s).id),
        lambda s: getattr(
            next(r for r in representatives.list_representatives(session=s) if r.id == ids[0]),
            field,
        ),
        getattr(create, field),
    )


@ATTACK
@given(key=st.one_of(nasty_text, st.integers(70, 210).map(lambda n: "k" * n)), note=long_text)
def test_checklist_answers_round_trip_or_are_refused_by_name(
    db: Database, key: str, note: str
) -> None:
    ref = make_case(db, make_employer(db, orgnr=None, name="Arbeidsgiver AS"))
    data = _shape(ChecklistAnswerSet, {"item_key": key, "answer": "met"}, "item_key")
    if data is None:
        return
    data = _shape(ChecklistAnswerSet, {"item_key": key, "answer": "met", "note": note}, "note")
    if data is None:
        return
    _round_trip(
        db,
        lambda s: checklist.set_answer(ref, data, session=s),
        lambda s: [(a.item_key, a.note) for a in checklist.list_answers(ref, session=s)],
        [(data.item_key, data.note)] if data.item_key else [],
    )


def test_a_long_checklist_key_is_refused_by_name_not_by_postgresql(db: Database) -> None:
    """Bug: the shape allowed 200 characters, the column holds 80: PostgreSQL raised
    StringDataRightTruncation."""
    with pytest.raises(pydantic.ValidationError, match="høyst 80"):
        ChecklistAnswerSet(item_key="k" * 81)
    with pytest.raises(ValidationError, match="Punkt"):
        validate(ChecklistAnswerSet, {"item_key": "k" * 81})


@pytest.mark.parametrize(
    ("what", "field"),
    [
        ("employer", "name"),
        ("employer", "agreement"),
        ("event", "kind"),
        ("event", "occurred_on"),
        ("representative", "name"),
    ],
)
def test_a_required_field_cannot_be_emptied_through_an_update(
    db: Database, what: str, field: str
) -> None:
    """Bug: an Update shape with a required field set to None reached the database, which
    refused it with an IntegrityError (NOT NULL) instead of a message naming the field."""
    employer = make_employer(db, orgnr=None, name="Arbeidsgiver AS")
    ref = make_case(db, employer)
    with db.session() as s:
        event = events.add_event(
            ref, EventCreate(kind="note", occurred_on=date(2026, 3, 1)), session=s
        )
        rep = representatives.create_representative(RepresentativeCreate(name="Kari"), session=s)
    before = table_counts(db)
    with pytest.raises(ValidationError) as caught, db.session() as s:
        if what == "employer":
            employers.update_employer(
                employer, EmployerUpdate(version=1, **{field: None}), session=s
            )
        elif what == "event":
            events.update_event(event.id, EventUpdate(version=1, **{field: None}), session=s)
        else:
            representatives.update_representative(
                rep.id, RepresentativeUpdate(**{field: None}), session=s
            )
    assert label(field) in str(caught.value)
    assert table_counts(db) == before


# --------------------------------------------------------------------------- letter options


@pytest.mark.parametrize("form", ["nb", "nn"])
@pytest.mark.parametrize("field", ["their_ref", "copy_to", "extra_text"])
@pytest.mark.parametrize("text", ["\x00", "a\x0bb", "\ud800", "x" * 20_001, "{{ 7*7 }}", "<w:p/>&"])
def test_letter_options_are_written_as_typed_or_refused_by_name(
    sqlite_db: Database, field: str, text: str, form: str
) -> None:
    from tillitsvalgt.letters.render import docx_text
    from tillitsvalgt.services.letters import LetterRequest, preview_letter

    ref = make_case(sqlite_db, make_employer(sqlite_db))
    with sqlite_db.session() as s:
        representatives.create_representative(
            RepresentativeCreate(name="Kari Nordmann", place="Tromsø"), session=s
        )
    request = LetterRequest(kind="krav_om_drofting", dated=TODAY, form=form, **{field: text})
    try:
        with sqlite_db.session(readonly=True) as s:
            letter = preview_letter(ref, request, session=s, today=TODAY)
    except UserError as exc:
        assert_clear_refusal(exc)
        names = {"their_ref": "Deres ref.", "copy_to": "Kopi", "extra_text": "Egen tekst"}
        assert names[field] in str(exc)
        return
    assert text in docx_text(letter.content)


# --------------------------------------------------------------------------- search

search_text = st.one_of(
    nasty_text,
    st.lists(st.sampled_from([*NASTY, "AND", "OR", "NOT", "NEAR", "*", ":*", "&", "|", "!"])).map(
        " ".join
    ),
    st.integers(1000, 5000).map(lambda n: "a" * n),
)


@ATTACK
@given(text=search_text, deleted=st.booleans(), sort=st.sampled_from(cases.SORT_KEYS))
def test_any_search_string_lists_without_error(
    db: Database, text: str, deleted: bool, sort: str
) -> None:
    if not hasattr(db, "_attack_cases"):
        employer = make_employer(db, orgnr=None, name="Arbeidsgiver AS")
        for title in ["Landskap i 3. etasje", "Hjemmekontor 50 %", "a_b \\ c", "NEAR(x) AND y"]:
            make_case(db, employer, title=title)
        db._attack_cases = True  # type: ignore[attr-defined]
    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.letters import LetterSetup
    from tillitsvalgt.workspace import Workspace

    ws = Workspace(db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    page = ws.list_cases(CaseQuery(text=text, deleted=deleted, sort=sort))
    assert page.total >= len(page.rows)
    with db.session(readonly=True) as s:
        employers.list_employers(session=s, text=text)


words = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "Zs", "S", "M"]),
    min_size=1,
    max_size=30,
).filter(lambda t: cases.search_terms(t) and t.strip())


@ATTACK
@given(title=st.one_of(words, st.sampled_from(NASTY).filter(lambda t: cases.search_terms(t))))
def test_a_title_is_found_by_searching_for_it(db: Database, title: str) -> None:
    """The search matches word prefixes: the whole title, typed as it stands, must find
    its case — whatever punctuation, case or script it has — on both databases."""
    create = _shape(
        CaseCreate,
        {"title": title, "employer_id": 0, "case_type": "office_layout"},
        "title",
    )
    if create is None:
        return
    employer = (
        make_employer(db, orgnr=None, name="Arbeidsgiver AS")
        if not hasattr(db, "_attack_employer")
        else db._attack_employer
    )  # type: ignore[attr-defined]
    db._attack_employer = employer  # type: ignore[attr-defined]
    number = make_case(db, employer, title=create.title)
    with db.session(readonly=True) as s:
        found = cases.list_cases(CaseQuery(text=create.title, limit=1000), session=s)
    assert number in [r.number for r in found.rows], (create.title, cases.search_terms(title))


@pytest.mark.parametrize(
    "title",
    [
        "Møte 01.03.2026",  # PostgreSQL kept "01.03.2026" as one word
        "Hjemmekontor 2.5 dager",
        "Varsel fra a.b@example.com",
        "Se http://example.com/sti",
        "İstanbul-kontoret",  # lower() split "İ" in two
        "Kontor 𑧑0",  # a combining mark Python splits off but both indexes keep in the word
        "Notat «x́y»",
    ],
)
@pytest.mark.parametrize("query", ["whole", "last word"])
def test_titles_with_punctuation_are_found_on_both_databases(
    db: Database, title: str, query: str
) -> None:
    """Bug: on PostgreSQL the text-search parser kept dates, decimals, e-mail addresses
    and URLs whole, so searching for "01.03.2026" or "example" missed the case, while SQLite
    found it; and "İ" was split by Python's lower() so neither found "İstanbul"."""
    number = make_case(db, make_employer(db, orgnr=None, name="Arbeidsgiver AS"), title=title)
    text = title if query == "whole" else title.split()[-1].split(".")[-1]
    with db.session(readonly=True) as s:
        rows = cases.list_cases(CaseQuery(text=text), session=s).rows
    assert [r.number for r in rows] == [number]


def test_employer_search_takes_percent_and_underscore_as_text(db: Database) -> None:
    """Bug: the employer search put the text into LIKE unescaped, so "%" and "_" matched
    every employer."""
    make_employer(db, orgnr=None, name="Andre AS")
    wanted = make_employer(db, orgnr=None, name="100%_Bedrift AS")
    with db.session(readonly=True) as s:
        for text in ["%", "_", "0%_b"]:
            assert [e.id for e in employers.list_employers(session=s, text=text)] == [wanted]
        assert employers.list_employers(session=s, text="\\") == []


def test_a_case_with_a_megabyte_of_notes_still_takes_events(db: Database) -> None:
    """Bug: on PostgreSQL the case's free-text document is a tsvector, which holds at most
    1 MB; once the notes of a case had more distinct words than that, every further event
    (and edit) failed with "string is too long for tsvector"."""
    import hashlib

    ref = make_case(db, make_employer(db, orgnr=None, name="Arbeidsgiver AS"), title="Landskap")
    with db.session() as s:
        for n in range(60):
            words = (hashlib.md5(f"{n}-{i}".encode()).hexdigest() for i in range(600))
            notes = " ".join(words)
            events.add_event(
                ref, EventCreate(kind="note", occurred_on=date(2026, 3, 1), notes=notes), session=s
            )
    with db.session(readonly=True) as s:
        assert len(events.list_events(ref, session=s)) == 60
        assert [r.number for r in cases.list_cases(CaseQuery(text="landskap"), session=s).rows] == [
            ref
        ]
    assert_intact(db)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        (b"brev\n.pdf", "brev_"),
        (b"m\xf8te.pdf", "m\ufffdte"),  # Latin-1 bytes from an old archive
        (b"\x01.txt", "_"),
        (b" .pdf", ".pdf"),
        (b"x" * 250 + b".pdf", "x" * 200),
        ("Møte «1».docx".encode(), "Møte «1»"),
    ],
)
def test_any_file_name_can_be_attached(
    db: Database, tmp_path: Path, name: bytes, title: str
) -> None:
    """Bug: a file whose name held a line break, a control character, bytes that are not
    UTF-8 or only a space made DocumentCreate raise pydantic's ValidationError from
    Workspace.add_attachment: the file could not be journaled at all."""
    import os

    from tillitsvalgt.rules.catalogue import load_catalogue
    from tillitsvalgt.services.letters import LetterSetup
    from tillitsvalgt.workspace import Workspace

    ref = make_case(db, make_employer(db, orgnr=None, name="Arbeidsgiver AS"))
    file = Path(os.fsdecode(os.fsencode(tmp_path) + b"/" + name))
    file.write_bytes(b"innhold")
    ws = Workspace(db, catalogue=load_catalogue(), setup=LetterSetup(), clock=lambda: TODAY)
    document = ws.add_attachment(ref, file)
    assert document.title == title
    assert ws.document_content(document.id) == b"innhold"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"year": 10**20}, "År"),
        ({"employer_id": 10**20}, "Virksomhet"),
        ({"offset": 10**20}, "Side"),
        ({"offset": 2**31}, "Side"),  # PostgreSQL binds the offset as a 32-bit integer
        ({"case_type": "\x00"}, "Sakstype"),  # PostgreSQL refuses NUL in text
        ({"status": "\ud800"}, "Status"),
    ],
)
def test_list_filters_the_database_cannot_take_are_refused_by_name(
    db: Database, query: dict[str, Any], field: str
) -> None:
    """Bug: these reached the driver: OverflowError on SQLite, NumericValueOutOfRange or
    DataError on PostgreSQL, UnicodeEncodeError on both."""
    with pytest.raises(ValidationError, match=field), db.session(readonly=True) as s:
        cases.list_cases(CaseQuery(**query), session=s)


@pytest.mark.parametrize(
    "ref", ["99999999999999999999", "²", "2026/" + "9" * 5000, "\ud800", "x\udcff"]
)
def test_a_case_reference_that_cannot_exist_is_not_found(db: Database, ref: str) -> None:
    """Bug: a huge id overflowed the driver, "²" passed isdigit() and int() refused it,
    and a surrogate (an undecodable command-line argument) went into the message, which
    then could not be printed."""
    from tillitsvalgt.errors import NotFoundError

    with pytest.raises(NotFoundError) as caught, db.session(readonly=True) as s:
        cases.get_case(ref, session=s)
    str(caught.value).encode("utf-8")  # printable


def test_a_search_without_letters_or_digits_has_no_words() -> None:
    """PostgreSQL's parser sees no word in "¹" or a lone accent while SQLite does: such a
    search is no search on either, rather than one that finds different cases."""
    for text in ["¹", "«»", "\u0301", "_", "🦄", "%", "\ud800", "NOT * :"]:
        assert cases.search_terms(text) in ([], ["NOT"])
    assert cases.search_terms("Møte 01.03.2026 İ x_y") == [
        "Møte",
        "01",
        "03",
        "2026",
        "İ",
        "x",
        "y",
    ]
