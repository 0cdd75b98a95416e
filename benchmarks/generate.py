"""Fill a database with N realistic cases, fast.

The schema comes from the app's own ``Database.open`` (the real migrations, so the FTS5
``case_search`` table and its triggers are there and fill themselves as rows go in). Rows are
written with SQLAlchemy Core bulk inserts —
``session.execute(insert(Model).execution_options(render_nulls=True), dicts)``, one
``executemany`` per table and batch — inside the app's session, so every value passes through
the same column types (``Uuid``, ``UTCDateTime``) as in the app. The time of each part is
measured and printed.

Everything is drawn from one seeded ``random.Random``: the same N and seed give the same
database, so figures from different runs compare like with like.

    .venv/bin/python -m benchmarks.generate --n 100000 --out benchmarks/out/example
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from benchmarks import texts
from tillitsvalgt.db import Database
from tillitsvalgt.paths import DATABASE_FILENAME
from tillitsvalgt.rules.checklist import checklist_items
from tillitsvalgt.services.events import REPLY_RULE
from tillitsvalgt.tables import (
    Case,
    CaseCounter,
    CaseGroup,
    ChecklistAnswer,
    Deadline,
    Employer,
    Escalation,
    Event,
    Representative,
)
from tillitsvalgt.vocabulary import CASE_TYPES, EVENT_KINDS, LETTER_KINDS, OUTCOMES

DEFAULT_SEED = 20261122
# ORM bulk INSERT leaves out the keys whose value is None and groups rows by the keys left,
# which splits a batch into many small statements; render_nulls keeps one executemany per
# table and batch.
BULK = {"render_nulls": True}
# Bump when the generated data changes, so a cached database from an older generator is
# not silently reused by ``--keep``.
GENERATOR_VERSION = 4

# "Today" for the data set is fixed, not the clock: the data must not depend on the day the
# benchmark runs.
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
YEAR_WEIGHTS: dict[int, float] = {2022: 0.22, 2023: 0.20, 2024: 0.20, 2025: 0.21, 2026: 0.17}
# Older cases are mostly finished.
CLOSED_SHARE: dict[int, float] = {2022: 0.95, 2023: 0.9, 2024: 0.8, 2025: 0.6, 2026: 0.25}
CASE_TYPE_WEIGHTS: dict[str, float] = {
    "office_layout": 0.30,
    "space_allocation": 0.12,
    "home_office_policy": 0.22,
    "home_office_agreement": 0.12,
    "equipment_costs": 0.08,
    "availability": 0.08,
    "other": 0.08,
}
# The first event is the employer's notice; the rest follow this mix.
EVENT_KIND_WEIGHTS: dict[str, float] = {
    "information_meeting": 15,
    "consultation_meeting": 20,
    "negotiation_meeting": 5,
    "letter_sent": 15,
    "letter_received": 10,
    "protocol": 10,
    "amu": 5,
    "verneombud": 5,
    "arbeidstilsynet": 2,
    "note": 13,
    "building_consent": 1,
    "escalation": 1,
}
SECTOR_WEIGHTS: dict[str, float] = {
    "kommune": 0.30,
    "stat": 0.20,
    "helse": 0.08,
    "privat": 0.37,
    "annet": 0.05,
}
DELETED_SHARE = 0.005  # cases in the recycle bin
DEADLINE_SHARE = 0.35  # cases with one or two deadlines
NOTES_SHARE = 0.9  # events with a note (the others do not fire the FTS trigger)
REPRESENTATIVES = 25
# The office's tables (version 4). They are drawn from a second random stream, so the cases,
# events and deadlines of version 3 are the same rows as before (only ``group_id`` is set).
GROUP_SHARE = 0.03  # of the employers with two or more cases in a batch: one decision for some
CHECKLIST_SHARE = 0.4  # home-office cases with the checklist filled in
CHECKLIST_WEIGHTS: dict[str, float] = {"met": 0.5, "not_met": 0.3, "unknown": 0.2}
ESCALATED_ONWARD = 0.15  # escalated cases that go past the central parties
BATCH_SIZE = 5000  # cases per transaction

assert set(CASE_TYPE_WEIGHTS) == set(CASE_TYPES)
assert set(EVENT_KIND_WEIGHTS) | {"notice"} == set(EVENT_KINDS)
assert set(texts.NOTES) == set(EVENT_KINDS)


@dataclass
class Generated:
    """What was generated and how long each part took (seconds)."""

    file: Path
    cases: int = 0
    employers: int = 0
    events: int = 0
    deadlines: int = 0
    groups: int = 0
    escalations: int = 0
    checklist_answers: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    def add_time(self, part: str, seconds: float) -> None:
        self.seconds[part] = self.seconds.get(part, 0.0) + seconds

    def count(self, batch: Batch) -> None:
        self.cases += len(batch.cases)
        self.events += len(batch.events)
        self.deadlines += len(batch.deadlines)
        self.groups += len(batch.groups)
        self.escalations += len(batch.escalations)
        self.checklist_answers += len(batch.checklist_answers)


class Stopwatch:
    """Adds the time spent in ``with watch("part"):`` blocks to ``Generated.seconds``."""

    def __init__(self, result: Generated) -> None:
        self.result = result

    def __call__(self, part: str) -> _Lap:
        return _Lap(self.result, part)


class _Lap:
    def __init__(self, result: Generated, part: str) -> None:
        self.result, self.part, self.start = result, part, 0.0

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        self.result.add_time(self.part, time.perf_counter() - self.start)


# --------------------------------------------------------------------------- small helpers


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _orgnr(rng: random.Random, used: set[str]) -> str:
    """A fresh organisation number with a valid mod-11 check digit (starts with 8 or 9,
    like the numbers Enhetsregisteret gives out)."""
    weights = (3, 2, 7, 6, 5, 4, 3, 2)
    while True:
        body = str(rng.choice((8, 9))) + f"{rng.randrange(10**7):07d}"
        check = (11 - sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11) % 11
        if check == 10:  # no valid check digit for this body
            continue
        number = body + str(check)
        if number not in used:
            used.add(number)
            return number


def _at(day: date, rng: random.Random) -> datetime:
    """A time during the working day (UTC-aware: the app's UTCDateTime refuses naive)."""
    minutes = rng.randint(7 * 60, 17 * 60)
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=UTC)


