"""Restore while another instance writes: is every committed change kept?

A writer process (``tests/restore_writer.py``) creates cases through the real services,
one unit of work each, and reports each one after it returned. While it writes, a second
process runs ``tillitsvalgt restore BACKUP --yes``. Afterwards every case the writer was
told was committed must be in the live database (written after the restore) or in the
restore's safety copy (written before it); a write the restore held up may instead be
refused to the writer with a message. A case in neither is lost.

``python -m benchmarks.restore_race [--rounds N] [--cases N] [--json]`` (default 50 rounds
over a 3 000-case database); ``tests/test_restore_race.py`` runs the same with fewer rounds.
``python -m benchmarks --only restore`` runs it among the other benchmarks.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.report import Figure, table

REPO = Path(__file__).resolve().parent.parent
WRITER = REPO / "tests" / "restore_writer.py"
DEFAULT_ROUNDS = 50
DEFAULT_CASES = 3000
READY_TIMEOUT = 60.0
SAFETY_LINE = re.compile(r"(?:er lagret i|er flyttet til) (.+)\.$", re.MULTILINE)


@dataclass
class RaceResult:
    rounds: int = 0
    committed: int = 0  # units of work the writer was told were committed
    in_live: int = 0  # of those: in the live database after the restore
    in_safety: int = 0  # of those: in the safety copy (and not in the live database)
    refused: int = 0  # units of work refused to the writer with a message
    lost: int = 0  # committed, yet in neither
    restores_refused: int = 0  # the writer held the lock past the busy timeout: told so
    damaged_rounds: int = 0  # rounds after which the live database failed the check
    restore_seconds: list[float] = field(default_factory=list)
    refusals: set[str] = field(default_factory=set)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "TILLITSVALGT_NO_GUI": "1"}


def _uuids(file: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        return {str(u).replace("-", "") for (u,) in conn.execute("SELECT uuid FROM cases")}
    finally:
        conn.close()


def _intact(file: Path) -> bool:
    conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def prepare(data_dir: Path, cases: int) -> Path:
    """A database with ``cases`` generated cases and one backup of it; returns the backup."""
    from benchmarks.generate import generate
    from tillitsvalgt.backup import backup_sqlite
    from tillitsvalgt.db import Database

    generate(cases, data_dir)
    db = Database.open(data_dir=data_dir)
    try:
        return backup_sqlite(db, reason="manuell", keep=None)
    finally:
        db.dispose()


def one_round(
    data_dir: Path, backup: Path, rng: random.Random, result: RaceResult, work: Path
) -> None:
    out_file = work / f"writer-{result.rounds}.out"
    stop_file = work / f"stop-{result.rounds}"
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), str(out_file), str(stop_file)],
        env=_env(),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while not (out_file.exists() and "ready" in out_file.read_text()):
            if writer.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the writer did not start: {writer.stderr.read()}")  # type: ignore[union-attr]
            time.sleep(0.01)
        time.sleep(rng.uniform(0.05, 0.5))  # the writer commits meanwhile
        started = time.monotonic()
        command = [sys.executable, "-m", "tillitsvalgt.cli", "--data-dir", str(data_dir)]
        restored = subprocess.run(
            [*command, "restore", str(backup), "--yes"],
            env=_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
        result.restore_seconds.append(time.monotonic() - started)
        safety: Path | None = None
        if restored.returncode == 1 and "i bruk av et annet program" in restored.stderr:
            # A writer that never pauses can keep the lock from the restore past the busy
            # timeout; the restore then says so and changes nothing (counted, not an error).
            result.restores_refused += 1
        elif restored.returncode != 0:
            raise RuntimeError(f"restore failed: {restored.stdout}{restored.stderr}")
        else:
            found = SAFETY_LINE.search(restored.stdout)
            if found is None:
                raise RuntimeError(f"restore named no safety copy: {restored.stdout}")
            safety = Path(found.group(1))
        time.sleep(rng.uniform(0.05, 0.3))  # and goes on writing into the restored file
    finally:
        stop_file.touch()
        try:
            _out, err = writer.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            writer.kill()
            writer.communicate()  # reaps it and closes its pipe
            raise
    if writer.returncode != 0:
        raise RuntimeError(f"the writer failed: {err}")
    committed: list[str] = []
    for line in out_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("created "):
            committed.append(line.split()[1].replace("-", ""))
        elif line.startswith("refused "):
            result.refused += 1
            result.refusals.add(line.removeprefix("refused ")[:160])
    live_file = data_dir / "tillitsvalgt.db"
    live, kept = _uuids(live_file), _uuids(safety) if safety is not None else set()
    result.rounds += 1
    result.committed += len(committed)
    result.in_live += sum(1 for u in committed if u in live)
    result.in_safety += sum(1 for u in committed if u not in live and u in kept)
    result.lost += sum(1 for u in committed if u not in live and u not in kept)
    if not _intact(live_file):
        result.damaged_rounds += 1
    if safety is not None:
        for leftover in (safety, safety.with_name(safety.name + ".json")):
            leftover.unlink(missing_ok=True)  # our own copies: they would fill the disk


def restore_race(
    data_dir: Path,
    rounds: int,
    *,
    cases: int = DEFAULT_CASES,
    seed: int = 14,
    say: Callable[[str], None] = lambda _m: None,
) -> RaceResult:
    backup = prepare(data_dir, cases)
    rng = random.Random(seed)
    result = RaceResult()
    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-race-") as tmp:
        for i in range(rounds):
            one_round(data_dir, backup, rng, result, Path(tmp))
            say(f"round {i + 1}/{rounds}: {result.committed} committed, {result.lost} lost")
    return result


def figures(result: RaceResult) -> list[Figure]:
    times = sorted(result.restore_seconds) or [0.0]
    median = times[len(times) // 2]
    return [
        Figure(
            "restore.race.committed",
            result.committed,
            "",
            None,
            f"cases committed by a writer during {result.rounds} restores",
            note=f"{result.in_live} in the live database, {result.in_safety} in the safety copy",
        ),
        Figure(
            "restore.race.refused",
            result.refused,
            "",
            None,
            "writes refused to the writer with a message",
        ),
        Figure(
            "restore.race.lost",
            result.lost + result.damaged_rounds,
            "",
            None,
            "committed cases lost, or rounds leaving a damaged database",
            limit=1,
        ),
        Figure(
            "restore.race.restores_refused",
            result.restores_refused,
            "",
            None,
            "restores refused: the writer kept the lock past the busy timeout",
        ),
        Figure(
            "restore.race.seconds",
            median,
            "s",
            None,
            "restore as a process (median), while the writer writes",
            note=f"max {times[-1]:.2f} s",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.restore_race", description=__doc__)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tillitsvalgt-restore-race-"))
    try:
        result = restore_race(
            work / "data",
            args.rounds,
            cases=args.cases,
            seed=args.seed,
            say=lambda m: print(m, file=sys.stderr, flush=True),
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    found = figures(result)
    if args.json:
        for figure in found:
            print(figure.as_json())
    else:
        print(table(found))
        for message in sorted(result.refusals):
            print(f"refused: {message}")
    return 0 if result.lost == 0 and result.damaged_rounds == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
