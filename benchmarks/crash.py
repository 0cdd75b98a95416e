"""The crash test: a worker process (``tests/crash_worker.py``) creates and edits cases and
events through the real services and is killed with SIGKILL at random moments; after every
kill the database is opened as the app opens it, must pass the integrity check (SQLite's
``integrity_check`` and ``foreign_key_check``), and must hold every change the worker
reported committed.

``python -m benchmarks.crash [--kills N] [--seed S] [--json]`` (default 200 kills);
``tests/test_crash.py`` runs the same with fewer kills (``TILLITSVALGT_CRASH_KILLS``).

What is checked after each kill, against every ``ok`` line of every run so far:

- every case and event reported created exists, and no other (a unit of work that did not
  report may have committed just before the kill: it is accepted when the database holds
  exactly that change and nothing else, see ``Expected.pending``);
- every reported edit is there: the latest value of each field, and the version, which
  counts the edits, so an edit overwritten later by another is not lost unseen either;
- a case created with its three events in one unit of work has all three or does not
  exist (all or nothing), whether or not it was reported.

When to kill: one kill in ten lands while the worker is still starting (opening, migrating
the new database); four in ten after 0–0.4 s of work; half after 1–40 commits plus 0–10 ms.
Most kills land inside a unit of work (the worker spends most of its time there).
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import col

from benchmarks.report import Figure, table
from tillitsvalgt.backup import integrity_check
from tillitsvalgt.db import Database
from tillitsvalgt.tables import Case, Event

REPO = Path(__file__).resolve().parent.parent
WORKER = REPO / "tests" / "crash_worker.py"
DEFAULT_KILLS = 200
BATCH_EVENTS = 3
READY_TIMEOUT = 60.0
MAX_DELAY = 0.4  # seconds of work before the kill, after the worker is ready
STARTUP_SHARE = 0.1  # kills that land while the worker starts
MAX_CHANGES = 40  # or: commits before the kill


@dataclass
class Entity:
    version: int = 1
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class Expected:
    """What the worker has reported committed, over all runs."""

    cases: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Entity] = field(default_factory=dict)
    batches: set[str] = field(default_factory=set)
    reported: int = 0

    def apply(self, change: str) -> None:
        kind, key, *assignments = change.split(" ")
        values = dict(a.split("=", 1) for a in assignments)
        if kind == "batch":
            self.batches.add(key)
            return
        table = self.cases if kind == "case" else self.events
        if key in table:
            entity = table[key]
            entity.version += 1
            entity.values.update(values)
        else:
            table[key] = Entity(values=values)


@dataclass
class Stored:
    cases: dict[str, Entity]
    events: dict[str, Entity]
    batch_cases: dict[str, int]  # batch case -> its events


class Lost(AssertionError):
    """The database after a kill lacks a reported change, or holds a half-written one."""


def read_stored(db: Database) -> Stored:
    with db.session(readonly=True) as s:
        case_rows = s.execute(
            sa.select(
                col(Case.id),
                col(Case.uuid),
                col(Case.case_type),
                col(Case.version),
                col(Case.title),
                col(Case.location),
                col(Case.description),
                col(Case.members_affected),
            )
        ).all()
        event_rows = s.execute(
            sa.select(col(Event.uuid), col(Event.case_id), col(Event.version), col(Event.notes))
        ).all()
    uuid_of = {row[0]: str(row[1]) for row in case_rows}
    cases: dict[str, Entity] = {}
    batch_cases: dict[str, int] = {}
    for _id, key, case_type, version, title, location, description, members in case_rows:
        if case_type != "office_layout":
            batch_cases[str(key)] = 0
            continue
        fields = {"title": title, "location": location, "description": description}
        values = {k: v for k, v in fields.items() if v is not None}
        if members is not None:
            values["members_affected"] = str(members)
        cases[str(key)] = Entity(version, values)
    events: dict[str, Entity] = {}
    for key, case_id, version, notes in event_rows:
        on = uuid_of[case_id]
        if on in batch_cases:
            batch_cases[on] += 1
            continue
        events[str(key)] = Entity(version, {"case": on, "notes": notes or ""})
    return Stored(cases, events, batch_cases)


def differences(expected: Expected, stored: Stored) -> list[str]:
    """Every way the database differs from what was reported committed."""
    problems: list[str] = []
    for name, want, have in (
        ("case", expected.cases, stored.cases),
        ("event", expected.events, stored.events),
    ):
        for key, entity in want.items():
            got = have.get(key)
            if got is None:
                problems.append(f"{name} {key} reported created is missing")
                continue
            if got.version != entity.version:
                problems.append(f"{name} {key}: version {got.version}, reported {entity.version}")
            for field_name, value in entity.values.items():
                if got.values.get(field_name) != value:
                    problems.append(
                        f"{name} {key}: {field_name}={got.values.get(field_name)!r}, "
                        f"reported {value!r}"
                    )
        problems += [f"{name} {key} was never reported" for key in have.keys() - want.keys()]
    for key, count in stored.batch_cases.items():
        if count != BATCH_EVENTS:
            problems.append(f"batch case {key} has {count} of its {BATCH_EVENTS} events")
        elif key not in expected.batches:
            problems.append(f"batch case {key} was never reported")
    problems += [
        f"batch case {k} reported is missing" for k in expected.batches - stored.batch_cases.keys()
    ]
    return problems


def settle(expected: Expected, stored: Stored, pending: str | None) -> bool:
    """Check the database against ``expected``; a change cut off between its commit and its
    report (``pending``) may be in or out, wholly. Returns whether it was in (and then adds
    it to ``expected``). Raises :class:`Lost` otherwise."""
    problems = differences(expected, stored)
    if not problems:
        return False
    if pending is not None:
        candidate = copy.deepcopy(expected)
        candidate.apply(pending)
        if not differences(candidate, stored):
            expected.apply(pending)
            return True
    raise Lost(
        "; ".join(problems[:10]) + (f" (+{len(problems) - 10})" if len(problems) > 10 else "")
    )


@dataclass
class Run:
    """One worker run: the changes it reported and the one it may have been inside."""

    reported: list[str]
    pending: str | None
    started: bool  # the worker got as far as "ready"


def parse_output(text: str) -> Run:
    # A line cut off by the kill has no newline: it was not reported.
    lines = text.split("\n")[:-1]
    reported = [line[3:] for line in lines if line.startswith("ok ")]
    pending = None
    if lines and lines[-1].startswith("try "):
        pending = lines[-1][4:]
    return Run(reported, pending, "ready" in lines)


def wait_for(proc: subprocess.Popen[bytes], out_file: Path, line: bytes, times: int) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while out_file.read_bytes().count(line) < times:
        if proc.poll() is not None or time.monotonic() > deadline:
            return
        time.sleep(0.005)


def run_worker(data_dir: Path, seed: int, rng: random.Random, out_file: Path) -> Run:
    """Start the worker, let it work for a random moment, kill it with SIGKILL."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with out_file.open("wb") as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), str(data_dir), str(seed)],
            stdout=out,
            stderr=err,
            env=env,
        )
        try:
            roll = rng.random()
            if roll < STARTUP_SHARE:
                time.sleep(rng.uniform(0.0, 1.0))
            elif roll < 0.5:
                wait_for(proc, out_file, b"ready\n", 1)
                time.sleep(rng.uniform(0.0, MAX_DELAY))
            else:
                # After a random number of commits, then a random few milliseconds into the
                # next unit of work: as much work per kill on a busy machine as on a quiet one.
                wait_for(proc, out_file, b"\nok ", rng.randint(1, MAX_CHANGES))
                time.sleep(rng.uniform(0.0, 0.01))
            if proc.poll() is not None:
                err.seek(0)
                raise RuntimeError(
                    f"the worker stopped by itself ({proc.returncode}):\n"
                    + err.read().decode(errors="replace")[-3000:]
                )
            proc.send_signal(signal.SIGKILL)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
    return parse_output(out_file.read_text(encoding="utf-8", errors="replace"))


