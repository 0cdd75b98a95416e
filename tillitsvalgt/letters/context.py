"""The context of a letter: every field of ``fields.FIELDS``, filled from a case.

Pure: the case, its employer, timeline, journal and assessment come in as plain read
shapes, the letter's date comes in as an argument, and a dictionary of strings and lists
comes out. The Norwegian prose that depends on the facts (what is known, what happened,
what we demand) is written here, so every template gets it right; the wording around it
belongs to the templates, which a union office may change."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tillitsvalgt.errors import StateError
from tillitsvalgt.letters.fields import LIST_FIELDS, Missing
from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, LetterKind, letter_kind
from tillitsvalgt.letters.law import (
    ENVIRONMENT_KEYS,
    agreement_sentence,
    building_permit_demand,
    deadline_sentences,
    environment_sentences,
)
from tillitsvalgt.letters.phrases import Phrases
from tillitsvalgt.letters.situation import HELD_BY, MEETING_LEVEL, Situation, situation
from tillitsvalgt.rules.assessment import DEMAND_LETTERS
from tillitsvalgt.rules.checklist import checklist_gaps
from tillitsvalgt.rules.deadlines import (
    explain_deadline,
    format_date,
    reply_deadline,
)
from tillitsvalgt.rules.types import AppliedProvision, Assessment, Catalogue, Provision
from tillitsvalgt.shapes import (
    CaseRead,
    DeadlineRead,
    DocumentRead,
    EmployerRead,
    EventRead,
    RepresentativeRead,
)
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
    form: str = "nb"  # the written form of the app's sentences (phrases.FORMS)


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

# A deadline's status: the phrase tables' «deadline_status.*» (phrases.py).


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


# --------------------------------------------------------------------------- the parts


def _sender(facts: LetterFacts) -> dict[str, Any]:
    rep = facts.representative
    profile = "fyll det ut i profilen din (Innstillinger → Profil, eller «tillitsvalgt profile»)"
    get = (lambda name: getattr(rep, name)) if rep is not None else (lambda name: None)
    union = facts.union_name or get("union_name")
    branch = get("branch")
    contact = [clean_text(v.strip()) for v in (get("email"), get("phone")) if v and v.strip()]
    organisation = [clean_text(v.strip()) for v in (union, branch) if v and v.strip()]
    if len(organisation) == 2 and organisation[0].casefold() in organisation[1].casefold():
        # «Finansforbundet i Vestlandske Forsikring» already names the union: said once.
        organisation = organisation[1:]
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


def _case(case: CaseRead, say: Phrases) -> dict[str, Any]:
    hint = "datoen er ikke registrert i saken"
    return {
        "nummer": case.number,
        "tittel": clean_text(case.title),
        "omtale": change_words(case, say),
        "type": say(f"case_type.{case.case_type}")
        if say.has(f"case_type.{case.case_type}")
        else CASE_TYPES.get(case.case_type, case.case_type),
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


def _employer(employer: EmployerRead, catalogue: Catalogue, say: Phrases) -> dict[str, Any]:
    agreement = catalogue.agreements.get(employer.agreement)
    return {
        "navn": clean_text(employer.name),
        "ansatte": _number(employer.employees, "virksomhet.ansatte", "antall ansatte mangler"),
        "avtale": say.name(agreement.name)
        if agreement is not None
        else Missing("virksomhet.avtale", "virksomheten er ikke registrert med en hovedavtale"),
        "sektor": SECTORS.get(employer.sector or "", "")
        or Missing("virksomhet.sektor", "sektoren er ikke registrert"),
    }


def _assessment(a: Assessment, say: Phrases) -> dict[str, Any]:
    timing = say(f"timing.{a.timing}") if say.has(f"timing.{a.timing}") else TIMINGS[a.timing]
    if a.required_level == "forhandling":
        # The labels speak of drøfting; a case that requires forhandling is judged by it.
        for drofted, negotiated in (("drøftet", "forhandlet"), ("drøfta", "forhandla")):
            timing = timing.replace(drofted, negotiated)
            timing = timing.replace(drofted.capitalize(), negotiated.capitalize())
    nynorsk = say.form == "nn"
    # The assessment says its reasons in both forms (rules/reasons.py); the law's names in
    # them as the form writes them («arbeidsmiljølova § 8-2»).
    reasons = a.reasons_nn if nynorsk else a.reasons
    gaps = a.evidence_gaps_nn if nynorsk else a.evidence_gaps
    return {
        "niva": say(f"level.noun.{a.required_level}"),
        "tidspunkt": timing,
        "kravstatus": say(f"demand_state.{a.demand}")
        if say.has(f"demand_state.{a.demand}")
        else DEMANDS[a.demand],
        "grunner": [clean_text(say.name(r)) for r in reasons],
        "bevismangler": [clean_text(say.name(g)) for g in gaps],
        "manglende_datoer": [DATE_FIELDS.get(m, m) for m in a.missing],
    }


# Provisions of a duty of another kind (screen work, building permits, the general
# working-environment standard) belong in the case file, not in a demand; the catalogue's
# «argument» says which provisions a letter argues from, per case type.
_SUMMARY_KINDS = frozenset({"saksoppsummering"})
_DEMAND_KINDS = frozenset({"krav_om_drofting", "krav_om_forhandling"})
_HOME = "hjemmekontorforskriften"


def _provision(catalogue: Catalogue, key: str) -> Provision | None:
    try:
        return catalogue.provision(key)
    except KeyError:
        return None


def _category(p: Provision, level: str) -> int:
    """The order of the legal paragraph: the duty the letter demands first, then the other
    co-determination duties, information, the working-environment bodies, the rest."""
    if p.level == level:
        return 0
    if p.level is not None and p.level != "informasjon":
        return 1
    if p.level == "informasjon":
        return 2
    if p.working_environment:
        return 3
    return 4


def _cited(
    kind: str,
    a: Assessment,
    catalogue: Catalogue,
    chosen: tuple[str, ...] | None,
    case_type: str,
    level: str,
) -> tuple[AppliedProvision, ...]:
    """The provisions the letter cites: those chosen, else the ones that carry this kind
    of letter at this level. The summary lists every one that applies."""
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
    if kind == "purring":
        return ()  # a reminder cites the first letter, not the law
    pairs: list[tuple[AppliedProvision, Provision]] = []
    for applied in a.provisions:
        p = _provision(catalogue, applied.key)
        if p is None:
            continue
        if p.arguments is not None:
            if p.argument_for(case_type) is None:
                continue  # the catalogue does not argue from it in a letter for this type
        elif not (
            p.level is not None
            or p.working_environment
            or (kind == "krav_om_hjemmekontoravtale" and p.source == _HOME)
        ):
            continue
        pairs.append((applied, p))
    if level == "forhandling":
        # A note that draws the line towards drøfting, and the drøfting rules of the same
        # agreement, undercut a demand to negotiate under it.
        negotiating = {p.source for _, p in pairs if p.level == "forhandling"}
        pairs = [x for x in pairs if not (x[1].level == "drofting" and x[1].source in negotiating)]
    else:
        pairs = [x for x in pairs if x[1].level != "forhandling"]
    if kind != "krav_om_hjemmekontoravtale":
        pairs = [x for x in pairs if x[1].source != _HOME or x[1].level is not None]
    if kind == "protokolltilforsel":
        # A note in someone else's protocol: only the duty the meeting fell short of.
        pairs = [x for x in pairs if _category(x[1], level) == 0] or pairs

    def order(pair: tuple[AppliedProvision, Provision]) -> int:
        home_first = kind == "krav_om_hjemmekontoravtale" and pair[1].source == _HOME
        return -1 if home_first else _category(pair[1], level)

    return tuple(applied for applied, _ in sorted(pairs, key=order))


def _natural(text: str) -> tuple[object, ...]:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text))


def _paragraph_list(wheres: list[str], say: Phrases) -> str:
    """``§§ 20–22``, ``§§ 20 og 21``, ``§ 8-1 og § 8-2 første ledd bokstav c``."""
    wheres = sorted(dict.fromkeys(wheres), key=_natural)
    plain = [re.fullmatch(r"§ (\d+)", w) for w in wheres]
    if len(wheres) > 1 and all(plain):
        numbers = [int(m.group(1)) for m in plain if m]
        if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"§§ {numbers[0]}–{numbers[-1]}"
        return "§§ " + say.join([str(n) for n in numbers])
    return say.join(wheres)


def _cite(provisions: list[Provision], named: str | None, say: Phrases) -> str:
    """How one sentence cites provisions of one source; the source is left out when the
    sentence before named it and every paragraph here is verified."""
    source = provisions[0].source_name
    shown = say.name(source)
    notes = [p for p in provisions if p.verified and p.paragraph.endswith(", merknaden")]
    rest = [p for p in provisions if p not in notes]
    parts: list[str] = []
    if rest:
        wheres = [w for p in rest if (w := p.paragraph if p.verified else p.chapter)]
        wheres = [say.name(w) for w in wheres]  # a chapter's words, as this form writes them
        if len(wheres) > 1 and all(w.startswith("(") and w.endswith(")") for w in wheres):
            # Subjects, not numbers (another side's text): «(… og …)» once, not «(…) og (…)».
            listed = "(" + say.join(list(dict.fromkeys(w[1:-1] for w in wheres))) + ")"
        else:
            listed = _paragraph_list(wheres, say)
        short = named == source and all(p.verified for p in rest)
        parts.append(listed if short else f"{shown} {listed}".strip())
    for p in notes:
        parts.append(
            say("law.note", paragraph=p.paragraph.removesuffix(", merknaden"), source=shown)
        )
    return say.join(parts)


def _cite_pairs(pairs: Sequence[tuple[AppliedProvision, Provision]], say: Phrases) -> str:
    """Provisions of several sources cited together, each source named once."""
    by_source: dict[str, list[Provision]] = {}
    for _, p in pairs:
        by_source.setdefault(p.source_name, []).append(p)
    return say.join([_cite(ps, None, say) for ps in by_source.values()])


def _legal_paragraph(
    cited: Sequence[AppliedProvision],
    catalogue: Catalogue,
    *,
    level: str,
    case_type: str,
    employees: int | None,
    say: Phrases,
) -> str:
    """The legal basis: one argument sentence per provision from the catalogue, tying
    the facts to it; provisions cited "with" another share its sentence. Without an
    argument (an older catalogue), a plain sentence per kind of duty. A lead is cited by
    chapter only."""
    pairs = [(a, p) for a in cited if (p := _provision(catalogue, a.key)) is not None]
    keys = {p.key for _, p in pairs}
    companions: dict[str, list[Provision]] = {}
    hosts: list[tuple[Provision, str]] = []
    fallback: dict[str, list[Provision]] = {}
    environment: list[tuple[AppliedProvision, Provision]] = []
    for a, p in pairs:
        if p.key in ENVIRONMENT_KEYS:
            environment.append((a, p))
            continue
        argument = p.argument_for(case_type, say.form)
        if argument and argument.startswith("=") and argument[1:] in keys:
            companions.setdefault(argument[1:], []).append(p)
        elif argument and not argument.startswith("="):
            hosts.append((p, argument))
        else:
            what = (
                "environment" if p.level is None and p.working_environment else p.level or "other"
            )
            fallback.setdefault(what, []).append(p)
    topic_key = f"topic.{case_type}"
    topic = say(topic_key) if say.has(topic_key) else say("topic.other")
    sentences: list[str] = []
    named: str | None = None
    for p, argument in hosts:
        group = [p, *companions.get(p.key, [])]
        cited_text = _cite(group, named, say)
        sentences.append(
            argument.format(
                sitat=cited_text,
                tema=topic,
                ansatte=say.number(employees) if employees is not None else "",
            )
        )
        named = p.source_name
    for what in ("forhandling", "drofting", "informasjon", "environment", "other"):
        group = fallback.get(what, [])
        if not group:
            continue
        by_source: dict[str, list[Provision]] = {}
        for p in group:
            by_source.setdefault(p.source_name, []).append(p)
        cited_text = say.join([_cite(ps, None, say) for ps in by_source.values()])
        sentences.append(say(f"law.fallback.{what}", cited=cited_text))
    if environment:
        # Verneombud, AMU and a permitted rebuild: worded by the employer's size (each body
        # only where the employer must or does have one), not by a fixed argument.
        sentences.extend(
            environment_sentences(environment, cited, lambda ps: _cite_pairs(ps, say), say.form)
        )
    return " ".join(sentences)


def change_words(case: CaseRead, say: Phrases) -> str:
    """The change in words from the case: its type and where, not its internal title."""
    key = f"change.{case.case_type}"
    change = say(key) if say.has(key) else say("change.other")
    where = clean_text(case.location.strip()) if case.location and case.location.strip() else ""
    return say("change.where", change=change, where=where) if where else change


def _facts_paragraph(case: CaseRead, s: Situation, say: Phrases) -> str:
    change = change_words(case, say)
    if case.notice_on is not None and case.notice_on <= s.dated:
        text = [say("facts.notice", notice=say.day(case.notice_on), change=change)]
    else:
        text = [say("facts.no_notice", change=change)]
    if case.members_affected:
        text.append(say("facts.members", members=say.number(case.members_affected)))
    if case.home_office_days_per_week is not None and case.case_type.startswith("home_office"):
        text.append(say("facts.home_days", days=say.home_days(case.home_office_days_per_week)))
    if case.decision_on is not None:
        key = "facts.decided" if s.decided else "facts.to_decide"
        text.append(say(key, decision=say.day(case.decision_on)))
    if s.implemented_on is not None:
        text.append(say("facts.implemented", day=say.day(s.implemented_on)))
    elif s.planned_on is not None:
        key = "facts.plan_passed" if s.plan_passed else "facts.planned"
        text.append(say(key, day=say.day(s.planned_on)))
    return " ".join(text)


def _level_words(level: str, say: Phrases) -> dict[str, str]:
    return {
        "noun": say(f"level.noun.{level}"),
        "done": say(f"level.done.{level}"),
        "verb": say(f"level.verb.{level}"),
        "process": say(f"level.process.{level}"),
    }


def _meeting_for(level: str) -> str:
    return {
        "informasjon": "information_meeting",
        "drofting": "consultation_meeting",
        "forhandling": "negotiation_meeting",
    }[level]


def _status_sentence(kind: str, s: Situation, say: Phrases) -> str:
    """What has happened so far, in the tense the letter's date gives it; a demand for a
    new meeting after one was held says why."""
    words = _level_words(s.level, say)
    demand = kind in _DEMAND_KINDS
    meeting = say(f"meeting.{_meeting_for(s.level)}")
    held = s.first(s.level)
    decision = f" {say.day(s.decision_on)}" if s.decision_on is not None and s.decided else ""
    out: list[str] = []
    if held is not None:
        on = say.day(held.on)
        if s.decision_on is None:
            out.append(
                say(
                    "status.held_unknown",
                    **words,
                    on=on,
                    meeting_def=say(f"meeting_def.{held.kind}"),
                )
            )
            if demand:
                out.append(say("status.again_unknown", **words, meeting=meeting))
        elif held.on < s.decision_on:
            key = "status.in_time" if s.decided else "status.held_no_decision"
            out.append(say(key, **words, on=on))
            if demand:
                out.append(say("status.again_in_time", meeting=meeting))
        else:
            if s.implemented_on is not None and held.on > s.implemented_on:
                out.append(
                    say(
                        "status.late_implemented",
                        **words,
                        on=on,
                        decision=decision,
                        implemented=say.day(s.implemented_on),
                    )
                )
            else:
                out.append(say("status.late", **words, on=on, decision=decision))
            out.append(say("status.late_why", **words))
            if demand:
                out.append(say("status.again_late", meeting=meeting))
        return " ".join(out)
    if s.decided:
        key = "status.not_before_decision" if s.decision_on else "status.not_before_implementation"
        out.append(say(key, **words, decision=decision))
    elif s.decided is False:
        out.append(say("status.none_yet_decision_ahead", **words))
    else:
        out.append(say("status.none_yet", **words))
    lower = s.first("drofting") if s.level == "forhandling" else None
    informed = s.first_of("information_meeting") if s.level != "informasjon" else None
    if lower is not None:
        out.append(say("status.only_consulted", on=say.day(lower.on)))
    elif informed is not None:
        out.append(say("status.only_informed", **words, on=say.day(informed.on)))
    return " ".join(out)


def _documents_demand(case_type: str, say: Phrases) -> str:
    if case_type in ("office_layout", "space_allocation"):
        return say("demand.documents.office")
    if case_type.startswith("home_office") or case_type == "equipment_costs":
        return say("demand.documents.home")
    if case_type == "availability":
        return say("demand.documents.availability")
    return say("demand.documents.other")


def _state_referat(facts: LetterFacts, catalogue: Catalogue, say: Phrases) -> str | None:
    """The state's rule on the referat (HA § 21), as cited, when it applies and is verified."""
    for applied in facts.assessment.provisions:
        p = _provision(catalogue, applied.key)
        if p is not None and p.verified and p.paragraph == "§ 21" and p.agreement == "staten":
            return say.name(applied.citation)
    return None


