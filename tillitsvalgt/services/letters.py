"""Letters on the journal: write one from a case, keep it as a document, mark it sent.

Writing a letter reserves its journal number ``YYYY/N-M`` (the letter states it as "Vår
ref."), renders the template and stores the bytes with their SHA-256, the provisions cited
and the reply deadline the letter states — all in one transaction, so a template error
leaves no number used and no half a document. Saving it again before it is sent replaces
the draft and keeps its number. Marking it sent freezes it, puts "Brev sendt" on the
timeline and creates the reply deadline and the meeting deadlines the agreement sets.

The letter is written from the sender's side of the employer's main agreement (a YS union
cites YS–NHO where the employer is registered with LO–NHO; see ``rules/agreements.py``),
and what the representative should check comes back as ``Letter.notices``."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, col, select

from tillitsvalgt.errors import NotFoundError, Problem, StateError, ValidationError
from tillitsvalgt.letters.context import LetterContext, LetterFacts, LetterOptions, build_context
from tillitsvalgt.letters.kinds import DEFAULT_REPLY_DAYS, KINDS, letter_kind
from tillitsvalgt.letters.phrases import FORMS, LANGUAGE_TAGS
from tillitsvalgt.letters.render import Stamp, render_docx
from tillitsvalgt.letters.sanity import LetterCheck, check_letter, refuse_if_needed
from tillitsvalgt.letters.templates import LoadedTemplate, load_template
from tillitsvalgt.rules.agreements import SideChoice
from tillitsvalgt.rules.types import Catalogue, SuggestedLetter
from tillitsvalgt.services import deadlines as deadline_service
from tillitsvalgt.services import documents as document_service
from tillitsvalgt.services import events as event_service
from tillitsvalgt.services._common import read
from tillitsvalgt.services.assessments import assess_case
from tillitsvalgt.services.cases import resolve_case
from tillitsvalgt.services.events import MEETING_RULE, REPLY_RULE
from tillitsvalgt.services.letter_setup import LetterSetup as LetterSetup
from tillitsvalgt.services.representatives import find_representative
from tillitsvalgt.shapes import (
    DeadlineCreate,
    DeadlineRead,
    DocumentCreate,
    DocumentRead,
    EmployerRead,
    EventCreate,
    RepresentativeRead,
)
from tillitsvalgt.tables import Case, ChecklistAnswer, Document, Employer, Representative

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
    # "nb" (bokmål) or "nn" (nynorsk); None: the employer's form, else the signer's
    # profile's, else bokmål (see ``chosen_form``).
    form: str | None = None


NO_SETUP = LetterSetup()  # no settings: the built-in templates, no union name


@dataclass(frozen=True)
class Letter:
    content: bytes
    context: LetterContext
    template: LoadedTemplate
    number: str
    document: DocumentRead | None = None  # set once journaled
    # For the representative, not the letter: which side's agreement is cited, an agreement
    # past its period, another side's text (see rules/agreements.py).
    notices: tuple[str, ...] = ()
    checks: tuple[LetterCheck, ...] = ()  # the warnings it was written with
    form: str = "nb"  # the written form it is in: nb (bokmål) or nn (nynorsk)


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
    representative = _representative(case, setup, session)
    employer_read = read(EmployerRead, employer)
    assessment = result.assessment
    side = _sender_side(catalogue, employer_read, representative, setup)
    if side.code != employer.agreement or side.other_side:
        # The sender's version of the agreement: assessed again under it, and the letter's
        # employer carries it (its name in the letter, its rules in the demands).
        from tillitsvalgt.rules.agreements import other_side_catalogue
        from tillitsvalgt.rules.assessment import assess
        from tillitsvalgt.services.assessments import facts_for

        if side.other_side:
            catalogue = other_side_catalogue(catalogue, side.code)
        case_facts = facts_for(case, session=session)
        case_facts.agreement = side.code
        assessment = assess(case_facts, catalogue, today)
        employer_read = employer_read.model_copy(update={"agreement": side.code})
    return LetterFacts(
        case=result.case,
        employer=employer_read,
        assessment=assessment,
        catalogue=catalogue,
        representative=representative,
        union_name=setup.union_name,
        events=event_service.list_events(case.id, session=session),
        documents=document_service.list_documents(case.id, session=session),
        deadlines=deadline_service.list_deadlines(case.id, session=session),
        checklist={a.item_key: a.answer for a in answers},
    )


def _sender_side(
    catalogue: Catalogue,
    employer: EmployerRead,
    representative: RepresentativeRead | None,
    setup: LetterSetup,
) -> SideChoice:
    from tillitsvalgt.rules.agreements import sender_confederation, sender_side

    union = setup.union_name or (representative.union_name if representative else None)
    confederation = sender_confederation(
        representative.confederation if representative else None, union
    )
    return sender_side(catalogue, employer.agreement, confederation, union)


def letter_notices(facts: LetterFacts, request: LetterRequest, *, registered: str) -> list[str]:
    """What the representative should check before sending: the side of the agreement and
    an agreement past its period that the catalogue does not say runs on."""
    from tillitsvalgt.rules.agreements import prolongation, sender_confederation, sender_side

    if letter_kind(request.kind).code == "purring":
        return []  # a reminder cites the first letter, not the agreement
    rep = facts.representative
    union = facts.union_name or (rep.union_name if rep else None)
    confederation = sender_confederation(rep.confederation if rep else None, union)
    notices = list(sender_side(facts.catalogue, registered, confederation, union).notices)
    _sentence, warning = prolongation(facts.catalogue, facts.employer.agreement, request.dated)
    if warning:
        notices.append(warning)
    return notices


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


def default_form(
    employer: EmployerRead | Employer | None,
    representative: RepresentativeRead | None,
    kind: str | None = None,
) -> str:
    """The written form a letter takes unless one is chosen for it: the employer's, else the
    profile's, else bokmål. Every kind, the internal case summary too, is written in both."""
    for holder in (employer, representative):
        form = getattr(holder, "letter_form", None) if holder is not None else None
        if form in FORMS:
            return str(form)
    return "nb"


