"""Restore while another app instance writes: every change the writer was told was
committed is in the live database or in the restore's safety copy (finding: a restore lost
27 committed cases that were in neither). Real processes; more rounds in
``python -m benchmarks.restore_race``."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks.restore_race import restore_race

ROUNDS = int(os.environ.get("TILLITSVALGT_RESTORE_RACE_ROUNDS", "4"))


def test_restore_while_another_instance_writes_loses_no_committed_case(tmp_path: Path) -> None:
    result = restore_race(tmp_path / "data", ROUNDS, cases=1500)
    assert result.rounds == ROUNDS
    assert result.committed > 50 * ROUNDS, result  # the writer really wrote throughout
    assert result.in_safety > 0 and result.in_live > 0, result  # before and after the restore
    assert result.lost == 0, result
    assert result.damaged_rounds == 0, result
    for message in result.refusals:  # a write the restore held up is told so, in Norwegian
        assert "Ingenting er endret" in message, message