def _demands(
    kind: str,
    facts: LetterFacts,
    s: Situation,
    reply_by: date | None,
    home: tuple[list[str], list[str]],
    say: Phrases,
) -> Any:
    case = facts.case
    by = say.day(reply_by) if reply_by else ""
    words = _level_words(s.level, say)
    meeting = say(f"meeting.{_meeting_for(s.level)}")
    if kind in _DEMAND_KINDS:
        if s.implemented_on is not None:
            wait = say("demand.wait.implemented", **words)
        elif s.plan_passed:
            wait = say("demand.wait.plan_passed", **words)
        elif s.decided:
            wait = say("demand.wait.decided", **words)
        else:
            wait = say("demand.wait.undecided", **words)
        if s.level == "forhandling":
            protocol = say("demand.protocol.negotiation")
        elif facts.employer.agreement == "staten":
            referat = _state_referat(facts, facts.catalogue, say)
            protocol = (
                say("demand.protocol.state", cited=referat)
                if referat
                else say("demand.protocol.state_uncited")
            )
        else:
            protocol = say("demand.protocol.signed")
        return [
            say("demand.meeting", meeting=meeting, by=by),
            _documents_demand(case.case_type, say),
            wait,
            protocol,
        ]
    if kind == "krav_om_informasjon":
        # The items asked for; the template says "innen <svarfrist>" once, above the list.
        asked = [say("ask.what"), say("ask.decision")]
        asked.append(say("ask.when_past" if s.plan_passed or s.implemented else "ask.when"))
        if case.case_type in ("office_layout", "space_allocation"):
            asked.append(say("ask.plans"))
        if case.case_type.startswith("home_office"):
            asked.append(say("ask.home"))
        if case.case_type == "availability":
            asked.append(say("ask.availability"))
        asked.append(say("ask.risk"))
        return asked
    if kind == "krav_om_utsatt_iverksetting":
        again = s.first(s.level) is not None  # held too late: it must be held again
        return [
            say("postpone.hold_again" if again else "postpone.hold", **words),
            say("postpone.confirm", by=by),
            say("postpone.meeting", meeting=meeting),
        ]
    if kind == "krav_om_hjemmekontoravtale":
        missing, _unclear = home
        demands = [say("home.agreements")]
        if missing:
            demands.append(say("home.missing"))
        demands.append(say("home.consult"))
        return demands
    return Missing("krav", f"brevtypen «{LETTER_KINDS.get(kind, kind)}» har ingen krav")


