"""GDPR requests about a named person: everything stored about them (the right of access),
and their deletion from closed cases (the right to erasure).

The search is generic: every text column of every table (cases, events and their earlier
versions, employers, documents' journal fields, deadlines, checklist notes,
representatives, the change history) and the bytes of every document (the text of a .docx,
or the raw bytes of other files), so a field added later is searched too. A name matches
ignoring case and however the spaces between its words are written.

The deletion changes only cases whose status is closed: in their free text the name
becomes «[slettet]»; an employer's contact fields are cleared when the contact is the
person and the employer has no open case; the change history's old and new values are
redacted the same way (the one sanctioned UPDATE of that table, see migration 0007); the
deletion itself is recorded in the history without any value. Open cases are listed and
left alone: the case still needs them. Sent letters are listed and left alone: they are
frozen evidence (GDPR art. 17(3)(e), legal claims). Profiles of representatives are
listed; they are changed under «Profil»."""

from __future__ import annotations

import io
import json
import logging
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from tillitsvalgt import history
from tillitsvalgt.db import Database
from tillitsvalgt.errors import UserError
from tillitsvalgt.validation import label

log = logging.getLogger(__name__)

REDACTED = "[slettet]"
MIN_NAME_LETTERS = 3
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")

# Tables whose rows belong to a case, and the column that says which (directly or through
# their parent row).
_CASE_LINK = {
    "cases": "id",
    "events": "case_id",
    "documents": "case_id",
    "deadlines": "case_id",
    "checklist_answers": "case_id",
    "change_history": "case_id",
}
_PARENT_LINK = {
    "event_revisions": ("event_id", "events"),
    "deadline_extensions": ("deadline_id", "deadlines"),
}
_WHAT = {
    "cases": "saken",
    "events": "hendelse",
    "event_revisions": "tidligere versjon av en hendelse",
    "documents": "dokument",
    "deadlines": "frist",
    "deadline_extensions": "fristforlengelse",
    "checklist_answers": "sjekkliste",
    "change_history": "endringshistorikken",
    "employers": "virksomhetsregisteret",
    "representatives": "profil for tillitsvalgt",
}
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


@dataclass(frozen=True)
class Hit:
    """Where the name was found, in words and exactly."""

    where: str
    table: str
    column: str
    row_id: int
    case_number: str | None
    case_status: str | None
    text: str  # the whole stored value (for a document: where in it)


@dataclass
class PersonReport:
    name: str
    searched_at: datetime
    hits: list[Hit] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "person": self.name,
            "searched_at": self.searched_at.isoformat(),
            "hits": len(self.hits),
            "found": [asdict(h) for h in self.hits],
        }


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


def name_pattern(name: str) -> re.Pattern[str]:
    """The name as a pattern: any case, any run of spaces between its words."""
    words = name.split()
    if sum(len(w) for w in words) < MIN_NAME_LETTERS or not any(ch.isalpha() for ch in name):
        raise UserError(
            f"«{name.strip()}» er for kort til å søke etter en person; skriv hele navnet "
            f"(minst {MIN_NAME_LETTERS} bokstaver)."
        )
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


# --------------------------------------------------------------------------- finding


def _text_columns(table: sa.Table) -> list[sa.Column[Any]]:
    return [c for c in table.columns if _is_text(c.type)]


def _is_text(kind: Any) -> bool:
    # SQLModel's AutoString is a TypeDecorator over String.
    return isinstance(getattr(kind, "impl", kind), sa.String)


def _tables() -> Iterator[sa.Table]:
    yield from SQLModel.metadata.sorted_tables


@dataclass
class _Raw:
    table: str
    column: str
    row_id: int
    case_id: int | None
    text: str
    extra: dict[str, Any]


def _scan(session: Session, pattern: re.Pattern[str]) -> list[_Raw]:
    conn = session.connection()
    found: list[_Raw] = []
    for table in _tables():
        columns = _text_columns(table)
        if not columns:
            continue
        pk = next(iter(table.primary_key.columns))
        links = [table.c[n] for n in (_CASE_LINK.get(table.name), _parent_column(table.name)) if n]
        extra = [
            table.c[n] for n in ("entity", "entity_id", "field") if table.name == "change_history"
        ]
        select = sa.select(pk, *links, *extra, *columns)
        for row in conn.execute(select):
            data = row._mapping
            for column in columns:
                value = data[column]
                if value and pattern.search(value):
                    link = _CASE_LINK.get(table.name)
                    parent = _parent_column(table.name)
                    found.append(
                        _Raw(
                            table=table.name,
                            column=column.name,
                            row_id=int(data[pk]),
                            case_id=data[table.c[link]] if link else None,
                            text=value,
                            extra={
                                **({"parent_id": data[table.c[parent]]} if parent else {}),
                                **{c.name: data[c] for c in extra},
                            },
                        )
                    )
    return found + _scan_documents(conn, pattern)


def _parent_column(table: str) -> str | None:
    return _PARENT_LINK[table][0] if table in _PARENT_LINK else None


