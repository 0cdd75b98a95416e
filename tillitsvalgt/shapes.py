"""The shapes that cross the walls: what a form sends (Create/Update), what a service
returns (Read, the case list's rows and pages), and the check on a case's dates. Widgets and
letters hold these, never a table row; import them from here, so the contracts in
``.importlinter`` can check it (the GUI and letters may not import ``models`` or ``tables``).

The classes are defined in ``models.py`` (a table and its shapes share their fields there,
the SQLModel way); ``tests/test_layers.py`` keeps this list and ``tables.py`` covering every
class of ``models.py``, each in one of them."""

from __future__ import annotations

from tillitsvalgt.models import CaseBase as CaseBase
from tillitsvalgt.models import CaseCreate as CaseCreate
from tillitsvalgt.models import CaseGroupBase as CaseGroupBase
from tillitsvalgt.models import CaseGroupCreate as CaseGroupCreate
from tillitsvalgt.models import CaseGroupRead as CaseGroupRead
from tillitsvalgt.models import CaseListRow as CaseListRow
from tillitsvalgt.models import CasePage as CasePage
from tillitsvalgt.models import CaseRead as CaseRead
from tillitsvalgt.models import CaseUpdate as CaseUpdate
from tillitsvalgt.models import ChecklistAnswerBase as ChecklistAnswerBase
from tillitsvalgt.models import ChecklistAnswerRead as ChecklistAnswerRead
from tillitsvalgt.models import ChecklistAnswerSet as ChecklistAnswerSet
from tillitsvalgt.models import DeadlineBase as DeadlineBase
from tillitsvalgt.models import DeadlineCreate as DeadlineCreate
from tillitsvalgt.models import DeadlineExtensionRead as DeadlineExtensionRead
from tillitsvalgt.models import DeadlineRead as DeadlineRead
from tillitsvalgt.models import DocumentBase as DocumentBase
from tillitsvalgt.models import DocumentCreate as DocumentCreate
from tillitsvalgt.models import DocumentRead as DocumentRead
from tillitsvalgt.models import EmployerBase as EmployerBase
from tillitsvalgt.models import EmployerCreate as EmployerCreate
from tillitsvalgt.models import EmployerRead as EmployerRead
from tillitsvalgt.models import EmployerUpdate as EmployerUpdate
from tillitsvalgt.models import EscalationRead as EscalationRead
from tillitsvalgt.models import EventBase as EventBase
from tillitsvalgt.models import EventCreate as EventCreate
from tillitsvalgt.models import EventRead as EventRead
from tillitsvalgt.models import EventRevisionRead as EventRevisionRead
from tillitsvalgt.models import EventUpdate as EventUpdate
from tillitsvalgt.models import RepresentativeBase as RepresentativeBase
from tillitsvalgt.models import RepresentativeCreate as RepresentativeCreate
from tillitsvalgt.models import RepresentativeRead as RepresentativeRead
from tillitsvalgt.models import RepresentativeUpdate as RepresentativeUpdate
from tillitsvalgt.models import case_date_problems as case_date_problems
