"""The evidence a case bundle carries beside the case and its timeline: the journal's
documents (their bytes, base64, with the SHA-256 that was recorded when they were stored),
the checklist answers and the deadlines with every extension.

Checked whole before anything is written (``check_evidence``): a document whose bytes do
not match its checksum refuses the whole import, since the office must be able to trust
that a letter it receives is the letter the representative sent. Merged idempotently
(``merge_evidence``): documents by UUID, checklist answers by item, deadlines by what
identifies them (their letter, title and first due date); a second import changes nothing.
A sent letter stays frozen on the receiving side: its bytes are never replaced.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import uuid as uuid_module
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

import pydantic
import sqlalchemy as sa
from pydantic import AfterValidator, AwareDatetime, ConfigDict, Field
from sqlmodel import Session, col, select

from tillitsvalgt.errors import Problem, ValidationError
from tillitsvalgt.services import checklist as checklist_service
from tillitsvalgt.services import documents as document_service
from tillitsvalgt.services.documents import MAX_DOCUMENT_BYTES
from tillitsvalgt.shapes import ChecklistAnswerSet, DeadlineCreate, DocumentCreate
from tillitsvalgt.tables import ChecklistAnswer, Deadline, DeadlineExtension, Document
from tillitsvalgt.validation import (
    ChecklistAnswerCode,
    DirectionCode,
    DocumentKindCode,
    ItemKey,
    LongText,
    ShortText,
    Title,
    problems_from,
)

MAX_DOCUMENTS_PER_CASE = 1_000
MAX_DOCUMENT_BYTES_PER_FILE = 2 * 1024**3  # what one import may hold in memory at most
# Base64 takes 4 characters for every 3 bytes.
_MAX_BASE64 = (MAX_DOCUMENT_BYTES + 2) // 3 * 4


# How far ahead of this machine's clock a sender's "last changed" may be: the newer time
# wins a merge, so a time far in the future would win every merge for ever.
FUTURE_TOLERANCE = timedelta(days=1)


def _stamp(value: datetime) -> datetime:
    try:
        stamp = value.astimezone(UTC)
    except OverflowError:
        raise ValueError("er utenfor tidsrommet som kan lagres") from None
    if stamp > datetime.now(UTC) + FUTURE_TOLERANCE:
        raise ValueError(
            "ligger mer enn ett døgn fram i tid (går klokken feil på maskinen som laget "
            "filen?); en slik endring ville vunnet over alle senere endringer"
        )
    return stamp


Stamp = Annotated[AwareDatetime, AfterValidator(_stamp)]


def _sha256(value: str) -> str:
    value = value.strip().lower()
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError("må være en SHA-256-sjekksum (64 heksadesimale tegn)")
    return value


class _Strict(pydantic.BaseModel):
    model_config = ConfigDict(extra="forbid")


class BundleDocument(_Strict):
    uuid: uuid_module.UUID
    number: ShortText = None  # its number where it came from; here it gets the next one
    direction: DirectionCode
    kind: DocumentKindCode
    title: Title
    filename: ShortText = None
    mime_type: ShortText = None
    recipient: ShortText = None
    dated: date | None = None
    reply_by: date | None = None
    their_ref: ShortText = None
    catalogue_version: ShortText = None
    provisions: list[Annotated[str, Field(max_length=200)]] = Field(default=[], max_length=500)
    sent_on: date | None = None
    sha256: Annotated[str, AfterValidator(_sha256)]
    content: Annotated[str, Field(max_length=_MAX_BASE64)]


class BundleExtension(_Strict):
    previous_due_on: date
    new_due_on: date
    reason: LongText = None


class BundleDeadline(_Strict):
    title: Title
    rule: ShortText = None
    due_on: date
    original_due_on: date | None = None
    met_on: date | None = None
    cancelled: bool = False
    document: uuid_module.UUID | None = None  # the letter that set it, by its UUID
    extensions: list[BundleExtension] = Field(default=[], max_length=100)


class BundleAnswer(_Strict):
    item: ItemKey
    answer: ChecklistAnswerCode = "unknown"
    note: LongText = None
    updated_at: Stamp | None = None


class Evidence(_Strict):
    """The evidence fields of one bundle item (validated with the item)."""

    documents: list[BundleDocument] = Field(default_factory=list, max_length=MAX_DOCUMENTS_PER_CASE)
    checklist: list[BundleAnswer] = Field(default_factory=list, max_length=500)
    deadlines: list[BundleDeadline] = Field(default_factory=list, max_length=1_000)


def decoded(document: BundleDocument) -> bytes:
    """The bytes of a checked document (``check_evidence`` proved they decode)."""
    return base64.b64decode(document.content, validate=True)


def check_evidence(
    evidence: Evidence, name: str, seen_documents: dict[uuid_module.UUID, str]
) -> tuple[list[Problem], int]:
    """Every problem with one item's evidence, and how many document bytes it holds."""
    problems: list[Problem] = []
    total = 0
    uuids: set[uuid_module.UUID] = set()
    for index, doc in enumerate(evidence.documents):
        where = f"{name} › Dokumenter › nr. {index + 1}"
        if doc.uuid in seen_documents:
            problems.append(Problem(where, f"har samme UUID som {seen_documents[doc.uuid]}"))
        seen_documents[doc.uuid] = where
        uuids.add(doc.uuid)
        try:
            content = base64.b64decode(doc.content, validate=True)
        except (binascii.Error, ValueError):
            problems.append(Problem(f"{where} › Innhold", "er ikke gyldig base64"))
            continue
        total += len(content)
        if len(content) > MAX_DOCUMENT_BYTES:
            problems.append(
                Problem(
                    f"{where} › Innhold",
                    f"er {len(content) / 1e6:.0f} MB; høyst {MAX_DOCUMENT_BYTES // 2**20} MB",
                )
            )
        elif hashlib.sha256(content).hexdigest() != doc.sha256:
            problems.append(
                Problem(
                    where,
                    f"«{doc.title}» stemmer ikke med sjekksummen (SHA-256) i filen; dokumentet "
                    "er endret eller ødelagt etter at filen ble laget. Be om en ny fil",
                )
            )
        try:
            _document_create(doc, content)
        except pydantic.ValidationError as exc:
            problems += problems_from(exc, prefix=where)
    for index, deadline in enumerate(evidence.deadlines):
        where = f"{name} › Frister › nr. {index + 1}"
        if deadline.document is not None and deadline.document not in uuids:
            problems.append(Problem(where, "viser til et dokument som ikke er med i saken"))
        for e_index, ext in enumerate(deadline.extensions):
            if ext.new_due_on <= ext.previous_due_on:
                problems.append(
                    Problem(
                        f"{where} › Forlengelser › nr. {e_index + 1}",
                        "ny frist må være etter den forrige",
                    )
                )
    items = [a.item for a in evidence.checklist]
    for index, answer in enumerate(evidence.checklist):
        where = f"{name} › Sjekkliste › nr. {index + 1}"
        if answer.item is None:
            problems.append(Problem(f"{where} › Punkt", "mangler"))
        elif items.index(answer.item) != index:
            problems.append(Problem(where, f"punktet «{answer.item}» står to ganger"))
    return problems, total


