"""GDPR requests about a named person: everything stored about them (the right of access),
and their deletion from closed cases (the right to erasure).

The search (``person_search.py``) is generic: every text column of every table (cases,
events and their earlier versions, employers, documents' journal fields, deadlines,
checklist notes, representatives, the change history) and the text of every document.

The deletion changes only cases whose status is closed: in their free text the name
becomes «[slettet]»; an employer's contact fields are cleared when the contact is the
person and the employer has no open case; the change history's old and new values are
redacted the same way (the one sanctioned UPDATE of that table, see migration 0007); the
deletion itself is recorded in the history without any value. Open cases are listed and
left alone: the case still needs them. Sent letters are listed and left alone: they are
frozen evidence (GDPR art. 17(3)(e), legal claims). Profiles of representatives are
listed; they are changed under «Profil»."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from tillitsvalgt import history
from tillitsvalgt.db import Database
from tillitsvalgt.services.person_search import (
    Hit,
    PersonReport,
    Raw,
    find_person,
    name_pattern,
    resolve,
    scan,
)

__all__ = ["DeletionReport", "Hit", "PersonReport", "delete_person", "find_person", "purge_traces"]

log = logging.getLogger(__name__)

REDACTED = "[slettet]"
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")
OPEN_CASE = (
    "saken er åpen og opplysningene trengs i saksbehandlingen; slett dem når saken er avsluttet"
)
SENT_LETTER = (
    "sendt brev: bevis som ikke endres (personvernforordningen art. 17 nr. 3 e); slett det "
    "fra arkivet når det ikke lenger trengs"
)
DOCUMENT_CONTENT = "innholdet i et dokument endres ikke; slett utkastet i journalen"
PROFILE = "profil for en tillitsvalgt; endres eller slettes under «Profil»"
EMPLOYER_IN_USE = "virksomheten har åpne saker; kontaktpersonen trengs der"
NOT_PERSONAL = "feltet er ikke et kontaktfelt for personen"


@dataclass
class DeletionReport:
    name: str
    changed: list[Hit] = field(default_factory=list)
    kept: list[tuple[Hit, str]] = field(default_factory=list)  # with the reason

    def summary(self) -> str:
        cases = sorted({h.case_number for h in self.changed if h.case_number})
        lines = [
            f"Slettet i {len(self.changed)} felt"
            + (f" i {len(cases)} avsluttede saker ({', '.join(cases)})" if cases else "")
            + "."
        ]
        if self.kept:
            lines.append(f"Ikke endret ({len(self.kept)} treff):")
            lines += [f"  – {hit.where}: {reason}" for hit, reason in self.kept]
        return "\n".join(lines)


# --------------------------------------------------------------------------- deleting


def _replace(pattern: re.Pattern[str], value: Any) -> Any:
    if isinstance(value, str):
        return pattern.sub(REDACTED, value)
    if isinstance(value, list):
        return [_replace(pattern, v) for v in value]
    if isinstance(value, dict):
        return {k: _replace(pattern, v) for k, v in value.items()}
    return value


def delete_person(name: str, *, session: Session) -> DeletionReport:
    """Delete ``name`` from closed cases (the right to erasure); see the module's text for
    what is kept and why. One unit of work: all of it or nothing."""
    pattern = name_pattern(name)
    raws = scan(session, pattern)
    hits = resolve(session, raws)
    report = DeletionReport(name=" ".join(name.split()))
    t = SQLModel.metadata.tables
    conn = session.connection()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        # Overwrite what is deleted instead of leaving it in free pages of the file.
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    cleared_employers = _clearable_employers(session, raws)
    # Each row's new values, gathered first: a row may match in several columns.
    updates: dict[tuple[str, int], dict[str, Any]] = {}
    redacted_case_ids: dict[int, set[str]] = {}
    for raw, hit in zip(raws, hits, strict=True):
        reason = _keep_reason(raw, hit, cleared_employers)
        if reason is not None:
            report.kept.append((hit, reason))
            continue
        values = updates.setdefault((raw.table, raw.row_id), {})
        if raw.table == "employers":
            values.update(dict.fromkeys(CONTACT_FIELDS))
        elif raw.table == "event_revisions":
            values[raw.column] = json.dumps(
                _replace(pattern, json.loads(raw.text)),
                default=str,
                ensure_ascii=False,
                sort_keys=True,
            )
        else:
            values[raw.column] = pattern.sub(REDACTED, raw.text)
        report.changed.append(hit)
        if raw.case_id is not None and raw.table not in history.ENTITIES:
            redacted_case_ids.setdefault(raw.case_id, set()).add(raw.table)
    # The employer's history keeps the contact's e-mail and phone too: they go with the name.
    updates.update(_employer_contact_history(conn, cleared_employers, updates))
    with history.context(session, "gdpr"), _Redacting(session):
        for (table_name, row_id), values in updates.items():
            if table_name == "change_history" and dialect == "postgresql":
                # Only through the database's own function, which checks that names were
                # only replaced by «[slettet]» and records the redaction (migration 0010).
                session.execute(
                    sa.text("SELECT tillitsvalgt_redact_history(:id, :old, :new)"),
                    {"id": row_id, "old": values.get("old_value"), "new": values.get("new_value")},
                )
                continue
            table = t[table_name]
            statement = table.update().where(table.c.id == row_id).values(**values)
            if table_name in ("cases", "events", "employers"):
                # A window still showing the old text must not save it back over this.
                statement = statement.values(version=table.c.version + 1)
            session.execute(statement)
        for case_id, tables in sorted(redacted_case_ids.items()):
            for table_name in sorted(tables):
                history.record_redaction(
                    session, case_id=case_id, entity_id=case_id, field=table_name
                )
    if dialect == "sqlite":
        # The free-text index keeps deleted words in its segments until they are merged.
        conn.exec_driver_sql("INSERT INTO case_search(case_search) VALUES ('optimize')")
        conn.exec_driver_sql("PRAGMA secure_delete = OFF")
    return report


def _clearable_employers(session: Session, raws: list[Raw]) -> set[int]:
    """Employers whose contact person is the one named and that have no open case."""
    candidates = {r.row_id for r in raws if r.table == "employers" and r.column in CONTACT_FIELDS}
    if not candidates:
        return set()
    c = SQLModel.metadata.tables["cases"]
    busy = set(
        session.connection()
        .execute(
            sa.select(c.c.employer_id)
            .where(c.c.employer_id.in_(candidates), c.c.status != "closed")
            .distinct()
        )
        .scalars()
    )
    return candidates - busy


def _keep_reason(raw: Raw, hit: Hit, cleared_employers: set[int]) -> str | None:
    if raw.table == "representatives":
        return PROFILE
    if raw.table == "employers":
        if raw.column not in CONTACT_FIELDS:
            return NOT_PERSONAL
        return None if raw.row_id in cleared_employers else EMPLOYER_IN_USE
    if raw.table == "change_history" and raw.extra.get("entity") == "employer":
        employer = int(raw.extra["entity_id"])
        if raw.extra.get("field") in CONTACT_FIELDS and employer in cleared_employers:
            return None
        return EMPLOYER_IN_USE if employer not in cleared_employers else NOT_PERSONAL
    if hit.case_status is None:
        return NOT_PERSONAL
    if hit.case_status != "closed":
        return OPEN_CASE
    if raw.table == "documents" and raw.column == "content":
        return SENT_LETTER if raw.extra.get("frozen") else DOCUMENT_CONTENT
    return None


def _employer_contact_history(
    conn: sa.Connection, employers: set[int], updates: dict[tuple[str, int], dict[str, Any]]
) -> dict[tuple[str, int], dict[str, Any]]:
    if not employers:
        return {}
    h = SQLModel.metadata.tables["change_history"]
    rows = conn.execute(
        sa.select(h.c.id, h.c.old_value, h.c.new_value).where(
            h.c.entity == "employer",
            h.c.entity_id.in_(employers),
            h.c.field.in_(CONTACT_FIELDS),
        )
    )
    extra: dict[tuple[str, int], dict[str, Any]] = {}
    for row in rows:
        values = dict(updates.get(("change_history", row.id), {}))
        for column in ("old_value", "new_value"):
            if getattr(row, column) is not None:
                values[column] = REDACTED
        if values:
            extra[("change_history", row.id)] = values
    return extra


class _Redacting:
    """The one sanctioned change of the history: marked for the listeners (which then
    record that fields were redacted, not what they held) and, on PostgreSQL, for the
    history table's trigger, for this transaction only."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __enter__(self) -> None:
        self.session.info[history.REDACTING] = True
        if self.session.connection().dialect.name == "postgresql":
            self.session.execute(sa.text("SET LOCAL tillitsvalgt.redaction = 'on'"))

    def __exit__(self, *_: object) -> None:
        self.session.info.pop(history.REDACTING, None)
        if self.session.connection().dialect.name == "postgresql":
            self.session.execute(sa.text("SET LOCAL tillitsvalgt.redaction = 'off'"))


def purge_traces(db: Database) -> None:
    """After a deletion on SQLite: move the write-ahead log into the file and empty it, so
    the old page versions (with the deleted text) do not linger beside the database. On
    PostgreSQL the old row versions go with the server's next VACUUM of the tables."""
    if db.location.file is None:
        return
    with db.engine.connect() as conn:
        # On the driver's connection, outside any transaction: a checkpoint cannot run in
        # one. Best effort: another program reading the file may hold the log, and SQLite
        # checkpoints it later by itself; the deletion itself is already committed.
        raw: Any = conn.connection.driver_connection
        try:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error as exc:
            log.info("write-ahead log not checkpointed after a deletion: %s", exc)
