"""Home: the two actions for the middle of an episode, and the way to the red flags."""

import flet as ft

from pwa import routes
from pwa.ui.shell.context import go, use_shell
from pwa.ui.shell.shell import destination_view
from pwa.ui.widgets import big_action, doctor_link, gentle_note


@ft.component
def HomeScreen() -> ft.View:
    shell = use_shell()
    body: list[ft.Control] = []
    if shell.deps.storage_notice:
        body.append(
            ft.Container(
                key="storage-notice",
                padding=16,
                border_radius=16,
                bgcolor=ft.Colors.TERTIARY_CONTAINER,
                content=ft.Text(shell.deps.storage_notice),
            )
        )
    body += [
        ft.Text("Twitching right now?", theme_style=ft.TextThemeStyle.HEADLINE_SMALL),
        ft.Text("Note it in a tap, then take a few slow breaths with us."),
        big_action("Log a twitch", ft.Icons.EDIT_NOTE, "log-twitch", lambda: go(routes.LOG_TWITCH), primary=True),
        big_action("Breathe now", ft.Icons.AIR, "breathe-now", lambda: go(routes.BREATHE_NOW), primary=False),
        ft.Container(height=8),
        doctor_link(),
        gentle_note(),
    ]
    return destination_view(shell, routes.HOME, "BFS Companion", body)
