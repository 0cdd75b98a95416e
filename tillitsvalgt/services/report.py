"""The landsmøte report from a database to files: the one pipeline the command line and the
window share.

Counted in SQL (``services/report_data.py``), suppressed, the marked case summaries
anonymised, drawn, and written atomically: a cancelled or failed report leaves no file.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tillitsvalgt import paths
from tillitsvalgt.db import Database
from tillitsvalgt.errors import CancelledError
from tillitsvalgt.reports.anonymise import appendix_entries
from tillitsvalgt.reports.cube import CubeCell, ReportRequest

Counted = tuple[int, int]  # cases, and the sum of their cell keys
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
    csv: Path | None = None,
) -> ReportFiles:
    from tillitsvalgt.reports.cellkey import protect_figures
    from tillitsvalgt.reports.documents import (
        chart_style,
        report_charts,
        report_csv,
        report_docx,
        report_xlsx,
    )
    from tillitsvalgt.reports.figures import make_figures
    from tillitsvalgt.reports.output_check import check_whole_quarters
    from tillitsvalgt.services.report_data import (
        appendix_sources,
        cube_cells,
        known_person_names,
        report_extras,
        with_extras,
    )

    check_whole_quarters(request.start, request.end)

    def step(done: int) -> None:
        if progress is not None and not progress(done, STEPS):
            raise CancelledError("Rapporten ble avbrutt; ingen fil er skrevet.")

    def cube() -> tuple[CubeCell, ...]:
        with db.session(readonly=True) as session:
            return cube_cells(request, session=session, today=today)

    step(0)
    # The cube is the largest statement: it runs on a connection of its own while this
    # thread runs the other statements one after another (the drivers let other threads
    # run while the database works). On two cores that is two threads of about the same
    # length, each with a core: the counting takes about the cube's time. (A third thread
    # for the checklist shared the cores three ways and ended 0.3 s later at 100 000
    # cases; the cube in two parts by ranges of case id was slower too, 0.2 s at 100 000
    # cases on SQLite and 3.7 s at 1 000 000 on PostgreSQL: benchmarks/README.md.)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-db") as pool:
        counted = pool.submit(cube)
        with db.session(readonly=True) as session:
            extras = report_extras(request, session=session, today=today)
            sources = appendix_sources(request, session=session)
            names = known_person_names(session=session) if sources else []
        cells = counted.result()
    data = with_extras(request, today, cells, extras)
    step(1)
    figures = make_figures(data)
    shown = protect_figures(figures)
    entries = appendix_entries(
        sources, names=names, anonymise_employers=request.anonymise_employers
    )
    step(2)
    # The charts are started first: where a second core can, a child draws them while
    # the spreadsheet and the Word file's tables are written (reports/chart_worker.py).
    with chart_style(), report_charts(figures, shown) as charts:
        sheet = report_xlsx(figures, shown) if xlsx is not None else None
        table_rows = report_csv(figures, shown) if csv is not None else None
        document = report_docx(
            figures, shown, union_name=union_name, summaries=entries, charts=charts
        )
    step(3)
    # The spreadsheet first: if it cannot be written, no Word file is left either, and
    # if the Word file then fails, the spreadsheet is taken away again.
    extra: list[Path] = []
    try:
        if xlsx is not None and sheet:
            extra.append(paths.write_atomically(xlsx, sheet))
        if csv is not None and table_rows:
            extra.append(paths.write_atomically(csv, table_rows))
        written = paths.write_atomically(out, document)
    except BaseException:
        for file in extra:
            file.unlink(missing_ok=True)
        raise
    sheet_file = xlsx.expanduser() if xlsx is not None and sheet else None
    step(4)
    return ReportFiles(written, sheet_file, sum(c.cases for c in data.cells), len(entries))
