"""Import and export of case bundles in the format of ``resources/demo/scenarios.json``.

An import is all or nothing: the whole file is checked first and every problem listed;
only a clean file is written, in one transaction. It is idempotent: cases and events are
recognised by UUID (given, or derived from the bundle's ``id``), so importing the same file
twice changes nothing, and bundles from many representatives merge without duplicates.
"""

from __future__ import annotations

import itertools
import json
import re
import uuid as uuid_module
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pydantic
import sqlalchemy as sa
from pydantic import ConfigDict, Field
from sqlalchemy.dialects import postgresql
from sqlmodel import Session, col, select

from tillitsvalgt import history
from tillitsvalgt.bulk_rows import driver_rows
from tillitsvalgt.errors import CancelledError, Problem, UserError, ValidationError
from tillitsvalgt.services import cases as case_service
from tillitsvalgt.services import employers as employer_service
from tillitsvalgt.services import events as event_service
from tillitsvalgt.services._common import read
from tillitsvalgt.services.assessments import mark_stale
from tillitsvalgt.services.bundle_bulk import NewCase, RunWriter, allocate_numbers
from tillitsvalgt.services.bundle_evidence import (
    MAX_DOCUMENT_BYTES_PER_FILE,
    Evidence,
    EvidenceCounts,
    Stamp,
    check_evidence,
    export_evidence,
    merge_evidence,
)
from tillitsvalgt.services.bundle_office import (
    BundleEscalation,
    BundleGroup,
    check_office,
    export_office,
    merge_escalations,
    merge_group,
)
from tillitsvalgt.shapes import (
    CaseCreate,
    CaseRead,
    CaseUpdate,
    EmployerCreate,
    EmployerRead,
    EventCreate,
    EventUpdate,
)
from tillitsvalgt.tables import Case, Employer, Event, Representative
from tillitsvalgt.validation import (
    CELL_KEY_RANGE,
    AgreementCode,
    CaseTypeCode,
    DaysPerWeek,
    EmployeeCount,
    EventKindCode,
    LetterKindCode,
    LongText,
    MemberCount,
    Name,
    OrgNr,
    OutcomeCode,
    SectorCode,
    ShortText,
    StatusCode,
    Title,
    problems_from,
)

FORMAT_VERSION = 1
# Derived UUIDs for bundles that carry only a scenario id: stable across imports.
NAMESPACE = uuid_module.UUID("6f1f3c52-8a0e-4e47-9a55-3f0c7a1d2b10")
MAX_CASES_PER_FILE = 100_000


