"""Log: one-tap logging during an episode, optional details, and the history by day."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.episodes import KNOWN_TRIGGERS, EntryError, Episode, Location, quick_locations, validate_episode
from pwa.ui.context import go, use_shell
from pwa.ui.shell import destination_view, detail_view
from pwa.ui.widgets import big_action, coming_soon, doctor_link

HISTORY_SHOWN = 100
DEFAULT_INTENSITY = 3


def _slug(location: Location) -> str:
    return location.label.replace(" ", "-")


def _history(episodes: list[Episode]) -> list[ft.Control]:
    if not episodes:
        return [ft.Text("Nothing logged yet. When you log a twitch, it shows here by day.", key="history-empty")]
    controls: list[ft.Control] = []
    day = None
    for episode in episodes:
        local = episode.started_at.astimezone()
        if local.date() != day:
            day = local.date()
            controls.append(ft.Text(f"{local:%A %d %B}", theme_style=ft.TextThemeStyle.TITLE_SMALL))
        places = ", ".join(loc.label for loc in episode.locations)
        details = f"{local:%H:%M} · {places} · {episode.type.value} · intensity {episode.intensity}"
        if episode.triggers:
            details += " · " + ", ".join(episode.triggers)
        controls.append(ft.Text(details, key=f"entry-{episode.id}"))
    return [ft.Column(controls, key="history", spacing=4)]


@ft.component
def LogScreen() -> ft.View:
    shell = use_shell()
    episodes = ft.use_memo(lambda: shell.deps.episode_repository.find(limit=HISTORY_SHOWN), [shell.revision])
    body = [
        big_action("Log a twitch", ft.Icons.EDIT_NOTE, "log-log-twitch", lambda: go(routes.LOG_TWITCH), primary=True),
        ft.Text("Your log", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        *_history(episodes),
        coming_soon(
            "More for your log",
            "A full entry form, editing with undo, filters and search, patterns over weeks, "
            "a report for your doctor, and export and import. Everything stays on this device.",
            key="log-coming",
        ),
        doctor_link(key="log-open-doctor"),
    ]
    return destination_view(shell, routes.LOG, "Log", body)


@ft.component
def DetailsForm(episode: Episode, on_saved) -> ft.Control:
    """Optional details for a just-logged episode: intensity, recent triggers, a note."""
    shell = use_shell()
    intensity, set_intensity = ft.use_state(episode.intensity)
    triggers, set_triggers = ft.use_state(tuple(episode.triggers))
    note, set_note = ft.use_state(episode.note)
    error, set_error = ft.use_state(None)

    def toggle(trigger: str) -> None:
        set_triggers(tuple(t for t in triggers if t != trigger) if trigger in triggers else (*triggers, trigger))

    def save() -> None:
        try:
            updated = validate_episode(
                {**episode.to_dict(), "intensity": intensity, "triggers": list(triggers), "note": note}, shell.deps.now()
            )
        except EntryError as problem:
            set_error(" ".join(problem.by_field.values()))
            return
        shell.deps.episode_repository.save(updated)
        shell.data_changed()
        on_saved(updated)

    return ft.Column(spacing=12, controls=[
        ft.Text(f"Intensity: {intensity} of 10", key="intensity-label"),
        ft.Slider(
            key="intensity",
            min=0,
            max=10,
            divisions=10,
            value=intensity,
            label="{value}",
            on_change=lambda e: set_intensity(int(round(float(e.control.value)))),
        ),
        ft.Text("Anything in the last day?"),
        ft.Row(
            wrap=True,
            spacing=8,
            run_spacing=8,
            controls=[
                ft.Chip(
                    label=ft.Text(trigger),
                    key=f"trigger-{trigger.replace(' ', '-')}",
                    selected=trigger in triggers,
                    on_select=lambda _, t=trigger: toggle(t),
                )
                for trigger in KNOWN_TRIGGERS
            ],
        ),
        ft.TextField(
            key="note",
            label="Note (optional)",
            value=note,
            multiline=True,
            max_length=2000,
            error=error,
            on_change=lambda e: set_note(e.control.value or ""),
        ),
        ft.FilledTonalButton(content="Save details", icon=ft.Icons.CHECK, key="save-details", on_click=save, height=52),
    ])


@ft.component
def LogTwitchScreen() -> ft.View:
    shell = use_shell()
    repository = shell.deps.episode_repository
    saved, set_saved = ft.use_state(None)
    details_saved, set_details_saved = ft.use_state(False)
    latest = repository.find(limit=1)
    choices = quick_locations(latest[0].locations if latest else ())

    def log_at(location: Location) -> None:
        episode = validate_episode(
            {"locations": [location.to_dict()], "intensity": DEFAULT_INTENSITY}, shell.deps.now()
        )
        repository.save(episode)
        shell.data_changed()
        set_saved(episode)

    if saved is None:
        body: list[ft.Control] = [
            ft.Text("Where is it? One tap saves it, with the time now.", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            ft.Row(
                wrap=True,
                spacing=8,
                run_spacing=8,
                controls=[
                    ft.FilledTonalButton(
                        content=f"{loc.label} (last time)" if latest and i == 0 else loc.label,
                        key=f"quick-{_slug(loc)}",
                        height=56,
                        on_click=lambda _, loc=loc: log_at(loc),
                    )
                    for i, loc in enumerate(choices)
                ],
            ),
        ]
    else:
        local = saved.started_at.astimezone()
        body = [
            ft.Text(
                f"Noted: {saved.locations[0].label} at {local:%H:%M}.",
                key="log-saved",
                theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
            ),
            big_action("Breathe now", ft.Icons.AIR, "log-breathe-now", lambda: go(routes.BREATHE_NOW), primary=True),
        ]
        if details_saved:
            body.append(ft.Text("Details saved.", key="details-saved"))
        else:
            body += [
                ft.Text("Add details if you like, or leave it here."),
                DetailsForm(saved, lambda updated: (set_saved(updated), set_details_saved(True))),
            ]
        body.append(doctor_link(key="log-twitch-doctor"))
    return detail_view(routes.LOG_TWITCH, "Log a twitch", body, modal=True)
