"""A 320 px phone with the browser's text at 200 %: the entry form and Settings stay whole.

Flutter's web engine takes its text scale from the page's root font size (flet 1.0.5), so a root
font size of 32 px is what a person's 200 % text setting gives. Every Tab stop must then lie inside
the 320 px width (nothing pushed off the side), and nothing may be drawn in the screen's right
margin from top to bottom: a label too long for its row (a radio's, which cannot wrap) runs into
it and is cut off at the window's edge. Each screen is kept as a screenshot.
"""

from __future__ import annotations

import time

import pytest

from tests.browser.audit import step, tab_stops
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import png_pixels, wait_for_home
from tests.ui.shell.theme_colours import scheme

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 320, "height": 700}
MARGIN = (305, 310)  # px: inside the 16 px right margin, clear of the scrollbar drawn at the very edge
BELOW_THE_APP_BAR = 64  # px
ABOVE_THE_NAVIGATION_BAR = SMALL_PHONE["height"] - 90  # px: the bar is drawn across the margin


def ink_in_the_right_margin(png: bytes, background: int, tolerance: int = 24) -> list[int]:
    """The rows (y) where something other than the background is drawn in the right margin."""
    _, _, rows = png_pixels(png)
    back = ((background >> 16) & 255, (background >> 8) & 255, background & 255)
    return [
        y for y, row in enumerate(rows) if BELOW_THE_APP_BAR <= y < ABOVE_THE_NAVIGATION_BAR
        and any(max(abs(row[3 * x + c] - back[c]) for c in range(3)) > tolerance for x in range(*MARGIN))
    ]


def screens_top_to_bottom(page, limit: int = 12):
    """A screenshot of each screenful, scrolling down with the mouse wheel until nothing moves."""
    page.mouse.move(SMALL_PHONE["width"] / 2, SMALL_PHONE["height"] / 2)
    shot = page.screenshot()
    yield shot
    for _ in range(limit):
        page.mouse.wheel(0, SMALL_PHONE["height"] - 200)
        time.sleep(0.6)
        following = page.screenshot()
        if following == shot:
            return
        shot = following
        yield shot


SCREENS = {
    "entry-form": (("go", "Log"), ("tap", "button", "New entry with details")),
    "settings": (("tap", "button", "Settings"),),
    "check-in": (("go", "Log"), ("tap", "button", "Day check-in")),
    "relax": (("go", "Relax"),),
    "home": (),
    "when-to-see-a-doctor": (("tap", "button", "When to see a doctor"),),
    "quick-log": (("tap", "button", "Log a twitch"),),
    "history": (("go", "Log"),),
    "month-view": (("go", "Log"), ("tap", "button", "Month")),
    "insights": (("go", "Log"), ("tap", "button", "Patterns and report")),
    "export-import": (("go", "Log"), ("tap", "button", "Export and import")),
    "pattern-editor": (("go", "Relax"), ("tap", "button", "New pattern")),
    "breathing": (("tap", "button", "Breathe now"),),
    "pmr": (("go", "Relax"), ("tap", "button", "7 muscle groups"), ("tap", "button", "Start now")),
    "guide": (("go", "Guide"),),
    "chapter": (("go", "Guide"), ("tap", "button", "What BFS is")),
    "quick-log-noted": (("tap", "button", "Log a twitch"), ("tap", "button", "Left calf")),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_at_320_px_and_200_percent_text_nothing_is_pushed_off_the_side(browser, served_app, deny_proxy, screen):
    page = browser.new_page(viewport=SMALL_PHONE)
    try:
        page.goto(served_app.url)
        wait_for_home(page)
        page.add_style_tag(content="html { font-size: 32px !important; }")  # 200 % of the usual 16 px
        time.sleep(1)
        for action in SCREENS[screen]:
            step(page, action, wide=False)
        scale = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize) / 16")
        assert scale == 2
        page.screenshot(path=ARTIFACTS / f"320px-200pct-{screen}.png")
        cut_off, screenfuls = [], 0
        for number, shot in enumerate(screens_top_to_bottom(page)):
            screenfuls += 1
            if rows := ink_in_the_right_margin(shot, scheme(False)["SURFACE"]):
                (ARTIFACTS / f"320px-200pct-{screen}-cut-off-{number}.png").write_bytes(shot)
                cut_off.append(f"screenful {number}: rows {rows[0]}..{rows[-1]}")
        stops = tab_stops(page, limit=80)
        outside = [f"{s.name} at x {s.box[0]:.0f}..{s.box[0] + s.box[2]:.0f}" for s in stops if s.box[0] < -1 or s.box[0] + s.box[2] > SMALL_PHONE["width"] + 1]
    finally:
        page.close()
    assert len(stops) >= 3 and outside == []
    assert screenfuls >= 2  # at 200 % every one of these screens is longer than the window: all of it was seen
    assert cut_off == [], "drawn into the right margin (cut off at the edge)"
