"""Buttons and links: big actions for shaky hands, named icon buttons, cards that open a route."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.ui.shell.context import go

TARGET = ft.BoxConstraints(min_width=48, min_height=48)  # the smallest touch target (px)
# Buttons never get a fixed height: text at 200 % would be cut off inside it. A button's padding
# sets its height with one line of text (the theme's makes 48 px) and lets it grow with the text.
TALL = ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=24, vertical=18))  # 56 px: a session's controls, one-tap places


def big_action(label: str, icon: ft.IconData, key: str, on_click, *, primary: bool) -> ft.Control:
    """A full-width, tall button for the moments when fine motor control and focus are low."""
    style = ft.ButtonStyle(
        padding=ft.Padding.symmetric(horizontal=24, vertical=24),  # 72 px with one line of 20 px text
        shape=ft.RoundedRectangleBorder(radius=20),
        text_style=ft.TextStyle(size=20, weight=ft.FontWeight.W_600),
        icon_size=28,
    )
    button_type = ft.FilledButton if primary else ft.FilledTonalButton
    return button_type(content=label, icon=icon, key=key, on_click=on_click, style=style)


def link_tile(
    key: str,
    title: str,
    route: str,
    subtitle: str | None = None,
    icon: ft.IconData | None = None,
    action_icon: ft.IconData = ft.Icons.CHEVRON_RIGHT,
) -> ft.Control:
    """A card that opens a route: chapters, exercises, the red flags."""
    return ft.Card(
        margin=0,
        content=ft.ListTile(
            key=key,
            leading=ft.Icon(icon) if icon else None,
            title=ft.Text(title),
            subtitle=ft.Text(subtitle) if subtitle else None,
            trailing=ft.Icon(action_icon),
            on_click=lambda: go(route),
        ),
    )


def doctor_link(key: str = "open-doctor") -> ft.Control:
    """One tap to the red flags, from anywhere that needs it."""
    return link_tile(
        key,
        "When to see a doctor",
        routes.WHEN_TO_SEE_A_DOCTOR,
        subtitle="What needs an emergency number now, a doctor within days, or a routine visit",
        icon=ft.Icons.MEDICAL_INFORMATION_OUTLINED,
    )


def icon_button(icon: ft.IconData, label: str, key: str, on_click, *, disabled: bool = False) -> ft.IconButton:
    """An icon button screen readers name and a pointer shows: `label` as the icon's label and the tooltip.

    flet 1.0.5 web: a tooltip alone gives the button no accessible name; the icon's label does.
    At least 48 x 48 px, as every target (Material's icon button is 40 x 40 on a desktop browser).
    """
    return ft.IconButton(
        icon=ft.Icon(icon, semantics_label=label),
        tooltip=label,
        key=key,
        disabled=disabled,
        on_click=on_click,
        size_constraints=TARGET,
    )


def copyable(text: ft.Text, name: str, value: str, key: str) -> ft.Control:
    """A text with a named "Copy ..." button beside it (a folder's path, a file's place).

    flet 1.0.5 web: selectable text reaches screen readers as an unnamed, read-only text field;
    plain text and a copy button are read as what they are.
    """

    async def copy() -> None:
        await ft.Clipboard().set(value)

    return ft.Row(
        spacing=4,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
        controls=[ft.Container(text, expand=True), icon_button(ft.Icons.CONTENT_COPY, f"Copy {name}", key, copy)],
    )
