"""The report's newer tables on SQLite and PostgreSQL: which employers answered the
representatives' demands (in time, late, not at all), the home-office checklist, the
employer decisions with a group case counted once, and the stages of escalation — each
checked against the services' own counts (``escalation_counts``, ``count_decisions``,
``checklist_gaps``) and published through the cell-key method like every other count."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session

from tillitsvalgt.db import Database
from tillitsvalgt.reports.cellkey import protect_figures
from tillitsvalgt.reports.cube import SIZE_BANDS, ReportData, ReportRequest
from tillitsvalgt.reports.figures import (
    CHECKLIST,
    DECISIONS,
    ESCALATION,
    OTHER_EMPLOYERS,
    REPLIES_BY_AGREEMENT,
    REPLIES_BY_EMPLOYER,
    REPLIES_BY_SECTOR,
    REPLIES_BY_SIZE,
    Figures,
    Table,
    make_figures,
)
from tillitsvalgt.reports.ptable import FLOOR, shown_count
from tillitsvalgt.reports.summary import summary_sentences
from tillitsvalgt.rules.checklist import checklist_gaps, checklist_items
from tillitsvalgt.services import checklist, escalation, events, groups
from tillitsvalgt.services.report import make_report
from tillitsvalgt.services.report_data import report_data
from tillitsvalgt.shapes import CaseGroupCreate, ChecklistAnswerSet, EventCreate

from conftest import TODAY, make_case, make_employer

YEAR_2026 = ReportRequest(start=date(2026, 1, 1), end=date(2026, 12, 31))


@dataclass(frozen=True)
class World:
    n: dict[str, str]


def _event(s: Session, number: str, kind: str, on: date, **extra: Any) -> None:
    events.add_event(
        number, EventCreate.model_validate({"kind": kind, "occurred_on": on, **extra}), session=s
    )


def _letter(s: Session, number: str, sent: date, reply_by: date) -> None:
    _event(s, number, "letter_sent", sent, letter_kind="krav_om_drofting", reply_by=reply_by)


def build(db: Database) -> World:
    bank = make_employer(db)  # privat, 50–199, finance
    state = make_employer(
        db, name="Statens kartverk", orgnr=None, employees=420, agreement="staten", sector="stat"
    )
    n: dict[str, str] = {}
    for label, employer, extra in (
        ("in_time", bank, {}),
        ("late", bank, {}),
        ("unanswered", state, {}),
        ("pending", state, {}),
        ("worst", state, {}),
        ("quiet", bank, {}),
        ("home1", bank, {"case_type": "home_office_policy"}),
        ("home2", state, {"case_type": "home_office_agreement", "written_agreements": False}),
        ("home3", bank, {"case_type": "home_office_policy", "written_agreements": True}),
        ("outside", bank, {"notice_on": date(2025, 6, 1)}),
    ):
        n[label] = make_case(db, employer, **{"notice_on": date(2026, 3, 1), **extra})
    with db.session() as s:
        _letter(s, n["in_time"], date(2026, 3, 2), date(2026, 3, 16))
        _event(s, n["in_time"], "letter_received", date(2026, 3, 10))
        _letter(s, n["late"], date(2026, 3, 2), date(2026, 3, 16))
        _event(s, n["late"], "letter_received", date(2026, 3, 25))
        _letter(s, n["unanswered"], date(2026, 3, 2), date(2026, 4, 1))
        _letter(s, n["pending"], date(2026, 11, 1), date(2026, 12, 20))  # after TODAY
        _letter(s, n["worst"], date(2026, 3, 2), date(2026, 3, 16))
        _event(s, n["worst"], "letter_received", date(2026, 3, 12))
        _letter(s, n["worst"], date(2026, 5, 2), date(2026, 5, 16))  # never answered
        _letter(s, n["outside"], date(2025, 6, 2), date(2025, 6, 16))  # not in 2026
        stage = escalation.StageInput
        escalation.record_stage(
            n["unanswered"],
            stage("local", date(2026, 5, 1), date(2026, 5, 10), "disagreement"),
            session=s,
        )
        escalation.record_stage(n["unanswered"], stage("central", date(2026, 6, 1)), session=s)
        escalation.record_stage(
            n["worst"], stage("local", date(2026, 6, 1), date(2026, 6, 20), "agreement"), session=s
        )
        escalation.record_stage(n["outside"], stage("local", date(2025, 7, 1)), session=s)
        group = groups.create_group(CaseGroupCreate(name="Ny kontorløsning"), session=s)
        groups.add_cases(group.id, [n["unanswered"], n["pending"], n["worst"]], session=s)
        for number, answers in (
            (n["home1"], {"omfang": "met", "arbeidstid": "not_met", "bredband": "met"}),
            (n["home2"], {"omfang": "met", "hms": "unknown"}),
            (n["home3"], {i.key: "met" for i in checklist_items() if i.group == "forskrift"}),
        ):
            for key, answer in answers.items():
                checklist.set_answer(
                    number, ChecklistAnswerSet(item_key=key, answer=answer), session=s
                )
    return World(n)


def run(db: Database, request: ReportRequest = YEAR_2026) -> ReportData:
    with db.session(readonly=True) as s:
        return report_data(request, session=s, today=TODAY)


def column(table: Table, name: str) -> dict[str, int]:
    j = table.columns.index(name)
    return {row.code: row.counts[j] for row in table.rows}


def test_replies_by_how_the_employer_answered(db: Database) -> None:
    build(db)
    figures = make_figures(run(db))
    sector = figures.table(REPLIES_BY_SECTOR)
    # Every sector is a row, with or without letters (a row only for sectors with
    # letters would say "at least one").
    none = {"kommune": 0, "helse": 0, "annet": 0, "ukjent": 0}
    assert column(sector, "Svar i tide") == {"privat": 1, "stat": 0, **none}
    assert column(sector, "Svar for sent") == {"privat": 1, "stat": 0, **none}
    # «worst»: one answer in time and one never: counted where it went worst.
    assert column(sector, "Ikke svart") == {"privat": 0, "stat": 2, **none}
    assert column(sector, "Frist ikke ute") == {"privat": 0, "stat": 1, **none}
    assert sector.value(len(sector.rows), len(sector.columns)) == 5  # five cases with a letter
    size = figures.table(REPLIES_BY_SIZE)
    assert [r.code for r in size.rows] == list(SIZE_BANDS)  # every size, as every table
    assert {r.code: sum(r.counts) for r in size.rows if sum(r.counts)} == {
        "50–199": 2, "200–999": 3,
    }  # fmt: skip
    agreement = figures.table(REPLIES_BY_AGREEMENT)
    assert {r.code for r in agreement.rows if sum(r.counts)} == {
        "finans-finansforbundet", "staten",
    }  # fmt: skip
    by_employer = figures.table(REPLIES_BY_EMPLOYER)
    # Two and three cases: under the floor (after noise, whatever the keys) no employer
    # is named; everything is on «Øvrige virksomheter».
    assert sum(sum(r.counts) for r in by_employer.rows) == 5


def test_replies_of_a_named_employer_only_when_named(db: Database) -> None:
    bank = make_employer(db)
    numbers = [make_case(db, bank, notice_on=date(2026, 2, 1)) for _ in range(12)]
    with db.session() as s:
        for number in numbers:
            _letter(s, number, date(2026, 2, 2), date(2026, 2, 16))
    named = make_figures(run(db))
    rows = named.table(REPLIES_BY_EMPLOYER).rows
    # «Øvrige» is always there (here empty): shown only with cases, it would say "some".
    assert [r.label for r in rows] == ["Nordkyst Sparebank", OTHER_EMPLOYERS]
    assert rows[0].counts == (0, 0, 12, 0) and rows[1].counts == (0, 0, 0, 0)
    anonymised = make_figures(run(db, ReportRequest(**{**YEAR_2026.__dict__,
                                                       "anonymise_employers": True})))  # fmt: skip
    assert REPLIES_BY_EMPLOYER not in {t.key for t in anonymised.tables}
    assert REPLIES_BY_SECTOR in {t.key for t in anonymised.tables}


def test_decisions_count_a_group_once_as_the_service_does(db: Database) -> None:
    build(db)
    figures = make_figures(run(db))
    decisions = figures.table(DECISIONS)
    (row,) = decisions.rows
    # Nine cases in 2026; three of them are one group: seven decisions.
    assert row.counts[0] == 9 and row.counts[1] == 7
    with db.session(readonly=True) as s:
        assert row.counts[1] == groups.count_decisions(
            session=s, since=YEAR_2026.start, until=YEAR_2026.end
        )
        everything = escalation.escalation_counts(session=s)
    # Two of the report's cases were taken further (the 2025 case is outside the period).
    assert row.counts[2] == 2
    assert everything.cases_escalated == 3


def test_escalation_stages_and_outcomes_match_the_service(db: Database) -> None:
    build(db)
    all_years = ReportRequest(start=date(2025, 1, 1), end=date(2026, 12, 31))
    table = make_figures(run(db, all_years)).table(ESCALATION)
    with db.session(readonly=True) as s:
        counts = escalation.escalation_counts(session=s)
    per_stage = {row.code: sum(row.counts) for row in table.rows if sum(row.counts)}
    assert per_stage == counts.by_stage
    assert not table.has_total_row  # a case on two stages is in two rows
    local = next(r for r in table.rows if r.code == "local")
    assert local.counts == (1, 0, 1, 0, 1)  # agreement, –, disagreement, –, pending (2025)


def test_checklist_counts_follow_the_letters_rules(db: Database) -> None:
    world = build(db)
    table = make_figures(run(db)).table(CHECKLIST)
    assert not table.has_total_row
    expected: dict[str, list[int]] = {i.key: [0, 0, 0] for i in checklist_items()}
    with db.session(readonly=True) as s:
        for label in ("home1", "home2", "home3"):
            listed = checklist.list_answers(world.n[label], session=s)
            answers = {a.item_key: a.answer for a in listed}
            written = {"home1": None, "home2": False, "home3": True}[label]
            gaps = checklist_gaps(answers, written)
            missing = {i.key for i in gaps.missing}
            for i in checklist_items():
                k = 0 if answers.get(i.key) == "met" else 1 if i.key in missing else 2
                expected[i.key][k] += 1
    got = {row.code: list(row.counts) for row in table.rows if row.code != "*"}
    assert got == expected
    everything = table.rows[0]
    assert everything.code == "*" and everything.counts == (1, 2, 0)  # home3; home1, home2


def test_new_tables_are_published_through_the_cell_key(db: Database) -> None:
    build(db)
    figures = make_figures(run(db))
    shown = protect_figures(figures)
    floor = max(figures.request.min_cell, FLOOR)
    for key in (REPLIES_BY_SECTOR, REPLIES_BY_SIZE, CHECKLIST, DECISIONS, ESCALATION):
        table, published = figures.table(key), shown[key]
        for (i, j), value in published.values.items():
            assert value == shown_count(table.value(i, j), table.key_value(i, j), floor)
            if 0 < table.value(i, j) < floor:
                assert value == "–" or value != table.value(i, j) or value >= floor
    # The prose speaks only from published numbers: no true small count appears.
    text = " ".join(summary_sentences(figures))
    assert "beslutning" in text
    # Five cases with a reply deadline: published as at least 3, so the sentence is
    # there; a part under the floor is «svært få», never its number.
    (sentence,) = [t for t in summary_sentences(figures) if "ba om svar innen en frist" in t]
    sector = shown[REPLIES_BY_SECTOR]
    row = sector.overall_cell(0)[0]
    for j in range(4):
        if sector.cell(row, j) == "–":
            assert "svært få saker" in sentence


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_report_files_carry_the_new_tables(db: Database, tmp_path: Path) -> None:
    build(db)
    files = make_report(
        db,
        YEAR_2026,
        today=TODAY,
        union_name="Forbundet",
        out=tmp_path / "r.docx",
        xlsx=tmp_path / "r.xlsx",
        csv=tmp_path / "r.csv",
    )
    text = _docx_text(files.docx)
    for title in (
        "Svar på krav med svarfrist etter sektor",
        "Hjemmekontor: er punktene i sjekklisten oppfylt?",
        "Beslutninger og saker løftet videre",
        "Saker løftet videre: trinn og utfall",
    ):
        assert title in text
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig")), delimiter=";"))
    titles = {r[0] for r in rows if r}
    assert "Beslutninger og saker løftet videre" in titles
    assert "Svar på krav med svarfrist etter hovedavtale" in titles
    # No true count under the floor is printed in the CSV's new tables as a number
    # unless the noise made it so: every value there is the published one.
    figures: Figures = make_figures(run(db))
    shown = protect_figures(figures)
    decisions = shown[DECISIONS]
    published = {str(v) for v in decisions.values.values()}
    csv_values = {r[3] for r in rows if r and r[0] == "Beslutninger og saker løftet videre"}
    assert csv_values <= published
