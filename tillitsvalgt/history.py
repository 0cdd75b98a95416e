"""The change history of cases, events and employers: who, when, which field, old and new.

Recorded generically, in the same transaction as the change, by two listeners on every
``Session`` (installed once by ``Database``):

- ``after_flush`` sees the ORM's own writes: objects added (``created``), attributes changed
  on loaded objects (one row per field, from the attribute history), objects deleted.
- ``do_orm_execute`` sees the services' bulk ``UPDATE`` statements (optimistic locking
  writes with ``sa.update(...)``): it reads the rows the statement's WHERE matches, lets the
  statement run, reads them again and records the difference. A statement that only sets
  derived columns (``NOT_RECORDED``: the stored verdict, ``updated_at``, ``version``,
  ``last_document_seq`` …) is let through untouched, so the hot paths pay nothing.

Who: the caller hands the actor to the unit of work in ``session.info`` — ``ACTOR`` is the
UUID of the representative whose profile is in use (``Database.session_info`` carries it
into every session; ``Workspace`` and the command line set it from the settings' «profile»).
``CONTEXT`` may name where a change came from (``import``). On PostgreSQL the database
itself adds its role (``session_user``) and time, so the app cannot claim another.

No service edits or deletes history rows; the database refuses it (migration 0007). The one
sanctioned exception is the GDPR redaction in ``services/privacy.py``, which sets
``REDACTING`` so that its own changes are recorded as ``redacted`` without any value.
"""

from __future__ import annotations

import contextlib
import uuid as uuid_module
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, UOWTransaction
from sqlalchemy.sql.elements import BindParameter, Null
from sqlmodel import Session, SQLModel

from tillitsvalgt.bulk_rows import insert_rows, insert_statement
from tillitsvalgt.shapes import HistoryEntry as HistoryEntry  # defined with the shapes
from tillitsvalgt.tables import Case, ChangeHistory, Employer, Event, Representative, utcnow

ACTOR = "tillitsvalgt_actor"
"""``session.info`` key: the profile's representative UUID (str), or None."""
CONTEXT = "tillitsvalgt_history_context"
"""``session.info`` key: where the changes of this unit of work come from, e.g. "import"."""
REDACTING = "tillitsvalgt_history_redacting"
"""``session.info`` key set only by the GDPR deletion: record that fields were redacted,
never what they held."""
_ACTOR_ID = "tillitsvalgt_actor_id"
_PENDING = "tillitsvalgt_history_pending"  # entries to write when the unit of work commits

ENTITIES: dict[str, str] = {"cases": "case", "events": "event", "employers": "employer"}
_MODELS: dict[type[SQLModel], str] = {Case: "cases", Event: "events", Employer: "employers"}

NOT_RECORDED = frozenset(
    {
        "id",
        "uuid",
        "version",
        "created_at",
        "updated_at",
        "closed_at",  # follows the status, which is recorded
        "year",
        "seq",
        "number",
        "last_document_seq",
        "verdict_level",
        "verdict_timing",
        "verdict_missing",
        "verdict_demand",
        "verdict_demand_due_on",
        "verdict_catalogue",
        "verdict_at",
        "is_demo",  # fixed when the demo load makes the row
        # The report's random key (docs/rapport-metode.md: never changed, never shown):
        # drawn when the case is made, or the bundle's taken as it is imported.
        "cell_key",
        # The employer facts a case is judged on: copied from the register, whose own
        # history records every change.
        "employer_employees",
        "employer_agreement",
        "employer_sector",
        "employer_facts_at",
    }
)
"""Columns set by the app, not by a person: derived, or fixed when the row is made."""


def _recorded(table: str) -> tuple[str, ...]:
    columns = SQLModel.metadata.tables[table].columns
    return tuple(c.name for c in columns if c.name not in NOT_RECORDED)


RECORDED: dict[str, tuple[str, ...]] = {t: _recorded(t) for t in ENTITIES}


