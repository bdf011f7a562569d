"""A number chosen a step at a time: the labelled slider every screen reader can name and use.

flet 1.0.5's Slider reaches screen readers as an unnamed slider reading "43%", and a Semantics
label around it is not merged into it; two named buttons and an announced value are read the
same way by every screen reader, work with Tab and Enter, and are 48 px targets.
"""

from __future__ import annotations

import flet as ft

from pwa.ui.widgets.actions import icon_button
from pwa.ui.widgets.text import announced


def stepper(
    key: str, label: str, value: int, on_change, *, minimum: int, maximum: int, step: int = 1, unit: str = "s", unit_name: str = "seconds"
) -> ft.Control:
    """`label: value unit` with "less" and "more" buttons; `on_change(new_value)` gets a value within [minimum, maximum].

    A button that would leave the range is disabled, so the edges are plain to see and to hear.
    """
    lower, higher = max(minimum, value - step), min(maximum, value + step)
    return ft.Row(
        key=key,
        spacing=4,
        wrap=True,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[
            icon_button(ft.Icons.REMOVE, f"{label}: {lower} {unit_name}", f"{key}-less", lambda: on_change(lower), disabled=value <= minimum),
            announced(ft.Text(f"{label}: {value} {unit}", key=f"{key}-value", semantics_label=f"{label}: {value} {unit_name}")),
            icon_button(ft.Icons.ADD, f"{label}: {higher} {unit_name}", f"{key}-more", lambda: on_change(higher), disabled=value >= maximum),
        ],
    )
