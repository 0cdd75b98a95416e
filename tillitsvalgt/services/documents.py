"""Documents (journalposter): letters and attachments, their bytes in the database so one
backup holds everything, numbered ``YYYY/N-M`` per case, frozen once sent."""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_module
from datetime import date

from sqlalchemy import update
from sqlmodel import Session, col, select

from tillitsvalgt.errors import StateError
from tillitsvalgt.services._common import get_or_fail, refuse
from tillitsvalgt.services.cases import resolve_case, touch_case
from tillitsvalgt.shapes import DocumentCreate, DocumentRead
from tillitsvalgt.tables import Case, Document, utcnow

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def _read(doc: Document) -> DocumentRead:
    data = doc.model_dump(exclude={"content", "provisions"})
    return DocumentRead.model_validate({**data, "provisions": json.loads(doc.provisions)})


def reserve_number(case_id: int, *, session: Session) -> int:
    """The case's next document sequence number, taken now (a letter states its own number,
    so it is reserved before the letter is written). Same pattern as case numbers: an
    atomic increment on the case row; a rolled-back transaction gives it back."""
    seq: int = session.execute(
        update(Case)
        .where(col(Case.id) == case_id)
        .values(last_document_seq=Case.last_document_seq + 1)
        .returning(col(Case.last_document_seq))
    ).scalar_one()
    return seq


def add_document(
    case_ref: str | int,
    data: DocumentCreate,
    *,
    session: Session,
    seq: int | None = None,
    uuid: uuid_module.UUID | None = None,
) -> DocumentRead:
    """Journal a document. ``seq`` is a number from ``reserve_number`` in this transaction;
    without it the next one is taken. ``uuid``: the document's identity where it came from
    (an imported bundle), so the same document imported again is recognised."""
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    if len(data.content) > MAX_DOCUMENT_BYTES:
        raise refuse(
            "content",
            f"filen er {len(data.content) / 1e6:.0f} MB; høyst {MAX_DOCUMENT_BYTES // 2**20} MB",
        )
    if seq is None:
        seq = reserve_number(case.id, session=session)
    doc = Document(
        **data.model_dump(exclude={"content", "provisions"}),
        case_id=case.id,
        seq=seq,
        number=f"{case.number}-{seq}",
        content=data.content,
        size=len(data.content),
        sha256=hashlib.sha256(data.content).hexdigest(),
        provisions=json.dumps(list(data.provisions)),
        uuid=uuid or uuid_module.uuid4(),
    )
    session.add(doc)
    session.flush()
    touch_case(case.id, session=session)
    return _read(doc)


def get_document(document_id: int, *, session: Session) -> DocumentRead:
    return _read(get_or_fail(session, Document, document_id, "dokumentet"))


def document_content(document_id: int, *, session: Session) -> bytes:
    """The bytes, checked against the SHA-256 recorded when the document was stored."""
    doc = get_or_fail(session, Document, document_id, "dokumentet")
    if hashlib.sha256(doc.content).hexdigest() != doc.sha256:
        raise StateError(
            f"Dokument {doc.number} stemmer ikke med sjekksummen som ble lagret; innholdet er "
            "endret utenfor programmet. Hent det fra en sikkerhetskopi."
        )
    return doc.content


def changed_documents(*, session: Session) -> list[str]:
    """Every journaled document (sent letters first of all) whose bytes no longer match
    the SHA-256 recorded when it was stored, as Norwegian lines for ``check``. Read a few
    at a time: the journal may hold hundreds of megabytes."""
    rows = session.execute(
        select(Document.number, Document.frozen, Document.sha256, Document.content)
        .order_by(col(Document.id))
        .execution_options(yield_per=64)
    )
    found = []
    for number, frozen, recorded, content in rows:
        if hashlib.sha256(content or b"").hexdigest() != recorded:
            what = "Det sendte brevet" if frozen else "Dokumentet"
            found.append(
                f"{what} {number} stemmer ikke med sjekksummen som ble lagret: innholdet er "
                "endret utenfor programmet. Hent det fra en sikkerhetskopi."
            )
    return found


def list_documents(case_ref: str | int, *, session: Session) -> list[DocumentRead]:
    case = resolve_case(case_ref, session=session, include_deleted=True)
    columns = [c for c in Document.__table__.columns if c.name != "content"]  # type: ignore[attr-defined]
    rows = session.execute(
        select(*columns)
        .where(col(Document.case_id) == case.id, col(Document.deleted_at).is_(None))
        .order_by(col(Document.seq))
    )
    result = []
    for row in rows:
        data = dict(row._mapping)
        data["provisions"] = json.loads(data["provisions"])
        result.append(DocumentRead.model_validate(data))
    return result


def mark_sent(document_id: int, *, sent_on: date, session: Session) -> DocumentRead:
    """Freeze the document: from now on it can be opened and exported, never changed."""
    doc = get_or_fail(session, Document, document_id, "dokumentet")
    if doc.frozen:
        raise StateError(f"Dokument {doc.number} er allerede merket som sendt.")
    doc.sent_on = sent_on
    doc.frozen = True
    session.add(doc)
    session.flush()
    return _read(doc)


def replace_content(document_id: int, content: bytes, *, session: Session) -> DocumentRead:
    """Change an unsent draft; a sent document is refused (make a new version instead)."""
    doc = get_or_fail(session, Document, document_id, "dokumentet")
    if doc.frozen:
        raise StateError(
            f"Dokument {doc.number} er sendt og kan ikke endres. Lag et nytt dokument i stedet."
        )
    doc.content = content
    doc.size = len(content)
    doc.sha256 = hashlib.sha256(content).hexdigest()
    session.add(doc)
    session.flush()
    return _read(doc)


def replace_draft(document_id: int, data: DocumentCreate, *, session: Session) -> DocumentRead:
    """A letter saved again before it is sent: the draft takes the new text and fields and
    keeps its number (a sent letter is refused: it is frozen evidence)."""
    doc = get_or_fail(session, Document, document_id, "dokumentet")
    if doc.frozen:
        raise StateError(
            f"Dokument {doc.number} er sendt og kan ikke endres. Lag et nytt dokument i stedet."
        )
    if len(data.content) > MAX_DOCUMENT_BYTES:
        raise refuse(
            "content",
            f"filen er {len(data.content) / 1e6:.0f} MB; høyst {MAX_DOCUMENT_BYTES // 2**20} MB",
        )
    for name, value in data.model_dump(exclude={"content", "provisions"}).items():
        setattr(doc, name, value)
    doc.content = data.content
    doc.size = len(data.content)
    doc.sha256 = hashlib.sha256(data.content).hexdigest()
    doc.provisions = json.dumps(list(data.provisions))
    session.add(doc)
    session.flush()
    touch_case(doc.case_id, session=session)
    return _read(doc)


def delete_document(document_id: int, *, session: Session) -> None:
    doc = get_or_fail(session, Document, document_id, "dokumentet")
    if doc.frozen:
        raise StateError(f"Dokument {doc.number} er sendt og kan ikke slettes.")
    doc.deleted_at = utcnow()
    session.add(doc)
