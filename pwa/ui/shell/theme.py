"""Calm colours for light and dark mode, generated from one muted sea-green seed."""

import flet as ft

from pwa.core.settings import ThemeChoice

SEED_COLOUR = "#4E7D74"

# flet 1.0.5: importing flet.controls.theme (for ft.Theme) takes 0.26-0.36 s in the browser
# build, the largest single cost of its start-up. The client receives a theme as a plain map,
# so the app sends that map directly: byte for byte what ft.Theme(color_scheme_seed=SEED_COLOUR)
# encodes to, which tests/ui/shell/test_theme.py checks against flet itself.
# Standard density everywhere: Flutter's desktop-browser default (compact) makes buttons, chips and
# radios 32 px high; the app is for fingers first.
APP_THEME = {"color_scheme_seed": SEED_COLOUR, "visual_density": "standard", "page_transitions": {}}

THEME_MODES = {
    ThemeChoice.SYSTEM: ft.ThemeMode.SYSTEM,
    ThemeChoice.LIGHT: ft.ThemeMode.LIGHT,
    ThemeChoice.DARK: ft.ThemeMode.DARK,
}
