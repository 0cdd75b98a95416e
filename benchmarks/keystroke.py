"""The common-word search keystroke at 100 000 cases, what the window waits for before the
page shows: ``list_cases(CaseQuery(text="hjemmekontor"), count=False)`` in a read-only
session (the page of 200 and the count that decides its plan), with the plan decided on the
whole words first (now) and on the prefix alone (before), interleaved in one process so both
see the same machine; wall time and the thread's CPU time, medians.

Run: ``python -m benchmarks.keystroke [--repeat 60] [--word hjemmekontor]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "out" / "n100000"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.keystroke")
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--word", default="hjemmekontor")
    args = parser.parse_args(argv)
    from tillitsvalgt.services import cases
    from tillitsvalgt.services.cases import CaseQuery, list_cases
    from tillitsvalgt.workspace import Workspace

    ws = Workspace.open(data_dir=OUT)
    whole_words_first = cases._capped_total

    def prefix_only(conn: Any, shape: Any, params: dict[str, Any]) -> int:
        # The code before: the capped count on the prefix query alone.
        return int(conn.execute(cases._capped_count_statement(shape), params).scalar_one())

    query = CaseQuery(text=args.word, limit=200)
    modes = {"before (prefix count)": prefix_only, "now (whole words first)": whole_words_first}
    runs: dict[str, list[tuple[float, float]]] = {m: [] for m in modes}
    pages = {}
    for i in range(args.repeat + 3):
        for name, total in modes.items() if i % 2 else reversed(modes.items()):
            cases._capped_total = total  # type: ignore[assignment]
            wall, cpu = time.perf_counter(), time.thread_time()
            with ws.db.session(readonly=True) as session:
                page = list_cases(query, session=session, count=False)
            if i >= 3:
                runs[name].append((time.perf_counter() - wall, time.thread_time() - cpu))
            pages[name] = [r.id for r in page.rows]
    cases._capped_total = whole_words_first  # type: ignore[assignment]
    assert len(set(map(tuple, pages.values()))) == 1, "the two plans gave different pages"
    for name, values in runs.items():
        wall_ms = statistics.median(w for w, _ in values) * 1000
        cpu_ms = statistics.median(c for _, c in values) * 1000
        print(
            f"gui.keystroke_page «{args.word}» {name}: wall {wall_ms:.1f} ms, "
            f"CPU {cpu_ms:.1f} ms (median of {len(values)})"
        )
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
