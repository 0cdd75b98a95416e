"""The bulk path: ``verdict`` (the codes alone, no words) judges exactly as ``assess`` for
every scenario and for thousands of generated cases, also when it is given only the events
it looks at; and ``verdicts_all`` / ``assess_all`` over the database judge as the
one-by-one path through the models, whatever order the ids and case numbers are in."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillitsvalgt.db import Database
from tillitsvalgt.rules.assessment import VERDICT_EVENT_KINDS, assess, verdict
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.rules.types import Assessment, CaseFacts, Catalogue, EventFacts, Verdict
from tillitsvalgt.services import events
from tillitsvalgt.services.assessments import (
    assess_all,
    assess_case,
    refresh_all_verdicts,
    verdicts_all,
)
from tillitsvalgt.shapes import EventCreate
from tillitsvalgt.vocabulary import CASE_TYPES, EVENT_KINDS, LETTER_KINDS

from conftest import SCENARIOS, make_case, make_employer
from helpers.scenarios import facts_from

CATALOGUE = load_catalogue()
AGREEMENTS = [*CATALOGUE.agreements, "none"]
START = date(2022, 1, 1)


SCENARIO_LIST: list[dict[str, Any]] = json.loads(SCENARIOS.read_text(encoding="utf-8"))


def codes(result: Assessment | Verdict) -> tuple[object, ...]:
    return (
        result.required_level,
        result.timing,
        tuple(result.missing),
        result.demand,
        result.demand_due_on,
    )


def only_verdict_events(facts: CaseFacts) -> CaseFacts:
    return dataclasses.replace(
        facts, events=tuple(e for e in facts.events if e.kind in VERDICT_EVENT_KINDS)
    )


def check_alike(facts: CaseFacts, catalogue: Catalogue, today: date) -> None:
    full = codes(assess(facts, catalogue, today))
    assert codes(verdict(facts, catalogue, today)) == full, facts
    assert codes(verdict(only_verdict_events(facts), catalogue, today)) == full, facts


# A level only on the provisions with a test of their own (a headcount, a condition), the
# highest: the level then shows whether any of them applied. A union's own catalogue (the
# office's pack) may give a level where the built-in one gives none.
LEVELLED = dataclasses.replace(
    CATALOGUE,
    provisions=tuple(
        dataclasses.replace(
            p, level="forhandling" if p.min_employees is not None or p.condition else None
        )
        for p in CATALOGUE.provisions
    ),
)


@pytest.mark.parametrize("employees", [None, 5, 10, 29, 30, 49, 50, 400])
@pytest.mark.parametrize("case_type", sorted(CASE_TYPES))
def test_the_verdicts_level_is_the_full_assessments_under_any_catalogue(
    employees: int | None, case_type: str
) -> None:
    """The verdict decides the level without the words (``_applies``): the same level as
    the full assessment for every headcount around the thresholds (unknown too: a body
    such as AMU that the employer may have), each condition, and a catalogue in which
    every provision sets a level."""
    for days, ordered, permit in [(None, None, None), (1.0, True, True), (3.0, False, False)]:
        facts = CaseFacts(
            case_type=case_type,
            agreement="none",
            employees=employees,
            home_office_days_per_week=days,
            ordered_by_authorities=ordered,
            building_permit=permit,
        )
        for catalogue in (CATALOGUE, LEVELLED):
            check_alike(facts, catalogue, date(2026, 11, 20))


@pytest.mark.parametrize("scenario", SCENARIO_LIST, ids=[s["id"] for s in SCENARIO_LIST])
def test_every_scenario_gets_the_same_codes_in_bulk(scenario: dict[str, Any]) -> None:
    facts, today = facts_from(scenario), date.fromisoformat(scenario["today"])
    check_alike(facts, CATALOGUE, today)
    result = verdict(facts, CATALOGUE, today)
    expected = scenario["expected"]
    assert (result.required_level, result.timing, result.demand) == (
        expected["required_level"],
        expected["timing"],
        expected["demand"],
    )


# --------------------------------------------------------------------------- generated


def _maybe_day(rng: random.Random, share_none: float = 0.25) -> date | None:
    return None if rng.random() < share_none else START + timedelta(days=rng.randrange(1800))


def random_facts(rng: random.Random) -> CaseFacts:
    """A case as messy as real ones: any dates (or none, in any order), any events, same-day
    letters, flags unknown."""
    timeline = []
    for _ in range(rng.randrange(9)):
        kind = rng.choice([*EVENT_KINDS, "letter_sent", "letter_sent"])
        timeline.append(
            EventFacts(
                kind,
                START + timedelta(days=rng.randrange(1800)),
                rng.choice([None, True, False]),
                rng.choice([None, *LETTER_KINDS]) if kind.startswith("letter") else None,
                _maybe_day(rng, 0.4),
            )
        )
    if timeline and rng.random() < 0.3:  # two letters sent the same day
        first = timeline[0]
        timeline.append(dataclasses.replace(first, kind="letter_sent", letter="purring"))
    return CaseFacts(
        case_type=rng.choice(list(CASE_TYPES)),
        agreement=rng.choice(AGREEMENTS),
        employees=rng.choice([None, 5, 49, 50, 180, 4000]),
        notice_on=_maybe_day(rng),
        decision_on=_maybe_day(rng),
        planned_implementation_on=_maybe_day(rng),
        implemented_on=_maybe_day(rng),
        home_office_days_per_week=rng.choice([None, 0.0, 0.5, 1.0, 2.5, 5.0]),
        written_agreements=rng.choice([None, True, False]),
        ordered_by_authorities=rng.choice([None, True, False]),
        events=tuple(timeline),
    )


def test_five_thousand_generated_cases_get_the_same_codes_in_bulk() -> None:
    rng = random.Random(20261122)
    for _ in range(5000):
        check_alike(random_facts(rng), CATALOGUE, START + timedelta(days=rng.randrange(2000)))


days = st.integers(min_value=0, max_value=400).map(lambda n: START + timedelta(days=n))
event_facts = st.builds(
    EventFacts,
    kind=st.sampled_from(list(EVENT_KINDS)),
    on=days,
    signed_by_both=st.sampled_from([None, True, False]),
    letter=st.sampled_from([None, *LETTER_KINDS]),
    reply_by=st.none() | days,
)
case_facts = st.builds(
    CaseFacts,
    case_type=st.sampled_from(list(CASE_TYPES)),
    agreement=st.sampled_from(AGREEMENTS),
    employees=st.sampled_from([None, 10, 49, 50, 500]),
    notice_on=st.none() | days,
    decision_on=st.none() | days,
    planned_implementation_on=st.none() | days,
    implemented_on=st.none() | days,
    home_office_days_per_week=st.sampled_from([None, 0.5, 1.0, 3.0]),
    written_agreements=st.sampled_from([None, True, False]),
    ordered_by_authorities=st.sampled_from([None, True, False]),
    events=st.lists(event_facts, max_size=8).map(tuple),
)


@settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
@given(facts=case_facts, today=days)
def test_any_case_gets_the_same_codes_in_bulk(facts: CaseFacts, today: date) -> None:
    check_alike(facts, CATALOGUE, today)


# --------------------------------------------------------------------------- database


def _fill(db: Database) -> None:
    """Cases whose numbers are not in id order (cases registered later in earlier years),
    events added out of date order, a deleted event, two cases in the recycle bin between
    live ones, a case with no event the verdict looks at, and a rebuild that needs a
    building permit (aml. § 18-9 applies: the bulk reading once left the permit out)."""
    employer = make_employer(db)
    small = make_employer(db, name="Lite AS", orgnr="974760673", employees=12, agreement="none")
    numbers = [
        make_case(db, employer, today=date(2026, 3, 1), decision_on=date(2026, 3, 20),
                  building_permit=True),
        make_case(db, small, today=date(2026, 4, 1), case_type="home_office_policy",
                  home_office_days_per_week=2.0, written_agreements=False),
        make_case(db, employer, today=date(2026, 6, 1), decision_on=date(2026, 6, 10)),
        make_case(db, small, today=date(2026, 6, 2)),
        make_case(db, employer, today=date(2025, 5, 1), decision_on=date(2025, 6, 1),
                  implemented_on=date(2025, 9, 1)),
        make_case(db, small, today=date(2024, 1, 5)),
        make_case(db, small, today=date(2026, 7, 1), decision_on=date(2026, 7, 2)),
    ]  # fmt: skip
    timeline: dict[int, list[tuple[str, date, dict[str, Any]]]] = {
        0: [("consultation_meeting", date(2026, 3, 10), {}), ("notice", date(2026, 3, 2), {}),
            ("protocol", date(2026, 3, 11), {"signed_by_both": False})],
        1: [("letter_sent", date(2026, 4, 2),
             {"letter_kind": "krav_om_drofting", "reply_by": date(2026, 4, 16)}),
            ("letter_sent", date(2026, 4, 2), {"letter_kind": "purring"}),
            ("note", date(2026, 4, 3), {})],
        2: [("information_meeting", date(2026, 6, 2), {})],
        3: [("letter_sent", date(2026, 6, 3), {"letter_kind": "krav_om_informasjon"})],
        4: [("information_meeting", date(2025, 5, 10), {}),
            ("consultation_meeting", date(2025, 7, 1), {}), ("amu", date(2025, 5, 20), {})],
        5: [("negotiation_meeting", date(2024, 1, 20), {})],
        6: [("note", date(2026, 7, 1), {}), ("protocol", date(2026, 7, 3), {})],
    }  # fmt: skip
    with db.session() as s:
        for index, entries in timeline.items():
            for kind, on, extra in entries:
                events.add_event(
                    numbers[index], EventCreate(kind=kind, occurred_on=on, **extra), session=s
                )
        added = events.add_event(
            numbers[0], EventCreate(kind="negotiation_meeting", occurred_on=date(2026, 3, 3)),
            session=s,
        )  # fmt: skip
    with db.session() as s:
        events.delete_event(added.id, version=added.version, session=s)
        for number in numbers[2:4]:
            s.execute(sa.text("UPDATE cases SET deleted_at = updated_at WHERE number = :n"),
                      {"n": number})  # fmt: skip


@pytest.mark.parametrize("today", [date(2026, 3, 15), date(2026, 11, 20)])
def test_bulk_over_the_database_judges_as_one_by_one(db: Database, today: date) -> None:
    _fill(db)
    with db.session(readonly=True) as s:
        full = list(assess_all(session=s, today=today, catalogue=CATALOGUE))
        bulk = list(verdicts_all(session=s, today=today, catalogue=CATALOGUE))
        numbers = [number for _, number, _, _ in full]
        assert numbers == ["2024/1", "2025/1", "2026/1", "2026/2", "2026/5"]  # 2026/3-4: bin
        ids = [case_id for case_id, _ in bulk]
        assert ids == sorted(case_id for case_id, *_ in full)  # id order, the same cases
        for case_id, number, _, judged in full:
            one = assess_case(number, session=s, today=today, catalogue=CATALOGUE).assessment
            # The listing is bokmål only: the same assessment without the nynorsk words.
            assert judged == dataclasses.replace(one, reasons_nn=(), evidence_gaps_nn=()), number
            assert codes(dict(bulk)[case_id]) == codes(one), number


def test_refresh_all_stores_what_the_full_assessment_finds(db: Database) -> None:
    _fill(db)
    today = date(2026, 11, 20)
    with db.session() as s:
        assert refresh_all_verdicts(session=s, today=today, catalogue=CATALOGUE, force=True) == 5
    with db.session(readonly=True) as s:
        rows = s.execute(
            sa.text(
                "SELECT number, verdict_level, verdict_timing, verdict_missing, verdict_demand,"
                " verdict_demand_due_on FROM cases WHERE deleted_at IS NULL ORDER BY id"
            )
        ).all()
        for number, level, timing, missing, demand, due in rows:
            one = assess_case(number, session=s, today=today, catalogue=CATALOGUE).assessment
            stored_due = due if due is None or isinstance(due, date) else date.fromisoformat(due)
            assert (level, timing, missing, stored_due) == (
                one.required_level,
                one.timing,
                ",".join(one.missing) or None,
                one.demand_due_on,
            ), number
            assert demand == ("awaiting_reply" if one.demand == "overdue" else one.demand)


def test_refresh_all_stores_only_when_a_verdict_is_from_an_earlier_day(db: Database) -> None:
    """The stale check (the first stale case is enough): nothing is stored again the same
    day; on the next day every live case is judged again."""
    _fill(db)
    today = date.today()  # verdict_at is the clock's time, not the day asked about
    with db.session() as s:
        assert refresh_all_verdicts(session=s, today=today, catalogue=CATALOGUE, force=True) == 5
    with db.session() as s:
        assert refresh_all_verdicts(session=s, today=today, catalogue=CATALOGUE) == 0
    tomorrow = today + timedelta(days=1)
    with db.session() as s:
        assert refresh_all_verdicts(session=s, today=tomorrow, catalogue=CATALOGUE) == 5