def as_text(value: Any) -> str | None:
    """How a value is kept in the history: dates in ISO form, booleans as true/false."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------- recording


@contextlib.contextmanager
def context(session: Session, name: str) -> Iterator[None]:
    """Mark the changes made inside the block as coming from ``name`` (e.g. "import")."""
    before = session.info.get(CONTEXT)
    session.info[CONTEXT] = name
    _tell_database(session, name)
    try:
        yield
    except BaseException:
        # The transaction is undone (and the setting with it); it cannot run SQL now.
        session.info[CONTEXT] = before
        raise
    session.info[CONTEXT] = before
    _tell_database(session, before)


def _tell_database(session: Session, name: str | None) -> None:
    # On PostgreSQL the database records the employer register itself (migration 0010);
    # it reads where the change came from here, for this transaction only. A label, not a
    # permission: who made the change is the server's own session_user.
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            sa.text("SELECT set_config('tillitsvalgt.history_context', :name, true)"),
            {"name": name or ""},
        )


def _case_id(table: str, row: Any) -> int | None:
    if table == "cases":
        return int(row.id)
    if table == "events":
        return int(row.case_id)
    return None


def _entry(
    session: Session, table: str, row: Any, action: str, field: str | None = None, **values: Any
) -> dict[str, Any]:
    return _line(utcnow(), session.info.get(CONTEXT), table, row, action, field, **values)


def _line(
    at: Any,
    context: str | None,
    table: str,
    row: Any,
    action: str,
    field: str | None = None,
    **values: Any,
) -> dict[str, Any]:
    return {
        "changed_at": at,
        "entity": ENTITIES[table],
        "entity_id": int(row.id),
        "case_id": _case_id(table, row),
        "action": action,
        "field": field,
        "old_value": values.get("old"),
        "new_value": values.get("new"),
        "context": context,
    }


def _differences(
    session: Session, table: str, row: Any, old: dict[str, Any], new: dict[str, Any]
) -> list[dict[str, Any]]:
    redacting = bool(session.info.get(REDACTING))
    entries = []
    for name in RECORDED[table]:
        if name not in old and name not in new:
            continue  # the bulk import passes only what it changed
        before, after = as_text(old.get(name)), as_text(new.get(name))
        if before == after:
            continue
        if redacting:
            entries.append(_entry(session, table, row, "redacted", name))
        elif name == "deleted_at":
            entries.append(_entry(session, table, row, "restored" if after is None else "deleted"))
        else:
            entries.append(_entry(session, table, row, "changed", name, old=before, new=after))
    return entries


def record_changes(
    session: Session, table: str, row: Any, old: Mapping[str, Any], new: Mapping[str, Any]
) -> None:
    """Record changes written without a statement the listeners see: the bulk import
    writes a new row in its final state, and records what the one-by-one path records
    when it changes the row after creating it (closing the case, its cell key)."""
    _write(session, _differences(session, table, row, dict(old), dict(new)))


def record_created(session: Session, table: str, rows: Iterable[Any]) -> None:
    """Record rows inserted by a Core statement (the bulk import), as ``created``: the
    listeners see only the ORM's own inserts. Each row has ``id`` (and ``case_id``)."""
    at, context = utcnow(), session.info.get(CONTEXT)  # one unit of work: one time
    _write(session, [_line(at, context, table, row, "created") for row in rows])


def _write(session: Session, entries: list[dict[str, Any]]) -> None:
    """Keep the entries for the end of the unit of work (``_before_commit``): one INSERT
    per transaction instead of one per flush or statement — on a server every statement is
    a round trip."""
    if entries:
        session.info.setdefault(_PENDING, []).extend(entries)


def _flush_pending(session: Session) -> None:
    entries = _take_pending(session)
    if entries:
        insert_rows(session.connection(), _HISTORY, entries, leave=_STAMPED)


def pending_insert(session: Session) -> tuple[str, dict[str, Any]] | None:
    """PostgreSQL: the lines kept so far, taken from the session as one INSERT to send on
    the driver's connection (``bulk_rows.driver_rows``) in the same transaction; None when
    there are none. The bulk import sends a run's lines this way while it builds the next
    (its writer thread), instead of all of them at the commit."""
    entries = _take_pending(session)
    if not entries:
        return None
    return insert_statement(session.get_bind().dialect, _HISTORY, entries, leave=_STAMPED)


_HISTORY: sa.Table = ChangeHistory.__table__  # type: ignore[attr-defined]
# PostgreSQL stamps each line with its own time and role (migration 0026: the columns'
# defaults); a line sent with them is checked line by line by a trigger.
_STAMPED = ("changed_at",)


def _take_pending(session: Session) -> list[dict[str, Any]]:
    """The lines kept for the commit, taken from the session and ready to insert: with the
    profile's id, and without the employer register's on PostgreSQL."""
    entries: list[dict[str, Any]] = session.info.pop(_PENDING, [])
    if not entries:
        return entries
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # The database records the shared employer register itself, with the role that
        # changed it (migration 0010): rows from here would be duplicates, and a
        # representative may no longer write history rows that belong to no case.
        entries = [e for e in entries if e["entity"] != "employer"]
        if not entries:
            return entries
    if _ACTOR_ID not in session.info:
        actor = session.info.get(ACTOR)
        actor_id = None
        if actor:
            actor_id = connection.execute(
                sa.select(Representative.__table__.c.id).where(  # type: ignore[attr-defined]
                    Representative.__table__.c.uuid == uuid_module.UUID(str(actor))  # type: ignore[attr-defined]
                )
            ).scalar()
        session.info[_ACTOR_ID] = actor_id
    for entry in entries:
        entry["representative_id"] = session.info[_ACTOR_ID]
    return entries


def _before_commit(session: Session) -> None:
    # Changes still waiting in the session are flushed first, so they are recorded too.
    session.flush()
    _flush_pending(session)


