"""Small building blocks that several screens share."""

from __future__ import annotations

import datetime as dt

import flet as ft

from pwa import routes
from pwa.ui.context import go

NOT_A_DIAGNOSIS = "This app informs and supports you. It does not diagnose."


def big_action(label: str, icon: ft.IconData, key: str, on_click, *, primary: bool) -> ft.Control:
    """A full-width, tall button for the moments when fine motor control and focus are low."""
    style = ft.ButtonStyle(
        padding=ft.Padding.symmetric(horizontal=24, vertical=20),
        shape=ft.RoundedRectangleBorder(radius=20),
        text_style=ft.TextStyle(size=20, weight=ft.FontWeight.W_600),
        icon_size=28,
    )
    button_type = ft.FilledButton if primary else ft.FilledTonalButton
    return button_type(content=label, icon=icon, key=key, on_click=on_click, style=style, height=72)


def link_tile(
    key: str,
    title: str,
    route: str,
    subtitle: str | None = None,
    icon: ft.IconData | None = None,
    action_icon: ft.IconData = ft.Icons.CHEVRON_RIGHT,
) -> ft.Control:
    """A card that opens a route: chapters, exercises, the red flags."""
    return ft.Card(
        margin=0,
        content=ft.ListTile(
            key=key,
            leading=ft.Icon(icon) if icon else None,
            title=ft.Text(title),
            subtitle=ft.Text(subtitle) if subtitle else None,
            trailing=ft.Icon(action_icon),
            on_click=lambda: go(route),
        ),
    )


def doctor_link(key: str = "open-doctor") -> ft.Control:
    """One tap to the red flags, from anywhere that needs it."""
    return link_tile(
        key,
        "When to see a doctor",
        routes.WHEN_TO_SEE_A_DOCTOR,
        subtitle="What needs an emergency number now, a doctor within days, or a routine visit",
        icon=ft.Icons.MEDICAL_INFORMATION_OUTLINED,
    )


def choice(key: str, label: str, value: str, options: dict[str, str], on_pick, width: float | None = 200) -> ft.Dropdown:
    """A labelled drop-down of {value: text}; `on_pick(value)` gets the chosen value (never None)."""
    return ft.Dropdown(
        key=key,
        label=label,
        value=value,
        width=width,
        options=[ft.DropdownOption(key=k, text=v) for k, v in options.items()],
        on_select=lambda e: on_pick(e.control.value or value),
    )


def icon_button(icon: ft.IconData, label: str, key: str, on_click, *, disabled: bool = False) -> ft.IconButton:
    """An icon button screen readers name and a pointer shows: `label` as the icon's label and the tooltip.

    flet 1.0.5 web: a tooltip alone gives the button no accessible name; the icon's label does.
    """
    return ft.IconButton(icon=ft.Icon(icon, semantics_label=label), tooltip=label, key=key, disabled=disabled, on_click=on_click)


def segmented(key: str, value: str, options: dict[str, tuple[str, ft.IconData | None]], on_pick) -> ft.SegmentedButton:
    """One of a few views, side by side: {value: (label, icon)}; `on_pick(value)` gets the chosen one."""
    return ft.SegmentedButton(
        key=key,
        selected=[value],
        segments=[
            ft.Segment(value=v, label=ft.Text(label), icon=ft.Icon(icon) if icon else None) for v, (label, icon) in options.items()
        ],
        on_change=lambda e: on_pick((e.control.selected or [value])[0]),
    )


def gentle_note(text: str = NOT_A_DIAGNOSIS) -> ft.Control:
    return ft.Text(text, theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT)


def announced(control: ft.Control) -> ft.Control:
    """A control whose text screen readers read out when it appears or changes (a live region)."""
    return ft.Semantics(live_region=True, content=control)


def error_text(message: str, key: str) -> ft.Control:
    """A problem the person must know about: in the theme's error colour and announced to screen readers."""
    return announced(ft.Text(message, key=key, color=ft.Colors.ERROR))


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
                key=key, label=label, value=text, width=width, error=error, keyboard_type=ft.KeyboardType.DATETIME,
                on_change=lambda e: on_change(e.control.value or ""),
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
