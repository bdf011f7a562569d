"""Form fields the quick-log details and the full entry form share: places, intensity, triggers."""

from __future__ import annotations

import flet as ft

from pwa.adapters.episode_repository import EpisodeFilter
from pwa.core.body_map import HEIGHT as MAP_HEIGHT
from pwa.core.body_map import Area, views
from pwa.core.body_map import WIDTH as MAP_WIDTH
from pwa.core.episodes import BODY_REGIONS, KNOWN_TRIGGERS, NOTE_MAX, SIDES, EntryError, Location, validate_location
from pwa.core.quick_places import QUICK_WINDOW, quick_places
from pwa.ui.shell.context import use_shell
from pwa.ui.widgets import announced, choice, error_text, segmented


def use_quick_places() -> list[Location]:
    """The one-tap places the quick log offers now: the settings' pinned and removed places and the
    entries of the last QUICK_WINDOW (read again only after the log changes)."""
    shell = use_shell()
    now = shell.deps.now()
    recent = ft.use_memo(
        lambda: shell.deps.episode_repository.find(EpisodeFilter(start=now - QUICK_WINDOW)), [shell.revision]
    )
    return quick_places(recent, now, shell.settings.quick_pinned, shell.settings.quick_removed)


def slug(text: str) -> str:
    return "-".join(text.split())


@ft.component
def PlaceAdder(on_add, button_text: str, prefix: str = "place", icon=ft.Icons.ADD) -> ft.Control:
    """Any place on the body: a region, its side where it has one, words for "other"; checked as an entry is."""
    region, set_region = ft.use_state(None)  # nothing shown as chosen until the person chooses
    side, set_side = ft.use_state(None)
    other, set_other = ft.use_state("")
    add_error, set_add_error = ft.use_state(None)

    async def add(_event=None) -> None:
        if region is None:
            set_add_error("Choose a body part first.")
            return
        raw = {"region": region, "side": side if BODY_REGIONS[region] else None, "other_text": other}
        try:
            location = validate_location(raw)
        except EntryError as problem:
            set_add_error(problem.by_field.get("locations", str(problem)))
            return
        set_add_error(None)
        set_other("")
        result = on_add(location)
        if hasattr(result, "__await__"):
            await result

    adder: list[ft.Control] = [
        choice(f"{prefix}-region", "Body part", region, {r: r.capitalize() for r in BODY_REGIONS}, set_region, width=180)
    ]
    if region is not None and BODY_REGIONS[region]:
        adder.append(choice(f"{prefix}-side", "Side", side, {s: s.capitalize() for s in SIDES}, set_side, width=120))
    if region == "other":
        adder.append(
            ft.TextField(key=f"{prefix}-other", label="Where?", value=other, width=200, on_change=lambda e: set_other(e.control.value or ""))
        )
    adder.append(ft.OutlinedButton(content=button_text, icon=icon, key=f"{prefix}-add", on_click=add))
    return ft.Column(
        spacing=8,
        tight=True,
        controls=[
            ft.Row(adder, wrap=True, spacing=8, run_spacing=8, vertical_alignment=ft.CrossAxisAlignment.CENTER),
            *([error_text(add_error, key=f"{prefix}-error")] if add_error else []),
        ],
    )


def _map_area(area: Area, view: str, chosen: bool, on_toggle) -> ft.Control:
    name = area.place.label
    return ft.Container(
        left=area.x,
        top=area.y,
        width=area.width,
        height=area.height,
        content=ft.Semantics(
            label=f"{name.capitalize()}, {view}: {'chosen' if chosen else 'not chosen'}",
            button=True,
            selected=chosen,
            content=ft.Container(
                key=f"map-{view}-{slug(name)}",
                ink=True,  # an InkWell: focusable with Tab, Enter and Space tap it (a plain Container is not)
                border_radius=area.rounded,
                bgcolor=ft.Colors.PRIMARY if chosen else ft.Colors.SURFACE_CONTAINER_HIGHEST,
                border=ft.Border.all(2 if chosen else 1, ft.Colors.PRIMARY if chosen else ft.Colors.OUTLINE),
                alignment=ft.Alignment.CENTER,
                content=ft.Icon(ft.Icons.CHECK, size=16, color=ft.Colors.ON_PRIMARY) if chosen else None,
                on_click=lambda: on_toggle(area.place),
            ),
        ),
    )


