"""Deadlines (frister): set by a rule or by hand; extensions are kept, never overwritten."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tillitsvalgt.errors import StateError
from tillitsvalgt.services._common import get_or_fail, read, refuse
from tillitsvalgt.services.cases import branch_filter, resolve_case, touch_case
from tillitsvalgt.shapes import DeadlineCreate, DeadlineExtensionRead, DeadlineRead
from tillitsvalgt.tables import Case, Deadline, DeadlineExtension


def add_deadline(case_ref: str | int, data: DeadlineCreate, *, session: Session) -> DeadlineRead:
    """A deadline set by hand (or by a rule) on a live case; a closed case has none open."""
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    if case.status == "closed":
        raise StateError(f"Sak {case.number} er avsluttet; gjenåpne den før du setter en ny frist.")
    deadline = Deadline(**data.model_dump(), case_id=case.id, original_due_on=data.due_on)
    session.add(deadline)
    session.flush()
    touch_case(case.id, session=session)
    return read(DeadlineRead, deadline)


def list_deadlines(case_ref: str | int, *, session: Session) -> list[DeadlineRead]:
    case = resolve_case(case_ref, session=session, include_deleted=True)
    rows = session.exec(
        select(Deadline).where(Deadline.case_id == case.id).order_by(col(Deadline.due_on))
    )
    return [read(DeadlineRead, d) for d in rows]


def open_deadlines(*, session: Session, until: date | None = None) -> list[DeadlineRead]:
    """Unmet deadlines across all live cases, soonest first (overdue ones come first)."""
    query = (
        select(Deadline)
        .join(Case, col(Case.id) == col(Deadline.case_id))
        .where(*_open_live())
        .order_by(col(Deadline.due_on), col(Deadline.id))  # the same order every time
    )
    if until is not None:
        query = query.where(col(Deadline.due_on) <= until)
    return [read(DeadlineRead, d) for d in session.exec(query)]


def _open_live() -> list[sa.ColumnElement[bool]]:
    """Still running: not met, not cancelled, not lapsed, on a live open case."""
    return [
        *still_open(),
        col(Case.deleted_at).is_(None),
        col(Case.status) == "open",
    ]


def still_open() -> list[sa.ColumnElement[bool]]:
    """A deadline neither met, cancelled nor lapsed with its case's close."""
    return [
        col(Deadline.met_on).is_(None),
        col(Deadline.cancelled).is_(False),
        col(Deadline.lapsed_on).is_(None),
    ]


def _refuse_settled(deadline: Deadline, doing: str) -> None:
    if deadline.met_on is not None:
        raise StateError(f"Fristen er allerede overholdt og kan ikke {doing}.")
    if deadline.cancelled:
        raise StateError(f"Fristen er avlyst og kan ikke {doing}.")
    if deadline.lapsed_on is not None:
        raise StateError(
            f"Fristen falt bort da saken ble avsluttet og kan ikke {doing}; gjenåpne saken først."
        )


def _running(
    walls: list[sa.ColumnElement[bool]], *columns: Any, until: date | None = None
) -> sa.Select[Any]:
    """``columns`` of the running deadlines on live open cases (joined to their case),
    those due by ``until``; ``walls``: ``branch_filter``'s, asked once per call."""
    query = (
        sa.select(*columns)
        .select_from(Deadline)
        .join(Case, col(Case.id) == col(Deadline.case_id))
        .where(*_open_live(), *walls)
    )
    return query if until is None else query.where(col(Deadline.due_on) <= until)


def open_deadline_rows(
    *,
    session: Session,
    until: date | None = None,
    after: tuple[date, int] | None = None,
    limit: int | None = None,
) -> list[tuple[DeadlineRead, str, str, str, bool]]:
    """``open_deadlines`` with each case's number, title, status and whether it is an
    example (demo) case, in one query; ``after`` (a row's due date and id) and ``limit``
    give a page of them, in the same order. (An office's million cases have about 100 000
    running deadlines: reading them all for the window took 10 s.)"""
    query = _running(
        branch_filter(session),
        Deadline,
        col(Case.number),
        col(Case.title),
        col(Case.status),
        col(Case.is_demo),
        until=until,
    ).order_by(col(Deadline.due_on), col(Deadline.id))
    if after is not None:
        due, last = after
        # «due_on >= due» too: a bound the index on due_on can start from.
        query = query.where(
            col(Deadline.due_on) >= due,
            sa.or_(
                col(Deadline.due_on) > due,
                sa.and_(col(Deadline.due_on) == due, col(Deadline.id) > last),
            ),
        )
    if limit is not None:
        query = query.limit(limit)
    return [
        (read(DeadlineRead, d), number, title, status, bool(demo))
        for d, number, title, status, demo in session.execute(query)
    ]


def count_open_deadline_rows(
    *, session: Session, until: date | None, today: date, cap: int
) -> tuple[int, int]:
    """How many ``open_deadline_rows`` lists, and how many of them are overdue, each
    counted to one past ``cap`` at most (it stops there: ≈ 0.2 s each as an office at a
    million cases, against ≈ 1.9 s to the end)."""
    walls = branch_filter(session)

    def counted(query: sa.Select[Any]) -> int:
        hits = query.limit(cap + 1).subquery("hits")
        return int(session.execute(sa.select(sa.func.count()).select_from(hits)).scalar_one())

    listed = counted(_running(walls, sa.literal(1), until=until))
    overdue = counted(_running(walls, sa.literal(1)).where(col(Deadline.due_on) < today))
    return listed, overdue


def count_overdue(*, session: Session, today: date) -> int:
    query = _running(branch_filter(session), sa.func.count()).where(col(Deadline.due_on) < today)
    return int(session.execute(query).scalar_one())


def extend_deadline(
    deadline_id: int, *, new_due_on: date, reason: str | None, session: Session
) -> DeadlineRead:
    deadline = get_or_fail(session, Deadline, deadline_id, "fristen")
    _refuse_settled(deadline, "forlenges")
    if new_due_on <= deadline.due_on:
        raise refuse("due_on", f"ny frist må være etter {deadline.due_on.isoformat()}")
    assert deadline.id is not None
    session.add(
        DeadlineExtension(
            deadline_id=deadline.id,
            previous_due_on=deadline.due_on,
            new_due_on=new_due_on,
            reason=reason,
        )
    )
    deadline.due_on = new_due_on
    session.add(deadline)
    session.flush()
    return read(DeadlineRead, deadline)


def mark_met(deadline_id: int, *, met_on: date, session: Session) -> DeadlineRead:
    deadline = get_or_fail(session, Deadline, deadline_id, "fristen")
    _refuse_settled(deadline, "merkes som overholdt")
    deadline.met_on = met_on
    session.add(deadline)
    session.flush()
    return read(DeadlineRead, deadline)


def cancel_deadline(deadline_id: int, *, session: Session) -> DeadlineRead:
    """Cancelled by hand (the demand was withdrawn, the deadline set by mistake): it leaves
    the lists and is never counted as missed."""
    deadline = get_or_fail(session, Deadline, deadline_id, "fristen")
    _refuse_settled(deadline, "avlyses")
    deadline.cancelled = True
    session.add(deadline)
    session.flush()
    touch_case(deadline.case_id, session=session)
    return read(DeadlineRead, deadline)


def extensions(deadline_id: int, *, session: Session) -> list[DeadlineExtensionRead]:
    rows = session.exec(
        select(DeadlineExtension)
        .where(DeadlineExtension.deadline_id == deadline_id)
        .order_by(col(DeadlineExtension.id))
    )
    return [read(DeadlineExtensionRead, r) for r in rows]
