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
