"""Escalation: when the employer refuses at the local level, the case goes on — to the
central parties, then Arbeidsretten (in the state: a dispute under tjenestetvistloven).
Each stage a case reaches is one row (when it began; when and how it ended), and one event
on the case's timeline that says the same in words, so every reader of the timeline (the
window, ``show``, the summary letter, bundles) sees it without knowing about this table.

The report's counts come from ``escalation_counts`` (a function the report can call).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tillitsvalgt.errors import Problem, ValidationError
from tillitsvalgt.rules.deadlines import format_date as norwegian_date
from tillitsvalgt.rules.escalation import event_text as event_text  # the timeline's words
from tillitsvalgt.services import events as event_service
from tillitsvalgt.services._common import read
from tillitsvalgt.services.cases import resolve_case, touch_case
from tillitsvalgt.shapes import EscalationRead, EventCreate, EventUpdate
from tillitsvalgt.tables import Case, Escalation, Event, utcnow
from tillitsvalgt.vocabulary import ESCALATION_ORDER, ESCALATION_OUTCOMES, ESCALATION_STAGES

MAX_REFERENCE = 200
MAX_NOTES = 20_000


@dataclass(frozen=True)
class StageInput:
    """What the user records for one stage; None leaves a stored value as it is."""

    stage: str
    started_on: date | None = None
    ended_on: date | None = None
    outcome: str | None = None
    reference: str | None = None
    notes: str | None = None


def _problems(data: StageInput, merged: dict[str, Any], others: list[Escalation]) -> list[Problem]:
    problems: list[Problem] = []
    if data.stage not in ESCALATION_STAGES:
        problems.append(
            Problem(
                "Trinn",
                f"ukjent trinn «{data.stage}»; gyldige: " + ", ".join(ESCALATION_STAGES),
            )
        )
        return problems
    if data.outcome is not None and data.outcome not in ESCALATION_OUTCOMES:
        problems.append(
            Problem(
                "Utfall",
                f"ukjent utfall «{data.outcome}»; gyldige: " + ", ".join(ESCALATION_OUTCOMES),
            )
        )
    started, ended = merged["started_on"], merged["ended_on"]
    if started is None:
        problems.append(Problem("Dato", "mangler: når ble saken løftet til dette trinnet?"))
    if merged["outcome"] is not None and ended is None:
        problems.append(Problem("Avsluttet", "mangler: hvilken dato kom utfallet?"))
    if started is not None and ended is not None and ended < started:
        problems.append(
            Problem(
                "Avsluttet",
                f"{norwegian_date(ended)} er før trinnet begynte ({norwegian_date(started)})",
            )
        )
    for text, most, name in (
        (data.reference, MAX_REFERENCE, "Referanse"),
        (data.notes, MAX_NOTES, "Notat"),
    ):
        if text is not None and len(text) > most:
            problems.append(Problem(name, f"er for lang (høyst {most} tegn)"))
    if started is not None:
        order = ESCALATION_ORDER[data.stage]
        for other in others:
            theirs = ESCALATION_ORDER.get(other.stage, 0)
            if (theirs < order and other.started_on > started) or (
                theirs > order and other.started_on < started
            ):
                before = "før" if theirs < order else "etter"
                problems.append(
                    Problem(
                        "Dato",
                        f"{norwegian_date(started)} er {before} at saken ble løftet til "
                        f"«{ESCALATION_STAGES[other.stage]}» ({norwegian_date(other.started_on)});"
                        " trinnene følger etter hverandre",
                    )
                )
    return problems


def record_stage(case_ref: str | int, data: StageInput, *, session: Session) -> EscalationRead:
    """Record that a case reached a stage, or the outcome of a stage it reached. The
    timeline event follows (a new event, or the stage's own event updated, its earlier
    version kept)."""
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    rows = session.exec(select(Escalation).where(col(Escalation.case_id) == case.id)).all()
    row = next((r for r in rows if r.stage == data.stage), None)
    started = data.started_on or (row.started_on if row else None)
    ended = data.ended_on or (row.ended_on if row else None)
    outcome = data.outcome or (row.outcome if row else None)
    merged = {"started_on": started, "ended_on": ended, "outcome": outcome}
    problems = _problems(data, merged, [r for r in rows if r is not row])
    if problems:
        raise ValidationError(problems, heading="Trinnet ble ikke registrert")
    assert started is not None
    if row is None:
        row = Escalation(case_id=case.id, stage=data.stage, started_on=started)
    row.started_on = started
    row.ended_on = ended
    row.outcome = outcome
    if data.reference is not None:
        row.reference = data.reference.strip() or None
    if data.notes is not None:
        row.notes = data.notes.strip() or None
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    _write_event(row, session)
    touch_case(case.id, session=session)
    return read(EscalationRead, row)


def _write_event(row: Escalation, session: Session) -> None:
    values = {"kind": "escalation", "occurred_on": row.started_on, "notes": event_text(row)}
    event = session.get(Event, row.event_id) if row.event_id is not None else None
    if event is None or event.deleted_at is not None:
        created = event_service.add_event(
            row.case_id, EventCreate.model_validate(values), session=session
        )
        row.event_id = created.id
        session.add(row)
        session.flush()
        return
    if (event.occurred_on, event.notes) != (values["occurred_on"], values["notes"]):
        assert event.id is not None
        event_service.update_event(
            event.id,
            EventUpdate.model_validate(
                {
                    "occurred_on": values["occurred_on"],
                    "notes": values["notes"],
                    "version": event.version,
                }
            ),
            session=session,
        )


def remove_stage(case_ref: str | int, stage: str, *, session: Session) -> None:
    """Take a stage registered by mistake away; its timeline event is deleted the ordinary
    way (its versions are kept)."""
    case = resolve_case(case_ref, session=session)
    row = session.exec(
        select(Escalation).where(col(Escalation.case_id) == case.id, col(Escalation.stage) == stage)
    ).first()
    if row is None:
        raise ValidationError(
            [Problem("Trinn", f"sak {case.number} er ikke registrert på trinnet «{stage}»")],
            heading="Ingenting er endret",
        )
    if row.event_id is not None:
        event = session.get(Event, row.event_id)
        if event is not None and event.deleted_at is None:
            event_service.delete_event(row.event_id, version=event.version, session=session)
    session.delete(row)
    session.flush()


def list_stages(case_ref: str | int, *, session: Session) -> list[EscalationRead]:
    case = resolve_case(case_ref, session=session, include_deleted=True)
    rows = session.exec(select(Escalation).where(col(Escalation.case_id) == case.id)).all()
    rows = sorted(rows, key=lambda r: (ESCALATION_ORDER.get(r.stage, 9), r.started_on))
    return [read(EscalationRead, r) for r in rows]


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class EscalationCounts:
    """For the report: how many cases reached each stage, and the outcomes per stage
    ("pending" while a stage has none)."""

    cases_escalated: int
    by_stage: dict[str, int]
    by_stage_outcome: dict[tuple[str, str], int]


def escalation_counts(
    *, session: Session, since: date | None = None, until: date | None = None
) -> EscalationCounts:
    """Counts over the live cases' stages that began in the period (both ends included)."""
    where: list[Any] = [col(Case.deleted_at).is_(None)]
    if since is not None:
        where.append(col(Escalation.started_on) >= since)
    if until is not None:
        where.append(col(Escalation.started_on) <= until)
    rows = session.execute(
        sa.select(col(Escalation.case_id), col(Escalation.stage), col(Escalation.outcome))
        .join(Case, col(Case.id) == col(Escalation.case_id))
        .where(*where)
    ).all()
    by_stage: Counter[str] = Counter()
    by_outcome: Counter[tuple[str, str]] = Counter()
    for _, stage, outcome in rows:
        by_stage[stage] += 1
        by_outcome[(stage, outcome or "pending")] += 1
    return EscalationCounts(
        cases_escalated=len({r[0] for r in rows}),
        by_stage=dict(by_stage),
        by_stage_outcome=dict(by_outcome),
    )
