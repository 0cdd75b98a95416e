"""The assessment of one case on one day: which provisions apply and why, which level of
co-determination they require, whether it came in time, the state of the representatives'
demands, what evidence is missing, and which letters to send next.

Pure: ``assess(facts, catalogue, today)`` reads nothing else. The verdict codes are those of
``tillitsvalgt/vocabulary.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tillitsvalgt.rules.deadlines import format_date as _d
from tillitsvalgt.rules.reasons import agreement_name, counted, reason
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
    Verdict,
)

# Below this average, home work is "sporadic" and hjemmekontorforskriften does not apply
# (Arbeidstilsynet's rule of thumb, docs/legal-sources.md); from 5 days a week it always applies.
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


def _condition_met(condition: str | None, facts: CaseFacts) -> bool:
    """Whether a provision's condition holds (an unknown home-office pattern counts as
    regular: the duty is cited, with the reason that the days are not known)."""
    if condition is None:
        return True
    if condition == "regular_home_office":
        return _home_office_regular(facts) is not False
    if condition == "authorities_order":
        return bool(facts.ordered_by_authorities)
    if condition == "building_permit":
        return bool(facts.building_permit)
    return False


def _condition_holds(condition: str | None, facts: CaseFacts, form: str = "nb") -> tuple[bool, str]:
    """Whether a provision's condition holds, and the reason in Norwegian (``form``)."""
    holds = _condition_met(condition, facts)
    if condition == "regular_home_office":
        regular = _home_office_regular(facts)
        days = facts.home_office_days_per_week
        if regular is None:
            return holds, reason(form, "home_days_unknown")
        shown = counted(form, days, "day") if days is not None else reason(form, "days_unknown")
        return holds, reason(form, "home_regular" if regular else "home_sporadic", days=shown)
    if condition == "authorities_order":
        return holds, reason(form, "authorities") if holds else ""
    if condition == "building_permit":
        if holds:
            return holds, reason(form, "permit")
        return holds, reason(form, "permit_unknown") if facts.building_permit is None else ""
    return holds, ""


def _applies(p: Provision, facts: CaseFacts) -> bool:
    """Whether ``p`` applies to the case: ``_applicable``'s decision without its words."""
    if p.min_employees is not None:
        if facts.employees is None:
            if p.mandatory_from is None:
                return False
        elif facts.employees < p.min_employees:
            return False
    return _condition_met(p.condition, facts)


def _static_key(facts: CaseFacts) -> tuple[object, ...]:
    """The facts a case's provisions and level depend on (not its dates)."""
    return (
        facts.case_type,
        facts.agreement,
        facts.employees,
        facts.home_office_days_per_week,
        facts.ordered_by_authorities,
        facts.building_permit,
    )


