"""The assessment of stored cases: facts from the rows, the pure rules, and the verdict
stored on the case so the list can filter and count by it in SQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tillitsvalgt.db import before_commit
from tillitsvalgt.models import Case, CaseRead, Employer, Event, utcnow
from tillitsvalgt.rules.assessment import assess
from tillitsvalgt.rules.types import Assessment, CaseFacts, Catalogue, EventFacts

# The stored demand: "overdue" depends on the day it is read, so it is stored as waiting
# with its due date and derived when read (``demand_today``).
STORED_DEMAND = {"none": "none", "awaiting_reply": "awaiting_reply", "overdue":
                 "awaiting_reply", "answered": "answered"}  # fmt: skip


def _catalogue(catalogue: Catalogue | None) -> Catalogue:
    if catalogue is not None:
        return catalogue
    from tillitsvalgt.rules.catalogue import load_catalogue

    return load_catalogue()


def event_facts(event: Event) -> EventFacts:
    return EventFacts(
        kind=event.kind,
        on=event.occurred_on,
        signed_by_both=event.signed_by_both,
        letter=event.letter_kind,
        reply_by=event.reply_by,
    )


def case_facts(case: Case, employer: Employer, events: list[EventFacts]) -> CaseFacts:
    return CaseFacts(
        case_type=case.case_type,
        agreement=employer.agreement,
        employees=employer.employees,
        notice_on=case.notice_on,
        decision_on=case.decision_on,
        planned_implementation_on=case.planned_implementation_on,
        implemented_on=case.implemented_on,
        home_office_days_per_week=case.home_office_days_per_week,
        written_agreements=case.written_agreements,
        ordered_by_authorities=case.ordered_by_authorities,
        events=tuple(events),
    )


def facts_for(case: Case, *, session: Session) -> CaseFacts:
    employer = session.get(Employer, case.employer_id)
    assert employer is not None
    rows = session.exec(
        select(Event)
        .where(Event.case_id == case.id, col(Event.deleted_at).is_(None))
        .order_by(col(Event.occurred_on), col(Event.id))
    )
    return case_facts(case, employer, [event_facts(e) for e in rows])


def demand_today(stored: str | None, due_on: date | None, today: date) -> str | None:
    """The demand state as of ``today`` from the stored one."""
    if stored == "awaiting_reply" and due_on is not None and due_on < today:
        return "overdue"
    return stored


def refresh_verdict(
    case_id: int,
    *,
    session: Session,
    today: date | None = None,
    catalogue: Catalogue | None = None,
) -> Assessment:
    """Assess the case and store the verdict on it (not a user edit: the version and the
    last-change time stay as they are)."""
    case = session.get(Case, case_id)
    assert case is not None
    used = _catalogue(catalogue)
    result = assess(facts_for(case, session=session), used, today or date.today())
    store_verdict(case_id, result, used, session=session)
    return result


def store_verdict(
    case_id: int, result: Assessment, catalogue: Catalogue, *, session: Session
) -> None:
    session.execute(
        sa.update(Case)
        .where(col(Case.id) == case_id)
        .values(
            verdict_level=result.required_level,
            verdict_timing=result.timing,
            verdict_missing=",".join(result.missing) or None,
            verdict_demand=STORED_DEMAND[result.demand],
            verdict_demand_due_on=result.demand_due_on,
            verdict_catalogue=f"{catalogue.origin} {catalogue.version}",
            verdict_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )


STALE = "tillitsvalgt_stale_verdicts"
CATALOGUE = "tillitsvalgt_catalogue"  # key in Database.session_info


def mark_stale(case_id: int, *, session: Session) -> None:
    """The case changed: store its verdict again when the unit of work commits."""
    session.info.setdefault(STALE, set()).add(case_id)
    before_commit(session, "verdicts", _refresh_stale)


def _refresh_stale(session: Session) -> None:
    session.flush()
    catalogue = session.info.get(CATALOGUE)  # the one the app chose, else the built-in
    for case_id in sorted(session.info.pop(STALE, set())):
        refresh_verdict(case_id, session=session, catalogue=catalogue)


@dataclass(frozen=True)
class CaseAssessment:
    case: CaseRead
    assessment: Assessment


def assess_case(
    ref: str | int,
    *,
    session: Session,
    today: date,
    catalogue: Catalogue | None = None,
    store: bool = False,
) -> CaseAssessment:
    from tillitsvalgt.services.cases import get_case, resolve_case

    case = resolve_case(ref, session=session)
    assert case.id is not None
    if store:
        result = refresh_verdict(case.id, session=session, today=today, catalogue=catalogue)
    else:
        result = assess(facts_for(case, session=session), _catalogue(catalogue), today)
    return CaseAssessment(get_case(case.id, session=session), result)


# The bulk read below goes through the driver, without SQLAlchemy's per-value type
# processing (on SQLite its date parsing alone cost about a second at 100 000 cases);
# these turn the driver's values into what the rules expect on either backend.
def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


_CASES_SQL = """SELECT c.id, c.number, c.title, c.case_type, e.agreement, e.employees,
       c.notice_on, c.decision_on, c.planned_implementation_on, c.implemented_on,
       c.home_office_days_per_week, c.written_agreements, c.ordered_by_authorities