class _Strict(pydantic.BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field must not vanish silently


class BundleEmployer(_Strict):
    name: Name
    orgnr: OrgNr = None
    employees: EmployeeCount = None
    agreement: AgreementCode = "none"
    sector: SectorCode = None
    address: ShortText = None


class BundleCase(_Strict):
    type: CaseTypeCode
    title: Title
    description: LongText = None
    location: ShortText = None
    members_affected: MemberCount = None
    notice_on: date | None = None
    decision_on: date | None = None
    planned_implementation_on: date | None = None
    implemented_on: date | None = None
    home_office_days_per_week: DaysPerWeek = None
    written_agreements: bool | None = None
    ordered_by_authorities: bool | None = None
    building_permit: bool | None = None  # the rebuild needs a building permit
    status: StatusCode = "open"
    outcome: OutcomeCode = None
    number: ShortText = None  # the number in the database it came from
    updated_at: Stamp | None = None  # when the sender last changed it: newer wins
    report_summary: LongText = None  # the anonymised text for the landsmøte report
    report_include: bool = False
    # The report's cell key: kept on import, so a case moved between databases keeps
    # giving the same perturbed counts; a bundle without it gets a new one.
    cell_key: int | None = Field(default=None, ge=0, lt=CELL_KEY_RANGE)
    # The employer facts the case was judged on (copied from the sender's register when
    # the case was registered there): the office judges it on the same facts, not on
    # what its own register says today. Without them the receiving register is used.
    employer_employees: EmployeeCount = None
    employer_agreement: AgreementCode | None = None
    employer_sector: SectorCode = None
    employer_facts_at: Stamp | None = None
    # An example case (demo.py): it stays an example where it arrives, so a filtered export
    # of examples never becomes real cases in the office's report.
    is_demo: bool = False


class BundleEvent(_Strict):
    uuid: uuid_module.UUID | None = None
    kind: EventKindCode
    on: date
    signed_by_both: bool | None = None
    letter: LetterKindCode = None
    reply_by: date | None = None
    participants: LongText = None
    notes: LongText = None
    updated_at: Stamp | None = None


class BundleRepresentative(_Strict):
    """Who reported the case, so a union office that imports many bundles knows whose
    case is whose (the profile's UUID keeps two people of the same name apart)."""

    uuid: uuid_module.UUID
    name: Name
    branch: ShortText = None
    union_name: ShortText = None


class BundleItem(Evidence):
    """One case; its documents, checklist answers and deadlines come from ``Evidence``."""

    id: ShortText = None
    uuid: uuid_module.UUID | None = None
    about: LongText = None
    today: date | None = None
    reported_by: BundleRepresentative | None = None
    employer: BundleEmployer
    case: BundleCase
    events: list[BundleEvent] = pydantic.Field(default_factory=list)
    escalations: list[BundleEscalation] = pydantic.Field(default_factory=list, max_length=20)
    group: BundleGroup | None = None
    letter: dict[str, Any] | None = None  # a letter to produce: not imported here
    expected: dict[str, Any] | None = None  # the scenarios' answers: not data


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # ours is newer than the bundle's
    events_added: int = 0
    events_updated: int = 0
    employers_created: int = 0
    escalations_changed: int = 0
    groups_created: int = 0
    evidence: EvidenceCounts = field(default_factory=EvidenceCounts)
    # A spreadsheet's columns no field was taken from (the user may choose them next time).
    unused_columns: list[str] = field(default_factory=list)

    def summary(self) -> str:
        ev = self.evidence
        extra = (
            f" Dokumenter: {ev.documents_added} nye, {ev.documents_sent} merket som sendt; "
            f"sjekklistesvar: {ev.answers_set}; frister: {ev.deadlines_added} nye, "
            f"{ev.deadlines_updated} endret."
            if (
                ev.documents_added,
                ev.documents_sent,
                ev.answers_set,
                ev.deadlines_added,
                ev.deadlines_updated,
            )
            != (0, 0, 0, 0, 0)
            else ""
        )
        office = (
            f" Opptrapping: {self.escalations_changed} trinn nye eller endret; "
            f"{self.groups_created} nye gruppesaker."
            if self.escalations_changed or self.groups_created
            else ""
        )
        return self._cases_summary() + extra + office

    def _cases_summary(self) -> str:
        return (
            f"{len(self.created)} nye saker, {len(self.updated)} oppdatert, "
            f"{len(self.unchanged)} uendret"
            + (
                f", {len(self.kept)} beholdt fordi de er endret her etter filen ble laget"
                if self.kept
                else ""
            )
            + f"; {self.events_added} nye hendelser, "
            f"{self.events_updated} endrede hendelser; {self.employers_created} nye virksomheter."
        )


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def case_uuid(item: BundleItem) -> uuid_module.UUID:
    if item.uuid is not None:
        return item.uuid
    employer_key = item.employer.orgnr or item.employer.name.lower()
    if item.id:
        return uuid_module.uuid5(NAMESPACE, f"id|{employer_key}|{item.id}")
    return uuid_module.uuid5(
        NAMESPACE, "content|" + _canonical([item.employer.model_dump(), item.case.model_dump()])
    )


def event_uuid(case_id: uuid_module.UUID, index: int, event: BundleEvent) -> uuid_module.UUID:
    if event.uuid is not None:
        return event.uuid
    return uuid_module.uuid5(case_id, f"{index}|" + _canonical(event.model_dump()))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    # isascii() first: a document's base64 is megabytes of ASCII, scanned in C at once.
    return not text.isascii() and _SURROGATE.search(text) is not None


_BROKEN = "inneholder ugyldige tegn (ødelagt tegnkoding); lagre filen på nytt som UTF-8"


def _broken_text(value: Any) -> str | None:
    """The path of the first key or text with a lone surrogate (an invalid \\ud800 escape),
    which no database can store and which breaks error messages if it gets further.
    Walked with a stack, not recursion: a file may nest thousands of levels deep."""
    if _clean_text(value):
        return None
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if _has_surrogate(item):
                return path or "tekst"
        elif isinstance(item, dict):
            for k, v in reversed(list(item.items())):
                if _has_surrogate(str(k)):
                    return path or "feltnavn"
                stack.append((v, f"{path} › {k}" if path else str(k)))
        elif isinstance(item, list):
            for i in reversed(range(len(item))):
                stack.append((item[i], f"{path} › nr. {i + 1}" if path else f"nr. {i + 1}"))
    return None


def _clean_text(value: Any) -> bool:
    """True when no key or text in ``value`` holds a lone surrogate, found at C speed: the
    JSON encoder writes it all out and UTF-8 cannot encode a lone surrogate. The walk in
    ``_broken_text`` built a path for every value (≈ 0.17 s of a 1 000-case bundle); it
    now runs only to name the place of a text this refuses. A value JSON cannot write (a
    key that is not text) is left to the walk too; other values (a spreadsheet's dates)
    are written as their text."""
    try:
        json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError, RecursionError):
        return False
    return True


_MAX_DEPTH = 50  # a bundle is a few levels deep; far deeper is not a bundle


