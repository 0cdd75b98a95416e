"""Bad input gets a Norwegian message naming the field, and nothing stored changes."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from sqlmodel import func, select

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ValidationError
from tillitsvalgt.services import cases, employers
from tillitsvalgt.shapes import CaseCreate, EmployerCreate, EventCreate
from tillitsvalgt.tables import Case, Employer
from tillitsvalgt.validation import check_chars, validate

from conftest import make_case, make_employer

GOOD_EMPLOYER: dict[str, Any] = {
    "name": "Nordkyst Sparebank",
    "orgnr": "952601814",
    "employees": 180,
    "agreement": "finans-finansforbundet",
    "sector": "privat",
}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"orgnr": "952601815"}, "Organisasjonsnummer", "kontrollsiffer"),
        ({"orgnr": "95260181"}, "Organisasjonsnummer", "9 sifre"),
        ({"orgnr": "abc"}, "Organisasjonsnummer", "9 sifre"),
        ({"employees": -1}, "Antall ansatte", "negativt"),
        ({"employees": 9_000_000}, "Antall ansatte", "urimelig"),
        ({"employees": "mange"}, "Antall ansatte", "heltall"),
        ({"agreement": "hovedavtalen"}, "Hovedavtale", "ukjent hovedavtale"),
        ({"sector": "offentlig"}, "Sektor", "ukjent sektor"),
        ({"name": ""}, "Navn", "må fylles ut"),
        ({"name": "   "}, "Navn", "må fylles ut"),
        ({"name": "x" * 201}, "Navn", "for lang"),
        ({"name": "Bank\x00AS"}, "Navn", "kontrolltegn"),
        ({"name": "Bank\nAS"}, "Navn", "linjeskift"),
        ({"name": "Bank \ud800"}, "Navn", "ugyldig tegn"),
    ],
)
def test_bad_employer_input(change: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate(EmployerCreate, {**GOOD_EMPLOYER, **change})
    message = str(err.value)
    assert f"{field}: " in message
    assert words in message


def test_orgnr_with_spaces_is_accepted_and_stored_compact() -> None:
    assert validate(EmployerCreate, {**GOOD_EMPLOYER, "orgnr": "952 601 814"}).orgnr == "952601814"


GOOD_CASE: dict[str, Any] = {
    "title": "Faste plasser fjernes",
    "employer_id": 1,
    "case_type": "office_layout",
}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"case_type": "kontor"}, "Sakstype", "ukjent sakstype"),
        ({"title": ""}, "Tittel", "må fylles ut"),
        ({"title": "T" * 500}, "Tittel", "for lang (500 tegn; høyst 200)"),
        ({"title": "Bell\x07"}, "Tittel", "kontrolltegn (kode 7)"),
        ({"description": "x" * 20_001}, "Beskrivelse", "for lang"),
        ({"description": "linje\x1bslutt"}, "Beskrivelse", "kontrolltegn"),
        ({"members_affected": -5}, "Berørte medlemmer", "negativt"),
        ({"notice_on": "2026-02-30"}, "Dato for første varsel", "ÅÅÅÅ-MM-DD"),
        ({"home_office_days_per_week": 9}, "Hjemmekontordager per uke", "mellom 0 og 7"),
        (
            {"decision_on": "2026-03-10", "implemented_on": "2026-03-01"},
            "Faktisk iverksetting",
            "før beslutningsdatoen",
        ),
        (
            {"decision_on": "2026-03-10", "planned_implementation_on": "2026-01-01"},
            "Planlagt iverksetting",
            "før beslutningsdatoen",
        ),
    ],
)
def test_bad_case_input(change: dict[str, Any], field: str, words: str) -> None:
    with pytest.raises(ValidationError) as err:
        validate(CaseCreate, {**GOOD_CASE, **change})
    assert field in str(err.value)
    assert words in str(err.value)


def test_every_problem_is_listed_not_just_the_first() -> None:
    with pytest.raises(ValidationError) as err:
        validate(CaseCreate, {"title": "", "case_type": "x", "employer_id": "en"})
    fields = {p.field for p in err.value.problems}
    assert fields == {"Tittel", "Sakstype", "Virksomhet"}


def test_multiline_text_keeps_its_line_breaks() -> None:
    data = validate(CaseCreate, {**GOOD_CASE, "description": "Linje 1\r\nLinje 2\n\tinnrykk"})
    assert data.description == "Linje 1\nLinje 2\n\tinnrykk"


def test_event_refuses_unknown_kind_and_letter() -> None:
    with pytest.raises(ValidationError) as err:
        validate(
            EventCreate, {"kind": "meeting", "occurred_on": "2026-01-01", "letter_kind": "brev"}
        )
    text = str(err.value)
    assert "ukjent hendelsestype «meeting»" in text
    assert "ukjent brevtype «brev»" in text


def _counts(db: Database) -> tuple[int, int]:
    with db.session(readonly=True) as s:
        n_emp = s.exec(select(func.count()).select_from(Employer)).one()
        n_case = s.exec(select(func.count()).select_from(Case)).one()
    return int(n_emp), int(n_case)


def test_a_failed_unit_of_work_leaves_nothing_behind(db: Database) -> None:
    # The employer is created, then the case fails: the whole unit is rolled back.
    with pytest.raises(ValidationError), db.session() as s:
        emp = employers.create_employer(validate(EmployerCreate, GOOD_EMPLOYER), session=s)
        cases.create_case(
            CaseCreate(title="x", employer_id=emp.id, case_type="other", representative_id=999),
            session=s,
            today=date(2026, 1, 1),
        )
    assert _counts(db) == (0, 0)
    # And the case number was not used up.
    emp_id = make_employer(db)
    assert make_case(db, emp_id, today=date(2026, 1, 1)) == "2026/1"


def test_duplicate_orgnr_is_refused(db: Database) -> None:
    make_employer(db)
    with pytest.raises(ValidationError) as err, db.session() as s:
        employers.create_employer(
            validate(EmployerCreate, {**GOOD_EMPLOYER, "name": "Et annet navn"}), session=s
        )
    assert "allerede registrert" in str(err.value)
    assert _counts(db) == (1, 0)


def test_case_for_unknown_employer_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.session() as s:
        cases.create_case(
            CaseCreate(title="x", employer_id=42, case_type="other"),
            session=s,
            today=date(2026, 1, 1),
        )
    assert "Virksomhet" in str(err.value)
    assert _counts(db) == (0, 0)


def _by_category(value: str, *, multiline: bool) -> str:
    """The rule ``check_chars`` keeps, in Unicode's words, a character at a time: no control
    character (Cc; a multi-line text may have line breaks and tabs), no lone surrogate (Cs),
    not U+FFFE or U+FFFF; the first such character decides the message."""
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Cs":
            raise ValueError("inneholder et ugyldig tegn (ødelagt tegnkoding)")
        if category == "Cc" and not (multiline and ch in "\n\r\t"):
            if ch in "\n\r":
                raise ValueError("kan ikke inneholde linjeskift")
            raise ValueError(
                f"inneholder et kontrolltegn (kode {ord(ch)}) som ikke kan lagres; fjern det"
            )
        if ch in "\ufffe\uffff":
            raise ValueError("inneholder et ugyldig tegn")
    return value


def _outcome(check: Any, value: str, multiline: bool) -> tuple[str, str]:
    try:
        return ("stored", check(value, multiline=multiline))
    except ValueError as exc:
        return ("refused", str(exc))


def test_check_chars_refuses_exactly_what_the_unicode_categories_say() -> None:
    """Every character of the Basic Multilingual Plane and the start of each other plane,
    alone in a text and after a bad one, gets the same answer and message from the one
    search ``check_chars`` makes as from Unicode's categories."""
    code_points = [*range(0x10000), *(p * 0x10000 + k for p in range(1, 17) for k in range(64))]
    for cp in code_points:
        ch = chr(cp)
        for value in (f"ab{ch}c", f"{ch}\x00", f"\ufffe{ch}"):
            for multiline in (False, True):
                assert _outcome(check_chars, value, multiline) == _outcome(
                    _by_category, value, multiline
                ), (hex(cp), multiline)
