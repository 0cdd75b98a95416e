"""The union office's parts of a case bundle: the escalation stages and the group case.

Stages are matched by UUID (or, from a bundle made elsewhere, by case and stage) and merged
newer-wins like cases; their timeline events travel as ordinary events and are tied back
by UUID. A group is matched by UUID, else by name (two representatives who named the same
decision alike mean the same decision), so a bundle of several cases of one decision from
several people ends as one group.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import date, datetime
from typing import Annotated, Any

import pydantic
import sqlalchemy as sa
from pydantic import AfterValidator, ConfigDict
from sqlmodel import Session, col, func, select

from tillitsvalgt.errors import Problem, ValidationError
from tillitsvalgt.services.bundle_evidence import Stamp
from tillitsvalgt.tables import Case, CaseGroup, Escalation, Event, utcnow
from tillitsvalgt.validation import LongText, ShortText, Title, _code
from tillitsvalgt.vocabulary import ESCALATION_OUTCOMES, ESCALATION_STAGES

StageCode = Annotated[str, AfterValidator(_code(ESCALATION_STAGES, "trinn"))]
EscalationOutcome = Annotated[
    str | None,
    AfterValidator(lambda v: None if v is None else _code(ESCALATION_OUTCOMES, "utfall")(v)),
]


class _Strict(pydantic.BaseModel):
    model_config = ConfigDict(extra="forbid")


class BundleEscalation(_Strict):
    uuid: uuid_module.UUID | None = None
    stage: StageCode
    started_on: date
    ended_on: date | None = None
    outcome: EscalationOutcome = None
    reference: ShortText = None
    notes: LongText = None
    event: uuid_module.UUID | None = None  # its timeline event, among the item's events
    updated_at: Stamp | None = None


class BundleGroup(_Strict):
    uuid: uuid_module.UUID | None = None
    name: Title
    description: LongText = None
    notice_on: date | None = None
    decision_on: date | None = None
    updated_at: Stamp | None = None


def check_office(escalations: list[BundleEscalation], name: str) -> list[Problem]:
    problems: list[Problem] = []
    stages: set[str] = set()
    for index, stage in enumerate(escalations):
        where = f"{name} › Opptrapping › nr. {index + 1}"
        if stage.stage in stages:
            problems.append(Problem(where, f"trinnet «{stage.stage}» står to ganger"))
        stages.add(stage.stage)
        if stage.ended_on is not None and stage.ended_on < stage.started_on:
            problems.append(Problem(where, "utfallet er datert før trinnet begynte"))
        if stage.outcome is not None and stage.ended_on is None:
            problems.append(Problem(where, "utfallet mangler dato (ended_on)"))
    return problems


def _newer(theirs: datetime | None, ours: datetime) -> bool:
    return theirs is not None and theirs > ours


def merge_escalations(
    case_id: int, case_ref: str, stages: list[BundleEscalation], *, session: Session
) -> int:
    """Returns how many stages were added or changed."""
    changed = 0
    for index, wanted in enumerate(stages):
        row = None
        if wanted.uuid is not None:
            row = session.exec(
                select(Escalation).where(col(Escalation.uuid) == wanted.uuid)
            ).first()
            if row is not None and row.case_id != case_id:
                raise ValidationError(
                    [
                        Problem(
                            f"Sak {case_ref} › Opptrapping › nr. {index + 1}",
                            f"har samme UUID som et trinn i en annen sak ({wanted.uuid})",
                        )
                    ],
                    heading="Filen ble ikke importert; ingenting er endret",
                )
        if row is None:
            row = session.exec(
                select(Escalation).where(
                    col(Escalation.case_id) == case_id, col(Escalation.stage) == wanted.stage
                )
            ).first()
        values = {
            "started_on": wanted.started_on,
            "ended_on": wanted.ended_on,
            "outcome": wanted.outcome,
            "reference": wanted.reference,
            "notes": wanted.notes,
        }
        event_id = None
        if wanted.event is not None:
            event_id = session.exec(
                select(Event.id).where(
                    col(Event.uuid) == wanted.event, col(Event.case_id) == case_id
                )
            ).first()
        if row is None:
            row = Escalation(
                uuid=wanted.uuid or uuid_module.uuid4(),
                case_id=case_id,
                stage=wanted.stage,
                event_id=event_id,
                started_on=wanted.started_on,
                ended_on=wanted.ended_on,
                outcome=wanted.outcome,
                reference=wanted.reference,
                notes=wanted.notes,
            )
        elif any(getattr(row, k) != v for k, v in values.items()) and _newer(
            wanted.updated_at, row.updated_at
        ):
            for key, value in values.items():
                setattr(row, key, value)
            row.event_id = row.event_id or event_id
        else:
            continue
        row.updated_at = wanted.updated_at or utcnow()
        session.add(row)
        session.flush()
        changed += 1
    return changed


def merge_group(
    case_id: int, wanted: BundleGroup | None, *, took_case: bool, session: Session
) -> bool:
    """Link the case to the bundle's group (made here when missing). Returns whether a
    group was created."""
    if wanted is None:
        return False
    group = None
    if wanted.uuid is not None:
        group = session.exec(select(CaseGroup).where(col(CaseGroup.uuid) == wanted.uuid)).first()
    if group is None:
        group = session.exec(
            select(CaseGroup).where(func.lower(col(CaseGroup.name)) == wanted.name.lower())
        ).first()
    created = group is None
    values = {
        "description": wanted.description,
        "notice_on": wanted.notice_on,
        "decision_on": wanted.decision_on,
    }
    if group is None:
        group = CaseGroup(
            uuid=wanted.uuid or uuid_module.uuid4(),
            name=wanted.name,
            description=wanted.description,
            notice_on=wanted.notice_on,
            decision_on=wanted.decision_on,
        )
        group.updated_at = wanted.updated_at or utcnow()
        session.add(group)
        session.flush()
    elif any(getattr(group, k) != v for k, v in values.items()) and _newer(
        wanted.updated_at, group.updated_at
    ):
        for key, value in values.items():
            setattr(group, key, value)
        group.version += 1
        group.updated_at = wanted.updated_at or utcnow()
        session.add(group)
        session.flush()
    case = session.get(Case, case_id)
    assert case is not None
    if case.group_id != group.id and (case.group_id is None or took_case):
        session.execute(sa.update(Case).where(col(Case.id) == case_id).values(group_id=group.id))
    return created


def export_office(case_ids: list[int], *, session: Session) -> dict[int, dict[str, Any]]:
    result: dict[int, dict[str, Any]] = {cid: {} for cid in case_ids}
    if not case_ids:
        return result
    wanted = set(case_ids)
    rows = session.exec(
        select(Escalation).order_by(col(Escalation.case_id), col(Escalation.started_on))
    )
    stages = [r for r in rows if r.case_id in wanted]
    event_ids = {r.event_id for r in stages if r.event_id is not None}
    event_uuids = (
        dict(
            session.execute(
                sa.select(col(Event.id), col(Event.uuid)).where(col(Event.id).in_(event_ids))
            ).all()
        )
        if event_ids
        else {}
    )
    for r in stages:
        result[r.case_id].setdefault("escalations", []).append(
            {
                k: v
                for k, v in {
                    "uuid": str(r.uuid),
                    "stage": r.stage,
                    "started_on": r.started_on.isoformat(),
                    "ended_on": r.ended_on.isoformat() if r.ended_on else None,
                    "outcome": r.outcome,
                    "reference": r.reference,
                    "notes": r.notes,
                    "event": str(event_uuids[r.event_id]) if r.event_id in event_uuids else None,
                    "updated_at": r.updated_at.isoformat(),
                }.items()
                if v is not None
            }
        )
    groups = {g.id: g for g in session.exec(select(CaseGroup))}
    for case_id, group_id in session.execute(
        sa.select(col(Case.id), col(Case.group_id)).where(col(Case.group_id).is_not(None))
    ).all():
        if case_id in wanted and group_id in groups:
            g = groups[group_id]
            result[case_id]["group"] = {
                k: v
                for k, v in {
                    "uuid": str(g.uuid),
                    "name": g.name,
                    "description": g.description,
                    "notice_on": g.notice_on.isoformat() if g.notice_on else None,
                    "decision_on": g.decision_on.isoformat() if g.decision_on else None,
                    "updated_at": g.updated_at.isoformat(),
                }.items()
                if v is not None
            }
    return result
