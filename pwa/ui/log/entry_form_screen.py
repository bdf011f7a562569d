"""The full entry form: a new entry with every detail, or an existing one to edit or delete."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.episodes import (
    DURATION_UNITS,
    EntryError,
    Episode,
    EpisodeType,
    duration_for_form,
    duration_from_form,
    start_time_from_form,
    validate_episode,
)
from pwa.ui.shell.context import NOT_STORED, Undo, go, save_durably, use_shell
from pwa.ui.log.entry_fields import PlacePicker, TriggerPicker, intensity_fields, note_field
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import choice, date_field, doctor_link, error_text, radios, time_field
from pwa.ui.widgets.focus import use_focus_on_refusal

TYPE_LABELS = {
    EpisodeType.TWITCH: "Twitch",
    EpisodeType.CRAMP: "Cramp",
    EpisodeType.TINGLING: "Tingling",
    EpisodeType.OTHER: "Something else",
}

# The form's fields in reading order, by the name their problem is reported under.
FIELD_KEYS = {
    "started_at": "entry-date",
    "locations": "place-add",
    "duration_seconds": "entry-duration",
    "triggers": "trigger-own",
    "note": "entry-note",
}


def _count(problems: int) -> str:
    return "one detail" if problems == 1 else f"{problems} details"


@ft.component
def EntryFormScreen() -> ft.View:
    shell = use_shell()
    repository = shell.deps.episode_repository
    entry_id = ft.use_route_params().get("entry_id", routes.NEW_ENTRY_ID)
    existing: Episode | None = ft.use_memo(lambda: repository.get(entry_id), [entry_id, shell.revision])
    offered = ft.use_memo(repository.triggers_used, [shell.revision])
    now = ft.use_memo(shell.deps.now, [])
    start = (existing.started_at if existing else now).astimezone()
    amount0, unit0 = duration_for_form(existing.duration_seconds if existing else None)

    date_text, set_date_text = ft.use_state(f"{start:%Y-%m-%d}")
    time_text, set_time_text = ft.use_state(f"{start:%H:%M}")
    places, set_places = ft.use_state(existing.locations if existing else ())
    intensity, set_intensity = ft.use_state(existing.intensity if existing else None)
    amount, set_amount = ft.use_state(amount0)  # empty: not noted
    unit, set_unit = ft.use_state(unit0 if amount0 else "minutes")
    kind, set_kind = ft.use_state((existing.type if existing else EpisodeType.TWITCH).value)
    triggers, set_triggers = ft.use_state(existing.triggers if existing else ())
    note, set_note = ft.use_state(existing.note if existing else "")
    attempted, set_attempted = ft.use_state(False)  # errors show after the first Save, then follow every change
    save_error, set_save_error = ft.use_state(None)

    if entry_id != routes.NEW_ENTRY_ID and existing is None:
        body = [
            ft.Text("This entry is not in your log any more.", key="entry-missing"),
            ft.FilledTonalButton(content="Back to your log", key="entry-back", on_click=lambda: go(routes.LOG)),
        ]
        return detail_view(routes.edit_entry(entry_id), "Entry", body, modal=True)

    def check() -> tuple[dict[str, str], Episode | None]:
        """Every field's problem, or the entry ready to save."""
        problems: dict[str, str] = {}
        raw = {
            "id": existing.id if existing else None,
            "locations": [p.to_dict() for p in places],
            "intensity": intensity,
            "type": kind,
            "triggers": list(triggers),
            "note": note,
        }
        try:
            raw["started_at"] = start_time_from_form(date_text, time_text)
        except EntryError as problem:
            problems.update(problem.by_field)
        if amount.strip():
            try:
                raw["duration_seconds"] = duration_from_form(amount, unit)
            except EntryError as problem:
                problems.update(problem.by_field)
        try:
            episode = validate_episode(raw, shell.deps.now())
        except EntryError as problem:
            return {**problem.by_field, **problems}, None
        return problems, None if problems else episode

    async def save() -> None:
        set_attempted(True)
        problems, episode = check()
        if episode is None:
            focus_first_error()
            return
        refused = await save_durably(shell, lambda: repository.save(episode))  # back to the log only once stored
        if refused:
            set_save_error(NOT_STORED.format(error=refused))
            return

        def take_back() -> None:
            if existing is None:
                repository.delete(episode.id)
            else:
                repository.save(existing)

        local = episode.started_at.astimezone()
        shell.offer_undo(Undo(f"Saved: entry from {local:%d %B, %H:%M}.", take_back))
        go(routes.LOG)

    def delete() -> None:
        assert existing is not None
        repository.delete(existing.id)

        def restore() -> None:
            repository.save(existing)

        shell.offer_undo(Undo(f"Entry from {start:%d %B, %H:%M} deleted.", restore))
        shell.data_changed()
        go(routes.LOG)

    errors = check()[0] if attempted else {}
    focus_first_error = use_focus_on_refusal(FIELD_KEYS, errors)

    body: list[ft.Control] = [
        ft.Row(
            wrap=True,
            spacing=8,
            run_spacing=8,
            controls=[
                date_field("entry-date", "Date (year-month-day)", date_text, set_date_text, last=now.date()),
                time_field("entry-time", "Time (hh:mm)", time_text, set_time_text),
            ],
        ),
        *([error_text(errors["started_at"], key="entry-time-error")] if "started_at" in errors else []),
        PlacePicker(places, set_places, errors.get("locations")),
        *intensity_fields(intensity, set_intensity, key="entry-intensity"),
        ft.Text("How long (optional)", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        ft.Text("Leave it empty if you are not sure or it is still going on.", theme_style=ft.TextThemeStyle.BODY_SMALL),
        ft.Row(
            wrap=True,
            spacing=8,
            controls=[
                ft.TextField(
                    key="entry-duration",
                    label="About",
                    value=amount,
                    width=120,
                    keyboard_type=ft.KeyboardType.NUMBER,
                    error=errors.get("duration_seconds"),
                    on_change=lambda e: set_amount(e.control.value or ""),
                ),
                choice("entry-duration-unit", "Unit", unit, {u: u for u in DURATION_UNITS}, set_unit, width=150),
            ],
        ),
        ft.Text("What it felt like", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        radios("entry-type", kind, {t.value: label for t, label in TYPE_LABELS.items()}, set_kind),
        TriggerPicker(triggers, offered, set_triggers, errors.get("triggers")),
        note_field(note, set_note, errors.get("note"), key="entry-note"),
        *([error_text(save_error, key="entry-save-error")] if save_error else []),
        ft.FilledButton(content="Save entry", icon=ft.Icons.CHECK, key="entry-save", on_click=save),
    ]
    if errors:
        body.append(error_text(f"Not saved yet: {_count(len(errors))} above need{'s' if len(errors) == 1 else ''} another look.", key="entry-errors"))
    if existing is not None:
        body.append(ft.TextButton(content="Delete entry", icon=ft.Icons.DELETE_OUTLINE, key="entry-delete", on_click=delete))
    body.append(doctor_link(key="entry-doctor"))
    title = "Edit entry" if existing else "New entry"
    return detail_view(routes.edit_entry(entry_id), title, body, modal=True)
