"""Log: the symptom log (placeholders until its issue lands)."""

import flet as ft

from pwa import routes
from pwa.ui.context import go, use_shell
from pwa.ui.shell import destination_view, detail_view
from pwa.ui.widgets import big_action, coming_soon, doctor_link


@ft.component
def LogScreen() -> ft.View:
    shell = use_shell()
    body = [
        big_action("Log a twitch", ft.Icons.EDIT_NOTE, "log-log-twitch", lambda: go(routes.LOG_TWITCH), primary=True),
        coming_soon(
            "Your symptom log",
            "Quick logging, history, patterns and a report to take to your doctor. "
            "Everything stays on this device.",
            key="log-coming",
        ),
        doctor_link(key="log-open-doctor"),
    ]
    return destination_view(shell, routes.LOG, "Log", body)


@ft.component
def LogTwitchScreen() -> ft.View:
    return detail_view(
        routes.LOG_TWITCH,
        "Log a twitch",
        [
            coming_soon(
                "One-tap logging is on its way",
                "Soon you will be able to note a twitch here in one tap and add details later. "
                "Nothing has been saved.",
                key="log-twitch-coming",
            ),
            big_action("Breathe now", ft.Icons.AIR, "log-breathe-now", lambda: go(routes.BREATHE_NOW), primary=False),
        ],
        modal=True,
    )
