"""Dates and times typed or picked from a calendar or a clock."""

from __future__ import annotations

import datetime as dt

import flet as ft

from pwa.ui.widgets.actions import icon_button
from pwa.ui.widgets.text import field_labels


CALENDAR_FIRST_DAY = dt.date(1990, 1, 1)  # the calendar's first day; typed dates are checked where they are read


def _picked_date(value) -> dt.date | None:
    """The day a DatePicker's value names (flet 1.0.5 gives a datetime at midnight, or a date)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _typed_or_picked(key, label, text, on_change, width, error, icon, button_name, button_key, open_picker) -> ft.Control:
    """A text field and, beside it, the button that opens its picker (named for screen readers)."""
    return ft.Row(
        tight=True,
        spacing=0,
        vertical_alignment=ft.CrossAxisAlignment.START,
        controls=[
            ft.TextField(
                key=key, value=text, width=width, error=error, keyboard_type=ft.KeyboardType.DATETIME,
                on_change=lambda e: on_change(e.control.value or ""), **field_labels(label),
            ),
            icon_button(icon, button_name, button_key, open_picker),
        ],
    )


def date_field(
    key: str, label: str, text: str, on_change, *, last: dt.date, first: dt.date = CALENDAR_FIRST_DAY, width: float = 200,
    error: str | None = None,
) -> ft.Control:
    """A date typed as year-month-day, or chosen in the calendar (a DatePicker) with the button beside it.

    `on_change(text)` gets the typed text, or the picked day written as 2026-11-23, so a form reads
    both the same way.
    """
    try:
        shown = dt.date.fromisoformat(text.strip())
    except ValueError:
        shown = None
    if shown is not None and not first <= shown <= last:
        shown = None

    def picked(e) -> None:
        day = _picked_date(e.control.value)
        if day is not None:
            on_change(day.isoformat())

    def open_calendar() -> None:
        picker = ft.DatePicker(
            key=f"{key}-picker",
            value=dt.datetime.combine(shown or last, dt.time()),
            first_date=dt.datetime.combine(first, dt.time()),
            last_date=dt.datetime.combine(last, dt.time()),
            current_date=dt.datetime.combine(last, dt.time()),
            help_text=label,
            on_change=picked,
        )
        ft.context.page.show_dialog(picker)

    name = f"Choose {label.split(' (')[0].lower()} in a calendar"
    return _typed_or_picked(key, label, text, on_change, width, error, ft.Icons.CALENDAR_MONTH, name, f"{key}-calendar", open_calendar)


def time_field(key: str, label: str, text: str, on_change, *, width: float = 140) -> ft.Control:
    """A time typed as 21:30, or chosen on the clock face (a TimePicker) with the button beside it."""
    try:
        shown = dt.time.fromisoformat(text.strip().replace(".", ":"))
    except ValueError:
        shown = None

    def picked(e) -> None:
        value = e.control.value
        if isinstance(value, dt.time):
            on_change(f"{value:%H:%M}")

    def open_clock() -> None:
        picker = ft.TimePicker(
            key=f"{key}-picker",
            value=shown or dt.time(12, 0),
            help_text=label,
            hour_format=ft.TimePickerHourFormat.H24,
            on_change=picked,
        )
        ft.context.page.show_dialog(picker)

    return _typed_or_picked(key, label, text, on_change, width, None, ft.Icons.SCHEDULE, "Choose the time on a clock", f"{key}-clock", open_clock)
