"""Every colour pair the screens draw text or controls with passes WCAG 2.2 AA, light and dark."""

import re
from pathlib import Path

import pytest

from tests.ui.shell.theme_colours import contrast, scheme

UI = Path(__file__).resolve().parents[3] / "pwa" / "ui"
TEXT, LARGE_TEXT_OR_CONTROL = 4.5, 3.0

# (foreground, background, minimum, where the screens draw it)
PAIRS = [
    ("ON_SURFACE", "SURFACE", TEXT, "body text"),
    ("ON_SURFACE_VARIANT", "SURFACE", TEXT, "gentle notes, a choice's label"),
    ("PRIMARY", "SURFACE", TEXT, "guide links, text buttons, the PMR phase"),
    ("ERROR", "SURFACE", TEXT, "form and import errors"),
    ("ON_PRIMARY", "PRIMARY", TEXT, "filled buttons, a chosen body-map area's check mark"),
    ("ON_SECONDARY_CONTAINER", "SECONDARY_CONTAINER", TEXT, "tonal buttons, chosen chips and segments"),
    ("ON_SURFACE", "SURFACE_CONTAINER_HIGH", TEXT, "the undo banner, the gentle note"),
    ("ON_SURFACE_VARIANT", "SURFACE_CONTAINER_HIGH", TEXT, "small text in banners"),
    ("ON_TERTIARY_CONTAINER", "TERTIARY_CONTAINER", TEXT, "the storage notice on Home"),
    ("ON_SURFACE", "TERTIARY_CONTAINER", TEXT, "the storage notice's text (the default text colour)"),
    ("OUTLINE", "SURFACE", LARGE_TEXT_OR_CONTROL, "text field and choice borders"),
    ("OUTLINE", "SURFACE_CONTAINER_HIGHEST", LARGE_TEXT_OR_CONTROL, "an unchosen body-map area's border"),
    ("PRIMARY", "SURFACE", LARGE_TEXT_OR_CONTROL, "switches, radios, chart bars, the pacer's ring"),
    ("PRIMARY", "PRIMARY_CONTAINER", LARGE_TEXT_OR_CONTROL, "the pacer's ring and pause icon on its fill"),
]
DECORATIVE = {"OUTLINE_VARIANT": "dividers, the drawn head on the back figure, empty chart days (each also said in words)"}
# Drawn as nothing: the skip link's words until it has keyboard focus (then primary on surface).
INVISIBLE = {"TRANSPARENT": "the skip link's text and hover before it has focus"}


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize(("foreground", "background", "minimum", "where"), PAIRS, ids=[f"{p[0]}-on-{p[1]}" for p in PAIRS])
def test_the_pair_passes_its_minimum(dark, foreground, background, minimum, where):
    colours = scheme(dark)
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= minimum, f"{where}: {foreground} on {background} is {ratio:.2f}:1 in the {'dark' if dark else 'light'} theme"


def test_every_theme_colour_a_screen_names_is_checked_or_decorative():
    named = set(re.findall(r"ft\.Colors\.([A-Z_]+)", "\n".join(p.read_text() for p in UI.rglob("*.py"))))
    checked = {name for pair in PAIRS for name in pair[:2]}
    assert named - checked - set(DECORATIVE) - set(INVISIBLE) == set()


def test_contrast_matches_known_values():
    assert contrast(0x000000, 0xFFFFFF) == pytest.approx(21)
    assert contrast(0x767676, 0xFFFFFF) == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes on white
    assert contrast(0x777777, 0xFFFFFF) == pytest.approx(4.48, abs=0.01)  # one step lighter fails
    assert contrast(0x336699, 0x336699) == 1


def test_the_scheme_is_the_one_flutter_draws_for_the_seed():
    # Flutter 3.x ColorScheme.fromSeed(#4E7D74): the surface and text colours the page script
    # copies for its full-page message were read from Chromium's rendering of the app.
    light, dark = scheme(False), scheme(True)
    assert (light["PRIMARY"], light["ON_PRIMARY"], light["ON_SURFACE"]) == (0x006B5E, 0xFFFFFF, 0x171D1B)
    assert (dark["PRIMARY"], dark["ON_SURFACE"]) == (0x83D5C6, 0xDDE4E1)
