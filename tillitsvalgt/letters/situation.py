"""Where a case stands on the day a letter is dated: what was decided and implemented by
then, which meetings had been held, and which level of co-determination the letter is
about. Pure; the letter's prose (``context.py``) and the check of whether a letter makes
sense (``sanity.py``) both read it, so the two never disagree about the facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tillitsvalgt.rules.types import Level
from tillitsvalgt.shapes import CaseRead, EventRead

MEETING_KINDS = ("information_meeting", "consultation_meeting", "negotiation_meeting")
# The meetings that fulfil each level: a higher meeting includes the lower ones.
HELD_BY: dict[str, tuple[str, ...]] = {
    "informasjon": MEETING_KINDS,
    "drofting": ("consultation_meeting", "negotiation_meeting"),
    "forhandling": ("negotiation_meeting",),
}
MEETING_LEVEL: dict[str, Level] = {
    "information_meeting": "informasjon",
    "consultation_meeting": "drofting",
    "negotiation_meeting": "forhandling",
}
# The level a letter kind is about; the other kinds follow what the case requires.
KIND_LEVEL: dict[str, Level] = {
    "krav_om_drofting": "drofting",
    "krav_om_forhandling": "forhandling",
}


@dataclass(frozen=True)
class Meeting:
    kind: str  # information_meeting, consultation_meeting, negotiation_meeting
    on: date


@dataclass(frozen=True)
class Situation:
    dated: date
    level: Level  # the level the letter is about
    required: Level  # the level the case requires
    decision_on: date | None
    decided: bool | None  # by the letter's date; None: not known
    implemented_on: date | None  # implemented on or before the letter's date
    planned_on: date | None  # the plan (or an implementation recorded for a later day)
    meetings: tuple[Meeting, ...]  # held on or before the letter's date, oldest first

    @property
    def implemented(self) -> bool:
        return self.implemented_on is not None

    @property
    def plan_passed(self) -> bool:
        """The planned day has come, and no implementation is recorded."""
        return (
            self.implemented_on is None
            and self.planned_on is not None
            and (self.planned_on <= self.dated)
        )

    def first(self, level: str) -> Meeting | None:
        """The first meeting that fulfils ``level``."""
        return next((m for m in self.meetings if m.kind in HELD_BY[level]), None)

    def first_of(self, kind: str) -> Meeting | None:
        return next((m for m in self.meetings if m.kind == kind), None)

    @property
    def last(self) -> Meeting | None:
        return self.meetings[-1] if self.meetings else None


def situation(
    kind: str, case: CaseRead, events: Sequence[EventRead], required: Level, dated: date
) -> Situation:
    meetings = tuple(
        Meeting(e.kind, e.occurred_on)
        for e in sorted(events, key=lambda e: (e.occurred_on, e.id or 0))
        if e.kind in MEETING_KINDS and e.occurred_on <= dated
    )
    implemented_on = (
        case.implemented_on
        if case.implemented_on is not None and case.implemented_on <= dated
        else None
    )
    planned_on = None if implemented_on else case.implemented_on or case.planned_implementation_on
    decided: bool | None
    if case.decision_on is not None:
        decided = case.decision_on <= dated
    elif implemented_on is not None:
        decided = True  # implemented: decided, whenever that was
    else:
        decided = None
    return Situation(
        dated=dated,
        level=KIND_LEVEL.get(kind, required),
        required=required,
        decision_on=case.decision_on,
        decided=decided,
        implemented_on=implemented_on,
        planned_on=planned_on,
        meetings=meetings,
    )