def _weighted(rng: random.Random, weights: dict[str, float]) -> Callable[[], str]:
    keys = list(weights)
    cum = list(itertools.accumulate(weights.values()))
    total = cum[-1]
    return lambda: keys[bisect.bisect(cum, rng.random() * total)]


# --------------------------------------------------------------------------- employers


def _employer_name(rng: random.Random, sector: str) -> tuple[str, str]:
    """A Norwegian-looking name and the main agreement that usually goes with it."""
    place = rng.choice(texts.PLACES)
    if sector == "kommune":
        roll = rng.random()
        if roll < 0.1:
            return f"{rng.choice(texts.COUNTIES)} fylkeskommune", "ks"
        agreement = "oslo-kommune" if place == "Oslo" else "ks"
        if roll < 0.35:
            return f"{place} kommune", agreement
        return f"{place} kommune, {rng.choice(texts.MUNICIPAL_UNITS)}", agreement
    if sector == "stat":
        name = rng.choice(texts.STATE_BODIES).format(x=rng.choice(texts.STATE_TOPICS))
        if rng.random() < 0.6:
            name += f", region {rng.choice(texts.COUNTIES)}"
        return name, "staten"
    if sector == "helse":
        roll = rng.random()
        if roll < 0.05:
            return f"Helse {rng.choice(texts.HEALTH_REGIONS)} RHF", "spekter"
        if roll < 0.4:
            return f"Sykehuset {place} HF", "spekter"
        return f"Sykehuset {place} HF, {rng.choice(texts.DEPARTMENTS)}", "spekter"
    if sector == "privat":
        trade, agreement = rng.choice(texts.PRIVATE_TRADES)
        prefix = rng.choice(texts.PRIVATE_PREFIXES)
        if trade == "Sparebank":
            return f"{prefix} {trade}", agreement
        form = rng.choice(texts.PRIVATE_FORMS)
        if rng.random() < 0.5:
            return f"{prefix} {trade} {place} {form}", agreement
        return f"{prefix} {trade} {form}", agreement
    body = rng.choice(texts.OTHER_BODIES).format(p=rng.choice(texts.PRIVATE_PREFIXES))
    return f"{body}, {place}", rng.choice(("none", "virke-lo", "virke-ys"))