def _wait(s: Situation, say: Phrases) -> Any:
    """Asking that nothing is decided or done meanwhile, while that can still be asked."""
    active = say(f"level.active.{s.required}")
    if s.implemented_on is not None or s.plan_passed:
        return Missing("vent", "endringen er alt iverksatt, eller skulle vært det")
    key = "wait.decided" if s.decided else "wait.undecided"
    return say(key, verb_active=active)


def _previous_demand(facts: LetterFacts, say: Phrases) -> dict[str, Any]:
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
        "emne": _kind_label(last.letter_kind or "", say),
        "svarfrist": format_date(last.reply_by)
        if last.reply_by
        else Missing("forrige_brev.svarfrist", "brevet hadde ingen svarfrist"),
    }


def _meeting(facts: LetterFacts, s: Situation, kind: str, say: Phrases) -> dict[str, Any]:
    """The meeting a protocol note or a protocol draft is for: the last meeting held by
    the letter's date (the draft, short of one, is for a meeting of the level required)."""
    last = s.last
    state = facts.employer.agreement == "staten"
    if last is None and kind == "protokoll":
        meeting_kind = _meeting_for(s.required)
    elif last is None:
        meeting_kind = None
    else:
        meeting_kind = last.kind
    if meeting_kind is None:
        missing = "det er ikke registrert noe møte i tidslinjen før brevets dato"
        return {
            "dato": Missing("mote.dato", missing),
            "type": Missing("mote.type", missing),
            "tittel": Missing("mote.tittel", missing),
            "anmodning": say("protocol.ask.signed"),
            "dokument": say("protocol.document.signed"),
            "signeres": True,
        }
    referat = state and meeting_kind != "negotiation_meeting"
    return {
        "dato": say.day(last.on)
        if last is not None
        else Missing("mote.dato", "møtet er ikke holdt"),
        "type": say(f"meeting_def.{meeting_kind}"),
        "tittel": say(
            "protocol.title.state" if referat else "protocol.title.signed",
            meeting=say(f"meeting.{meeting_kind}"),
        ),
        "anmodning": say("protocol.ask.state" if referat else "protocol.ask.signed"),
        "dokument": say("protocol.document.state" if referat else "protocol.document.signed"),
        "signeres": not referat,
    }


