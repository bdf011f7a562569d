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


def month_grid(year: int, month: int) -> list[list[dt.date | None]]:
    """The weeks of a month, Monday first, as rows of 7 days; days outside the month are None."""
    first = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    cells: list[dt.date | None] = [None] * first.weekday()
    cells += [first + dt.timedelta(days=n) for n in range((following - first).days)]
    cells += [None] * (-len(cells) % 7)
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first day of the month and the first day of the next one."""
    return dt.date(year, month, 1), dt.date(year + month // 12, month % 12 + 1, 1)


def shift_month(year: int, month: int, step: int) -> tuple[int, int]:
    """The month `step` months later (earlier when negative)."""
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1
