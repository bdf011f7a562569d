"""Entries grouped by day, newest first, with the day's check-in: the history's list and a month day's list."""

from __future__ import annotations

import datetime as dt

import flet as ft

from pwa import routes

from pwa.core.episodes import DayCheckIn, Episode, describe_duration, describe_intensity
from pwa.ui.shell.context import go


def _check_in_line(check_in: DayCheckIn) -> str | None:
    parts = []
    if check_in.sleep_hours is not None:
        parts.append(f"sleep {check_in.sleep_hours:g} h")
    if check_in.caffeine_drinks is not None:
        parts.append(f"{check_in.caffeine_drinks} caffeine drink{'' if check_in.caffeine_drinks == 1 else 's'}")
    if check_in.stress is not None:
        parts.append(f"stress {check_in.stress} of 10")
    if check_in.exercise_minutes is not None:
        parts.append(f"{check_in.exercise_minutes} min exercise")
    return "Check-in: " + ", ".join(parts) if parts else None


def entry_tile(episode: Episode) -> ft.Control:
    local = episode.started_at.astimezone()
    places = ", ".join(loc.label for loc in episode.locations)
    details = [episode.type.value, describe_intensity(episode.intensity), f"length {describe_duration(episode.duration_seconds)}"]
    if episode.triggers:
        details.append(", ".join(episode.triggers))
    subtitle = " · ".join(details) + (f"\n{episode.note}" if episode.note else "")
    return ft.ListTile(
        key=f"entry-{episode.id}",
        title=ft.Text(f"{local:%H:%M} · {places}"),
        subtitle=ft.Text(subtitle, max_lines=3, overflow=ft.TextOverflow.ELLIPSIS),
        trailing=ft.Icon(ft.Icons.EDIT_OUTLINED, semantics_label="Edit"),
        content_padding=ft.Padding.symmetric(horizontal=4),
        on_click=lambda: go(routes.edit_entry(episode.id)),
    )


def day_list(episodes: list[Episode], check_ins: dict[dt.date, DayCheckIn], filtered: bool) -> list[ft.Control]:
    if not episodes:
        if filtered:
            return [ft.Text("No entries match these filters.", key="history-none-match")]
        return [ft.Text("Nothing logged yet. When you log a twitch, it shows here by day.", key="history-empty")]
    controls: list[ft.Control] = []
    day = None
    for episode in episodes:
        local = episode.started_at.astimezone()
        if local.date() != day:
            day = local.date()
            controls.append(ft.Text(f"{local:%A %d %B %Y}", theme_style=ft.TextThemeStyle.TITLE_SMALL))
            if day in check_ins and (line := _check_in_line(check_ins[day])):
                controls.append(ft.Text(line, theme_style=ft.TextThemeStyle.BODY_SMALL, key=f"check-in-{day}"))
        controls.append(entry_tile(episode))
    return [ft.Column(controls, key="history", spacing=4)]
