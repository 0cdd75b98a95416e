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


def main() -> int:
    import sqlalchemy as sa

    from tillitsvalgt.db import Database
    from tillitsvalgt.reports.cube import ReportRequest
    from tillitsvalgt.services.report_data import report_data

    db_file = OUT / "tillitsvalgt.db"
    if not db_file.exists():
        print(f"{db_file} finnes ikke; kjør «python -m benchmarks» først.")
        return 1
    db = Database.open(data_dir=OUT)
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
    ours_s, floor_s = _median_s(ours), _median_s(floor)
    print(f"Landsmøterapport over {cases} saker ({len(data.cells)} celler i kuben)\n")
    print(f"{'figure':<20}{'s':>8}{'floor s':>10}{'ratio':>8}  goal")
    print(f"{'report.aggregate':<20}{ours_s:>8.2f}{floor_s:>10.2f}{ours_s / floor_s:>8.2f}  ≤ 2×")

    import tempfile

    from tillitsvalgt.reports.build import make_report

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

        whole_s = _median_s(whole, repeat=5)
    print(f"{'report.whole':<20}{whole_s:>8.2f}{'–':>10}{'–':>8}  < 3 s")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
