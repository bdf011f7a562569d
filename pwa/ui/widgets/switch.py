"""A switch with a label that wraps: read as one named switch, toggled by a tap anywhere on it.

flet 1.0.5's Switch draws its label on one line that is cut off at 200 % text or on a 320 px
phone; here the label is a wrapping text beside the switch, and one semantics node names the
switch with it and carries its state (role switch, checked), the way Flutter's SwitchListTile does.
"""

from __future__ import annotations

import flet as ft


def labelled_switch(label: str, key: str, value: bool, on_change) -> ft.Control:
    """`on_change(new_value)` gets the new state."""

    def toggle() -> None:
        on_change(not value)

    return ft.Semantics(
        label=label,
        toggled=value,
        focusable=True,
        container=True,
        exclude_semantics=True,
        on_tap=lambda _: toggle(),
        content=ft.Container(
            on_click=toggle,
            padding=ft.Padding.symmetric(vertical=4),
            content=ft.Row(
                spacing=12,
                vertical_alignment=ft.CrossAxisAlignment.CENTER,
                controls=[
                    ft.Switch(key=key, value=value, on_change=lambda e: on_change(bool(e.control.value))),
                    ft.Text(label, expand=True, key=f"{key}-label"),
                ],
            ),
        ),
    )