def _document_create(doc: BundleDocument, content: bytes) -> DocumentCreate:
    return DocumentCreate.model_validate(
        {
            "direction": doc.direction,
            "kind": doc.kind,
            "title": doc.title,
            "filename": doc.filename,
            "mime_type": doc.mime_type,
            "recipient": doc.recipient,
            "dated": doc.dated,
            "reply_by": doc.reply_by,
            "their_ref": doc.their_ref,
            "catalogue_version": doc.catalogue_version,
            "content": content,
            "provisions": doc.provisions,
        }
    )


# --------------------------------------------------------------------------- merging


class EvidenceCounts:
    def __init__(self) -> None:
        self.documents_added = 0
        self.documents_sent = 0  # a draft here that the bundle shows as sent
        self.answers_set = 0
        self.deadlines_added = 0
        self.deadlines_updated = 0


def merge_evidence(
    case_id: int, case_ref: str, evidence: Evidence, *, session: Session, counts: EvidenceCounts
) -> None:
    documents = _merge_documents(case_id, case_ref, evidence.documents, session, counts)
    _merge_answers(case_id, evidence.checklist, session, counts)
    _merge_deadlines(case_id, evidence.deadlines, documents, session, counts)


def _merge_documents(
    case_id: int,
    case_ref: str,
    docs: list[BundleDocument],
    session: Session,
    counts: EvidenceCounts,
) -> dict[uuid_module.UUID, int]:
    """Returns the local id of every document in the bundle, by UUID."""
    ids: dict[uuid_module.UUID, int] = {}
    for index, doc in enumerate(docs):
        existing = session.exec(select(Document).where(col(Document.uuid) == doc.uuid)).first()
        if existing is not None and existing.case_id != case_id:
            raise ValidationError(
                [
                    Problem(
                        f"Sak {case_ref} › Dokumenter › nr. {index + 1}",
                        f"har samme UUID som et dokument i en annen sak ({doc.uuid})",
                    )
                ],
                heading="Filen ble ikke importert; ingenting er endret",
            )
        content = decoded(doc)
        if existing is None:
            created = document_service.add_document(
                case_id, _document_create(doc, content), session=session, uuid=doc.uuid
            )
            if doc.sent_on is not None:
                document_service.mark_sent(created.id, sent_on=doc.sent_on, session=session)
            ids[doc.uuid] = created.id
            counts.documents_added += 1
            continue
        assert existing.id is not None
        ids[doc.uuid] = existing.id
        if existing.frozen or existing.deleted_at is not None or doc.sent_on is None:
            # Ours is sent (frozen: never replaced), removed here, or both are drafts (the
            # draft here may be the newer one): ours stands.
            continue
        # A draft here that was sent where the bundle comes from: the sent version is final.
        if existing.sha256 != doc.sha256:
            document_service.replace_content(existing.id, content, session=session)
        document_service.mark_sent(existing.id, sent_on=doc.sent_on, session=session)
        counts.documents_sent += 1
    return ids


