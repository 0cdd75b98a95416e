"""Norwegian counts: «1 sak», never «1 saker»; in the rules' words and the window's."""

from __future__ import annotations

import dataclasses
from datetime import date

from tillitsvalgt.plural import count, number_text
from tillitsvalgt.rules.assessment import assess
from tillitsvalgt.rules.catalogue import load_catalogue
from tillitsvalgt.rules.types import CaseFacts


def test_singular_only_for_exactly_one() -> None:
    assert count(1, "sak", "saker") == "1 sak"
    assert count(0, "sak", "saker") == "0 saker"
    assert count(2, "sak", "saker") == "2 saker"
    assert count(0.5, "dag", "dager") == "0,5 dager"
    assert count(1.0, "dag", "dager") == "1 dag"
    assert count(1.5, "dag", "dager") == "1,5 dager"
    assert number_text(1274) == "1 274"


def test_the_assessment_says_one_day_and_one_employee() -> None:
    base = CaseFacts(
        case_type="home_office_policy",
        agreement="ys-nho",
        employees=1,
        notice_on=date(2026, 9, 1),
        decision_on=date(2026, 9, 15),
        planned_implementation_on=None,
        implemented_on=None,
        home_office_days_per_week=1,
        written_agreements=None,
        ordered_by_authorities=None,
        events=(),
    )
    text = repr(assess(base, load_catalogue(), date(2026, 12, 6)))  # every sentence in it
    assert "1 dag i uka" in text and "1 dager" not in text
    assert "1 ansatte" not in text
    sporadic = dataclasses.replace(base, home_office_days_per_week=0.5)
    assert "0,5 dager i uka" in repr(assess(sporadic, load_catalogue(), date(2026, 12, 6)))


def test_the_window_counts_in_the_singular(qtbot: object) -> None:
    from ui.i18n import count as plural
    from ui.views.deadlines_view import overdue_notice

    assert plural(1, "%n sak", "%n saker") == "1 sak"
    assert overdue_notice(1) == "1 frist er oversittet – se Frister."
    assert overdue_notice(3) == "3 frister er oversittet – se Frister."
