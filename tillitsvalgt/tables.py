"""The database tables (``table=True``) and what only the store needs: the UTC column type,
the clock of the rows, a new case's cell key.

The tables are created and changed only by the Alembic migrations in ``migrations/``;
``tests/test_migrations.py`` proves the two agree. Each table takes its fields from its Base
shape in ``shapes.py`` and adds the store's own (ids, versions, timestamps, indexes).
Services and the store use these; the GUI and letters never do (``.importlinter``).
"""

import secrets
import uuid as uuid_module
from datetime import UTC, date, datetime
from typing import Any, ClassVar

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel

from tillitsvalgt.shapes import (
    CaseBase,
    CaseGroupBase,
    ChecklistAnswerBase,
    DeadlineBase,
    DocumentBase,
    EmployerBase,
    EventBase,
    RepresentativeBase,
)
from tillitsvalgt.validation import CELL_KEY_RANGE


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


class Representative(RepresentativeBase, table=True):
    __tablename__: ClassVar[Any] = "representatives"
    id: int | None = Field(default=None, primary_key=True)
    uuid: uuid_module.UUID = Field(default_factory=uuid_module.uuid4, unique=True)
    created_at: datetime = _timestamp()
    confederation: str | None = Field(default=None, max_length=20)
    letter_form: str | None = Field(default=None, max_length=2)


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


# The partial indexes' predicates, as the migrations write them on SQLite. The migrations
# make the same indexes partial on PostgreSQL too (0003, 0016, 0017); their postgresql_where
# is not repeated here: naming it makes SQLAlchemy load its whole PostgreSQL dialect to
# check the keyword (≈ 25 ms of every start, on SQLite too), and neither the app nor
# Alembic's comparison of models and migrations reads an index's predicate.
_LIVE: dict[str, Any] = {"sqlite_where": sa.text("deleted_at IS NULL")}


_BINNED: dict[str, Any] = {"sqlite_where": sa.text("deleted_at IS NOT NULL")}


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


class CaseCounter(SQLModel, table=True):
    """The last case number used per year: the source of ``YYYY/N`` (never reused)."""

    __tablename__: ClassVar[Any] = "case_counters"
    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last_seq: int = Field(default=0)


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


class EventRevision(SQLModel, table=True):
    """An event as it was before an edit or deletion: the timeline is evidence."""

    __tablename__: ClassVar[Any] = "event_revisions"
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="events.id", index=True)
    version: int
    data: str  # JSON of the event's fields as they were
    replaced_at: datetime = _timestamp()


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


class DeadlineExtension(SQLModel, table=True):
    """Every extension of a deadline is kept: who agreed to move it matters later."""

    __tablename__: ClassVar[Any] = "deadline_extensions"
    id: int | None = Field(default=None, primary_key=True)
    deadline_id: int = Field(foreign_key="deadlines.id", index=True)
    previous_due_on: date
    new_due_on: date
    reason: str | None = None
    created_at: datetime = _timestamp()


class ChecklistAnswer(ChecklistAnswerBase, table=True):
    __tablename__: ClassVar[Any] = "checklist_answers"
    __table_args__ = (sa.UniqueConstraint("case_id", "item_key", name="uq_checklist_case_item"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="cases.id", index=True)
    item_key: str = Field(max_length=80)
    answer: str = Field(default="unknown", max_length=20)
    updated_at: datetime = _timestamp()


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
