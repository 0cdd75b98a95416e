"""The report's appendix: case summaries marked «ta med i rapport», anonymised (names out,
dates to month, employers generalised on request), and the employer tables."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.reports.anonymise import (
    EMAIL_MARK,
    NAME_MARK,
    PHONE_MARK,
    SummaryFacts,
    anonymise,
    coarsen_dates,
    name_index,
    propose_summary,
    split_names,
)
from tillitsvalgt.reports.cube import CubeCell, ReportData, ReportRequest
from tillitsvalgt.reports.figures import BY_EMPLOYER, BY_SECTOR_SIZE, EMPLOYER_ROWS, make_figures
from tillitsvalgt.services import cases, events, representatives, transfer
from tillitsvalgt.services.report import make_report
from tillitsvalgt.shapes import CaseUpdate, EventCreate, RepresentativeCreate

from conftest import make_case, make_employer

# ----------------------------------------------------------------------- pure: anonymise


def test_known_names_whole_and_in_parts_are_taken_out() -> None:
    names = ["Kari Nordmann", "Anne-Lise Berg (AMU)", "Bo Li"]
    text = "Kari Nordmann og kari sa det til Anne-Lise. Fru Berg og Bo Li var enige med NORDMANN."
    result = anonymise(text, names=names)
    for word in ("Kari", "kari", "Nordmann", "NORDMANN", "Anne", "Lise", "Berg", "Bo Li"):
        assert not re.search(rf"(?<!\w){word}(?!\w)", result.text), word
    assert result.text.count(NAME_MARK) == 6  # «Anne-Lise» and «Kari Nordmann» read as one
    assert {"Kari", "Nordmann", "Anne", "Lise", "Berg", "Bo Li"} <= set(result.names_found)


def test_ordinary_words_and_short_parts_are_left_alone() -> None:
    result = anonymise("Leder for HR og verneombud kom til møtet.", names=["Per Ås", "HR-leder"])
    assert result.text == "Leder for HR og verneombud kom til møtet."
    assert result.names_found == ()


def test_participant_lists_are_split_into_names() -> None:
    assert split_names("Kari Nordmann (HR), Ola Hansen og Per Berg; hovedverneombud\nLise") == [
        "Kari Nordmann",
        "Ola Hansen",
        "Per Berg",
        "Lise",
    ]
    assert split_names(None) == [] and split_names("  ") == []


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("møttes 14. mars 2026", "møttes i mars 2026"),
        ("innen 3.5.2026", "innen mai 2026"),
        ("fra 03.05.26 til 2026-11-02", "fra mai 2026 til november 2026"),
        ("14. mars 2026 kom svaret.", "I mars 2026 kom svaret."),
        ("Svar kom. 2026-11-02 kom et nytt.", "Svar kom. I november 2026 kom et nytt."),
        ("lovet svar 1. des. 2025", "lovet svar i desember 2025"),
        ("Den 9. juni og den 10. juni", "I juni og i juni"),
        ("31.13.2026", "31.13.2026"),  # not a date: left as written
    ],
)
def test_dates_are_coarsened_to_month(written: str, shown: str) -> None:
    assert coarsen_dates(written)[0] == shown


def test_emails_and_phone_numbers_are_taken_out_but_counts_stay() -> None:
    text = "Ring 912 34 567, +47 41234567 eller skriv til kari.n@firma.no. 45 av 1200 ansatte."
    result = anonymise(text)
    assert result.text == (
        f"Ring {PHONE_MARK}, {PHONE_MARK} eller skriv til {EMAIL_MARK}. 45 av 1200 ansatte."
    )


def test_employer_names_are_generalised_only_when_asked() -> None:
    text = "Nordkyst Sparebank flyttet; nordkyst sparebank ville ikke drøfte."
    assert "Nordkyst" not in anonymise(text, employer_names=["Nordkyst Sparebank"]).text
    assert anonymise(text).text == text


def test_a_large_name_register_is_one_lookup_per_word() -> None:
    def letters(k: int) -> str:  # 0 -> "aaaa", 1 -> "aaab", ...
        return "".join(chr(ord("a") + (k // 26**i) % 26) for i in reversed(range(4)))

    index = name_index(f"Per{letters(k)} Berg{letters(k)}" for k in range(20_000))
    assert len(index.words) == 40_000
    text = f"Per{letters(19_999)} kom, Berg{letters(5)} ikke."
    assert anonymise(text, names=index).text == (f"{NAME_MARK} kom, {NAME_MARK} ikke.")


def test_the_proposal_is_facts_in_months_and_no_names() -> None:
    facts = SummaryFacts(
        case_type="office_layout",
        members_affected=45,
        notice_on=date(2026, 3, 14),
        decision_on=date(2026, 4, 2),
        implemented_on=None,
        timing="late_before_implementation",
        status="closed",
        outcome="disagreement",
        employer_words="en statlig virksomhet med 50–199 ansatte",
    )
    text = propose_summary(facts)
    assert text.startswith(
        "En statlig virksomhet med 50–199 ansatte varslet i mars 2026 en endring i "
        "kontorløsningen, som berørte om lag 40 medlemmer."
    )
    assert "Beslutningen ble tatt i april 2026." in text
    assert "etter at beslutningen var tatt" in text and "Partene ble ikke enige." in text
    assert not re.search(r"\b\d{1,2}\.", text)  # no day of a month anywhere
    open_case = propose_summary(
        SummaryFacts("other", None, None, None, None, None, "open", None, "en virksomhet")
    )
    assert (
        open_case
        == "En virksomhet varslet en endring i arbeidsforholdene. Saken er ikke avsluttet."
    )


# ------------------------------------------------------------------- pure: the tables


def _cell(sector: str, band: str, cases: int) -> CubeCell:
    return CubeCell(
        period="2026", case_type="office_layout", sector=sector, agreement="staten",
        size_band=band, outcome="open", timing="in_time", signed_protocol=False,
        environment_involved=False, cases=cases, members=0, letters_sent=0,
        deadlines_missed=0,
    )  # fmt: skip


def test_sector_by_size_table_and_named_employers_with_the_rest_on_one_line() -> None:
    request = ReportRequest(start=date(2026, 1, 1), end=date(2026, 12, 31))
    cells = (_cell("stat", "50–199", 4), _cell("stat", "ukjent", 3), _cell("privat", "50–199", 5))
    employers = {f"Virksomhet {k:02d}": 40 - k for k in range(30)}
    figures = make_figures(ReportData(request, date(2026, 12, 31), cells, {}, employers))
    sector_size = figures.table(BY_SECTOR_SIZE)
    rows = {r.code: r.counts for r in sector_size.rows}
    assert rows["stat"] == (0, 4, 0, 0, 3) and rows["privat"] == (0, 5, 0, 0, 0)
    assert sector_size.columns[-1] == "Ukjent"
    named = figures.table(BY_EMPLOYER)
    assert [r.label for r in named.rows[:2]] == ["Virksomhet 00", "Virksomhet 01"]
    assert len(named.rows) == EMPLOYER_ROWS + 1
    assert named.rows[-1].label == "Øvrige virksomheter"
    assert named.rows[-1].counts == (sum(40 - k for k in range(25, 30)),)
    assert not named.chart
    # An employer whose published count is under the floor is never named.
    few = {"Stor AS": 9, "Liten AS": 1, "Mini AS": 2}
    small = make_figures(
        ReportData(request, date(2026, 12, 31), cells, {}, few, {"Stor AS": 100})
    ).table(BY_EMPLOYER)
    assert [r.label for r in small.rows] == ["Stor AS", "Øvrige virksomheter"]
    assert small.rows[-1].counts == (3,)
    anonymised = ReportRequest(request.start, request.end, anonymise_employers=True)
    hidden = make_figures(ReportData(anonymised, date(2026, 12, 31), cells, {}, {}))
    with pytest.raises(KeyError):
        hidden.table(BY_EMPLOYER)


# ------------------------------------------------------------- the whole way, two backends

PLANTED = {
    "rep": "Ingrid Solbakken",
    "contact": "Torbjørn Kvalsund",
    "participant": "Sigrid Fjellheim",
    "unrelated": "Halvard Moldestad",  # only in a case that is not marked
    "free_text": "Ragnhild Øvrebø",  # in titles, descriptions, places and notes
}
SUMMARY = (
    "Torbjørn Kvalsund varslet 14. mars 2026 at faste plasser skulle fjernes. "
    "Sigrid Fjellheim og Ingrid Solbakken krevde drøfting 2026-03-20; "
    "svar kom til ingrid@forbundet.no 2.4.2026.\n\n"
    "Nordkyst Sparebank trakk planen i mai 2026."
)


def _all_xml_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
        )


def _fill(db: Database) -> None:
    employer = make_employer(
        db,
        contact_name=PLANTED["contact"],
        contact_email="torbjorn.kvalsund@nordkyst.no",
        contact_phone="99 88 77 66",
        name="Nordkyst Sparebank",
    )
    with db.session() as s:
        rep = representatives.create_representative(
            RepresentativeCreate(name=PLANTED["rep"], branch="Tromsø"), session=s
        )
    free = PLANTED["free_text"]
    marked = make_case(
        db,
        employer,
        notice_on=date(2026, 3, 14),
        representative_id=rep.id,
        members_affected=40,
        title=f"{free} sin avdeling",
        description=f"Meldt av {free}.",
        location=f"Kontoret til {free}",
    )
    unmarked = make_case(db, employer, notice_on=date(2026, 5, 1))
    outside = make_case(db, employer, notice_on=date(2024, 5, 1), today=date(2024, 5, 1))
    with db.session() as s:
        events.add_event(
            marked,
            EventCreate(
                kind="consultation_meeting",
                occurred_on=date(2026, 3, 20),
                participants=f"{PLANTED['participant']} (HR), {PLANTED['rep']}",
                notes=f"{PLANTED['free_text']} tok referat.",
            ),
            session=s,
        )
        for number, text, include in (
            (marked, SUMMARY, True),
            (unmarked, f"{PLANTED['unrelated']} var her.", False),
            (outside, "Fra 2024, utenfor perioden.", True),
        ):
            case = cases.get_case(number, session=s)
            cases.update_case(
                number,
                CaseUpdate(version=case.version, report_summary=text, report_include=include),
                session=s,
            )


@pytest.mark.parametrize("anonymise_employers", [True, False])
def test_marked_summaries_reach_the_appendix_anonymised(
    db: Database, tmp_path: Path, anonymise_employers: bool
) -> None:
    _fill(db)
    request = ReportRequest(
        start=date(2026, 1, 1), end=date(2026, 12, 31), anonymise_employers=anonymise_employers
    )
    out, sheet = tmp_path / "rapport.docx", tmp_path / "rapport.xlsx"
    files = make_report(
        db, request, today=date(2026, 11, 22), union_name="Negotia", out=out, xlsx=sheet
    )
    assert files.summaries == 1 and files.cases == 2
    docx, xlsx = _all_xml_text(out.read_bytes()), _all_xml_text(sheet.read_bytes())
    assert "faste plasser skulle fjernes" in docx  # the summary is there
    assert "mars 2026 at faste plasser" in docx and "krevde drøfting i mars 2026" in docx
    assert "Fra 2024" not in docx  # outside the period
    for name in PLANTED.values():
        for part in name.split():
            assert part.casefold() not in docx.casefold(), part
            assert part.casefold() not in xlsx.casefold(), part
    assert "99 88 77 66" not in docx
    assert "14. mars" not in docx and "2026-03-20" not in docx and "2.4.2026" not in docx
    assert "ingrid@" not in docx
    if anonymise_employers:
        assert "Nordkyst" not in docx and "Nordkyst" not in xlsx
        assert "virksomheten trakk planen" in docx
        assert "Sammendrag 1" in docx
        # The heading never singles out the case: no kind, month or sector.
        assert "Kontorløsning ·" not in docx and "Privat sektor, 50–199" not in docx
    else:
        assert "Sammendrag 1" in docx and "Kontorløsning · mars 2026" not in docx
        assert "Saker per virksomhet" in docx


def test_proposal_and_bundle_round_trip_keep_summary_and_reporter(
    db: Database, tmp_path: Path
) -> None:
    _fill(db)
    with db.session(readonly=True) as s:
        from tillitsvalgt.services.report_data import summary_facts

        proposal = propose_summary(summary_facts("2026/1", session=s))
        bundle = transfer.export_bundle(session=s)
    assert proposal.startswith("En privat virksomhet med 50–199 ansatte varslet i mars 2026")
    assert PLANTED["contact"] not in proposal
    item = next(i for i in bundle if i["id"] == "2026/1")
    assert item["case"]["report_include"] is True
    assert item["case"]["report_summary"] == SUMMARY
    assert item["reported_by"]["name"] == PLANTED["rep"]
    assert item["reported_by"]["branch"] == "Tromsø"
    # Into another database: the reporter comes along, identified by UUID.
    other = Database.open(data_dir=tmp_path / "kontoret")
    try:
        with other.session() as s:
            transfer.import_bundle(bundle, session=s, today=date(2026, 11, 22))
        with other.session(readonly=True) as s:
            got = cases.get_case(item["id"], session=s)
            reps = representatives.list_representatives(session=s)
        assert got.report_include is True and got.report_summary == SUMMARY
        assert [(r.name, str(r.uuid)) for r in reps] == [
            (PLANTED["rep"], item["reported_by"]["uuid"])
        ]
        assert got.representative_id == reps[0].id
    finally:
        other.dispose()
