"""Tables and their shapes (Base / Create / Update / table / Read), as in the FastAPI
full-stack template.

The tables are created and changed only by the Alembic migrations in ``migrations/``;
``tests/test_migrations.py`` proves the two agree. Validation lives on the non-table shapes
(SQLModel does not validate table models), so services always take a Create/Update shape.
"""

from __future__ import annotations

import secrets
import uuid as uuid_module
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from pydantic import model_validator
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel

from tillitsvalgt.validation import (
    CELL_KEY_RANGE,
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


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite keeps no zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; use an aware UTC datetime")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _timestamp(*, nullable: bool = False, index: bool = False) -> Any:
    if nullable:
        return Field(default=None, sa_type=UTCDateTime, nullable=True, index=index)
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=index)


# --------------------------------------------------------------------------- representatives


class RepresentativeBase(SQLModel):
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


class RepresentativeUpdate(SQLModel):
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


class Representative(RepresentativeBase, table=True):
    __tablename__: ClassVar[Any] = "representatives"
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    created_at: datetime = _timestamp()
    confederation: str | None = Field(default=None, max_length=20)
    letter_form: str | None = Field(default=None, max_length=2)


class RepresentativeRead(RepresentativeBase):
    id: int
    uuid: uuid_module.UUID


# --------------------------------------------------------------------------- employers


class EmployerBase(SQLModel):
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


class EmployerUpdate(SQLModel):
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


class Employer(EmployerBase, table=True):
    __tablename__: ClassVar[Any] = "employers"
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    name: str = Field(index=True)
    orgnr: str | None = Field(default=None, unique=True)
    letter_form: str | None = Field(default=None, max_length=2)
    version: int = Field(default=1)
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()
    deleted_at: datetime | None = _timestamp(nullable=True)
    # Made by the demo load (demo.py): tagged in the window, removed in one action.
    is_demo: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class EmployerRead(EmployerBase):
    id: int
    uuid: uuid_module.UUID
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    is_demo: bool = False


# --------------------------------------------------------------------------- cases


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


_LIVE: dict[str, Any] = {
    "sqlite_where": sa.text("deleted_at IS NULL"),
    "postgresql_where": sa.text("deleted_at IS NULL"),
}
_BINNED: dict[str, Any] = {
    "sqlite_where": sa.text("deleted_at IS NOT NULL"),
    "postgresql_where": sa.text("deleted_at IS NOT NULL"),
}


class CaseBase(SQLModel):
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
    def _dates_in_order(self) -> CaseCreate:
        problems = case_date_problems(self)
        if problems:
            raise ValueError("; ".join(f"{label(field)}: {msg}" for field, msg in problems))
        return self


class CaseUpdate(SQLModel):
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


def new_cell_key() -> int:
    return secrets.randbelow(CELL_KEY_RANGE)