def _employers(rng: random.Random, count: int) -> list[dict[str, Any]]:
    pick_sector = _weighted(rng, SECTOR_WEIGHTS)
    names: set[str] = set()
    orgnrs: set[str] = set()
    rows: list[dict[str, Any]] = []
    for employer_id in range(1, count + 1):
        sector = pick_sector()
        name, agreement = _employer_name(rng, sector)
        for _ in range(20):  # the register would not hold two with one name
            if name not in names:
                break
            name, agreement = _employer_name(rng, sector)
        else:  # this kind of name is used up: tell them apart as the register would
            base, number = name, 2
            while name in names:
                name, number = f"{base} {number}", number + 1
        names.add(name)
        created = _at(date(2021, 1, 4) + timedelta(days=rng.randrange(400)), rng)
        contact = f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}"
        rows.append(
            {
                "id": employer_id,
                "uuid": _uuid(rng),
                "name": name,
                "orgnr": _orgnr(rng, orgnrs),
                "address": f"{rng.choice(texts.STREETS)} {rng.randint(1, 120)}, "
                f"{rng.randint(1, 9899):04d} {rng.choice(texts.PLACES)}",
                "sector": sector,
                "agreement": agreement,
                # most workplaces are small, a few are very large
                "employees": min(int(rng.lognormvariate(4.5, 1.3)) + 5, 60_000),
                "contact_name": contact if rng.random() < 0.7 else None,
                "contact_email": None,
                "contact_phone": f"+47 9{rng.randrange(10**7):07d}" if rng.random() < 0.5 else None,
                "version": 1,
                "created_at": created,
                "updated_at": created,
                "deleted_at": None,
            }
        )
    return rows


def _representatives(rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for rep_id in range(1, REPRESENTATIVES + 1):
        name = f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}"
        rows.append(
            {
                "id": rep_id,
                "uuid": _uuid(rng),
                "name": name,
                "role": rng.choice(("Klubbleder", "Hovedtillitsvalgt", "Tillitsvalgt")),
                "union_name": "Forbundet",
                "branch": f"Avdeling {rng.choice(texts.PLACES)}",
                "email": None,
                "phone": None,
                "place": rng.choice(texts.PLACES),
                "signature": None,
                "created_at": datetime(2022, 1, 3, 9, 0, tzinfo=UTC),
            }
        )
    return rows


# --------------------------------------------------------------------------- cases


def _creation_times(rng: random.Random, n: int) -> list[datetime]:
    """When each case was registered, oldest first: ids and ``YYYY/N`` numbers then grow with
    time, as they do when cases are created one by one in the app."""
    years = list(YEAR_WEIGHTS)
    cum = list(itertools.accumulate(YEAR_WEIGHTS.values()))
    out = []
    for _ in range(n):
        year = years[bisect.bisect(cum, rng.random() * cum[-1])]
        start = date(year, 1, 2)
        end = min(date(year, 12, 20), NOW.date() - timedelta(days=1))
        out.append(_at(start + timedelta(days=rng.randrange((end - start).days + 1)), rng))
    out.sort()
    return out


@dataclass
class Batch:
    cases: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    escalations: list[dict[str, Any]] = field(default_factory=list)
    checklist_answers: list[dict[str, Any]] = field(default_factory=list)


