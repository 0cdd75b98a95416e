"""The scenario file's cases as the pure rules' facts."""

from __future__ import annotations

from datetime import date
from typing import Any

from tillitsvalgt.rules.types import CaseFacts, EventFacts


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def facts_from(scenario: dict[str, Any]) -> CaseFacts:
    c, e = scenario["case"], scenario["employer"]
    return CaseFacts(
        case_type=c["type"],
        agreement=e["agreement"],
        employees=e.get("employees"),
        notice_on=_date(c.get("notice_on")),
        decision_on=_date(c.get("decision_on")),
        planned_implementation_on=_date(c.get("planned_implementation_on")),
        implemented_on=_date(c.get("implemented_on")),
        home_office_days_per_week=c.get("home_office_days_per_week"),
        written_agreements=c.get("written_agreements"),
        ordered_by_authorities=c.get("ordered_by_authorities"),
        events=tuple(
            EventFacts(
                kind=ev["kind"],
                on=date.fromisoformat(ev["on"]),
                signed_by_both=ev.get("signed_by_both"),
                letter=ev.get("letter"),
                reply_by=_date(ev.get("reply_by")),
            )
            for ev in scenario["events"]
        ),
    )
