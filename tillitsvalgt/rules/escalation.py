"""The words for a stage a case was taken to after the local level: one text, written on
the case's timeline by the service and shown by ``show`` and ``escalate``."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from tillitsvalgt.rules.deadlines import format_date as norwegian_date
from tillitsvalgt.vocabulary import ESCALATION_OUTCOMES, ESCALATION_STAGES


class Stage(Protocol):
    """What the text is made of: an escalation row or its read shape."""

    @property
    def stage(self) -> str: ...
    @property
    def outcome(self) -> str | None: ...
    @property
    def ended_on(self) -> date | None: ...
    @property
    def reference(self) -> str | None: ...
    @property
    def notes(self) -> str | None: ...


def event_text(row: Stage) -> str:
    """The timeline's words for a stage."""
    text = f"Løftet til: {ESCALATION_STAGES.get(row.stage, row.stage)}."
    if row.outcome is not None and row.ended_on is not None:
        outcome = ESCALATION_OUTCOMES.get(row.outcome, row.outcome)
        text += f" Utfall {norwegian_date(row.ended_on)}: {outcome}."
    elif row.ended_on is not None:
        text += f" Avsluttet {norwegian_date(row.ended_on)}."
    if row.reference:
        text += f" Referanse: {row.reference}."
    if row.notes:
        text += f"\n{row.notes}"
    return text
