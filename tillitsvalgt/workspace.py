"""The door the desktop app goes through: one open database, the settings' choices, the
catalogue, and one method per thing a user does — each its own unit of work, returning
plain read shapes. The GUI and the command line hold a Workspace and never a session
(design: "services are the door").

"Today" comes from a clock the caller can replace, so the GUI tests are not at the mercy
of the calendar.

Imports: what the window's start loads anyway is imported here; a method imports inside
itself only a module the start does not load (a letter's, the report's, the office's
files), so a start never waits for them (``benchmarks/start.py`` lists the modules loaded
by the first paint)."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tillitsvalgt import paths, settings
from tillitsvalgt.backup import (
    DEFAULT_KEEP,
    auto_backup,
    backup_dir,
    backup_sqlite,
    check_file,
    describe_backups,
    integrity_check,
    restore,
    restore_file,
)
from tillitsvalgt.db import Database, Location, chosen_database_url, resolve_location
from tillitsvalgt.demo import fill_demo
from tillitsvalgt.errors import DatabaseError, UserError, os_reason
from tillitsvalgt.file_limits import ATTACHMENT_LIMIT, IMPORT_LIMIT, read_limited
from tillitsvalgt.history import ACTOR
from tillitsvalgt.letters.folder import template_folder
from tillitsvalgt.plural import count
from tillitsvalgt.rules.assessment import assess
from tillitsvalgt.rules.catalogue import catalogue_for
from tillitsvalgt.rules.types import Assessment, Catalogue, SuggestedLetter

# (Called as cases.list_cases, employers.list_employers: what tests replace on the module.)
from tillitsvalgt.services import cases, employers, escalation, events
from tillitsvalgt.services._common import TODAY
from tillitsvalgt.services.assessments import (
    CATALOGUE,
    assess_all,
    assess_case,
    facts_for,
    refresh_all_verdicts,
    register_differences,
    store_verdict,
)
from tillitsvalgt.services.cases import (
    SORT_KEYS,
    adopt_employer_facts,
    count_cases,
    get_case,
    has_cases,
    resolve_case,
    search_terms,
)
from tillitsvalgt.services.employers import (
    create_employer,
    delete_employer,
    find_employer,
    get_employer,
    sector_agreement_warning,
    sector_agreement_warnings,
    update_employer,
)
from tillitsvalgt.services.escalation import StageInput as StageInput  # for the window
from tillitsvalgt.services.letter_setup import LetterSetup as LetterSetup  # for the CLI
from tillitsvalgt.services.representatives import find_representative
from tillitsvalgt.services.selection import Selection as Selection  # for the command line
from tillitsvalgt.services.selection import selected_case_ids
from tillitsvalgt.shapes import (
    COUNT_CAP,
    BackupInfo,
    CaseCreate,
    CasePage,
    CaseRead,
    CaseUpdate,
    ChecklistAnswerRead,
    ChecklistAnswerSet,
    DeadlineCreate,
    DeadlineRead,
    DocumentCreate,
    DocumentRead,
    EmployerCreate,
    EmployerRead,
    EmployerUpdate,
    EventCreate,
    EventRead,
    EventRevisionRead,
    EventUpdate,
    HistoryEntry,
    IntegrityReport,
    RepresentativeCreate,
    RepresentativeRead,
    RepresentativeUpdate,
)
from tillitsvalgt.shapes import CaseQuery as CaseQuery  # re-exported for the window
from tillitsvalgt.tables import Employer
from tillitsvalgt.validation import validate
from tillitsvalgt.vocabulary import CASE_TYPES

if TYPE_CHECKING:  # the backup module loads Alembic, which the start does without
    # and the transfer module (import and export) is not needed before they are used
    from tillitsvalgt.backup import RestoreOutcome
    from tillitsvalgt.reports.anonymise import NameIndex  # the report's, loaded with it
    from tillitsvalgt.reports.cube import ReportRequest
    from tillitsvalgt.services.bundle_files import FilesImport as FilesImport  # the window's
    from tillitsvalgt.services.bundle_files import Source
    from tillitsvalgt.services.group_letters import GroupLetters
    from tillitsvalgt.services.groups import GroupSummary
    from tillitsvalgt.services.letters import Letter as Letter  # for the window
    from tillitsvalgt.services.letters import LetterRequest as LetterRequest  # for the window
    from tillitsvalgt.services.mail import EmailDraft
    from tillitsvalgt.services.pack import PackInfo
    from tillitsvalgt.services.privacy import DeletionReport, PersonReport
    from tillitsvalgt.services.report import ReportFiles
    from tillitsvalgt.services.spreadsheet_import import ColumnMapping
    from tillitsvalgt.services.transfer import BundleItem, Progress
    from tillitsvalgt.services.transfer import ImportReport as ImportReport  # for the window
    from tillitsvalgt.shapes import CaseGroupCreate, CaseGroupRead, EscalationRead


def __getattr__(name: str) -> object:
    # ``Letter`` and ``LetterRequest`` are importable from here for the window, but the
    # letter machinery (templates, rendering) loads with the first letter, not with the app.
    if name in ("Letter", "LetterRequest"):
        from tillitsvalgt.services import letters

        return getattr(letters, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRead
    employer: EmployerRead
    events: list[EventRead]
    documents: list[DocumentRead]
    deadlines: list[DeadlineRead]
    assessment: Assessment
    agreement_name: str  # the employer's main agreement, in words
    # Where the employer register now differs from the facts the case is judged on.
    register_differs: tuple[str, ...] = ()


class Workspace:
    def __init__(
        self,
        db: Database,
        *,
        catalogue: Catalogue,
        setup: LetterSetup,
        data_dir: str | os.PathLike[str] | None = None,
        clock: Callable[[], date] = date.today,
        warnings: tuple[str, ...] = (),
    ) -> None:
        self.db = db
        # Services that are not handed today (the verdict stored on commit, the case list)
        # read it from this clock, not the calendar.
        db.session_info[TODAY] = clock
        self.catalogue = catalogue
        self.setup = setup
        self.data_dir = data_dir
        self.clock = clock
        self.warnings = warnings  # e.g. a broken custom catalogue, shown once by the GUI
        self.catalogue_option: str | None = None  # --catalogue, kept for reload_catalogue

    @classmethod
    def open(
        cls,
        *,
        data_dir: str | os.PathLike[str] | None = None,
        database_url: str | None = None,
        catalogue: str | None = None,
        clock: Callable[[], date] = date.today,
    ) -> Workspace:

        chosen = settings.read(data_dir)
        loaded, problems = cls.load_catalogue(catalogue, data_dir)
        db = Database.open(
            database_url=chosen_database_url(database_url, data_dir), data_dir=data_dir
        )
        db.session_info[CATALOGUE] = loaded
        db.session_info[ACTOR] = chosen.profile  # who the change history records
        setup = LetterSetup(
            catalogue=loaded,
            template_folder=template_folder(None, chosen.templates),
            union_name=chosen.union,
            profile_uuid=chosen.profile,
            pack_version=chosen.pack,
        )
        workspace = cls(
            db,
            catalogue=loaded,
            setup=setup,
            data_dir=data_dir,
            clock=clock,
            warnings=problems,
        )
        workspace.catalogue_option = catalogue
        return workspace

    @staticmethod
    def load_catalogue(
        option: str | None, data_dir: str | os.PathLike[str] | None = None
    ) -> tuple[Catalogue, tuple[str, ...]]:
        """The legal catalogue both doors use (``--catalogue``, then TILLITSVALGT_CATALOGUE,
        then the setting) and the problems of a chosen file that could not be used (the
        built-in one is returned then)."""

        loaded, problems = catalogue_for(settings.catalogue_path(option, data_dir))
        return loaded, tuple(str(p) for p in problems)

    @staticmethod
    def location_of(
        database_url: str | None = None, data_dir: str | os.PathLike[str] | None = None
    ) -> Location:
        """Where ``open`` would find the database, without opening it (restoring a damaged
        database must not need it to open)."""

        return resolve_location(
            database_url=chosen_database_url(database_url, data_dir), data_dir=data_dir
        )

    @staticmethod
    def backups_at(location: Location) -> list[BackupInfo]:
        """The backups of the SQLite database at ``location``, newest first, without
        opening it: the list is what a user needs when the database is damaged."""

        live = Workspace._sqlite_file(location)
        return describe_backups(live)

    @staticmethod
    def backup_folder(location: Location) -> Path:

        return backup_dir(Workspace._sqlite_file(location))

    @staticmethod
    def restore_at(location: Location, file: Path) -> RestoreOutcome:
        """Replace the SQLite database at ``location`` with the backup ``file`` without
        opening it first (a damaged database must not stop its own restore); the one in
        place is kept beside it. Open it afterwards: an older backup is migrated then."""

        if location.file is None:
            raise DatabaseError(
                "Sikkerhetskopi og gjenoppretting fra programmet gjelder SQLite-databaser. En "
                "PostgreSQL-database sikkerhetskopieres på tjeneren (pg_dump) av den som "
                "drifter den."
            )
        return restore_file(location.file, file)

    @staticmethod
    def _sqlite_file(location: Location) -> Path:
        if location.file is None:
            raise UserError("PostgreSQL-databaser sikkerhetskopieres på tjeneren (pg_dump).")
        return location.file

    def reload_catalogue(self) -> bool:
        """Read the legal catalogue again (its file edited, or another one chosen with
        ``settings catalogue`` while the window is open); True when it changed, so the
        verdicts on screen must be read again. A broken file keeps the built-in one."""

        loaded, problems = self.load_catalogue(self.catalogue_option, self.data_dir)
        if loaded == self.catalogue:
            return False
        self.catalogue = loaded
        self.db.session_info[CATALOGUE] = loaded
        self.setup = dataclasses.replace(self.setup, catalogue=loaded)
        self.warnings = problems
        return True

    def close(self) -> None:
        self.db.dispose()

    def today(self) -> date:
        return self.clock()

    @property
    def location(self) -> str:
        return self.db.location.describe()  # a server URL without its password

    # ----------------------------------------------------------------- cases

    def list_cases(
        self, query: CaseQuery, *, count: bool = True, cap: int | None = None
    ) -> CasePage:

        with self.db.session(readonly=True) as session:
            return cases.list_cases(query, session=session, count=count, cap=cap)

    def case_query(
        self, *, employer: str | None = None, group: str | None = None, **filters: Any
    ) -> CaseQuery:
        """The list's query from what a user typed: the employer by org.nr or name and the
        group case by number or name, and the type, sort key and search checked, each with
        a message that says what was wrong (not the query's own field error)."""
        from tillitsvalgt.services.groups import resolve_group

        case_type = filters.get("case_type")
        if case_type and case_type not in CASE_TYPES:
            raise UserError(f"Ukjent sakstype «{case_type}». Gyldige: {', '.join(CASE_TYPES)}.")
        sort = filters.get("sort", "updated")
        if sort not in SORT_KEYS:
            raise UserError(f"Kan ikke sortere på «{sort}». Velg en av: {', '.join(SORT_KEYS)}.")
        text = filters.get("text")
        if text is not None and text.strip() and not search_terms(text):
            # Only punctuation/operators: searching for "nothing" must not list everything.
            raise UserError(
                f"Søket «{text}» inneholder ingen ord. Søk etter ord fra tittel, beskrivelse "
                "eller notater (tegn som \" * ' og - ignoreres)."
            )
        with self.db.session(readonly=True) as session:
            if employer:
                found = find_employer(
                    session=session, orgnr=employer.replace(" ", ""), name=employer
                )
                if found is None:
                    raise UserError(
                        f"Fant ingen virksomhet som heter eller har org.nr «{employer}»."
                    )
                filters["employer_id"] = found.id
            if group:
                filters["group_id"] = resolve_group(group, session=session).id
        return CaseQuery(**filters)

    def count_listed(self, query: CaseQuery, *, cap: int | None = None) -> int:
        """The count for a page listed with ``count=False`` (the list shows first): exact,
        or with ``cap`` at most ``cap + 1`` (more than ``cap``)."""

        with self.db.session(readonly=True) as session:
            return cases.count_listed(query, session=session, cap=cap)

    def case_detail(self, ref: str | int) -> CaseDetail:
        from tillitsvalgt.services import deadlines, documents, events

        with self.db.session(readonly=True) as session:
            # A case in the recycle bin can be looked at (and restored), so include it.
            row = resolve_case(ref, session=session, include_deleted=True)
            assessment = assess(facts_for(row, session=session), self.catalogue, self.today())
            case = get_case(row.id or 0, session=session, include_deleted=True)
            employer = get_employer(case.employer_id, session=session)
            agreement = self.catalogue.agreements.get(employer.agreement)
            registered = session.get(Employer, case.employer_id)
            assert registered is not None
            return CaseDetail(
                register_differs=register_differences(row, registered),
                case=case,
                employer=employer,
                agreement_name=agreement.name if agreement else "ingen hovedavtale registrert",
                events=events.list_events(case.id, session=session),
                documents=documents.list_documents(case.id, session=session),
                deadlines=deadlines.list_deadlines(case.id, session=session),
                assessment=assessment,
            )

    def case_count(self) -> int:
        """Every case, the recycle bin's too (is this database empty?)."""

        with self.db.session(readonly=True) as session:
            return count_cases(session=session)

    def is_empty(self) -> bool:
        """No case at all, the recycle bin's neither: demo data may go in."""

        with self.db.session(readonly=True) as session:
            return not has_cases(session=session)

    def fill_demo_data(self) -> ImportReport:
        """Example cases in an empty database (``StateError`` when it has cases)."""

        with self.db.session() as session:
            return fill_demo(session=session, today=self.today())

    def employers(self) -> list[EmployerRead]:

        with self.db.session(readonly=True) as session:
            return employers.list_employers(session=session)

    # ----------------------------------------------------------------- letters

    def suggest_letters(self, ref: str | int, day: date | None = None) -> list[SuggestedLetter]:
        """The letters the verdict suggests for the case, as of ``day`` (None: today)."""
        from tillitsvalgt.services.letters import suggest_letters

        with self.db.session(readonly=True) as session:
            return suggest_letters(
                ref, session=session, today=day or self.today(), catalogue=self.catalogue
            )

    def preview_letter(
        self, ref: str | int, request: LetterRequest, *, draft_id: int | None = None
    ) -> Letter:
        """The letter with the number it will carry: the draft's own when it updates one."""
        from tillitsvalgt.services.letters import preview_letter

        with self.db.session(readonly=True) as session:
            return preview_letter(
                ref,
                request,
                session=session,
                today=self.today(),
                setup=self.setup,
                draft_id=draft_id,
            )

    def create_letter(
        self,
        ref: str | int,
        request: LetterRequest,
        *,
        out: Path | None = None,
        pdf: bool = False,
        draft_id: int | None = None,
        sent_on: date | None = None,
        setup: LetterSetup | None = None,
        fetch_hint: str = "Lagre det fra sakens dokumenter.",
    ) -> Letter:
        """Journal the letter; with ``out``, also write the file (as PDF with ``pdf``): in
        full under a temporary name inside the unit of work (a file that cannot be written
        leaves nothing journaled), moved into place after the commit (a commit that fails,
        on a full disk say, leaves no file). ``out`` was confirmed by the save dialog. With
        ``draft_id`` the unsent draft is updated and keeps its number; with ``sent_on`` it
        is marked as sent in the same unit of work. ``setup``: another letter setup (the
        command line's ``--templates``); ``fetch_hint`` tells how to get a letter whose
        file could not be written (``{number}`` is its journal number)."""
        from tillitsvalgt.output_paths import StagedFile, database_files, stage_output
        from tillitsvalgt.services.letters import create_letter, mark_letter_sent

        staged: StagedFile | None = None
        try:
            with self.db.session() as session:
                letter = create_letter(
                    ref,
                    request,
                    session=session,
                    today=self.today(),
                    setup=setup or self.setup,
                    draft_id=draft_id,
                )
                if out is not None:
                    content = letter.content
                    if pdf:
                        from tillitsvalgt.letters.pdf import docx_to_pdf

                        content = docx_to_pdf(letter.content)
                    staged = stage_output(
                        out,
                        content,
                        overwrite=True,
                        protected=database_files(self.db.location.file),
                    )
                if sent_on is not None:
                    assert letter.document is not None
                    mark_letter_sent(
                        letter.document.id,
                        sent_on=sent_on,
                        session=session,
                        setup=setup or self.setup,
                    )
        except BaseException:
            if staged is not None:
                staged.discard()
            raise
        if staged is not None:
            try:
                staged.publish()
            except UserError as exc:
                raise UserError(
                    f"Brevet {letter.number} er ført i journalen, men filen kunne ikke "
                    f"skrives: {exc.message} " + fetch_hint.format(number=letter.number)
                ) from None
        return letter

    def find_document(self, number: str) -> DocumentRead:
        """A document by its journal number ``YYYY/N-M``."""
        from tillitsvalgt.services.letters import find_document

        with self.db.session(readonly=True) as session:
            return find_document(number, session=session)

    def case_documents(self, ref: str | int) -> list[DocumentRead]:
        """The case's journal."""
        from tillitsvalgt.services.documents import list_documents

        with self.db.session(readonly=True) as session:
            return list_documents(ref, session=session)

    def meeting_deadlines(self, document_id: int) -> list[DeadlineRead]:
        """The agreements' meeting deadlines a sent letter started."""
        from tillitsvalgt.services.letters import meeting_deadlines

        with self.db.session(readonly=True) as session:
            return meeting_deadlines(document_id, session=session)

    def sector_agreement_warning(self, sector: str | None, agreement: str) -> str | None:
        """Whether an employer's sector and agreement fit (for the employer dialog)."""

        return sector_agreement_warning(sector, agreement, catalogue=self.catalogue)

    def mark_letter_sent(self, document_id: int, sent_on: date) -> DocumentRead:
        from tillitsvalgt.services.letters import mark_letter_sent

        with self.db.session() as session:
            return mark_letter_sent(document_id, sent_on=sent_on, session=session, setup=self.setup)

    def document_content(self, document_id: int) -> bytes:
        from tillitsvalgt.services.documents import document_content

        with self.db.session(readonly=True) as session:
            return document_content(document_id, session=session)

    # ----------------------------------------------------------------- editing cases

    def create_case(self, data: CaseCreate) -> CaseRead:

        with self.db.session() as session:
            return cases.create_case(data, session=session, today=self.today())

    def update_case(self, ref: str | int, data: CaseUpdate) -> CaseRead:
        """Refused with ``ConflictError`` when someone saved the case after ``data.version``."""

        with self.db.session() as session:
            return cases.update_case(ref, data, session=session)

    # ------------------------------------------------------------ report summaries

    def person_names(self) -> NameIndex:
        """Every person name the database knows, ready for taking out of a summary. The
        window reads them in the background; the dictionary the summary's words are
        checked against is read with them, so that the first check does not wait for it."""
        from tillitsvalgt.reports import wordlist
        from tillitsvalgt.reports.anonymise import name_index
        from tillitsvalgt.services.report_data import known_person_names

        wordlist.preload()
        with self.db.session(readonly=True) as session:
            return name_index(known_person_names(session=session))

    def propose_report_summary(self, ref: str | int) -> str:
        from tillitsvalgt.reports.anonymise import propose_summary
        from tillitsvalgt.services.report_data import summary_facts

        with self.db.session(readonly=True) as session:
            return propose_summary(summary_facts(ref, session=session))

    def get_case(self, ref: str | int) -> CaseRead:
        """A live case by its number (``2026/3``), UUID or id."""

        with self.db.session(readonly=True) as session:
            return get_case(ref, session=session)

    def close_case(self, ref: str | int, *, outcome: str, version: int) -> CaseRead:

        with self.db.session() as session:
            return cases.close_case(
                ref, outcome=outcome, version=version, session=session, today=self.today()
            )

    def reopen_case(self, ref: str | int, *, version: int) -> CaseRead:

        with self.db.session() as session:
            return cases.reopen_case(ref, version=version, session=session)

    def delete_case(self, ref: str | int) -> CaseRead:
        """To the recycle bin; ``restore_case`` brings it back."""

        with self.db.session() as session:
            return cases.delete_case(ref, session=session)

    def restore_case(self, ref: str | int) -> CaseRead:

        with self.db.session() as session:
            return cases.restore_case(ref, session=session)

    def duplicate_case(self, ref: str | int) -> CaseRead:
        """A new case with the same employer, type, place and description; its own number,
        no timeline, no documents, and a title that says it is a copy."""

        with self.db.session() as session:
            source = cases.get_case(ref, session=session)
            title = f"{source.title} (kopi)"
            data = CaseCreate(
                title=title[:200],
                employer_id=source.employer_id,
                location=source.location,
                case_type=source.case_type,
                description=source.description,
                members_affected=source.members_affected,
                home_office_days_per_week=source.home_office_days_per_week,
                written_agreements=source.written_agreements,
                ordered_by_authorities=source.ordered_by_authorities,
                building_permit=source.building_permit,
                representative_id=source.representative_id,
            )
            return cases.create_case(data, session=session, today=self.today())

    # ----------------------------------------------------------------- the timeline

    def add_event(self, ref: str | int, data: EventCreate) -> EventRead:

        with self.db.session() as session:
            return events.add_event(ref, data, session=session)

    def update_event(self, event_id: int, data: EventUpdate) -> EventRead:

        with self.db.session() as session:
            return events.update_event(event_id, data, session=session)

    def delete_event(self, event_id: int, *, version: int) -> None:

        with self.db.session() as session:
            events.delete_event(event_id, version=version, session=session)

    def event_history(self, event_id: int) -> list[EventRevisionRead]:

        with self.db.session(readonly=True) as session:
            return events.event_history(event_id, session=session)

    def case_history(self, ref: str | int) -> list[HistoryEntry]:
        """Every recorded change of the case, its events and its employer, newest first."""
        from tillitsvalgt.services.history import case_history

        with self.db.session(readonly=True) as session:
            return case_history(ref, session=session)

    # ----------------------------------------------------------------- documents

    def add_attachment(self, ref: str | int, file: Path, *, direction: str = "inn") -> DocumentRead:
        """Journal a file (a letter received, a protocol, a drawing) with its bytes."""
        import mimetypes

        from tillitsvalgt.services import documents

        try:
            content = read_limited(file, ATTACHMENT_LIMIT, what="Vedlegget")
        except OSError as exc:
            raise UserError(f"Kan ikke lese {file}: {os_reason(exc)}.") from None
        data = DocumentCreate(
            direction=direction,
            kind="vedlegg",
            title=_shown_name(file.stem) or _shown_name(file.name) or "Vedlegg",
            filename=_shown_name(file.name) or None,
            mime_type=mimetypes.guess_type(file.name)[0],
            dated=self.today(),
            content=content,
        )
        with self.db.session() as session:
            return documents.add_document(ref, data, session=session)

    def delete_document(self, document_id: int) -> None:
        from tillitsvalgt.services import documents

        with self.db.session() as session:
            documents.delete_document(document_id, session=session)

    # ----------------------------------------------------------------- checklist

    def checklist(self, ref: str | int) -> list[ChecklistAnswerRead]:
        from tillitsvalgt.services import checklist

        with self.db.session(readonly=True) as session:
            return checklist.list_answers(ref, session=session)

    def set_checklist_answer(self, ref: str | int, data: ChecklistAnswerSet) -> ChecklistAnswerRead:
        from tillitsvalgt.services import checklist

        with self.db.session() as session:
            return checklist.set_answer(ref, data, session=session)

    # ----------------------------------------------------------------- employers

    def employer_choices(self) -> list[tuple[int, str]]:
        """Every live employer as (id, name), by name: for a choice of employer."""

        with self.db.session(readonly=True) as session:
            return employers.employer_choices(session=session)

    def find_employers(self, text: str | None = None) -> list[EmployerRead]:

        with self.db.session(readonly=True) as session:
            return employers.list_employers(session=session, text=text)

    def sector_agreement_warnings(self) -> list[str]:
        """Every live employer whose sector and agreement do not fit, one message each."""

        with self.db.session(readonly=True) as session:
            return sector_agreement_warnings(session=session, catalogue=self.catalogue)

    def get_employer(self, employer_id: int) -> EmployerRead:

        with self.db.session(readonly=True) as session:
            return get_employer(employer_id, session=session)

    def create_employer(self, data: EmployerCreate) -> EmployerRead:

        with self.db.session() as session:
            return create_employer(data, session=session)

    def update_employer(self, employer_id: int, data: EmployerUpdate) -> EmployerRead:

        with self.db.session() as session:
            return update_employer(employer_id, data, session=session)

    def delete_employer(self, employer_id: int) -> None:

        with self.db.session() as session:
            delete_employer(employer_id, session=session)

    # ----------------------------------------------------------------- deadlines

    def open_deadlines(
        self,
        until: date | None = None,
        *,
        after: DeadlineRow | None = None,
        limit: int | None = None,
    ) -> list[DeadlineRow]:
        """Unmet deadlines across all live cases, soonest (and so overdue) first, with the
        case's number and title (one query); ``limit`` of them at most, those after
        ``after`` (the last row of the page before) when it is given."""
        from tillitsvalgt.services import deadlines

        today = self.today()
        key = None if after is None else (after.deadline.due_on, after.deadline.id)
        with self.db.session(readonly=True) as session:
            return [
                DeadlineRow(d, number, title, d.due_on < today, status, demo)
                for d, number, title, status, demo in deadlines.open_deadline_rows(
                    session=session, until=until, after=key, limit=limit
                )
            ]

    def count_open_deadlines(self, until: date | None = None) -> DeadlineCount:
        """How many ``open_deadlines(until)`` lists and how many are overdue, each counted
        to ``COUNT_CAP`` («over 10 000») at most."""
        from tillitsvalgt.services import deadlines

        with self.db.session(readonly=True) as session:
            listed, overdue = deadlines.count_open_deadline_rows(
                session=session, until=until, today=self.today(), cap=COUNT_CAP
            )
        return DeadlineCount(
            min(listed, COUNT_CAP), min(overdue, COUNT_CAP), listed > COUNT_CAP, overdue > COUNT_CAP
        )

    def case_deadlines(self, ref: str | int) -> list[DeadlineRead]:
        """Every deadline of one case (the recycle bin's too), soonest first."""
        from tillitsvalgt.services import deadlines

        with self.db.session(readonly=True) as session:
            return deadlines.list_deadlines(ref, session=session)

    def add_deadline(self, ref: str | int, due_on: date, title: str) -> DeadlineRead:
        """A deadline set by hand on a live case (checked like any other input)."""
        from tillitsvalgt.services import deadlines

        data = validate(DeadlineCreate, {"due_on": due_on, "title": title, "rule": "manual"})
        with self.db.session() as session:
            return deadlines.add_deadline(ref, data, session=session)

    def cancel_deadline(self, deadline_id: int) -> DeadlineRead:
        from tillitsvalgt.services import deadlines

        with self.db.session() as session:
            return deadlines.cancel_deadline(deadline_id, session=session)

    def overdue_count(self) -> int:
        """How many open deadlines have passed (for the notice on start)."""
        from tillitsvalgt.services import deadlines

        with self.db.session(readonly=True) as session:
            return deadlines.count_overdue(session=session, today=self.today())

    def mark_deadline_met(self, deadline_id: int, met_on: date) -> DeadlineRead:
        from tillitsvalgt.services import deadlines

        with self.db.session() as session:
            return deadlines.mark_met(deadline_id, met_on=met_on, session=session)

    def extend_deadline(
        self, deadline_id: int, new_due_on: date, reason: str | None
    ) -> DeadlineRead:
        from tillitsvalgt.services import deadlines

        with self.db.session() as session:
            return deadlines.extend_deadline(
                deadline_id, new_due_on=new_due_on, reason=reason, session=session
            )

    # ----------------------------------------------------------------- profile

    def profile(self) -> RepresentativeRead | None:
        """The user's own profile (the letters' sender), if made."""

        if not self.setup.profile_uuid:
            return None
        with self.db.session(readonly=True) as session:
            return find_representative(self.setup.profile_uuid, session=session)

    def union_from_profile(self) -> str | None:
        """The «Forbund» of the profile, for an install whose setting was never written."""
        try:
            profile = self.profile()
        except UserError:
            return None
        return (profile.union_name or "").strip() or None if profile is not None else None

    def report(
        self,
        request: ReportRequest,
        out: Path,
        *,
        xlsx: Path | None = None,
        progress: Progress | None = None,
        csv: Path | None = None,
    ) -> ReportFiles:
        """The landsmøte report as of the Workspace's today, signed with the union's name
        (the setting, else the profile's): the window and ``tillitsvalgt report`` alike."""
        from tillitsvalgt.services.report import make_report as build

        return build(
            self.db,
            request,
            today=self.today(),
            union_name=settings.read(self.data_dir).union or self.union_from_profile(),
            out=out,
            xlsx=xlsx,
            progress=progress,
            csv=csv,
        )

    def change_profile(self, changes: dict[str, str]) -> RepresentativeRead:
        """Change the given fields of the profile, or make it (``name`` is then needed),
        and remember it in the settings (the command line's ``profile``)."""
        made = RepresentativeCreate(**changes) if "name" in changes else None
        return self._keep_profile(made, RepresentativeUpdate(**changes))

    def save_profile(self, data: RepresentativeCreate) -> RepresentativeRead:
        """Create or update the profile and remember it in the settings (the window's)."""
        return self._keep_profile(data, RepresentativeUpdate(**data.model_dump()))

    def _keep_profile(
        self, made: RepresentativeCreate | None, changes: RepresentativeUpdate
    ) -> RepresentativeRead:

        from tillitsvalgt.services.representatives import (
            create_representative,
            find_representative,
            update_representative,
        )

        with self.db.session() as session:
            mine = (
                find_representative(self.setup.profile_uuid, session=session)
                if self.setup.profile_uuid
                else None
            )
            if mine is not None:
                saved = update_representative(mine.id, changes, session=session)
            elif made is not None:
                saved = create_representative(made, session=session)
            else:
                raise UserError("Profilen må ha et navn.")
        settings.save("profile", str(saved.uuid), self.data_dir)
        # One place for the union's name: the profile's «Forbund» is what the letters'
        # letterhead and the report's cover use (the setting follows it).
        union = (saved.union_name or "").strip() or self.setup.union_name
        settings.save("union", union or None, self.data_dir)
        self.setup = dataclasses.replace(
            self.setup, profile_uuid=str(saved.uuid), union_name=union or None
        )
        self.db.session_info[ACTOR] = str(saved.uuid)
        return saved

    # ----------------------------------------------------------------- a person's data

    def find_person(self, name: str) -> PersonReport:
        """Everything stored about a person, and where (the right of access)."""
        from tillitsvalgt.services.privacy import find_person

        with self.db.session(readonly=True) as session:
            return find_person(name, session=session)

    def delete_person(self, name: str) -> DeletionReport:
        """Delete a person from the closed cases (the right to erasure), in one unit of
        work, and then the traces the database file keeps of the old text (SQLite)."""
        from tillitsvalgt.services.privacy import delete_person, purge_traces

        with self.db.session() as session:
            report = delete_person(name, session=session)
        purge_traces(self.db)
        return report

    # ----------------------------------------------------------------- files

    def import_file(
        self,
        file: Path,
        progress: Progress | None = None,
        *,
        mapping: ColumnMapping | None = None,
    ) -> ImportReport:
        """Import a bundle, or cases from a spreadsheet (.xlsx/.csv, Norwegian column
        names, or the columns ``mapping`` names), all or nothing; ``progress`` may cancel
        it. A spreadsheet's columns that were not used are in the report."""
        from tillitsvalgt.services.bundle_files import write_prepared

        prepared = _import_source(file, mapping).load()
        return write_prepared(prepared, unit=self.db.session, today=self.today(), progress=progress)

    def import_files(
        self,
        files: Sequence[Path],
        progress: Progress | None = None,
        *,
        mapping: ColumnMapping | None = None,
    ) -> FilesImport:
        """Import several files (bundles or spreadsheets), each all or nothing on its own,
        the next one read and checked while one is written; a file that cannot be imported
        is listed with the reason and the others are imported. ``progress`` may cancel:
        the files before the one being written stay imported."""
        from tillitsvalgt.services.bundle_files import import_sources

        return import_sources(
            [_import_source(file, mapping) for file in files],
            unit=self.db.session,
            today=self.today(),
            progress=progress,
        )

    def import_bundle_data(
        self, data: bytes, source: str, progress: Progress | None = None
    ) -> ImportReport:
        """Import a bundle read already (``source`` names it in messages: a file, or
        standard in for the command line), all or nothing."""
        from tillitsvalgt.services.bundle_files import Prepared, write_prepared

        prepared = Prepared(_bundle_items(data, source))
        return write_prepared(prepared, unit=self.db.session, today=self.today(), progress=progress)

    @staticmethod
    def column_mapping(
        file: Path | None, columns: Collection[str] = (), sheet: str | None = None
    ) -> ColumnMapping:
        """Which spreadsheet column is which field: a TOML file's choices, then the
        «Heading=field» pairs given, and the sheet to read."""
        from tillitsvalgt.services import spreadsheet_import

        chosen = spreadsheet_import.ColumnMapping(sheet=sheet)
        if file is not None:
            raw = spreadsheet_import.read_limited(file.expanduser(), 1024 * 1024)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise UserError(
                    f"Kolonnevalget {file} er ikke en tekstfil i UTF-8. Ingenting er importert."
                ) from None
            chosen = spreadsheet_import.read_mapping(text, str(file))
            chosen.sheet = sheet or chosen.sheet
        if columns:
            chosen.columns.update(spreadsheet_import.parse_columns(columns).columns)
        return chosen

    def export_file(self, file: Path, case_ids: Collection[int] | None = None) -> int:
        """Write every live case (or those of ``case_ids``) as a bundle (the import format,
        with UUIDs and the evidence); returns the number of cases. The file is written
        whole or not at all."""

        text, cases = self.export_text(case_ids)
        paths.write_atomically(file, text.encode("utf-8"))
        return cases

    def export_text(self, case_ids: Collection[int] | None = None) -> tuple[str, int]:
        """The bundle of every live case (or those of ``case_ids``) as JSON text, and the
        number of cases in it."""

        from tillitsvalgt.services.transfer import export_bundle

        with self.db.session(readonly=True) as session:
            bundle = export_bundle(session=session, case_ids=case_ids)
        return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n", len(bundle)

    def selected_case_ids(self, selection: Selection) -> set[int] | None:
        """The ids of the cases a selection names (None: every case)."""

        with self.db.session(readonly=True) as session:
            return selected_case_ids(selection, session=session)

    def export_case_list(self, file: Path, query: CaseQuery) -> int:
        """The case list with ``query``'s filters, every page, as ``.xlsx`` or ``.csv`` (by the
        file's suffix); returns the number of cases."""

        data, cases = self.case_list_sheet(query, file)
        paths.write_atomically(file, data)
        return cases

    def case_list_sheet(self, query: CaseQuery, file: Path) -> tuple[bytes, int]:
        """The case list with ``query``'s filters, every page, as the bytes of an ``.xlsx``
        or ``.csv`` file (by ``file``'s suffix), and the number of cases."""

        from tillitsvalgt.services import spreadsheet

        if file.suffix.lower() not in (".xlsx", ".csv"):
            raise UserError(f"{file.name}: regnearket må hete noe med .xlsx eller .csv.")
        with self.db.session(readonly=True) as session:
            query = dataclasses.replace(query, today=query.today or self.today())
            rows = list(spreadsheet.case_rows(query, session=session))
        data = (
            spreadsheet.to_csv(rows) if file.suffix.lower() == ".csv" else spreadsheet.to_xlsx(rows)
        )
        return data, len(rows)

    def write_calendar(self, file: Path, case_ref: str | int | None = None) -> int:
        """The deadlines (one case's or all) as an ``.ics`` file; returns the open ones."""

        data, live = self.calendar(case_ref)
        paths.write_atomically(file, data)
        return live

    def calendar(self, case_ref: str | int | None = None) -> tuple[bytes, int]:
        """The deadlines (one case's or all) as the bytes of an ``.ics`` file, and how many
        are open."""

        from tillitsvalgt.services.calendar import deadlines_calendar

        with self.db.session(readonly=True) as session:
            return deadlines_calendar(session=session, now=datetime.now(UTC), case_ref=case_ref)

    def default_letter_form(self, case_id: int, kind: str | None = None) -> str:
        """The written form a letter in the case takes unless one is chosen: the employer's,
        else the signer's profile's, else bokmål (``nb``/``nn``)."""
        from tillitsvalgt.services.letters import default_form, letter_signer

        with self.db.session(readonly=True) as session:
            case = resolve_case(case_id, session=session, include_deleted=True)
            employer = session.get(Employer, case.employer_id)
            signer = letter_signer(case_id, session=session, profile_uuid=self.setup.profile_uuid)
            return default_form(employer, signer, kind)

    def write_email_draft(
        self, document_id: int, file: Path, *, pdf: bool = False, form: str | None = None
    ) -> EmailDraft:
        """A journaled letter as an ``.eml`` draft addressed to the employer's contact; the
        body in the letter's own written form unless ``form`` says otherwise."""

        draft = self.email_draft(document_id, pdf=pdf, form=form)
        paths.write_atomically(file, draft.message)
        return draft

    def email_draft(
        self, document_id: int, *, pdf: bool = False, form: str | None = None
    ) -> EmailDraft:
        """The ``.eml`` draft of ``write_email_draft``, not yet written anywhere."""

        from tillitsvalgt.services.documents import document_content, get_document
        from tillitsvalgt.services.letters import letter_signer
        from tillitsvalgt.services.mail import letter_email

        with self.db.session(readonly=True) as session:
            doc = get_document(document_id, session=session)
            attachment = None
            if pdf:
                from tillitsvalgt.letters.pdf import docx_to_pdf

                attachment = docx_to_pdf(document_content(document_id, session=session))
            sender = letter_signer(
                doc.case_id, session=session, profile_uuid=self.setup.profile_uuid
            )
            return letter_email(
                document_id,
                session=session,
                now=datetime.now(UTC),
                sender=sender,
                form=None if form is None else "nn" if form == "nn" else "nb",
                pdf=attachment,
            )

    def daily_duties(self) -> str:
        """What the app does once a day on start: a backup when the data changed, and
        today's verdict on every case (the timing depends on the day). Meant for a
        background thread: at 100 000 cases the verdicts take a few seconds. Returns a
        line for the status bar ("" when there was nothing to do)."""

        said = []
        try:
            made = self.auto_backup()
        except UserError as exc:
            said.append(f"Automatisk sikkerhetskopi feilet: {exc.message}")
        else:
            if made is not None:
                said.append(f"Sikkerhetskopi tatt: {made.name}")
        with self.db.session() as session:
            # A slice at a time committed: a shared database's rows are not held for
            # the whole refresh (an office's million cases: minutes).
            stored = refresh_all_verdicts(
                session=session, today=self.today(), catalogue=self.catalogue, commit_each=True
            )
        if stored:
            said.append(f"Vurderingen er oppdatert for {count(stored, 'sak', 'saker')}.")
        return "  ·  ".join(said)  # separate lines of news, not one run-on sentence

    def assess(
        self, ref: str | int | None = None, *, day: date | None = None, use_register: bool = False
    ) -> tuple[list[tuple[str, str, Assessment]], tuple[str, ...]]:
        """One case's verdict, or every case's, as (number, title, assessment), and where
        the employer register differs from the facts the one case is judged on. As of
        ``day`` (None: today); only today's verdict is stored, never a "what if". With
        ``use_register`` the case first takes the register's facts (one case only)."""

        if use_register and ref is None:
            raise UserError("--use-register gjelder én sak: oppgi saksnummeret.")
        store = day is None
        when = self.today() if day is None else day
        with self.db.session(readonly=not (store or use_register)) as session:
            if ref is not None:
                if use_register:
                    current = get_case(ref, session=session)
                    adopt_employer_facts(ref, version=current.version, session=session)
                one = assess_case(
                    ref, session=session, today=when, catalogue=self.catalogue, store=store
                )
                return [(one.case.number, one.case.title, one.assessment)], one.register_differs
            results = []
            for case_id, number, title, judged in assess_all(
                session=session, today=when, catalogue=self.catalogue
            ):
                if store:
                    store_verdict(case_id, judged, self.catalogue, session=session)
                results.append((number, title, judged))
            return results, ()

    def refresh_all_verdicts(self) -> int:
        """Every case's stored verdict judged again (after the catalogue changed); how
        many changed. For a background thread, like ``daily_duties``."""

        with self.db.session() as session:
            return refresh_all_verdicts(
                session=session, today=self.today(), catalogue=self.catalogue
            )

    def auto_backup(self) -> Path | None:
        """The backup the app takes when it starts: at most once a day, and only when
        something changed; the new file, or None."""

        return auto_backup(self.db)

    def backup_now(self, keep: int | None = None) -> Path:
        """A backup now; ``keep`` the number of newest ones kept (besides one a day for
        two weeks and one a month for a year; None: the usual number)."""

        return backup_sqlite(self.db, reason="manuell", keep=DEFAULT_KEEP if keep is None else keep)

    def integrity_problems(self) -> list[str]:
        """What is wrong with the database: its pages first, then (when they hold
        together) every journaled letter whose bytes changed since it was stored."""
        from tillitsvalgt.services.documents import changed_documents

        problems = list(integrity_check(self.db).problems)
        if not problems:
            with self.db.session(readonly=True) as session:
                problems += changed_documents(session=session)
        return problems

    @property
    def keeps_backups(self) -> bool:
        """Backups are the app's on SQLite; a PostgreSQL server keeps its own."""
        return self.db.location.is_sqlite

    def backups(self) -> list[BackupInfo]:
        """The backups, newest first (none on PostgreSQL: the server keeps those)."""

        return describe_backups(self.db) if self.db.location.is_sqlite else []

    def check_backup(self, file: Path) -> IntegrityReport:

        return check_file(file)

    def restore_backup(self, file: Path) -> Path:
        """Replace the database with ``file`` (checked first; refused when damaged). The
        current database is backed up first; that safety backup is returned."""

        return restore(self.db, file)

    # ----------------------------------------------------------------- the union office's work

    def escalation_stages(self, ref: str | int) -> list[EscalationRead]:

        with self.db.session(readonly=True) as session:
            return escalation.list_stages(ref, session=session)

    def record_escalation(self, ref: str | int, data: StageInput) -> EscalationRead:
        """Record a stage the case reached (or its outcome); its timeline event follows."""

        with self.db.session() as session:
            return escalation.record_stage(ref, data, session=session)

    def remove_escalation(self, ref: str | int, stage: str) -> None:

        with self.db.session() as session:
            escalation.remove_stage(ref, stage, session=session)

    def groups(self) -> list[GroupSummary]:
        from tillitsvalgt.services import groups

        with self.db.session(readonly=True) as session:
            return groups.list_groups(session=session)

    def get_group(self, group_ref: str | int) -> CaseGroupRead:
        from tillitsvalgt.services import groups

        with self.db.session(readonly=True) as session:
            return groups.get_group(group_ref, session=session)

    def group_cases(self, group_ref: str | int) -> tuple[CaseGroupRead, list[CaseRead]]:
        """The group and its live cases, in number order."""
        from tillitsvalgt.services import groups

        with self.db.session(readonly=True) as session:
            group = groups.get_group(group_ref, session=session)
            numbers = groups.group_case_numbers(group.id, session=session)
            return group, [get_case(n, session=session) for n in numbers]

    def create_group(self, data: CaseGroupCreate, cases: Collection[str]) -> CaseGroupRead:
        """A new group with ``cases`` linked to it (they take its dates), in one unit of
        work: a case that cannot take them leaves no group behind."""
        from tillitsvalgt.services import groups

        with self.db.session() as session:
            group = groups.create_group(data, session=session)
            groups.add_cases(group.id, cases, session=session)
            return group

    def join_group(self, group_ref: str | int, cases: Collection[str]) -> list[str]:
        from tillitsvalgt.services import groups

        with self.db.session() as session:
            return groups.add_cases(group_ref, cases, session=session)

    def leave_group(self, ref: str | int) -> str:
        from tillitsvalgt.services import groups

        with self.db.session() as session:
            return groups.remove_case(str(ref), session=session)

    def update_group(
        self, group_ref: str | int, *, version: int | None = None, **changes: object
    ) -> tuple[CaseGroupRead, list[str]]:
        """Change the group and the dates of its cases; ``version`` the one the user's edit
        started from (None: a command that read nothing first changes what is stored)."""
        from tillitsvalgt.services import groups

        with self.db.session() as session:
            return groups.update_group(group_ref, version=version, session=session, **changes)

    def create_group_letters(
        self,
        group_ref: str | int,
        request: LetterRequest,
        folder: Path | None = None,
        *,
        pdf: bool = False,
    ) -> tuple[GroupLetters, list[Path]]:
        """One letter per case of the group, each journaled with its own number; with
        ``folder``, each also written there (and as PDF with ``pdf``). All or nothing: a
        case that refuses the letter, or a file that cannot be written, journals none and
        leaves no file."""
        from tillitsvalgt.output_paths import StagedFile, database_files
        from tillitsvalgt.services import group_letters

        staged: list[StagedFile] = []
        try:
            with self.db.session() as session:
                made = group_letters.create_group_letters(
                    group_ref, request, session=session, today=self.today(), setup=self.setup
                )
                if folder is not None:
                    staged = group_letters.stage_letters(
                        made.letters,
                        folder,
                        pdf=pdf,
                        protected=database_files(self.db.location.file),
                    )
        except BaseException:
            group_letters.discard_all(staged)
            raise
        return made, group_letters.publish_all(staged, made.letters)

    def pack_in_use(self) -> str | None:
        """The union office's pack in use («Forbundet 2027.1»), or None."""
        from tillitsvalgt.services import pack

        return pack.current_pack(self.data_dir)

    def newer_pack(self) -> tuple[Path, str] | None:
        """The newer pack (file, label) at the configured place, if there is one; a shared
        folder that cannot be reached is no error."""
        from tillitsvalgt.services import pack

        return pack.newer_pack(self.data_dir)

    def newer_pack_notice(self) -> str | None:
        """A line for the user when a newer pack waits at the configured place."""
        from tillitsvalgt.services import pack

        return pack.newer_pack_notice(self.data_dir)

    def import_pack(self, place: Path, *, watch: bool = False) -> PackInfo:
        """Take a pack (a file, or the newest in a folder) into use: checked whole first.
        A folder — or with ``watch`` the file's folder — is remembered, and a newer pack
        there is then told of (``newer_pack``). The templates and union name are used at
        once; the catalogue from ``reload_catalogue`` (F5 in the window, which also judges
        every case again)."""

        from tillitsvalgt.services import pack

        place = place.expanduser()
        file = place
        if place.is_dir():
            found = pack.newest_in(place)
            if found is None:
                raise UserError(f"Det ligger ingen pakke (.zip) i {place}. Ingenting er endret.")
            file = found[0]
        try:
            data = read_limited(file, pack.MAX_PACK_BYTES, what="Pakken")
        except OSError as exc:
            raise UserError(f"Kan ikke lese {file}: {os_reason(exc)}.") from None
        info = pack.install_pack(data, str(file), self.data_dir)
        if place.is_dir() or watch:
            folder = place if place.is_dir() else place.parent
            settings.save("pack_source", str(folder.resolve()), self.data_dir)
        chosen = settings.load(self.data_dir)
        self.setup = dataclasses.replace(
            self.setup,
            template_folder=template_folder(None, chosen.get("templates")),
            union_name=chosen.get("union") or self.setup.union_name,
            pack_version=chosen.get("pack"),
        )
        return info


def _shown_name(name: str) -> str:
    """A file's name as a document's title: a name is not typed by the user, so what no
    text field may hold is replaced rather than refused — bytes that are not UTF-8 (a name
    from an old archive arrives with surrogates) by «\ufffd», control characters such as
    a line break by «_»."""
    import unicodedata

    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    text = "".join(
        "_" if unicodedata.category(ch) == "Cc" or ch in "\ufffe\uffff" else ch for ch in text
    )
    return text.strip()[:200].strip()


@dataclass(frozen=True)
class DeadlineRow:
    deadline: DeadlineRead
    case_number: str
    case_title: str
    overdue: bool
    case_status: str = "open"
    demo: bool = False  # an example case: tagged «DEMO» as in the case list


@dataclass(frozen=True)
class DeadlineCount:
    """Running deadlines listed and overdue, each counted to ``COUNT_CAP`` at most; a
    capped figure is «over» it."""

    listed: int
    overdue: int
    listed_capped: bool = False
    overdue_capped: bool = False


def make_report(
    workspace: Workspace,
    request: ReportRequest,
    out: Path,
    xlsx: Path | None = None,
    progress: Progress | None = None,
    csv: Path | None = None,
) -> Path:
    """The landsmøte report written to ``out`` (and ``xlsx``, ``csv``); ``progress`` is
    told of each of the four steps and may cancel between them."""
    return workspace.report(request, out, xlsx=xlsx, progress=progress, csv=csv).docx


def _import_source(file: Path, mapping: ColumnMapping | None) -> Source:
    """A file to import, read and checked when its ``load`` is called (in the several-file
    import, in the reading thread)."""
    from tillitsvalgt.services.bundle_files import Prepared, Source

    file = file.expanduser()

    def load() -> Prepared:
        if file.suffix.lower() in (".xlsx", ".csv"):
            from tillitsvalgt.services.spreadsheet_import import load_sheet
            from tillitsvalgt.services.transfer import parse_bundle

            loaded = load_sheet(file, mapping=mapping)
            return Prepared(
                parse_bundle(loaded.items, names=loaded.names), tuple(loaded.unused_columns)
            )
        try:
            data = read_limited(file, IMPORT_LIMIT, what="Importfilen")
        except FileNotFoundError:
            raise UserError(f"Finner ikke filen {file}. Ingenting er importert.") from None
        except OSError as exc:
            raise UserError(
                f"Kan ikke lese {file}: {os_reason(exc)}. Ingenting er importert."
            ) from None
        return Prepared(_bundle_items(data, str(file)))

    return Source(str(file), load)


def _bundle_items(data: bytes, source: str) -> list[BundleItem]:
    """A bundle file's bytes read and checked (``source`` names it in messages)."""
    from tillitsvalgt.services.transfer import parse_text

    try:
        # utf-8-sig: Windows editors put a byte order mark first; it is not content.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{source} er ikke en tekstfil i UTF-8 (ugyldig byte ved posisjon {exc.start}); "
            "lagre den som UTF-8 og prøv igjen. Ingenting er importert."
        ) from None
    return parse_text(text, source)
