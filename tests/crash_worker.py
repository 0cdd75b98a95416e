"""The process the crash test kills: ``python tests/crash_worker.py DATA_DIR SEED``.

It opens the database like the app does and, in an endless loop, creates and edits cases
and events through the real services. Every change is announced twice on stdout, one line
each, flushed: ``try <change>`` before its unit of work starts and ``ok <change>`` after the
commit returned. So the parent knows what was reported committed (every ``ok``), and which
one change may have been cut off between commit and report (a ``try`` without its ``ok``).

Changes, with ``K`` an entity's UUID::

    case K title=V          a new case (with its title)
    case K <field>=V        an edit of title, location, description or members_affected
    event K case=C notes=V  a new event on case C
    event K notes=V         an edit of an event's notes
    batch K events=3        a new case and its three events in one unit of work
"""

from __future__ import annotations

import random
import sys
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import col, select

from tillitsvalgt.db import Database
from tillitsvalgt.services import cases, employers, events
from tillitsvalgt.shapes import CaseCreate, CaseUpdate, EmployerCreate, EventCreate, EventUpdate
from tillitsvalgt.tables import Case, Event

TODAY = date(2026, 11, 22)
ORGNR = "952601814"
BATCH_EVENTS = 3
CASE_FIELDS = ("title", "location", "description", "members_affected")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def employer_id(db: Database) -> int:
    with db.session() as s:
        for employer in employers.list_employers(session=s):
            if employer.orgnr == ORGNR:
                return employer.id
        created = employers.create_employer(
            EmployerCreate(
                name="Nordkyst Sparebank",
                orgnr=ORGNR,
                employees=180,
                agreement="finans-finansforbundet",
                sector="privat",
            ),
            session=s,
        )
        return created.id


def known(db: Database) -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    with db.session(readonly=True) as s:
        # Batch cases are left alone: their three events are the all-or-nothing check.
        case_ids = list(s.exec(select(Case.uuid).where(Case.case_type == "office_layout")))
        event_ids = list(
            s.exec(
                select(Event.uuid)
                .join(Case, col(Case.id) == col(Event.case_id))
                .where(Case.case_type == "office_layout")
            )
        )
    return case_ids, event_ids


def main(data_dir: str, seed: int) -> None:
    rng = random.Random(seed)
    db = Database.open(data_dir=data_dir)
    employer = employer_id(db)
    case_ids, event_ids = known(db)
    say("ready")
    n = 0
    while True:
        n += 1
        value = f"v{seed}-{n}"
        roll = rng.random()
        if not case_ids or roll < 0.2:
            key = uuid.uuid4()
            change = f"case {key} title={value}"
            say("try " + change)
            with db.session() as s:
                cases.create_case(
                    CaseCreate(
                        uuid=key, title=value, employer_id=employer, case_type="office_layout"
                    ),
                    session=s,
                    today=TODAY,
                )
            case_ids.append(key)
        elif roll < 0.5:
            key = rng.choice(case_ids)
            field = rng.choice(CASE_FIELDS)
            new: str | int = n if field == "members_affected" else value
            change = f"case {key} {field}={new}"
            say("try " + change)
            with db.session() as s:
                current = cases.get_case(str(key), session=s)
                cases.update_case(
                    str(key),
                    CaseUpdate.model_validate({"version": current.version, field: new}),
                    session=s,
                )
        elif roll < 0.7:
            key = uuid.uuid4()
            on = rng.choice(case_ids)
            change = f"event {key} case={on} notes={value}"
            say("try " + change)
            with db.session() as s:
                events.add_event(
                    str(on),
                    EventCreate(
                        uuid=key, kind="consultation_meeting", occurred_on=TODAY, notes=value
                    ),
                    session=s,
                )
            event_ids.append(key)
        elif roll < 0.9 and event_ids:
            key = rng.choice(event_ids)
            change = f"event {key} notes={value}"
            say("try " + change)
            with db.session() as s:
                row = s.exec(select(Event).where(Event.uuid == key)).one()
                assert row.id is not None
                events.update_event(
                    row.id, EventUpdate(version=row.version, notes=value), session=s
                )
        else:
            key = uuid.uuid4()
            change = f"batch {key} events={BATCH_EVENTS}"
            say("try " + change)
            with db.session() as s:
                cases.create_case(
                    CaseCreate(
                        uuid=key, title=value, employer_id=employer, case_type="home_office_policy"
                    ),
                    session=s,
                    today=TODAY,
                )
                for i in range(BATCH_EVENTS):
                    events.add_event(
                        str(key),
                        EventCreate(
                            kind="consultation_meeting", occurred_on=TODAY, notes=f"{value}-{i}"
                        ),
                        session=s,
                    )
        say("ok " + change)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
