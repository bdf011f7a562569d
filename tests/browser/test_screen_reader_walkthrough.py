"""A screen-reader walk-through: the core tasks done with the accessibility tree alone.

Every control is found by its role and accessible name and activated the way assistive technology
does (a click on the node, no coordinates); what the person learns without moving there comes from
Flutter's live-region announcements.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.helpers import (
    STEP_TIMEOUT_MS,
    listen_for_announcements,
    tap,
    wait_for_home,
    wait_to_hear,
)

pytestmark = pytest.mark.browser


def button(page, name: str):
    return page.get_by_role("button", name=re.compile("^" + re.escape(name), re.IGNORECASE))


def test_log_a_twitch_breathe_pause_resume_stop_and_find_the_red_flags_by_ear(browser, served_app, deny_proxy):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(served_app.url)
        wait_for_home(page)
        listen_for_announcements(page)

        # Log a twitch with its place: two buttons, then the app says what it noted.
        tap(button(page, "Log a twitch"))
        tap(button(page, "left calf").first)
        noted = wait_to_hear(page, r"^Noted: left calf at \d\d:\d\d\.$")
        page.get_by_role("button", name=re.compile("^Undo")).wait_for(timeout=STEP_TIMEOUT_MS)  # and it can be taken back
        tap(button(page, "Close"))
        page.get_by_role("button", name="Log a twitch").wait_for(timeout=STEP_TIMEOUT_MS)  # Home again

        # A breathing session: start, pause, resume, stop; each change is heard.
        tap(button(page, "Breathe now"))
        wait_to_hear(page, r"^Get ready$")  # the calm 3-2-1 before the first breath
        page.get_by_role("button", name="Pause").wait_for(timeout=STEP_TIMEOUT_MS)
        wait_to_hear(page, r"^Breathe in$")
        tap(button(page, "Pause"))
        wait_to_hear(page, r"^Paused$")
        tap(button(page, "Resume"))
        page.get_by_role("button", name="Pause").wait_for(timeout=STEP_TIMEOUT_MS)
        resumed = page.evaluate("window.bfsHeard.length")
        tap(button(page, "Stop"))
        wait_to_hear(page, r"^Session finished\. Well done\.$")
        heard = page.evaluate("window.bfsHeard")
        assert "Paused" in heard and heard.index("Paused") < resumed  # the pause was said before the stop
        assert not [words for words in heard if re.fullmatch(r"\d+", words)]  # never the seconds counting down
        progress = page.get_by_role("progressbar")
        assert progress.count() == 0  # the session view has gone
        tap(button(page, "Back to Home"))

        # The red flags: one named button from Home, then headings to move between.
        tap(button(page, "When to see a doctor"))
        page.get_by_role("heading", name="When to see a doctor", level=2).wait_for(timeout=STEP_TIMEOUT_MS)
        page.get_by_role("heading", name="Call an emergency number now", level=3).wait_for(timeout=STEP_TIMEOUT_MS)
    finally:
        page.close()
    journal = (served_app.data_dir / "bfs-companion-log.json.journal").read_text()
    assert '"region":"calf","side":"left"' in journal, noted
    assert deny_proxy.app_attempts() == []