def _remark(facts: LetterFacts, s: Situation, say: Phrases) -> str:
    last = s.last
    required = s.required
    words = _level_words(required, say)
    if last is None:
        return say("remark.other", **words) + " " + say("remark.reserve")
    on = say.day(last.on)
    meeting_def = say(f"meeting_def.{last.kind}")
    decision = f" {say.day(s.decision_on)}" if s.decision_on is not None else ""
    if last.kind not in HELD_BY[required]:
        text = say("remark.lower", **words, meeting_def=meeting_def, on=on)
    elif s.implemented_on is not None and last.on > s.implemented_on:
        text = say("remark.late_implemented", **words, meeting_def=meeting_def, on=on)
    elif s.decision_on is not None and last.on >= s.decision_on:
        text = say("remark.late", **words, meeting_def=meeting_def, on=on, decision=decision)
    else:
        text = say("remark.other", **words)
    return text + " " + say("remark.reserve")


def subject_topic(case: CaseRead, employer: EmployerRead, kind_subject: str) -> str:
    """The case's title as the subject's second half: «Krav om drøftingsmøte – åpent
    landskap i 2. etasje» — no «Krav om» twice, and lower case after the dash unless the
    title begins with a name (the employer's, the place's, an acronym)."""
    title = clean_text(case.title).strip()
    if kind_subject.lower().startswith("krav om") and title.lower().startswith("krav om "):
        title = title[len("krav om ") :].strip() or title
    first = title.split(" ", 1)[0] if title else ""
    names = f"{employer.name} {case.location or ''}"
    keep = (
        not first
        or not first[0].isupper()
        or (len(first) > 1 and first.isupper())
        or any(ch.isdigit() for ch in first)
        or any(ch.isupper() for ch in first[1:])
        or "-" in first  # «Oslo-kontoret»: a name joined to a noun keeps its capital
        or first.strip(",.:;") in names.split()
    )
    return title if keep else title[0].lower() + title[1:]


