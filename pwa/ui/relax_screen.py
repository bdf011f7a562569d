"""Relax: breathing and muscle relaxation (placeholders until their issue lands)."""

import flet as ft

from pwa import routes
from pwa.ui.context import go, use_shell
from pwa.ui.shell import destination_view, detail_view
from pwa.ui.widgets import big_action, coming_soon

_BREATHING_MEANWHILE = (
    "Until the guided pacer arrives: breathe in gently through your nose for about 4 seconds, "
    "then out slowly for about 6 seconds. Keep going for a few minutes, at a pace that feels easy."
)


@ft.component
def RelaxScreen() -> ft.View:
    shell = use_shell()
    body = [
        big_action("Breathe now", ft.Icons.AIR, "relax-breathe-now", lambda: go(routes.BREATHE_NOW), primary=True),
        coming_soon(
            "Guided breathing",
            "Box breathing, 4-7-8, slow resonance breathing, the cyclic sigh and your own patterns, "
            "with an animated pacer and sound and vibration cues.",
            key="breathing-coming",
        ),
        coming_soon(
            "Progressive muscle relaxation",
            "Timed sequences of 16, 7 or 4 muscle groups, with gentle instructions for each.",
            key="pmr-coming",
        ),
    ]
    return destination_view(shell, routes.RELAX, "Relax", body)


@ft.component
def BreatheNowScreen() -> ft.View:
    return detail_view(
        routes.BREATHE_NOW,
        "Breathe now",
        [coming_soon("Guided breathing is on its way", _BREATHING_MEANWHILE, key="breathe-now-coming")],
        modal=True,
    )
