"""The start's head start: the database opened, and a remembered search's first page begun
off this thread, before Qt's widgets are loaded.

Loading QtWidgets and the window's modules is ≈ 0.2 s of the start in which the database
has nothing to do; a remembered search's first page is tens of ms of SQL (it gathers the
hits), which the window otherwise waited for at the end of its building. Begun here it
is read while Python loads the rest. Only the core and ``QtCore`` are imported here."""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from tillitsvalgt.workspace import Workspace
from ui.list_memory import APPLICATION, ORGANISATION, PageAhead, remembered_query
from ui.workers import Background


@dataclass
class HeadStart:
    """The workspace opened (or why it could not be), and the remembered search's page
    being read."""

    workspace: Workspace | None
    failure: Exception | None = None
    first_page: PageAhead | None = None

    def take_workspace(self) -> Workspace:
        """The workspace, or what opening it raised (raised here, where the window's
        start handles it as it handles ``Workspace.open``'s)."""
        if self.failure is not None:
            raise self.failure
        assert self.workspace is not None
        return self.workspace


def begin(
    *,
    data_dir: str | os.PathLike[str] | None,
    database_url: str | None,
    catalogue: str | None,
    settings: QSettings | None = None,
) -> HeadStart:
    """``settings``: the window's (default: the application's, as ``ui.app.run`` makes
    them)."""
    try:
        workspace = Workspace.open(
            data_dir=data_dir, database_url=database_url, catalogue=catalogue
        )
    except Exception as exc:  # the window's start shows it (a message, or the crash dialog)
        return HeadStart(None, failure=exc)
    settings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)
    query = remembered_query(settings, workspace.today())
    if query is None:
        # The plain list's page is mostly Python: read beside the imports it would only
        # take turns with them at Python's lock.
        return HeadStart(workspace)
    future = Background().ahead(lambda: workspace.list_cases(query, count=False))
    return HeadStart(workspace, first_page=None if future is None else PageAhead(query, future))
