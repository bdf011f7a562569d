"""Periods the user picks: last n days, or typed dates with open ends."""

import datetime as dt

import pytest

from pwa.core.periods import PeriodError, last_days, typed_range

TODAY = dt.date(2026, 11, 23)


def test_the_last_days_include_today():
    assert last_days(TODAY, 1) == (TODAY, TODAY)
    assert last_days(TODAY, 28) == (dt.date(2026, 10, 27), TODAY)


def test_typed_dates_with_blank_ends_stay_open():
    assert typed_range(" 2026-11-01 ", "") == (dt.date(2026, 11, 1), None)
    assert typed_range("", "2026-11-21") == (None, dt.date(2026, 11, 21))
    assert typed_range("2026-11-21", "2026-11-21") == (dt.date(2026, 11, 21),) * 2


@pytest.mark.parametrize(("first", "last", "message"), [
    ("1/11/2026", "", "Write dates like 2026-11-23 (year, month, day)."),
    ("2026-11-01", "soon", "Write dates like 2026-11-23 (year, month, day)."),
    ("2026-11-21", "2026-11-01", "The first day is after the last day."),
])
def test_dates_that_cannot_be_used_say_why(first, last, message):
    with pytest.raises(PeriodError, match=rf"^{message.replace('(', '[(]').replace(')', '[)]')}$"):
        typed_range(first, last)


def test_a_month_grid_starts_on_monday_and_fills_whole_weeks():
    from pwa.core.periods import month_grid

    november = month_grid(2026, 11)  # 1 November 2026 is a Sunday
    assert november[0] == [None] * 6 + [dt.date(2026, 11, 1)]
    assert november[-1] == [dt.date(2026, 11, 30)] + [None] * 6
    assert len(november) == 6 and all(len(week) == 7 for week in november)
    assert [d for week in november for d in week if d] == [dt.date(2026, 11, n) for n in range(1, 31)]
    february = month_grid(2027, 2)  # starts on a Monday, 28 days: exactly four weeks
    assert len(february) == 4 and february[0][0] == dt.date(2027, 2, 1) and february[-1][-1] == dt.date(2027, 2, 28)
    leap = month_grid(2028, 2)
    assert [d for week in leap for d in week if d][-1] == dt.date(2028, 2, 29)
    december = month_grid(2026, 12)
    assert [d for week in december for d in week if d][-1] == dt.date(2026, 12, 31)


def test_months_shift_across_years_and_know_their_bounds():
    from pwa.core.periods import month_bounds, shift_month

    assert shift_month(2026, 12, 1) == (2027, 1) and shift_month(2026, 1, -1) == (2025, 12)
    assert shift_month(2026, 11, 0) == (2026, 11) and shift_month(2026, 11, -23) == (2024, 12)
    assert month_bounds(2026, 12) == (dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert month_bounds(2026, 2) == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
