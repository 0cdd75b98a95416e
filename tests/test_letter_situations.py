"""Letters against the facts on their date: a table of situations × kinds with the sentences
each letter must and must not contain, the kinds refused or warned about (the same rule in
the service, the command line and the dialog), the reply deadline on 24 and 31 December, the
document's properties, and a Norwegian spell check of every letter the app writes.

Every case here is dated against ``LETTER_DAY``; the situations differ in one fact each."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tillitsvalgt.db import Database
from tillitsvalgt.letters.context import subject_topic
from tillitsvalgt.letters.kinds import KINDS
from tillitsvalgt.letters.phrases import Phrases
from tillitsvalgt.letters.render import docx_text
from tillitsvalgt.letters.sanity import LetterCheck, LetterRefusedError
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.services import documents, events, transfer
from tillitsvalgt.services.cases import resolve_case
from tillitsvalgt.services.letters import (
    Letter,
    LetterRequest,
    LetterSetup,
    create_letter,
    letter_checks,
    letter_facts,
    preview_letter,
)
from tillitsvalgt.services.representatives import create_representative
from tillitsvalgt.shapes import EventCreate, RepresentativeCreate

from conftest import SCENARIOS, TODAY, make_case, make_employer, run_cli

LETTER_DAY = date(2026, 12, 1)
PROFILE = {
    "name": "Kari Nordmann",
    "role": "hovedtillitsvalgt",
    "union_name": "Delta",
    "branch": "Delta-avdelingen ved arbeidsstedet",
    "email": "kari.nordmann@eksempel.no",
    "phone": "900 00 000",
    "place": "Oslo",
}
D = date.fromisoformat


@dataclass(frozen=True)
class Setting:
    employer: dict[str, Any]
    case: dict[str, Any]
    meetings: tuple[tuple[str, str], ...] = ()


PRIVATE = {"agreement": "ys-nho", "employees": 120, "sector": "privat", "orgnr": None}
UNDECIDED = {"notice_on": D("2026-11-02"), "decision_on": D("2027-01-15")}
PLANNED = {"planned_implementation_on": D("2027-03-01")}

SETTINGS: dict[str, Setting] = {
    "before_decision": Setting(PRIVATE, {**UNDECIDED, **PLANNED}),
    "after_decision": Setting(
        PRIVATE, {"notice_on": D("2026-11-02"), "decision_on": D("2026-11-20"), **PLANNED}
    ),
    "after_implementation": Setting(
        PRIVATE,
        {
            "notice_on": D("2026-08-03"),
            "decision_on": D("2026-09-01"),
            "planned_implementation_on": D("2026-10-01"),
            "implemented_on": D("2026-10-01"),
        },
    ),
    "plan_passed": Setting(
        PRIVATE,
        {
            "notice_on": D("2026-08-03"),
            "decision_on": D("2026-09-01"),
            "planned_implementation_on": D("2026-10-01"),
        },
    ),
    "met_before_decision": Setting(
        PRIVATE,
        {"notice_on": D("2026-10-01"), "decision_on": D("2026-11-01"), **PLANNED},
        (("consultation_meeting", "2026-10-15"),),
    ),
    "met_after_decision": Setting(
        PRIVATE,
        {"notice_on": D("2026-10-01"), "decision_on": D("2026-11-01"), **PLANNED},
        (("consultation_meeting", "2026-11-10"),),
    ),
    "met_yesterday_after_decision": Setting(
        PRIVATE,
        {"notice_on": D("2026-10-01"), "decision_on": D("2026-11-01"), **PLANNED},
        (("consultation_meeting", "2026-11-30"),),
    ),
    "informed_only": Setting(
        PRIVATE,
        {"notice_on": D("2026-10-01"), "decision_on": D("2026-11-01"), **PLANNED},
        (("information_meeting", "2026-10-20"),),
    ),
    "sporadic": Setting(
        PRIVATE,
        {
            "case_type": "home_office_policy",
            "home_office_days_per_week": 0.5,
            "written_agreements": False,
            **UNDECIDED,
        },
    ),
    "authorities": Setting(
        PRIVATE,
        {
            "case_type": "home_office_policy",
            "home_office_days_per_week": 3,
            "ordered_by_authorities": True,
            "written_agreements": False,
            **UNDECIDED,
        },
    ),
    "regular_home": Setting(
        PRIVATE,
        {
            "case_type": "home_office_policy",
            "home_office_days_per_week": 2,
            "written_agreements": False,
            "members_affected": 7,
            **UNDECIDED,
        },
    ),
    "availability": Setting(
        PRIVATE,
        {"case_type": "availability", "title": "Krav om tilgjengelighet på kveldstid", **UNDECIDED},
    ),
    "employees_8": Setting({**PRIVATE, "employees": 8, "agreement": "virke-ys"}, UNDECIDED),
    "employees_20": Setting({**PRIVATE, "employees": 20, "agreement": "virke-ys"}, UNDECIDED),
    "employees_40": Setting({**PRIVATE, "employees": 40}, UNDECIDED),
    "employees_120": Setting(PRIVATE, {**UNDECIDED, "members_affected": 28}),
    "state_space": Setting(
        {"agreement": "staten", "employees": 420, "sector": "stat", "orgnr": None},
        {"case_type": "space_allocation", **UNDECIDED, **PLANNED},
        (("consultation_meeting", "2026-11-16"),),
    ),
    "state_negotiated": Setting(
        {"agreement": "staten", "employees": 420, "sector": "stat", "orgnr": None},
        {"case_type": "space_allocation", **UNDECIDED, **PLANNED},
        (("negotiation_meeting", "2026-11-16"),),
    ),
    "state_office": Setting(
        {"agreement": "staten", "employees": 420, "sector": "stat", "orgnr": None},
        {**UNDECIDED, **PLANNED},
    ),
    "ks": Setting(
        {"agreement": "ks", "employees": 70, "sector": "kommune", "orgnr": None},
        {**UNDECIDED, "location": "Rådhuset, 4. etasje"},
    ),
    "spekter": Setting(
        {"agreement": "spekter", "employees": 240, "sector": "stat", "orgnr": None}, UNDECIDED
    ),
    "finance": Setting(
        {"agreement": "finans-finansforbundet", "employees": 180, "sector": "privat"},
        {**UNDECIDED, "title": "Åpent landskap i hele 2. etasje"},
    ),
}

# Never in any letter to the employer (the language table of the review, and the tense).
NEVER = (
    "senest innen",
    "dvs. minst",
    "– Krav om",
    "planlagt iverksatt",
    "er planlagt",
    "Vi kan ikke se å ha mottatt",
    "frata de tillitsvalgte",
    "informasjonsmøte i saken",
    "hjemmekontorforskriften § 1,",
    "arbeidsgivers varsel",
    "om endringen «",
)


# Paragraph numbers the catalogue has not verified: no letter may state them.
UNVERIFIED = tuple(
    f"{p.source_name} {p.paragraph}"
    for p in load_catalogue().provisions
    if not p.verified and p.paragraph and p.paragraph != p.chapter
)


@dataclass(frozen=True)
class Row:
    setting: str
    kind: str
    must: tuple[str, ...] = ()
    must_not: tuple[str, ...] = ()
    refused: str | None = None  # a word of the reason
    warned: str | None = None  # a word of the warning
    extra: str | None = None  # the representative's own text
    dated: date = LETTER_DAY
    instead: str | None = None


ROWS: tuple[Row, ...] = (
    # --- the letter's date against the case's dates
    Row(
        "before_decision",
        "krav_om_drofting",
        must=(
            "Vi har ikke fått invitasjon til drøfting av endringen, og beslutningen er etter det "
            "vi forstår ikke tatt ennå.",
            "Etter det vi forstår, skal beslutningen tas 15. januar 2027.",
            "Endringen skal etter planen iverksettes 1. mars 2027.",
            "at det ikke tas beslutning og ikke settes i gang tiltak før drøftingen er gjennomført",
            "Vi viser til varselet fra ledelsen 2. november 2026 om ny kontorløsning.",
        ),
        must_not=("ble iverksatt", "skulle etter planen", "forbehold", "Beslutningen ble tatt"),
    ),
    Row(
        "after_decision",
        "krav_om_drofting",
        must=(
            "Etter det vi forstår, ble beslutningen tatt 20. november 2026.",
            "Beslutningen ble tatt 20. november 2026 uten at saken først var drøftet med de "
            "tillitsvalgte. Regelverket krever at den drøftes før beslutningen tas.",
            "at beslutningen ikke settes i verk før drøftingen er gjennomført",
        ),
        must_not=("ikke tas beslutning", "skal beslutningen tas", "ble iverksatt"),
    ),
    Row(
        "after_implementation",
        "krav_om_drofting",
        must=(
            "Endringen ble iverksatt 1. oktober 2026.",
            "at drøftingen også omfatter justering av endringen, eller at den reverseres",
            "Vi tar forbehold om å ta saken videre.",
        ),
        must_not=("ikke settes i verk", "ikke tas beslutning", "skal etter planen"),
    ),
    Row(
        "after_implementation",
        "krav_om_utsatt_iverksetting",
        refused="for sent",
        instead="krav_om_drofting",
    ),
    Row(
        "after_implementation",
        "krav_om_informasjon",
        must=("når endringen ble eller skal bli iverksatt",),
        must_not=("Vi ber også om at beslutning",),
    ),
    Row(
        "plan_passed",
        "krav_om_drofting",
        must=(
            "Endringen skulle etter planen iverksettes 1. oktober 2026.",
            "at endringen ikke settes i verk, eller ikke føres videre, før drøftingen er "
            "gjennomført",
        ),
        must_not=("skal etter planen", "ble iverksatt"),
    ),
    Row("plan_passed", "krav_om_utsatt_iverksetting", warned="skulle etter planen"),
    Row(
        "before_decision",
        "krav_om_utsatt_iverksetting",
        warned="ikke blant brevene vurderingen foreslår",
    ),
    # --- meetings on the timeline
    Row("met_before_decision", "krav_om_drofting", refused="må si hvorfor"),
    Row(
        "met_before_decision",
        "krav_om_drofting",
        extra="Arbeidsgiver har siden møtet endret planene for 3. etasje.",
        must=(
            "Saken ble drøftet med de tillitsvalgte 15. oktober 2026, før beslutningen ble tatt.",
            "Vi ber likevel om et nytt drøftingsmøte, av grunnene nedenfor.",
        ),
        warned="ikke blant brevene",
    ),
    Row(
        "met_after_decision",
        "krav_om_drofting",
        must=(
            "Saken ble drøftet 10. november 2026, etter at beslutningen var tatt 1. november 2026.",
            "er ikke drøfting i tide",
            "Vi krever derfor et nytt drøftingsmøte",
        ),
        must_not=("Vi har ikke fått invitasjon",),
    ),
    Row(
        "met_after_decision",
        "protokolltilforsel",
        must=(
            "Til protokollen fra drøftingsmøtet 10. november 2026 om ny kontorløsning",
            "ble holdt etter at arbeidsgiver hadde tatt beslutningen 1. november 2026",
            "før den signeres",
        ),
        must_not=("informasjonsmøte", "Verneombudet"),
        warned="21 dager før brevets dato",
    ),
    Row(
        "met_yesterday_after_decision",
        "protokolltilforsel",
        must=("Til protokollen fra drøftingsmøtet 30. november 2026",),
    ),
    Row("before_decision", "protokolltilforsel", refused="ikke registrert noe møte"),
    Row(
        "before_decision",
        "krav_om_drofting",
        dated=date(2026, 10, 30),
        warned="datert før varselet fra ledelsen (2. november 2026)",
        must=("Vi viser til planene om ny kontorløsning.",),
        must_not=("varselet fra ledelsen 2. november",),
    ),
    Row(
        "informed_only",
        "krav_om_drofting",
        must=(
            "Vi fikk informasjon om endringen i møte 20. oktober 2026, men informasjon er ikke "
            "drøfting.",
        ),
    ),
    Row(
        "informed_only",
        "protokolltilforsel",
        must=("Til protokollen fra informasjonsmøtet 20. oktober 2026",),
        warned="dager før brevets dato",
    ),
    # --- home office
    Row("sporadic", "krav_om_hjemmekontoravtale", refused="sporadisk", instead="krav_om_drofting"),
    Row(
        "authorities",
        "krav_om_hjemmekontoravtale",
        refused="skriftlig informasjon",
        instead="krav_om_drofting",
    ),
    Row(
        "regular_home",
        "krav_om_hjemmekontoravtale",
        must=(
            "hjemmekontorforskriften § 2.",
            "i snitt to hjemmekontordager i uka",
            "Endringen berører om lag sju av våre medlemmer.",
            "Vi viser til varselet fra ledelsen 2. november 2026 om ny ordning for hjemmekontor.",
        ),
        must_not=(
            "hjemmekontorforskriften § 1",
            "hjemmekontorforskriften § 3",
            "hjemmekontorforskriften §§",
            "Ordningen skal også",
        ),
    ),
    Row(
        "availability",
        "krav_om_drofting",
        must=(
            "Krav om drøftingsmøte – tilgjengelighet på kveldstid",
            "Arbeid mellom kl. 21 og 23 kan bare skje etter skriftlig avtale",
            "§ 10-11 tredje ledd",
            "minst 11 timer sammenhengende arbeidsfri",
            "forslaget til ordning for tilgjengelighet",
        ),
        must_not=("utkast til ordning og avtale",),
    ),
    # --- the employer's size
    Row(
        "employees_8",
        "krav_om_drofting",
        must=("Hovedavtalen Virke–YS (reglene om informasjon og drøfting)",),
        must_not=("§ 8-2", "minst 50", "Arbeidsmiljøutvalget", "ta sikte på enighet"),
    ),
    Row("employees_20", "krav_om_drofting", must_not=("§ 8-2", "minst 50")),
    Row("employees_40", "krav_om_drofting", must_not=("§ 8-2", "minst 50", "§ 8-1")),
    Row(
        "employees_120",
        "krav_om_drofting",
        must=(
            "i en virksomhet som jevnlig sysselsetter minst 50 arbeidstakere",
            "arbeidsmiljøloven § 8-1 og § 8-2 første ledd bokstav c",
            # 120 employees: both bodies are certain, so neither «der det er …».
            "Verneombudet og arbeidsmiljøutvalget skal være med når endringen planlegges, jf. "
            "arbeidsmiljøloven § 6-2 og § 7-2.",
            "Endringen berører om lag 28 av våre medlemmer.",
        ),
        must_not=("(virksomheten har",),
    ),
    # --- the sector and the agreement
    Row(
        "state_space",
        "krav_om_forhandling",
        must=(
            "Hovedavtalen i staten § 19 nr. 2 bokstav e",
            "at det skrives protokoll fra forhandlingene som begge parter signerer",
            "at det innkalles til forhandlingsmøte",
            "Saken ble drøftet 16. november 2026, men den er ikke forhandlet",
        ),
        must_not=("referat", "merknaden", "§§ 20–22", "§ 21", "§ 22", "drøftingsmøte innen"),
    ),
    Row(
        "state_space",
        "protokoll",
        must=("Referat fra drøftingsmøte", "Referatet er godkjent av begge parter."),
        must_not=("Protokollen er lest", "For arbeidsgiver"),
    ),
    Row(
        "state_negotiated",
        "protokoll",
        must=(
            "Protokoll fra forhandlingsmøte",
            "Hovedavtalen i staten § 19 nr. 2 bokstav e",
            "Protokollen er lest og godkjent av begge parter.",
        ),
        must_not=("Referat", "merknaden"),
    ),
    Row(
        "state_office",
        "krav_om_drofting",
        must=(
            "merknaden til § 19 nr. 2 bokstav e i Hovedavtalen i staten",
            "jf. §§ 20–22",
            "at det skrives referat fra møtet som viser begge parters syn, jf. Hovedavtalen i "
            "staten § 21",
        ),
        must_not=("forhandl", "§ 19 nr. 2 bokstav e med", "protokoll fra møtet"),
    ),
    Row(
        "state_office",
        "krav_om_forhandling",
        refused="rett til forhandling",
        instead="krav_om_drofting",
    ),
    Row(
        "state_office",
        "protokoll",
        must=("Referat fra drøftingsmøte", "merknaden til § 19 nr. 2 bokstav e"),
        must_not=("forhandlingsmøte", "Protokoll fra"),
    ),
    Row(
        "finance",
        "protokoll",
        must=("Protokoll fra drøftingsmøte", "Protokollen er lest og godkjent av begge parter."),
        must_not=("Referat",),
    ),
    Row(
        "ks",
        "krav_om_drofting",
        must=("Hovedavtalen KS del B", "om ny kontorløsning (Rådhuset, 4. etasje)."),
    ),
    # The sender is in Delta (YS); only Spekter–LO Stat's text was read: by subject, no numbers.
    Row(
        "spekter",
        "krav_om_drofting",
        must=("Hovedavtalen Spekter (",),
        must_not=("§ 30", "Spekter–LO Stat"),
    ),
    Row(
        "finance",
        "krav_om_drofting",
        must=(
            "Krav om drøftingsmøte – åpent landskap i hele 2. etasje",
            "Hovedavtalen Finans Norge–Finansforbundet kapittel 9",
        ),
        must_not=("kapittel 14", "nedbemanning"),
    ),
    Row(
        "finance",
        "krav_om_forhandling",
        refused="rett til forhandling",
        instead="krav_om_drofting",
    ),
)


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, str]]]:
    db = Database.open(data_dir=tmp_path_factory.mktemp("situations"))
    with db.session() as s:
        create_representative(RepresentativeCreate(**PROFILE), session=s)
    numbers: dict[str, str] = {}
    for name, setting in SETTINGS.items():
        employer = make_employer(db, name=f"Arbeidsgiver {name}", **setting.employer)
        case = {"title": "Faste plasser fjernes i 3. etasje", **setting.case}
        numbers[name] = make_case(db, employer, today=TODAY, **case)
        with db.session() as s:
            for kind, on in setting.meetings:
                events.add_event(
                    numbers[name], EventCreate(kind=kind, occurred_on=D(on)), session=s
                )
    yield db, numbers
    db.dispose()


def _checks(db: Database, number: str, request: LetterRequest) -> list[LetterCheck]:
    with db.session(readonly=True) as s:
        facts = letter_facts(number, session=s, today=request.dated, setup=LetterSetup())
        return letter_checks(facts, request)


def _letter(db: Database, number: str, request: LetterRequest) -> Letter:
    with db.session(readonly=True) as s:
        return preview_letter(number, request, session=s, today=request.dated)


def _id(row: Row) -> str:
    extra = ("-med-tekst" if row.extra else "") + (
        f"-{row.dated}" if row.dated != LETTER_DAY else ""
    )
    return f"{row.setting}-{row.kind}{extra}"


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_the_letter_follows_the_facts_on_its_date(
    matrix: tuple[Database, dict[str, str]], row: Row
) -> None:
    db, numbers = matrix
    number = numbers[row.setting]
    request = LetterRequest(row.kind, dated=row.dated, extra_text=row.extra)
    checks = _checks(db, number, request)
    refused = [c for c in checks if c.refused]
    if row.refused:
        assert refused and row.refused in refused[0].message, checks
        assert refused[0].instead == row.instead
        with db.session() as s, pytest.raises(LetterRefusedError, match=row.refused):
            create_letter(number, request, session=s, today=row.dated)
        with db.session(readonly=True) as s:
            assert documents.list_documents(resolve_case(number, session=s).id, session=s) == []
        return
    assert not refused, refused
    if row.warned:
        assert any(row.warned in c.message for c in checks), checks
    text = docx_text(_letter(db, number, request).content)
    flat = " ".join(text.split())
    for sentence in row.must:
        assert sentence in flat, (sentence, flat)
    for words in row.must_not:
        assert words not in flat, (words, flat)
    if KINDS[row.kind].to_employer:
        for words in NEVER:
            assert words not in flat, (words, flat)
    for paragraph in UNVERIFIED:
        assert paragraph not in flat, (paragraph, flat)


UNVERIFIED_NN = tuple(Phrases("nn").name(text) for text in UNVERIFIED)
_DATES = re.compile(r"\d{1,2}\. [a-z]+ \d{4}")
_PARAGRAPHS = re.compile(r"§§? \d[^\s,.;)]*(?: nr\. \d)?(?: bokstav [a-z])?|kapittel [\dIVX]+")


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_the_nynorsk_letter_says_the_same_facts_and_law(
    matrix: tuple[Database, dict[str, str]], row: Row
) -> None:
    """Every row of the table in nynorsk: refused for the same reason, and otherwise the
    same dates and the same paragraphs as the bokmål letter, never an unverified number."""
    db, numbers = matrix
    number = numbers[row.setting]
    request = LetterRequest(row.kind, dated=row.dated, extra_text=row.extra, form="nn")
    if row.refused:
        with db.session(readonly=True) as s, pytest.raises(LetterRefusedError, match=row.refused):
            preview_letter(number, request, session=s, today=row.dated)
        return
    letter = _letter(db, number, request)
    assert letter.form == "nn"
    nn = " ".join(docx_text(letter.content).split())
    nb = " ".join(docx_text(_letter(db, number, replace(request, form="nb")).content).split())
    assert nn != nb
    assert _DATES.findall(nb) and _PARAGRAPHS.findall(nb), nb  # the comparison has content
    assert sorted(_DATES.findall(nn)) == sorted(_DATES.findall(nb)), (nn, nb)
    assert sorted(_PARAGRAPHS.findall(nn)) == sorted(_PARAGRAPHS.findall(nb)), (nn, nb)
    for paragraph in UNVERIFIED_NN:
        assert paragraph not in nn, (paragraph, nn)
    for words in ("seinast innan", "– Krav om", "planlagd iverksett", "Hovedavtalen"):
        assert words not in nn, (words, nn)
    if row.extra:
        assert row.extra in nn  # the representative's own text, as typed


def _kinds_for(db: Database, number: str, dated: date) -> dict[str, str]:
    """Each kind: «refused», «warned» or «ok» on ``dated``."""
    out = {}
    for kind in KINDS:
        checks = _checks(db, number, LetterRequest(kind, dated=dated))
        out[kind] = "refused" if any(c.refused for c in checks) else "warned" if checks else "ok"
    return out


def test_the_kinds_refused_and_warned_in_each_situation(
    matrix: tuple[Database, dict[str, str]],
) -> None:
    db, numbers = matrix
    before = _kinds_for(db, numbers["before_decision"], LETTER_DAY)
    assert before["krav_om_drofting"] == "ok"  # the one the assessment suggests
    assert before["krav_om_utsatt_iverksetting"] == "warned"  # nothing decided yet
    assert before["krav_om_forhandling"] == "refused"  # no right to negotiate
    assert before["protokolltilforsel"] == "refused"  # no meeting
    assert before["saksoppsummering"] == before["protokoll"] == "ok"  # internal papers
    after = _kinds_for(db, numbers["after_implementation"], LETTER_DAY)
    assert after["krav_om_utsatt_iverksetting"] == "refused"
    assert after["krav_om_drofting"] == "ok"
    home = _kinds_for(db, numbers["regular_home"], LETTER_DAY)
    assert home["krav_om_hjemmekontoravtale"] == "ok"
    for name in ("sporadic", "authorities"):
        kinds = _kinds_for(db, numbers[name], LETTER_DAY)
        assert kinds["krav_om_hjemmekontoravtale"] == "refused", name
        assert kinds["krav_om_drofting"] == "ok", name


# --------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("dated", "closed", "offered", "days"),
    [
        (date(2026, 12, 10), "24. desember 2026", "28. desember 2026", 18),
        (date(2026, 12, 17), "31. desember 2026", "4. januar 2027", 18),
    ],
)
def test_a_deadline_on_christmas_or_new_years_eve_is_warned_with_the_next_working_day(
    matrix: tuple[Database, dict[str, str]], dated: date, closed: str, offered: str, days: int
) -> None:
    db, numbers = matrix
    request = LetterRequest("krav_om_drofting", dated=dated)
    checks = _checks(db, numbers["before_decision"], request)
    (warning,) = [c for c in checks if c.reply_days is not None]
    assert not warning.refused and closed in warning.message and offered in warning.message
    assert warning.reply_days == days
    # The letter is still written, with the deadline as asked (it is legal).
    text = docx_text(_letter(db, numbers["before_decision"], request).content)
    assert f"Vi ber om skriftlig svar innen {closed}." in text
    again = LetterRequest("krav_om_drofting", dated=dated, reply_days=days)
    assert not [c for c in _checks(db, numbers["before_decision"], again) if c.reply_days]


# --------------------------------------------------------------------------- the document


def test_the_document_is_norwegian_and_its_properties_are_real(
    matrix: tuple[Database, dict[str, str]],
) -> None:
    db, numbers = matrix
    letter = _letter(db, numbers["finance"], LetterRequest("krav_om_drofting", dated=LETTER_DAY))
    with zipfile.ZipFile(io.BytesIO(letter.content)) as z:
        core = z.read("docProps/core.xml").decode()
        styles = z.read("word/styles.xml").decode()
    assert "python-docx" not in core and "2013" not in core
    assert "<dc:creator>Kari Nordmann</dc:creator>" in core
    assert f"<dc:title>{letter.context.subject}</dc:title>" in core
    created = re.search(r"<dcterms:created[^>]*>([^<]+)<", core)
    assert created is not None
    when = datetime.fromisoformat(created.group(1).replace("Z", "+00:00"))
    assert abs(datetime.now(UTC) - when) < timedelta(minutes=10)
    langs = re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles)
    assert langs and set(langs) == {"nb-NO"}


def test_a_nynorsk_letter_is_nynorsk_to_word_and_libreoffice(
    matrix: tuple[Database, dict[str, str]],
) -> None:
    """Read back: the core property and every language tag say nn-NO, and python-docx
    (what Word and LibreOffice read) agrees; its bokmål twin says nb-NO."""
    from docx import Document

    db, numbers = matrix
    request = LetterRequest("krav_om_drofting", dated=LETTER_DAY, form="nn")
    for form, tag in (("nn", "nn-NO"), ("nb", "nb-NO")):
        letter = _letter(db, numbers["ks"], replace(request, form=form))
        with zipfile.ZipFile(io.BytesIO(letter.content)) as z:
            core = z.read("docProps/core.xml").decode()
            styles = z.read("word/styles.xml").decode()
        assert f"<dc:language>{tag}</dc:language>" in core
        assert set(re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles)) == {tag}
        assert Document(io.BytesIO(letter.content)).core_properties.language == tag
        assert letter.form == form


# --------------------------------------------------------------------------- the command line


def test_the_command_line_refuses_with_the_reason_and_warns(
    matrix: tuple[Database, dict[str, str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = tmp_path / "d"
    scenarios = json.loads(SCENARIOS.read_text("utf-8"))
    db = Database.open(data_dir=data)
    with db.session() as s:
        transfer.import_bundle(scenarios, session=s, today=TODAY)
        create_representative(RepresentativeCreate(**PROFILE), session=s)
    db.dispose()
    out = tmp_path / "brev.docx"
    # 2026/10 (Spekter) was implemented 1 October 2026.
    code, _, stderr = run_cli(
        capsys,
        "--data-dir",
        str(data),
        "letter",
        "2026/10",
        "--kind",
        "krav_om_utsatt_iverksetting",
        "--date",
        "2026-11-02",
        "--out",
        str(out),
    )
    assert code == 1 and not out.exists()
    assert "Brevet lages ikke" in stderr and "iverksatt 1. oktober 2026" in stderr
    assert "Krav om drøfting" in stderr  # what to send instead
    code, _, stderr = run_cli(
        capsys,
        "--data-dir",
        str(data),
        "letter",
        "2026/6",
        "--kind",
        "krav_om_drofting",
        "--date",
        "2026-12-17",
        "--out",
        str(out),
    )
    assert code == 0 and out.is_file(), stderr
    assert "nyttårsaften" in stderr and "--reply-days 18" in stderr


# --------------------------------------------------------------------------- spelling

WORDLISTS = {
    "nb": Path(__file__).parent / "data" / "ordliste-nb.txt",
    "nn": Path(__file__).parent / "data" / "ordliste-nn.txt",
}
DICTIONARIES = {"nb": "nb_NO", "nn": "nn_NO"}


def _hunspell() -> str:
    found = shutil.which("hunspell")
    assert found, "hunspell and hunspell-no must be installed (scripts/test installs them)"
    return found


@dataclass
class Spelling:
    letters: int = 0
    words: int = 0
    unknown: Counter[str] = field(default_factory=Counter)


def _data_strings(db: Database, number: str) -> list[str]:
    """The text a letter takes from the register (names, titles, places): not the app's
    words, so not spell-checked."""
    with db.session(readonly=True) as s:
        facts = letter_facts(number, session=s, today=LETTER_DAY, setup=LetterSetup())
    case, employer = facts.case, facts.employer
    # The case's title, also as the subject line writes it (no «Krav om», lower case).
    topic = subject_topic(case, employer, "Krav om drøftingsmøte")
    values = [employer.name, case.title, topic, case.location or "", *PROFILE.values()]
    values += [e.participants or "" for e in facts.events] + [e.notes or "" for e in facts.events]
    return sorted((v for v in values if v), key=len, reverse=True)


def _strip(text: str, data: list[str]) -> str:
    for value in data:
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text, flags=re.IGNORECASE)
    # e-mail addresses, references and single letters («bokstav c», «del B») are not words
    text = re.sub(r"\S+@\S+|\b\d{4}/\d+(-\d+)?\b|\bm²|\b\w\b", " ", text)
    return text


def _check(texts: list[str], form: str = "nb") -> Spelling:
    result = Spelling(letters=len(texts))
    joined = "\n".join(texts)
    result.words = len(re.findall(r"[^\W\d_]+", joined))
    done = subprocess.run(
        [_hunspell(), "-d", DICTIONARIES[form], "-i", "utf-8", "-p", str(WORDLISTS[form]), "-l"],
        input=joined,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    result.unknown.update(done.stdout.split())
    return result


EXTRA = {"nb": "Planene er endret.", "nn": "Planane er endra."}


def _all_letters(matrix: tuple[Database, dict[str, str]], tmp_path: Path, form: str) -> list[str]:
    """Every kind for every situation here and every scenario on its own day, in ``form``,
    with the register's own words taken out."""
    db, numbers = matrix
    texts: list[str] = []
    kinds = list(KINDS)  # the internal case summary too, in both forms
    for number in numbers.values():
        data = _data_strings(db, number)
        for kind in kinds:
            extra = EXTRA[form] if kind == "krav_om_drofting" else None
            request = LetterRequest(kind, dated=LETTER_DAY, extra_text=extra, form=form)
            if kind == "purring" or any(c.refused for c in _checks(db, number, request)):
                continue
            texts.append(_strip(docx_text(_letter(db, number, request).content), data))
    scenarios = json.loads(SCENARIOS.read_text("utf-8"))
    sdb = Database.open(data_dir=tmp_path / "s")
    with sdb.session() as s:
        transfer.import_bundle(scenarios, session=s, today=TODAY)
        create_representative(RepresentativeCreate(**PROFILE), session=s)
    for index, scenario in enumerate(scenarios, 1):
        number = f"2026/{index}"
        data = _data_strings(sdb, number)
        dated = D(scenario["today"])
        for kind in kinds:
            request = LetterRequest(kind, dated=dated, extra_text=EXTRA[form], form=form)
            if any(c.refused for c in _checks(sdb, number, request)):
                continue
            try:
                content = _letter(sdb, number, request).content
            except Exception:  # a reminder needs a sent demand (test_letters covers it)
                assert kind == "purring"
                continue
            texts.append(_strip(docx_text(content), data))
    sdb.dispose()
    return texts


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_every_letter_passes_a_norwegian_spell_check(
    matrix: tuple[Database, dict[str, str]], tmp_path: Path, form: str
) -> None:
    """Every kind for every situation here and every scenario on its own day, in bokmål
    and in nynorsk: hunspell with Debian's nb_NO or nn_NO dictionary and the project's word
    list of legal terms for that form; and no word that belongs only to the other form."""
    texts = _all_letters(matrix, tmp_path, form)
    result = _check(texts, form)
    print(
        f"stavekontroll {DICTIONARIES[form]}: {result.letters} brev, {result.words} ord, "
        f"{sum(result.unknown.values())} ukjente"
    )
    assert result.letters > 100 and result.words > 30_000
    # The case summaries are among them (with the assessment's reasons and the provisions'
    # summaries), one for every situation and scenario; in nynorsk as well as bokmål.
    summaries = [t for t in texts if t.lstrip().startswith(("Internt – ikke", "Internt – ikkje"))]
    assert len(summaries) >= len(matrix[1]), len(summaries)
    summary = _check(summaries, form)
    print(
        f"  herav saksoppsummeringer: {summary.letters} brev, {summary.words} ord, "
        f"{sum(summary.unknown.values())} ukjente"
    )
    assert not result.unknown, result.unknown.most_common(30)
    other = _tell_tales("nn" if form == "nb" else "nb")
    found = Counter(
        w for text in texts for w in re.findall(r"[^\W\d_]+", text.lower()) if w in other
    )
    assert not found, (form, found.most_common(20))


