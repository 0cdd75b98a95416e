"""Names, ID numbers, phone numbers, e-mails, exact dates and employer details planted in
every field and in every form the findings listed; none may appear in the .docx, .xlsx or
CSV (read back from the files, all their XML parts)."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.reports.anonymise import EmployerFacts, anonymise
from tillitsvalgt.reports.cube import ReportRequest
from tillitsvalgt.services import cases, events, representatives
from tillitsvalgt.services.report import make_report
from tillitsvalgt.shapes import CaseUpdate, EventCreate, RepresentativeCreate

from conftest import make_case, make_employer

PARTICIPANTS = (
    "Kari Nordmann (HR), Ola Hansen og Per Berg; Ida Li, Bo Ek\n"
    "Åse Sæbø-Øvrebø / André Olsen & Liv Mai"
)
SUMMARY = (
    "Karis forslag og Nordmanns svar kom. Hansens brev, Kristiansens notat og Olsens svar. "
    "Li. Li sa nei. Fru Li var enig. Bo\nEk og Bo  Ek møtte. Aase Saebo og "
    + unicodedata.normalize("NFD", "André")
    + " kom. Kari-Anne svarte. Ring 912.34.567, +46 70 123 45 67 eller tlf 4791234567. "
    "Fnr 01019912345 og 010199 12345. Møter 14.3., 14/3-26, 3/14/2026, 1.mars 2026 og "
    "01/03/2026. Skriv til kari (at) eksempel.no eller kari.nordmann@eksempel.no. "
    "Nordkyst Sparebanks ledelse (Nordkyst-banken) flytter fra Storgata 1 i Tromsø. "
    "Sparebanken i Nordkyst har 180 ansatte. Nordkyst  Sparebank sa nei. "
    "To dager per uke er viktig for liv og helse i mai."
)
# What must never be printed (compared casefolded, on the text of every XML part).
NEVER = (
    "Kari", "Nordmann", "Hansen", "Kristiansen", "Olsen", "Sæbø", "Saebo", "Aase", "Åse",
    "André", "Andre\u0301", " Li ", "Li.", "Fru Li", "Bo Ek", " Ek ", "912.34.567",
    "70 123 45 67", "4791234567", "01019912345", "010199 12345", "14.3.", "14/3-26",
    "3/14/2026", "1.mars", "01/03/2026", "eksempel.no", "Nordkyst", "Storgata", "180 ansatte",
    "Solveig",
)  # fmt: skip


def _xml_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        text = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return unicodedata.normalize("NFC", re.sub(r"<[^>]+>", " ", text))


def _fill(db: Database) -> None:
    employer = make_employer(
        db,
        name="Nordkyst Sparebank",
        contact_name="Solveig Kristiansen",
        sector="privat",
        employees=180,
        address="Storgata 1, 9008 Tromsø",
    )
    with db.session() as s:
        rep = representatives.create_representative(
            RepresentativeCreate(name="Kari-Anne Nordmann", branch="Nord"), session=s
        )
    numbers = [
        make_case(db, employer, notice_on=date(2026, 3, d), representative_id=rep.id)
        for d in (2, 3, 4)
    ]
    with db.session() as s:
        events.add_event(
            numbers[0],
            EventCreate(
                kind="consultation_meeting",
                occurred_on=date(2026, 3, 20),
                participants=PARTICIPANTS,
            ),
            session=s,
        )
        case = cases.get_case(numbers[0], session=s)
        cases.update_case(
            numbers[0],
            CaseUpdate(version=case.version, report_summary=SUMMARY, report_include=True),
            session=s,
        )


@pytest.mark.parametrize("anonymise_employers", [True, False])
def test_planted_names_never_reach_any_file(
    db: Database, tmp_path: Path, anonymise_employers: bool
) -> None:
    _fill(db)
    request = ReportRequest(
        start=date(2026, 1, 1), end=date(2026, 12, 31), anonymise_employers=anonymise_employers
    )
    out, sheet, csv = tmp_path / "r.docx", tmp_path / "r.xlsx", tmp_path / "r.csv"
    files = make_report(
        db, request, today=date(2026, 11, 22), union_name=None, out=out, xlsx=sheet, csv=csv
    )
    assert files.summaries == 1
    docx = _xml_text(out.read_bytes())
    texts = {"docx": docx, "xlsx": _xml_text(sheet.read_bytes()), "csv": csv.read_text("utf-8-sig")}
    assert "Sammendrag 1" in docx and "[navn]" in docx
    # Ordinary words that are also names are kept (no over-redaction).
    assert "To dager per uke er viktig for liv og helse i mai." in docx
    for where, text in texts.items():
        for planted in NEVER:
            if not anonymise_employers and planted in ("Nordkyst", "Storgata", "180 ansatte"):
                continue  # named mode: the employer is named on purpose
            if not anonymise_employers and planted == "Nordkyst" and where != "docx":
                continue
            assert planted.casefold() not in text.casefold(), (where, planted)


def test_no_dictionary_word_is_replaced() -> None:
    names = ["Per Berg", "Liv Mai", "Bo Ek"]
    text = "To dager per uke, liv og helse i mai, et berg av papir, og vi bor der."
    assert anonymise(text, names=names).text == text


def test_anonymised_employer_loses_name_forms_address_and_headcount() -> None:
    result = anonymise(
        "Nordkyst Sparebanks ledelse (Nordkyst-banken, NKS) flytter fra Storgata 1. "
        "Sparebanken i Nordkyst har 180 ansatte.",
        employers=[EmployerFacts("Nordkyst Sparebank", "Storgata 1, 9008 Tromsø")],
    )
    assert "Nordkyst" not in result.text and "Storgata" not in result.text
    assert "180" not in result.text
    assert "NKS" in result.unplaced  # an acronym the app cannot place: the rep decides


def test_unplaced_capitalised_words_are_reported() -> None:
    result = anonymise("Etter møtet sa Gulliksen at Tromsø-kontoret flytter.", names=[])
    assert "Gulliksen" in result.unplaced
    assert "Etter" not in result.unplaced  # a sentence's first word, an ordinary word


@pytest.mark.parametrize(
    ("members", "said"),
    [(1, "som berørte noen medlemmer."), (2, "som berørte noen medlemmer."),
     (9, "som berørte noen medlemmer."), (183, "som berørte om lag 180 medlemmer.")],
)  # fmt: skip
def test_the_proposal_never_states_a_small_member_count(members: int, said: str) -> None:
    from tillitsvalgt.reports.anonymise import SummaryFacts, propose_summary

    text = propose_summary(
        SummaryFacts(
            case_type="office_layout", members_affected=members, notice_on=date(2026, 3, 2),
            decision_on=None, implemented_on=None, timing=None, status="open", outcome=None,
            employer_words="en privat virksomhet",
        )
    )  # fmt: skip
    assert said in text
    assert "1 medlemmer" not in text and f" {members} medlem" not in text
