"""A second (third …) app instance on the same SQLite file, for ``tests/test_instances.py``.

``python tests/instance_worker.py edit DATA_DIR NAME ROUNDS CASE GO_FILE``: waits for
GO_FILE (so the instances start together), then per round creates a case with an event in
one unit of work, and edits the shared CASE as the window does: the version is read in one
unit of work and the edit saved in another, with optimistic locking. One line per result:
``created <uuid>``, ``saved <version> <title>``, ``conflict``, ``refused <message>``.

``python tests/instance_worker.py hold DATA_DIR SECONDS``: writes, and keeps its unit of
work (and SQLite's write lock) open for SECONDS before committing; says ``holding``.

``python tests/instance_worker.py write DATA_DIR BUSY_MS``: creates one case; says ``saved``
or ``refused <message>``.
"""

from __future__ import annotations

import random
import sys
import time
import uuid
from datetime import date
from pathlib import Path

from tillitsvalgt.db import Database
from tillitsvalgt.errors import ConflictError, UserError
from tillitsvalgt.services import cases, employers, events
from tillitsvalgt.shapes import CaseCreate, CaseUpdate, EmployerCreate, EventCreate

TODAY = date(2026, 11, 22)


def say(line: str) -> None:
    sys.stdout.write(line.replace("\n", " ") + "\n")
    sys.stdout.flush()


def first_employer(db: Database) -> int:
    with db.session(readonly=True) as s:
        return employers.list_employers(session=s)[0].id


def edit(data_dir: str, name: str, rounds: int, shared: str, go_file: str) -> None:
    db = Database.open(data_dir=data_dir)
    employer = first_employer(db)
    rng = random.Random(name)
    say("ready")  # the test starts the race only when both instances are here
    while not Path(go_file).exists():
        time.sleep(0.005)
    for i in range(rounds):
        key = uuid.uuid4()
        try:
            with db.session() as s:
                cases.create_case(
                    CaseCreate(
                        uuid=key, title=f"{name}-{i}", employer_id=employer, case_type="other"
                    ),
                    session=s,
                    today=TODAY,
                )
                events.add_event(str(key), EventCreate(kind="note", occurred_on=TODAY), session=s)
            say(f"created {key}")
            with db.session(readonly=True) as s:
                version = cases.get_case(shared, session=s).version
            # The user typing: long enough that the other instance often reads and saves in
            # between (0–4 ms let two quiet cores fall into turns with no conflict at all).
            time.sleep(rng.uniform(0, 0.02))
            title = f"{name}-{i}"
            with db.session() as s:
                saved = cases.update_case(
                    shared, CaseUpdate(version=version, title=title), session=s
                )
            say(f"saved {saved.version} {title}")
        except ConflictError:
            say("conflict")
        except UserError as exc:
            say(f"refused {exc.message}")


def hold(data_dir: str, seconds: float) -> None:
    db = Database.open(data_dir=data_dir)
    with db.session() as s:
        employers.create_employer(EmployerCreate(name="Holder låsen AS"), session=s)
        s.flush()
        say("holding")
        time.sleep(seconds)
    say("released")


def write(data_dir: str, busy_ms: int) -> None:
    try:
        db = Database.open(data_dir=data_dir, busy_timeout_ms=busy_ms)
        with db.session() as s:
            cases.create_case(
                CaseCreate(title="Andre vindu", employer_id=1, case_type="other"),
                session=s,
                today=TODAY,
            )
        say("saved")
    except UserError as exc:
        say(f"refused {exc.message}")


if __name__ == "__main__":
    mode, data_dir, *rest = sys.argv[1:]
    if mode == "edit":
        edit(data_dir, rest[0], int(rest[1]), rest[2], rest[3])
    elif mode == "hold":
        hold(data_dir, float(rest[0]))
    else:
        write(data_dir, int(rest[0]))
