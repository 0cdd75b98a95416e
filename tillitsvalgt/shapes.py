"""The shapes that cross the walls: what a form sends (Create/Update), what a service
returns (Read, the case list's rows and pages), and the check on a case's dates.

Widgets and letters hold these, never a table row (the contracts in ``.importlinter``: the
GUI and letters may import ``shapes`` but not ``tables``). Validation lives here, on the
non-table shapes (SQLModel does not validate table models), so services always take a
Create/Update shape. The tables in ``tables.py`` inherit their fields from the Base shapes,
the SQLModel way (as in the FastAPI full-stack template); this module never imports them.
"""

import uuid as uuid_module
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, model_validator
from sqlmodel import SQLModel

from tillitsvalgt.validation import (
    AgreementCode,
    CaseTypeCode,
    ChecklistAnswerCode,
    ConfederationCode,
    DaysPerWeek,
    DirectionCode,
    DocumentKindCode,
    EmployeeCount,
    EventKindCode,
    ItemKey,
    LetterFormCode,
    LetterKindCode,
    LongText,
    MemberCount,
    Name,
    OrgNr,
    SectorCode,
    ShortText,
    Title,
    label,
)


class Shape(SQLModel):
    """Every shape here (and every table, through its Base shape): pydantic builds a
    model's validator when it is first used, not when the module is imported. The start
    validates none of them before the window is painted, and building them all was ≈ 5 %
    of it; the validation itself is the same."""

    # Merged with SQLModel's own config, which mypy knows by its own TypedDict.
    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]


class RepresentativeBase(Shape):
    name: Name
    role: ShortText = None
    union_name: ShortText = None
    branch: ShortText = None
    email: ShortText = None
    phone: ShortText = None
    place: ShortText = None
    signature: LongText = None
    confederation: ConfederationCode = None  # lo, ys, unio, akademikerne, none
    letter_form: LetterFormCode = (
        None  # nb / nn: the letters' written form if the employer's is not set
    )


class RepresentativeCreate(RepresentativeBase):
    pass


class RepresentativeUpdate(Shape):
    name: Name | None = None
    role: ShortText = None
    union_name: ShortText = None
    branch: ShortText = None
    email: ShortText = None
    phone: ShortText = None
    place: ShortText = None
    signature: LongText = None
    confederation: ConfederationCode = None
    letter_form: LetterFormCode = None


class RepresentativeRead(RepresentativeBase):
    id: int
    uuid: uuid_module.UUID


class EmployerBase(Shape):
    name: Name
    orgnr: OrgNr = None
    address: ShortText = None
    sector: SectorCode = None
    agreement: AgreementCode = "none"
    employees: EmployeeCount = None
    contact_name: ShortText = None
    contact_email: ShortText = None
    contact_phone: ShortText = None
    letter_form: LetterFormCode = None  # nb / nn: the form this employer's letters take


class EmployerCreate(EmployerBase):
    pass


class EmployerUpdate(Shape):
    version: int
    name: Name | None = None
    orgnr: OrgNr = None
    address: ShortText = None
    sector: SectorCode = None
    agreement: AgreementCode | None = None
    employees: EmployeeCount = None
    contact_name: ShortText = None
    contact_email: ShortText = None
    contact_phone: ShortText = None
    letter_form: LetterFormCode = None


class EmployerRead(EmployerBase):
    id: int
    uuid: uuid_module.UUID
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    is_demo: bool = False


def case_date_problems(data: Any) -> list[tuple[str, str]]:
    """Cross-field date checks, on a Create shape or on a merged update."""
    problems: list[tuple[str, str]] = []
    decision = getattr(data, "decision_on", None)
    for field in ("planned_implementation_on", "implemented_on"):
        when = getattr(data, field, None)
        if decision is not None and when is not None and when < decision:
            problems.append(
                (
                    field,
                    f"{when.isoformat()} er før beslutningsdatoen {decision.isoformat()}; "
                    "iverksetting kan ikke komme før beslutningen",
                )
            )
    return problems


