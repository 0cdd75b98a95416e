"""Restore while another app instance writes: every change the writer was told was
committed is in the live database or in the restore's safety copy (finding: a restore lost
27 committed cases that were in neither). Real processes; more rounds in
``python -m benchmarks.restore_race``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.restore_race import restore_race
from tillitsvalgt.backup import backup_sqlite, list_backups, restore_file
from tillitsvalgt.db import Database
from tillitsvalgt.errors import DatabaseError
from tillitsvalgt.services.cases import CaseQuery, list_cases

from conftest import REPO, make_case, make_employer

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


def test_a_restore_waiting_too_long_for_another_writer_is_refused_and_changes_nothing(
    tmp_path: Path,
) -> None:
    """Another program holds the write lock longer than the usual five seconds."""
    data_dir = tmp_path / "data"
    db = Database.open(data_dir=data_dir)
    make_case(db, make_employer(db), title="Før kopien")
    backup = backup_sqlite(db, reason="manuell")
    make_case(db, 1, title="Etter kopien")
    db.dispose()
    live = data_dir / "tillitsvalgt.db"
    holder = subprocess.Popen(
        [sys.executable, str(REPO / "tests" / "instance_worker.py"), "hold", str(data_dir), "12"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(DatabaseError) as refused:
            restore_file(live, backup)
    finally:
        holder.wait(timeout=60)
        if holder.stdout is not None:
            holder.stdout.close()
    assert "i bruk av et annet program" in refused.value.message
    assert "Ingenting er endret" in refused.value.message
    assert [b.name for b in list_backups(live)] == [backup.name]  # no safety copy was made
    db = Database.open(data_dir=data_dir)
    try:
        with db.session(readonly=True) as s:
            titles = {r.title for r in list_cases(CaseQuery(), session=s).rows}
        assert titles == {"Før kopien", "Etter kopien"}
    finally:
        db.dispose()