class _Index:
    """What can be worked out once per catalogue rather than once per case: the provisions
    that can apply to a case type under an agreement, and the applied-provision records
    (the same provision for the same reason is the same record). Assessing 100 000 cases
    is measured in benchmarks/."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._candidates: dict[tuple[str, str], tuple[Provision, ...]] = {}
        self._applied: dict[tuple[str, str, str], AppliedProvision] = {}
        self._static: dict[tuple[object, ...], _Static] = {}
        self._levels: dict[tuple[object, ...], Level] = {}

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

    def level(self, facts: CaseFacts) -> Level:
        """``static(facts).level``, decided without the reasons' words in two language
        forms: a bulk import's cases mostly have an employer (a headcount) of their own, so
        ``static``'s cache seldom helps there, and making its words cost ≈ 0.1 s of a
        1 000-case bundle. Kept per combination, as ``static`` is: at a million cases most
        combinations come again."""
        key = _static_key(facts)
        found = self._levels.get(key)
        if found is None:
            candidates = self.candidates(facts.case_type, facts.agreement)
            found = required_level([(p, "") for p in candidates if _applies(p, facts)])[0]
            self._levels[key] = found
        return found

    def applied(
        self, p: Provision, why: str, where_exists: bool = False, why_nn: str = ""
    ) -> AppliedProvision:
        key = (p.key, why, why_nn)
        found = self._applied.get(key)
        if found is None:
            found = AppliedProvision(
                p.key,
                p.citation(),
                p.title,
                p.summary,
                p.verified,
                why,
                where_exists,
                title_nn=p.title_nn,
                summary_nn=p.summary_nn,
                reason_nn=why_nn,
            )
            self._applied[key] = found
        return found

    def static(self, facts: CaseFacts) -> _Static:
        """Everything that depends only on who the employer is and what kind of change it
        is, not on dates: many cases share it, so it is worked out once per combination."""
        key = _static_key(facts)
        found = self._static.get(key)
        if found is None:
            applied, notes = _applicable(facts, self)
            # The same provisions for the same facts; only the words differ.
            applied_nn, notes_nn = _applicable(facts, self, "nn")
            level, source = required_level(applied)
            home_office = any(
                p.source == "hjemmekontorforskriften" and p.condition == "regular_home_office"
                for p, _ in applied
            ) and bool(_home_office_regular(facts))
            level_reason, level_reason_nn = (
                reason(f, "level", level=LEVEL_LABELS[level], citation=source.citation())
                if source is not None
                else reason(f, "level_none")
                for f in ("nb", "nn")
            )
            found = _Static(
                applied=tuple(applied),
                notes=tuple(notes),
                level=level,
                level_reason=level_reason,
                provisions=tuple(
                    self.applied(p, why, _where_exists(p, facts.employees), why_nn)
                    for (p, why), (_, why_nn) in zip(applied, applied_nn, strict=True)
                ),
                notes_nn=tuple(notes_nn),
                level_reason_nn=level_reason_nn,
                home_office=home_office,
                duties=_duties(applied),
                where_exists=frozenset(
                    p.key.split(":")[1] for p, _ in applied if _where_exists(p, facts.employees)
                ),
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
    duties: frozenset[str]
    where_exists: frozenset[str] = frozenset()  # duties on a body the employer may lack
    notes_nn: tuple[str, ...] = ()  # the notes and the level's reason in nynorsk
    level_reason_nn: str = ""


_INDEXES: dict[int, _Index] = {}


def _index(catalogue: Catalogue) -> _Index:
    found = _INDEXES.get(id(catalogue))
    if found is None or found.catalogue is not catalogue:  # an id can be reused
        if len(_INDEXES) > 16:
            _INDEXES.clear()
        found = _INDEXES[id(catalogue)] = _Index(catalogue)
    return found


def _applicable(
    facts: CaseFacts, index: _Index, form: str = "nb"
) -> tuple[list[tuple[Provision, str]], list[str]]:
    applied: list[tuple[Provision, str]] = []
    notes: list[str] = []
    catalogue = index.catalogue
    for p in index.candidates(facts.case_type, facts.agreement):
        reasons: list[str] = []
        if p.agreement is not None:
            agreement = catalogue.agreements.get(p.agreement)
            name = agreement.name if agreement else p.source_name
            reasons.append(reason(form, "bound", name=agreement_name(form, name)))
        if p.min_employees is not None:
            if facts.employees is None:
                notes.append(
                    reason(form, "from_employees", citation=p.citation(), limit=p.min_employees)
                )
                if p.mandatory_from is None:
                    continue
                # A body (AMU) the employer may have: cited «der det er AMU», not dropped.
            elif facts.employees < p.min_employees:
                notes.append(
                    reason(
                        form,
                        "below_employees",
                        citation=p.citation(),
                        employees=counted(form, facts.employees, "employee"),
                        limit=p.min_employees,
                    )
                )
                continue
            elif p.mandatory_from is None or facts.employees < p.mandatory_from:
                reasons.append(
                    reason(
                        form,
                        "has_employees",
                        employees=counted(form, facts.employees, "employee"),
                        limit=p.min_employees,
                    )
                )
        if p.mandatory_from is not None:
            if _where_exists(p, facts.employees):
                size = (
                    reason(form, "employees_unknown")
                    if facts.employees is None
                    else reason(
                        form,
                        "has_fewer",
                        employees=counted(form, facts.employees, "employee"),
                        limit=p.mandatory_from,
                    )
                )
                reasons.append(reason(form, "where_set_up", size=size))
            elif p.min_employees is not None and facts.employees is not None:
                reasons.append(
                    reason(
                        form,
                        "has_employees",
                        employees=counted(form, facts.employees, "employee"),
                        limit=p.mandatory_from,
                    )
                )
        holds, why = _condition_holds(p.condition, facts, form)
        if not holds:
            # One note per source and reason, not one per paragraph of the same regulation.
            source = f"{p.source_name[:1].upper()}{p.source_name[1:]}"
            note = reason(form, "source_note", source=source, why=why)
            if why and note not in notes:
                notes.append(note)
            continue
        if why:
            reasons.append(why)
        if not reasons:
            reasons.append(reason(form, "everyone"))
        applied.append((p, "; ".join(reasons)))
    return applied, notes


def _where_exists(p: Provision, employees: int | None) -> bool:
    """Whether the duty rests on a body (verneombud, AMU) the employer has only where it was
    set up: below the size from which the law makes it mandatory, or size unknown."""
    return p.mandatory_from is not None and (employees is None or employees < p.mandatory_from)


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

INFORMATION_MEETING = frozenset({"information_meeting"})
DECISION_MISSING = ("decision_on",)


def _first(events: tuple[EventFacts, ...], kinds: frozenset[str]) -> date | None:
    first: date | None = None
    for e in events:
        if e.kind in kinds and (first is None or e.on < first):
            first = e.on
    return first


def _implementation(facts: CaseFacts) -> date | None:
    return facts.implemented_on or facts.planned_implementation_on


def _decision_taken(facts: CaseFacts, today: date) -> bool | None:
    """True/False when known; None when there is no decision date and nothing implies one."""
    if facts.decision_on is not None:
        return facts.decision_on <= today
    if facts.implemented_on is not None and facts.implemented_on <= today:
        return True  # implemented: decided, whenever that was
    return None


def _timing(facts: CaseFacts, level: Level, today: date) -> tuple[str, date | None]:
    """The timing code and the day of the meeting it rests on (the first meeting of the
    required level; short of one, the lower meeting or the information meeting that was
    held instead). Every decision is made here, once, for the words and for the bulk codes
    alike; ``timing_verdict`` only puts it into words."""
    events = facts.events
    held_on = _first(events, HELD_BY[level])
    if held_on is not None:
        decision = facts.decision_on
        if decision is None:
            return "unknown", held_on
        if held_on < decision:
            return "in_time", held_on
        implementation = _implementation(facts)
        if implementation is not None and held_on > implementation:
            return "late_after_implementation", held_on
        return "late_before_implementation", held_on
    if _decision_taken(facts, today):
        if level == "forhandling":
            lower = _first(events, HELD_BY["drofting"])
            if lower is not None:
                return "not_held_decision_taken", lower
        if level != "informasjon":
            informed_on = _first(events, INFORMATION_MEETING)
            if informed_on is not None:
                return "information_only", informed_on
        return "not_held_decision_taken", None
    return "not_held_yet", None


def timing_verdict(
    facts: CaseFacts, level: Level, today: date
) -> tuple[str, tuple[str, ...], list[str]]:
    """The timing code, the dates missing to judge it, and the reasons."""
    code, on = _timing(facts, level, today)
    missing = DECISION_MISSING if code == "unknown" else ()
    return code, missing, [_timing_reason(code, on, facts, level, today)]


def _timing_reason(
    code: str, on: date | None, facts: CaseFacts, level: Level, today: date, form: str = "nb"
) -> str:
    # The meeting and level names are spelt the same in both forms.
    meeting = MEETING_NAMES[level]
    decision = facts.decision_on
    if code == "unknown":
        assert on is not None
        return reason(form, "timing.unknown", meeting=meeting, on=_d(on))
    if code == "in_time":
        assert on is not None and decision is not None
        return reason(form, "timing.in_time", meeting=meeting, on=_d(on), decision=_d(decision))
    if code in ("late_after_implementation", "late_before_implementation"):
        assert on is not None and decision is not None
        implementation = _implementation(facts)
        if code == "late_after_implementation":
            assert implementation is not None
            return reason(
                form,
                "timing.late_after",
                meeting=meeting,
                on=_d(on),
                decision=_d(decision),
                implementation=_d(implementation),
            )
        until = (
            reason(form, "timing.before_implementation", implementation=_d(implementation))
            if implementation
            else ""
        )
        return reason(
            form,
            "timing.late_before",
            meeting=meeting,
            on=_d(on),
            decision=_d(decision),
            until=until,
        )
    when = f" {_d(decision)}" if decision else ""
    if code == "not_held_decision_taken" and on is not None:
        return reason(form, "timing.lower_only", on=_d(on), when=when)
    if code == "information_only":
        assert on is not None
        return reason(
            form,
            "timing.information_only",
            on=_d(on),
            meeting=meeting,
            when=when,
            level=LEVEL_LABELS[level],
        )
    if code == "not_held_decision_taken":
        return reason(form, "timing.decided_without", when=when, meeting=meeting)
    planned = facts.planned_implementation_on
    if _decision_taken(facts, today) is None and planned is not None and level != "informasjon":
        pending = reason(form, "timing.pending", planned=_d(planned))
    else:
        pending = ""
    return reason(
        form, "timing.not_yet", pending=pending, meeting=meeting, level=LEVEL_LABELS[level]
    )


# --------------------------------------------------------------------------- demands

ANSWERED_BY = frozenset({"letter_received", "consultation_meeting", "negotiation_meeting"})
WAITING = frozenset({"awaiting_reply", "overdue"})


def _demand(facts: CaseFacts, today: date) -> tuple[str, EventFacts | None, date | None]:
    """The demand code, the latest demand letter, and the day it was first answered. Every
    decision is made here, for the words and the bulk codes alike."""
    events = facts.events
    last: EventFacts | None = None
    for e in events:
        # Strictly later: of several demands sent on the latest day, the first one counts.
        if (
            e.kind == "letter_sent"
            and e.letter in DEMAND_LETTERS
            and (last is None or e.on > last.on)
        ):
            last = e
    if last is None:
        return "none", None, None
    sent_on = last.on
    answered_on: date | None = None
    for e in events:
        if (
            e.kind in ANSWERED_BY
            and e.on >= sent_on
            and (answered_on is None or e.on < answered_on)
        ):
            answered_on = e.on
    if answered_on is not None:
        return "answered", last, answered_on
    if last.reply_by is not None and last.reply_by < today:
        return "overdue", last, None
    return "awaiting_reply", last, None


def demand_state(
    facts: CaseFacts, today: date, form: str = "nb"
) -> tuple[str, date | None, str | None, list[str]]:
    """The state of the representatives' latest demand: its code, its reply deadline when
    still open, the letter kind, and the reasons (in ``form``)."""
    code, last, answered_on = _demand(facts, today)
    if last is None:
        return "none", None, None, []
    kind = last.letter or "krav"
    if code == "answered":
        assert answered_on is not None
        said = reason(form, "demand.answered", sent=_d(last.on), answered=_d(answered_on))
        return code, None, kind, [said]
    if code == "overdue":
        assert last.reply_by is not None
        said = reason(form, "demand.overdue", sent=_d(last.on), due=_d(last.reply_by))
        return code, last.reply_by, kind, [said]
    until = reason(form, "demand.reply_by", due=_d(last.reply_by)) if last.reply_by else ""
    said = reason(form, "demand.waiting", sent=_d(last.on), until=until)
    return code, last.reply_by, kind, [said]


# --------------------------------------------------------------------------- evidence


def _duties(applied: Iterable[tuple[Provision, str]]) -> frozenset[str]:
    """The working-environment duties (aml § 6-2 verneombud, § 7-2 AMU) that apply."""
    return frozenset(p.key.split(":")[1] for p, _ in applied if p.working_environment)


def evidence_gaps(
    facts: CaseFacts, applied: list[tuple[Provision, str]], level: Level
) -> list[str]:
    where = frozenset(p.key.split(":")[1] for p, _ in applied if _where_exists(p, facts.employees))
    return _evidence_gaps(facts, _duties(applied), where)


BUILDING_CONSENT = "building_consent"


def _building_permit_gaps(
    facts: CaseFacts, duties: frozenset[str], where: frozenset[str], form: str = "nb"
) -> list[str]:
    """A rebuild that needs a building permit needs Arbeidstilsynet's consent before work
    starts, and the application documents that verneombud and AMU took part (aml § 18-9):
    the timeline must show the consent, and the participation before it."""
    consent = _first(facts.events, frozenset({BUILDING_CONSENT}))
    gaps: list[str] = []
    if consent is None:
        gaps.append(reason(form, "gap.no_consent"))
    elif facts.implemented_on is not None and consent > facts.implemented_on:
        gaps.append(
            reason(
                form,
                "gap.late_consent",
                consent=_d(consent),
                implemented=_d(facts.implemented_on),
            )
        )
    by = consent or facts.implemented_on
    until = reason(form, "gap.before_consent", consent=_d(consent)) if consent else ""
    verneombud = _first(facts.events, frozenset({"verneombud"}))
    if verneombud is None or (by is not None and verneombud > by):
        gaps.append(reason(form, "gap.verneombud_consent", until=until))
    if "7-2" in duties:
        amu = _first(facts.events, frozenset({"amu"}))
        if amu is None or (by is not None and amu > by):
            there = reason(form, "gap.where_amu") if "7-2" in where else ""
            gaps.append(reason(form, "gap.amu_consent", until=until, there=there))
    return gaps


def _evidence_gaps(
    facts: CaseFacts, duties: frozenset[str], where: frozenset[str] = frozenset(), form: str = "nb"
) -> list[str]:
    gaps: list[str] = []
    meeting = protocol = signed = unsigned = verneombud = amu = False
    held = HELD_BY["drofting"]
    for e in facts.events:
        kind = e.kind
        if kind in held:
            meeting = True
        elif kind == "protocol":
            protocol = True
            if e.signed_by_both:
                signed = True
            elif e.signed_by_both is False:
                unsigned = True
        elif kind == "verneombud":
            verneombud = True
        elif kind == "amu":
            amu = True
    if meeting and not protocol:
        gaps.append(reason(form, "gap.no_protocol"))
    elif protocol and not signed:
        if facts.agreement == "staten":
            pass  # in the state a referat is approved, not signed (HA § 21)
        elif unsigned:
            gaps.append(reason(form, "gap.unsigned"))
        else:
            gaps.append(reason(form, "gap.signed_unknown"))
    if duties and facts.case_type in WORKING_ENVIRONMENT_TYPES:
        if "6-2" in duties and not verneombud:
            there = reason(form, "gap.where_verneombud") if "6-2" in where else ""
            gaps.append(reason(form, "gap.verneombud", there=there))
        if "7-2" in duties and not amu:
            there = reason(form, "gap.where_amu") if "7-2" in where else ""
            gaps.append(reason(form, "gap.amu", there=there))
    if "18-9" in duties:
        gaps.extend(_building_permit_gaps(facts, duties, where, form))
    return gaps


# --------------------------------------------------------------------------- next letters


def _implementation_ahead(facts: CaseFacts, today: date) -> bool:
    if facts.implemented_on is not None:
        return facts.implemented_on > today
    return facts.planned_implementation_on is not None and facts.planned_implementation_on > today


# A suggested letter is one of a few fixed texts, per level at most: made once and shared
# (they are frozen), not once per case.
_PURRING = SuggestedLetter("purring", "Svarfristen for kravet er oversittet uten svar.")
_ASK_WHEN_DECIDED = SuggestedLetter(
    "krav_om_informasjon", "Be om opplysninger og dokumenter som viser når beslutningen ble tatt."
)
_HOME_OFFICE_AGREEMENT = SuggestedLetter(
    "krav_om_hjemmekontoravtale",
    "Hjemmearbeidet er jevnlig, og det finnes ikke skriftlige avtaler med "
    "minimumsinnholdet i hjemmekontorforskriften § 2.",
)
_DEMAND_WHY = {
    "not_held_yet": "Det er ikke holdt {} ennå, og beslutningen er ikke tatt.",
    "not_held_decision_taken": "Beslutningen er tatt uten {}.",
    "information_only": "Arbeidsgiver har bare informert; saken krever {}.",
}
_DEMAND: dict[tuple[str, str], SuggestedLetter] = {
    (level, timing): SuggestedLetter(DEMAND_FOR_LEVEL[level], why.format(LEVEL_LABELS[level]))
    for level in LEVELS
    for timing, why in _DEMAND_WHY.items()
}
_POSTPONE: dict[str, SuggestedLetter] = {
    level: SuggestedLetter(
        "krav_om_utsatt_iverksetting",
        f"Endringen er ikke iverksatt ennå; krev at den venter til {LEVEL_LABELS[level]} er "
        "gjennomført.",
    )
    for level in LEVELS
}
_PROTOCOL_NOTE: dict[str, SuggestedLetter] = {
    level: SuggestedLetter(
        "protokolltilforsel",
        f"{LEVEL_LABELS[level].capitalize()} kom etter beslutningen: få de tillitsvalgtes syn "
        "inn i protokollen.",
    )
    for level in LEVELS
}


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
    if demand == "overdue":
        out.append(_PURRING)
    waiting = demand in WAITING
    if timing in _DEMAND_WHY and not (
        waiting and demand_kind in (DEMAND_FOR_LEVEL[level], "purring")
    ):
        out.append(_DEMAND[level, timing])
    if (
        timing in ("late_before_implementation", "not_held_decision_taken", "information_only")
        and _implementation_ahead(facts, today)
        and not (waiting and demand_kind == "krav_om_utsatt_iverksetting")
    ):
        out.append(_POSTPONE[level])
    if timing in ("late_before_implementation", "late_after_implementation"):
        out.insert(0, _PROTOCOL_NOTE[level])
    if timing == "unknown":
        out.append(_ASK_WHEN_DECIDED)
    if (
        home_office_applies
        and facts.written_agreements is False
        and not facts.ordered_by_authorities
        and not (waiting and demand_kind == "krav_om_hjemmekontoravtale")
    ):
        out.insert(0, _HOME_OFFICE_AGREEMENT)
    return out


# --------------------------------------------------------------------------- the whole


def assess(
    facts: CaseFacts, catalogue: Catalogue, today: date, *, nynorsk: bool = True
) -> Assessment:
    """``nynorsk=False`` leaves out the nynorsk reasons and gaps (``reasons_nn``,
    ``evidence_gaps_nn`` empty): the bulk listing prints bokmål only and need not make them."""
    static = _index(catalogue).static(facts)
    level = static.level
    timing, missing, timing_reasons = timing_verdict(facts, level, today)
    demand, demand_due, demand_kind, demand_reasons = demand_state(facts, today)
    reasons_nn: tuple[str, ...] = ()
    gaps_nn: tuple[str, ...] = ()
    if nynorsk:  # the same reasons in nynorsk, for a case summary written in nynorsk
        on = _timing(facts, level, today)[1]
        reasons_nn = (
            static.level_reason_nn,
            _timing_reason(timing, on, facts, level, today, "nn"),
            *demand_state(facts, today, "nn")[3],
            *static.notes_nn,
        )
        gaps_nn = tuple(_evidence_gaps(facts, static.duties, static.where_exists, "nn"))
    letters = next_letters(facts, level, timing, demand, demand_kind, static.home_office, today)
    return Assessment(
        required_level=level,
        timing=timing,
        missing=missing,
        demand=demand,
        demand_due_on=demand_due if demand in WAITING else None,
        provisions=static.provisions,
        next_letters=tuple(letters),
        evidence_gaps=tuple(_evidence_gaps(facts, static.duties, static.where_exists)),
        reasons=(static.level_reason, *timing_reasons, *demand_reasons, *static.notes),
        evidence_gaps_nn=gaps_nn,
        reasons_nn=reasons_nn,
    )


# The only event kinds ``verdict`` looks at (the timing and the demand): a bulk caller may
# leave the others out of the facts and get the same verdict.
VERDICT_EVENT_KINDS = HELD_BY["informasjon"] | INFORMATION_MEETING | {"letter_sent"} | ANSWERED_BY


def verdict(facts: CaseFacts, catalogue: Catalogue, today: date) -> Verdict:
    """The codes of ``assess`` that are stored on the case, and nothing else: no reasons,
    letters or evidence, so assessing every case in bulk makes no Norwegian text. The same
    decisions as ``assess`` (``_timing``, ``_demand``), so the same codes; a test holds
    the two together. Reads only events of ``VERDICT_EVENT_KINDS``."""
    level = _index(catalogue).level(facts)
    timing = _timing(facts, level, today)[0]
    demand, last, _ = _demand(facts, today)
    return Verdict(
        level,
        timing,
        DECISION_MISSING if timing == "unknown" else (),
        demand,
        last.reply_by if last is not None and demand in WAITING else None,
    )
