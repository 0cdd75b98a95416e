"""The door the desktop app goes through: one open database, the settings' choices, the
catalogue, and one method per thing a user does — each its own unit of work, returning
plain read shapes. The GUI holds a Workspace and never a session (design: "services are
the door"); the command line uses the services directly.

"Today" comes from a clock the caller can replace, so the GUI tests are not at the mercy
of the calendar."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tillitsvalgt.db import Database
from tillitsvalgt.models import (
    CasePage,
    CaseRead,
    DeadlineRead,
    DocumentRead,
    EmployerRead,
    EventRead,
)
from tillitsvalgt.rules.types import Assessment, Catalogue, SuggestedLetter
from tillitsvalgt.services.cases import CaseQuery
from tillitsvalgt.services.letters import Letter, LetterRequest, LetterSetup


@dataclass(frozen=True)
class CaseDetail:
    case: CaseRead
    employer: EmployerRead
    events: list[EventRead]
    documents: list[DocumentRead]
    deadlines: list[DeadlineRead]
    assessment: Assessment
    agreement_name: str  # the employer's main agreement, in words


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
        self.catalogue = catalogue
        self.setup = setup
        self.data_dir = data_dir
        self.clock = clock
        self.warnings = warnings  # e.g. a broken custom catalogue, shown once by the GUI

    @classmethod
    def open(
        cls,
        *,
        data_dir: str | os.PathLike[str] | None = None,
        database_url: str | None = None,
        catalogue: str | None = None,
        clock: Callable[[], date] = date.today,
    ) -> Workspace:
        from tillitsvalgt import settings
        from tillitsvalgt.letters.templates import template_folder
        from tillitsvalgt.rules.catalogue import catalogue_for
        from tillitsvalgt.services.assessments import CATALOGUE

        chosen = settings.load(data_dir)
        loaded, problems = catalogue_for(settings.catalogue_path(catalogue, data_dir))
        db = Database.open(database_url=database_url, data_dir=data_dir)
        db.session_info[CATALOGUE] = loaded
        setup = LetterSetup(
            catalogue=loaded,
            template_folder=template_folder(None, chosen.get("templates")),
            union_name=chosen.get("union"),
            profile_uuid=chosen.get("profile"),
        )
        return cls(
            db,
            catalogue=loaded,
            setup=setup,
            data_dir=data_dir,
            clock=clock,
            warnings=tuple(str(p) for p in problems),
        )

    def close(self) -> None:
        self.db.dispose()

    def today(self) -> date:
        return self.clock()

    @property
    def location(self) -> str:
        return self.db.location.describe()  # a server URL without its password

    # ----------------------------------------------------------------- cases

    def list_cases(self, query: CaseQuery) -> CasePage:
        from tillitsvalgt.services.cases import list_cases

        with self.db.session(readonly=True) as session:
            return list_cases(query, session=session)

    def case_detail(self, ref: str | int) -> CaseDetail:
        from tillitsvalgt.services import deadlines, documents, events
        from tillitsvalgt.services.assessments import assess_case
        from tillitsvalgt.services.employers import get_employer

        with self.db.session(readonly=True) as session:
            judged = assess_case(ref, session=session, today=self.today(), catalogue=self.catalogue)
            case = judged.case
            employer = get_employer(case.employer_id, session=session)
            agreement = self.catalogue.agreements.get(employer.agreement)
            return CaseDetail(
                case=case,
                employer=employer,
                agreement_name=agreement.name if agreement else "ingen hovedavtale registrert",
                events=events.list_events(case.id, session=session),
                documents=documents.list_documents(case.id, session=session),
                deadlines=deadlines.list_deadlines(case.id, session=session),
                assessment=judged.assessment,
            )

    def employers(self) -> list[EmployerRead]:
        from tillitsvalgt.services.employers import list_employers

        with self.db.session(readonly=True) as session:
            return list_employers(session=session)

    # ----------------------------------------------------------------- letters

    def suggest_letters(self, ref: str | int) -> list[SuggestedLetter]:
        from tillitsvalgt.services.letters import suggest_letters

        with self.db.session(readonly=True) as session:
            return suggest_letters(
                ref, session=session, today=self.today(), catalogue=self.catalogue
            )

    def preview_letter(self, ref: str | int, request: LetterRequest) -> Letter:
        from tillitsvalgt.services.letters import preview_letter

        with self.db.session(readonly=True) as session:
            return preview_letter(
                ref, request, session=session, today=self.today(), setup=self.setup
            )

    def create_letter(
        self, ref: str | int, request: LetterRequest, *, out: Path | None = None, pdf: bool = False
    ) -> Letter:
        """Journal the letter; with ``out``, also write the file (as PDF with ``pdf``) inside
        the same unit of work, so a file that cannot be written leaves nothing journaled."""
        from tillitsvalgt import paths
        from tillitsvalgt.services.letters import create_letter

        with self.db.session() as session:
            letter = create_letter(
                ref, request, session=session, today=self.today(), setup=self.setup
            )
            if out is not None:
                if pdf:
                    from tillitsvalgt.letters.pdf import docx_to_pdf

                    paths.write_atomically(out, docx_to_pdf(letter.content))
                else:
                    paths.write_atomically(out, letter.content)
            return letter

    def mark_letter_sent(self, document_id: int, sent_on: date) -> DocumentRead:
        from tillitsvalgt.services.letters import mark_letter_sent

        with self.db.session() as session:
            return mark_letter_sent(document_id, sent_on=sent_on, session=session)

    def document_content(self, document_id: int) -> bytes:
        from tillitsvalgt.services.documents import document_content

        with self.db.session(readonly=True) as session:
            return document_content(document_id, session=session)
