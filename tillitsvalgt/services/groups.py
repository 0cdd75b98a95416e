"""Group cases: one employer decision that touches several units is one group. Its cases
are linked to it and share the decision's facts: the decision date and the notice date set
on the group are written to every linked case, through the ordinary case update, so each
change is in that case's history. The report counts a group's decision once
(``count_decisions``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from tillitsvalgt import history
from tillitsvalgt.errors import ConflictError, NotFoundError, Problem, UserError, ValidationError
from tillitsvalgt.services._common import read, refuse
from tillitsvalgt.services.cases import resolve_case, update_case
from tillitsvalgt.shapes import CaseGroupCreate, CaseGroupRead, CaseUpdate
from tillitsvalgt.tables import Case, CaseGroup, utcnow

SHARED_FACTS = ("decision_on", "notice_on")
"""The case fields a group holds for all its cases."""


def resolve_group(ref: str | int, *, session: Session) -> CaseGroup:
    """A group by its number (``3`` or ``G3``) or its name (any case)."""
    text = str(ref).strip()
    digits = text[1:] if text[:1] in ("G", "g", "#") else text
    found: CaseGroup | None = None
    if digits.isdigit() and len(digits) < 10:
        found = session.get(CaseGroup, int(digits))
    if found is None and text:
        found = session.exec(
            select(CaseGroup).where(func.lower(col(CaseGroup.name)) == text.lower())
        ).first()
    if found is None:
        raise NotFoundError(f"Fant ingen gruppesak «{text}». Se «tillitsvalgt groups list».")
    return found


def create_group(data: CaseGroupCreate, *, session: Session) -> CaseGroupRead:
    taken = session.exec(
        select(CaseGroup.id).where(func.lower(col(CaseGroup.name)) == data.name.lower())
    ).first()
    if taken is not None:
        raise refuse("name", f"det finnes allerede en gruppesak som heter «{data.name}»")
    values = data.model_dump(exclude_none=True)
    group = CaseGroup(**values)
    session.add(group)
    session.flush()
    return read(CaseGroupRead, group)


def get_group(ref: str | int, *, session: Session) -> CaseGroupRead:
    return read(CaseGroupRead, resolve_group(ref, session=session))


def _shared(group: CaseGroup) -> dict[str, Any]:
    return {f: getattr(group, f) for f in SHARED_FACTS if getattr(group, f) is not None}


def add_cases(ref: str | int, cases: Iterable[str], *, session: Session) -> list[str]:
    """Link cases to the group; each takes the group's decision facts (when the group has
    them). A case in another group moves (its history says so). Returns the numbers."""
    group = resolve_group(ref, session=session)
    linked = []
    with history.context(session, "gruppesak"):
        for number in cases:
            case = resolve_case(number, session=session)
            values: dict[str, Any] = {"group_id": group.id}
            values.update({k: v for k, v in _shared(group).items() if getattr(case, k) != v})
            if case.group_id != group.id or len(values) > 1:
                _update(case, values, session)
            linked.append(case.number)
    return linked


def remove_case(number: str, *, session: Session) -> str:
    case = resolve_case(number, session=session)
    if case.group_id is None:
        raise UserError(f"Sak {case.number} hører ikke til noen gruppesak.")
    with history.context(session, "gruppesak"):
        _update(case, {"group_id": None}, session)
    return case.number


def _update(case: Case, values: dict[str, Any], session: Session) -> None:
    try:
        update_case(
            case.number,
            CaseUpdate.model_validate({**values, "version": case.version}),
            session=session,
        )
    except ValidationError as exc:
        raise ValidationError(
            [Problem(f"Sak {case.number} › {p.field}", p.message) for p in exc.problems],
            heading="Gruppesaken ble ikke endret; ingenting er lagret",
        ) from None


def update_group(
    ref: str | int,
    *,
    version: int | None = None,
    session: Session,
    **changes: Any,
) -> tuple[CaseGroupRead, list[str]]:
    """Change the group (name, description, decision and notice dates). Changed dates are
    written to every live linked case, each change recorded in that case's history; if any
    case refuses the new date (its implementation would then come before the decision),
    nothing is changed. Returns the group and the numbers of the cases that changed."""
    group = resolve_group(ref, session=session)
    if version is not None and version != group.version:
        raise ConflictError(
            f"Gruppesaken «{group.name}» er endret av noen andre siden du åpnet den. Last den "
            "inn på nytt og gjør endringen igjen; ingenting er lagret."
        )
    unknown = set(changes) - {"name", "description", *SHARED_FACTS}
    if unknown:
        raise ValueError(f"unknown group fields: {unknown}")
    if "name" in changes:
        name = (changes["name"] or "").strip()
        if not name:
            raise refuse("name", "må fylles ut")
        other = session.exec(
            select(CaseGroup.id).where(
                func.lower(col(CaseGroup.name)) == name.lower(), col(CaseGroup.id) != group.id
            )
        ).first()
        if other is not None:
            raise refuse("name", f"det finnes allerede en gruppesak som heter «{name}»")
        changes["name"] = name
    for key, value in changes.items():
        setattr(group, key, value)
    group.version += 1
    group.updated_at = utcnow()
    session.add(group)
    session.flush()
    facts = {k: v for k, v in changes.items() if k in SHARED_FACTS}
    changed: list[str] = []
    if facts:
        with history.context(session, "gruppesak"):
            for case in session.exec(
                select(Case)
                .where(col(Case.group_id) == group.id, col(Case.deleted_at).is_(None))
                .order_by(col(Case.year), col(Case.seq))
            ).all():
                differs = {k: v for k, v in facts.items() if getattr(case, k) != v}
                if differs:
                    _update(case, differs, session)
                    changed.append(case.number)
    return read(CaseGroupRead, group), changed


@dataclass(frozen=True)
class GroupSummary:
    group: CaseGroupRead
    cases: int


def list_groups(*, session: Session) -> list[GroupSummary]:
    counts = dict(
        session.execute(
            sa.select(col(Case.group_id), func.count())
            .where(col(Case.group_id).is_not(None), col(Case.deleted_at).is_(None))
            .group_by(col(Case.group_id))
        ).all()
    )
    return [
        GroupSummary(read(CaseGroupRead, g), int(counts.get(g.id, 0)))
        for g in session.exec(select(CaseGroup).order_by(col(CaseGroup.name)))
    ]


def group_case_numbers(ref: str | int, *, session: Session) -> list[str]:
    group = resolve_group(ref, session=session)
    return list(
        session.exec(
            select(Case.number)
            .where(col(Case.group_id) == group.id, col(Case.deleted_at).is_(None))
            .order_by(col(Case.year), col(Case.seq))
        )
    )


# --------------------------------------------------------------------------- the report


def distinct_decisions(group_ids: Iterable[int | None]) -> int:
    """How many employer decisions a set of cases stands for: a case outside any group is
    its own decision; the cases of one group are one decision together. Pure, for the
    report's cube: hand it the ``group_id`` of every case counted."""
    ungrouped = 0
    groups: set[int] = set()
    for group_id in group_ids:
        if group_id is None:
            ungrouped += 1
        else:
            groups.add(group_id)
    return ungrouped + len(groups)


def count_decisions(
    *, session: Session, since: date | None = None, until: date | None = None
) -> int:
    """``distinct_decisions`` over the live cases that belong to the period the way the
    report decides it (notice date, else decision date, else the day it was registered,
    in UTC), counted by the database."""
    if session.get_bind().dialect.name == "postgresql":
        created: Any = sa.cast(func.timezone("UTC", col(Case.created_at)), sa.Date)
    else:
        created = func.date(col(Case.created_at), type_=sa.Date)
    first_date = func.coalesce(col(Case.notice_on), col(Case.decision_on), created, type_=sa.Date)
    where: list[Any] = [col(Case.deleted_at).is_(None)]
    if since is not None:
        where.append(first_date >= since)
    if until is not None:
        where.append(first_date <= until)
    ungrouped = session.execute(
        sa.select(func.count()).where(*where, col(Case.group_id).is_(None))
    ).scalar_one()
    grouped = session.execute(
        sa.select(func.count(func.distinct(col(Case.group_id)))).where(
            *where, col(Case.group_id).is_not(None)
        )
    ).scalar_one()
    return int(ungrouped) + int(grouped)
