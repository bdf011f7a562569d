"""A switch whose label wraps instead of being cut off, in a row 48 px high.

flet 1.0.5's Switch draws a text label on one line, cut off at 200 % text or on a 320 px phone.
Its label may be a control: a text given the width left beside the switch wraps, and the switch
keeps Flutter's own semantics (one named switch with its state) and keyboard focus. The label is
part of the switch's target (tapping the words toggles it); its padding makes the whole row at
least 48 px high, where the switch alone is 40 on a desktop browser (flet 1.0.5 does not expose
Flutter's tap-target size).
"""

from __future__ import annotations

import flet as ft

from pwa.core.layout import content_width

SWITCH_AND_GAP = 64  # the switch with its padding, before its label (logical pixels)
LABEL_PADDING = 14  # above and below the label: a 20 px line makes a 48 px row


def labelled_switch(label: str, key: str, value: bool, on_change, *, window_width: float | None) -> ft.Control:
    """`on_change(new_value)` gets the new state; `window_width` is the page's (the label fits beside the switch)."""
    return ft.Switch(
        key=key,
        value=value,
        label=ft.Container(
            ft.Text(label, key=f"{key}-label"),
            padding=ft.Padding.symmetric(vertical=LABEL_PADDING),
            width=max(96.0, content_width(window_width) - SWITCH_AND_GAP),
        ),
        on_change=lambda e: on_change(bool(e.control.value)),
    )