def chosen_form(facts: LetterFacts, request: LetterRequest) -> str:
    """The request's form, or the default; a form that is neither nb nor nn is refused."""
    if request.form is None:
        return default_form(facts.employer, facts.representative, request.kind)
    if request.form not in FORMS:
        raise ValidationError(
            [Problem("Målform", f"«{request.form}» er ikke en målform; bruk nb eller nn")]
        )
    return request.form


def _options(request: LetterRequest, number: str, form: str = "nb") -> LetterOptions:
    _check_request(request)
    return LetterOptions(
        form=form,
        kind=request.kind,
        dated=request.dated,
        number=number,
        reply_days=request.reply_days,
        their_ref=request.their_ref,
        extra_text=request.extra_text,
        copy_to=request.copy_to,
        provisions=request.provisions,
    )


def letter_checks(facts: LetterFacts, request: LetterRequest) -> list[LetterCheck]:
    """Whether the letter makes sense on its date: refusals and warnings, with reasons."""
    kind = letter_kind(request.kind)
    return check_letter(
        kind.code,
        case=facts.case,
        events=facts.events,
        assessment=facts.assessment,
        catalogue=facts.catalogue,
        dated=request.dated,
        reply_days=request.reply_days if kind.reply else None,
        extra_text=request.extra_text,
    )


def _render(
    facts: LetterFacts,
    request: LetterRequest,
    number: str,
    setup: LetterSetup,
    *,
    registered: str | None = None,
) -> Letter:
    if registered and request.provisions is not None:
        request = dataclasses.replace(
            request, provisions=_chosen_for_side(request.provisions, facts, registered)
        )
    checks = letter_checks(facts, request)
    refuse_if_needed(checks)
    form = chosen_form(facts, request)
    context = build_context(facts, _options(request, number, form))
    template = load_template(request.kind, setup.template_folder, form)
    rep = facts.representative
    stamp = Stamp(
        author=rep.name if rep is not None and rep.name else "Tillitsvalgt",
        title=context.subject,
        created=datetime.now(UTC).replace(microsecond=0),
        language=LANGUAGE_TAGS[form],
    )
    content = render_docx(template.data, context.values, origin=template.origin, stamp=stamp)
    notices = letter_notices(facts, request, registered=registered or facts.employer.agreement)
    return Letter(
        content,
        context,
        template,
        number,
        notices=tuple(notices),
        checks=tuple(checks),
        form=form,
    )


def _chosen_for_side(
    chosen: tuple[str, ...], facts: LetterFacts, registered: str
) -> tuple[str, ...]:
    """Provisions chosen from the case's assessment (the registered agreement) as the
    letter's side has them: «ha-lo-nho:kap-IX» becomes «ha-ys-nho:kap-IX» for a YS sender;
    one with no counterpart on the sender's side is left out."""
    if facts.employer.agreement == registered:
        return chosen
    applying = {a.key for a in facts.assessment.provisions}
    out: list[str] = []
    for key in chosen:
        if key in applying:
            out.append(key)
            continue
        source, _, rest = key.partition(":")
        twin = f"ha-{facts.employer.agreement}:{rest}"
        if source == f"ha-{registered}" and twin in applying:
            out.append(twin)
    return tuple(dict.fromkeys(out))


def _registered_agreement(case: Case, session: Session) -> str:
    employer = session.get(Employer, case.employer_id)
    assert employer is not None
    return employer.agreement


def _draft(draft_id: int, case: Case, session: Session) -> Document:
    """The unsent draft a save updates: same case, not sent, not deleted."""
    doc = session.get(Document, draft_id)
    if doc is None or doc.case_id != case.id or doc.deleted_at is not None:
        raise NotFoundError(f"Fant ikke utkastet i sak {case.number}.")
    if doc.frozen:
        raise StateError(
            f"Brev {doc.number} er sendt og kan ikke endres. Lag et nytt brev i stedet."
        )
    if doc.kind not in KINDS:
        raise StateError(f"Dokument {doc.number} er ikke et brev fra programmet.")
    return doc