def _merge_answers(
    case_id: int, answers: list[BundleAnswer], session: Session, counts: EvidenceCounts
) -> None:
    for answer in answers:
        existing = session.exec(
            select(ChecklistAnswer).where(
                col(ChecklistAnswer.case_id) == case_id,
                col(ChecklistAnswer.item_key) == answer.item,
            )
        ).first()
        if existing is not None:
            same = (existing.answer, existing.note) == (answer.answer, answer.note)
            newer = answer.updated_at is not None and answer.updated_at > existing.updated_at
            if same or not newer:
                continue
        row = checklist_service.set_answer(
            case_id,
            ChecklistAnswerSet(item_key=answer.item, answer=answer.answer, note=answer.note),
            session=session,
        )
        if answer.updated_at is not None:  # the sender's time stands, as for events
            session.execute(
                sa.update(ChecklistAnswer)
                .where(col(ChecklistAnswer.id) == row.id)
                .values(updated_at=answer.updated_at)
            )
        counts.answers_set += 1


def _deadline_key(
    title: str, original: date, document_id: int | None
) -> tuple[str, date, int | None]:
    return (title, original, document_id)


def _merge_deadlines(
    case_id: int,
    deadlines: list[BundleDeadline],
    documents: dict[uuid_module.UUID, int],
    session: Session,
    counts: EvidenceCounts,
) -> None:
    """Deadlines have no UUID: one is the same deadline when it has the same letter, title
    and first due date. The merge only moves forward (a later due date with its
    extensions, met, cancelled), so it is the same whichever order bundles come in."""
    ours = {
        _deadline_key(d.title, d.original_due_on, d.document_id): d
        for d in session.exec(select(Deadline).where(col(Deadline.case_id) == case_id))
    }
    for wanted in deadlines:
        document_id = documents.get(wanted.document) if wanted.document else None
        original = wanted.original_due_on or (
            wanted.extensions[0].previous_due_on if wanted.extensions else wanted.due_on
        )
        row = ours.get(_deadline_key(wanted.title, original, document_id))
        if row is None:
            # Written as it stands in the bundle, also on a closed case: a deadline that
            # ran is part of the case's record (add_deadline is for new ones, on live cases).
            checked = DeadlineCreate(
                due_on=original, title=wanted.title, rule=wanted.rule, document_id=document_id
            )
            row = Deadline(**checked.model_dump(), case_id=case_id, original_due_on=original)
            session.add(row)
            session.flush()
            counts.deadlines_added += 1
        elif _deadline_changes(row, wanted, session):
            counts.deadlines_updated += 1
        else:
            continue
        _apply_deadline(row, wanted, session)


def _known_extensions(deadline_id: int, session: Session) -> set[tuple[date, date]]:
    return {
        (e.previous_due_on, e.new_due_on)
        for e in session.exec(
            select(DeadlineExtension).where(col(DeadlineExtension.deadline_id) == deadline_id)
        )
    }


def _deadline_changes(row: Deadline, wanted: BundleDeadline, session: Session) -> bool:
    assert row.id is not None
    known = _known_extensions(row.id, session)
    return (
        any((e.previous_due_on, e.new_due_on) not in known for e in wanted.extensions)
        or wanted.due_on > row.due_on
        or (row.met_on is None and wanted.met_on is not None)
        or (not row.cancelled and wanted.cancelled)
    )


