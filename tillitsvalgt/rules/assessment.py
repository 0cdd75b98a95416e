"""The assessment of one case on one day: which provisions apply and why, which level of
co-determination they require, whether it came in time, the state of the representatives'
demands, what evidence is missing, and which letters to send next.

Pure: ``assess(facts, catalogue, today)`` reads nothing else. The verdict codes are those of
``../shared/scenarios/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tillitsvalgt.rules.deadlines import format_date as _d
from tillitsvalgt.rules.types import (
    LEVEL_LABELS,
    LEVELS,
    AppliedProvision,
    Assessment,
    CaseFacts,
    Catalogue,
    EventFacts,
    Level,
    Provision,
    SuggestedLetter,
)

# Below this average, home work is "sporadic" and hjemmekontorforskriften does not apply
# (Arbeidstilsynet's rule of thumb, legal-basis.md); from 5 days a week it always applies.
SPORADIC_BELOW_DAYS = 1.0

# The event kinds that fulfil each level: a higher level includes the lower ones.
HELD_BY: dict[str, frozenset[str]] = {
    "informasjon": frozenset(
        {"notice", "information_meeting", "consultation_meeting", "negotiation_meeting"}
    ),
    "drofting": frozenset({"consultation_meeting", "negotiation_meeting"}),
    "forhandling": frozenset({"negotiation_meeting"}),
}
MEETING_NAMES: dict[str, str] = {
    "informasjon": "informasjon",
    "drofting": "drøftingsmøte",
    "forhandling": "forhandlingsmøte",
}
DEMAND_LETTERS = frozenset(
    {
        "krav_om_drofting",
        "krav_om_forhandling",
        "krav_om_informasjon",
        "krav_om_utsatt_iverksetting",
        "krav_om_hjemmekontoravtale",
        "purring",
    }
)
DEMAND_FOR_LEVEL: dict[str, str] = {
    "informasjon": "krav_om_informasjon",
    "drofting": "krav_om_drofting",
    "forhandling": "krav_om_forhandling",
}
WORKING_ENVIRONMENT_TYPES = frozenset({"office_layout", "space_allocation", "home_office_policy"})

# --------------------------------------------------------------------------- provisions


def _home_office_regular(facts: CaseFacts) -> bool | None:
    days = facts.home_office_days_per_week
    if days is None:
        return None
    return days >= SPORADIC_BELOW_DAYS


def _condition_holds(condition: str | None, facts: CaseFacts) -> tuple[bool, str]:
    """Whether a provision's condition holds, and the reason in Norwegian."""
    if condition is None:
        return True, ""
    if condition == "regular_home_office":
        regular = _home_office_regular(facts)
        days = facts.home_office_days_per_week
        if regular is None:
            return True, (
                "antall hjemmekontordager er ikke oppgitt; forskriften gjelder hvis "
                "hjemmearbeidet er jevnlig (i snitt minst én dag i uka) – sjekk dette"
            )
        shown = f"{days:g}".replace(".", ",")
        if regular:
            return True, f"hjemmearbeidet er jevnlig: i snitt {shown} dager i uka"
        return False, (
            f"hjemmearbeidet er sporadisk (i snitt {shown} dager i uka, under én), så "
            "forskriften gjelder ikke"
        )
    if condition == "authorities_order":
        if facts.ordered_by_authorities:
            return True, "hjemmearbeidet følger av pålegg eller anbefaling fra myndighetene"
        return False, ""
    if condition == "building_permit":
        return True, "gjelder hvis ombyggingen er søknadspliktig etter plan- og bygningsloven"
    return False, ""