def preview_letter(
    case_ref: str | int,
    request: LetterRequest,
    *,
    session: Session,
    today: date,
    setup: LetterSetup = NO_SETUP,
    draft_id: int | None = None,
) -> Letter:
    """The letter as it would be written now, with the number it would get (a draft's own
    number when it updates ``draft_id``); nothing is stored (for the letter dialog)."""
    # The letter speaks as of its own date: the facts are judged on that day.
    facts = letter_facts(case_ref, session=session, today=request.dated, setup=setup)
    case = resolve_case(case_ref, session=session)
    if draft_id is not None:
        number = _draft(draft_id, case, session).number  # the number the draft keeps
    else:
        number = f"{case.number}-{case.last_document_seq + 1}"
    return _render(facts, request, number, setup, registered=_registered_agreement(case, session))


def create_letter(
    case_ref: str | int,
    request: LetterRequest,
    *,
    session: Session,
    today: date,
    setup: LetterSetup = NO_SETUP,
    draft_id: int | None = None,
) -> Letter:
    """Write the letter and journal it as an unsent document. With ``draft_id``, the letter
    replaces that unsent draft and keeps its number: a letter is a draft until it is sent,
    so saving it again uses no new number."""
    kind = letter_kind(request.kind)
    facts = letter_facts(case_ref, session=session, today=request.dated, setup=setup)
    refuse_if_needed(letter_checks(facts, request))  # before a number is reserved
    chosen_form(facts, request)  # an unknown written form, likewise
    case = resolve_case(case_ref, session=session)
    assert case.id is not None
    draft = _draft(draft_id, case, session) if draft_id is not None else None
    seq = (
        draft.seq
        if draft is not None
        else document_service.reserve_number(case.id, session=session)
    )
    number = f"{case.number}-{seq}"
    letter = _render(facts, request, number, setup, registered=_registered_agreement(case, session))
    employer = facts.employer
    recipient = employer.name + (f", att. {employer.contact_name}" if employer.contact_name else "")
    values = DocumentCreate(
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
        catalogue_version=catalogue_version(facts.catalogue, setup.pack_version),
    )
    if draft is not None:
        assert draft.id is not None
        document = document_service.replace_draft(draft.id, values, session=session)
    else:
        document = document_service.add_document(case.id, values, session=session, seq=seq)
    return Letter(
        letter.content,
        letter.context,
        letter.template,
        number,
        document,
        notices=letter.notices,
        checks=letter.checks,
        form=letter.form,
    )


def catalogue_version(catalogue: Catalogue, pack_version: str | None) -> str:
    """What a letter records about the rules it was written under: «2026.1», «2026.1
    (pakke Forbundet 2027.1)» or, for a union office's own file outside a pack, its name."""
    text = catalogue.version
    if pack_version:
        text += f" (pakke {pack_version})"
    elif catalogue.origin != "innebygd":
        text += f" ({Path(catalogue.origin).name})"
    return text[:200]


def mark_letter_sent(
    document_id: int,
    *,
    sent_on: date,
    session: Session,
    setup: LetterSetup | None = None,
) -> DocumentRead:
    """Freeze the letter, record "Brev sendt" on the timeline and, when the letter set a
    reply deadline, create it; and create the deadlines the agreement sets from the demand
    (a meeting within two weeks, …), as the catalogue gives them."""
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
    for due_on, title, rule in law_deadlines(
        document, sent_on=sent_on, session=session, setup=setup or LetterSetup()
    ):
        deadline_service.add_deadline(
            document.case_id,
            DeadlineCreate(due_on=due_on, title=title, rule=rule, document_id=document.id),
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


def law_deadlines(
    document: DocumentRead, *, sent_on: date, session: Session, setup: LetterSetup
) -> list[tuple[date, str, str]]:
    """The deadlines the provisions that apply to the case set once this letter is sent
    (``deadline_days`` in the catalogue): due date, title and rule. Counted in calendar
    days from the day the demand is sent, as the agreements count them."""
    facts = letter_facts(document.case_id, session=session, today=sent_on, setup=setup)
    out: list[tuple[date, str, str]] = []
    for applied in facts.assessment.provisions:
        try:
            p = facts.catalogue.provision(applied.key)
        except KeyError:
            continue
        if p.deadline_days is None or document.kind not in p.deadline_letters:
            continue
        due = sent_on + timedelta(days=p.deadline_days)
        title = f"{p.deadline_title} ({applied.citation}; krav {document.number})"
        rule = (
            f"{MEETING_RULE}: {p.deadline_days} dager etter {applied.citation}, "
            f"brev {document.number}"
        )
        out.append((due, title[:200], rule[:200]))
    return out


def meeting_deadlines(document_id: int, *, session: Session) -> list[DeadlineRead]:
    """The agreements' meeting deadlines a sent letter started (see ``law_deadlines``)."""
    document = document_service.get_document(document_id, session=session)
    return [
        d
        for d in deadline_service.list_deadlines(document.case_id, session=session)
        if d.document_id == document_id and (d.rule or "").startswith(MEETING_RULE)
    ]


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
