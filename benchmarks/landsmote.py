"""The landsmøte report over the cached 100 000-case database.

* ``report.aggregate`` — ``report_data``: the cube of counts, the days to drøfting and the
  employers, all years. Its floor is the very same SQL statements and parameters (captured
  from the app's run) replayed through raw ``sqlite3``: the ratio is what the app adds to
  the database's own work. Goal: within 2×.
* ``report.whole`` — the aggregation plus the tables, the suppression, the Word report with
  its charts and the spreadsheet, in memory. Goal: under 3 s.

Run: ``python -m benchmarks.landsmote`` (after ``python -m benchmarks`` made the database).
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.report import Figure, table

OUT = Path(__file__).resolve().parent / "out" / "n100000"
TODAY = date(2026, 11, 22)


def _median_s(fn: Callable[[], object], repeat: int = 5) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(data_dir: Path = OUT, *, repeat: int = 5) -> list[Figure]:
    """The report's two figures on the database in ``data_dir``."""
    import tempfile

    import sqlalchemy as sa

    from tillitsvalgt.db import Database
    from tillitsvalgt.reports.cube import ReportRequest
    from tillitsvalgt.services.report import make_report
    from tillitsvalgt.services.report_data import report_data

    db_file = data_dir / "tillitsvalgt.db"
    db = Database.open(data_dir=data_dir)
    # The span the generated cases cover (their first dates run from December 2021), by
    # year: the report a union office would make of all its data.
    request = ReportRequest(start=date(2021, 1, 1), end=date(2026, 12, 31))

    def ours() -> Any:
        with db.session(readonly=True) as session:
            return report_data(request, session=session, today=TODAY)

    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            captured.append((statement, params))

    sa.event.listen(db.engine, "before_cursor_execute", capture)
    data = ours()
    sa.event.remove(db.engine, "before_cursor_execute", capture)
    raw = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)

    def floor() -> None:
        for statement, params in captured:
            raw.execute(statement, params).fetchall()

    cases = sum(c.cases for c in data.cells)
    ours_s, floor_s = _median_s(ours, repeat), _median_s(floor, repeat)
    with tempfile.TemporaryDirectory() as tmp:

        def whole() -> None:
            # The real pipeline, as «tillitsvalgt report» runs it: counted (the cube
            # beside the other statements), suppressed, drawn, both files written.
            make_report(
                db,
                request,
                today=TODAY,
                union_name="Forbundet",
                out=Path(tmp) / "rapport.docx",
                xlsx=Path(tmp) / "rapport.xlsx",
            )

        whole_s = _median_s(whole, repeat)
    raw.close()
    db.dispose()
    return [
        Figure(
            "report.aggregate",
            ours_s,
            "s",
            floor_s,
            what=f"cube of {cases} cases, {len(data.cells)} cells",
            max_ratio=2.0,
        ),
        Figure("report.whole", whole_s, "s", None, what="counted, drawn, .docx + .xlsx", limit=3.0),
    ]


def main() -> int:
    if not (OUT / "tillitsvalgt.db").exists():
        print(f"{OUT / 'tillitsvalgt.db'} finnes ikke; kjør «python -m benchmarks» først.")
        return 1
    print(table(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
