"""Finding a named person in every text column of every table and in the documents' bytes
(the search behind ``services/privacy.py``). Generic over the models' metadata, so a field
added later is searched too. A name matches ignoring case and however the spaces between
its words are written."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from tillitsvalgt.errors import UserError
from tillitsvalgt.file_limits import DOCUMENT_TEXT_LIMIT
from tillitsvalgt.validation import label

MIN_NAME_LETTERS = 3


# Tables whose rows belong to a case, and the column that says which (directly or through
# their parent row).
_CASE_LINK = {
    "cases": "id",
    "events": "case_id",
    "documents": "case_id",
    "deadlines": "case_id",
    "checklist_answers": "case_id",
    "change_history": "case_id",
    "escalations": "case_id",
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
    "escalations": "opptrapping (løftet videre)",
    "case_groups": "gruppesak",
}


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
class Raw:
    table: str
    column: str
    row_id: int
    case_id: int | None
    text: str
    extra: dict[str, Any]


def scan(session: Session, pattern: re.Pattern[str]) -> list[Raw]:
    conn = session.connection()
    found: list[Raw] = []
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
                        Raw(
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
                docx.read(info).decode("utf-8", "replace")
                for info in docx.infolist()
                if info.filename.startswith("word/")
                and info.filename.endswith(".xml")
                and info.file_size <= DOCUMENT_TEXT_LIMIT  # a zip bomb is not searched
            ]
        text = " ".join(parts)
        text = re.sub(r"</w:p>", "\n", text)
        return re.sub(r"<[^>]+>", "", text)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return content.decode("utf-8", "replace")


def _scan_documents(conn: sa.Connection, pattern: re.Pattern[str]) -> list[Raw]:
    d = SQLModel.metadata.tables["documents"]
    found: list[Raw] = []
    # One document's bytes at a time: a journal may hold gigabytes.
    ids = conn.execute(sa.select(d.c.id).order_by(d.c.id)).scalars().all()
    for doc_id in ids:
        row = conn.execute(
            sa.select(d.c.case_id, d.c.content, d.c.frozen).where(d.c.id == doc_id)
        ).one()
        match = pattern.search(document_text(row.content))
        if match:
            found.append(
                Raw(
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


def resolve(session: Session, raws: list[Raw]) -> list[Hit]:
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


def _where(r: Raw, case: Any, employers: dict[int, str]) -> str:
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
    raws = scan(session, pattern)
    return PersonReport(
        name=" ".join(name.split()),
        searched_at=datetime.now(UTC),
        hits=resolve(session, raws),
    )
