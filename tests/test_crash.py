"""Nothing lost: a process writing cases and events through the real services is killed
with SIGKILL at random moments; after every kill the database opens, passes the integrity
check, and holds every change reported committed (see ``benchmarks/crash.py``).

About 20 kills by default; ``TILLITSVALGT_CRASH_KILLS=200`` for the full run
(``python -m benchmarks.crash`` prints the figures)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from benchmarks.crash import Entity, Expected, Lost, Stored, crash_test, parse_output, settle

KILLS_ENV = "TILLITSVALGT_CRASH_KILLS"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_killed_writer_loses_nothing_reported_committed(tmp_path: Path) -> None:
    kills = int(os.environ.get(KILLS_ENV, "20"))
    result = crash_test(tmp_path / "data", kills, seed=7)
    assert result.kills == kills and result.lost == 0
    # The kills must have hit real work, not an idle or dead worker.
    assert result.reported >= 3 * kills
    assert result.in_unit >= kills // 2


# The checker itself must notice a loss, or the test above proves nothing.


def _expected() -> Expected:
    expected = Expected()
    for change in ("case A title=t1", "case A location=l1", "event E case=A notes=n1"):
        expected.apply(change)
    return expected


def _stored(**case_values: str) -> Stored:
    values = {"title": "t1", "location": "l1", **case_values}
    return Stored(
        cases={"A": Entity(2, values)},
        events={"E": Entity(1, {"case": "A", "notes": "n1"})},
        batch_cases={},
    )


def test_checker_accepts_the_reported_state() -> None:
    assert settle(_expected(), _stored(), None) is False


def test_checker_notices_a_lost_edit_a_missing_row_and_a_half_written_batch() -> None:
    lost_edit = _stored(location="gammel")
    with pytest.raises(Lost, match="location"):
        settle(_expected(), lost_edit, None)
    overwritten = _stored()
    overwritten.cases["A"].version = 1  # one edit fewer than reported, value as the last
    with pytest.raises(Lost, match="version"):
        settle(_expected(), overwritten, None)
    missing = _stored()
    missing.events.clear()
    with pytest.raises(Lost, match="missing"):
        settle(_expected(), missing, None)
    half = _stored()
    half.batch_cases["B"] = 2
    with pytest.raises(Lost, match="2 of its 3"):
        settle(_expected(), half, None)


def test_checker_takes_a_change_cut_off_before_its_report_whole_or_not_at_all() -> None:
    committed = _stored(title="t2")
    committed.cases["A"].version = 3
    expected = _expected()
    assert settle(expected, committed, "case A title=t2") is True
    assert expected.cases["A"].values["title"] == "t2"
    # Another change than the one in flight is still a loss.
    with pytest.raises(Lost):
        settle(_expected(), committed, "case A title=t3")


def test_a_line_cut_off_by_the_kill_is_not_reported() -> None:
    run = parse_output("ready\ntry case A title=t\nok case A title=t\ntry case A location=x\nok ca")
    assert run.reported == ["case A title=t"]
    assert run.pending == "case A location=x" and run.started
