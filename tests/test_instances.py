"""Two app instances on one SQLite file (real processes): both work at once (WAL and the
busy timeout), edits of the same case are serialised by optimistic locking so no update is
lost silently, and an instance that cannot get the write lock in time is told so plainly,
with nothing written. The file is never corrupt."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sqlmodel import select

from tillitsvalgt.backup import integrity_check
from tillitsvalgt.db import Database
from tillitsvalgt.services import cases
from tillitsvalgt.tables import Case, Employer, Event

from conftest import REPO, make_case, make_employer

WORKER = Path(__file__).resolve().parent / "instance_worker.py"
ROUNDS = 120


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 120) -> list[str]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    assert "Traceback" not in err, err
    return out.splitlines()


def test_two_instances_write_at_once_and_no_update_is_lost(tmp_path: Path) -> None:
    data = tmp_path / "data"
    db = Database.open(data_dir=data)
    shared = make_case(db, make_employer(db))
    go = tmp_path / "go"
    workers = [start("edit", str(data), name, str(ROUNDS), shared, str(go)) for name in "AB"]
    # Both started (a loaded machine imports the app slower than any fixed pause) before
    # either begins: otherwise one could finish its rounds before the other arrives.
    for worker in workers:
        assert worker.stdout is not None
        ready = worker.stdout.readline().strip()
        assert ready == "ready", finish(worker)  # (a worker that died says why)
    go.touch()
    lines = [line for worker in workers for line in finish(worker)]

    kinds = Counter(line.split(" ", 1)[0] for line in lines)
    # Both instances worked: every round created its case, no write was refused.
    assert kinds["created"] == 2 * ROUNDS and kinds["refused"] == 0, kinds
    # They really did edit the same case at the same time, and were told when they lost.
    assert kinds["conflict"] >= 1, kinds
    saved = [line.split(" ") for line in lines if line.startswith("saved ")]
    assert len(saved) + kinds["conflict"] == 2 * ROUNDS
    versions = [int(version) for _, version, _ in saved]
    # Every save reported is its own version: none was written over another unseen.
    assert len(set(versions)) == len(versions)
    with db.session(readonly=True) as s:
        final = cases.get_case(shared, session=s)
        created = s.exec(select(Case.id, Case.number).where(Case.case_type == "other")).all()
        event_cases = list(s.exec(select(Event.case_id)))
    assert final.version == 1 + len(saved)
    assert final.title == dict((int(v), t) for _, v, t in saved)[max(versions)]
    assert len(created) == 2 * ROUNDS and len({number for _, number in created}) == 2 * ROUNDS
    assert sorted(event_cases) == sorted(case_id for case_id, _ in created)  # each with its event
    assert integrity_check(db).ok
    db.dispose()


def test_an_instance_that_cannot_get_the_lock_is_told_plainly_and_writes_nothing(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    db = Database.open(data_dir=data)
    make_employer(db)
    holder = start("hold", str(data), "4")
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"

    started = time.monotonic()
    second = finish(start("write", str(data), "300"))
    waited = time.monotonic() - started
    holder_lines = finish(holder)

    assert len(second) == 1 and second[0].startswith("refused ")
    message = second[0]
    assert "er låst av et annet program" in message and "Ingenting er endret" in message
    assert str(data / "tillitsvalgt.db") in message
    assert waited < 4  # told after its busy timeout, not after the other let go
    assert holder_lines == ["released"]
    with db.session(readonly=True) as s:
        assert list(s.exec(select(Case.id))) == []  # the refused case is nowhere
        assert sorted(s.exec(select(Employer.name))) == ["Holder låsen AS", "Nordkyst Sparebank"]
    assert integrity_check(db).ok
    # The second instance can write once the first is done.
    assert finish(start("write", str(data), "300")) == ["saved"]
    db.dispose()
