"""Letters on the journal: write one from a case, keep it as a document, mark it sent.

Writing a letter reserves its journal number ``YYYY/N-M`` (the letter states it as "Vår
ref."), renders the template and stores the bytes with their SHA-256, the provisions cited
and the reply deadline the letter states — all in one transaction, so a template error
leaves no number used and no half a document. Marking it sent freezes it, puts "Brev
sendt" on the timeline and creates the reply deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from tillitsvalgt.errors import NotFoundError, Problem, StateError, ValidationError
from tillitsvalgt.letters.context import LetterContext, LetterFacts, LetterOptions, build_context
from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, KINDS, letter_kind
from tillitsvalgt.letters.render import render_docx
from tillitsvalgt.letters.templates import LoadedTemplate, load_template
from tillitsvalgt.models import (
    Case,
    ChecklistAnswer,
    DeadlineCreate,
    Document,
    DocumentCreate,
    DocumentRead,
    Employer,
    EmployerRead,
    EventCreate,
    Representative,
    RepresentativeRead,
)
from tillitsvalgt.rules.types import Catalogue, SuggestedLetter
from tillitsvalgt.services import deadlines as deadline_service
from tillitsvalgt.services import documents as document_service
from tillitsvalgt.services import events as event_service
from tillitsvalgt.services._common import read
from tillitsvalgt.services.assessments import assess_case
from tillitsvalgt.services.cases import resolve_case
from tillitsvalgt.services.events import REPLY_RULE
from tillitsvalgt.services.representatives import find_representative

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class LetterRequest:
    kind: str
    dated: date
    reply_days: int = DEFAULT_REPLY_DAYS
    their_ref: str | None = None
    extra_text: str | None = None
    copy_to: str | None = None
    provisions: tuple[str, ...] | None = None  # None: every provision that applies


@dataclass(frozen=True)
class LetterSetup:
    """What is not in the database: the catalogue, the template folder, the union's name
    and whose profile signs (the settings' choices)."""

    catalogue: Catalogue | None = None
    template_folder: Path | None = None
    union_name: str | None = None
    profile_uuid: str | None = None


@dataclass(frozen=True)
class Letter:
    content: bytes
    context: LetterContext
    template: LoadedTemplate
    number: str
    document: DocumentRead | None = None  # set once journaled


def _representative(case: Case, setup: LetterSetup, session: Session) -> RepresentativeRead | None:
    """Who signs: the case's responsible representative, else the user's own profile, else
    the only representative in the database."""
    if case.representative_id is not None:
        rep = session.get(Representative, case.representative_id)
        if rep is not None:
            return read(RepresentativeRead, rep)
    if setup.profile_uuid:
        mine = find_representative(setup.profile_uuid, session=session)
        if mine is not None:
            return mine
    reps = session.exec(select(Representative).limit(2)).all()
    return read(RepresentativeRead, reps[0]) if len(reps) == 1 else None


def letter_facts(
    case_ref: str | int, *, session: Session, today: date, setup: LetterSetup
) -> LetterFacts:
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    employer = session.get(Employer, case.employer_id)
    assert employer is not None
    result = assess_case(case.id, session=session, today=today, catalogue=setup.catalogue)
    answers = session.exec(select(ChecklistAnswer).where(ChecklistAnswer.case_id == case.id))
    catalogue = setup.catalogue
    if catalogue is None:
        from tillitsvalgt.rules.catalogue import load_catalogue

        catalogue = load_catalogue()
    return LetterFacts(
        case=result.case,
        employer=read(EmployerRead, employer),
        assessment=result.assessment,
        catalogue=catalogue,
        representative=_representative(case, setup, session),
        union_name=setup.union_name,
        events=event_service.list_events(case.id, session=session),
        documents=document_service.list_documents(case.id, session=session),
        deadlines=deadline_service.list_deadlines(case.id, session=session),
        checklist={a.item_key: a.answer for a in answers},
    )


_LIMITS = (
    ("their_ref", "Deres ref.", 200),
    ("copy_to", "Kopi", 200),
    ("extra_text", "Egen tekst", 20_000),
)


def _check_request(request: LetterRequest) -> None:
    from tillitsvalgt.validation import check_chars

    problems = []
    for name, label, limit in _LIMITS:
        value = getattr(request, name)
        if value is None:
            continue
        if len(value) > limit:
            problems.append(Problem(label, f"er for lang ({len(value)} tegn; høyst {limit})"))
            continue
        # NUL, control characters and lone surrogates cannot go into a .docx: refused by
        # name rather than dropped from the letter without a word.
        try:
            check_chars(value, multiline=name == "extra_text")
        except ValueError as exc:
            problems.append(Problem(label, str(exc)))
    if problems:
        raise ValidationError(problems, "Brevet kan ikke lages")


def _options(request: LetterRequest, number: str) -> LetterOptions:
    _check_request(request)
    return LetterOptions(
        kind=request.kind,
        dated=request.dated,
        number=number,
        reply_days=request.reply_days,
        their_ref=request.their_ref,
        extra_text=request.extra_text,
        copy_to=request.copy_to,
        provisions=request.provisions,
    )


def _render(facts: LetterFacts, request: LetterRequest, number: str, setup: LetterSetup) -> Letter:
    context = build_context(facts, _options(request, number))
    template = load_template(request.kind, setup.template_folder)
    content = render_docx(template.data, context.values, origin=template.origin)
    return Letter(content, context, template, number)


def preview_letter(
    case_ref: str | int,
    request: LetterRequest,
    *,
    session: Session,
    today: date,
    setup: LetterSetup = LetterSetup(),
) -> Letter:
    """The letter as it would be written now, with the number it would get; nothing is
    stored (for the letter dialog's preview)."""
    facts = letter_facts(case_ref, session=session, today=today, setup=setup)
    case = resolve_case(case_ref, session=session)
    number = f"{case.number}-{case.last_document_seq + 1}"
    return _render(facts, request, number, setup)


def create_letter(
    case_ref: str | int,
    request: LetterRequest,
    *,
    session: Session,
    today: date,
    setup: LetterSetup = LetterSetup(),
) -> Letter:
    """Write the letter and journal it as an unsent document."""
    kind = letter_kind(request.kind)
    facts = letter_facts(case_ref, session=session, today=today, setup=setup)
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    seq = document_service.reserve_number(case.id, session=session)
    number = f"{case.number}-{seq}"
    letter = _render(facts, request, number, setup)
    employer = facts.employer
    recipient = employer.name + (f", att. {employer.contact_name}" if employer.contact_name else "")
    document = document_service.add_document(
        case.id,
        DocumentCreate(
            direction="ut" if kind.to_employer else "internt",
            kind=kind.code,
            title=letter.context.subject[:200],
            filename=f"{number.replace('/', '-')} {kind.label}.docx",
            mime_type=DOCX_MIME,
            recipient=recipient[:200] if kind.to_employer else None,
            dated=request.dated,
            reply_by=letter.context.reply_by,
            their_ref=request.their_ref,
            content=letter.content,
            provisions=[p.key for p in letter.context.cited],
        ),
        session=session,
        seq=seq,
    )
    return Letter(letter.content, letter.context, letter.template, number, document)


def mark_letter_sent(document_id: int, *, sent_on: date, session: Session) -> DocumentRead:
    """Freeze the letter, record "Brev sendt" on the timeline and, when the letter set a
    reply deadline, create it."""
    document = document_service.get_document(document_id, session=session)
    kind = KINDS.get(document.kind)
    if kind is None or not kind.to_employer:
        raise StateError(
            f"Dokument {document.number} er ikke et brev til arbeidsgiver og kan ikke merkes "
            "som sendt."
        )
    if document.frozen:
        raise StateError(f"Dokument {document.number} er allerede merket som sendt.")
    if document.dated is not None and sent_on < document.dated:
        raise StateError(
            f"Brevet er datert {document.dated:%d.%m.%Y} og kan ikke være sendt før det "
            f"({sent_on:%d.%m.%Y})."
        )
    frozen = document_service.mark_sent(document_id, sent_on=sent_on, session=session)
    # The deadline first, tied to the letter; the event then finds it and adds no other.
    if document.reply_by is not None:
        deadline_service.add_deadline(
            document.case_id,
            DeadlineCreate(
                due_on=document.reply_by,
                title=f"Svar på {kind.label[:1].lower()}{kind.label[1:]} ({document.number})",
                rule=f"{REPLY_RULE} i brev {document.number}",
                document_id=document.id,
            ),
            session=session,
        )
    event_service.add_event(
        document.case_id,
        EventCreate(
            kind="letter_sent",
            occurred_on=sent_on,
            letter_kind=kind.code,
            reply_by=document.reply_by,
            notes=f"{document.number}: {document.title}",
        ),
        session=session,
    )
    return frozen


def suggest_letters(
    case_ref: str | int, *, session: Session, today: date, catalogue: Catalogue | None = None
) -> list[SuggestedLetter]:
    """The letters the assessment suggests for the case today, with reasons."""
    return list(
        assess_case(
            case_ref, session=session, today=today, catalogue=catalogue
        ).assessment.next_letters
    )


def find_document(number: str, *, session: Session) -> DocumentRead:
    """A document by its journal number ``YYYY/N-M``."""
    doc = session.exec(
        select(Document).where(
            col(Document.number) == number.strip(), col(Document.deleted_at).is_(None)
        )
    ).first()
    if doc is None:
        raise NotFoundError(f"Fant ikke dokument {number.strip()}.")
    assert doc.id is not None
    return document_service.get_document(doc.id, session=session)


def letter_signer(
    case_id: int, *, session: Session, profile_uuid: str | None
) -> RepresentativeRead | None:
    """Who signs the case's letters (and so sends them by e-mail): as in the letters."""
    case = resolve_case(case_id, session=session, include_deleted=True)
    return _representative(case, LetterSetup(profile_uuid=profile_uuid), session)
