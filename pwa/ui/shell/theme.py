"""Calm colours for light and dark mode, generated from one muted sea-green seed."""

import flet as ft

from pwa.core.settings import ThemeChoice

SEED_COLOUR = "#4E7D74"

# flet 1.0.5: importing flet.controls.theme (for ft.Theme) takes 0.26-0.36 s in the browser
# build, the largest single cost of its start-up. The client receives a theme as a plain map,
# so the app sends that map directly: byte for byte what ft.Theme(color_scheme_seed=SEED_COLOUR)
# encodes to, which tests/ui/shell/test_theme.py checks against flet itself.
# Standard density everywhere: Flutter's desktop-browser default (compact) makes buttons, chips and
# radios 32 px high; the app is for fingers first. Buttons, segments and chips get the padding that
# makes them 48 px high with one line of text, and icon buttons (the calendar's own too) 48 x 48
# (Material's own are 40 and 38; flet 1.0.5 does not expose Flutter's tap-target size setting,
# which would do it for every control).
_WIDE_PADDING = {"left": 24, "top": 14, "right": 24, "bottom": 14}  # the order flet encodes
_NARROW_PADDING = {"left": 12, "top": 14, "right": 12, "bottom": 14}
APP_THEME = {
    "color_scheme_seed": SEED_COLOUR,
    "chip_theme": {"padding": {"left": 12, "top": 13, "right": 12, "bottom": 13}},  # one digit: 50 px wide
    "button_theme": {"style": {"padding": _WIDE_PADDING}},
    "outlined_button_theme": {"style": {"padding": _WIDE_PADDING}},
    "text_button_theme": {"style": {"padding": _NARROW_PADDING}},
    "filled_button_theme": {"style": {"padding": _WIDE_PADDING}},
    "icon_button_theme": {"style": {"padding": {"left": 12, "top": 12, "right": 12, "bottom": 12}}},  # 24 px icon: 48
    "segmented_button_theme": {"style": {"padding": _NARROW_PADDING}},
    "visual_density": "standard",
    "page_transitions": {},
}

THEME_MODES = {
    ThemeChoice.SYSTEM: ft.ThemeMode.SYSTEM,
    ThemeChoice.LIGHT: ft.ThemeMode.LIGHT,
    ThemeChoice.DARK: ft.ThemeMode.DARK,
}
