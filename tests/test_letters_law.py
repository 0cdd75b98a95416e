"""What the law and the agreements set, in the rules and in the letters: the sender's side of
an agreement, an agreement past its period, the AMU and verneombud thresholds, the building
permit (aml § 18-9), the agreements' meeting deadlines created on send, and a draft that
keeps its number. Letters are written into a real database (SQLite and PostgreSQL) and
read back from the stored .docx."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.errors import StateError
from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.rules.agreements import (
    other_side_catalogue,
    prolongation,
    sector_warning,
    sender_confederation,
    sender_side,
)
from tillitsvalgt.rules.assessment import assess
from tillitsvalgt.rules.catalogue import check_text, load_catalogue
from tillitsvalgt.rules.types import CaseFacts, EventFacts
from tillitsvalgt.services import cases, deadlines, documents, events, transfer
from tillitsvalgt.services.letters import (
    LetterRequest,
    create_letter,
    mark_letter_sent,
    preview_letter,
)
from tillitsvalgt.services.representatives import (
    create_representative,
    list_representatives,
    update_representative,
)
from tillitsvalgt.shapes import CaseUpdate, EventCreate, RepresentativeCreate, RepresentativeUpdate

from conftest import make_case, make_employer, run_cli

DAY = date(2026, 3, 2)  # a Monday in 2026: the 2022–2025 agreements are past their period
CAT = load_catalogue()


def facts(employees: int | None, **overrides: Any) -> CaseFacts:
    return CaseFacts(
        case_type=overrides.pop("case_type", "office_layout"),
        agreement=overrides.pop("agreement", "virke-ys"),
        employees=employees,
        **overrides,
    )


def applied(result: Any) -> dict[str, Any]:
    return {p.key: p for p in result.provisions}


def profile(db: Database, **values: Any) -> None:
    data = {"name": "Kari Nordmann", "role": "hovedtillitsvalgt", "place": "Oslo", **values}
    with db.session() as s:
        create_representative(RepresentativeCreate(**data), session=s)


def write(db: Database, number: str, kind: str = "krav_om_drofting", **request: Any) -> Any:
    with db.session() as s:
        return create_letter(
            number,
            LetterRequest(kind, dated=request.pop("dated", DAY), **request),
            session=s,
            today=DAY,
        )


def text_of(db: Database, letter: Any) -> str:
    with db.session(readonly=True) as s:
        return docx_text(documents.document_content(letter.document.id, session=s))


# --------------------------------------------------------------------------- AMU, verneombud


@pytest.mark.parametrize(
    ("employees", "amu"),
    [(9, None), (10, "where"), (29, "where"), (30, "yes"), (49, "yes"), (50, "yes"),
     (None, "where")],  # size unknown: the app cannot know, so «der det er AMU»
)  # fmt: skip
def test_amu_is_mandatory_from_30_and_exists_where_demanded_from_10(
    employees: int | None, amu: str | None
) -> None:
    result = assess(facts(employees), CAT, DAY)
    found = applied(result).get("aml:7-2")
    if amu is None:
        assert found is None
        assert any("§ 7-2 gjelder ikke" in r and "under 10" in r for r in result.reasons)
        assert not any("AMU" in g for g in result.evidence_gaps)
        return
    assert found is not None
    assert found.where_exists is (amu == "where")
    gap = next(g for g in result.evidence_gaps if "AMU" in g)
    assert ("der det er AMU" in gap) is (amu == "where")
    if amu == "yes":
        assert f"virksomheten har {employees} ansatte (grensen er 30)" in found.reason


@pytest.mark.parametrize(("employees", "where"), [(4, True), (5, False), (None, True)])
def test_a_verneombud_is_certain_from_5_employees(employees: int | None, where: bool) -> None:
    found = applied(assess(facts(employees), CAT, DAY))["aml:6-2"]
    assert found.where_exists is where


def test_letters_name_the_amu_only_where_the_employer_must_or_may_have_one(db: Database) -> None:
    profile(db, union_name="Delta")
    wanted = {
        9: ("Verneombudet skal være med", "arbeidsmiljøutvalget"),
        10: ("Verneombudet, og arbeidsmiljøutvalget der det er AMU, skal være med", None),
        29: ("Verneombudet, og arbeidsmiljøutvalget der det er AMU, skal være med", None),
        30: ("Verneombudet og arbeidsmiljøutvalget skal være med", "der det er AMU"),
        49: ("Verneombudet og arbeidsmiljøutvalget skal være med", "der det er AMU"),
        50: ("Verneombudet og arbeidsmiljøutvalget skal være med", "der det er AMU"),
    }
    for employees, (must, must_not) in wanted.items():
        employer = make_employer(
            db,
            name=f"Butikk {employees} AS",
            orgnr=None,
            employees=employees,
            agreement="virke-ys",
        )
        number = make_case(db, employer, DAY)
        text = text_of(db, write(db, number))
        assert must in text, (employees, text)
        if must_not:
            assert must_not not in text, employees
        # The law's thresholds are stated, not the employer's size guessed at.
        assert ("§ 7-2" in text) is (employees >= 10), employees


# --------------------------------------------------------------------------- the sender's side


def test_the_sender_side_of_an_agreement_is_chosen_from_the_confederation() -> None:
    assert sender_confederation(None, " Delta ") == "ys"  # Negotia is part of Delta (YS)
    assert sender_confederation(None, "Negotia") == "ys"
    assert sender_confederation("lo", "Delta") == "lo"  # the profile wins
    assert sender_confederation(None, "Ukjent forbund") is None
    ys = sender_side(CAT, "lo-nho", "ys", "Delta")
    assert ys.code == "ys-nho" and not ys.other_side
    assert "Hovedavtalen LO–NHO" in ys.notices[0] and "Hovedavtalen YS–NHO" in ys.notices[0]
    assert sender_side(CAT, "lo-nho", "lo", "Fellesforbundet") == sender_side(
        CAT, "lo-nho", "lo", None
    )
    assert sender_side(CAT, "lo-nho", "lo", None).code == "lo-nho"
    assert sender_side(CAT, "staten", "ys", "Delta").notices == ()  # made with all four
    spekter = sender_side(CAT, "spekter", "ys", "Delta")
    assert spekter.code == "spekter" and spekter.other_side
    assert "bare teksten" in spekter.notices[0] and "Delta" in spekter.notices[0]
    unknown = sender_side(CAT, "lo-nho", None, "Et forbund")
    assert unknown.code == "lo-nho" and "hovedorganisasjon" in unknown.notices[0]
    finance = sender_side(CAT, "finans-finansforbundet", "ys", "Delta")
    assert finance.other_side  # Finansforbundet's own agreement
    assert sender_side(CAT, "finans-finansforbundet", None, "Finansforbundet").notices == ()
    assert sender_side(CAT, "ks", "ys", "Delta").notices == ()  # the catalogue does not say


def test_another_sides_text_is_cited_by_subject_never_by_number() -> None:
    derived = other_side_catalogue(CAT, "spekter")
    p = derived.provision("ha-spekter:30")
    assert not p.verified and "§" not in p.citation()
    assert (
        p.citation()
        == "Hovedavtalen Spekter (reglene om drøftelser om virksomhetens ordinære drift)"
    )
    assert derived.provision("aml:8-2") is CAT.provision("aml:8-2")


def test_a_ys_sender_cites_ys_nho_and_an_lo_sender_lo_nho(db: Database) -> None:
    employer = make_employer(
        db, name="Verkstedet AS", orgnr=None, employees=120, agreement="lo-nho", sector="privat"
    )
    number = make_case(db, employer, DAY)
    profile(db, union_name="Delta")  # no confederation given: Delta is known to be YS
    letter = write(db, number)
    text = text_of(db, letter)
    assert "Hovedavtalen YS–NHO kapittel IX" in text and "LO–NHO" not in text
    assert any("registrert med Hovedavtalen LO–NHO" in n for n in letter.notices)
    # The stored assessment keeps the register's agreement; only the letter changes side.
    with db.session() as s:
        [rep] = list_representatives(session=s)
        update_representative(rep.id, RepresentativeUpdate(confederation="lo"), session=s)
    text = text_of(db, write(db, number))
    assert "Hovedavtalen LO–NHO kapittel IX" in text and "YS–NHO" not in text


def test_spekter_for_a_ys_sender_is_cited_without_the_lo_stat_numbers(db: Database) -> None:
    employer = make_employer(
        db,
        name="Helse Nord Service HF",
        orgnr=None,
        employees=240,
        agreement="spekter",
        sector="helse",
    )
    number = make_case(db, employer, DAY)
    profile(db, union_name="Delta", confederation="ys")
    letter = write(db, number)
    text = text_of(db, letter)
    # Each provision argued in its own sentence, by subject under the agreement's own name.
    assert "Hovedavtalen Spekter (bestemmelsene om drøftinger ved omlegging av driften)" in text
    assert ") og (" not in text
    assert "Spekter–LO Stat" not in text and "§ 30" not in text
    assert any("bare teksten til Hovedavtalen Spekter for LO" in n for n in letter.notices)
    assert all(not p.verified for p in letter.context.cited if p.key.startswith("ha-spekter"))


# --------------------------------------------------------------------------- prolongation


def test_an_agreement_past_its_period_is_prolonged_only_where_the_facts_say_so() -> None:
    sentence, warning = prolongation(CAT, "staten", DAY)
    assert warning is None and sentence is not None
    assert sentence.startswith("Hovedavtalen i staten 2023–2025 gjelder fortsatt")
    assert "ett år av gangen" in sentence and sentence.endswith("jf. § 52.")
    sentence, warning = prolongation(CAT, "ys-nho", DAY)
    assert sentence is None and warning is not None and "31. desember 2025" in warning
    assert prolongation(CAT, "staten", date(2025, 6, 1)) == (None, None)  # within its period
    assert prolongation(CAT, "finans-finansforbundet", DAY) == (None, None)  # to 2027


def test_the_state_letter_says_the_agreement_runs_on_and_others_are_warned(db: Database) -> None:
    state = make_employer(
        db, name="Direktoratet", orgnr=None, employees=420, agreement="staten", sector="stat"
    )
    profile(db, union_name="Delta", confederation="ys")
    letter = write(db, make_case(db, state, DAY))
    text = text_of(db, letter)
    assert "Hovedavtalen i staten 2023–2025 gjelder fortsatt" in text and "§ 52" in text
    assert not any("gjaldt til" in n for n in letter.notices)
    private = make_employer(
        db, name="Lageret AS", orgnr=None, employees=80, agreement="ys-nho", sector="privat"
    )
    letter = write(db, make_case(db, private, DAY))
    assert "gjelder fortsatt" not in text_of(db, letter)
    assert any("gjaldt til 31. desember 2025" in n for n in letter.notices)


def test_sector_and_agreement_that_do_not_fit_are_warned_about() -> None:
    warning = sector_warning(CAT, "stat", "lo-nho")
    assert warning is not None and "Hovedavtalen LO–NHO" in warning and "Staten" in warning
    assert sector_warning(CAT, "privat", "lo-nho") is None
    assert sector_warning(CAT, "kommune", "staten") is not None
    assert sector_warning(CAT, None, "staten") is None  # no sector: nothing to compare
    assert sector_warning(CAT, "helse", "spekter") is None


# --------------------------------------------------------------------------- building permit


def test_a_building_permit_is_asked_for_not_assumed() -> None:
    unknown = assess(facts(80), CAT, DAY)
    assert "aml:18-9" not in applied(unknown)
    assert any("søknadspliktig" in r and "registrer det på saken" in r for r in unknown.reasons)
    assert not any("gjelder hvis" in p.reason for p in unknown.provisions)
    no = assess(facts(80, building_permit=False), CAT, DAY)
    assert "aml:18-9" not in applied(no)
    assert not any("søknadspliktig" in r for r in no.reasons)
    yes = assess(facts(80, building_permit=True), CAT, DAY)
    assert "aml:18-9" in applied(yes)
    gaps = " ".join(yes.evidence_gaps)
    assert "samtykke til ombyggingen er ikke registrert" in gaps
    assert "verneombudet medvirket" in gaps and "AMU medvirket" in gaps


def test_the_consent_and_participation_before_it_close_the_gaps() -> None:
    def gaps(*evs: tuple[str, date], **kw: Any) -> str:
        f = facts(80, building_permit=True, events=tuple(EventFacts(k, d) for k, d in evs), **kw)
        return " ".join(assess(f, CAT, DAY).evidence_gaps)

    done = gaps(
        ("verneombud", date(2026, 1, 5)),
        ("amu", date(2026, 1, 8)),
        ("building_consent", date(2026, 2, 1)),
    )
    assert "samtykke" not in done and "medvirket" not in done
    late = gaps(
        ("verneombud", date(2026, 2, 5)),
        ("amu", date(2026, 1, 8)),
        ("building_consent", date(2026, 2, 1)),
        implemented_on=date(2026, 1, 20),
    )
    assert "etter at endringen ble iverksatt 20. januar 2026" in late
    assert "verneombudet medvirket i søknaden om samtykke før samtykket 1. februar 2026" in late
    assert "AMU medvirket" not in late
    small = " ".join(
        assess(facts(20, building_permit=True), CAT, DAY).evidence_gaps
    )  # AMU only where it exists
    assert "AMU medvirket i søknaden om samtykke (der det er AMU)" in small


def test_the_building_permit_path_in_the_case_the_letters_and_the_bundle(db: Database) -> None:
    employer = make_employer(
        db, name="Etaten", orgnr=None, employees=40, agreement="virke-ys", sector="annet"
    )
    number = make_case(db, employer, DAY)
    profile(db, union_name="Delta")
    with db.session() as s:
        case = cases.get_case(number, session=s)
        cases.update_case(
            case.id, CaseUpdate(version=case.version, building_permit=True), session=s
        )
    letter = write(db, number)
    text = text_of(db, letter)
    assert "krever derfor Arbeidstilsynets samtykke før arbeidet starter" in text
    assert "arbeidsmiljøloven § 18-9" in text or "§ 18-9" in text
    assert "at verneombudet og arbeidsmiljøutvalget tas med i arbeidet med søknaden" in text
    info = text_of(db, write(db, number, "krav_om_informasjon"))
    assert "søknaden om Arbeidstilsynets samtykke til ombyggingen" in info
    with db.session() as s:
        bundle = transfer.export_bundle(session=s)
    [item] = [b for b in bundle if b["case"]["number"] == number]
    assert item["case"]["building_permit"] is True
    with db.session() as s:
        case = cases.get_case(number, session=s)
        cases.update_case(
            case.id, CaseUpdate(version=case.version, building_permit=None), session=s
        )
    # Newer than the stored change, but not in the future (a bundle from next year is refused).
    item["case"]["updated_at"] = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    with db.session() as s:
        transfer.import_bundle(json.loads(json.dumps([item])), session=s, today=DAY)
        assert cases.get_case(number, session=s).building_permit is True


# --------------------------------------------------------------------------- deadlines on send


@pytest.mark.parametrize(
    ("agreement", "sector", "title"),
    [
        ("staten", "stat", "Drøftingen eller forhandlingene skal være påbegynt"),
        ("finans-tekna", "privat", "Det lokale møtet skal holdes"),
    ],
)
def test_the_agreements_meeting_deadline_is_created_on_send_and_met_by_the_meeting(
    db: Database, agreement: str, sector: str, title: str
) -> None:
    employer = make_employer(
        db, name="Arbeidsgiveren", orgnr=None, employees=300, agreement=agreement, sector=sector
    )
    number = make_case(db, employer, DAY)
    profile(db, union_name="Tekna", confederation="akademikerne")
    letter = write(db, number)
    # The letter states the limit as a date counted from its own date …
    # A drøfting demand names the drøfting (the case's deadline keeps the catalogue's title).
    said = title.replace("Drøftingen eller forhandlingene", "Drøftingen")
    assert f"{said} senest 16. mars 2026, 14 dager etter dette kravet, jf. " in text_of(db, letter)
    with db.session() as s:
        mark_letter_sent(letter.document.id, sent_on=DAY, session=s)
        found = deadlines.list_deadlines(number, session=s)
    # … and the case follows it from the day the letter is sent.
    [law] = [d for d in found if d.title.startswith(title)]
    assert law.due_on == date(2026, 3, 16)  # 14 days after the demand was sent
    assert (law.rule or "").startswith("møtefrist") and letter.document.number in law.title
    assert law.document_id == letter.document.id and law.met_on is None
    assert any(d.rule and d.rule.startswith("svarfrist") for d in found)  # the reply too
    with db.session() as s:
        events.add_event(
            number,
            EventCreate(kind="consultation_meeting", occurred_on=date(2026, 3, 12)),
            session=s,
        )
        met = {d.id: d for d in deadlines.list_deadlines(number, session=s)}
    assert met[law.id].met_on == date(2026, 3, 12)


def test_no_meeting_deadline_where_the_agreement_sets_none(db: Database) -> None:
    employer = make_employer(
        db, name="Butikken", orgnr=None, employees=60, agreement="virke-ys", sector="privat"
    )
    number = make_case(db, employer, DAY)
    profile(db, union_name="Delta")
    letter = write(db, number)
    with db.session() as s:
        mark_letter_sent(letter.document.id, sent_on=DAY, session=s)
        rules = [d.rule or "" for d in deadlines.list_deadlines(number, session=s)]
    assert rules and all(r.startswith("svarfrist") for r in rules)
    assert "dager etter dette kravet" not in text_of(db, letter)


# --------------------------------------------------------------------------- drafts


def test_a_draft_keeps_its_number_until_it_is_sent(db: Database) -> None:
    employer = make_employer(db, name="Banken", orgnr=None)
    number = make_case(db, employer, DAY)
    profile(db, union_name="Finansforbundet")
    first = write(db, number)
    draft = first.document
    assert draft.number == f"{number}-1"
    with db.session(readonly=True) as s:
        preview = preview_letter(
            number,
            LetterRequest("krav_om_drofting", dated=DAY, extra_text="Ny tekst."),
            session=s,
            today=DAY,
            draft_id=draft.id,
        )
    assert preview.number == draft.number and f"{number}-1" in docx_text(preview.content)
    with db.session() as s:
        again = create_letter(
            number,
            # Another kind that fits the case (a demand to negotiate would be refused here).
            LetterRequest("krav_om_informasjon", dated=DAY, extra_text="Ny tekst."),
            session=s,
            today=DAY,
            draft_id=draft.id,
        )
    assert again.number == draft.number and again.document.id == draft.id
    with db.session(readonly=True) as s:
        journal = documents.list_documents(number, session=s)
        case = cases.get_case(number, session=s)
        content = documents.document_content(draft.id, session=s)
    assert [d.number for d in journal] == [draft.number]
    assert journal[0].kind == "krav_om_informasjon" and journal[0].sha256 != draft.sha256
    assert "Ny tekst." in docx_text(content)
    with db.session(readonly=True) as s:
        # The next new letter gets the next number: none was used by the second save.
        fresh = preview_letter(
            number, LetterRequest("krav_om_drofting", dated=DAY), session=s, today=DAY
        )
    assert fresh.number == f"{number}-2"
    with db.session() as s:
        mark_letter_sent(draft.id, sent_on=DAY, session=s)
    with pytest.raises(StateError, match="er sendt og kan ikke endres"), db.session() as s:
        create_letter(
            number,
            LetterRequest("krav_om_drofting", dated=DAY),
            session=s,
            today=DAY,
            draft_id=draft.id,
        )
    with db.session(readonly=True) as s:
        assert cases.get_case(number, session=s).version >= case.version
        assert [d.number for d in documents.list_documents(number, session=s)] == [draft.number]


# --------------------------------------------------------------------------- the catalogue


def test_the_new_catalogue_fields_are_checked_with_line_numbers() -> None:
    text = """version = "2026-12-06"