def _kind_label(code: str, say: Phrases) -> str:
    """A letter kind's name in the letter's form (the vocabulary's label is bokmål)."""
    key = f"label.{code}"
    if say.form != "nb" and say.has(key):
        return say(key)
    return LETTER_KINDS.get(code, "krav")


def _timeline(events: Sequence[EventRead], say: Phrases) -> list[dict[str, Any]]:
    out = []
    for e in sorted(events, key=lambda e: (e.occurred_on, e.id)):
        signed = (
            say("signed.yes")
            if e.signed_by_both
            else say("signed.no")
            if e.signed_by_both is False
            else ""
        )
        event_key = f"event.{e.kind}"
        kind = say(event_key) if say.has(event_key) else EVENT_KINDS.get(e.kind, e.kind)
        if e.letter_kind:
            kind += f": {_kind_label(e.letter_kind, say)}"
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


def _journal(documents: Sequence[DocumentRead], say: Phrases) -> list[dict[str, Any]]:
    return [
        {
            "ref": d.number,
            "dato": format_date(d.dated) if d.dated else "",
            "tittel": clean_text(d.title),
            "retning": say(f"direction.{d.direction}")
            if say.has(f"direction.{d.direction}")
            else DIRECTIONS.get(d.direction, d.direction),
            "sendt": format_date(d.sent_on) if d.sent_on else "",
        }
        for d in documents
    ]


