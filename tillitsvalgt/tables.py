"""The database tables (``table=True``) and what only the store needs (the UTC column
type, the clock of the rows, a new case's cell key). Services and the store use these; the
GUI and letters never do (``.importlinter``): they hold the shapes of ``shapes.py``.

Defined in ``models.py``; ``tests/test_layers.py`` keeps ``shapes.py`` and this list
covering every class of ``models.py``, each in one of them."""

from __future__ import annotations

from tillitsvalgt.models import Case as Case
from tillitsvalgt.models import CaseCounter as CaseCounter
from tillitsvalgt.models import CaseGroup as CaseGroup
from tillitsvalgt.models import ChangeHistory as ChangeHistory
from tillitsvalgt.models import ChecklistAnswer as ChecklistAnswer
from tillitsvalgt.models import Deadline as Deadline
from tillitsvalgt.models import DeadlineExtension as DeadlineExtension
from tillitsvalgt.models import Document as Document
from tillitsvalgt.models import Employer as Employer
from tillitsvalgt.models import Escalation as Escalation
from tillitsvalgt.models import Event as Event
from tillitsvalgt.models import EventRevision as EventRevision
from tillitsvalgt.models import Representative as Representative
from tillitsvalgt.models import UTCDateTime as UTCDateTime
from tillitsvalgt.models import new_cell_key as new_cell_key
from tillitsvalgt.models import utcnow as utcnow
