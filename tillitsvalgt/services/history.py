"""The change history read back: a case's rows (``case_history``) in words, field labels
from the form's vocabulary, codes as the form shows them, dates in Norwegian form, times in
local time. ``tillitsvalgt.history`` (the store) records; this service reads."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from tillitsvalgt.history import NOT_RECORDED, HistoryEntry
from tillitsvalgt.services._lookup import resolve_case
from tillitsvalgt.tables import CaseGroup, ChangeHistory, Employer, Event, Representative
from tillitsvalgt.validation import label
from tillitsvalgt.vocabulary import (
    AGREEMENTS,
    CASE_STATUSES,
    CASE_TYPES,
    EVENT_KINDS,
    LETTER_KINDS,
    OUTCOMES,
    SECTORS,
)

_CODES: dict[str, dict[str, str]] = {
    "case_type": CASE_TYPES,
    "status": CASE_STATUSES,
    "outcome": OUTCOMES,
    "agreement": AGREEMENTS,
    "sector": SECTORS,
    "kind": EVENT_KINDS,
    "letter_kind": LETTER_KINDS,
}
_DATES = {
    "notice_on",
    "decision_on",
    "planned_implementation_on",
    "implemented_on",
    "occurred_on",
    "reply_by",
}
_BOOLS = {
    "written_agreements",
    "ordered_by_authorities",
    "signed_by_both",
    "report_include",
    "building_permit",
}

_ACTIONS: dict[tuple[str, str], str] = {
    ("case", "created"): "Saken opprettet",
    ("case", "deleted"): "Saken lagt i papirkurven",
    ("case", "restored"): "Saken hentet fra papirkurven",
    ("case", "removed"): "Saken fjernet",
    ("event", "created"): "Hendelse lagt til",
    ("event", "deleted"): "Hendelse slettet",
    ("event", "restored"): "Hendelse gjenopprettet",
    ("event", "removed"): "Hendelse fjernet",
    ("employer", "created"): "Virksomheten registrert",
    ("employer", "deleted"): "Virksomheten slettet",
    ("employer", "restored"): "Virksomheten gjenopprettet",
    ("employer", "removed"): "Virksomheten fjernet",
}


def when(moment: datetime) -> str:
    """«22.11.2026 14:05» in the local time zone."""
    local = moment.astimezone()
    return f"{local.day:02d}.{local.month:02d}.{local.year} {local.hour:02d}:{local.minute:02d}"


def norwegian_date(value: date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def _value(field: str | None, text: str | None, names: dict[str, dict[int, str]]) -> str:
    if text is None or field is None:
        return text or ""
    if field in _CODES:
        return _CODES[field].get(text, text)
    if field in _DATES:
        try:
            return norwegian_date(date.fromisoformat(text))
        except ValueError:
            return text
    if field in _BOOLS:
        return {"true": "Ja", "false": "Nei"}.get(text, text)
    if field in ("employer_id", "representative_id", "group_id") and text.isdigit():
        return names[field].get(int(text), text)
    return text


def _who(row: Any) -> str:
    name = row.representative_name
    role = row.db_role
    if name and role:
        return f"{name} ({role})"
    return name or role or "Ukjent (ingen profil)"


def _event_names(rows: list[Any], session: Session) -> dict[int, str]:
    ids = {r.entity_id for r in rows if r.entity == "event"}
    if not ids:
        return {}
    t = Event.__table__  # type: ignore[attr-defined]
    found = session.connection().execute(
        sa.select(t.c.id, t.c.kind, t.c.occurred_on).where(t.c.id.in_(ids))
    )
    return {
        r.id: f"{EVENT_KINDS.get(r.kind, r.kind)} {norwegian_date(r.occurred_on)}" for r in found
    }


def _names(rows: list[Any], session: Session) -> dict[str, dict[int, str]]:
    """The employers and representatives the values refer to by id."""
    wanted: dict[str, set[int]] = {
        "employer_id": set(),
        "representative_id": set(),
        "group_id": set(),
    }
    for r in rows:
        if r.field in wanted:
            for text in (r.old_value, r.new_value):
                if text and text.isdigit():
                    wanted[r.field].add(int(text))
    names: dict[str, dict[int, str]] = {"employer_id": {}, "representative_id": {}, "group_id": {}}
    for field, model in (
        ("employer_id", Employer),
        ("representative_id", Representative),
        ("group_id", CaseGroup),
    ):
        if wanted[field]:
            t = SQLModel.metadata.tables[model.__tablename__]
            result = session.connection().execute(
                sa.select(t.c.id, t.c.name).where(t.c.id.in_(wanted[field]))
            )
            names[field] = {r.id: r.name for r in result}
    return names


def _what(row: Any, events: dict[int, str]) -> str:
    subject = ""
    if row.entity == "event":
        subject = events.get(row.entity_id, "hendelse")
    elif row.entity == "employer":
        subject = "virksomheten"
    if row.action == "redacted":
        what = f"Personopplysninger slettet: {label(row.field or '')}"
        return f"{what} ({subject})" if subject else what
    if row.action == "changed":
        field = label(row.field or "")
        if row.entity == "event":
            return f"Hendelse ({subject}): {field}"
        if row.entity == "employer":
            return f"Virksomhet: {field}"
        return field
    text = _ACTIONS.get((row.entity, row.action), row.action)
    return f"{text}: {subject}" if row.entity == "event" else text


def describe(rows: list[Any], *, session: Session) -> list[HistoryEntry]:
    events = _event_names(rows, session)
    names = _names(rows, session)
    entries = []
    for r in rows:
        if r.field in NOT_RECORDED:
            continue  # a line an earlier version wrote (the report's key was recorded)
        what = _what(r, events)
        if r.context == "import":
            what += " (import)"
        elif r.context == "gruppesak":
            what += " (fra gruppesaken)"
        entries.append(
            HistoryEntry(
                changed_at=r.changed_at,
                when=when(r.changed_at),
                who=_who(r),
                what=what,
                old=_value(r.field, r.old_value, names),
                new=_value(r.field, r.new_value, names),
                entity=r.entity,
                action=r.action,
                field=r.field,
            )
        )
    return entries


def case_history(case_ref: str | int, *, session: Session) -> list[HistoryEntry]:
    """Everything recorded about a case, newest first: the case itself, its events, and its
    employer's register entry."""
    case = resolve_case(case_ref, session=session, include_deleted=True)
    h = ChangeHistory.__table__  # type: ignore[attr-defined]
    r = Representative.__table__  # type: ignore[attr-defined]
    own = sa.select(h.c.id).where(h.c.case_id == case.id)
    employer = sa.select(h.c.id).where(h.c.entity == "employer", h.c.entity_id == case.employer_id)
    ids = sa.union_all(own, employer).subquery()
    rows = session.connection().execute(
        sa.select(h, r.c.name.label("representative_name"))
        .join(ids, ids.c.id == h.c.id)
        .outerjoin(r, r.c.id == h.c.representative_id)
        .order_by(h.c.changed_at.desc(), h.c.id.desc())
    )
    return describe(list(rows), session=session)