def _apply_deadline(row: Deadline, wanted: BundleDeadline, session: Session) -> None:
    assert row.id is not None
    known = _known_extensions(row.id, session)
    for ext in wanted.extensions:
        if (ext.previous_due_on, ext.new_due_on) not in known:
            session.add(
                DeadlineExtension(
                    deadline_id=row.id,
                    previous_due_on=ext.previous_due_on,
                    new_due_on=ext.new_due_on,
                    reason=ext.reason,
                )
            )
    if wanted.due_on > row.due_on:
        row.due_on = wanted.due_on
    if row.met_on is None and wanted.met_on is not None:
        row.met_on = wanted.met_on
    if wanted.cancelled:
        row.cancelled = True
    session.add(row)
    session.flush()


# --------------------------------------------------------------------------- export


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_evidence(case_ids: Iterable[int], *, session: Session) -> dict[int, dict[str, Any]]:
    """The evidence of each case, in the bundle's format, by case id. A document whose bytes
    no longer match its checksum stops the export (``document_content`` says which)."""
    wanted = list(case_ids)
    result: dict[int, dict[str, Any]] = {cid: {} for cid in wanted}
    for chunk in _chunks(wanted, 500):
        docs = session.exec(
            select(Document)
            .where(col(Document.case_id).in_(chunk), col(Document.deleted_at).is_(None))
            .order_by(col(Document.case_id), col(Document.seq))
        ).all()
        uuid_of = {d.id: d.uuid for d in docs}
        for doc in docs:
            assert doc.id is not None
            content = document_service.document_content(doc.id, session=session)

            result[doc.case_id].setdefault("documents", []).append(
                _drop_none(
                    {
                        "uuid": str(doc.uuid),
                        "number": doc.number,
                        "direction": doc.direction,
                        "kind": doc.kind,
                        "title": doc.title,
                        "filename": doc.filename,
                        "mime_type": doc.mime_type,
                        "recipient": doc.recipient,
                        "dated": _iso(doc.dated),
                        "reply_by": _iso(doc.reply_by),
                        "their_ref": doc.their_ref,
                        "catalogue_version": doc.catalogue_version,
                        "provisions": json.loads(doc.provisions) or None,
                        "sent_on": _iso(doc.sent_on),
                        "sha256": doc.sha256,
                        "content": base64.b64encode(content).decode("ascii"),
                    }
                )
            )
        for answer in session.exec(
            select(ChecklistAnswer)
            .where(col(ChecklistAnswer.case_id).in_(chunk))
            .order_by(col(ChecklistAnswer.case_id), col(ChecklistAnswer.item_key))
        ):
            result[answer.case_id].setdefault("checklist", []).append(
                _drop_none(
                    {
                        "item": answer.item_key,
                        "answer": answer.answer,
                        "note": answer.note,
                        "updated_at": answer.updated_at.isoformat(),
                    }
                )
            )
        deadlines = session.exec(
            select(Deadline)
            .where(col(Deadline.case_id).in_(chunk))
            .order_by(col(Deadline.case_id), col(Deadline.original_due_on), col(Deadline.id))
        ).all()
        extensions: dict[int, list[DeadlineExtension]] = {}
        ids = [d.id for d in deadlines]
        if ids:
            for ext in session.exec(
                select(DeadlineExtension)
                .where(col(DeadlineExtension.deadline_id).in_(ids))
                .order_by(col(DeadlineExtension.id))
            ):
                extensions.setdefault(ext.deadline_id, []).append(ext)
        for d in deadlines:
            document = uuid_of.get(d.document_id) if d.document_id else None
            result[d.case_id].setdefault("deadlines", []).append(
                _drop_none(
                    {
                        "title": d.title,
                        "rule": d.rule,
                        "due_on": d.due_on.isoformat(),
                        "original_due_on": d.original_due_on.isoformat(),
                        "met_on": _iso(d.met_on),
                        "cancelled": d.cancelled or None,
                        "document": str(document) if document else None,
                        "extensions": [
                            _drop_none(
                                {
                                    "previous_due_on": e.previous_due_on.isoformat(),
                                    "new_due_on": e.new_due_on.isoformat(),
                                    "reason": e.reason,
                                }
                            )
                            for e in extensions.get(d.id or 0, [])
                        ]
                        or None,
                    }
                )
            )
    return result


def _chunks(values: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
