"""Calm colours for light and dark mode, generated from one muted sea-green seed."""

import flet as ft

from pwa.core.settings import ThemeChoice

SEED_COLOUR = "#4E7D74"

LIGHT_THEME = ft.Theme(color_scheme_seed=SEED_COLOUR)
DARK_THEME = ft.Theme(color_scheme_seed=SEED_COLOUR)

THEME_MODES = {
    ThemeChoice.SYSTEM: ft.ThemeMode.SYSTEM,
    ThemeChoice.LIGHT: ft.ThemeMode.LIGHT,
    ThemeChoice.DARK: ft.ThemeMode.DARK,
}
