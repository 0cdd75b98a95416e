"""Deadline arithmetic: calendar days from the letter, rolled to the next working day.

Every expected date below is worked out by hand from the calendar (holiday dates are
written out literally, not computed by the library under test)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tillitsvalgt.errors import ValidationError
from tillitsvalgt.rules import deadlines
from tillitsvalgt.rules.deadlines import (
    add_working_days,
    explain_deadline,
    format_date,
    format_weekday_date,
    holidays_between,
    is_working_day,
    next_working_day,
    reply_deadline,
)

D = date.fromisoformat

# The moving holidays, by hand: skjærtorsdag, langfredag, 1. påskedag, 2. påskedag,
# Kristi himmelfartsdag, 1. pinsedag, 2. pinsedag (Easter 2025-04-20, 2026-04-05,
# 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21; Ascension = Easter + 39, Whitsun + 49).
MOVING: dict[int, str] = {
    2025: "04-17 04-18 04-20 04-21 05-29 06-08 06-09",
    2026: "04-02 04-03 04-05 04-06 05-14 05-24 05-25",
    2027: "03-25 03-26 03-28 03-29 05-06 05-16 05-17",  # 2. pinsedag on 17 May
    2028: "04-13 04-14 04-16 04-17 05-25 06-04 06-05",
    2029: "03-29 03-30 04-01 04-02 05-10 05-20 05-21",
    2030: "04-18 04-19 04-21 04-22 05-30 06-09 06-10",
}
FIXED = ("01-01", "05-01", "05-17", "12-25", "12-26")


def literal_holidays(year: int) -> set[date]:
    return {D(f"{year}-{md}") for md in (*MOVING[year].split(), *FIXED)}


HAND_HOLIDAYS: set[date] = set().union(*(literal_holidays(y) for y in MOVING))


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    deadlines._year_holidays.cache_clear()
    yield
    deadlines._year_holidays.cache_clear()


# --------------------------------------------------------------------------- the scenarios


def test_s06_fourteen_days_from_18_december_lands_on_new_year_and_moves_to_monday() -> None:
    # 2027-01-01 is a Friday and 1. nyttårsdag; Saturday 2 and Sunday 3 follow.
    assert reply_deadline(D("2026-12-18"), 14) == D("2027-01-04")


def test_s09_seven_days_from_26_march_lands_in_easter_and_moves_to_tuesday() -> None:
    # 2026-04-02 skjærtorsdag, 3 langfredag, 4 Saturday, 5 1. påskedag, 6 2. påskedag.
    assert reply_deadline(D("2026-03-26"), 7) == D("2026-04-07")


# --------------------------------------------------------------------------- by hand


@pytest.mark.parametrize(
    ("dated", "days", "expected"),
    [
        # Easter
        ("2025-04-03", 14, "2025-04-22"),  # Thu 17 skjærtorsdag → Fri, Sat, Sun, Mon 21 → Tue
        ("2027-03-19", 7, "2027-03-30"),  # Fri 26 langfredag → Sat, Sun, Mon 29 → Tue 30
        ("2028-04-03", 14, "2028-04-18"),  # Mon 17 2. påskedag → Tue 18
        ("2029-03-15", 14, "2029-04-03"),  # Thu 29 March skjærtorsdag → Tue 3 April
        ("2030-04-05", 14, "2030-04-23"),  # Fri 19 langfredag → Tue 23 April
        # Ascension (always a Thursday) → Friday
        ("2025-05-15", 14, "2025-05-30"),
        ("2026-04-30", 14, "2026-05-15"),
        ("2029-04-26", 14, "2029-05-11"),
        # Whit Monday → Tuesday
        ("2030-05-27", 14, "2030-06-11"),
        ("2025-05-26", 14, "2025-06-10"),
        ("2027-05-03", 14, "2027-05-18"),  # 17 May 2027 is both 2. pinsedag and grunnlovsdagen
        # 1 May
        ("2025-04-24", 7, "2025-05-02"),  # Thursday 1 May → Friday 2 May
        ("2026-04-17", 14, "2026-05-04"),  # Friday 1 May → Sat, Sun → Monday 4 May
        ("2029-04-17", 14, "2029-05-02"),  # Tuesday 1 May → Wednesday 2 May
        # 17 May
        ("2029-05-03", 14, "2029-05-18"),  # Thursday → Friday
        ("2028-05-10", 7, "2028-05-18"),  # Wednesday → Thursday
        ("2026-05-03", 14, "2026-05-18"),  # Sunday 17 May 2026 → Monday
        # Christmas
        ("2025-12-11", 14, "2025-12-29"),  # Thu 25, Fri 26, Sat, Sun → Mon 29
        ("2027-12-11", 14, "2027-12-27"),  # Sat 25, Sun 26 → Mon 27 (an ordinary day)
        ("2028-12-18", 7, "2028-12-27"),  # Mon 25, Tue 26 → Wed 27
        ("2026-12-11", 14, "2026-12-28"),  # Fri 25, Sat 26, Sun 27 → Mon 28
        # New Year
        ("2027-12-18", 14, "2028-01-03"),  # Sat 1 January 2028, Sun 2 → Mon 3
        ("2028-12-18", 14, "2029-01-02"),  # Mon 1 January 2029 → Tue 2
        ("2029-12-18", 14, "2030-01-02"),  # Tue 1 January 2030 → Wed 2
        ("2024-12-18", 14, "2025-01-02"),  # Wed 1 January 2025 → Thu 2
        # 24 and 31 December are ordinary days when they are weekdays
        ("2025-12-17", 7, "2025-12-24"),  # Wednesday
        ("2025-12-17", 14, "2025-12-31"),  # Wednesday
        ("2030-12-10", 14, "2030-12-24"),  # Tuesday
        ("2030-12-17", 14, "2030-12-31"),  # Tuesday
        ("2026-12-10", 14, "2026-12-24"),  # Thursday
        # Weekends
        ("2026-02-21", 14, "2026-03-09"),  # Saturday 7 March → Monday 9 March
        ("2026-02-22", 14, "2026-03-09"),  # Sunday 8 March → Monday 9 March
        ("2026-03-02", 14, "2026-03-16"),  # Monday, a working day: unchanged
        ("2026-03-07", 0, "2026-03-09"),  # zero days from a Saturday → Monday
        ("2026-03-04", 0, "2026-03-04"),  # zero days from a Wednesday → that day
        ("2026-03-02", 365, "2027-03-02"),  # the longest accepted: a Tuesday
    ],
)
def test_reply_deadline_by_hand(dated: str, days: int, expected: str) -> None:
    assert reply_deadline(D(dated), days) == D(expected)


def test_the_library_gives_exactly_the_holidays_worked_out_by_hand() -> None:
    # No Sundays beyond the holidays themselves, nothing missing, 2025–2030.
    for year in MOVING:
        found = {d for d, _ in holidays_between(date(year, 1, 1), date(year, 12, 31))}
        assert found == literal_holidays(year), year


def test_holiday_names_are_norwegian() -> None:
    assert holidays_between(D("2026-01-01"), D("2026-12-31")) == [
        (D("2026-01-01"), "1. nyttårsdag"),
        (D("2026-04-02"), "skjærtorsdag"),
        (D("2026-04-03"), "langfredag"),
        (D("2026-04-05"), "1. påskedag"),
        (D("2026-04-06"), "2. påskedag"),
        (D("2026-05-01"), "arbeidernes dag"),
        (D("2026-05-14"), "Kristi himmelfartsdag"),
        (D("2026-05-17"), "grunnlovsdagen"),
        (D("2026-05-24"), "1. pinsedag"),
        (D("2026-05-25"), "2. pinsedag"),
        (D("2026-12-25"), "1. juledag"),
        (D("2026-12-26"), "2. juledag"),
    ]
    # Two holidays on one day are both named.
    assert holidays_between(D("2027-05-17"), D("2027-05-17")) == [
        (D("2027-05-17"), "2. pinsedag og grunnlovsdagen")
    ]


def test_names_stay_norwegian_whatever_the_locale(
    monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    # Without language="no" the library takes the names from these variables (English here).
    monkeypatch.setenv("LANGUAGE", "en_US")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert holidays_between(D("2026-12-25"), D("2027-01-01")) == [
        (D("2026-12-25"), "1. juledag"),
        (D("2026-12-26"), "2. juledag"),
        (D("2027-01-01"), "1. nyttårsdag"),
    ]


def test_holidays_between_includes_both_ends_and_spans_years() -> None:
    assert holidays_between(D("2026-12-25"), D("2026-12-25")) == [(D("2026-12-25"), "1. juledag")]
    assert [d for d, _ in holidays_between(D("2026-12-20"), D("2027-01-10"))] == [
        D("2026-12-25"),
        D("2026-12-26"),
        D("2027-01-01"),
    ]
    assert holidays_between(D("2026-12-27"), D("2026-12-31")) == []
    assert holidays_between(D("2027-01-10"), D("2026-12-20")) == []


def test_working_days() -> None:
    assert is_working_day(D("2026-03-04"))  # Wednesday
    assert not is_working_day(D("2026-03-07"))  # Saturday
    assert not is_working_day(D("2026-03-08"))  # Sunday
    assert not is_working_day(D("2026-04-02"))  # skjærtorsdag
    assert not is_working_day(D("2028-05-25"))  # Kristi himmelfartsdag
    assert is_working_day(D("2026-12-24"))  # julaften, Thursday
    assert is_working_day(D("2026-12-31"))  # nyttårsaften, Thursday
    assert is_working_day(D("2026-04-01"))  # onsdag before Easter
    assert next_working_day(D("2026-04-02")) == D("2026-04-07")
    assert next_working_day(D("2026-04-07")) == D("2026-04-07")
    assert next_working_day(D("2027-12-25")) == D("2027-12-27")


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2026-03-31", 3, "2026-04-08"),  # Wed 1 April, (Easter Thu–Mon), Tue 7, Wed 8
        ("2026-12-23", 2, "2026-12-28"),  # Thu 24, (Fri 25, Sat 26, Sun 27), Mon 28
        ("2026-03-06", 1, "2026-03-09"),  # Friday + 1 → Monday
        ("2026-03-07", 1, "2026-03-09"),  # Saturday + 1 → Monday
        ("2026-03-02", 10, "2026-03-16"),  # two ordinary weeks
        ("2027-05-12", 5, "2027-05-20"),  # Thu 13, Fri 14, (Sat, Sun, Mon 17 May), Tue 18–Thu 20
        ("2026-03-07", 0, "2026-03-07"),  # zero: start unchanged
    ],
)
def test_add_working_days_by_hand(start: str, n: int, expected: str) -> None:
    assert add_working_days(D(start), n) == D(expected)


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("days", "words"), [(-1, "negativ"), (-14, "negativ"), (366, "urimelig"), (10_000, "urimelig")]
)
def test_invalid_reply_days_are_refused_in_norwegian(days: int, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        reply_deadline(D("2026-03-02"), days)
    [problem] = caught.value.problems
    assert problem.field == "Svarfrist"
    assert words in problem.message
    assert "svarfristen" in problem.message
    assert "Svarfrist:" in str(caught.value)
    with pytest.raises(ValidationError):
        explain_deadline(D("2026-03-02"), days)


@pytest.mark.parametrize("n", [-1, 366])
def test_invalid_working_day_counts_are_refused(n: int) -> None:
    with pytest.raises(ValidationError) as caught:
        add_working_days(D("2026-03-02"), n)
    assert caught.value.problems[0].field == "Virkedager"


def test_years_the_holiday_calendar_does_not_know_are_refused_not_guessed() -> None:
    # The library returns no holidays at all outside 1901–2100; a wrong deadline is worse.
    with pytest.raises(ValidationError) as caught:
        reply_deadline(D("2100-12-20"), 14)  # 3 January 2101
    assert caught.value.problems[0].field == "Dato"
    assert "2101" in caught.value.problems[0].message
    with pytest.raises(ValidationError):
        reply_deadline(date.max - timedelta(days=1), 5)


# --------------------------------------------------------------------------- properties

# Within 1950–2099 the result (at most 365 + 5 days later) stays inside the calendar.
dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 6, 30))
day_counts = st.integers(min_value=0, max_value=365)


@settings(max_examples=300, deadline=None)
@given(dates, day_counts)
def test_reply_deadline_is_the_first_working_day_on_or_after_the_count(d: date, n: int) -> None:
    result = reply_deadline(d, n)
    raw = d + timedelta(days=n)
    assert is_working_day(result)
    assert result.weekday() < 5
    assert raw <= result <= raw + timedelta(days=5)
    # nothing skipped: every day from the raw date up to the result is a non-working day
    day = raw
    while day < result:
        assert not is_working_day(day)
        day += timedelta(days=1)


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 12, 31)),
    st.integers(min_value=0, max_value=180),
)
def test_reply_deadline_agrees_with_the_hand_made_calendar(d: date, n: int) -> None:
    # An independent oracle: the literal holiday table above, 2025–2030.
    expected = d + timedelta(days=n)
    while expected.weekday() >= 5 or expected in HAND_HOLIDAYS:
        expected += timedelta(days=1)
    assert expected.year <= 2030
    assert reply_deadline(d, n) == expected


def test_no_run_of_more_than_five_non_working_days_1901_to_2100() -> None:
    # The bound the property above relies on; it is reached only at Easter
    # (skjærtorsdag, langfredag, Saturday, 1. påskedag, 2. påskedag).
    longest, run = 0, 0
    starts: set[date] = set()
    day = date(1901, 1, 1)
    while day <= date(2100, 12, 31):
        if is_working_day(day):
            run = 0
        else:
            run += 1
            if run > longest:
                longest, starts = run, set()
            if run == longest:
                starts.add(day - timedelta(days=run - 1))
        day += timedelta(days=1)
    assert longest == 5
    assert all(holidays_between(s, s) == [(s, "skjærtorsdag")] for s in starts)
    assert D("2026-04-02") in starts


@settings(max_examples=300, deadline=None)
@given(dates, st.integers(min_value=0, max_value=365))
def test_add_working_days_counts_exactly_n_working_days(start: date, n: int) -> None:
    result = add_working_days(start, n)
    between = [
        start + timedelta(days=i) for i in range(1, (result - start).days + 1)
    ]  # (start, result]
    assert sum(is_working_day(day) for day in between) == n
    if n == 0:
        assert result == start
    else:
        assert is_working_day(result)


# --------------------------------------------------------------------------- words


def test_norwegian_dates_whatever_the_locale() -> None:
    months = [format_date(date(2026, m, 1)).split()[1] for m in range(1, 13)]
    assert months == [
        "januar", "februar", "mars", "april", "mai", "juni",
        "juli", "august", "september", "oktober", "november", "desember",
    ]  # fmt: skip
    week = [format_weekday_date(D("2026-03-02") + timedelta(days=i)).split()[0] for i in range(7)]
    assert week == ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
    assert format_date(D("2026-12-18")) == "18. desember 2026"
    assert format_date(D("2027-05-07")) == "7. mai 2027"
    assert format_weekday_date(D("2027-01-04")) == "mandag 4. januar 2027"
    assert format_weekday_date(D("2026-02-28")) == "lørdag 28. februar 2026"


def test_explain_s06() -> None:
    assert explain_deadline(D("2026-12-18"), 14) == (
        "14 dager fra 18. desember 2026 er 1. januar 2027 (1. nyttårsdag); "
        "fristen blir mandag 4. januar 2027."
    )


def test_explain_s09_names_the_holidays_passed_over() -> None:
    assert explain_deadline(D("2026-03-26"), 7) == (
        "7 dager fra 26. mars 2026 er 2. april 2026 (skjærtorsdag); "
        "fristen blir tirsdag 7. april 2026 (etter langfredag, 1. påskedag og 2. påskedag)."
    )


def test_explain_other_cases() -> None:
    assert explain_deadline(D("2026-03-02"), 14) == (
        "14 dager fra 2. mars 2026 er mandag 16. mars 2026, som blir fristen."
    )
    assert explain_deadline(D("2026-02-21"), 14) == (
        "14 dager fra 21. februar 2026 er 7. mars 2026 (lørdag); fristen blir mandag 9. mars 2026."
    )
    assert explain_deadline(D("2026-03-03"), 1) == (
        "1 dag fra 3. mars 2026 er onsdag 4. mars 2026, som blir fristen."
    )
    assert explain_deadline(D("2027-05-03"), 14) == (
        "14 dager fra 3. mai 2027 er 17. mai 2027 (2. pinsedag og grunnlovsdagen); "
        "fristen blir tirsdag 18. mai 2027."
    )


# --------------------------------------------------------------------------- no import work


def test_importing_the_module_does_no_work() -> None:
    code = (
        "import sys, tillitsvalgt.rules.deadlines as d\n"
        "print('holidays' in sys.modules, d._year_holidays.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "0"], result.stderr