class Case(CaseBase, table=True):
    __tablename__: ClassVar[Any] = "cases"
    __table_args__ = (
        sa.UniqueConstraint("year", "seq", name="uq_cases_year_seq"),
        sa.Index("ix_cases_type_status", "case_type", "status"),
        # The list's sort keys, with the id as tie-breaker so paging is stable and needs no
        # sort step, over live cases only: without statistics SQLite would otherwise take
        # "deleted_at IS NULL" for a selective filter and sort every case (see benchmarks/).
        sa.Index("ix_cases_updated_at_id", "updated_at", "id", **_LIVE),
        sa.Index(
            "ix_cases_live_type_status_updated", "case_type", "status", "updated_at", "id", **_LIVE
        ),
        sa.Index("ix_cases_notice_on_id", "notice_on", "id", **_LIVE),
        sa.Index("ix_cases_title_id", "title", "id", **_LIVE),
        sa.Index("ix_cases_deleted_at", "deleted_at", **_BINNED),  # the recycle bin only
        sa.Index("ix_cases_live_timing_updated", "verdict_timing", "updated_at", "id", **_LIVE),
        sa.Index(  # the few demo cases, read at start to tag them
            "ix_cases_demo",
            "id",
            sqlite_where=sa.text("is_demo = 1"),  # as SQLAlchemy writes the test
            postgresql_where=sa.text("is_demo"),
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    number: str = Field(unique=True, max_length=20)
    year: int = Field(index=True)
    seq: int
    employer_id: int = Field(foreign_key="employers.id", index=True)
    case_type: str = Field(max_length=40)
    status: str = Field(default="open", max_length=20, index=True)
    outcome: str | None = Field(default=None, max_length=40)
    representative_id: int | None = Field(
        default=None, foreign_key="representatives.id", index=True
    )
    source_ref: str | None = Field(default=None, max_length=200)
    report_include: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # Made by the demo load (demo.py): tagged «DEMO», never counted in a report.
    is_demo: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    # The report's cell key (reports/cellkey.py): drawn once, never changed, never shown.
    # A column default too, so bulk inserts without it (benchmarks, imports) draw one.
    cell_key: int = Field(
        default_factory=new_cell_key,
        sa_column_kwargs={"default": new_cell_key, "server_default": "0"},
    )
    last_document_seq: int = Field(default=0)
    # The group case (one employer decision over several units) this case belongs to.
    group_id: int | None = Field(default=None, foreign_key="case_groups.id", index=True)
    # The stored verdict (see services/assessments.py), so the list can filter and count by
    # it in SQL; "overdue" is derived on reading from verdict_demand_due_on and today.
    verdict_level: str | None = Field(default=None, max_length=20)
    verdict_timing: str | None = Field(default=None, max_length=40)
    verdict_missing: str | None = Field(default=None, max_length=200)  # comma-separated
    verdict_demand: str | None = Field(default=None, max_length=20)  # none/awaiting/answered
    verdict_demand_due_on: date | None = None
    verdict_catalogue: str | None = Field(default=None, max_length=200)
    verdict_at: datetime | None = _timestamp(nullable=True)
    # The employer facts the case is judged on, copied from the shared register when the
    # case is registered (or its employer changed): an edit of the register by someone
    # else never changes this case's verdict silently (services/assessments.py).
    employer_employees: int | None = None
    employer_agreement: str | None = None
    employer_sector: str | None = None
    employer_facts_at: datetime | None = _timestamp(nullable=True)
    version: int = Field(default=1)
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()
    closed_at: datetime | None = _timestamp(nullable=True)
    deleted_at: datetime | None = _timestamp(nullable=True)


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


class CaseCounter(SQLModel, table=True):
    """The last case number used per year: the source of ``YYYY/N`` (never reused)."""

    __tablename__: ClassVar[Any] = "case_counters"
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last_seq: int = Field(default=0)


# --------------------------------------------------------------------------- group cases


class CaseGroupBase(SQLModel):
    name: Title
    description: LongText = None
    notice_on: date | None = None
    decision_on: date | None = None


class CaseGroupCreate(CaseGroupBase):
    uuid: uuid_module.UUID | None = None


class CaseGroup(CaseGroupBase, table=True):
    """One employer decision that touches several units: its cases are linked to it and
    share its facts (the decision and notice dates)."""

    __tablename__: ClassVar[Any] = "case_groups"
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    name: str = Field(max_length=200, unique=True)
    version: int = Field(default=1)
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()


class CaseGroupRead(CaseGroupBase):
    id: int
    uuid: uuid_module.UUID
    version: int
    created_at: datetime
    updated_at: datetime


# --------------------------------------------------------------------------- escalation


class Escalation(SQLModel, table=True):
    """One stage a case was taken to after the local level (central parties, the Labour
    Court, a dispute under tjenestetvistloven): when it began, and its outcome when known.
    One row per case and stage; its timeline event says the same for the reader."""

    __tablename__: ClassVar[Any] = "escalations"
    __table_args__ = (sa.UniqueConstraint("case_id", "stage", name="uq_escalations_case_stage"),)
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    event_id: int | None = Field(default=None, foreign_key="events.id")
    stage: str = Field(max_length=40)
    started_on: date
    ended_on: date | None = None
    outcome: str | None = Field(default=None, max_length=40)
    reference: str | None = Field(default=None, max_length=200)  # e.g. the court's case no.
    notes: str | None = None
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()


class EscalationRead(SQLModel):
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


# --------------------------------------------------------------------------- events


class EventBase(SQLModel):
    kind: EventKindCode
    occurred_on: date
    participants: LongText = None
    notes: LongText = None
    signed_by_both: bool | None = None
    letter_kind: LetterKindCode = None
    reply_by: date | None = None


class EventCreate(EventBase):
    uuid: uuid_module.UUID | None = None


class EventUpdate(SQLModel):
    version: int
    kind: EventKindCode | None = None
    occurred_on: date | None = None
    participants: LongText = None
    notes: LongText = None
    signed_by_both: bool | None = None
    letter_kind: LetterKindCode = None
    reply_by: date | None = None


class Event(EventBase, table=True):
    __tablename__: ClassVar[Any] = "events"
    __table_args__ = (sa.Index("ix_events_case_id_occurred_on", "case_id", "occurred_on"),)
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    case_id: int = Field(foreign_key="cases.id")
    kind: str = Field(max_length=40)
    letter_kind: str | None = Field(default=None, max_length=40)
    version: int = Field(default=1)
    created_at: datetime = _timestamp()
    updated_at: datetime = _timestamp()
    deleted_at: datetime | None = _timestamp(nullable=True)


class EventRead(EventBase):
    id: int
    uuid: uuid_module.UUID
    case_id: int
    version: int
    created_at: datetime
    updated_at: datetime


class EventRevision(SQLModel, table=True):
    """An event as it was before an edit or deletion: the timeline is evidence."""

    __tablename__: ClassVar[Any] = "event_revisions"
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    version: int
    data: str  # JSON of the event's fields as they were
    replaced_at: datetime = _timestamp()


class EventRevisionRead(SQLModel):
    version: int
    data: dict[str, Any]
    replaced_at: datetime


# --------------------------------------------------------------------------- documents


class DocumentBase(SQLModel):
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


class Document(DocumentBase, table=True):
    __tablename__: ClassVar[Any] = "documents"
    __table_args__ = (sa.UniqueConstraint("case_id", "seq", name="uq_documents_case_seq"),)
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    seq: int
    number: str = Field(unique=True, max_length=30)
    kind: str = Field(max_length=40)
    direction: str = Field(max_length=10)
    catalogue_version: str | None = Field(default=None, max_length=200)
    size: int
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_type=sa.LargeBinary)
    provisions: str = Field(default="[]")  # JSON list of catalogue keys cited
    sent_on: date | None = None
    frozen: bool = Field(default=False)
    created_at: datetime = _timestamp()
    deleted_at: datetime | None = _timestamp(nullable=True)


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


# --------------------------------------------------------------------------- deadlines


class DeadlineBase(SQLModel):
    due_on: date
    title: Title
    rule: ShortText = None


class DeadlineCreate(DeadlineBase):
    document_id: int | None = None


class Deadline(DeadlineBase, table=True):
    __tablename__: ClassVar[Any] = "deadlines"
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    document_id: int | None = Field(default=None, foreign_key="documents.id", index=True)
    due_on: date = Field(index=True)
    original_due_on: date
    met_on: date | None = None
    cancelled: bool = Field(default=False)
    # The case was closed with the deadline still open: it lapsed that day (not met, not
    # cancelled by hand). Reopening the case clears it.
    lapsed_on: date | None = None
    created_at: datetime = _timestamp()


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


class DeadlineExtension(SQLModel, table=True):
    """Every extension of a deadline is kept: who agreed to move it matters later."""

    __tablename__: ClassVar[Any] = "deadline_extensions"
    id: int | None = Field(default=None, primary_key=True)
    deadline_id: int = Field(foreign_key="deadlines.id", index=True)
    previous_due_on: date
    new_due_on: date
    reason: str | None = None
    created_at: datetime = _timestamp()


class DeadlineExtensionRead(SQLModel):
    previous_due_on: date
    new_due_on: date
    reason: str | None
    created_at: datetime


# --------------------------------------------------------------------------- checklist


class ChecklistAnswerBase(SQLModel):
    item_key: ItemKey
    answer: ChecklistAnswerCode = "unknown"
    note: LongText = None


class ChecklistAnswerSet(ChecklistAnswerBase):
    pass


class ChecklistAnswer(ChecklistAnswerBase, table=True):
    __tablename__: ClassVar[Any] = "checklist_answers"
    __table_args__ = (sa.UniqueConstraint("case_id", "item_key", name="uq_checklist_case_item"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    item_key: str = Field(max_length=80)
    answer: str = Field(default="unknown", max_length=20)
    updated_at: datetime = _timestamp()


class ChecklistAnswerRead(ChecklistAnswerBase):
    id: int
    case_id: int
    updated_at: datetime


# --------------------------------------------------------------------------- change history


class ChangeHistory(SQLModel, table=True):
    """One recorded change of a case, an event or an employer (see ``history.py``): made by
    the app in the same transaction as the change, never edited afterwards (triggers refuse
    UPDATE and DELETE; the one exception is a GDPR redaction of the values)."""

    __tablename__: ClassVar[Any] = "change_history"
    __table_args__ = (
        sa.Index("ix_change_history_case_id_id", "case_id", "id"),
        sa.Index("ix_change_history_entity", "entity", "entity_id", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    changed_at: datetime = _timestamp()
    entity: str = Field(max_length=20)  # case / event / employer
    entity_id: int
    case_id: int | None = Field(default=None, foreign_key="cases.id")  # None for employers
    # created / changed / deleted / restored / removed / redacted
    action: str = Field(max_length=20)
    field: str | None = Field(default=None, max_length=60)
    old_value: str | None = None
    new_value: str | None = None
    # Who: the profile (representative) using the app, and on PostgreSQL the database role
    # (filled in by the database itself, so the app cannot claim another one).
    representative_id: int | None = Field(default=None, foreign_key="representatives.id")
    db_role: str | None = Field(default=None, max_length=200)
    context: str | None = Field(default=None, max_length=40)  # import / gdpr / …