def _after_rollback(session: Session, _previous: Any) -> None:
    session.info.pop(_PENDING, None)


def record_redaction(session: Session, *, case_id: int | None, entity_id: int, field: str) -> None:
    """Record that ``field`` (a column, or a table such as ``event_revisions``) of a case
    was redacted by a GDPR deletion — where the listeners cannot see it (tables without a
    history of their own). No value is kept."""
    entry = {
        "changed_at": utcnow(),
        "entity": "case" if case_id is not None else "employer",
        "entity_id": entity_id,
        "case_id": case_id,
        "action": "redacted",
        "field": field,
        "old_value": None,
        "new_value": None,
        "context": session.info.get(CONTEXT),
    }
    _write(session, [entry])


def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    entries: list[dict[str, Any]] = []
    for obj in session.new:
        table = _MODELS.get(type(obj))
        if table is not None:
            entries.append(_entry(session, table, obj, "created"))
    for obj in session.dirty:
        table = _MODELS.get(type(obj))
        if table is None or not session.is_modified(obj):
            continue
        attrs = sa.inspect(obj).attrs
        old: dict[str, Any] = {}
        new: dict[str, Any] = {}
        for name in RECORDED[table]:
            added, _unchanged, deleted = attrs[name].history
            if added or deleted:
                old[name] = deleted[0] if deleted else None
                new[name] = added[0] if added else None
        entries += _differences(session, table, obj, old, new)
    for obj in session.deleted:
        table = _MODELS.get(type(obj))
        if table is not None:
            entries.append(_entry(session, table, obj, "removed"))
    _write(session, entries)


def _set_columns(statement: Any) -> set[str] | None:
    """The names of the columns an UPDATE sets; None when they cannot be told."""
    values = getattr(statement, "_values", None)
    if not values:
        return None
    return {k if isinstance(k, str) else str(k.key) for k in values}


def _literal_values(statement: Any, table: str) -> dict[str, Any] | None:
    """The recorded columns' new values when the UPDATE sets them to plain values (as the
    services do), so the rows need not be read again; None when any is an expression."""
    found: dict[str, Any] = {}
    recorded = RECORDED[table]
    for key, value in (getattr(statement, "_values", None) or {}).items():
        name = key if isinstance(key, str) else str(key.key)
        if name not in recorded:
            continue
        if isinstance(value, BindParameter) and value.callable is None and not value.required:
            found[name] = value.value
        elif isinstance(value, Null):
            found[name] = None
        else:
            return None
    return found


def _on_execute(state: ORMExecuteState) -> Any:
    if not (state.is_update or state.is_delete):
        return None
    statement: Any = state.statement
    table = getattr(getattr(statement, "table", None), "name", None)
    if table not in ENTITIES:
        return None
    session = state.session
    assert isinstance(session, Session)
    columns = _set_columns(statement)
    if (
        state.is_update
        and columns is not None
        and columns <= NOT_RECORDED
        and not session.info.get(REDACTING)
    ):
        return None
    params = state.parameters
    if not isinstance(params, Mapping | None):
        raise RuntimeError(  # a programming error, caught by the tests
            f"history cannot record an executemany UPDATE/DELETE of {table}; write one "
            "statement per row or only derived columns"
        )
    t = SQLModel.metadata.tables[table]
    # Read only what the statement changes (and what says which case a row belongs to).
    names = [n for n in RECORDED[table] if columns is None or n in columns]
    link = [t.c.case_id] if table == "events" and "case_id" not in names else []
    read = sa.select(t.c.id, *link, *(t.c[name] for name in names))
    literal = _literal_values(statement, table) if state.is_update else None
    connection = session.connection()
    before = {
        r.id: r for r in connection.execute(read.where(statement.whereclause), dict(params or {}))
    }
    result = state.invoke_statement()
    if not before:
        return result
    entries: list[dict[str, Any]] = []
    if state.is_delete:
        entries = [_entry(session, table, row, "removed") for row in before.values()]
    elif literal is not None:
        for row in before.values():
            old = dict(row._mapping)
            entries += _differences(session, table, row, old, {**old, **literal})
    else:
        for row in connection.execute(read.where(t.c.id.in_(list(before)))):
            entries += _differences(
                session, table, row, dict(before[row.id]._mapping), dict(row._mapping)
            )
    _write(session, entries)
    return result


_LISTENERS: tuple[tuple[str, Any], ...] = (
    ("after_flush", _after_flush),
    ("do_orm_execute", _on_execute),
    ("before_commit", _before_commit),
    ("after_soft_rollback", _after_rollback),
)


def install() -> None:
    """Listen on every session (once per process)."""
    for name, listener in _LISTENERS:
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def uninstall() -> None:
    """Stop recording (only the benchmark that measures the history's cost does this)."""
    for name, listener in _LISTENERS:
        if event.contains(Session, name, listener):
            event.remove(Session, name, listener)


# --------------------------------------------------------------------------- reading
