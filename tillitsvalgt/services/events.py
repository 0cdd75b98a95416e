"""The case's timeline. Events are evidence: an edit or a deletion keeps the previous
version in ``event_revisions``."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import update
from sqlmodel import Session, col, select

from tillitsvalgt.errors import ConflictError
from tillitsvalgt.services._common import changes, get_or_fail, read, refuse_cleared
from tillitsvalgt.services.cases import resolve_case, touch_case
from tillitsvalgt.shapes import EventCreate, EventRead, EventRevisionRead, EventUpdate
from tillitsvalgt.tables import Deadline, Event, EventRevision, utcnow
from tillitsvalgt.vocabulary import LETTER_KINDS

_SNAPSHOT_FIELDS = (
    "kind",
    "occurred_on",
    "participants",
    "notes",
    "signed_by_both",
    "letter_kind",
    "reply_by",
    "deleted_at",
)


REPLY_RULE = "svarfrist"  # deadlines with this rule prefix are replies to our letters
# Deadlines an agreement sets once a demand is sent (a meeting must start or be held within
# N days): a meeting on the timeline meets them.
MEETING_RULE = "møtefrist"
MEETING_KINDS = ("consultation_meeting", "negotiation_meeting")


def add_event(case_ref: str | int, data: EventCreate, *, session: Session) -> EventRead:
    """Add an event. A letter sent with a reply date puts that reply deadline on the case
    (unless it is there already, as when a letter from the app is marked sent); a letter
    received meets the reply deadlines still open — so the deadlines list follows the
    timeline however the timeline was recorded (by hand, by import, by the app)."""
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    _touch_case_first(case.id, session)
    values = data.model_dump(exclude_none=True)
    event = Event(**values, case_id=case.id)
    session.add(event)
    session.flush()
    if event.kind == "letter_sent" and event.reply_by is not None:
        _reply_deadline(case.id, event, session)
    elif event.kind == "letter_received":
        _replies_received(case.id, event, session)
    elif event.kind in MEETING_KINDS:
        _meeting_held(case.id, event, session)
    return read(EventRead, event)


def _touch_case_first(case_id: int, session: Session) -> None:
    """Mark the case changed, before the event is written: this takes the case's row lock
    first. On PostgreSQL the event's trigger refreshes the case's row in case_search, and an
    edit of the case locks the case row and then that same case_search row; taken the
    other way round, an event saved while its case was saved deadlocked (found by the
    concurrency load in tests/test_concurrency.py)."""
    touch_case(case_id, session=session)


DEADLINES_GIVEN = "tillitsvalgt_deadlines_given"
"""``session.info`` key set by an import whose bundle carries the case's deadlines itself
(cancelled and met ones too): its letters' events then add none of their own."""


def _reply_deadline(case_id: int, event: Event, session: Session) -> None:
    assert event.reply_by is not None
    if session.info.get(DEADLINES_GIVEN):
        return
    exists = session.exec(
        select(Deadline.id).where(
            Deadline.case_id == case_id,
            # An extended deadline is still the one the letter set.
            sa.or_(
                col(Deadline.due_on) == event.reply_by,
                col(Deadline.original_due_on) == event.reply_by,
            ),
            col(Deadline.cancelled).is_(False),
        )
    ).first()
    if exists is not None:
        return
    session.add(reply_deadline(case_id, event.reply_by, event.letter_kind, event.occurred_on))


def reply_deadline(
    case_id: int, reply_by: date, letter_kind: str | None, sent_on: date
) -> Deadline:
    """The reply deadline a letter sent with a reply date puts on its case."""
    return Deadline(case_id=case_id, **reply_deadline_values(reply_by, letter_kind, sent_on))


def reply_deadline_values(reply_by: date, letter_kind: str | None, sent_on: date) -> dict[str, Any]:
    """The fields of ``reply_deadline`` but its case (the bulk import writes them as rows)."""
    what = LETTER_KINDS.get(letter_kind or "", "brevet")
    return {
        "due_on": reply_by,
        "original_due_on": reply_by,
        "title": f"Svar på {what[:1].lower()}{what[1:]} sendt {sent_on:%d.%m.%Y}",
        "rule": f"{REPLY_RULE} i brev sendt {sent_on.isoformat()}",
    }