FROM cases AS c JOIN employers AS e ON e.id = c.employer_id
WHERE c.deleted_at IS NULL
ORDER BY c.year, c.seq"""
_EVENTS_SQL = """SELECT case_id, kind, occurred_on, signed_by_both, letter_kind, reply_by
FROM events WHERE deleted_at IS NULL
ORDER BY case_id, occurred_on, id"""


def assess_all(
    *, session: Session, today: date, catalogue: Catalogue | None = None
) -> Iterator[tuple[int, str, str, Assessment]]:
    """Every live case as (id, number, title, assessment), in case-number order: the rows
    in two queries (cases with employers, then all events in case order), no per-case I/O."""
    used = _catalogue(catalogue)
    conn = session.connection()
    case_rows = conn.exec_driver_sql(_CASES_SQL).all()
    events: dict[int, list[EventFacts]] = {}
    for case_id, kind, on, signed, letter, reply_by in conn.exec_driver_sql(_EVENTS_SQL).all():
        found = events.get(case_id)
        if found is None:
            found = events[case_id] = []
        found.append(EventFacts(kind, _day(on), _flag(signed), letter, _day(reply_by)))  # type: ignore[arg-type]
    no_events: tuple[EventFacts, ...] = ()
    row_id: Any
    for (row_id, number, title, case_type, agreement, employees, notice, decision, planned,
         implemented, days, written, ordered) in case_rows:  # fmt: skip
        timeline = events.get(row_id)
        facts = CaseFacts(
            case_type, agreement, employees, _day(notice), _day(decision), _day(planned),
            _day(implemented), days, _flag(written), _flag(ordered),
            tuple(timeline) if timeline else no_events,
        )  # fmt: skip
        yield row_id, number, title, assess(facts, used, today)


def refresh_all_verdicts(
    *, session: Session, today: date, catalogue: Catalogue | None = None, force: bool = False
) -> int:
    """Store today's verdict on every live case when any stored one is from an earlier day
    (or missing): the timing depends on the day (a planned decision date passes). Returns
    how many were stored; 0 when all were already judged today."""
    used = _catalogue(catalogue)
    stale = session.execute(
        sa.select(sa.func.count())
        .select_from(Case)
        .where(col(Case.deleted_at).is_(None))
        .where(sa.or_(col(Case.verdict_at).is_(None), col(Case.verdict_at) < _midnight(today)))
    ).scalar_one()
    if not stale and not force:
        return 0
    stored = 0
    for case_id, _, _, result in assess_all(session=session, today=today, catalogue=used):
        store_verdict(case_id, result, used, session=session)
        stored += 1
    return stored


def _midnight(day: date) -> Any:
    from datetime import datetime, time

    return datetime.combine(day, time.min).astimezone()
