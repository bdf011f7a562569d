"""Small building blocks that several screens share."""

from __future__ import annotations

import flet as ft

from pwa import routes
from pwa.ui.context import go

NOT_A_DIAGNOSIS = "This app informs and supports you. It does not diagnose."


def big_action(label: str, icon: ft.IconData, key: str, on_click, *, primary: bool) -> ft.Control:
    """A full-width, tall button for the moments when fine motor control and focus are low."""
    style = ft.ButtonStyle(
        padding=ft.Padding.symmetric(horizontal=24, vertical=20),
        shape=ft.RoundedRectangleBorder(radius=20),
        text_style=ft.TextStyle(size=20, weight=ft.FontWeight.W_600),
        icon_size=28,
    )
    button_type = ft.FilledButton if primary else ft.FilledTonalButton
    return button_type(content=label, icon=icon, key=key, on_click=on_click, style=style, height=72)


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


def choice(key: str, label: str, value: str, options: dict[str, str], on_pick, width: float | None = 200) -> ft.Dropdown:
    """A labelled drop-down of {value: text}; `on_pick(value)` gets the chosen value (never None)."""
    return ft.Dropdown(
        key=key,
        label=label,
        value=value,
        width=width,
        options=[ft.DropdownOption(key=k, text=v) for k, v in options.items()],
        on_select=lambda e: on_pick(e.control.value or value),
    )


def gentle_note(text: str = NOT_A_DIAGNOSIS) -> ft.Control:
    return ft.Text(text, theme_style=ft.TextThemeStyle.BODY_SMALL, color=ft.Colors.ON_SURFACE_VARIANT)


def announced(control: ft.Control) -> ft.Control:
    """A control whose text screen readers read out when it appears or changes (a live region)."""
    return ft.Semantics(live_region=True, content=control)


def error_text(message: str, key: str) -> ft.Control:
    """A problem the person must know about: in the theme's error colour and announced to screen readers."""
    return announced(ft.Text(message, key=key, color=ft.Colors.ERROR))