class CaseBase(Shape):
    title: Title
    employer_id: int
    location: ShortText = None
    case_type: CaseTypeCode
    description: LongText = None
    members_affected: MemberCount = None
    notice_on: date | None = None
    decision_on: date | None = None
    planned_implementation_on: date | None = None
    implemented_on: date | None = None
    home_office_days_per_week: DaysPerWeek = None
    written_agreements: bool | None = None
    ordered_by_authorities: bool | None = None
    representative_id: int | None = None
    # The anonymised text for the landsmøte report's appendix, and whether it goes in.
    report_summary: LongText = None
    report_include: bool = False
    # Does the rebuild need a building permit (plan- og bygningsloven)? None: not known.
    building_permit: bool | None = None


class CaseCreate(CaseBase):
    uuid: uuid_module.UUID | None = None
    source_ref: ShortText = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> "CaseCreate":
        problems = case_date_problems(self)
        if problems:
            raise ValueError("; ".join(f"{label(field)}: {msg}" for field, msg in problems))
        return self


class CaseUpdate(Shape):
    """Only the fields set are changed; ``version`` is the one the user's edit started from."""

    version: int
    title: Title | None = None
    employer_id: int | None = None
    location: ShortText = None
    case_type: CaseTypeCode | None = None
    description: LongText = None
    members_affected: MemberCount = None
    notice_on: date | None = None
    decision_on: date | None = None
    planned_implementation_on: date | None = None
    implemented_on: date | None = None
    home_office_days_per_week: DaysPerWeek = None
    written_agreements: bool | None = None
    ordered_by_authorities: bool | None = None
    representative_id: int | None = None
    report_summary: LongText = None
    report_include: bool | None = None
    building_permit: bool | None = None
    group_id: int | None = None  # set through services/groups.py, which shares the facts


class CaseRead(CaseBase):
    id: int
    uuid: uuid_module.UUID
    group_id: int | None = None
    is_demo: bool = False  # made by the demo load: tagged «DEMO», never in a report
    number: str
    year: int
    seq: int
    status: str
    outcome: str | None
    source_ref: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    deleted_at: datetime | None
    verdict_level: str | None = None
    verdict_timing: str | None = None
    verdict_demand: str | None = None
    verdict_demand_due_on: date | None = None
    employer_employees: int | None = None
    employer_agreement: str | None = None
    employer_sector: str | None = None
    employer_facts_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CaseListRow:
    """One line of the case list: only what the list shows, read as plain columns. A plain
    dataclass, not a validated model: the values come typed from the database, and the
    list is the hottest path in the app (50 rows: 0.06 ms against 0.4 ms validated)."""

    id: int
    number: str
    title: str
    employer_name: str
    case_type: str
    status: str
    notice_on: date | None
    decision_on: date | None
    next_deadline: date | None
    updated_at: datetime
    timing: str | None  # the stored verdict (None: not assessed yet)
    demand: str | None  # as of the list's day: none, awaiting_reply, overdue, answered


@dataclass(frozen=True, slots=True)
class CasePage:
    rows: list[CaseListRow]
    total: int
    offset: int
    limit: int
    counted: bool = True  # False: ``total`` is a lower bound (the list was not counted)
    capped: bool = False  # True: counted only to ``total`` (the cap); more cases match

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": [
                {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(r).items()}
                for r in self.rows
            ],
            "total": self.total,
            "offset": self.offset,
            "limit": self.limit,
        }


class CaseGroupBase(Shape):
    name: Title
    description: LongText = None
    notice_on: date | None = None
    decision_on: date | None = None


class CaseGroupCreate(CaseGroupBase):
    uuid: uuid_module.UUID | None = None


class CaseGroupRead(CaseGroupBase):
    id: int
    uuid: uuid_module.UUID
    version: int
    created_at: datetime
    updated_at: datetime


class EscalationRead(Shape):
    id: int
    uuid: uuid_module.UUID
    case_id: int
    event_id: int | None
    stage: str
    started_on: date
    ended_on: date | None
    outcome: str | None
    reference: str | None
    notes: str | None
    updated_at: datetime


class EventBase(Shape):
    kind: EventKindCode
    occurred_on: date
    participants: LongText = None
    notes: LongText = None
    signed_by_both: bool | None = None
    letter_kind: LetterKindCode = None
    reply_by: date | None = None


class EventCreate(EventBase):
    uuid: uuid_module.UUID | None = None


class EventUpdate(Shape):
    version: int
    kind: EventKindCode | None = None
    occurred_on: date | None = None
    participants: LongText = None
    notes: LongText = None
    signed_by_both: bool | None = None
    letter_kind: LetterKindCode = None
    reply_by: date | None = None