def test_the_spell_check_finds_a_misspelling() -> None:
    """The check is real: a misspelt word in a letter is reported."""
    result = _check(["Vi krevver drøftingsmøte etter arbeidsmiljøloven."])
    assert set(result.unknown) == {"krevver"}
    result = _check(["Vi krev drøftingsmøte etter arbeidsmiljølova, men ikke no."], "nn")
    assert set(result.unknown) == {"ikke"}


# Words that mark one written form, in pairs (bokmål, nynorsk) that really differ. A letter
# in one form that has a word of the other's column mixes the two.
TELL_TALES = (
    ("ikke", "ikkje"),
    ("hva", "kva"),
    ("hvordan", "korleis"),
    ("hvor", "kvar"),
    ("hvem", "kven"),
    ("hvis", "viss"),
    ("noe", "noko"),
    ("mer", "meir"),
    ("fra", "frå"),
    ("derfor", "difor"),
    ("innen", "innan"),
    ("senest", "seinast"),
    ("mulig", "mogleg"),
    ("tidlig", "tidleg"),
    ("skriftlig", "skriftleg"),
    ("ble", "vart"),
    ("krever", "krevje"),  # not «krev»: bokmål's imperative too
    ("de", "dei"),
    ("tillitsvalgte", "tillitsvalde"),
    ("arbeidsgiver", "arbeidsgjevar"),
    ("verneombudet", "verneombodet"),
    ("arbeidsmiljøutvalget", "arbeidsmiljøutvalet"),
    ("arbeidsmiljøloven", "arbeidsmiljølova"),
    ("hovedavtalen", "hovudavtalen"),
    ("hjemmekontor", "heimekontor"),
    ("beslutningen", "avgjerda"),
    ("endringen", "endringa"),
    ("saken", "saka"),
    ("virksomhet", "verksemd"),
    ("følgende", "følgjande"),
    ("vennlig", "venleg"),
    ("hilsen", "helsing"),
    ("ansatte", "tilsette"),
    ("enige", "samde"),
)


