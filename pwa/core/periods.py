"""Periods of days the user picks: the last n days, or dates typed as year-month-day.

The history filters and the doctor report read typed dates the same way, with the same messages.
"""

from __future__ import annotations

import datetime as dt


class PeriodError(ValueError):
    """Typed dates that cannot be used; the message says why in plain words."""


def last_days(today: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """The last `days` days, today included."""
    return today - dt.timedelta(days=days - 1), today


def typed_range(first_text: str, last_text: str) -> tuple[dt.date | None, dt.date | None]:
    """(first, last) from typed dates; a blank one leaves that end open. Raises PeriodError."""
    try:
        first = dt.date.fromisoformat(first_text.strip()) if first_text.strip() else None
        last = dt.date.fromisoformat(last_text.strip()) if last_text.strip() else None
    except ValueError:
        raise PeriodError("Write dates like 2026-11-23 (year, month, day).") from None
    if first and last and first > last:
        raise PeriodError("The first day is after the last day.")
    return first, last
