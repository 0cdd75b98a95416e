"""The desktop app's case list at 100 000 cases: what a representative waits for.

Measured on the cached generated database (``python -m benchmarks`` makes it), with the
real Qt model on the offscreen platform:

* ``gui.reload`` — the list's model reloaded (a filter chosen, or the app opened): one
  ``Workspace.list_cases`` page of 200 rows and the model reset;
* ``gui.keystroke`` — one search keystroke's work after the 150 ms typing pause: the same,
  with a search word;
* ``gui.scroll`` — the view scrolled to the end of what is loaded: ``fetchMore`` of the next
  200 rows.

The floor of each is the same page read with raw ``sqlite3``, the service's SQL written by
hand (``case_list.floor_query``); the ratio shows what the model and the app's session
add. Run: ``python -m benchmarks.gui_list``.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OUT = Path(__file__).resolve().parent / "out" / "n100000"
GOAL_MS = 50.0  # what feels instant after a keystroke, with the 150 ms pause on top


def _median_ms(fn: Callable[[], object], repeat: int = 30) -> float:
    for _ in range(3):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from benchmarks.case_list import connect_raw, floor_query, run_floor
    from tillitsvalgt.services.cases import CaseQuery
    from tillitsvalgt.workspace import Workspace
    from ui.models.case_table import PAGE, CaseTableModel

    db_file = OUT / "tillitsvalgt.db"
    if not db_file.exists():
        print(f"{db_file} finnes ikke; kjør «python -m benchmarks» først (lager 100 000 saker).")
        return 1
    _app = QApplication.instance() or QApplication([])
    ws = Workspace.open(data_dir=OUT)
    model = CaseTableModel(ws.list_cases)
    raw = connect_raw(db_file)

    def floor(query: CaseQuery) -> Callable[[], object]:
        # The same page, as case_list.py's floor: the service's SQL by hand, raw sqlite3.
        fq = floor_query(dataclasses.replace(query, limit=PAGE))
        return lambda: run_floor(raw, fq)

    def scroll() -> None:
        model.reload(CaseQuery())
        model.fetchMore()

    first, second = floor(CaseQuery()), floor(CaseQuery(offset=PAGE))
    figures = [
        (
            "gui.reload",
            "model reset, first 200 rows",
            lambda: model.reload(CaseQuery()),
            first,
        ),
        (
            "gui.keystroke",
            "search «landskap», model reset",
            lambda: model.reload(CaseQuery(text="landskap")),
            floor(CaseQuery(text="landskap")),
        ),
        ("gui.scroll", "reload + fetchMore (400 rows)", scroll, lambda: (first(), second())),
    ]
    model.reload(CaseQuery())
    print(f"Case list in the desktop app, {model.total} cases\n")
    print(f"{'figure':<16}{'what':<34}{'ms':>8}{'floor ms':>10}{'ratio':>8}")
    for name, what, ours, base in figures:
        ours_ms = _median_ms(ours)
        floor_ms = _median_ms(base)
        print(f"{name:<16}{what:<34}{ours_ms:>8.1f}{floor_ms:>10.1f}{ours_ms / floor_ms:>8.2f}")
    print(f"\nGoal: each under {GOAL_MS:.0f} ms.")
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
