"""The context of a letter: every field of ``fields.FIELDS``, filled from a case.

Pure: the case, its employer, timeline, journal and assessment come in as plain read
shapes, the letter's date comes in as an argument, and a dictionary of strings and lists
comes out. The Norwegian prose that depends on the facts (what is known, what happened,
what we demand) is written here, so every template gets it right; the wording around it
belongs to the templates, which a union office may change."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tillitsvalgt.errors import StateError
from tillitsvalgt.letters.fields import LIST_FIELDS, Missing
from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, LetterKind, letter_kind
from tillitsvalgt.models import (
    CaseRead,
    DeadlineRead,
    DocumentRead,
    EmployerRead,
    EventRead,
    RepresentativeRead,
)
from tillitsvalgt.rules.assessment import DEMAND_LETTERS
from tillitsvalgt.rules.checklist import checklist_gaps
from tillitsvalgt.rules.deadlines import (
    explain_deadline,
    format_date,
    format_weekday_date,
    reply_deadline,
)
from tillitsvalgt.rules.types import AppliedProvision, Assessment, Catalogue, Provision
from tillitsvalgt.vocabulary import (
    CASE_TYPES,
    DATE_FIELDS,
    DEMANDS,
    DIRECTIONS,
    EVENT_KINDS,
    LETTER_KINDS,
    SECTORS,
    TIMINGS,
)

# XML 1.0 forbids these; Word refuses a file that has them. Tab, newline and carriage
# return are allowed (and newline becomes a line break in the letter).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text as it may go into a letter: characters XML forbids removed, line ends made
    ``\\n`` (docxtpl turns those into line breaks)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", value)


@dataclass(frozen=True)
class LetterOptions:
    kind: str
    dated: date
    number: str  # the journal number the letter gets, "2026/14-2"
    reply_days: int = DEFAULT_REPLY_DAYS
    their_ref: str | None = None
    extra_text: str | None = None
    copy_to: str | None = None
    provisions: tuple[str, ...] | None = None  # catalogue keys to cite; None: all that apply


@dataclass(frozen=True)
class LetterFacts:
    """Everything about the case a letter may draw on."""

    case: CaseRead
    employer: EmployerRead
    assessment: Assessment
    catalogue: Catalogue
    representative: RepresentativeRead | None = None
    union_name: str | None = None  # the setting; wins over the profile's union
    events: Sequence[EventRead] = ()
    documents: Sequence[DocumentRead] = ()
    deadlines: Sequence[DeadlineRead] = ()
    checklist: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LetterContext:
    kind: LetterKind
    values: dict[str, Any]
    reply_by: date | None  # the reply deadline the letter states
    cited: tuple[AppliedProvision, ...]  # the provisions the letter cites
    subject: str


# --------------------------------------------------------------------------- small words

_LEVEL_NOUN = {"informasjon": "informasjon", "drofting": "drøfting", "forhandling": "forhandling"}
_LEVEL_DONE = {"informasjon": "informert om", "drofting": "drøftet", "forhandling": "forhandlet"}
_MEETING = {
    "informasjon": "informasjonsmøte",
    "drofting": "drøftingsmøte",
    "forhandling": "forhandlingsmøte",
}
_MEETING_KINDS = {
    "informasjon": ("information_meeting", "consultation_meeting", "negotiation_meeting"),
    "drofting": ("consultation_meeting", "negotiation_meeting"),
    "forhandling": ("negotiation_meeting",),
}
_DEADLINE_STATUS = {
    "open": "åpen",
    "overdue": "oversittet",
    "met": "overholdt",
    "cancelled": "avlyst",
    "lapsed": "falt bort (saken avsluttet)",
}


def _text(value: str | None, name: str, hint: str) -> Any:
    cleaned = clean_text(value).strip() if value is not None else ""
    return cleaned or Missing(name, hint)


def _day(value: date | None, name: str, hint: str) -> Any:
    return Missing(name, hint) if value is None else format_date(value)


def _number(value: float | int | None, name: str, hint: str) -> Any:
    if value is None:
        return Missing(name, hint)
    return f"{value:g}".replace(".", ",")


def _join(words: Sequence[str]) -> str:
    words = list(words)
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def _orgnr(value: str | None) -> Any:
    if not value:
        return Missing("mottaker.orgnr", "virksomheten har ikke registrert organisasjonsnummer")
    return f"{value[:3]} {value[3:6]} {value[6:]}" if len(value) == 9 else value


def _first_on(events: Sequence[EventRead], kinds: Sequence[str]) -> date | None:
    days = [e.occurred_on for e in events if e.kind in kinds]
    return min(days) if days else None


# --------------------------------------------------------------------------- the parts


def _sender(facts: LetterFacts) -> dict[str, Any]:
    rep = facts.representative
    profile = "fyll det ut i profilen din (Innstillinger → Profil, eller «tillitsvalgt profile»)"
    get = (lambda name: getattr(rep, name)) if rep is not None else (lambda name: None)
    union = facts.union_name or get("union_name")
    branch = get("branch")
    contact = [clean_text(v.strip()) for v in (get("email"), get("phone")) if v and v.strip()]
    organisation = [clean_text(v.strip()) for v in (union, branch) if v and v.strip()]
    return {
        "navn": _text(get("name"), "avsender.navn", f"navnet ditt mangler; {profile}"),
        "rolle": _text(get("role"), "avsender.rolle", f"rollen din mangler; {profile}"),
        "forbund": _text(union, "avsender.forbund", f"forbundets navn mangler; {profile}"),
        "avdeling": _text(branch, "avsender.avdeling", f"avdelingen mangler; {profile}"),
        "organisasjon": " – ".join(organisation)
        if organisation
        else Missing("avsender.organisasjon", f"forbund og avdeling mangler; {profile}"),
        "epost": _text(get("email"), "avsender.epost", f"e-postadressen mangler; {profile}"),
        "telefon": _text(get("phone"), "avsender.telefon", f"telefonnummeret mangler; {profile}"),
        "kontakt": " · ".join(contact)
        if contact
        else Missing("avsender.kontakt", f"e-post og telefon mangler; {profile}"),
        "sted": _text(get("place"), "avsender.sted", f"stedet du skriver fra mangler; {profile}"),
        "signatur": _text(get("signature"), "avsender.signatur", f"signaturen mangler; {profile}"),
    }


def _recipient(employer: EmployerRead) -> dict[str, Any]:
    where = "fyll det ut i virksomhetsregisteret"
    return {
        "navn": clean_text(employer.name),
        "att": _text(employer.contact_name, "mottaker.att", f"ingen kontaktperson; {where}"),
        "adresse": _address(employer.address),
        "epost": _text(employer.contact_email, "mottaker.epost", f"ingen e-post; {where}"),
        "orgnr": _orgnr(employer.orgnr),
    }


def _address(value: str | None) -> Any:
    if value is None or not value.strip():
        return Missing("mottaker.adresse", "virksomheten har ingen adresse i registeret")
    # The register keeps one line; "Strandgata 1, 9008 Tromsø" is printed as two.
    text = clean_text(value.strip())
    if "\n" not in text:
        text = re.sub(r",\s*(?=\d{4}\s)", "\n", text)
    return text


def _case(case: CaseRead) -> dict[str, Any]:
    hint = "datoen er ikke registrert i saken"
    return {
        "nummer": case.number,
        "tittel": clean_text(case.title),
        "type": CASE_TYPES.get(case.case_type, case.case_type),
        "sted": _text(case.location, "sak.sted", "saken har ikke sted eller avdeling"),
        "beskrivelse": _text(case.description, "sak.beskrivelse", "saken har ingen beskrivelse"),
        "berorte": _number(case.members_affected, "sak.berorte", "antall berørte er ikke oppgitt"),
        "varslet": _day(case.notice_on, "sak.varslet", hint),
        "beslutning": _day(case.decision_on, "sak.beslutning", hint),
        "planlagt_iverksatt": _day(case.planned_implementation_on, "sak.planlagt_iverksatt", hint),
        "iverksatt": _day(case.implemented_on, "sak.iverksatt", hint),
        "hjemmekontordager": _number(
            case.home_office_days_per_week,
            "sak.hjemmekontordager",
            "antall hjemmekontordager er ikke oppgitt",
        ),
    }


def _employer(employer: EmployerRead, catalogue: Catalogue) -> dict[str, Any]:
    agreement = catalogue.agreements.get(employer.agreement)
    return {
        "navn": clean_text(employer.name),
        "ansatte": _number(employer.employees, "virksomhet.ansatte", "antall ansatte mangler"),
        "avtale": agreement.name
        if agreement is not None
        else Missing("virksomhet.avtale", "virksomheten er ikke registrert med en hovedavtale"),
        "sektor": SECTORS.get(employer.sector or "", "")
        or Missing("virksomhet.sektor", "sektoren er ikke registrert"),
    }


def _assessment(a: Assessment) -> dict[str, Any]:
    return {
        "niva": _LEVEL_NOUN[a.required_level],
        "tidspunkt": TIMINGS[a.timing],
        "kravstatus": DEMANDS[a.demand],
        "grunner": [clean_text(r) for r in a.reasons],
        "bevismangler": [clean_text(g) for g in a.evidence_gaps],
        "manglende_datoer": [DATE_FIELDS.get(m, m) for m in a.missing],
    }


# Provisions whose duty is of another kind (screen work, building permits, the general
# working-environment standard) belong in the case file, not in a demand for drøfting.
_SUMMARY_KINDS = frozenset({"saksoppsummering"})
_GENERIC_REASONS = ("den gjelder alle virksomheter", "virksomheten er bundet av")
# Advice to the representative ("… – sjekk dette") is for the app, not for the employer.
_INTERNAL_REASONS = ("sjekk", "gjelder hvis")


def _provision(catalogue: Catalogue, key: str) -> Provision | None:
    try:
        return catalogue.provision(key)
    except KeyError:
        return None


def _cited(
    kind: str, a: Assessment, catalogue: Catalogue, chosen: tuple[str, ...] | None
) -> tuple[AppliedProvision, ...]:
    """The provisions the letter cites: those chosen, else the ones that carry this kind of
    letter — the duties to inform, consult and negotiate, the verneombud/AMU duties, and
    for home office the regulation itself. The summary lists every one that applies."""
    if chosen is not None:
        known = {p.key: p for p in a.provisions}
        unknown = [k for k in chosen if k not in known]
        if unknown:
            raise StateError(
                "Brevet kan bare vise til bestemmelser som gjelder saken. Gjelder ikke: "
                + ", ".join(unknown)
            )
        return tuple(known[k] for k in chosen)
    if kind in _SUMMARY_KINDS:
        return a.provisions
    out = []
    for applied in a.provisions:
        p = _provision(catalogue, applied.key)
        if p is None:
            continue
        home = kind == "krav_om_hjemmekontoravtale" and p.source == "hjemmekontorforskriften"
        if p.condition == "building_permit":
            continue  # only if the rebuild needs a permit, which the app does not know
        if p.level is not None or p.working_environment or home:
            out.append(applied)
    if kind == "krav_om_forhandling":
        # A note that draws the line towards drøfting ("19-2e-merknad") undercuts a demand
        # to negotiate under the paragraph it belongs to.
        negotiate = [
            x.key for x in out if (p := _provision(catalogue, x.key)) and p.level == "forhandling"
        ]
        out = [x for x in out if not any(x.key.startswith(n + "-") for n in negotiate)]
    return tuple(out)


def _natural(text: str) -> tuple[object, ...]:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text))


def _groups(cited: Sequence[tuple[AppliedProvision, Provision]]) -> str:
    """``arbeidsmiljøloven § 8-1 og § 8-2 første ledd bokstav c (virksomheten har 180
    ansatte, dvs. minst 50)``: one source named once, its paragraphs after it, and the
    reason when it says something about this employer."""
    by_source: dict[str, list[tuple[AppliedProvision, Provision]]] = {}
    for pair in cited:
        by_source.setdefault(pair[1].source_name, []).append(pair)
    parts = []
    for name, pairs in by_source.items():
        pairs.sort(key=lambda pair: _natural(pair[1].paragraph or pair[1].chapter))
        wheres: list[str] = []
        for applied, _ in pairs:
            where = (
                applied.citation[len(name) :].strip()
                if applied.citation.startswith(name)
                else applied.citation
            )
            if where and where not in wheres:
                wheres.append(where)
        # "§ 19 nr. 2 bokstav e" and "§ 19 nr. 2 bokstav e, merknaden" read as one.
        for short in list(wheres):
            for long in list(wheres):
                if long.startswith(short + ", ") and long in wheres and short in wheres:
                    wheres[wheres.index(short)] = f"{short} med {long[len(short) + 2 :]}"
                    wheres.remove(long)
        reasons = {clean_text(applied.reason) for applied, _ in pairs}
        text = f"{name} {_join(wheres)}".strip()
        if len(reasons) == 1:
            (reason,) = reasons
            if not reason.startswith(_GENERIC_REASONS) and not any(
                word in reason for word in _INTERNAL_REASONS
            ):
                text += f" ({reason})"
        parts.append(text)
    return _join(parts)


def _legal_paragraph(
    level: str,
    cited: Sequence[AppliedProvision],
    catalogue: Catalogue,
    *,
    negotiation: bool = False,
    home_office: bool = False,
) -> str:
    """The legal basis in a few sentences: what is required and by which provisions, then
    the duties towards verneombud and AMU, then anything else cited. A lead is cited by
    chapter only (``AppliedProvision.citation`` already is)."""
    lead = {
        "drofting": "Endringen skal drøftes med de tillitsvalgte før beslutning tas. "
        "Drøftingen skal skje så tidlig som mulig og ta sikte på enighet.",
        "forhandling": "Endringen skal forhandles med de tillitsvalgte før beslutning tas.",
        "informasjon": "De tillitsvalgte skal informeres om endringen så tidlig som mulig, "
        "slik at de kan medvirke før beslutning tas.",
    }[level]
    pairs = [(a, p) for a in cited if (p := _provision(catalogue, a.key)) is not None]
    negotiate = [x for x in pairs if x[1].level == "forhandling"] if negotiation else []
    consult = [x for x in pairs if x[1].level in ("drofting", "forhandling") and x not in negotiate]
    inform = [x for x in pairs if x[1].level == "informasjon"]
    environment = [x for x in pairs if x[1].level is None and x[1].working_environment]
    other = [x for x in pairs if x[1].level is None and not x[1].working_environment]
    sentences = [lead]
    if home_office:
        # The demand for written agreements rests on the regulation; the rest supports it.
        home = [x for x in pairs if x[1].source == "hjemmekontorforskriften"]
        pairs = [x for x in pairs if x not in home]
        consult = [x for x in consult if x not in home]
        environment = [x for x in environment if x not in home]
        other = [x for x in other if x not in home]
        inform = [x for x in inform if x not in home]
        sentences = []
        if home:
            sentences.append(
                f"Hjemmearbeidet omfattes av {_groups(home)}. Forskriften krever en skriftlig "
                "avtale om hjemmearbeidet i tillegg til arbeidsavtalen, med et bestemt "
                "minsteinnhold."
            )
        if consult:
            sentences.append(
                f"Ordningen skal også drøftes med de tillitsvalgte, jf. {_groups(consult)}."
            )
            consult = []
    if negotiate:
        sentences.append(f"Dette følger av {_groups(negotiate)}.")
        if consult:
            sentences.append(
                f"Reglene om informasjon og drøfting gjelder også, jf. {_groups(consult)}."
            )
    elif consult:
        sentences.append(f"Dette følger av {_groups(consult)}.")
    if inform:
        sentences.append(
            f"Arbeidsgiver skal også sørge for informasjon og medvirkning, jf. {_groups(inform)}."
        )
    if environment:
        sentences.append(
            "Verneombudet og arbeidsmiljøutvalget skal være med når endringen planlegges, jf. "
            f"{_groups(environment)}."
        )
    if other:
        sentences.append(f"Se også {_groups(other)}.")
    return " ".join(sentences)


def _facts_paragraph(case: CaseRead, dated: date) -> str:
    title = clean_text(case.title)
    where = (
        f" ({clean_text(case.location.strip())})" if case.location and case.location.strip() else ""
    )
    if case.notice_on is not None:
        text = (
            f"Vi viser til arbeidsgivers varsel {format_date(case.notice_on)} om endringen "
            f"«{title}»{where}."
        )
    else:
        text = f"Vi viser til endringen «{title}»{where}."
    if case.members_affected:
        text += f" Endringen berører om lag {case.members_affected} av våre medlemmer."
    if case.home_office_days_per_week is not None:
        days = f"{case.home_office_days_per_week:g}".replace(".", ",")
        text += f" Ordningen innebærer i snitt {days} hjemmekontordager i uka."
    if case.decision_on is not None:
        if case.decision_on <= dated:
            text += f" Etter det vi forstår, ble beslutningen tatt {format_date(case.decision_on)}."
        else:
            text += f" Etter det vi forstår, skal beslutningen tas {format_date(case.decision_on)}."
    if case.implemented_on is not None and case.implemented_on <= dated:
        text += f" Endringen ble iverksatt {format_date(case.implemented_on)}."
    elif case.implemented_on is not None or case.planned_implementation_on is not None:
        planned = case.implemented_on or case.planned_implementation_on
        assert planned is not None
        text += f" Endringen er planlagt iverksatt {format_date(planned)}."
    return text


def _status_sentence(a: Assessment, events: Sequence[EventRead]) -> str:
    level = a.required_level
    noun = _LEVEL_NOUN[level]
    done = _LEVEL_DONE[level]
    held = _first_on(events, _MEETING_KINDS[level])
    held_text = format_date(held) if held else "senere"
    return {
        "not_held_yet": f"Vi har ikke fått invitasjon til {noun}, og vi er ikke kjent med at "
        "beslutning er tatt.",
        "not_held_decision_taken": f"Saken ble ikke {done} med de tillitsvalgte før "
        "beslutningen ble tatt.",
        "information_only": f"Vi har fått informasjon om endringen, men saken er ikke {done} "
        "med de tillitsvalgte.",
        "late_before_implementation": f"Saken ble først {done} {held_text}, etter at "
        "beslutningen var tatt.",
        "late_after_implementation": f"Saken ble først {done} {held_text}, etter at endringen "
        "var iverksatt.",
        "in_time": f"Saken ble {done} {held_text}, før beslutningen ble tatt.",
        "unknown": f"Vi har ikke nok opplysninger til å vite om saken er {done} før beslutningen.",
    }[a.timing]


def _decided(case: CaseRead, dated: date) -> bool:
    return case.decision_on is not None and case.decision_on <= dated


def _demands(
    kind: str,
    facts: LetterFacts,
    dated: date,
    reply_by: date | None,
    home: tuple[list[str], list[str]],
) -> Any:
    case = facts.case
    level = facts.assessment.required_level
    by = format_date(reply_by) if reply_by else ""
    protocol = (
        "at det skrives referat fra møtet som viser partenes syn, jf. hovedavtalens regler om "
        "referat"
        if facts.employer.agreement == "staten"
        else "at det skrives protokoll fra møtet som begge parter signerer"
    )
    documents = (
        "at vi i god tid før møtet får saksdokumentene: planene, tegningene, arealberegningen "
        "og vurderingen av konsekvensene for arbeidsmiljøet"
        if case.case_type in ("office_layout", "space_allocation")
        else "at vi i god tid før møtet får saksdokumentene, blant annet utkast til ordning og "
        "avtale og vurderingen av konsekvensene for arbeidsmiljøet"
    )
    if kind in ("krav_om_drofting", "krav_om_forhandling"):
        meeting = "drøftingsmøte" if kind == "krav_om_drofting" else "forhandlingsmøte"
        noun = "drøftingen" if kind == "krav_om_drofting" else "forhandlingene"
        wait = (
            f"at beslutningen ikke settes i verk før {noun} er gjennomført"
            if _decided(case, dated)
            else f"at det ikke tas beslutning og ikke settes i gang tiltak før {noun} er "
            "gjennomført"
        )
        return [f"at det innkalles til {meeting} innen {by}", documents, wait, protocol]
    if kind == "krav_om_informasjon":
        # The items asked for; the template says "innen <svarfrist>" once, above the list.
        asked = [
            "en beskrivelse av endringen og begrunnelsen for den",
            "når beslutningen er tatt eller skal tas, og av hvem",
            "når endringen er planlagt iverksatt, og hvem den berører",
        ]
        if case.case_type in ("office_layout", "space_allocation"):
            asked.append("planene, tegningene og arealberegningen")
        if case.case_type.startswith("home_office"):
            asked.append("utkastet til hjemmekontorordning og til avtale med den enkelte")
        asked.append("vurderingen av konsekvensene for arbeidsmiljøet, med risikovurdering")
        return asked
    if kind == "krav_om_utsatt_iverksetting":
        noun = {"drofting": "drøftingen", "forhandling": "forhandlingene"}.get(level, "drøftingen")
        return [
            f"at iverksettingen stilles i bero til {noun} er gjennomført",
            f"at arbeidsgiver innen {by} bekrefter skriftlig at endringen ikke settes i verk før "
            "dette",
            f"at det innkalles til {_MEETING.get(level, 'drøftingsmøte')} så snart som mulig",
        ]
    if kind == "krav_om_hjemmekontoravtale":
        missing, _unclear = home
        demands = [
            "at alle som arbeider jevnlig hjemme, får en skriftlig avtale om hjemmearbeidet i "
            "tillegg til arbeidsavtalen",
        ]
        if missing:
            demands.append("at avtalene regulerer punktene som mangler (se listen over)")
        demands.append("at utkastet til avtale drøftes med de tillitsvalgte før det tas i bruk")
        demands.append(f"at vi innen {by} får svar på hvordan og når dette blir gjort")
        return demands
    return Missing("krav", f"brevtypen «{LETTER_KINDS.get(kind, kind)}» har ingen krav")


def _previous_demand(facts: LetterFacts) -> dict[str, Any]:
    """The demand a reminder refers to: the first sent letter of the open demand — the
    journal has its number; a letter sent outside the app is known from the timeline."""
    sent = [
        d
        for d in facts.documents
        if d.direction == "ut" and d.kind in DEMAND_LETTERS and d.kind != "purring" and d.sent_on
    ]
    if sent:
        first = max(sent, key=lambda d: (d.sent_on or date.min, d.number))
        reply = first.reply_by
        return {
            "ref": first.number,
            "dato": format_date(first.dated or first.sent_on or date.min),
            "emne": clean_text(first.title),
            "svarfrist": format_date(reply)
            if reply
            else Missing("forrige_brev.svarfrist", "brevet hadde ingen svarfrist"),
        }
    letters = [
        e
        for e in facts.events
        if e.kind == "letter_sent"
        and (e.letter_kind or "") in DEMAND_LETTERS
        and e.letter_kind != "purring"
    ]
    if not letters:
        raise StateError(
            "Det er ikke registrert noe sendt krav i saken å purre på. Merk kravet som sendt "
            "(eller registrer «Brev sendt» i tidslinjen) først."
        )
    last = max(letters, key=lambda e: e.occurred_on)
    return {
        "ref": Missing(
            "forrige_brev.ref", "brevet ble sendt utenom programmet og har ikke vår referanse"
        ),
        "dato": format_date(last.occurred_on),
        "emne": LETTER_KINDS.get(last.letter_kind or "", "krav"),
        "svarfrist": format_date(last.reply_by)
        if last.reply_by
        else Missing("forrige_brev.svarfrist", "brevet hadde ingen svarfrist"),
    }


def _meeting(facts: LetterFacts) -> dict[str, Any]:
    level = facts.assessment.required_level
    held = _first_on(facts.events, _MEETING_KINDS[level])
    if held is None:
        held = _first_on(facts.events, ("information_meeting",))
        kind = "informasjonsmøte"
    else:
        kind = _MEETING[level] if level != "informasjon" else "informasjonsmøte"
    return {
        "dato": format_date(held)
        if held
        else Missing("mote.dato", "det er ikke registrert noe møte i tidslinjen"),
        "type": kind,
    }


def _remark(facts: LetterFacts) -> str:
    a = facts.assessment
    case = facts.case
    noun = _LEVEL_NOUN[a.required_level]
    done = _LEVEL_DONE[a.required_level]
    meeting = _meeting(facts)
    when = f" {meeting['dato']}" if meeting["dato"] else ""
    decision = f" {format_date(case.decision_on)}" if case.decision_on else ""
    text = {
        "late_before_implementation": f"De tillitsvalgte viser til at møtet{when} ble holdt "
        f"etter at arbeidsgiver hadde tatt beslutningen{decision}. Saken ble dermed ikke "
        f"{done} før beslutning, slik regelverket krever, og de tillitsvalgte har ikke hatt "
        "reell mulighet til å påvirke den.",
        "late_after_implementation": f"De tillitsvalgte viser til at møtet{when} ble holdt "
        "etter at endringen var iverksatt. Saken ble dermed ikke "
        f"{done} før beslutning, slik regelverket krever, og de tillitsvalgte har ikke hatt "
        "reell mulighet til å påvirke den.",
        "information_only": f"De tillitsvalgte viser til at arbeidsgiver bare har informert om "
        f"endringen. Saken er ikke {done}, og et informasjonsmøte er ikke {noun}.",
        "not_held_decision_taken": f"De tillitsvalgte viser til at beslutningen{decision} ble "
        f"tatt uten at saken var {done} med de tillitsvalgte.",
    }.get(
        a.timing,
        f"De tillitsvalgte mener at saken ikke er {done} på en reell måte, slik regelverket "
        "krever.",
    )
    return text + (
        " De tillitsvalgte tar forbehold om å ta saken videre." if a.timing != "in_time" else ""
    )


def _timeline(events: Sequence[EventRead]) -> list[dict[str, Any]]:
    out = []
    for e in sorted(events, key=lambda e: (e.occurred_on, e.id)):
        signed = (
            "signert av begge"
            if e.signed_by_both
            else "ikke signert av begge"
            if e.signed_by_both is False
            else ""
        )
        kind = EVENT_KINDS.get(e.kind, e.kind)
        if e.letter_kind:
            kind += f": {LETTER_KINDS.get(e.letter_kind, e.letter_kind)}"
        out.append(
            {
                "dato": format_date(e.occurred_on),
                "type": kind,
                "deltakere": clean_text(e.participants or ""),
                "notat": clean_text(e.notes or ""),
                "signert": signed,
            }
        )
    return out


def _journal(documents: Sequence[DocumentRead]) -> list[dict[str, Any]]:
    return [
        {
            "ref": d.number,
            "dato": format_date(d.dated) if d.dated else "",
            "tittel": clean_text(d.title),
            "retning": DIRECTIONS.get(d.direction, d.direction),
            "sendt": format_date(d.sent_on) if d.sent_on else "",
        }
        for d in documents
    ]


def _deadlines(deadlines: Sequence[DeadlineRead], dated: date) -> list[dict[str, Any]]:
    out = []
    for d in sorted(deadlines, key=lambda d: d.due_on):
        status = (
            "cancelled"
            if d.cancelled
            else "met"
            if d.met_on
            else "lapsed"
            if d.lapsed_on
            else "overdue"
            if d.due_on < dated
            else "open"
        )
        out.append(
            {
                "dato": format_date(d.due_on),
                "tittel": clean_text(d.title),
                "status": _DEADLINE_STATUS[status],
            }
        )
    return out


# --------------------------------------------------------------------------- the whole


def build_context(facts: LetterFacts, options: LetterOptions) -> LetterContext:
    kind = letter_kind(options.kind)
    case = facts.case
    dated = options.dated
    cited = _cited(kind.code, facts.assessment, facts.catalogue, options.provisions)
    reply_by = reply_deadline(dated, options.reply_days) if kind.reply else None
    subject = f"{kind.subject} – {clean_text(case.title)}"
    sender = _sender(facts)
    only = "gjelder ikke denne brevtypen"

    home: tuple[list[str], list[str]] = ([], [])
    if kind.code == "krav_om_hjemmekontoravtale":
        gaps = checklist_gaps(facts.checklist, case.written_agreements)
        home = ([i.demand for i in gaps.missing], [i.demand for i in gaps.unclear])

    place = sender["sted"]
    values: dict[str, Any] = {
        "avsender": sender,
        "mottaker": _recipient(facts.employer),
        "brevtype": kind.label,
        "emne": subject,
        "dato": format_date(dated),
        "sted_og_dato": f"{place}, {format_date(dated)}"
        if place
        else Missing("sted_og_dato", "stedet du skriver fra mangler; fyll det ut i profilen"),
        "var_ref": options.number,
        "deres_ref": _text(options.their_ref, "deres_ref", "") or "—",
        "tilleggstekst": _text(options.extra_text, "tilleggstekst", "ingen egen tekst er skrevet"),
        "kopi": _text(options.copy_to, "kopi", "ingen skal ha kopi"),
        "sak": _case(case),
        "virksomhet": _employer(facts.employer, facts.catalogue),
        "vurdering": _assessment(facts.assessment),
        "hjemmel": [
            {
                "sitat": p.citation,
                "tittel": clean_text(p.title),
                "sammendrag": clean_text(p.summary),
                "grunn": clean_text(p.reason),
                "kontrollert": p.verified,
            }
            for p in cited
        ],
        "hjemmel_avsnitt": _legal_paragraph(
            facts.assessment.required_level,
            cited,
            facts.catalogue,
            negotiation=kind.code == "krav_om_forhandling",
            home_office=kind.code == "krav_om_hjemmekontoravtale",
        ),
        "fakta": _facts_paragraph(case, dated),
        "status": _status_sentence(facts.assessment, facts.events),
        "krav": _demands(kind.code, facts, dated, reply_by, home),
        "hendelser": _timeline(facts.events),
        "dokumenter": _journal(facts.documents),
        "frister": _deadlines(facts.deadlines, dated),
    }
    if reply_by is not None:
        values["svarfrist"] = format_date(reply_by)
        values["svarfrist_ukedag"] = format_weekday_date(reply_by)
        values["svarfrist_dager"] = options.reply_days
        values["svarfrist_forklaring"] = explain_deadline(dated, options.reply_days)
    else:
        for name in ("svarfrist", "svarfrist_ukedag", "svarfrist_dager", "svarfrist_forklaring"):
            values[name] = Missing(name, f"{kind.label.lower()} har ingen svarfrist")
    if kind.code == "purring":
        values["forrige_brev"] = _previous_demand(facts)
    else:
        values["forrige_brev"] = {
            name: Missing(f"forrige_brev.{name}", f"{only} (bare purring)")
            for name in ("ref", "dato", "emne", "svarfrist")
        }
    if kind.code == "krav_om_hjemmekontoravtale":
        values["mangler"], values["uavklart"] = home
    else:
        values["mangler"] = Missing("mangler", f"{only} (bare krav om hjemmekontoravtale)")
        values["uavklart"] = Missing("uavklart", f"{only} (bare krav om hjemmekontoravtale)")
    if kind.code == "protokolltilforsel":
        values["mote"] = _meeting(facts)
        values["merknad"] = _remark(facts)
    else:
        values["mote"] = {
            name: Missing(f"mote.{name}", f"{only} (bare protokolltilførsel)")
            for name in ("dato", "type")
        }
        values["merknad"] = Missing("merknad", f"{only} (bare protokolltilførsel)")
    return LetterContext(kind, values, reply_by, cited, subject)


def context_names(values: Mapping[str, Any]) -> set[str]:
    """The dotted names a context fills (for the test that context and FIELDS agree)."""
    names: set[str] = set()
    for key, value in values.items():
        if key in LIST_FIELDS:
            names.add(key)
            for item in value if isinstance(value, list) else ():
                names.update(f"{key}[].{child}" for child in item)
        elif isinstance(value, dict):
            names.update(f"{key}.{child}" for child in value)
        else:
            names.add(key)
    return names
