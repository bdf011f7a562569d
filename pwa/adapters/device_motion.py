"""Whether the device asks for less motion (the OS "reduce motion" setting, CSS prefers-reduced-motion).

Flutter's web engine in flet 1.0.5 does not tell the app; the page script (pwa/web/full-page-message.js,
loaded by the served run and the offline build) writes the media query's answer where Flutter's
shared preferences keep their values, and this reads it back through ft.SharedPreferences.
"""

from __future__ import annotations

import flet as ft

PREFERENCE_KEY = "bfs.device.reduce_motion"


async def browser_reduces_motion() -> bool:
    """True when the browser says the person prefers reduced motion; False when it says not, or
    cannot say (no page script, storage refused, an old client)."""
    try:
        value = await ft.SharedPreferences().get(PREFERENCE_KEY)
    except Exception:  # noqa: BLE001 - flet raises plain exceptions for a client that cannot answer
        return False
    return value is True


async def motion_not_reduced() -> bool:
    """The fake for tests and runs without a browser: the device asks for nothing."""
    return False
