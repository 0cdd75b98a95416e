"""The landsmøte report from a database to files: the one pipeline the command line and the
window share.

Counted in SQL (``services/report_data.py``), suppressed, the marked case summaries
anonymised, drawn, and written atomically: a cancelled or failed report leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tillitsvalgt import paths
from tillitsvalgt.db import Database
from tillitsvalgt.errors import CancelledError
from tillitsvalgt.reports.anonymise import appendix_entries
from tillitsvalgt.reports.cube import ReportRequest

Progress = Callable[[int, int], bool]
"""Told (step done, steps in all); returning False cancels before the next step."""

STEPS = 4


@dataclass(frozen=True)
class ReportFiles:
    docx: Path
    xlsx: Path | None
    cases: int
    summaries: int


def make_report(
    db: Database,
    request: ReportRequest,
    *,
    today: date,
    union_name: str | None,
    out: Path,
    xlsx: Path | None = None,
    progress: Progress | None = None,
) -> ReportFiles:
    from tillitsvalgt.reports.documents import report_docx, report_xlsx
    from tillitsvalgt.reports.figures import make_figures
    from tillitsvalgt.reports.suppression import suppress_figures
    from tillitsvalgt.services.report_data import (
        appendix_sources,
        known_person_names,
        report_data,
    )

    def step(done: int) -> None:
        if progress is not None and not progress(done, STEPS):
            raise CancelledError("Rapporten ble avbrutt; ingen fil er skrevet.")

    step(0)
    with db.session(readonly=True) as session:
        data = report_data(request, session=session, today=today)
        sources = appendix_sources(request, session=session)
        names = known_person_names(session=session) if sources else []
    step(1)
    figures = make_figures(data)
    shown = suppress_figures(figures)
    entries = appendix_entries(
        sources, names=names, anonymise_employers=request.anonymise_employers
    )
    step(2)
    document = report_docx(figures, shown, union_name=union_name, summaries=entries)
    sheet = report_xlsx(figures, shown) if xlsx is not None else None
    step(3)
    written = paths.write_atomically(out, document)
    sheet_file = paths.write_atomically(xlsx, sheet) if xlsx is not None and sheet else None
    step(4)
    return ReportFiles(written, sheet_file, sum(c.cases for c in data.cells), len(entries))