def _depth(value: Any) -> int:
    """How deeply ``value`` nests (a list of numbers is 1), counted no further than just
    past ``_MAX_DEPTH``. Only lists and dicts are stacked: a bundle's values are mostly
    texts, numbers and dates, one level further down than their container."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue  # a text or number at the top
        if children:
            deepest = max(deepest, depth + 1)
            if deepest > _MAX_DEPTH:
                break
            stack.extend((v, depth + 1) for v in children if isinstance(v, (dict, list)))
    return deepest


# In a file's text a lone surrogate is a \ud800-style escape, or a character decoded with
# errors="surrogateescape": with neither in the text, the parsed file holds none.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def parse_text(text: str, file: str) -> list[BundleItem]:
    """A bundle file's text read (``read_bundle``) and checked (``parse_bundle``). Two
    scans of the text in C tell whether it can hold a lone surrogate; when it cannot, the
    check does not write the whole bundle out again to find one (≈ 15 ms of a 1 000-case
    bundle)."""
    raw = read_bundle(text, file)
    free = _SURROGATE.search(text) is None and _SURROGATE_ESCAPE.search(text) is None
    return parse_bundle(raw, surrogate_free=free)


def parse_bundle(
    raw: Any, *, names: Sequence[str] | None = None, surrogate_free: bool = False
) -> list[BundleItem]:
    """Check a whole bundle; every problem in the file is reported at once. ``names``: what
    to call each item in the messages (a spreadsheet's «Rad 7»), instead of «Sak nr. 1».
    ``surrogate_free``: the caller knows no text in ``raw`` holds a lone surrogate."""
    if not isinstance(raw, list):
        raise ValidationError(
            [Problem("", "filen må inneholde en liste med saker ([ … ]) på øverste nivå")],
            heading="Filen kan ikke importeres",
        )
    if len(raw) > MAX_CASES_PER_FILE:
        raise ValidationError(
            [Problem("", f"filen har {len(raw)} saker; høyst {MAX_CASES_PER_FILE} per fil")],
            heading="Filen kan ikke importeres",
        )
    if _depth(raw) > _MAX_DEPTH:
        raise ValidationError(
            [
                Problem(
                    "", f"filen er nøstet mer enn {_MAX_DEPTH} nivåer dypt; det er ikke en saksfil"
                )
            ],
            heading="Filen kan ikke importeres",
        )
    clean = surrogate_free or _clean_text(raw)  # the whole file at once; a case if not
    items: list[BundleItem] = []
    problems: list[Problem] = []
    seen: dict[uuid_module.UUID, str] = {}
    seen_events: dict[uuid_module.UUID, str] = {}
    seen_documents: dict[uuid_module.UUID, str] = {}
    document_bytes = 0
    for index, entry in enumerate(raw):
        name = f"Sak nr. {index + 1}"
        if names is not None:
            name = names[index]
        elif (
            isinstance(entry, dict)
            and isinstance(entry.get("id"), str)
            and not _has_surrogate(entry["id"])  # not into a message
        ):
            name += f" ({entry['id'][:40]})"
        broken = None if clean else _broken_text(entry)
        if broken is not None:
            problems.append(Problem(f"{name} › {broken}", _BROKEN))
            continue
        try:
            item = BundleItem.model_validate(entry)
        except pydantic.ValidationError as exc:
            problems += problems_from(exc, prefix=name)
            continue
        try:
            CaseCreate.model_validate(_case_values(item, employer_id=0))
        except pydantic.ValidationError as exc:
            problems += problems_from(exc, prefix=name)
        for e_index, event in enumerate(item.events):
            where = f"{name} › Hendelser › nr. {e_index + 1}"
            if event.uuid is not None:
                if event.uuid in seen_events:
                    problems.append(Problem(where, f"har samme UUID som {seen_events[event.uuid]}"))
                seen_events[event.uuid] = where
            if event.kind == "letter_sent" and event.reply_by and event.reply_by < event.on:
                problems.append(Problem(where, "svarfristen er før brevets dato"))
        evidence_problems, size = check_evidence(item, name, seen_documents)
        problems += evidence_problems
        problems += check_office(item.escalations, name)
        document_bytes += size
        key = case_uuid(item)
        if key in seen:
            problems.append(Problem(name, f"er samme sak som {seen[key]} (samme id/UUID)"))
        seen[key] = name
        items.append(item)
    if document_bytes > MAX_DOCUMENT_BYTES_PER_FILE:
        problems.append(
            Problem(
                "",
                f"dokumentene i filen er til sammen {document_bytes / 2**30:.1f} GB; høyst "
                f"{MAX_DOCUMENT_BYTES_PER_FILE // 2**30} GB per fil. Eksporter færre saker "
                "om gangen",
            )
        )
    if problems:
        raise ValidationError(problems, heading="Filen ble ikke importert; ingenting er endret")
    return items


def _case_values(item: BundleItem, *, employer_id: int) -> dict[str, Any]:
    c = item.case
    return {
        "title": c.title,
        "employer_id": employer_id,
        "case_type": c.type,
        "description": c.description,
        "location": c.location,
        "members_affected": c.members_affected,
        "notice_on": c.notice_on,
        "decision_on": c.decision_on,
        "planned_implementation_on": c.planned_implementation_on,
        "implemented_on": c.implemented_on,
        "home_office_days_per_week": c.home_office_days_per_week,
        "written_agreements": c.written_agreements,
        "ordered_by_authorities": c.ordered_by_authorities,
        "building_permit": c.building_permit,
        "report_summary": c.report_summary,
        "report_include": c.report_include,
    }


def _event_values(event: BundleEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "occurred_on": event.on,
        "signed_by_both": event.signed_by_both,
        "letter_kind": event.letter,
        "reply_by": event.reply_by,
        "participants": event.participants,
        "notes": event.notes,
    }


def _employer_for(item: BundleItem, session: Session, report: ImportReport) -> int:
    wanted = item.employer
    found = employer_service.find_employer(session=session, orgnr=wanted.orgnr, name=wanted.name)
    if found is None and wanted.orgnr:
        binned = session.exec(select(Employer).where(Employer.orgnr == wanted.orgnr)).first()
        if binned is not None:  # removed from the register, but its cases are coming back
            binned.deleted_at = None
            session.add(binned)
            session.flush()
            found = employer_service.get_employer(binned.id or 0, session=session)
    if found is not None:
        employer_id = found.id
    else:
        made = _made_or_found(
            session,
            lambda: (
                employer_service.create_employer(
                    EmployerCreate.model_validate(wanted.model_dump()), session=session
                ).id
            ),
            lambda: _found_id(employer_service.find_employer(session=session, orgnr=wanted.orgnr)),
        )
        if made.made:
            report.employers_created += 1
            return made.id
        employer_id = made.id  # another import's, committed meanwhile: filled as any found
    row = session.get(Employer, employer_id)
    assert row is not None
    _fill(row, wanted, session)
    return employer_id


def _fill(row: Employer, wanted: BundleEmployer, session: Session) -> None:
    """Fill what the register lacks (``_to_fill``)."""
    missing = _to_fill(row, wanted)
    for name, value in missing.items():
        setattr(row, name, value)
    if missing:  # the register's row is the session's already: adding it again is a walk
        session.add(row)


def _to_fill(have: Employer | _Known, wanted: BundleEmployer) -> dict[str, Any]:
    """What the bundle has and the register lacks: only that is filled, as the register
    may hold newer corrections."""
    missing = {
        name: getattr(wanted, name)
        for name in ("orgnr", "employees", "sector", "address")
        if getattr(have, name) is None and getattr(wanted, name) is not None
    }
    if have.agreement == "none" and wanted.agreement != "none":
        missing["agreement"] = wanted.agreement
    return missing


def _representative_for(item: BundleItem, session: Session) -> int | None:
    wanted = item.reported_by
    if wanted is None:
        return None

    def find() -> int | None:
        return session.exec(
            select(Representative.id).where(col(Representative.uuid) == wanted.uuid)
        ).first()

    def make() -> int:
        row = Representative(
            uuid=wanted.uuid, name=wanted.name, branch=wanted.branch, union_name=wanted.union_name
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id

    found = find()
    return found if found is not None else _made_or_found(session, make, find).id


def _representatives_at_once(items: list[BundleItem], session: Session) -> dict[Any, int]:
    """PostgreSQL: the ids of the bundle's representatives by UUID, the stored ones found
    and the new ones made, in two or three statements. One by one, each new one was a
    lookup, a savepoint, an INSERT and a release: four round trips, ≈ 50 ms for the 25 new
    representatives of a 1 000-case bundle. One made at the same moment by another import
    is found after it commits (``ON CONFLICT DO NOTHING`` waits for it, then the lookup
    sees it). One not found (another branch's profile, which the walls hide) is left to
    ``_representative_for``, which says so as before. SQLite writes in process: nothing to
    save there."""
    wanted = {i.reported_by.uuid: i.reported_by for i in items if i.reported_by is not None}
    if not wanted or session.get_bind().dialect.name != "postgresql":
        return {}
    table = Representative.__table__  # type: ignore[attr-defined]

    def found(keys: list[uuid_module.UUID]) -> dict[Any, int]:
        listed = sa.bindparam("keys", keys, type_=postgresql.ARRAY(sa.Uuid()))
        rows = session.execute(
            sa.select(table.c.uuid, table.c.id).where(table.c.uuid == sa.any_(listed))
        )
        return {key: int(row_id) for key, row_id in rows}

    ids = found(list(wanted))
    missing = [wanted[k] for k in wanted if k not in ids]
    if missing:
        made = session.execute(
            postgresql.insert(table)
            .values(
                [
                    {"uuid": r.uuid, "name": r.name, "branch": r.branch, "union_name": r.union_name}
                    for r in missing
                ]
            )
            .on_conflict_do_nothing(index_elements=["uuid"])
            .returning(table.c.uuid, table.c.id)
        )
        ids.update({key: int(row_id) for key, row_id in made})
        still = [r.uuid for r in missing if r.uuid not in ids]
        if still:
            ids.update(found(still))
    return ids


@dataclass(frozen=True)
class _Made:
    id: int
    made: bool  # False: another unit of work made it first


def _made_or_found(
    session: Session, make: Callable[[], int], find: Callable[[], int | None]
) -> _Made:
    """A shared row (a representative, an employer by org.nr) that another import may be
    adding at the same moment. On PostgreSQL the second INSERT of the same key waits for the
    first unit of work and, once that commits, fails on the unique key: the whole import
    undone with an error nobody could act on. Made inside a savepoint, that failure undoes
    the INSERT alone, and the row the other import committed is used instead."""
    try:
        with session.begin_nested():
            return _Made(make(), made=True)
    except sa.exc.IntegrityError:
        found = find()
        if found is None:
            raise
        return _Made(found, made=False)


def _found_id(found: EmployerRead | None) -> int | None:
    return None if found is None else found.id


def _case_year(item: BundleItem, today: date) -> date:
    """A new case is numbered in the year it began (its first known date)."""
    dates = [
        d
        for d in (item.case.notice_on, item.case.decision_on, *(e.on for e in item.events))
        if d is not None
    ]
    return min(dates) if dates else today


Progress = Callable[[int, int], bool]
"""Called with (cases done, cases in all) after each case; returning False cancels."""


def import_bundle(
    raw: Any,
    *,
    session: Session,
    today: date,
    progress: Progress | None = None,
    names: Sequence[str] | None = None,
    set_based: bool = True,
) -> ImportReport:
    """Import a bundle as one unit of work. ``progress`` may cancel it: then
    ``CancelledError`` is raised and the caller's session rolls everything back.
    ``set_based=False`` writes every case one by one (the tests and the benchmark compare
    the two paths)."""
    items = parse_bundle(raw, names=names)
    return import_items(items, session=session, today=today, progress=progress, set_based=set_based)


def import_items(
    items: list[BundleItem],
    *,
    session: Session,
    today: date,
    progress: Progress | None = None,
    set_based: bool = True,
    written: Callable[[], None] | None = None,
) -> ImportReport:
    """Import a bundle checked already (``parse_bundle``), as ``import_bundle`` does: the
    several-file import checks the next file while this one is written. ``written`` is
    called once every case has been sent, while the database still writes the last of
    them and their history: the several-file import starts checking the next file then."""
    with history.context(session, "import"):
        return _import_items(
            items,
            session=session,
            today=today,
            progress=progress,
            set_based=set_based,
            written=written,
        )


# New cases are written this many at a time on the set-based path (bundle_bulk): few
# statements per run, and the progress shown between runs.
RUN = 500


def _import_items(
    items: list[BundleItem],
    *,
    session: Session,
    today: date,
    progress: Progress | None,
    set_based: bool = True,
    written: Callable[[], None] | None = None,
) -> ImportReport:
    report = ImportReport()
    keys = [case_uuid(item) for item in items]
    event_keys = [
        tuple(event_uuid(key, i, e) for i, e in enumerate(item.events))
        for item, key in zip(items, keys, strict=True)
    ]
    plain = _plain_new(items, keys, event_keys, session) if set_based else set()
    employers = _Register(items, session, report)
    reporters = _Memo(lambda item: _representative_for(item, session))
    reporters.known(_representatives_at_once(items, session))
    run: list[NewCase] = []
    # Each stretch of plain items is numbered as it begins, in the bundle's order: the
    # numbers the one-by-one path would give them, known before their runs are written.
    seqs: dict[int, tuple[int, int]] = {}  # item index: its year and number in it
    with RunWriter(session=session, today=today, report=report) as writer:
        for done, (item, key) in enumerate(zip(items, keys, strict=True)):
            if progress is not None and not progress(done, len(items)):
                raise CancelledError("Importen ble avbrutt; ingenting er importert.")
            if done in plain:
                if done not in seqs:
                    stretch = list(itertools.takewhile(plain.__contains__, range(done, len(items))))
                    years = [_case_year(items[i], today).year for i in stretch]
                    numbers = allocate_numbers(years, session=session)
                    seqs.update(zip(stretch, zip(years, numbers, strict=True), strict=True))
                year, seq = seqs[done]
                employer_id = employers.get(item, _employer_key(item))
                reporter = reporters.get(item, _reporter_key(item))
                facts = employers.facts(employer_id)
                run.append(
                    _new_case(item, key, event_keys[done], employer_id, facts, reporter, year, seq)
                )
                if len(run) >= RUN:
                    writer.write(run)
                    run = []
                continue
            # The cases before this one first, written and recorded: the same order.
            writer.write(run)
            run = []
            writer.finish()
            _import_one(
                item,
                key,
                session=session,
                today=today,
                report=report,
                employer_id=employers.get(item, _employer_key(item)),
                reporter=reporters.get(item, _reporter_key(item)),
            )
        writer.write(run)
        if written is not None:
            written()
    session.flush()
    if progress is not None:
        progress(len(items), len(items))
    return report


def _new_case(
    item: BundleItem,
    key: uuid_module.UUID,
    event_keys: tuple[uuid_module.UUID, ...],
    employer_id: int,
    facts: dict[str, Any],
    reporter: int | None,
    year: int,
    seq: int,
) -> NewCase:
    """An item for the set-based path, with what the import resolved for it."""
    values = {
        **_case_values(item, employer_id=employer_id),
        "uuid": key,
        "source_ref": item.id or item.case.number,
        "representative_id": reporter,
    }
    return NewCase(
        item=item,
        key=key,
        event_keys=event_keys,
        values=values,
        facts=facts,
        year=year,
        seq=seq,
        deadlines_given="deadlines" in item.model_fields_set,
    )


@dataclass(slots=True)
class _Known:
    """An employer of the register as the bundle's cases read it: read as a row, not an
    ORM object (building ≈ 1 000 Employer objects a bundle was ≈ 10 ms of the import)."""

    id: int
    orgnr: str | None
    employees: int | None
    agreement: str
    sector: str | None
    address: str | None
    facts: dict[str, Any] | None = None  # the facts a new case keeps, once asked for

    def took(self, row: Employer) -> None:
        """The register's row as it is now (filled): its facts are taken again."""
        self.orgnr, self.employees, self.agreement = row.orgnr, row.employees, row.agreement
        self.sector, self.address, self.facts = row.sector, row.address, None


def _known(row: Employer) -> _Known:
    assert row.id is not None
    known = _Known(row.id, None, None, "none", None, None)
    known.took(row)
    return known


class _Register:
    """The employers of a bundle, read in one query: finding each one (by org.nr, then by
    name ignoring case, as ``employers.find_employer`` does) costs no round trip. One not
    found among them (new, or in the recycle bin) is looked up the one-by-one way; one the
    bundle has more about is filled as ``_fill`` fills it."""

    def __init__(self, items: list[BundleItem], session: Session, report: ImportReport) -> None:
        self._session, self._report = session, report
        orgnrs = sorted({i.employer.orgnr for i in items if i.employer.orgnr})
        names = sorted({i.employer.name.strip().lower() for i in items if i.employer.name})
        self._by_orgnr: dict[str, _Known] = {}
        self._by_name: dict[str, _Known] = {}
        self._by_id: dict[int, _Known] = {}
        e = Employer.__table__.c  # type: ignore[attr-defined]
        lowered = sa.func.lower(e.name)
        for start in range(0, max(len(orgnrs), len(names)), 5000):
            # The database's lower() matches names, as find_employer's query does: SQLite's
            # lowers only ASCII, so Python's lower() on both sides would match more.
            found = session.execute(
                sa.select(e.id, e.orgnr, e.employees, e.agreement, e.sector, e.address, lowered)
                .where(e.deleted_at.is_(None))
                .where(
                    sa.or_(
                        e.orgnr.in_(orgnrs[start : start + 5000]),
                        lowered.in_(names[start : start + 5000]),
                    )
                )
                .order_by(e.id)
            )
            for *columns, name in found:
                known = self._by_id.setdefault(columns[0], _Known(*columns))
                if known.orgnr:
                    self._by_orgnr[known.orgnr] = known
                self._by_name.setdefault(name, known)
        self._memo = _Memo(lambda item: _employer_for(item, session, report))
        self._kept: list[Employer] = []  # held, so the session's identity map keeps them

    def get(self, item: BundleItem, key: Any) -> int:
        return self._find(item, key).id

    def facts(self, employer_id: int) -> dict[str, Any]:
        """What a new case keeps of its employer's facts (``cases.employer_facts``): the
        register's, as they are after the items before it filled them."""
        known = self._by_id[employer_id]
        if known.facts is None:
            known.facts = case_service.kept_facts(known.employees, known.agreement, known.sector)
        return known.facts

    def _find(self, item: BundleItem, key: Any) -> _Known:
        wanted = item.employer
        known = self._by_orgnr.get(wanted.orgnr) if wanted.orgnr else None
        if known is None and wanted.name:
            known = self._by_name.get(wanted.name.strip().lower())
        if known is None:  # found (or made) the one-by-one way, and filled there
            found = self._memo.get(item, key)
            assert found is not None
            stored = self._stored(found)
            known = self._by_id.setdefault(found, _known(stored))
            known.took(stored)
        elif _to_fill(known, wanted):
            stored = self._stored(known.id)
            _fill(stored, wanted, self._session)
            known.took(stored)
        if known.orgnr:
            self._by_orgnr.setdefault(known.orgnr, known)
        return known

    def _stored(self, employer_id: int) -> Employer:
        stored = self._session.get(Employer, employer_id)
        assert stored is not None
        self._kept.append(stored)
        return stored


class _Memo:
    """An employer's or representative's id, found (or made) once per bundle: the lookup
    gives the same answer for the same key once the first has made what was missing."""

    def __init__(self, find: Callable[[BundleItem], int | None]) -> None:
        self._find = find
        self._ids: dict[Any, int | None] = {}

    def known(self, ids: dict[Any, int]) -> None:
        """Ids found or made before (by key), without asking ``find``."""
        self._ids.update(ids)

    def get(self, item: BundleItem, key: Any) -> int | None:
        if key is None or key not in self._ids:
            found = self._find(item)
            if key is None:
                return found
            self._ids[key] = found
            return found
        return self._ids[key]


def _employer_key(item: BundleItem) -> Any:
    # Filling what the register lacks from a later item's fields must still happen, so an
    # item whose employer carries more than the first one's is looked up again.
    e = item.employer
    return (e.orgnr, e.name.strip().lower(), e.employees, e.agreement, e.sector, e.address)


def _reporter_key(item: BundleItem) -> Any:
    return None if item.reported_by is None else item.reported_by.uuid


def _plain_new(
    items: list[BundleItem],
    keys: list[uuid_module.UUID],
    event_keys: list[tuple[uuid_module.UUID, ...]],
    session: Session,
) -> set[int]:
    """The items (by index) that become new cases on the set-based path: not stored yet
    (by UUID), none of their events stored, and nothing but the case and its timeline
    (documents, checklist answers, deadlines, escalations and groups have their own merge
    rules, on the one-by-one path)."""
    simple = [
        i
        for i, item in enumerate(items)
        if not (item.documents or item.checklist or item.deadlines)
        and not item.escalations
        and item.group is None
    ]
    stored = _stored(Case, [keys[i] for i in simple], session)
    candidates = [i for i in simple if keys[i] not in stored]
    taken = _stored(Event, [k for i in candidates for k in event_keys[i]], session)
    return {i for i in candidates if not taken.intersection(event_keys[i])}


def _stored(
    model: type[Case] | type[Event], wanted: list[uuid_module.UUID], session: Session
) -> set[uuid_module.UUID]:
    """Which of ``wanted`` are UUIDs of stored rows (visible ones: another branch's case is
    found when its row refuses the insert)."""
    found: set[uuid_module.UUID] = set()
    if not wanted:
        return found
    column = col(model.uuid)
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # One array parameter in the server's binary form, on the driver's connection (in
        # the session's transaction): 4 000 placeholders cost the driver more than the
        # query, and SQLAlchemy's array of UUIDs goes as text built key by key (≈ 10 ms
        # of a 1 000-case bundle's 5 000 keys).
        statement = f"SELECT uuid FROM {model.__tablename__} WHERE uuid = ANY(%(keys)b)"
        driver = connection.connection.driver_connection
        rows = driver_rows(connection.dialect, driver, statement, {"keys": wanted})
        found.update(key for (key,) in rows)
        return found
    for start in range(0, len(wanted), 5000):  # well inside SQLite's bind limit
        chunk = wanted[start : start + 5000]
        found.update(session.exec(select(column).where(column.in_(chunk))))
    return found


def _import_one(
    item: BundleItem,
    key: uuid_module.UUID,
    *,
    session: Session,
    today: date,
    report: ImportReport,
    employer_id: int | None,
    reporter: int | None,
) -> None:
    """One item the one-by-one way: an existing case merged, or a new one with evidence,
    escalations or a group."""
    assert employer_id is not None
    values = _case_values(item, employer_id=employer_id)
    existing = session.exec(select(Case).where(Case.uuid == key)).first()
    if existing is None:
        data = CaseCreate.model_validate(
            {
                **values,
                "uuid": key,
                "source_ref": item.id or item.case.number,
                "representative_id": reporter,
            }
        )
        try:
            created = case_service.create_case(data, session=session, today=_case_year(item, today))
        except sa.exc.IntegrityError as exc:
            if "uuid" not in str(exc.orig).lower():
                raise
            # Not visible, yet stored: on a shared database with row-level security
            # the case belongs to another branch. The whole import is undone.
            raise UserError(
                f"Saken «{item.case.title}» finnes allerede i databasen, men hører til en "
                "annen avdeling, så du kan ikke se eller endre den. Be forbundskontoret dele "
                "den med deg, eller ta den ut av filen. Ingenting er importert."
            ) from None
        if item.case.cell_key is not None or item.case.is_demo:
            # The case keeps its cell key from the database it came from (a new case
            # drew its own in create_case), and an example stays an example.
            stored = session.get(Case, created.id)
            assert stored is not None
            if item.case.cell_key is not None:
                stored.cell_key = item.case.cell_key
            stored.is_demo = stored.is_demo or item.case.is_demo
            session.add(stored)
        case = _set_status(created, item, session)
        report.created.append(case.number)
        took_bundle = True
    else:
        if existing.representative_id is None and reporter is not None:
            values["representative_id"] = reporter  # who reported it is never replaced
        case, took_bundle = _merge_case(existing, item, values, session, report)
    # The evidence before the timeline: a letter's deadline then exists, tied to its
    # letter, when the letter's "sent" event arrives, which then adds no other.
    merge_evidence(case.id, case.number, item, session=session, counts=report.evidence)
    session.info[event_service.DEADLINES_GIVEN] = "deadlines" in item.model_fields_set
    try:
        _merge_events(case, item, key, session, report)
    finally:
        session.info.pop(event_service.DEADLINES_GIVEN, None)
    report.escalations_changed += merge_escalations(
        case.id, case.number, item.escalations, session=session
    )
    report.groups_created += merge_group(
        case.id, item.group, took_case=took_bundle, session=session
    )
    if took_bundle:
        _take_judged_facts(case.id, item, session)
    if case.status == "closed":  # reply deadlines of its letters lapsed with the close
        case_service.lapse_deadlines(case.id, on=today, session=session)
    if took_bundle and item.case.updated_at is not None:
        # The case now holds the sender's state as of their last change: keep that
        # time, so the same bundle imported again is recognised as nothing new.
        session.execute(
            sa.update(Case).where(col(Case.id) == case.id).values(updated_at=item.case.updated_at)
        )


def _set_status(case: CaseRead, item: BundleItem, session: Session) -> CaseRead:
    if item.case.status == "closed":
        return case_service.close_case(
            case.id, outcome=item.case.outcome or "dropped", version=case.version, session=session
        )
    return case


def _is_newer(theirs: datetime | None, ours: datetime) -> bool:
    """Only a bundle that proves it is newer may overwrite what is stored: re-importing an
    old file must never undo the representative's later work."""
    return theirs is not None and theirs.astimezone(UTC) > ours


def _merge_case(
    existing: Case,
    item: BundleItem,
    values: dict[str, Any],
    session: Session,
    report: ImportReport,
) -> tuple[CaseRead, bool]:
    """Returns the case and whether the bundle's version was taken."""
    current = read(CaseRead, existing)
    differs = {k: v for k, v in values.items() if getattr(current, k) != v}
    status_differs = current.status != item.case.status or (
        item.case.status == "closed" and current.outcome != (item.case.outcome or "dropped")
    )
    theirs = item.case
    facts_differ = theirs.employer_facts_at is not None and (
        existing.employer_employees,
        existing.employer_agreement,
        existing.employer_sector,
        existing.employer_facts_at,
    ) != (
        theirs.employer_employees,
        theirs.employer_agreement,
        theirs.employer_sector,
        theirs.employer_facts_at,
    )
    if not differs and not status_differs and not facts_differ and existing.deleted_at is None:
        report.unchanged.append(existing.number)
        return current, False
    if not _is_newer(item.case.updated_at, existing.updated_at):
        report.kept.append(existing.number)
        return current, False
    if existing.deleted_at is not None:
        current = case_service.restore_case(existing.number, session=session)
    if differs:
        current = case_service.update_case(
            existing.number,
            CaseUpdate.model_validate({**differs, "version": current.version}),
            session=session,
        )
    if status_differs:
        if current.status == "closed":
            current = case_service.reopen_case(current.id, version=current.version, session=session)
        current = _set_status(current, item, session)
    report.updated.append(existing.number)
    return current, True


def _merge_events(
    case: CaseRead,
    item: BundleItem,
    key: uuid_module.UUID,
    session: Session,
    report: ImportReport,
) -> None:
    for index, bundle_event in enumerate(item.events):
        e_key = event_uuid(key, index, bundle_event)
        values = _event_values(bundle_event)
        existing = session.exec(select(Event).where(Event.uuid == e_key)).first()
        if existing is not None and existing.case_id != case.id:
            # Taking it would move evidence from another case into this one.
            raise ValidationError(
                [
                    Problem(
                        f"Sak {item.id or case.number} › Hendelser › nr. {index + 1}",
                        f"har samme UUID som en hendelse i en annen sak ({e_key})",
                    )
                ],
                heading="Filen ble ikke importert; ingenting er endret",
            )
        if existing is None:
            event_id = event_service.add_event(
                case.id, EventCreate.model_validate({**values, "uuid": e_key}), session=session
            ).id
            report.events_added += 1
        elif (
            existing.deleted_at is None
            and any(getattr(existing, k) != v for k, v in values.items())
            and _is_newer(bundle_event.updated_at, existing.updated_at)
        ):
            event_id = event_service.update_event(
                existing.id or 0,
                EventUpdate.model_validate({**values, "version": existing.version}),
                session=session,
            ).id
            report.events_updated += 1
        else:
            continue
        if bundle_event.updated_at is not None:  # as for cases: the sender's time stands
            session.execute(
                sa.update(Event)
                .where(col(Event.id) == event_id)
                .values(updated_at=bundle_event.updated_at)
            )


# --------------------------------------------------------------------------- reading a file


# json's messages (their beginnings) in Norwegian; an unknown one is shown as it is.
_JSON_MESSAGES = {
    "Expecting value": "forventet en verdi",
    "Expecting property name enclosed in double quotes": "forventet et feltnavn i doble "
    'anførselstegn ("navn")',
    "Expecting ',' delimiter": "forventet komma",
    "Expecting ':' delimiter": "forventet kolon",
    "Unterminated string starting at": 'teksten som starter her, mangler avsluttende "',
    "Invalid control character at": "ugyldig kontrolltegn i en tekst",
    "Invalid \\escape": "ugyldig \\-sekvens i en tekst",
    "Invalid \\uXXXX escape": "ugyldig \\u-sekvens i en tekst",
    "Extra data": "mer innhold etter slutten av JSON-verdien",
}


def read_bundle(text: str, file: str) -> Any:
    """A bundle file's JSON (the command line and the window read files alike), or a
    Norwegian message saying where it is broken."""
    try:
        raw = json.loads(text, object_pairs_hook=_without_duplicate_keys)
    except _DuplicateKey as exc:
        raise UserError(
            f"{file} har nøkkelen «{exc.key}» to ganger i samme objekt, så det er uklart "
            "hvilken verdi som gjelder. Fjern den ene og prøv igjen. Ingenting er importert."
        ) from None
    except json.JSONDecodeError as exc:
        reason = next((no for en, no in _JSON_MESSAGES.items() if exc.msg.startswith(en)), exc.msg)
        raise UserError(
            f"{file} er ikke gyldig JSON: {reason} på linje {exc.lineno}, kolonne {exc.colno}. "
            "Ingenting er importert."
        ) from None
    except (ValueError, RecursionError):
        # Numbers with thousands of digits, or lists nested thousands deep: not a bundle.
        raise UserError(
            f"{file} kan ikke leses: den har tall med svært mange sifre eller er nøstet for "
            "dypt. Ingenting er importert."
        ) from None
    # Lone surrogates (\ud800-style escapes) are left to parse_bundle, which names the
    # case and field of each: a second pass over the whole file here was ≈ 15 ms of a
    # 1 000-case bundle.
    return raw


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _without_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """One JSON object; a key given twice is refused (json would keep the last silently)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key[:100])
            seen.add(key)
    return obj


# --------------------------------------------------------------------------- export


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None}


def export_bundle(
    *, session: Session, case_ids: Collection[int] | None = None
) -> list[dict[str, Any]]:
    """Every live case (or those of ``case_ids``) with its employer, timeline and evidence,
    in the import format, with UUIDs."""
    chosen = None if case_ids is None else set(case_ids)
    employers = {e.id: e for e in session.exec(select(Employer))}
    reporters = {r.id: r for r in session.exec(select(Representative))}
    events: dict[int, list[Event]] = {}
    event_query = select(Event).where(col(Event.deleted_at).is_(None))
    case_query = select(Case).where(col(Case.deleted_at).is_(None))
    if chosen is None:  # «every case» for the union office: never the examples (demo.py)
        case_query = case_query.where(~col(Case.is_demo))
    if chosen is not None and len(chosen) <= 10_000:  # more: filtered below (bind limits)
        event_query = event_query.where(col(Event.case_id).in_(chosen))
        case_query = case_query.where(col(Case.id).in_(chosen))
    for ev in session.exec(
        event_query.order_by(col(Event.case_id), col(Event.occurred_on), col(Event.id))
    ):
        if chosen is None or ev.case_id in chosen:
            events.setdefault(ev.case_id, []).append(ev)
    cases = [
        c
        for c in session.exec(case_query.order_by(col(Case.year), col(Case.seq)))
        if chosen is None or c.id in chosen
    ]
    ids = [c.id for c in cases if c.id is not None]
    evidence = export_evidence(ids, session=session)
    office = export_office(ids, session=session)
    bundle = []
    for case in cases:
        employer = employers[case.employer_id]
        reporter = reporters.get(case.representative_id)
        bundle.append(
            {
                "uuid": str(case.uuid),
                "id": case.number,
                **(
                    {
                        "reported_by": _drop_none(
                            {
                                "uuid": str(reporter.uuid),
                                "name": reporter.name,
                                "branch": reporter.branch,
                                "union_name": reporter.union_name,
                            }
                        )
                    }
                    if reporter is not None
                    else {}
                ),
                "employer": _drop_none(
                    {
                        "name": employer.name,
                        "orgnr": employer.orgnr,
                        "employees": employer.employees,
                        "agreement": employer.agreement,
                        "sector": employer.sector,
                        "address": employer.address,
                    }
                ),
                "case": _drop_none(
                    {
                        "type": case.case_type,
                        "title": case.title,
                        "description": case.description,
                        "location": case.location,
                        "members_affected": case.members_affected,
                        "notice_on": _iso(case.notice_on),
                        "decision_on": _iso(case.decision_on),
                        "planned_implementation_on": _iso(case.planned_implementation_on),
                        "implemented_on": _iso(case.implemented_on),
                        "home_office_days_per_week": case.home_office_days_per_week,
                        "written_agreements": case.written_agreements,
                        "ordered_by_authorities": case.ordered_by_authorities,
                        "building_permit": case.building_permit,
                        "status": case.status,
                        "outcome": case.outcome,
                        "number": case.number,
                        "updated_at": case.updated_at.isoformat(),
                        "report_summary": case.report_summary,
                        "report_include": case.report_include or None,
                        "cell_key": case.cell_key,
                        "is_demo": case.is_demo or None,
                        **_judged_facts(case),
                    }
                ),
                "events": [
                    _drop_none(
                        {
                            "uuid": str(ev.uuid),
                            "kind": ev.kind,
                            "on": _iso(ev.occurred_on),
                            "signed_by_both": ev.signed_by_both,
                            "letter": ev.letter_kind,
                            "reply_by": _iso(ev.reply_by),
                            "participants": ev.participants,
                            "notes": ev.notes,
                            "updated_at": ev.updated_at.isoformat(),
                        }
                    )
                    for ev in events.get(case.id or 0, [])
                ],
                **evidence[case.id or 0],
                **office[case.id or 0],
            }
        )
    return bundle


def _judged_facts(case: Case) -> dict[str, Any]:
    """The employer snapshot, when the case has one (every field of it, ``None`` kept: "no
    headcount known" is a fact the case was judged on too)."""
    if case.employer_facts_at is None:
        return {}
    return {
        "employer_facts_at": case.employer_facts_at.isoformat(),
        "employer_employees": case.employer_employees,
        "employer_agreement": case.employer_agreement,
        "employer_sector": case.employer_sector,
    }


def _take_judged_facts(case_id: int, item: BundleItem, session: Session) -> None:
    """Judge the case on the employer facts it was judged on where it came from (the
    receiving register may know the employer by other figures: the case view then says
    the register differs, as it does for any case)."""
    c = item.case
    if c.employer_facts_at is None:
        return
    session.execute(
        sa.update(Case)
        .where(col(Case.id) == case_id)
        .values(
            employer_employees=c.employer_employees,
            employer_agreement=c.employer_agreement,
            employer_sector=c.employer_sector,
            employer_facts_at=c.employer_facts_at,
        )
    )
    mark_stale(case_id, session=session)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
