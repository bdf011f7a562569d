"""A 320 px phone with the browser's text at 200 %: the entry form and Settings stay whole.

Flutter's web engine takes its text scale from the page's root font size (flet 1.0.5), so a root
font size of 32 px is what a person's 200 % text setting gives. Every Tab stop must then lie inside
the 320 px width (nothing pushed off the side), and each screen is kept as a screenshot.
"""

from __future__ import annotations

import time

import pytest

from tests.browser.audit import step, tab_stops
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import wait_for_home

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 320, "height": 700}
SCREENS = {
    "entry-form": (("go", "Log"), ("tap", "button", "New entry with details")),
    "settings": (("tap", "button", "Settings"),),
    "check-in": (("go", "Log"), ("tap", "button", "Day check-in")),
    "relax": (("go", "Relax"),),
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
        stops = tab_stops(page, limit=80)
        outside = [f"{s.name} at x {s.box[0]:.0f}..{s.box[0] + s.box[2]:.0f}" for s in stops if s.box[0] < -1 or s.box[0] + s.box[2] > SMALL_PHONE["width"] + 1]
    finally:
        page.close()
    assert len(stops) >= 3 and outside == []