def document_text(content: bytes) -> str:
    """The words of a document: a .docx's text (Word splits a name over several runs, so
    the runs are joined), or the bytes as text for anything else."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as docx:
            parts = [
                docx.read(n).decode("utf-8", "replace")
                for n in docx.namelist()
                if n.startswith("word/") and n.endswith(".xml")
            ]
        text = " ".join(parts)
        text = re.sub(r"</w:p>", "\n", text)
        return re.sub(r"<[^>]+>", "", text)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return content.decode("utf-8", "replace")


def _scan_documents(conn: sa.Connection, pattern: re.Pattern[str]) -> list[_Raw]:
    d = SQLModel.metadata.tables["documents"]
    found: list[_Raw] = []
    # One document's bytes at a time: a journal may hold gigabytes.
    ids = conn.execute(sa.select(d.c.id).order_by(d.c.id)).scalars().all()
    for doc_id in ids:
        row = conn.execute(
            sa.select(d.c.case_id, d.c.content, d.c.frozen).where(d.c.id == doc_id)
        ).one()
        match = pattern.search(document_text(row.content))
        if match:
            found.append(
                _Raw(
                    table="documents",
                    column="content",
                    row_id=doc_id,
                    case_id=row.case_id,
                    text=_around(document_text(row.content), match),
                    extra={"frozen": bool(row.frozen)},
                )
            )
    return found


def _around(text: str, match: re.Match[str], width: int = 80) -> str:
    start, end = max(0, match.start() - width), match.end() + width
    return " ".join(text[start:end].split())


def _resolve(session: Session, raws: list[_Raw]) -> list[Hit]:
    """The raw hits in words: which case, which event or document, which field."""
    conn = session.connection()
    t = SQLModel.metadata.tables
    for parent_table in ("events", "deadlines"):
        wanted = {
            r.extra["parent_id"]
            for r in raws
            if _PARENT_LINK.get(r.table, ("", ""))[1] == parent_table
        }
        if wanted:
            p = t[parent_table]
            owner = dict(
                conn.execute(sa.select(p.c.id, p.c.case_id).where(p.c.id.in_(wanted))).all()
            )
            for r in raws:
                if _PARENT_LINK.get(r.table, ("", ""))[1] == parent_table:
                    r.case_id = owner.get(r.extra["parent_id"])
    case_ids = {r.case_id for r in raws if r.case_id is not None}
    c = t["cases"]
    cases = {
        row.id: row
        for row in conn.execute(
            sa.select(c.c.id, c.c.number, c.c.status).where(c.c.id.in_(case_ids))
        )
    }
    e = t["employers"]
    employer_ids = {r.row_id for r in raws if r.table == "employers"} | {
        int(r.extra["entity_id"]) for r in raws if r.extra.get("entity") == "employer"
    }
    employers = dict(
        conn.execute(sa.select(e.c.id, e.c.name).where(e.c.id.in_(employer_ids))).all()
    )
    hits = []
    for r in raws:
        case = cases.get(r.case_id) if r.case_id is not None else None
        hits.append(
            Hit(
                where=_where(r, case, employers),
                table=r.table,
                column=r.column,
                row_id=r.row_id,
                case_number=case.number if case is not None else None,
                case_status=case.status if case is not None else None,
                text=r.text,
            )
        )
    return hits


def _where(r: _Raw, case: Any, employers: dict[int, str]) -> str:
    parts = []
    if case is not None:
        parts.append(f"Sak {case.number}")
    if r.table == "employers":
        parts.append(f"Virksomhet «{employers.get(r.row_id, r.row_id)}»")
    elif r.table == "change_history" and r.extra.get("entity") == "employer":
        parts.append(f"Virksomhet «{employers.get(int(r.extra['entity_id']), '?')}»")
    if r.table not in ("cases", "employers"):
        parts.append(_WHAT.get(r.table, r.table) + f" (nr. {r.row_id})")
    if r.table == "change_history":
        side = "gammel verdi" if r.column == "old_value" else "ny verdi"
        parts.append(f"{label(str(r.extra.get('field') or ''))}, {side}")
    elif r.table == "documents" and r.column == "content":
        parts.append("innholdet" + (" (sendt)" if r.extra.get("frozen") else ""))
    else:
        parts.append(label(r.column))
    return " › ".join(parts)


def find_person(name: str, *, session: Session) -> PersonReport:
    """Everything stored about ``name``, and where (the right of access)."""
    pattern = name_pattern(name)
    raws = _scan(session, pattern)
    return PersonReport(
        name=" ".join(name.split()),
        searched_at=datetime.now(UTC),
        hits=_resolve(session, raws),
    )


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
    raws = _scan(session, pattern)
    hits = _resolve(session, raws)
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


def _clearable_employers(session: Session, raws: list[_Raw]) -> set[int]:
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


def _keep_reason(raw: _Raw, hit: Hit, cleared_employers: set[int]) -> str | None:
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