def _replies_received(case_id: int, event: Event, session: Session) -> None:
    open_replies = session.exec(
        select(Deadline).where(
            Deadline.case_id == case_id,
            col(Deadline.met_on).is_(None),
            col(Deadline.cancelled).is_(False),
            col(Deadline.rule).startswith(REPLY_RULE),
        )
    ).all()
    for deadline in open_replies:
        # (a difference of dates, not date - timedelta: that overflows near year 1)
        if (deadline.original_due_on - event.occurred_on).days <= MAX_REPLY_WINDOW:
            deadline.met_on = event.occurred_on
            session.add(deadline)


def _meeting_held(case_id: int, event: Event, session: Session) -> None:
    """A drøftings- or forhandlingsmøte meets the meeting deadlines of demands sent before
    it (late or not: the deadline list shows which)."""
    open_meetings = session.exec(
        select(Deadline).where(
            Deadline.case_id == case_id,
            col(Deadline.met_on).is_(None),
            col(Deadline.cancelled).is_(False),
            col(Deadline.rule).startswith(MEETING_RULE),
        )
    ).all()
    for deadline in open_meetings:
        if (deadline.original_due_on - event.occurred_on).days <= MAX_REPLY_WINDOW:
            deadline.met_on = event.occurred_on
            session.add(deadline)


# A reply counts for the deadlines of letters sent at most this long before it was due
# (a letter received a year before the deadline is about something else).
MAX_REPLY_WINDOW = 365


def list_events(case_ref: str | int, *, session: Session) -> list[EventRead]:
    case = resolve_case(case_ref, session=session, include_deleted=True)
    rows = session.exec(
        select(Event)
        .where(Event.case_id == case.id, col(Event.deleted_at).is_(None))
        .order_by(col(Event.occurred_on), col(Event.id))
    )
    return [read(EventRead, e) for e in rows]


def _snapshot(event: Event) -> str:
    data: dict[str, Any] = {f: getattr(event, f) for f in _SNAPSHOT_FIELDS}
    return json.dumps(data, default=str, ensure_ascii=False, sort_keys=True)


def _versioned_write(session: Session, event: Event, version: int, values: dict[str, Any]) -> None:
    assert event.id is not None
    stale = ConflictError(
        "Hendelsen er endret av noen andre siden du åpnet den. Last saken inn på nytt og gjør "
        "endringen igjen; ingenting er lagret."
    )
    if event.version != version:
        raise stale
    _touch_case_first(event.case_id, session)
    session.add(EventRevision(event_id=event.id, version=event.version, data=_snapshot(event)))
    result = session.execute(
        update(Event)
        .where(col(Event.id) == event.id, col(Event.version) == version)
        .values(**values, updated_at=utcnow(), version=Event.version + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise stale
    session.expire(event)


def update_event(event_id: int, data: EventUpdate, *, session: Session) -> EventRead:
    event = get_or_fail(session, Event, event_id, "hendelsen")
    values = changes(data)
    refuse_cleared(values, ("kind", "occurred_on"))
    _versioned_write(session, event, data.version, values)
    session.refresh(event)
    return read(EventRead, event)


def delete_event(event_id: int, *, version: int, session: Session) -> None:
    """Hide the event from the timeline; its last version stays in the history."""
    event = get_or_fail(session, Event, event_id, "hendelsen")
    _versioned_write(session, event, version, {"deleted_at": utcnow()})


def event_history(event_id: int, *, session: Session) -> list[EventRevisionRead]:
    """Earlier versions, oldest first."""
    rows = session.exec(
        select(EventRevision)
        .where(EventRevision.event_id == event_id)
        .order_by(col(EventRevision.version))
    )
    return [
        EventRevisionRead(version=r.version, data=json.loads(r.data), replaced_at=r.replaced_at)
        for r in rows
    ]
