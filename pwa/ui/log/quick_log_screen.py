"""The quick log: one tap during an episode, optional details after, Undo while it is on screen."""

from __future__ import annotations

import functools

import flet as ft

from pwa import routes
from pwa.core.episodes import (
    EntryError,
    Episode,
    Location,
    validate_episode,
)
from pwa.ui.shell.context import NOT_STORED, go, save_durably, use_shell
from pwa.ui.log.entry_fields import PlaceAdder, TriggerPicker, intensity_fields, note_field, slug, use_quick_places
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import TALL, announced, big_action, doctor_link, error_text
from pwa.ui.log.gentle_note import GentleNote


@ft.component
def DetailsForm(episode: Episode, on_saved) -> ft.Control:
    """Optional details for a just-logged episode: intensity, recent triggers, a note."""
    shell = use_shell()
    intensity, set_intensity = ft.use_state(episode.intensity)
    triggers, set_triggers = ft.use_state(tuple(episode.triggers))
    note, set_note = ft.use_state(episode.note)
    error, set_error = ft.use_state(None)
    offered = ft.use_memo(shell.deps.episode_repository.triggers_used, [])

    async def save() -> None:
        try:
            updated = validate_episode(
                {**episode.to_dict(), "intensity": intensity, "triggers": list(triggers), "note": note}, shell.deps.now()
            )
        except EntryError as problem:
            set_error(" ".join(problem.by_field.values()))
            return
        refused = await save_durably(shell, lambda: shell.deps.episode_repository.save(updated))
        if refused:
            set_error(NOT_STORED.format(error=refused))
            return
        on_saved(updated)

    return ft.Column(spacing=12, controls=[
        *intensity_fields(intensity, set_intensity, key="intensity"),
        TriggerPicker(triggers, offered, set_triggers, None),
        note_field(note, set_note, error, key="note"),
        ft.FilledTonalButton(content="Save details", icon=ft.Icons.CHECK, key="save-details", on_click=save),
    ])


@ft.component
def LogTwitchScreen() -> ft.View:
    shell = use_shell()
    repository = shell.deps.episode_repository
    saved, set_saved = ft.use_state(None)
    details_saved, set_details_saved = ft.use_state(False)
    save_error, set_save_error = ft.use_state(None)
    undone, set_undone = ft.use_state(False)
    elsewhere, set_elsewhere = ft.use_state(False)
    choices = use_quick_places()

    async def log_at(location: Location, _event=None) -> None:
        episode = validate_episode(
            {"locations": [location.to_dict()]}, shell.deps.now()  # the time and the place: nothing else was said
        )
        refused = await save_durably(shell, lambda: repository.save(episode))  # "Noted" only once it is stored
        if refused:
            set_save_error(
                f"This entry could not be stored in this browser ({refused}). Try once more; if it keeps "
                "happening, free some space on the device or check that the browser may keep site data."
            )
            return
        set_save_error(None)
        set_undone(False)
        set_elsewhere(False)
        set_saved(episode)

    async def undo(_event=None) -> None:
        """Take the quick entry back: offered for as long as the confirmation is on screen."""
        refused = await save_durably(shell, lambda: repository.delete(saved.id))
        if refused:
            set_save_error(f"The entry could not be removed in this browser ({refused}). Try once more.")
            return
        set_save_error(None)
        set_details_saved(False)
        set_saved(None)
        set_undone(True)

    if saved is None:
        body: list[ft.Control] = [
            ft.Text("Where is it? One tap saves it, with the time now.", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
            ft.Row(
                wrap=True,
                spacing=8,
                run_spacing=8,
                controls=[
                    *(
                        ft.FilledTonalButton(
                            content=loc.label,
                            key=f"quick-{slug(loc.label)}",
                            style=TALL,
                            on_click=functools.partial(log_at, loc),  # a coroutine function, so flet awaits it
                        )
                        for loc in choices
                    ),
                    ft.OutlinedButton(
                        content="Somewhere else…",
                        icon=ft.Icons.ADD_LOCATION_ALT_OUTLINED,
                        key="quick-elsewhere",
                        style=TALL,
                        on_click=lambda: set_elsewhere(not elsewhere),
                    ),
                ],
            ),
        ]
        if elsewhere:
            body += [
                ft.Text("Any place on the body: it joins the one-tap places once logged.", key="elsewhere-hint"),
                PlaceAdder(log_at, "Log it here", prefix="elsewhere", icon=ft.Icons.CHECK),
            ]
        if undone:
            body.insert(0, announced(ft.Text("Removed. Nothing was kept.", key="log-undone")))
        if save_error:
            body.append(error_text(save_error, key="log-save-error"))
    else:
        local = saved.started_at.astimezone()
        body = [
            ft.Row(
                wrap=True,
                controls=[
                    announced(
                        ft.Text(
                            f"Noted: {saved.locations[0].label} at {local:%H:%M}.",
                            key="log-saved",
                            theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                        )
                    ),
                    ft.TextButton(
                        content="Undo",
                        key="log-undo",
                        tooltip=f"Remove this entry: {saved.locations[0].label}",
                        on_click=undo,
                    ),
                ],
            ),
            *([error_text(save_error, key="log-save-error")] if save_error else []),
            big_action("Breathe now", ft.Icons.AIR, "log-breathe-now", lambda: go(routes.BREATHE_NOW), primary=True),
        ]
        body.append(GentleNote())
        if details_saved:
            body.append(ft.Text("Details saved.", key="details-saved"))
        else:
            body += [
                ft.Text("Add details if you like, or leave it here."),
                DetailsForm(saved, lambda updated: (set_saved(updated), set_details_saved(True))),
            ]
        body.append(doctor_link(key="log-twitch-doctor"))
    return detail_view(routes.LOG_TWITCH, "Log a twitch", body, modal=True)
