"""The assessment: every scenario as a table test through the pure rules and end to end,
and properties that must hold for any case."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tillitsvalgt.cli import main
from tillitsvalgt.rules.assessment import assess
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.rules.types import Assessment, CaseFacts, EventFacts

from conftest import SCENARIOS
from helpers.scenarios import facts_from

SCENARIO_LIST: list[dict[str, Any]] = json.loads(SCENARIOS.read_text(encoding="utf-8"))
ORDER = ("in_time", "late_before_implementation", "late_after_implementation",
         "information_only", "not_held_decision_taken")  # fmt: skip


def check_expected(result: dict[str, Any], expected: dict[str, Any], name: str) -> None:
    for key in ("required_level", "timing", "demand"):
        assert result[key] == expected[key], f"{name}: {key}"
    if "missing" in expected:
        assert result["missing"] == expected["missing"], f"{name}: missing"
    for key in expected.get("provisions_include", []):
        assert key in result["provisions"], f"{name}: {key} should apply"
    for key in expected.get("provisions_exclude", []):
        assert key not in result["provisions"], f"{name}: {key} must not apply"
    if "next_letters" in expected:
        if expected["next_letters"] == []:
            assert result["next_letters"] == [], f"{name}: no letter expected"
        for letter in expected["next_letters"]:
            assert letter in result["next_letters"], f"{name}: {letter} should be suggested"


@pytest.mark.parametrize("scenario", SCENARIO_LIST, ids=[s["id"] for s in SCENARIO_LIST])
def test_scenario_through_the_pure_rules(scenario: dict[str, Any]) -> None:
    result = assess(facts_from(scenario), load_catalogue(), date.fromisoformat(scenario["today"]))
    check_expected(result.as_expected(), scenario["expected"], scenario["id"])
    assert result.reasons and all(r.strip() for r in result.reasons)
    # The same reasons and gaps in nynorsk, one for one (the nynorsk case summary).
    assert len(result.reasons_nn) == len(result.reasons)
    assert all(r.strip() and r not in result.reasons for r in result.reasons_nn)
    assert len(result.evidence_gaps_nn) == len(result.evidence_gaps)
    for provision in result.provisions:
        assert provision.reason  # every provision says why it applies
        assert provision.reason_nn and provision.reason_nn != provision.reason
        assert provision.title_nn and provision.summary_nn
        if not provision.verified:
            assert "§" not in provision.citation  # a lead is cited by chapter


def test_every_scenario_end_to_end_through_import_and_assess_json(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["--database-url", db_url, "import", str(SCENARIOS)])
    capsys.readouterr()
    for scenario in SCENARIO_LIST:
        number = f"2026/{SCENARIO_LIST.index(scenario) + 1}"
        main(["--database-url", db_url, "assess", number, "--today", scenario["today"], "--json"])
        [result] = json.loads(capsys.readouterr().out)
        assert result["number"] == number
        assert result["title"] == scenario["case"]["title"]
        assert all(isinstance(r, str) and r for r in result["reasons"])
        check_expected(result, scenario["expected"], scenario["id"])


def test_assess_all_cases_lists_every_case(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--database-url", db_url, "import", str(SCENARIOS)])
    capsys.readouterr()
    main(["--database-url", db_url, "assess", "--today", "2026-11-22", "--json"])
    results = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in results] == [f"2026/{i}" for i in range(1, 11)]
    assert set(results[0]) >= {
        "number",
        "title",
        "required_level",
        "timing",
        "missing",
        "demand",
        "provisions",
        "next_letters",
        "reasons",
    }


# --------------------------------------------------------------------------- properties

BASE = facts_from(SCENARIO_LIST[0])
TODAY = date.fromisoformat(SCENARIO_LIST[0]["today"])


def _shift(facts: CaseFacts, days: int) -> CaseFacts:
    move = lambda d: None if d is None else d + timedelta(days=days)  # noqa: E731
    return dataclasses.replace(
        facts,
        notice_on=move(facts.notice_on),
        decision_on=move(facts.decision_on),
        planned_implementation_on=move(facts.planned_implementation_on),
        implemented_on=move(facts.implemented_on),
        events=tuple(
            dataclasses.replace(e, on=move(e.on), reply_by=move(e.reply_by)) for e in facts.events
        ),
    )


def _verdict(a: Assessment) -> tuple[str, str, tuple[str, ...], str]:
    return a.required_level, a.timing, a.missing, a.demand


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(min_value=0, max_value=len(SCENARIO_LIST) - 1),
    days=st.integers(min_value=-3000, max_value=3000),
)
def test_shifting_every_date_alike_never_changes_the_verdict(index: int, days: int) -> None:
    scenario = SCENARIO_LIST[index]
    facts, today = facts_from(scenario), date.fromisoformat(scenario["today"])
    catalogue = load_catalogue()
    before = assess(facts, catalogue, today)
    after = assess(_shift(facts, days), catalogue, today + timedelta(days=days))
    assert _verdict(after) == _verdict(before)
    assert [s.kind for s in after.next_letters] == [s.kind for s in before.next_letters]


@settings(max_examples=80)
@given(
    index=st.integers(min_value=0, max_value=len(SCENARIO_LIST) - 1),
    before_days=st.integers(min_value=1, max_value=60),
    kind=st.sampled_from(["consultation_meeting", "negotiation_meeting"]),
)
def test_a_meeting_before_the_decision_never_makes_the_verdict_worse(
    index: int, before_days: int, kind: str
) -> None:
    scenario = SCENARIO_LIST[index]
    facts, today = facts_from(scenario), date.fromisoformat(scenario["today"])
    if facts.decision_on is None:
        return
    catalogue = load_catalogue()
    before = assess(facts, catalogue, today)
    meeting = EventFacts(kind=kind, on=facts.decision_on - timedelta(days=before_days))
    after = assess(dataclasses.replace(facts, events=(*facts.events, meeting)), catalogue, today)
    if after.timing in ORDER and before.timing in ORDER:
        assert ORDER.index(after.timing) <= ORDER.index(before.timing)
    if before.timing == "in_time":
        assert after.timing == "in_time"
    if kind == "negotiation_meeting":
        assert after.timing == "in_time"  # a forhandling covers every level


DATE_FIELDS = ("notice_on", "decision_on", "planned_implementation_on", "implemented_on")


@settings(max_examples=80)
@given(
    index=st.integers(min_value=0, max_value=len(SCENARIO_LIST) - 1),
    field=st.sampled_from(DATE_FIELDS),
)
def test_removing_a_date_never_gives_a_firmer_verdict_than_unknown(index: int, field: str) -> None:
    scenario = SCENARIO_LIST[index]
    facts, today = facts_from(scenario), date.fromisoformat(scenario["today"])
    catalogue = load_catalogue()
    before = assess(facts, catalogue, today)
    after = assess(dataclasses.replace(facts, **{field: None}), catalogue, today)
    if before.timing == "unknown":
        assert after.timing in ("unknown", "not_held_yet")
    if after.timing != before.timing and before.timing in (
        "in_time",
        "late_before_implementation",
        "late_after_implementation",
    ):
        # A meeting was held but its date can no longer be judged against the decision.
        assert after.timing == "unknown" or field != "decision_on"
        if field == "decision_on":
            assert "decision_on" in after.missing


def test_under_50_employees_aml_chapter_8_does_not_apply_but_the_agreement_does() -> None:
    facts = dataclasses.replace(BASE, employees=49)
    result = assess(facts, load_catalogue(), TODAY)
    keys = [p.key for p in result.provisions]
    assert "aml:8-2" not in keys and "aml:8-1" not in keys
    assert result.required_level == "drofting"  # the finance agreement still requires it
    assert any("49 ansatte" in r for r in result.reasons)
    at_50 = assess(dataclasses.replace(BASE, employees=50), load_catalogue(), TODAY)
    aml = next(p for p in at_50.provisions if p.key == "aml:8-2")
    assert "50 ansatte (grensen er 50)" in aml.reason


def test_no_agreement_and_few_employees_requires_only_information() -> None:
    facts = dataclasses.replace(BASE, agreement="none", employees=12)
    assert assess(facts, load_catalogue(), TODAY).required_level == "informasjon"


def test_home_office_on_authorities_order_requires_drofting_of_the_written_information() -> None:
    facts = CaseFacts(
        case_type="home_office_policy",
        agreement="none",
        employees=12,
        home_office_days_per_week=5,
        written_agreements=False,
        ordered_by_authorities=True,
        notice_on=date(2026, 3, 1),
    )
    result = assess(facts, load_catalogue(), date(2026, 3, 10))
    assert result.required_level == "drofting"
    assert "krav_om_hjemmekontoravtale" not in [s.kind for s in result.next_letters]


def test_a_protocol_not_signed_by_both_is_an_evidence_gap() -> None:
    events = (*BASE.events[:2], EventFacts("protocol", date(2026, 3, 3), signed_by_both=False))
    result = assess(dataclasses.replace(BASE, events=events), load_catalogue(), TODAY)
    assert "Protokollen er ikke signert av begge parter." in result.evidence_gaps
    assert any("Verneombudet" in gap for gap in result.evidence_gaps)
    with_vo = (*events, EventFacts("verneombud", date(2026, 2, 10)))
    result = assess(dataclasses.replace(BASE, events=with_vo), load_catalogue(), TODAY)
    assert not any("Verneombudet" in gap for gap in result.evidence_gaps)


def test_a_demand_answered_by_a_meeting_is_answered() -> None:
    events = (
        EventFacts("notice", date(2026, 3, 1)),
        EventFacts(
            "letter_sent", date(2026, 3, 5), letter="krav_om_drofting", reply_by=date(2026, 3, 19)
        ),
        EventFacts("consultation_meeting", date(2026, 3, 12)),
    )
    facts = dataclasses.replace(BASE, decision_on=None, events=events)
    result = assess(facts, load_catalogue(), date(2026, 4, 1))
    assert result.demand == "answered"
    waiting = dataclasses.replace(facts, events=events[:2])
    assert assess(waiting, load_catalogue(), date(2026, 3, 19)).demand == "awaiting_reply"
    assert assess(waiting, load_catalogue(), date(2026, 3, 20)).demand == "overdue"


def test_the_reasons_have_the_same_keys_and_blanks_in_both_forms() -> None:
    """As the letters' phrase tables: a key said in one form is said in the other, with
    the same facts filled in."""
    import string

    from tillitsvalgt.rules.reasons import NB, NN

    assert NB.keys() == NN.keys()
    for key in NB:
        blanks = {f for _, f, _, _ in string.Formatter().parse(NB[key]) if f}
        assert blanks == {f for _, f, _, _ in string.Formatter().parse(NN[key]) if f}, key