[[agreement]]
code = "staten"
name = "Hovedavtalen i staten"
version = "2023–2025"
confederations = ["ys", "fo"]
sectors = ["stat", "helsevesen"]
prolonged_by = "ha-staten:99"

[[provision]]
key = "ha-staten:20"
source = "ha-staten"
source_name = "Hovedavtalen i staten"
paragraph = "§ 20"
title = "Frister"
summary = "Oppsummering."
verified = true
case_types = ["*"]
agreement = "staten"
deadline_days = 14
mandatory_from = 0
"""
    problems = {(p.line, p.field) for p in check_text(text)}
    assert (7, "confederations") in problems
    assert (8, "sectors") in problems
    assert (9, "prolonged") in problems  # prolonged_by without prolonged
    assert (9, "prolonged_by") in problems  # and a key that is not in the file
    assert (11, "deadline_days") in problems  # the three deadline fields go together
    assert (22, "mandatory_from") in problems


# --------------------------------------------------------------------------- the command line


def test_the_command_line_sets_the_permit_the_side_and_updates_a_draft(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "d")
    bundle = tmp_path / "saker.json"
    bundle.write_text(
        json.dumps(
            [
                {
                    "employer": {
                        "name": "Departementet",
                        "agreement": "lo-nho",
                        "sector": "stat",
                        "employees": 90,
                    },
                    "case": {
                        "type": "office_layout",
                        "title": "Nytt landskap",
                        "notice_on": "2026-02-20",
                    },
                    "events": [],
                }
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "--data-dir", data, "import", str(bundle))
    assert code == 0 and "Advarsel: Departementet: Hovedavtalen LO–NHO passer ikke" in err
    code, out, err = run_cli(capsys, "--data-dir", data, "employers")
    assert "Advarsel: Departementet" in err
    code, out, _ = run_cli(
        capsys,
        "--data-dir",
        data,
        "profile",
        "--name",
        "Kari",
        "--place",
        "Oslo",
        "--union",
        "Delta",
        "--confederation",
        "ys",
    )
    assert code == 0 and "Hovedorg.: YS" in out
    code, out, _ = run_cli(capsys, "--data-dir", data, "building-permit", "2026/1", "ja")
    assert code == 0 and "§ 18-9" in out
    code, out, _ = run_cli(capsys, "--data-dir", data, "show", "2026/1")
    assert "Søknadspliktig:     ja" in out
    letter = tmp_path / "krav.docx"
    args = [
        "--data-dir",
        data,
        "letter",
        "2026/1",
        "--kind",
        "krav_om_drofting",
        "--date",
        "2026-03-02",
        "--out",
        str(letter),
    ]
    code, out, err = run_cli(capsys, *args)
    assert code == 0 and "2026/1-1" in out
    assert "Kontroller: Virksomheten er registrert med Hovedavtalen LO–NHO" in err
    assert "gjaldt til 31. desember 2025" in err
    assert "YS–NHO" in docx_text(letter.read_bytes())
    code, out, err = run_cli(capsys, *args, "--text", "Tillegg.", "--draft", "2026/1-1", "--force")
    assert code == 0 and "Oppdaterte utkastet" in out and "2026/1-1" in out
    assert "Tillegg." in docx_text(letter.read_bytes())
    code, out, _ = run_cli(capsys, "--data-dir", data, "letters", "list", "2026/1")
    assert out.count("2026/1-") == 1
    code, _, err = run_cli(capsys, "--data-dir", data, "building-permit", "2026/1", "kanskje")
    assert code != 0


def test_provisions_chosen_from_the_registered_agreement_follow_the_senders_side(
    db: Database,
) -> None:
    employer = make_employer(
        db, name="Fabrikken AS", orgnr=None, employees=90, agreement="lo-nho", sector="privat"
    )
    number = make_case(db, employer, DAY)
    profile(db, union_name="Delta", confederation="ys")
    chosen = ("aml:8-2", "ha-lo-nho:kap-IX")  # as the dialog offers them (the case's own)
    letter = write(db, number, provisions=chosen)
    assert [p.key for p in letter.context.cited] == ["aml:8-2", "ha-ys-nho:kap-IX"]
    assert "Hovedavtalen YS–NHO kapittel IX" in text_of(db, letter)


def test_sending_from_the_command_line_names_the_agreements_deadline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "d")
    bundle = tmp_path / "saker.json"
    bundle.write_text(
        json.dumps(
            [
                {
                    "employer": {"name": "Etaten", "agreement": "staten", "sector": "stat"},
                    "case": {
                        "type": "office_layout",
                        "title": "Landskap",
                        "notice_on": "2026-02-20",
                    },
                    "events": [],
                }
            ]
        ),
        encoding="utf-8",
    )
    assert run_cli(capsys, "--data-dir", data, "import", str(bundle))[0] == 0
    run_cli(capsys, "--data-dir", data, "profile", "--name", "Kari", "--place", "Oslo")
    code, out, err = run_cli(
        capsys, "--data-dir", data, "letter", "2026/1", "--kind", "krav_om_drofting",
        "--date", "2026-03-02", "--out", str(tmp_path / "k.docx"), "--sent",
    )  # fmt: skip
    assert code == 0, err
    assert "Frist 16. mars 2026: Drøftingen eller forhandlingene skal være påbegynt" in out
    assert "gjaldt til" not in err  # the state's agreement runs on (§ 52)