def _deadlines(
    deadlines: Sequence[DeadlineRead], dated: date, say: Phrases
) -> list[dict[str, Any]]:
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
                "status": say(f"deadline_status.{status}"),
            }
        )
    return out


# --------------------------------------------------------------------------- the whole


def build_context(facts: LetterFacts, options: LetterOptions) -> LetterContext:
    kind = letter_kind(options.kind)
    case = facts.case
    dated = options.dated
    say = Phrases(options.form)
    s = situation(kind.code, case, facts.events, facts.assessment.required_level, dated)
    if kind.code == "protokoll" and s.last is not None:
        # The draft is titled and argued by the level of the meeting actually held.
        level = MEETING_LEVEL[s.last.kind]
        s = replace(s, level=level if level != "informasjon" else s.required)
    cited = _cited(
        kind.code,
        facts.assessment,
        facts.catalogue,
        options.provisions,
        case.case_type,
        s.level,
    )
    reply_by = reply_deadline(dated, options.reply_days) if kind.reply else None
    words = say(f"subject.{kind.code}") if say.has(f"subject.{kind.code}") else kind.subject
    subject = say("subject", kind=words, topic=subject_topic(case, facts.employer, words))
    sender = _sender(facts)
    only = "gjelder ikke denne brevtypen"

    home: tuple[list[str], list[str]] = ([], [])
    if kind.code == "krav_om_hjemmekontoravtale":
        gaps = checklist_gaps(facts.checklist, case.written_agreements)
        home = (
            [i.demand_in(say.form) for i in gaps.missing],
            [i.demand_in(say.form) for i in gaps.unclear],
        )

    place = sender["sted"]
    reserve = kind.code in _DEMAND_KINDS and s.implemented_on is not None
    values: dict[str, Any] = {
        "avsender": sender,
        "mottaker": _recipient(facts.employer),
        "brevtype": _kind_label(kind.code, say),
        "emne": subject,
        "dato": format_date(dated),
        "sted_og_dato": f"{place}, {format_date(dated)}"
        if place
        else Missing("sted_og_dato", "stedet du skriver fra mangler; fyll det ut i profilen"),
        "var_ref": options.number,
        "deres_ref": _text(options.their_ref, "deres_ref", "") or "—",
        "tilleggstekst": _text(options.extra_text, "tilleggstekst", "ingen egen tekst er skrevet"),
        "kopi": _text(options.copy_to, "kopi", "ingen skal ha kopi"),
        "sak": _case(case, say),
        "virksomhet": _employer(facts.employer, facts.catalogue, say),
        "vurdering": _assessment(facts.assessment, say),
        "hjemmel": [
            {
                "sitat": say.name(p.citation),
                # The nynorsk words where the letter is nynorsk (the internal summary prints
                # them; the catalogue and the assessment give both forms).
                "tittel": clean_text(p.title_nn if say.form == "nn" and p.title_nn else p.title),
                "sammendrag": clean_text(
                    p.summary_nn if say.form == "nn" and p.summary_nn else p.summary
                ),
                "grunn": clean_text(
                    say.name(p.reason_nn) if say.form == "nn" and p.reason_nn else p.reason
                ),
                "kontrollert": p.verified,
            }
            for p in cited
        ],
        "hjemmel_avsnitt": _legal_paragraph(
            cited,
            facts.catalogue,
            level=s.level,
            case_type=case.case_type,
            employees=facts.employer.employees,
            say=say,
        ),
        "fakta": _facts_paragraph(case, s, say),
        "status": _status_sentence(kind.code, s, say),
        "krav": _demands(kind.code, facts, s, reply_by, home, say),
        "forbehold": say("reserve")
        if reserve
        else Missing("forbehold", "forbeholdet tas med når endringen alt er iverksatt"),
        "vent": _wait(s, say)
        if kind.code == "krav_om_informasjon"
        else Missing("vent", f"{only} (bare krav om informasjon)"),
        "hendelser": _timeline(facts.events, say),
        "dokumenter": _journal(facts.documents, say),
        "frister": _deadlines(facts.deadlines, dated, say),
    }
    _law(values, facts, kind.code, dated, cited, say)
    if reply_by is not None:
        values["svarfrist"] = format_date(reply_by)
        values["svarfrist_ukedag"] = say.weekday_day(reply_by)
        values["svarfrist_dager"] = options.reply_days
        values["svarfrist_forklaring"] = (
            explain_deadline(dated, options.reply_days)
            if say.form == "nb"
            else say(
                "deadline.explain",
                days=options.reply_days,
                dated=say.day(dated),
                due=say.weekday_day(reply_by),
            )
        )
    else:
        for name in ("svarfrist", "svarfrist_ukedag", "svarfrist_dager", "svarfrist_forklaring"):
            values[name] = Missing(name, f"{kind.label.lower()} har ingen svarfrist")
    if kind.code == "purring":
        values["forrige_brev"] = _previous_demand(facts, say)
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
    if kind.code in ("protokolltilforsel", "protokoll"):
        values["mote"] = _meeting(facts, s, kind.code, say)
    else:
        values["mote"] = {
            name: Missing(f"mote.{name}", f"{only} (bare protokolltilførsel og protokoll)")
            for name in ("dato", "type", "tittel", "anmodning", "dokument", "signeres")
        }
    if kind.code == "protokoll" and isinstance(values["mote"]["tittel"], str):
        # The draft's journal title names the meeting actually held, as its heading does.
        words = values["mote"]["tittel"]
        subject = say("subject", kind=words, topic=subject_topic(case, facts.employer, words))
        values["emne"] = subject
    if kind.code == "protokolltilforsel":
        values["merknad"] = _remark(facts, s, say)
    else:
        values["merknad"] = Missing("merknad", f"{only} (bare protokolltilførsel)")
    return LetterContext(kind, values, reply_by, cited, subject)


def _law(
    values: dict[str, Any],
    facts: LetterFacts,
    kind: str,
    dated: date,
    cited: Sequence[AppliedProvision],
    say: Phrases,
) -> None:
    """What the law sets beyond the paragraph: an agreement past its period that runs on,
    and Arbeidstilsynet's consent where the rebuild needs a building permit."""
    form = say.form
    runs_on = agreement_sentence(facts.catalogue, facts.employer.agreement, dated, cited, form)
    limits = deadline_sentences(facts.catalogue, facts.assessment.provisions, kind, dated, form)
    for sentence in [runs_on, *limits]:
        if sentence and isinstance(values["hjemmel_avsnitt"], str):
            values["hjemmel_avsnitt"] = f"{values['hjemmel_avsnitt']} {sentence}".strip()
    demand = building_permit_demand(cited, asked=kind == "krav_om_informasjon", form=form)
    if demand and kind in DEMAND_LETTERS and kind != "purring" and isinstance(values["krav"], list):
        values["krav"] = [*values["krav"], demand]


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
