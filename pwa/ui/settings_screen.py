"""Settings: appearance, and where the user's data is kept."""

import flet as ft

from pwa import __version__, routes
from pwa.adapters.device_status import DeviceStatus
from pwa.core.settings import ThemeChoice
from pwa.ui.context import use_shell
from pwa.ui.shell import detail_view
from pwa.ui.widgets import gentle_note

_THEME_LABELS = {
    ThemeChoice.SYSTEM: "Same as my device",
    ThemeChoice.LIGHT: "Light",
    ThemeChoice.DARK: "Dark",
}


def _switch(label: str, key: str, value: bool, on_change) -> ft.Control:
    return ft.Switch(label=label, key=key, value=value, on_change=lambda e: on_change(bool(e.control.value)))


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
def SettingsScreen() -> ft.View:
    shell = use_shell()
    status, set_status = ft.use_state(None)

    async def ask_the_device() -> None:
        set_status(await shell.deps.device_status())

    ft.use_effect(ask_the_device, [])
    persistent = status.persisted if status is not None else shell.deps.storage_persistent

    def on_theme_change(e: ft.Event[ft.RadioGroup]) -> None:
        shell.change_settings(theme=ThemeChoice(e.control.value))

    body = [
        ft.Text("Appearance", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.RadioGroup(
            key="theme-choice",
            value=shell.settings.theme.value,
            on_change=on_theme_change,
            content=ft.Column(
                [ft.Radio(value=choice.value, label=label, key=f"theme-{choice.value}") for choice, label in _THEME_LABELS.items()],
                spacing=0,
            ),
        ),
        ft.Divider(),
        ft.Text("Relaxation cues", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        _switch("Soft sound at each step", "sound-cues", shell.settings.sound_cues, lambda on: shell.change_settings(sound_cues=on)),
        _switch(
            "Spoken cues: a calm voice says “Breathe in”, “Tense”… instead of the tone",
            "spoken-cues",
            shell.settings.spoken_cues,
            lambda on: shell.change_settings(spoken_cues=on),
        ),
        _switch(
            "“Get ready” with 3-2-1 before a session starts",
            "lead-in",
            shell.settings.lead_in,
            lambda on: shell.change_settings(lead_in=on),
        ),
        _switch(
            "Vibration at each step (on phones that support it)",
            "vibration-cues",
            shell.settings.vibration_cues,
            lambda on: shell.change_settings(vibration_cues=on),
        ),
        _switch(
            "Reduce motion: a progress bar instead of the moving circle",
            "reduced-motion",
            shell.settings.reduced_motion,
            lambda on: shell.change_settings(reduced_motion=on),
        ),
        ft.Divider(),
        ft.Text("Your data", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Text("Everything you save stays on this device. Nothing is sent anywhere."),
        ft.Text(shell.deps.data_location, key="data-location", selectable=True, theme_style=ft.TextThemeStyle.BODY_SMALL),
        *_device_lines(status),
        *_persistence_note(persistent),
        ft.Divider(),
        gentle_note(f"BFS Companion {__version__}"),
    ]
    return detail_view(routes.SETTINGS, "Settings", body, modal=True)