class _Index:
    """What can be worked out once per catalogue rather than once per case: the provisions
    that can apply to a case type under an agreement, and the applied-provision records
    (the same provision for the same reason is the same record). Assessing 100 000 cases
    is measured in benchmarks/."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._candidates: dict[tuple[str, str], tuple[Provision, ...]] = {}
        self._applied: dict[tuple[str, str], AppliedProvision] = {}
        self._static: dict[tuple[object, ...], _Static] = {}

    def candidates(self, case_type: str, agreement: str) -> tuple[Provision, ...]:
        key = (case_type, agreement)
        found = self._candidates.get(key)
        if found is None:
            found = tuple(
                p
                for p in self.catalogue.provisions
                if ("*" in p.case_types or case_type in p.case_types)
                and (p.agreement is None or p.agreement == agreement)
            )
            self._candidates[key] = found
        return found

    def applied(self, p: Provision, why: str) -> AppliedProvision:
        key = (p.key, why)
        found = self._applied.get(key)
        if found is None:
            found = AppliedProvision(p.key, p.citation(), p.title, p.summary, p.verified, why)
            self._applied[key] = found
        return found

    def static(self, facts: CaseFacts) -> _Static:
        """Everything that depends only on who the employer is and what kind of change it
        is, not on dates: many cases share it, so it is worked out once per combination."""
        key = (
            facts.case_type,
            facts.agreement,
            facts.employees,
            facts.home_office_days_per_week,
            facts.ordered_by_authorities,
        )
        found = self._static.get(key)
        if found is None:
            applied, notes = _applicable(facts, self)
            level, source = required_level(applied)
            home_office = any(
                p.source == "hjemmekontorforskriften" and p.condition == "regular_home_office"
                for p, _ in applied
            ) and bool(_home_office_regular(facts))
            if source is not None:
                level_reason = f"Saken krever {LEVEL_LABELS[level]}, jf. {source.citation()}."
            else:
                level_reason = (
                    "Ingen bestemmelse i katalogen krever mer enn informasjon for denne saken."
                )
            found = _Static(
                applied=tuple(applied),
                notes=tuple(notes),
                level=level,
                level_reason=level_reason,
                provisions=tuple(self.applied(p, why) for p, why in applied),
                home_office=home_office,
            )
            self._static[key] = found
        return found


@dataclass(frozen=True)
class _Static:
    applied: tuple[tuple[Provision, str], ...]
    notes: tuple[str, ...]
    level: Level
    level_reason: str
    provisions: tuple[AppliedProvision, ...]
    home_office: bool


_INDEXES: dict[int, _Index] = {}


def _index(catalogue: Catalogue) -> _Index:
    found = _INDEXES.get(id(catalogue))
    if found is None or found.catalogue is not catalogue:  # an id can be reused
        if len(_INDEXES) > 16:
            _INDEXES.clear()
        found = _INDEXES[id(catalogue)] = _Index(catalogue)
    return found


def _applicable(facts: CaseFacts, index: _Index) -> tuple[list[tuple[Provision, str]], list[str]]:
    applied: list[tuple[Provision, str]] = []
    notes: list[str] = []
    catalogue = index.catalogue
    for p in index.candidates(facts.case_type, facts.agreement):
        reasons: list[str] = []
        if p.agreement is not None:
            agreement = catalogue.agreements.get(p.agreement)
            name = agreement.name if agreement else p.source_name
            reasons.append(f"virksomheten er bundet av {name}")
        if p.min_employees is not None:
            if facts.employees is None:
                notes.append(
                    f"{p.citation()} gjelder fra {p.min_employees} ansatte; antall ansatte er "
                    "ikke registrert på virksomheten"
                )
                continue
            if facts.employees < p.min_employees:
                notes.append(
                    f"{p.citation()} gjelder ikke: virksomheten har {facts.employees} ansatte, "
                    f"under {p.min_employees}"
                )
                continue
            reasons.append(
                f"virksomheten har {facts.employees} ansatte, dvs. minst {p.min_employees}"
            )
        holds, why = _condition_holds(p.condition, facts)
        if not holds:
            # One note per source and reason, not one per paragraph of the same regulation.
            note = f"{p.source_name[:1].upper()}{p.source_name[1:]}: {why}"
            if why and note not in notes:
                notes.append(note)
            continue
        if why:
            reasons.append(why)
        if not reasons:
            reasons.append("den gjelder alle virksomheter ved denne typen endring")
        applied.append((p, "; ".join(reasons)))
    return applied, notes


def required_level(applied: list[tuple[Provision, str]]) -> tuple[Level, Provision | None]:
    """The highest level any applicable provision requires (informasjon at the least)."""
    best: Level = "informasjon"
    source: Provision | None = None
    for p, _ in applied:
        if p.level is not None and LEVELS.index(p.level) > LEVELS.index(best):
            best, source = p.level, p
        elif p.level == best and source is None:
            source = p
    return best, source


# --------------------------------------------------------------------------- timing


def _first(events: tuple[EventFacts, ...], kinds: frozenset[str]) -> date | None:
    days = [e.on for e in events if e.kind in kinds]
    return min(days) if days else None


def _implementation(facts: CaseFacts) -> date | None:
    return facts.implemented_on or facts.planned_implementation_on


def _decision_taken(facts: CaseFacts, today: date) -> bool | None:
    """True/False when known; None when there is no decision date and nothing implies one."""
    if facts.decision_on is not None:
        return facts.decision_on <= today
    if facts.implemented_on is not None and facts.implemented_on <= today:
        return True  # implemented: decided, whenever that was
    return None


def timing_verdict(
    facts: CaseFacts, level: Level, today: date
) -> tuple[str, tuple[str, ...], list[str]]:
    """The timing code, the dates missing to judge it, and the reasons."""
    held_on = _first(facts.events, HELD_BY[level])
    meeting = MEETING_NAMES[level]
    decision = facts.decision_on
    taken = _decision_taken(facts, today)
    if held_on is not None:
        if decision is None:
            return (
                "unknown",
                ("decision_on",),
                [
                    f"Første {meeting} var {_d(held_on)}, men beslutningsdatoen er ikke "
                    "registrert, så det kan ikke avgjøres om det skjedde før beslutningen. "
                    "Registrer beslutningsdatoen."
                ],
            )
        if held_on < decision:
            return (
                "in_time",
                (),
                [f"Første {meeting} var {_d(held_on)}, før beslutningen {_d(decision)}."],
            )
        implementation = _implementation(facts)
        if implementation is not None and held_on > implementation:
            return (
                "late_after_implementation",
                (),
                [
                    f"Første {meeting} var {_d(held_on)}, etter beslutningen {_d(decision)} og "
                    f"etter iverksettingen {_d(implementation)}."
                ],
            )
        until = f", men før iverksettingen {_d(implementation)}" if implementation else ""
        return (
            "late_before_implementation",
            (),
            [
                f"Første {meeting} var {_d(held_on)}, etter beslutningen {_d(decision)}{until}. "
                "Drøfting etter at beslutningen er tatt, er ikke drøfting i tide."
            ],
        )
    informed_on = _first(facts.events, frozenset({"information_meeting"}))
    lower = _first(facts.events, HELD_BY["drofting"]) if level == "forhandling" else None
    if taken:
        when = f" {_d(decision)}" if decision else ""
        if lower is not None:
            return (
                "not_held_decision_taken",
                (),
                [
                    f"Det var drøftingsmøte {_d(lower)}, men saken krever forhandling, og det er "
                    f"ikke registrert noe forhandlingsmøte før beslutningen{when}."
                ],
            )
        if informed_on is not None and level != "informasjon":
            return (
                "information_only",
                (),
                [
                    f"Arbeidsgiver informerte {_d(informed_on)}, men det er ikke registrert noe "
                    f"{meeting} før beslutningen{when}. Informasjon er ikke {LEVEL_LABELS[level]}."
                ],
            )
        return (
            "not_held_decision_taken",
            (),
            [f"Beslutningen er tatt{when} uten at det er registrert noe {meeting}."],
        )
    if taken is None and facts.planned_implementation_on is not None and level != "informasjon":
        pending = (
            f"Beslutningsdatoen er ikke registrert; iverksetting er planlagt "
            f"{_d(facts.planned_implementation_on)}. "
        )
    else:
        pending = ""
    return (
        "not_held_yet",
        (),
        [
            f"{pending}Det er ikke registrert noe {meeting}, og beslutningen er ikke tatt ennå: "
            f"krev {LEVEL_LABELS[level]} nå, før beslutningen."
        ],
    )


# --------------------------------------------------------------------------- demands


def demand_state(facts: CaseFacts, today: date) -> tuple[str, date | None, str | None, list[str]]:
    """The state of the representatives' latest demand: its code, its reply deadline when
    still open, the letter kind, and the reasons."""
    sent = [e for e in facts.events if e.kind == "letter_sent" and e.letter in DEMAND_LETTERS]
    if not sent:
        return "none", None, None, []
    last = max(sent, key=lambda e: e.on)
    answered_by = {"letter_received", "consultation_meeting", "negotiation_meeting"}
    answer = [e for e in facts.events if e.kind in answered_by and e.on >= last.on]
    kind = last.letter or "krav"
    if answer:
        first = min(answer, key=lambda e: e.on)
        return (
            "answered",
            None,
            kind,
            [f"Kravet sendt {_d(last.on)} er besvart {_d(first.on)}."],
        )
    if last.reply_by is not None and last.reply_by < today:
        return (
            "overdue",
            last.reply_by,
            kind,
            [
                f"Kravet sendt {_d(last.on)} hadde svarfrist {_d(last.reply_by)}, og det er ikke "
                "registrert noe svar: fristen er oversittet."
            ],
        )
    until = f" (svarfrist {_d(last.reply_by)})" if last.reply_by else ""
    return (
        "awaiting_reply",
        last.reply_by,
        kind,
        [f"Kravet sendt {_d(last.on)} venter på svar{until}."],
    )


# --------------------------------------------------------------------------- evidence


def evidence_gaps(
    facts: CaseFacts, applied: list[tuple[Provision, str]], level: Level
) -> list[str]:
    gaps: list[str] = []
    meetings = [e for e in facts.events if e.kind in HELD_BY["drofting"]]
    protocols = [e for e in facts.events if e.kind == "protocol"]
    if meetings and not protocols:
        gaps.append("Det er ikke registrert protokoll eller referat fra møtet.")
    elif protocols and not any(p.signed_by_both for p in protocols):
        if facts.agreement == "staten":
            pass  # in the state a referat is approved, not signed (HA § 21)
        elif any(p.signed_by_both is False for p in protocols):
            gaps.append("Protokollen er ikke signert av begge parter.")
        else:
            gaps.append("Det er ikke registrert om protokollen er signert av begge parter.")
    if facts.case_type in WORKING_ENVIRONMENT_TYPES:
        kinds = {e.kind for e in facts.events}
        duties = {p.key.split(":")[1] for p, _ in applied if p.working_environment}
        if "6-2" in duties and "verneombud" not in kinds:
            gaps.append(
                "Verneombudet er ikke registrert som involvert, selv om endringen berører "
                "arbeidsmiljøet."
            )
        if "7-2" in duties and "amu" not in kinds:
            gaps.append("Arbeidsmiljøutvalget (AMU) er ikke registrert som involvert.")
    return gaps


# --------------------------------------------------------------------------- next letters


def _implementation_ahead(facts: CaseFacts, today: date) -> bool:
    if facts.implemented_on is not None:
        return facts.implemented_on > today
    return facts.planned_implementation_on is not None and facts.planned_implementation_on > today


def next_letters(
    facts: CaseFacts,
    level: Level,
    timing: str,
    demand: str,
    demand_kind: str | None,
    home_office_applies: bool,
    today: date,
) -> list[SuggestedLetter]:
    out: list[SuggestedLetter] = []
    demand_letter = DEMAND_FOR_LEVEL[level]
    label = LEVEL_LABELS[level]
    if demand == "overdue":
        out.append(SuggestedLetter("purring", "Svarfristen for kravet er oversittet uten svar."))
    waiting = demand in ("overdue", "awaiting_reply")
    if timing in ("not_held_yet", "not_held_decision_taken", "information_only") and not (
        waiting and demand_kind in (demand_letter, "purring")
    ):
        why = {
            "not_held_yet": f"Det er ikke holdt {label} ennå, og beslutningen er ikke tatt.",
            "not_held_decision_taken": f"Beslutningen er tatt uten {label}.",
            "information_only": f"Arbeidsgiver har bare informert; saken krever {label}.",
        }[timing]
        out.append(SuggestedLetter(demand_letter, why))
    if (
        timing in ("late_before_implementation", "not_held_decision_taken", "information_only")
        and _implementation_ahead(facts, today)
        and not (waiting and demand_kind == "krav_om_utsatt_iverksetting")
    ):
        out.append(
            SuggestedLetter(
                "krav_om_utsatt_iverksetting",
                f"Endringen er ikke iverksatt ennå; krev at den venter til {label} er gjennomført.",
            )
        )
    if timing in ("late_before_implementation", "late_after_implementation"):
        out.insert(
            0,
            SuggestedLetter(
                "protokolltilforsel",
                f"{label.capitalize()} kom etter beslutningen: få de tillitsvalgtes syn inn i "
                "protokollen.",
            ),
        )
    if timing == "unknown":
        out.append(
            SuggestedLetter(
                "krav_om_informasjon",
                "Be om opplysninger og dokumenter som viser når beslutningen ble tatt.",
            )
        )
    if (
        home_office_applies
        and facts.written_agreements is False
        and not facts.ordered_by_authorities
        and not (waiting and demand_kind == "krav_om_hjemmekontoravtale")
    ):
        out.insert(
            0,
            SuggestedLetter(
                "krav_om_hjemmekontoravtale",
                "Hjemmearbeidet er jevnlig, og det finnes ikke skriftlige avtaler med "
                "minimumsinnholdet i hjemmekontorforskriften § 2.",
            ),
        )
    return out


# --------------------------------------------------------------------------- the whole


def assess(facts: CaseFacts, catalogue: Catalogue, today: date) -> Assessment:
    static = _index(catalogue).static(facts)
    level = static.level
    applied = list(static.applied)
    timing, missing, timing_reasons = timing_verdict(facts, level, today)
    demand, demand_due, demand_kind, demand_reasons = demand_state(facts, today)
    letters = next_letters(facts, level, timing, demand, demand_kind, static.home_office, today)
    return Assessment(
        required_level=level,
        timing=timing,
        missing=missing,
        demand=demand,
        demand_due_on=demand_due if demand in ("awaiting_reply", "overdue") else None,
        provisions=static.provisions,
        next_letters=tuple(letters),
        evidence_gaps=tuple(evidence_gaps(facts, applied, level)),
        reasons=(static.level_reason, *timing_reasons, *demand_reasons, *static.notes),
    )
