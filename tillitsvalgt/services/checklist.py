"""Answers to the home-office agreement checklist, one per item and case."""

from __future__ import annotations

from sqlmodel import Session, col, select

from tillitsvalgt.services._common import read, refuse
from tillitsvalgt.services.cases import resolve_case, touch_case
from tillitsvalgt.shapes import ChecklistAnswerRead, ChecklistAnswerSet
from tillitsvalgt.tables import ChecklistAnswer, utcnow


def set_answer(
    case_ref: str | int, data: ChecklistAnswerSet, *, session: Session
) -> ChecklistAnswerRead:
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    if not data.item_key:
        raise refuse("item_key", "må fylles ut")
    row = session.exec(
        select(ChecklistAnswer).where(
            ChecklistAnswer.case_id == case.id, ChecklistAnswer.item_key == data.item_key
        )
    ).first()
    if row is None:
        row = ChecklistAnswer(case_id=case.id, **data.model_dump())
    else:
        row.answer = data.answer
        row.note = data.note
        row.updated_at = utcnow()
    session.add(row)
    session.flush()
    touch_case(case.id, session=session)
    return read(ChecklistAnswerRead, row)


def list_answers(case_ref: str | int, *, session: Session) -> list[ChecklistAnswerRead]:
    case = resolve_case(case_ref, session=session, include_deleted=True)
    rows = session.exec(
        select(ChecklistAnswer)
        .where(ChecklistAnswer.case_id == case.id)
        .order_by(col(ChecklistAnswer.item_key))
    )
    return [read(ChecklistAnswerRead, r) for r in rows]
