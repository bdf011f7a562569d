"""The app's colours as Flutter draws them, computed from the theme, and WCAG contrast.

Flutter's ColorScheme.fromSeed (flet 1.0.5's client) builds a Material 3 "tonal spot" scheme
with the 2021 colour spec; materialyoucolor is a port of the same Material colour utilities.
The browser audit checks a colour computed here against a pixel Chromium drew.
"""

from __future__ import annotations

import re

from materialyoucolor.dynamiccolor.material_dynamic_colors import MaterialDynamicColors
from materialyoucolor.hct import Hct
from materialyoucolor.scheme.scheme_tonal_spot import SchemeTonalSpot

from pwa.ui.shell.theme import SEED_COLOUR


def scheme(dark: bool) -> dict[str, int]:
    """{flet colour name ("ON_SURFACE_VARIANT"): 0xRRGGBB} for the app's light or dark theme."""
    built = SchemeTonalSpot(Hct.from_int(0xFF000000 | int(SEED_COLOUR.lstrip("#"), 16)), dark, 0.0, spec_version="2021")
    colours = {}
    for name in dir(MaterialDynamicColors):
        dynamic = getattr(MaterialDynamicColors, name)
        if hasattr(dynamic, "get_argb") and not name.startswith("_"):
            flet_name = re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()
            colours[flet_name] = dynamic.get_argb(built) & 0xFFFFFF
    return colours


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb: int) -> float:
    r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast(a: int, b: int) -> float:
    """WCAG 2.2 contrast ratio of two sRGB colours, from 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