class EventRead(EventBase):
    id: int
    uuid: uuid_module.UUID
    case_id: int
    version: int
    created_at: datetime
    updated_at: datetime


class EventRevisionRead(Shape):
    version: int
    data: dict[str, Any]
    replaced_at: datetime


class DocumentBase(Shape):
    direction: DirectionCode
    kind: DocumentKindCode
    title: Title
    filename: ShortText = None
    mime_type: ShortText = None
    recipient: ShortText = None
    dated: date | None = None
    reply_by: date | None = None  # the reply deadline a letter states
    their_ref: ShortText = None  # "Deres ref.": the employer's reference, when known
    # The legal catalogue (and the union office's pack) a letter was written under.
    catalogue_version: ShortText = None


class DocumentCreate(DocumentBase):
    content: bytes
    provisions: list[str] = []


class DocumentRead(DocumentBase):
    """A journal entry without its bytes (``documents.content`` fetches those)."""

    id: int
    uuid: uuid_module.UUID
    case_id: int
    number: str
    size: int
    sha256: str
    provisions: list[str]
    sent_on: date | None
    frozen: bool
    created_at: datetime


class DeadlineBase(Shape):
    due_on: date
    title: Title
    rule: ShortText = None


class DeadlineCreate(DeadlineBase):
    document_id: int | None = None


class DeadlineRead(DeadlineBase):
    id: int
    case_id: int
    document_id: int | None
    original_due_on: date
    met_on: date | None
    cancelled: bool
    lapsed_on: date | None = None

    @property
    def state(self) -> str:
        """open, met, cancelled or lapsed."""
        if self.met_on is not None:
            return "met"
        if self.cancelled:
            return "cancelled"
        if self.lapsed_on is not None:
            return "lapsed"
        return "open"


class DeadlineExtensionRead(Shape):
    previous_due_on: date
    new_due_on: date
    reason: str | None
    created_at: datetime


class ChecklistAnswerBase(Shape):
    item_key: ItemKey
    answer: ChecklistAnswerCode = "unknown"
    note: LongText = None


class ChecklistAnswerSet(ChecklistAnswerBase):
    pass


class ChecklistAnswerRead(ChecklistAnswerBase):
    id: int
    case_id: int
    updated_at: datetime


# --------------------------------------------------------------------------- handed to the window
# Plain values a service or the store returns and the GUI holds: defined here, below both,
# so holding one never brings a session, a table or the backup machinery along.


# The window's list stops counting here: past it the status line says «over 10 000 saker».
# An exact count of a million cases costs what reading them costs (90 ms for every live
# case, about a second for a common word; benchmarks/README.md, «National scale»); a count
# that stops at 10 001 costs a few milliseconds, and nobody pages through more anyway.
COUNT_CAP = 10_000


@dataclass(frozen=True)
class CaseQuery:
    """One page of the case list asked for: its filters, sort and place."""

    case_type: str | None = None
    status: str | None = None
    employer_id: int | None = None
    year: int | None = None
    text: str | None = None
    timing: str | None = None  # the stored verdict's timing code
    overdue: bool = False  # only cases whose demand's reply deadline has passed
    today: date | None = None  # the day "overdue" is judged on (default: the real today)
    deleted: bool = False  # True: the recycle bin instead of the live cases
    group_id: int | None = None  # only the cases of this group case
    sort: str = "updated"
    descending: bool = True
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One line of a case's history, ready to show (Norwegian, local time)."""

    changed_at: datetime
    when: str  # 22.11.2026 14:05, local time
    who: str
    what: str
    old: str
    new: str
    entity: str  # case / event / employer
    action: str
    field: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "changed_at": self.changed_at.isoformat(),
            "who": self.who,
            "what": self.what,
            "old": self.old,
            "new": self.new,
            "entity": self.entity,
            "action": self.action,
            "field": self.field,
        }


@dataclass(frozen=True)
class IntegrityReport:
    """What a check of a database file found (nothing: ``ok``)."""

    ok: bool
    problems: list[str]


@dataclass(frozen=True)
class BackupInfo:
    """A backup as the restore dialog and ``tillitsvalgt backups`` list it."""

    path: Path
    created: datetime
    reason: str  # «automatisk», «manuell», «for-migrering», «for-gjenoppretting» …
    size: int  # bytes
    has_checksum: bool