class _CaseMaker:
    """Builds the row dicts for cases, their events and deadlines."""

    def __init__(
        self, rng: random.Random, employers: list[dict[str, Any]], office_rng: random.Random
    ) -> None:
        self.rng = rng
        self.office_rng = office_rng
        self.pick_answer = _weighted(office_rng, CHECKLIST_WEIGHTS)
        self.checklist_keys = [item.key for item in checklist_items()]
        self.employer_sector: dict[int, str] = {e["id"]: e["sector"] for e in employers}
        self.groups_made = 0
        self.pick_type = _weighted(rng, CASE_TYPE_WEIGHTS)
        self.pick_event_kind = _weighted(rng, EVENT_KIND_WEIGHTS)
        # big employers have more cases than small ones
        self.employer_ids: list[int] = [e["id"] for e in employers]
        self.employer_size: dict[int, int] = {e["id"]: e["employees"] for e in employers}
        self.employer_cum = list(itertools.accumulate(e["employees"] ** 0.5 for e in employers))
        self.seq_by_year: dict[int, int] = {}
        self.letter_kinds = list(LETTER_KINDS)
        self.outcomes = list(OUTCOMES)

    def _employer(self) -> int:
        at = bisect.bisect(self.employer_cum, self.rng.random() * self.employer_cum[-1])
        return self.employer_ids[min(at, len(self.employer_ids) - 1)]

    def _title(self, case_type: str) -> str:
        rng = self.rng
        dept, dept2 = rng.sample(texts.DEPARTMENTS, 2)
        return rng.choice(texts.TITLES[case_type]).format(
            floor=rng.choice(texts.FLOORS),
            dept=dept,
            dept2=dept2,
            building=rng.choice(texts.BUILDINGS),
            street=rng.choice(texts.STREETS),
            pct=rng.choice((10, 15, 20, 25, 30, 40)),
            days=rng.choice(("to", "tre", "fire")),
            group=rng.choice(texts.GROUPS),
        )

    def _description(self, case_type: str) -> str | None:
        rng = self.rng
        if rng.random() < 0.1:
            return None
        own = texts.DESCRIPTIONS[case_type]
        sentences = rng.sample(own, min(len(own), rng.randint(1, 3)))
        sentences += rng.sample(texts.SHARED_SENTENCES, rng.randint(0, 2))
        return " ".join(sentences)

    def add_case(self, batch: Batch, case_id: int, created: datetime) -> None:
        rng = self.rng
        case_type = self.pick_type()
        year = created.year
        seq = self.seq_by_year.get(year, 0) + 1
        self.seq_by_year[year] = seq
        employer_id = self._employer()

        notice_on = created.date() - timedelta(days=rng.randint(0, 20))
        # the case runs for some weeks or months after the notice, never past "now"
        end = notice_on + timedelta(days=rng.randint(10, 240))
        if end >= NOW.date():  # still running: last touched some day in the last months
            end = NOW.date() - timedelta(days=rng.randint(0, 90))
        end = max(end, created.date())
        decision_on = (
            notice_on + timedelta(days=rng.randint(7, 90)) if rng.random() < 0.75 else None
        )
        planned_on = implemented_on = None
        if decision_on is not None and rng.random() < 0.6:
            planned_on = decision_on + timedelta(days=rng.randint(14, 180))

        closed = rng.random() < CLOSED_SHARE[year]
        if closed and planned_on is not None and rng.random() < 0.6:
            implemented_on = planned_on + timedelta(days=rng.randint(0, 30))

        event_days = sorted(
            notice_on + timedelta(days=rng.randint(0, (end - notice_on).days))
            for _ in range(rng.randint(1, 5))
        )
        last_change = max(created + timedelta(minutes=rng.randint(5, 600)), _at(end, rng))
        updated_at = min(last_change, NOW - timedelta(minutes=rng.randint(1, 600)))
        deleted_at = None
        if rng.random() < DELETED_SHARE:
            deleted_at = min(updated_at + timedelta(days=rng.randint(1, 30)), NOW)
            updated_at = deleted_at  # deleting is a change like any other

        home_office = case_type.startswith("home_office")
        employees = self.employer_size[employer_id]
        case_uuid = _uuid(rng)
        batch.cases.append(
            {
                "id": case_id,
                "uuid": case_uuid,
                # The report's cell key, from the uuid so the random stream (and with it
                # every other generated value) is unchanged; raw and ORM loads agree.
                "cell_key": case_uuid.int % 256,
                "number": f"{year}/{seq}",
                "year": year,
                "seq": seq,
                "title": self._title(case_type),
                "employer_id": employer_id,
                "location": f"{rng.choice(texts.STREETS)} {rng.randint(1, 80)}"
                if rng.random() < 0.5
                else None,
                "case_type": case_type,
                "description": self._description(case_type),
                "members_affected": rng.randint(1, max(1, employees // 3))
                if rng.random() < 0.7
                else None,
                "notice_on": notice_on,
                "decision_on": decision_on,
                "planned_implementation_on": planned_on,
                "implemented_on": implemented_on,
                "home_office_days_per_week": rng.choice((0.0, 1.0, 2.0, 2.5, 3.0))
                if home_office
                else None,
                "written_agreements": rng.random() < 0.4 if home_office else None,
                "ordered_by_authorities": year == 2022 and rng.random() < 0.2,
                "representative_id": rng.randint(1, REPRESENTATIVES)
                if rng.random() < 0.8
                else None,
                "status": "closed" if closed else "open",
                "outcome": rng.choice(self.outcomes) if closed else None,
                "source_ref": None,
                "last_document_seq": 0,
                "version": rng.randint(1, 5),
                "created_at": created,
                "updated_at": updated_at,
                "closed_at": updated_at if closed else None,
                "deleted_at": deleted_at,
                "group_id": None,
            }
        )
        first_event = len(batch.events)
        self._add_events(batch, case_id, [notice_on, *event_days], updated_at)
        if rng.random() < DEADLINE_SHARE:
            self._add_deadlines(batch, case_id, event_days, closed)
        self._add_office_rows(batch, batch.cases[-1], batch.events[first_event:])

    def _add_events(self, batch: Batch, case_id: int, days: list[date], latest: datetime) -> None:
        rng = self.rng
        for i, day in enumerate(days):
            kind = "notice" if i == 0 else self.pick_event_kind()
            at = min(_at(day, rng), latest)
            letter = kind == "letter_sent"
            batch.events.append(
                {
                    "uuid": _uuid(rng),
                    "case_id": case_id,
                    "kind": kind,
                    "occurred_on": day,
                    "participants": rng.choice(texts.PARTICIPANTS)
                    if kind.endswith("_meeting")
                    else None,
                    "notes": rng.choice(texts.NOTES[kind]) if rng.random() < NOTES_SHARE else None,
                    "signed_by_both": rng.random() < 0.7 if kind == "protocol" else None,
                    "letter_kind": rng.choice(self.letter_kinds) if letter else None,
                    "reply_by": day + timedelta(days=14) if letter and rng.random() < 0.5 else None,
                    "version": 1,
                    "created_at": at,
                    "updated_at": at,
                    "deleted_at": None,
                }
            )

    def _add_deadlines(self, batch: Batch, case_id: int, days: list[date], closed: bool) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 2)):
            start = rng.choice(days)
            due = start + timedelta(days=rng.choice((7, 14, 14, 21, 30, 60)))
            title, rule = rng.choice(texts.DEADLINE_TITLES)
            met_on = None
            cancelled = False
            if closed or rng.random() < 0.4:
                if rng.random() < 0.1:
                    cancelled = True
                else:
                    met_on = due - timedelta(days=rng.randint(0, 6))
            batch.deadlines.append(
                {
                    "case_id": case_id,
                    "document_id": None,
                    "title": title,
                    "rule": rule,
                    "due_on": due,
                    "original_due_on": due,
                    "met_on": met_on,
                    "cancelled": cancelled,
                    "created_at": _at(start, rng),
                }
            )

    def _add_office_rows(
        self, batch: Batch, case: dict[str, Any], events: list[dict[str, Any]]
    ) -> None:
        """A case's reply deadlines, checklist answers and stages beyond the local level,
        from the second stream."""
        rng = self.office_rng
        case_id = case["id"]
        for event in events:  # the employer's answer to a letter with a reply date
            due = event["reply_by"]
            if due is None:
                continue
            met_on = None
            draw = rng.random()
            if due < NOW.date():
                if draw < 0.55:
                    met_on = due - timedelta(days=rng.randint(0, 10))
                elif draw < 0.7:
                    met_on = min(due + timedelta(days=rng.randint(1, 20)), NOW.date())
            elif draw < 0.2:
                met_on = event["occurred_on"] + timedelta(days=rng.randint(1, 5))
            batch.deadlines.append(
                {
                    "case_id": case_id,
                    "document_id": None,
                    "title": "Svarfrist på brevet",
                    "rule": f"{REPLY_RULE} 14 dager",
                    "due_on": due,
                    "original_due_on": due,
                    "met_on": met_on,
                    "cancelled": False,
                    "created_at": event["created_at"],
                }
            )
        if case["case_type"].startswith("home_office") and rng.random() < CHECKLIST_SHARE:
            for key in self.checklist_keys:
                batch.checklist_answers.append(
                    {
                        "case_id": case_id,
                        "item_key": key,
                        "answer": self.pick_answer(),
                        "note": None,
                        "updated_at": case["updated_at"],
                    }
                )
        if case["outcome"] in ("escalated", "disagreement") and (
            case["outcome"] == "escalated" or rng.random() < 0.3
        ):
            self._add_escalation(batch, case)

    def _add_escalation(self, batch: Batch, case: dict[str, Any]) -> None:
        rng = self.office_rng
        start = case["decision_on"] or case["notice_on"]
        stages = [("local", "disagreement")]
        if case["outcome"] == "escalated":
            stages.append(
                ("central", rng.choice(("agreement", "partial_agreement", "disagreement")))
            )
            if stages[-1][1] == "disagreement" and rng.random() < ESCALATED_ONWARD / 0.33:
                court = (
                    "tjenestetvist"
                    if self.employer_sector[case["employer_id"]] == "stat"
                    else "arbeidsretten"
                )
                stages.append((court, rng.choice(("upheld", "rejected", "settled"))))
        closed_on = case["updated_at"].date()
        for k, (stage, outcome) in enumerate(stages):
            started = min(start + timedelta(days=14 + 30 * k), closed_on)
            batch.escalations.append(
                {
                    "uuid": _uuid(rng),
                    "case_id": case["id"],
                    "event_id": None,
                    "stage": stage,
                    "started_on": started,
                    "ended_on": min(started + timedelta(days=rng.randint(7, 60)), closed_on),
                    "outcome": outcome,
                    "reference": None,
                    "notes": None,
                    "created_at": case["updated_at"],
                    "updated_at": case["updated_at"],
                }
            )

    def group_cases(self, batch: Batch) -> None:
        """Some employers' cases in a batch are one decision (a group case): linked
        through ``group_id``, counted once by the report. The cases keep their own dates."""
        rng = self.office_rng
        by_employer: dict[int, list[dict[str, Any]]] = {}
        for case in batch.cases:
            if case["deleted_at"] is None:
                by_employer.setdefault(case["employer_id"], []).append(case)
        for cases in by_employer.values():
            if len(cases) < 2 or rng.random() >= GROUP_SHARE:
                continue
            members = rng.sample(cases, min(len(cases), rng.randint(2, 6)))
            self.groups_made += 1
            first = min(members, key=lambda c: c["created_at"])
            batch.groups.append(
                {
                    "id": self.groups_made,
                    "uuid": _uuid(rng),
                    "name": f"Felles beslutning {self.groups_made}: {first['title']}"[:200],
                    "description": None,
                    "notice_on": first["notice_on"],
                    "decision_on": first["decision_on"],
                    "version": 1,
                    "created_at": first["created_at"],
                    "updated_at": first["updated_at"],
                }
            )
            for case in members:
                case["group_id"] = self.groups_made


