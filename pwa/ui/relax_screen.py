"""Relax: start a breathing pattern (muscle relaxation follows in its own issue)."""

import flet as ft

from pwa import routes
from pwa.core.breathing import PRESETS, BreathingPattern, find_pattern
from pwa.ui.context import go, use_shell
from pwa.ui.shell import destination_view
from pwa.ui.widgets import big_action, coming_soon


def _length(pattern: BreathingPattern) -> str:
    if pattern.default_cycles:
        return f"{pattern.default_cycles} breaths"
    return f"{pattern.default_minutes:g} min"


def _pattern_tile(pattern: BreathingPattern) -> ft.Control:
    return ft.Card(
        margin=0,
        content=ft.ListTile(
            key=f"pattern-{pattern.id}",
            leading=ft.Icon(ft.Icons.AIR),
            title=ft.Text(f"{pattern.name} · {_length(pattern)}"),
            subtitle=ft.Text(pattern.explanation),
            trailing=ft.Icon(ft.Icons.PLAY_ARROW_OUTLINED),
            on_click=lambda: go(routes.breathe(pattern.id)),
        ),
    )


@ft.component
def RelaxScreen() -> ft.View:
    shell = use_shell()
    usual = find_pattern(shell.settings.breathing_pattern_id)
    body = [
        big_action(f"Breathe now: {usual.name}", ft.Icons.AIR, "relax-breathe-now", lambda: go(routes.BREATHE_NOW), primary=True),
        ft.Text("Breathing patterns", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        *[_pattern_tile(p) for p in PRESETS],
        coming_soon(
            "Progressive muscle relaxation",
            "Timed sequences of 16, 7 or 4 muscle groups, with gentle instructions for each.",
            key="pmr-coming",
        ),
    ]
    return destination_view(shell, routes.RELAX, "Relax", body)