CAPTIONS = {"front": "Front: your right side is on the left", "back": "Back: your right side is on the right"}


def body_map(places: tuple[Location, ...], on_toggle, view: str, on_view) -> ft.Control:
    """The front or the back figure; tapping an area chooses that place or takes it back. The list
    below it is the same choice in words (and the way to places the figures do not have)."""
    areas = [_map_area(area, view, area.place in places, on_toggle) for area in views()[view]]
    if view == "back":  # the head, drawn but not a place: the back of the head is not in the log
        areas.insert(0, ft.Container(left=86, top=8, width=68, height=90, border_radius=34,
                                     border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT)))
    return ft.Column(
        key="body-map",
        tight=True,
        spacing=6,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[
            segmented("map-view", view, {"front": "Front", "back": "Back"}, on_view),
            ft.Text(CAPTIONS[view], theme_style=ft.TextThemeStyle.BODY_SMALL, text_align=ft.TextAlign.CENTER, width=MAP_WIDTH),
            ft.Stack(key=f"map-{view}", width=MAP_WIDTH, height=MAP_HEIGHT, controls=areas),
        ],
    )


@ft.component
def PlacePicker(places: tuple[Location, ...], on_change, error: str | None) -> ft.Control:
    """The places chosen so far (each removable), the body map, and a row to add any place in words."""

    def add(location: Location) -> None:
        if location not in places:
            on_change((*places, location))

    view, set_view = ft.use_state("front")

    def toggle(location: Location) -> None:
        on_change(tuple(p for p in places if p != location) if location in places else (*places, location))

    chosen = [
        ft.Chip(
            label=ft.Text(place.label),
            key=f"place-{slug(place.label)}",
            on_delete=lambda _, place=place: on_change(tuple(p for p in places if p != place)),
            delete_icon_tooltip=f"Remove {place.label}",
        )
        for place in places
    ]
    return ft.Column(
        spacing=8,
        controls=[
            ft.Text("Where on the body", theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.Text("Tap the places on the figures, or choose one from the list below.", theme_style=ft.TextThemeStyle.BODY_SMALL),
            body_map(places, toggle, view, set_view),
            announced(
                ft.Row(chosen, wrap=True, spacing=8, run_spacing=8, key="places")
                if chosen
                else ft.Text("No place chosen yet.", key="places-empty")
            ),
            PlaceAdder(add, "Add place"),
            *([error_text(error, key="places-error")] if error else []),
        ],
    )


def note_field(note: str, on_change, error: str | None, key: str) -> ft.TextField:
    """The free-text note, up to the core's limit."""
    return ft.TextField(
        key=key,
        label="Note (optional)",
        value=note,
        multiline=True,
        min_lines=2,
        max_length=NOTE_MAX,
        error=error,
        on_change=lambda e: on_change(e.control.value or ""),
    )


def intensity_fields(intensity: int | None, on_change, key: str) -> list[ft.Control]:
    """Intensity 0 to 10, or "Not noted": nothing is chosen for the person, and a choice can be taken back.

    Chips rather than a slider: a slider always sits at some number, so an untouched one would
    read as a value the person never gave.
    """

    def chip(value: int | None) -> ft.Chip:
        text = "Not noted" if value is None else str(value)
        return ft.Chip(
            key=f"{key}-{'none' if value is None else value}",
            label=ft.Text(text, semantics_label="Intensity not noted" if value is None else f"Intensity {value} of 10"),
            selected=intensity == value,
            show_checkmark=value is None,
            on_select=lambda _: on_change(None if value is not None and intensity == value else value),
        )

    shown = "not noted" if intensity is None else f"{intensity} of 10"
    return [
        ft.Text(f"Intensity (optional): {shown}", key=f"{key}-label", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        ft.Text("0 is barely there, 10 the strongest you have felt.", theme_style=ft.TextThemeStyle.BODY_SMALL),
        ft.Row(key=key, wrap=True, spacing=6, run_spacing=6, controls=[chip(None), *(chip(n) for n in range(11))]),
    ]


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
                    ft.OutlinedButton(content="Add", icon=ft.Icons.ADD, key="trigger-add", on_click=add_own),
                ],
            ),
        ],
    )
