"""The plain data the rules work on: the legal catalogue, the facts of a case, and the
assessment. Frozen dataclasses: cheap to make by the hundred thousand, and safe to share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from tillitsvalgt.vocabulary import CONFEDERATIONS as CONFEDERATION_NAMES
from tillitsvalgt.vocabulary import LEVELS as LEVEL_NAMES

Level = Literal["informasjon", "drofting", "forhandling"]
LEVELS: tuple[Level, ...] = ("informasjon", "drofting", "forhandling")
# As the level reads inside a sentence ("saken krever drøfting").
LEVEL_LABELS: dict[str, str] = {code: label.lower() for code, label in LEVEL_NAMES.items()}

# Conditions a provision may carry, evaluated by the rules on the facts of a case.
CONDITIONS: dict[str, str] = {
    "regular_home_office": "hjemmearbeidet er jevnlig (ikke sporadisk)",
    "authorities_order": "hjemmearbeidet følger av pålegg eller anbefaling fra myndighetene",
    "building_permit": "ombyggingen er søknadspliktig etter plan- og bygningsloven",
}

# The union confederations a main agreement's union side is named by (vocabulary.py).
CONFEDERATIONS = CONFEDERATION_NAMES


@dataclass(frozen=True)
class Agreement:
    """A main agreement (hovedavtale) in one version."""

    code: str  # as in the shared vocabulary: staten, ks, lo-nho, …
    name: str  # "Hovedavtalen i staten"
    version: str  # "2023–2025"
    valid_from: date | None
    valid_to: date | None
    note: str | None = None  # e.g. "løper videre til ny avtale er inngått"
    # Who is party to this version on the union side: confederation codes and/or named
    # unions (an agreement with one union). Empty: the catalogue does not say.
    confederations: frozenset[str] = frozenset()
    unions: tuple[str, ...] = ()
    employer_party: str | None = None  # "NHO": versions with the same party are siblings
    sectors: frozenset[str] = frozenset()  # the sectors whose employers it fits
    prolonged: str | None = None  # how it runs on past valid_to, where the text says so
    prolonged_by: str | None = None  # the provision that says so ("ha-staten:52")
    prolonged_nn: str | None = None  # «prolonged» in nynorsk


@dataclass(frozen=True)
class Provision:
    """One provision of a law, regulation or agreement, as the catalogue describes it."""

    key: str  # "aml:8-2", "ha-staten:19-2e", "ha-ys-nho:kap-IX"
    source: str  # "aml", "hjemmekontorforskriften", "ha-staten", …
    source_name: str  # "arbeidsmiljøloven", "Hovedavtalen i staten"
    paragraph: str  # as cited when verified: "§ 8-2 første ledd bokstav c"
    chapter: str  # as cited when not verified: "kapittel IX"
    title: str
    summary: str  # our own Norwegian words
    verified: bool  # is the paragraph number (and content) checked against the text?
    case_types: frozenset[str]  # the case types it applies to; "*" = all
    level: Level | None  # the co-determination it requires; None: a duty of another kind
    timing: str | None = None  # "så tidlig som mulig, før beslutningen"
    agreement: str | None = None  # only for employers bound by this agreement code
    min_employees: int | None = None  # applies from this many employees
    condition: str | None = None  # a key of CONDITIONS
    working_environment: bool = False  # a duty to involve verneombud/AMU
    # The body (verneombud, AMU) is certain to exist from this many employees; from
    # min_employees up to here it exists only where it was set up (AMU from 10 on demand).
    mandatory_from: int | None = None
    # A time limit the provision sets once a demand is sent: the letters that start it, how
    # many days, and what must have happened by then.
    deadline_days: int | None = None
    deadline_letters: frozenset[str] = frozenset()
    deadline_title: str | None = None
    deadline_title_nn: str | None = None  # the same in nynorsk, for a nynorsk letter
    # The title and summary in nynorsk (the catalogue requires both), for a nynorsk summary.
    title_nn: str = ""
    summary_nn: str = ""
    # How a letter argues from the facts to this provision, per case type ("*" = any):
    # a sentence with {sitat} (and optionally {tema}, {ansatte}), or "=<key>" to be cited
    # in that provision's sentence. None: the catalogue gives no arguments (a union
    # office's older file); an empty tuple: never argued in a letter to the employer.
    arguments: tuple[tuple[str, str], ...] | None = None
    arguments_nn: tuple[tuple[str, str], ...] | None = None  # the same in nynorsk

    def __post_init__(self) -> None:
        # Worked out once: the assessment asks for it for every case.
        where = self.paragraph if self.verified else self.chapter
        object.__setattr__(self, "_citation", f"{self.source_name} {where}".strip())

    def citation(self) -> str:
        """How a letter may cite it: by paragraph only where verified, else by chapter."""
        return self._citation  # type: ignore[attr-defined, no-any-return]

    def argument_for(self, case_type: str, form: str = "nb") -> str | None:
        """The argument sentence for a case of this type, if the catalogue gives one, in
        the written form asked for. A «=key» (cited in another provision's sentence) is
        the same in both forms; a sentence missing in nynorsk is None, never bokmål."""
        if not self.arguments:
            return None
        found = dict(self.arguments)
        nb = found.get(case_type, found.get("*"))
        if form == "nb" or nb is None or nb.startswith("="):
            return nb
        found_nn = dict(self.arguments_nn or ())
        nn = found_nn.get(case_type, found_nn.get("*"))
        return nn if nn is not None and not nn.startswith("=") else None


@dataclass(frozen=True)
class Catalogue:
    version: str
    agreements: dict[str, Agreement]
    provisions: tuple[Provision, ...]
    origin: str = "innebygd"  # "innebygd" or the path of a union office's own file

    def provision(self, key: str) -> Provision:
        for p in self.provisions:
            if p.key == key:
                return p
        raise KeyError(key)


# --------------------------------------------------------------------------- case facts


# Facts are made by the hundred thousand when every case is assessed: slotted, not frozen
# (a frozen dataclass sets each field through object.__setattr__, several times slower).
@dataclass(slots=True)
class EventFacts:
    kind: str
    on: date
    signed_by_both: bool | None = None
    letter: str | None = None  # letter_sent / letter_received: the letter kind
    reply_by: date | None = None


@dataclass(slots=True)
class CaseFacts:
    """What the assessment needs to know of a case, and nothing else."""

    case_type: str
    agreement: str
    employees: int | None
    notice_on: date | None = None
    decision_on: date | None = None
    planned_implementation_on: date | None = None
    implemented_on: date | None = None
    home_office_days_per_week: float | None = None
    written_agreements: bool | None = None
    ordered_by_authorities: bool | None = None
    events: tuple[EventFacts, ...] = ()
    building_permit: bool | None = None  # the rebuild needs a building permit (pbl)


# --------------------------------------------------------------------------- the answer


@dataclass(frozen=True)
class AppliedProvision:
    key: str
    citation: str
    title: str
    summary: str
    verified: bool
    reason: str  # why it applies to this case, in Norwegian
    # The duty rests on a body the employer has only if it was set up (AMU at 10–29
    # employees): letters say «der det er AMU».
    where_exists: bool = False
    # The title, summary and reason in nynorsk, for a case summary written in nynorsk.
    title_nn: str = ""
    summary_nn: str = ""
    reason_nn: str = ""


@dataclass(frozen=True)
class SuggestedLetter:
    kind: str
    reason: str


@dataclass(frozen=True)
class Assessment:
    required_level: Level
    timing: str  # in_time, late_before_implementation, …, unknown
    missing: tuple[str, ...]  # dates that must be known to judge the timing
    demand: str  # none, awaiting_reply, overdue, answered
    demand_due_on: date | None  # the reply deadline of the demand still open
    provisions: tuple[AppliedProvision, ...]
    next_letters: tuple[SuggestedLetter, ...]
    evidence_gaps: tuple[str, ...]
    reasons: tuple[str, ...] = field(default=())
    # The same reasons and evidence gaps in nynorsk (tillitsvalgt/rules/reasons.py).
    reasons_nn: tuple[str, ...] = field(default=())
    evidence_gaps_nn: tuple[str, ...] = field(default=())

    def as_expected(self) -> dict[str, object]:
        """The fields of the scenarios' ``expected`` block, same names and codes."""
        return {
            "required_level": self.required_level,
            "timing": self.timing,
            "missing": list(self.missing),
            "demand": self.demand,
            "provisions": [p.key for p in self.provisions],
            "next_letters": [s.kind for s in self.next_letters],
        }


# Made once per case when every case is judged in bulk: slotted, like the facts.
@dataclass(slots=True)
class Verdict:
    """The codes of an assessment that are stored on the case (``Assessment`` has the same
    fields by the same names), without the reasons, letters and evidence."""

    required_level: Level
    timing: str
    missing: tuple[str, ...]
    demand: str
    demand_due_on: date | None
