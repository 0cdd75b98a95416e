"""Dates as people type them: the pure reader behind every date field of the window."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tillitsvalgt.rules.date_text import DateTextError, format_date_text, parse_date_text

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("15.10.2026", date(2026, 10, 15)),
        ("15.10.26", date(2026, 10, 15)),
        ("1.2.26", date(2026, 2, 1)),
        ("01.02.2026", date(2026, 2, 1)),
        ("151026", date(2026, 10, 15)),
        ("15102026", date(2026, 10, 15)),
        ("1510", date(2026, 10, 15)),
        ("15.10", date(2026, 10, 15)),
        ("15.10.", date(2026, 10, 15)),
        ("15/10/2026", date(2026, 10, 15)),
        ("15-10-2026", date(2026, 10, 15)),
        ("15 10 2026", date(2026, 10, 15)),
        ("2026-10-15", date(2026, 10, 15)),
        ("  15.10.2026  ", date(2026, 10, 15)),
        ("29.2.2028", date(2028, 2, 29)),
        ("i", TODAY),
        ("I", TODAY),
        ("t", TODAY),
        ("i dag", TODAY),
        ("idag", TODAY),
        ("+14", date(2026, 12, 20)),
        ("-6", date(2026, 11, 30)),
        ("1.1.99", date(1999, 1, 1)),  # more than 50 years ahead: the last century
        ("1.1.76", date(2076, 1, 1)),
    ],
)
def test_what_people_type_is_read_as_they_mean_it(typed: str, meant: date) -> None:
    assert parse_date_text(typed, TODAY) == meant


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "skriv en dato"),
        ("   ", "skriv en dato"),
        ("15.13.2026", "måneden må være mellom 1 og 12"),
        ("31.4.2026", "april har bare 30 dager"),
        ("29.2.2026", "29. februar finnes ikke i 2026"),
        ("0.1.2026", "dagen må være 1 eller mer"),
        ("15.10.202", "året «202» må ha 2 eller 4 sifre"),
        ("15102", "5 sifre"),
        ("i morgen", "er ikke en dato"),
        ("15.okt.2026", "er ikke en dato"),
        ("123.10.2026", "høyst 2 sifre"),
        ("1.2.3.4", "for mange deler"),
        ("١٥.١٠.٢٠٢٦", "er ikke en dato"),  # other digits are not read as ours
    ],
)
def test_a_text_that_is_not_a_date_says_what_to_fix(typed: str, says: str) -> None:
    with pytest.raises(DateTextError, match=says):
        parse_date_text(typed, TODAY)


@given(st.dates(min_value=date(1977, 1, 1), max_value=date(2076, 12, 31)))
def test_every_date_survives_its_own_forms(day: date) -> None:
    for text in (
        format_date_text(day),
        f"{day.day}.{day.month}.{day.year % 100:02d}",
        f"{day.day:02d}{day.month:02d}{day.year % 100:02d}",
        day.isoformat(),
    ):
        assert parse_date_text(text, TODAY) == day


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_message_never_a_crash(text: str) -> None:
    try:
        parse_date_text(text, TODAY)
    except DateTextError as exc:
        assert str(exc)