def _tell_tales(form: str) -> frozenset[str]:
    return frozenset(pair[0 if form == "nb" else 1] for pair in TELL_TALES)


def test_the_tell_tale_check_finds_a_word_of_the_other_form() -> None:
    text = "Vi krev at arbeidsgjevar ikke set i verk endringa."
    words = re.findall(r"[^\W\d_]+", text.lower())
    assert [w for w in words if w in _tell_tales("nb")] == ["ikke"]
    assert [w for w in words if w in _tell_tales("nn")] == ["arbeidsgjevar", "endringa"]


# --------------------------------------------------------------------------- pages


def _pages(pdf: Path) -> list[str]:
    assert shutil.which("pdftotext"), "poppler-utils must be installed (scripts/test does it)"
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return [" ".join(page.split()) for page in done.stdout.split("\f") if page.strip()]


def test_a_one_page_letter_stays_on_one_page_and_the_closing_never_stands_alone(
    matrix: tuple[Database, dict[str, str]], tmp_path: Path
) -> None:
    """Rendered by LibreOffice: the model letter's case fits on one page; a letter that
    needs two takes its last sentence over with the closing and the signature."""
    from tillitsvalgt.letters.pdf import convert_to_pdf, find_office

    assert find_office(), "LibreOffice must be installed (scripts/test installs it)"
    db, numbers = matrix
    letters = {
        "kort": (numbers["employees_120"], "krav_om_drofting", "nb"),
        "lang": (numbers["regular_home"], "krav_om_hjemmekontoravtale", "nb"),
        "iverksatt": (numbers["after_implementation"], "krav_om_drofting", "nb"),
        "kort-nynorsk": (numbers["employees_120"], "krav_om_drofting", "nn"),
        "lang-nynorsk": (numbers["regular_home"], "krav_om_hjemmekontoravtale", "nn"),
    }
    files = []
    for name, (number, kind, form) in letters.items():
        path = tmp_path / f"{name}.docx"
        request = LetterRequest(kind, dated=LETTER_DAY, form=form)
        path.write_bytes(_letter(db, number, request).content)
        files.append(path)
    pdfs = {p.stem: _pages(p) for p in convert_to_pdf(files, tmp_path / "pdf")}
    assert len(pdfs["kort"]) == 1 and len(pdfs["iverksatt"]) == 1, pdfs
    assert "side 1 av 1" in pdfs["kort"][0]
    # The nynorsk letter, rendered: one page too, in nynorsk to its signature.
    short_nn = pdfs["kort-nynorsk"]
    assert len(short_nn) == 1 and "side 1 av 1" in short_nn[0], short_nn
    assert "Vi krev difor:" in short_nn[0] and "Med venleg helsing Kari Nordmann" in short_nn[0]
    long_nn = pdfs["lang-nynorsk"]
    assert len(long_nn) <= 2 and "Med venleg helsing" in long_nn[-1], long_nn
    assert not long_nn[-1].startswith("Med venleg helsing"), long_nn  # never alone
    long = pdfs["lang"]
    assert len(long) == 2, long
    assert "Med vennlig hilsen" in long[1] and "Kari Nordmann" in long[1]
    assert long[1].startswith("Vi ber om skriftlig svar innen"), long[1]


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Krav om tilgjengelighet på kveldstid", "tilgjengelighet på kveldstid"),
        ("Åpent landskap i hele 2. etasje", "åpent landskap i hele 2. etasje"),
        ("Oslo-kontoret flyttes", "Oslo-kontoret flyttes"),
        ("NAV-kontoret flyttes", "NAV-kontoret flyttes"),
        ("Nordkyst Sparebank samler kontorene", "Nordkyst Sparebank samler kontorene"),
        ("Storgata 5 bygges om", "Storgata 5 bygges om"),  # the case's place
        ("{{ 7*7 }} «sitat»", "{{ 7*7 }} «sitat»"),
    ],
)
def test_the_subject_has_no_krav_om_twice_and_lower_case_after_the_dash(
    title: str, topic: str
) -> None:
    from types import SimpleNamespace

    from tillitsvalgt.letters.context import subject_topic

    case = SimpleNamespace(title=title, location="Storgata 5, 3. etasje")
    employer = SimpleNamespace(name="Nordkyst Sparebank")
    assert subject_topic(case, employer, "Krav om drøftingsmøte") == topic  # type: ignore[arg-type]
