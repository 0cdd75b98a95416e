"""Deadlines as an iCalendar file (RFC 5545) for the representative's own calendar.

Each deadline is an all-day event with a reminder at 09:00 a number of working days before it
is due. Its UID is stable (the case's UUID and the deadline's id), and its SEQUENCE counts the
extensions, so importing a newer file moves an event that was already in the calendar instead
of adding a second one. Deadlines that were met, cancelled, lapsed with their case's close or
belong to a case in the recycle bin are written as cancelled, so a calendar that had them drops
them.

Only the case number, the deadline's title and the employer go into the file: a calendar is
often shared or synced to a phone, and union membership must not travel with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, col

from tillitsvalgt.rules.deadlines import working_days_before
from tillitsvalgt.services.cases import resolve_case
from tillitsvalgt.tables import Case, Deadline, DeadlineExtension, Employer

PRODUCT_ID = "-//Tillitsvalgt//Frister//NB"
REMINDER_WORKING_DAYS = 2
REMINDER_HOUR = 9


@dataclass(frozen=True)
class CalendarDeadline:
    """What the calendar needs of one deadline: plain data, so the builder is pure."""

    case_uuid: uuid.UUID
    case_number: str
    deadline_id: int
    title: str
    due_on: date
    employer: str | None
    live: bool  # open, on a case that is not in the recycle bin
    extensions: int


def build_calendar(
    deadlines: Sequence[CalendarDeadline],
    *,
    now: datetime,
    reminder_working_days: int = REMINDER_WORKING_DAYS,
) -> bytes:
    """The ``.ics`` file's bytes. ``now`` is the export's time stamp (DTSTAMP)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Tillitsvalgt – frister")
    stamp = now.astimezone(UTC)
    for d in deadlines:
        event = Event()
        event.add("uid", f"{d.case_uuid}-frist-{d.deadline_id}@tillitsvalgt")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.due_on)
        event.add("dtend", d.due_on + timedelta(days=1))
        event.add("summary", f"Frist: {d.title} (sak {d.case_number})")
        lines = [f"Sak {d.case_number}: {d.title}, forfaller {d.due_on:%d.%m.%Y}."]
        if d.employer:
            lines.append(f"Virksomhet: {d.employer}.")
        event.add("description", "\n".join(lines))
        event.add("sequence", d.extensions)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Tillitsvalgt"])
        if not d.live:
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
            remind_on = working_days_before(d.due_on, reminder_working_days)
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Frist om {reminder_working_days} virkedager: {d.title}")
            # Relative to the start of the all-day event (00:00 on the due day).
            alarm.add("trigger", -((d.due_on - remind_on) - timedelta(hours=REMINDER_HOUR)))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


def calendar_deadlines(
    *, session: Session, case_ref: str | int | None = None, include_settled: bool = True
) -> list[CalendarDeadline]:
    """The deadlines of one case, or of every case, ready for ``build_calendar``."""
    extensions = (
        sa.select(sa.func.count())
        .select_from(DeadlineExtension)
        .where(col(DeadlineExtension.deadline_id) == col(Deadline.id))
        .scalar_subquery()
    )
    query = (
        sa.select(
            Deadline,
            col(Case.uuid),
            col(Case.number),
            col(Case.deleted_at),
            col(Employer.name),
            extensions,
        )
        .join(Case, col(Case.id) == col(Deadline.case_id))
        .join(Employer, col(Employer.id) == col(Case.employer_id), isouter=True)
        .order_by(col(Deadline.due_on), col(Deadline.id))
    )
    if case_ref is not None:
        case = resolve_case(case_ref, session=session)
        query = query.where(col(Deadline.case_id) == case.id)
    out: list[CalendarDeadline] = []
    for deadline, case_uuid, number, deleted_at, employer, count in session.execute(query):
        live = (
            deadline.met_on is None
            and not deadline.cancelled
            and deadline.lapsed_on is None  # lapsed with its case's close
            and deleted_at is None
        )
        if not live and not include_settled:
            continue
        assert deadline.id is not None
        out.append(
            CalendarDeadline(
                case_uuid=case_uuid,
                case_number=number,
                deadline_id=deadline.id,
                title=deadline.title,
                due_on=deadline.due_on,
                employer=employer,
                live=live,
                extensions=int(count),
            )
        )
    return out


def deadlines_calendar(
    *, session: Session, now: datetime, case_ref: str | int | None = None
) -> tuple[bytes, int]:
    """The ``.ics`` bytes for one case or all, and how many live deadlines it holds."""
    items = calendar_deadlines(session=session, case_ref=case_ref)
    return build_calendar(items, now=now), sum(1 for d in items if d.live)
