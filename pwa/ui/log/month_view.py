"""The history as a calendar month: a neutral dot on days with entries, a tap lists the day."""

from __future__ import annotations

import dataclasses
import datetime as dt

import flet as ft

from pwa.adapters.episode_repository import EpisodeFilter
from pwa.core.periods import month_bounds, month_grid, shift_month
from pwa.ui.shell.context import use_shell
from pwa.ui.log.day_list import day_list
from pwa.ui.log.gentle_note import local_midnight
from pwa.ui.widgets import announced, icon_button


# Two letters fit a seventh of a 320 px phone at 200 % text ("Wed" broke over two lines); the
# whole name is what a screen reader says.
WEEKDAYS = {"Mo": "Monday", "Tu": "Tuesday", "We": "Wednesday", "Th": "Thursday", "Fr": "Friday", "Sa": "Saturday", "Su": "Sunday"}


def _day_cell(day: dt.date | None, logged: bool, chosen: bool, today: dt.date, on_pick) -> ft.Control:
    if day is None:
        return ft.Container(expand=1)
    words = f"{day:%A} {day.day} {day:%B}: {'entries logged' if logged else 'nothing logged'}"
    marker = ft.Container(
        width=6, height=6, border_radius=3, bgcolor=ft.Colors.PRIMARY if logged else None, key=f"day-marker-{day}" if logged else None
    )  # a neutral dot: no counts, no alarm colours
    return ft.Container(
        expand=1,
        content=ft.TextButton(
            key=f"day-{day}",
            tooltip=words,
            disabled=day > today,
            on_click=lambda: on_pick(day),
            style=ft.ButtonStyle(
                padding=ft.Padding.symmetric(vertical=10),  # a 20 px day, the dot and this: 48 px, taller with larger text
                shape=ft.RoundedRectangleBorder(radius=10),
                side=ft.BorderSide(2, ft.Colors.PRIMARY) if chosen else None,
            ),
            content=ft.Column(
                [ft.Text(str(day.day), weight=ft.FontWeight.W_600 if day == today else None, semantics_label=words), marker],
                spacing=2,
                tight=True,
                horizontal_alignment=ft.CrossAxisAlignment.CENTER,
            ),
        ),
    )


@ft.component
def MonthView(where: EpisodeFilter, today: dt.date) -> ft.Control:
    """A calendar month with a neutral mark on each day that has entries; a tapped day shows them."""
    shell = use_shell()
    repository = shell.deps.episode_repository
    month, set_month = ft.use_state((today.year, today.month))
    chosen, set_chosen = ft.use_state(None)
    first, following = month_bounds(*month)
    in_month = dataclasses.replace(where, start=local_midnight(first), end=local_midnight(following))
    found = ft.use_memo(lambda: repository.find(in_month), [shell.revision, in_month])
    days = {e.started_at.astimezone().date() for e in found}
    check_ins = ft.use_memo(lambda: {c.day: c for c in repository.check_ins()}, [shell.revision])

    def go_month(step: int) -> None:
        set_month(shift_month(*month, step))
        set_chosen(None)

    latest = month >= (today.year, today.month)
    header = ft.Row(
        alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[
            icon_button(ft.Icons.CHEVRON_LEFT, "Previous month", "month-previous", lambda: go_month(-1)),
            ft.Container(  # the words take the room between the buttons, and wrap in it at 200 % text
                expand=True,
                alignment=ft.Alignment.CENTER,
                content=announced(ft.Text(f"{first:%B %Y}", key="month-title", theme_style=ft.TextThemeStyle.TITLE_SMALL,
                                          text_align=ft.TextAlign.CENTER)),
            ),
            icon_button(ft.Icons.CHEVRON_RIGHT, "Next month", "month-next", lambda: go_month(1), disabled=latest),
        ],
    )
    grid = [
        ft.Row([ft.Text(short, expand=1, text_align=ft.TextAlign.CENTER, theme_style=ft.TextThemeStyle.LABEL_SMALL, semantics_label=name)
                for short, name in WEEKDAYS.items()], spacing=2),
        *(
            ft.Row([_day_cell(day, day in days, day == chosen, today, set_chosen) for day in week], spacing=2)
            for week in month_grid(*month)
        ),
    ]
    controls: list[ft.Control] = [header, ft.Column(grid, key="month-grid", spacing=2)]
    logged_days = len(days)
    controls.append(
        ft.Text(
            f"Entries on {logged_days} day{'s' if logged_days != 1 else ''} of {first:%B}." if logged_days else f"Nothing logged in {first:%B}.",
            key="month-summary", theme_style=ft.TextThemeStyle.BODY_SMALL,
        )
    )
    if chosen is None:
        controls.append(ft.Text("Tap a day to see its entries.", key="month-hint"))
    else:
        on_day = [e for e in found if e.started_at.astimezone().date() == chosen]
        controls += day_list(on_day, {chosen: check_ins[chosen]} if chosen in check_ins else {}, True) if on_day else [
            ft.Text(f"Nothing logged on {chosen:%A} {chosen.day} {chosen:%B}.", key="month-day-empty")
        ]
    return ft.Column(controls, spacing=8, key="month-view")
