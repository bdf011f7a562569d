"""A kind word after very many entries in one day, shown once that day; never blocks."""

from __future__ import annotations

import datetime as dt

import flet as ft

from pwa import routes
from pwa.adapters.episode_repository import EpisodeFilter
from pwa.core.insights import VERY_OFTEN, gentle_note_due
from pwa.ui.shell.context import go, use_shell


@ft.component
def GentleNote() -> ft.Control:
    """After very many entries in one day, once that day: a kind word about checking. Never blocks."""
    shell = use_shell()
    today = shell.deps.now().date()
    midnight = local_midnight(today)
    entries_today = len(
        shell.deps.episode_repository.find(
            EpisodeFilter(start=midnight, end=local_midnight(today + dt.timedelta(days=1))), limit=VERY_OFTEN + 1
        )
    )
    last = shell.settings.gentle_note_day
    due = gentle_note_due(entries_today, dt.date.fromisoformat(last) if last else None, today)
    shown, set_shown = ft.use_state(False)

    def remember() -> None:
        if due:
            set_shown(True)
            shell.change_settings(gentle_note_day=today.isoformat())

    ft.use_effect(remember, [due])
    if not (due or shown):
        return ft.Container(visible=False)
    return ft.Container(
        key="gentle-note",
        padding=16,
        border_radius=16,
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGH,
        content=ft.Column(
            tight=True,
            spacing=8,
            controls=[
                ft.Text("A gentle word", theme_style=ft.TextThemeStyle.TITLE_SMALL),
                ft.Text(
                    "You have logged a lot today, which is understandable when twitches are on your mind. "
                    "Noting every one keeps attention on them and can feed the worry, so logging less is fine. "
                    "The log stays here whenever you want it.",
                    key="gentle-note-text",
                ),
                ft.Row(
                    wrap=True,
                    spacing=8,
                    controls=[
                        ft.FilledTonalButton(content="Breathe now", icon=ft.Icons.AIR, key="gentle-note-breathe",
                                             on_click=lambda: go(routes.BREATHE_NOW)),
                        ft.TextButton(content="Read about the worry loop", key="gentle-note-read", on_click=lambda: go(routes.WORRY_LOOP)),
                        ft.TextButton(content="Close", key="gentle-note-close", on_click=lambda: set_shown(False)),
                    ],
                ),
            ],
        ),
    )


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in the device's time zone."""
    return dt.datetime.combine(day, dt.time()).astimezone()
