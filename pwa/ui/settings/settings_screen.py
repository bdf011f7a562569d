"""Settings: appearance, and where the user's data is kept."""

import flet as ft

from pwa import __version__, routes
from pwa.adapters.device_status import DeviceStatus
from pwa.core import quick_places as quick
from pwa.core.episodes import Location
from pwa.core.settings import MotionChoice, ThemeChoice
from pwa.ui.shell.context import use_shell
from pwa.ui.log.entry_fields import PlaceAdder, slug, use_quick_places
from pwa.ui.shell.shell import detail_view
from pwa.ui.widgets import Expander, choice, copyable, gentle_note, icon_button, labelled_switch, radios

CUE_SWITCHES = (  # (label, key, setting)
    ("Soft sound at each step", "sound-cues", "sound_cues"),
    ("Spoken cues: a calm voice says “Breathe in”, “Tense”… instead of the tone", "spoken-cues", "spoken_cues"),
    ("“Get ready” with 3-2-1 before a session starts", "lead-in", "lead_in"),
    ("Vibration at each step (on phones that support it)", "vibration-cues", "vibration_cues"),
)

_THEME_LABELS = {
    ThemeChoice.SYSTEM: "Same as my device",
    ThemeChoice.LIGHT: "Light",
    ThemeChoice.DARK: "Dark",
}


def _device_lines(status: DeviceStatus | None) -> list[ft.Control]:
    if status is None:
        return []
    return [
        ft.Text(
            "Installed on this device." if status.installed
            else "Opened in the browser. You can install it from the browser's menu, or with Share, then "
            "\u201cAdd to Home Screen\u201d on iPhone and iPad.",
            key="device-installed",
        ),
        ft.Text(
            "Ready to use offline." if status.offline_ready
            else "Not ready offline yet: open it once more with a connection.",
            key="device-offline-ready",
        ),
    ]


def _persistence_note(persistent: bool | None) -> list[ft.Control]:
    if persistent is None:
        return []  # a file on disk: there is no browser to evict it
    text = (
        "Your browser has agreed to keep this data until you delete it."
        if persistent
        else "Your browser may clear this data if the device runs low on space "
        "or the app goes unused for a long time."
    )
    return [ft.Text(text, key="storage-persistence")]


