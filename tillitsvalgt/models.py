"""Until every import names ``shapes`` or ``tables``: the old home of both, re-exported.

To be removed by the import rewrite (docs/architecture.md)."""

from __future__ import annotations

from tillitsvalgt.shapes import CaseBase as CaseBase
from tillitsvalgt.shapes import CaseCreate as CaseCreate
from tillitsvalgt.shapes import CaseGroupBase as CaseGroupBase
from tillitsvalgt.shapes import CaseGroupCreate as CaseGroupCreate
from tillitsvalgt.shapes import CaseGroupRead as CaseGroupRead
from tillitsvalgt.shapes import CaseListRow as CaseListRow
from tillitsvalgt.shapes import CasePage as CasePage
from tillitsvalgt.shapes import CaseRead as CaseRead
from tillitsvalgt.shapes import CaseUpdate as CaseUpdate
from tillitsvalgt.shapes import ChecklistAnswerBase as ChecklistAnswerBase
from tillitsvalgt.shapes import ChecklistAnswerRead as ChecklistAnswerRead
from tillitsvalgt.shapes import ChecklistAnswerSet as ChecklistAnswerSet
from tillitsvalgt.shapes import DeadlineBase as DeadlineBase
from tillitsvalgt.shapes import DeadlineCreate as DeadlineCreate
from tillitsvalgt.shapes import DeadlineExtensionRead as DeadlineExtensionRead
from tillitsvalgt.shapes import DeadlineRead as DeadlineRead
from tillitsvalgt.shapes import DocumentBase as DocumentBase
from tillitsvalgt.shapes import DocumentCreate as DocumentCreate
from tillitsvalgt.shapes import DocumentRead as DocumentRead
from tillitsvalgt.shapes import EmployerBase as EmployerBase
from tillitsvalgt.shapes import EmployerCreate as EmployerCreate
from tillitsvalgt.shapes import EmployerRead as EmployerRead
from tillitsvalgt.shapes import EmployerUpdate as EmployerUpdate
from tillitsvalgt.shapes import EscalationRead as EscalationRead
from tillitsvalgt.shapes import EventBase as EventBase
from tillitsvalgt.shapes import EventCreate as EventCreate
from tillitsvalgt.shapes import EventRead as EventRead
from tillitsvalgt.shapes import EventRevisionRead as EventRevisionRead
from tillitsvalgt.shapes import EventUpdate as EventUpdate
from tillitsvalgt.shapes import RepresentativeBase as RepresentativeBase
from tillitsvalgt.shapes import RepresentativeCreate as RepresentativeCreate
from tillitsvalgt.shapes import RepresentativeRead as RepresentativeRead
from tillitsvalgt.shapes import RepresentativeUpdate as RepresentativeUpdate
from tillitsvalgt.shapes import case_date_problems as case_date_problems
from tillitsvalgt.tables import Case as Case
from tillitsvalgt.tables import CaseCounter as CaseCounter
from tillitsvalgt.tables import CaseGroup as CaseGroup
from tillitsvalgt.tables import ChangeHistory as ChangeHistory
from tillitsvalgt.tables import ChecklistAnswer as ChecklistAnswer
from tillitsvalgt.tables import Deadline as Deadline
from tillitsvalgt.tables import DeadlineExtension as DeadlineExtension
from tillitsvalgt.tables import Document as Document
from tillitsvalgt.tables import Employer as Employer
from tillitsvalgt.tables import Escalation as Escalation
from tillitsvalgt.tables import Event as Event
from tillitsvalgt.tables import EventRevision as EventRevision
from tillitsvalgt.tables import Representative as Representative
from tillitsvalgt.tables import UTCDateTime as UTCDateTime
from tillitsvalgt.tables import new_cell_key as new_cell_key
from tillitsvalgt.tables import utcnow as utcnow
