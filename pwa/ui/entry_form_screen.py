"""The full entry form: a new entry with every detail, or an existing one to edit or delete."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.core.episodes import (
    BODY_REGIONS,
    DURATION_UNITS,
    KNOWN_TRIGGERS,
    SIDES,
    EntryError,
    Episode,
    EpisodeType,
    Location,
    duration_for_form,
    duration_from_form,
    start_time_from_form,
    validate_episode,
)
from pwa.ui.context import Undo, go, use_shell
from pwa.ui.shell import detail_view
from pwa.ui.widgets import doctor_link

TYPE_LABELS = {
    EpisodeType.TWITCH: "Twitch",
    EpisodeType.CRAMP: "Cramp",
    EpisodeType.TINGLING: "Tingling",
    EpisodeType.OTHER: "Something else",
}


def slug(text: str) -> str:
    return "-".join(text.split())


@ft.component
def PlacePicker(places: tuple[Location, ...], on_change, error: str | None) -> ft.Control:
    """The places chosen so far (each removable) and a row to add one more."""
    region, set_region = ft.use_state("calf")
    side, set_side = ft.use_state("left")
    other, set_other = ft.use_state("")
    add_error, set_add_error = ft.use_state(None)

    def add() -> None:
        raw = {"region": region, "side": side if BODY_REGIONS[region] else None, "other_text": other}
        try:
            location = validate_episode({"locations": [raw], "started_at": "2000-01-01T00:00+00:00"}, None).locations[0]
        except EntryError as problem:
            set_add_error(problem.by_field.get("locations", str(problem)))
            return
        set_add_error(None)
        set_other("")
        if location not in places:
            on_change((*places, location))

    chosen = [
        ft.Chip(
            label=ft.Text(place.label),
            key=f"place-{slug(place.label)}",
            on_delete=lambda _, place=place: on_change(tuple(p for p in places if p != place)),
            delete_icon_tooltip=f"Remove {place.label}",
        )
        for place in places
    ]
    adder: list[ft.Control] = [
        ft.Dropdown(
            key="place-region",
            label="Body part",
            value=region,
            width=180,
            options=[ft.DropdownOption(key=r, text=r.capitalize()) for r in BODY_REGIONS],
            on_select=lambda e: set_region(e.control.value or "calf"),
        )
    ]
    if BODY_REGIONS[region]:
        adder.append(
            ft.Dropdown(
                key="place-side",
                label="Side",
                value=side,
                width=120,
                options=[ft.DropdownOption(key=s, text=s.capitalize()) for s in SIDES],
                on_select=lambda e: set_side(e.control.value or "left"),
            )
        )
    if region == "other":
        adder.append(
            ft.TextField(key="place-other", label="Where?", value=other, width=200, on_change=lambda e: set_other(e.control.value or ""))
        )
    adder.append(ft.OutlinedButton(content="Add place", icon=ft.Icons.ADD, key="place-add", on_click=add, height=48))
    problem = add_error or error
    return ft.Column(
        spacing=8,
        controls=[
            ft.Text("Where on the body", theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.Row(chosen, wrap=True, spacing=8, run_spacing=8, key="places")
            if chosen
            else ft.Text("No place chosen yet.", key="places-empty"),
            ft.Row(adder, wrap=True, spacing=8, run_spacing=8, vertical_alignment=ft.CrossAxisAlignment.CENTER),
            *([ft.Text(problem, key="places-error", color=ft.Colors.ON_SURFACE)] if problem else []),
        ],
    )


@ft.component
def TriggerPicker(chosen: tuple[str, ...], offered: list[str], on_change, error: str | None) -> ft.Control:
    own, set_own = ft.use_state("")

    def toggle(trigger: str) -> None:
        on_change(tuple(t for t in chosen if t != trigger) if trigger in chosen else (*chosen, trigger))

    def add_own() -> None:
        text = " ".join(own.split()).lower()
        if text and text not in chosen:
            on_change((*chosen, text))
        set_own("")

    every = list(dict.fromkeys([*KNOWN_TRIGGERS, *offered, *chosen]))
    return ft.Column(
        spacing=8,
        controls=[
            ft.Text("Anything in the last day?", theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.Row(
                wrap=True,
                spacing=8,
                run_spacing=8,
                controls=[
                    ft.Chip(
                        label=ft.Text(trigger),
                        key=f"trigger-{slug(trigger)}",
                        selected=trigger in chosen,
                        on_select=lambda _, t=trigger: toggle(t),
                    )
                    for trigger in every
                ],
            ),
            ft.Row(
                wrap=True,
                spacing=8,
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
                controls=[
                    ft.TextField(
                        key="trigger-own",
                        label="Something else (your words)",
                        value=own,
                        max_length=40,
                        width=240,
                        error=error,
                        on_change=lambda e: set_own(e.control.value or ""),
                        on_submit=lambda _: add_own(),
                    ),
                    ft.OutlinedButton(content="Add", icon=ft.Icons.ADD, key="trigger-add", on_click=add_own, height=48),
                ],
            ),
        ],
    )


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
    intensity, set_intensity = ft.use_state(existing.intensity if existing else 3)
    ongoing, set_ongoing = ft.use_state(existing.ongoing if existing else False)
    timed = existing is not None and not existing.ongoing
    amount, set_amount = ft.use_state(amount0 if timed else "1")
    unit, set_unit = ft.use_state(unit0 if timed else "minutes")
    kind, set_kind = ft.use_state((existing.type if existing else EpisodeType.TWITCH).value)
    triggers, set_triggers = ft.use_state(existing.triggers if existing else ())
    note, set_note = ft.use_state(existing.note if existing else "")
    errors, set_errors = ft.use_state({})

    if entry_id != routes.NEW_ENTRY_ID and existing is None:
        body = [
            ft.Text("This entry is not in your log any more.", key="entry-missing"),
            ft.FilledTonalButton(content="Back to your log", key="entry-back", on_click=lambda: go(routes.LOG)),
        ]
        return detail_view(routes.edit_entry(entry_id), "Entry", body, modal=True)

    def save() -> None:
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
        if not ongoing:
            try:
                raw["duration_seconds"] = duration_from_form(amount, unit)
            except EntryError as problem:
                problems.update(problem.by_field)
        try:
            episode = validate_episode(raw, shell.deps.now())
        except EntryError as problem:
            problems = {**problem.by_field, **problems}
        if problems:
            set_errors(problems)
            return
        repository.save(episode)
        shell.data_changed()
        go(routes.LOG)

    def delete() -> None:
        assert existing is not None
        repository.delete(existing.id)

        def restore() -> None:
            repository.save(existing)

        shell.offer_undo(Undo(f"Entry from {start:%d %B, %H:%M} deleted.", restore))
        shell.data_changed()
        go(routes.LOG)

    body: list[ft.Control] = [
        ft.Row(
            wrap=True,
            spacing=8,
            run_spacing=8,
            controls=[
                ft.TextField(
                    key="entry-date",
                    label="Date (year-month-day)",
                    value=date_text,
                    width=200,
                    keyboard_type=ft.KeyboardType.DATETIME,
                    on_change=lambda e: set_date_text(e.control.value or ""),
                ),
                ft.TextField(
                    key="entry-time",
                    label="Time (hh:mm)",
                    value=time_text,
                    width=140,
                    keyboard_type=ft.KeyboardType.DATETIME,
                    on_change=lambda e: set_time_text(e.control.value or ""),
                ),
            ],
        ),
        *([ft.Text(errors["started_at"], key="entry-time-error")] if "started_at" in errors else []),
        PlacePicker(places, set_places, errors.get("locations")),
        ft.Text(f"Intensity: {intensity} of 10", key="entry-intensity-label"),
        ft.Slider(
            key="entry-intensity",
            min=0,
            max=10,
            divisions=10,
            value=intensity,
            label="{value}",
            on_change=lambda e: set_intensity(int(round(float(e.control.value)))),
        ),
        ft.Text("How long", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        ft.Switch(
            key="entry-ongoing",
            label="Still going on, or not sure",
            value=ongoing,
            on_change=lambda e: set_ongoing(bool(e.control.value)),
        ),
    ]
    if not ongoing:
        body.append(
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
                    ft.Dropdown(
                        key="entry-duration-unit",
                        label="Unit",
                        value=unit,
                        width=150,
                        options=[ft.DropdownOption(key=u, text=u) for u in DURATION_UNITS],
                        on_select=lambda e: set_unit(e.control.value or "minutes"),
                    ),
                ],
            )
        )
    body += [
        ft.Text("What it felt like", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        ft.RadioGroup(
            key="entry-type",
            value=kind,
            on_change=lambda e: set_kind(e.control.value or EpisodeType.TWITCH.value),
            content=ft.Row(
                wrap=True,
                controls=[ft.Radio(value=t.value, label=label, key=f"type-{t.value}") for t, label in TYPE_LABELS.items()],
            ),
        ),
        TriggerPicker(triggers, offered, set_triggers, errors.get("triggers")),
        ft.TextField(
            key="entry-note",
            label="Note (optional)",
            value=note,
            multiline=True,
            min_lines=2,
            max_length=2000,
            error=errors.get("note"),
            on_change=lambda e: set_note(e.control.value or ""),
        ),
        ft.FilledButton(content="Save entry", icon=ft.Icons.CHECK, key="entry-save", on_click=save, height=52),
    ]
    if errors:
        body.append(ft.Text("Some details need another look; see the notes above.", key="entry-errors"))
    if existing is not None:
        body.append(ft.TextButton(content="Delete entry", icon=ft.Icons.DELETE_OUTLINE, key="entry-delete", on_click=delete))
    body.append(doctor_link(key="entry-doctor"))
    title = "Edit entry" if existing else "New entry"
    return detail_view(routes.edit_entry(entry_id), title, body, modal=True)