@ft.component
def QuickPlacesSettings() -> ft.Control:
    """Pin, remove, reorder and put back the places the quick log offers for one tap."""
    shell = use_shell()
    settings = shell.settings
    pinned, removed = settings.quick_pinned, settings.quick_removed
    offered = use_quick_places()

    def keep(new_pinned, new_removed=None) -> None:
        shell.change_settings(quick_pinned=tuple(new_pinned), quick_removed=tuple(removed if new_removed is None else new_removed))

    def row(place: Location) -> ft.Control:
        name, is_pinned = slug(place.label), place in pinned
        buttons = []
        if is_pinned:
            index = pinned.index(place)
            buttons += [
                icon_button(ft.Icons.ARROW_UPWARD, f"Move {place.label} up", f"quick-up-{name}",
                             lambda: keep(quick.move(pinned, place, -1))) if index > 0 else None,
                icon_button(ft.Icons.ARROW_DOWNWARD, f"Move {place.label} down", f"quick-down-{name}",
                             lambda: keep(quick.move(pinned, place, +1))) if index < len(pinned) - 1 else None,
                icon_button(ft.Icons.PUSH_PIN, f"Unpin {place.label}", f"quick-unpin-{name}", lambda: keep(quick.unpin(pinned, place))),
            ]
        else:
            buttons.append(
                icon_button(ft.Icons.PUSH_PIN_OUTLINED, f"Pin {place.label} to the top", f"quick-pin-{name}",
                             lambda: keep(*quick.pin(pinned, removed, place)))
            )
        buttons.append(
            icon_button(ft.Icons.REMOVE_CIRCLE_OUTLINE, f"Remove {place.label} from the quick log", f"quick-remove-{name}",
                         lambda: keep(*quick.remove(pinned, removed, place)))
        )
        return ft.Row(
            key=f"quick-place-{name}",
            wrap=True,
            alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
            controls=[
                ft.Text(f"{place.label} (pinned)" if is_pinned else place.label, expand=True),
                ft.Row(tight=True, spacing=0, controls=[b for b in buttons if b is not None]),
            ],
        )

    controls: list[ft.Control] = [
        ft.Text(
            "Pinned places come first, in your order; then the places you logged most in the last 90 days; "
            "then the usual ones. “Somewhere else…” in the quick log always reaches every place.",
            theme_style=ft.TextThemeStyle.BODY_SMALL,
        ),
        ft.Column([row(place) for place in offered], spacing=0, key="quick-places"),
        ft.Text("Pin another place", theme_style=ft.TextThemeStyle.TITLE_SMALL),
        PlaceAdder(lambda place: keep(*quick.pin(pinned, removed, place)), "Pin", prefix="quick-pin-new", icon=ft.Icons.PUSH_PIN),
    ]
    if removed:
        controls.append(ft.Text("Removed from the quick log", theme_style=ft.TextThemeStyle.TITLE_SMALL))
        controls += [
            ft.Row(
                key=f"quick-removed-{slug(place.label)}",
                wrap=True,
                alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
                controls=[
                    ft.Text(place.label, expand=True),
                    ft.TextButton(
                        content="Put back", key=f"quick-restore-{slug(place.label)}",
                        tooltip=f"Put {place.label} back in the quick log",
                        on_click=lambda _, place=place: keep(pinned, tuple(p for p in removed if p != place)),
                    ),
                ],
            )
            for place in removed
        ]
    return Expander(
        "quick-places-settings",
        "Quick log places",
        [ft.Container(ft.Column(controls, spacing=8, tight=True), padding=ft.Padding.only(bottom=12))],
        subtitle="Pin, remove or reorder the one-tap places",
        icon=ft.Icons.TOUCH_APP_OUTLINED,
    )


@ft.component
def SettingsScreen() -> ft.View:
    shell = use_shell()
    status, set_status = ft.use_state(None)

    async def ask_the_device() -> None:
        set_status(await shell.deps.device_status())

    ft.use_effect(ask_the_device, [])
    persistent = status.persisted if status is not None else shell.deps.storage_persistent

    body = [
        ft.Text("Appearance", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        radios("theme-choice", shell.settings.theme.value, {c.value: label for c, label in _THEME_LABELS.items()},
               lambda value: shell.change_settings(theme=ThemeChoice(value))),
        ft.Divider(),
        ft.Text("Relaxation cues", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        *[
            labelled_switch(label, key, getattr(shell.settings, field), lambda on, field=field: shell.change_settings(**{field: on}),
                            window_width=shell.width)
            for label, key, field in CUE_SWITCHES
        ],
        choice(
            "motion-choice",
            "Motion in sessions",
            shell.settings.motion.value,
            {
                MotionChoice.DEVICE.value: f"Same as my device ({'reduced' if shell.device_reduces_motion else 'full'} motion now)",
                MotionChoice.REDUCE.value: "Reduce motion: a progress bar",
                MotionChoice.FULL.value: "Full motion: the moving circle",
            },
            lambda value: shell.change_settings(motion=MotionChoice(value)),
            width=None,
        ),
        ft.Divider(),
        ft.Text("Symptom log", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        QuickPlacesSettings(),
        ft.Divider(),
        ft.Text("Your data", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text("Everything you save stays on this device. Nothing is sent anywhere."),
        copyable(ft.Text(shell.deps.data_location, key="data-location", theme_style=ft.TextThemeStyle.BODY_SMALL),
                 "the data folder's path", shell.deps.data_location, "copy-data-location"),
        *_device_lines(status),
        *_persistence_note(persistent),
        ft.Divider(),
        gentle_note(f"BFS Companion {__version__}"),
    ]
    return detail_view(routes.SETTINGS, "Settings", body, modal=True)