@dataclass
class Result:
    kills: int = 0
    reported: int = 0
    in_unit: int = 0  # killed with a unit of work started and not reported
    pending_committed: int = 0  # of those, committed before the kill
    at_startup: int = 0
    entities_checked: int = 0  # cases and events compared, summed over all checks
    lost: int = 0
    seconds: float = 0.0


def crash_test(
    data_dir: Path, kills: int, *, seed: int = 1, say: Callable[[str], None] | None = None
) -> Result:
    """Kill the worker ``kills`` times; raise :class:`Lost` at the first check that fails."""
    rng = random.Random(seed)
    expected = Expected()
    result = Result()
    start = time.perf_counter()
    out_file = data_dir.parent / f"{data_dir.name}-worker.out"
    for i in range(kills):
        run = run_worker(data_dir, seed * 100_000 + i, rng, out_file)
        result.kills += 1
        result.at_startup += not run.started
        result.in_unit += run.pending is not None
        for change in run.reported:
            expected.apply(change)
        result.reported += len(run.reported)
        if not (data_dir / "tillitsvalgt.db").exists():
            continue  # killed before the file was made
        db = Database.open(data_dir=data_dir)
        try:
            report = integrity_check(db)
            if not report.ok:
                raise Lost(f"kill {i + 1}: integrity check failed: {report.problems}")
            stored = read_stored(db)
        finally:
            db.dispose()
        try:
            result.pending_committed += settle(expected, stored, run.pending)
        except Lost as exc:
            result.lost += 1
            raise Lost(f"kill {i + 1}: {exc}") from None
        result.entities_checked += len(stored.cases) + len(stored.events)
        if say is not None:
            say(f"kill {i + 1}/{kills}: {result.reported} changes reported, all there")
    result.seconds = time.perf_counter() - start
    return result


def figures(result: Result) -> list[Figure]:
    return [
        Figure("crash.kills", result.kills, "", None, "SIGKILLs survived (opened, checked)"),
        Figure(
            "crash.changes",
            result.reported,
            "",
            None,
            "changes reported committed, checked",
            note=f"{result.entities_checked} case/event comparisons over all checks",
        ),
        Figure(
            "crash.in_unit",
            result.in_unit,
            "",
            None,
            "kills inside a unit of work",
            note=f"{result.pending_committed} of them after the commit, before the report; "
            f"{result.at_startup} kills while starting",
        ),
        Figure("crash.lost", result.lost, "", None, "lost or half-written changes", limit=1),
        Figure("crash.time", result.seconds, "s", None, "whole run"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crash", description=__doc__)
    parser.add_argument("--kills", type=int, default=DEFAULT_KILLS, help="default 200")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    args = parser.parse_args(argv)

    def say(message: str) -> None:
        print(message, end="\r", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="tillitsvalgt-crash-") as tmp:
        try:
            result = crash_test(Path(tmp) / "data", max(1, args.kills), seed=args.seed, say=say)
        except Lost as exc:
            print(f"\nLOST: {exc}", file=sys.stderr)
            return 1
    if args.json:
        for figure in figures(result):
            print(figure.as_json())
        return 0
    print(f"\nCrash test — SIGKILL at random moments, {result.kills} kills\n")
    print(table(figures(result)))
    print(
        f"\n{result.kills} kills survived, {result.reported} changes reported committed and "
        f"checked, {result.lost} lost, {result.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