class DataSet:
    """The rows for ``n`` cases, drawn from one seeded generator. Both writers (this module's
    and the raw-sqlite3 floor in ``load_floor``) take their rows from here, so they write the
    very same data."""

    def __init__(self, n: int, seed: int = DEFAULT_SEED) -> None:
        self.n = n
        rng = random.Random(seed)
        self.employers = _employers(rng, employer_count(n))
        self.representatives = _representatives(rng)
        self._created = _creation_times(rng, n)
        self._maker = _CaseMaker(rng, self.employers, random.Random(seed + 1))

    def batches(self, size: int) -> Iterator[Batch]:
        """Cases with their events and deadlines, ``size`` cases at a time, oldest first."""
        for start in range(0, self.n, size):
            batch = Batch()
            for offset, when in enumerate(self._created[start : start + size]):
                self._maker.add_case(batch, start + offset + 1, when)
            self._maker.group_cases(batch)
            yield batch

    def counters(self) -> list[dict[str, Any]]:
        """``case_counters``: the last sequence number used per year (after ``batches``)."""
        return [{"year": y, "last_seq": s} for y, s in sorted(self._maker.seq_by_year.items())]


def employer_count(n: int) -> int:
    """A few hundred employers for a small set, a few thousand for a large one."""
    return max(200, min(3000, n // 40))


def generate(
    n: int,
    data_dir: Path,
    *,
    seed: int = DEFAULT_SEED,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[str], None] | None = None,
) -> Generated:
    """Create ``data_dir/tillitsvalgt.db`` with ``n`` cases. Refuses an existing database:
    this is for fresh benchmark databases only."""
    file = data_dir / DATABASE_FILENAME
    if file.exists():
        raise FileExistsError(f"{file} exists; generate into an empty directory")
    result = Generated(file=file)
    watch = Stopwatch(result)
    say = progress or (lambda _msg: None)

    with watch("migrate"):
        db = Database.open(data_dir=data_dir)
    try:
        with watch("build"):
            data = DataSet(n, seed)
        with watch("insert employers"), db.session() as session:
            session.execute(sa.insert(Employer).execution_options(**BULK), data.employers)
            session.execute(
                sa.insert(Representative).execution_options(**BULK), data.representatives
            )
        result.employers = len(data.employers)

        # One unit of work per batch: the WAL stays small and a crash loses one batch.
        batches = data.batches(batch_size)
        while True:
            with watch("build"):
                batch = next(batches, None)
            if batch is None:
                break
            with db.session() as session:
                with watch("insert cases"):  # fires the FTS insert trigger per case
                    if batch.groups:
                        session.execute(
                            sa.insert(CaseGroup).execution_options(**BULK), batch.groups
                        )
                    session.execute(sa.insert(Case).execution_options(**BULK), batch.cases)
                with watch("insert events"):  # fires the FTS update trigger per event
                    session.execute(sa.insert(Event).execution_options(**BULK), batch.events)
                with watch("insert deadlines"):
                    session.execute(sa.insert(Deadline).execution_options(**BULK), batch.deadlines)
                with watch("insert office rows"):
                    for model, rows in (
                        (Escalation, batch.escalations),
                        (ChecklistAnswer, batch.checklist_answers),
                    ):
                        if rows:
                            session.execute(sa.insert(model).execution_options(**BULK), rows)
                with watch("commit"):
                    session.commit()  # here, to time it; the session's own commit is then a no-op
            result.count(batch)
            say(f"{result.cases}/{n} cases")

        with watch("insert cases"), db.session() as session:
            session.execute(sa.insert(CaseCounter).execution_options(**BULK), data.counters())
    finally:
        with watch("close"):
            db.dispose()  # the last connection to close checkpoints the WAL into the file
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("--n", type=int, default=100_000, help="number of cases")
    parser.add_argument("--out", type=Path, required=True, help="an empty data directory")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--batch", type=int, default=BATCH_SIZE, help="cases per transaction")
    args = parser.parse_args(argv)
    result = generate(
        args.n,
        args.out,
        seed=args.seed,
        batch_size=args.batch,
        progress=lambda msg: print(msg, file=sys.stderr, end="\r"),
    )
    print(file=sys.stderr)
    print(
        f"{result.cases} cases, {result.employers} employers, {result.events} events, "
        f"{result.deadlines} deadlines, {result.groups} group cases, {result.escalations} "
        f"stages beyond the local level, {result.checklist_answers} checklist answers in "
        f"{result.total_seconds:.1f} s → {result.file}"
    )
    for part, seconds in result.seconds.items():
        print(f"  {part:<18} {seconds:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
