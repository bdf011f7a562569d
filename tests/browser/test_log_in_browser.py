"""The symptom log's calendar pieces and the printed report, in headless Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from pwa.core.episodes import DayCheckIn, validate_episode
from pwa.core.relaxation_log import SessionRecord
from pwa.core.report import build_report, report_html
from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import STEP_TIMEOUT_MS, record_external_requests, tap, wait_for_home

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
UTC = dt.timezone.utc


def open_app(browser, url: str, external: list[str]):
    page = browser.new_page(viewport=PHONE)
    record_external_requests(page, external)
    page.goto(url)
    wait_for_home(page)
    return page


def test_a_date_is_picked_in_the_calendar_and_saved_with_the_entry(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, external)
    today = dt.date.today()
    earlier = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=15)  # the 15th of last month
    try:
        tap(page.get_by_role("tab", name=re.compile("^Log")))
        tap(page.get_by_role("button", name="New entry with details"))
        tap(page.get_by_role("button", name="Choose date in a calendar"))
        future = page.get_by_role("button", name=re.compile(rf"^{(today + dt.timedelta(days=1)).day}, .*{today + dt.timedelta(days=1):%Y}$"))
        if (today + dt.timedelta(days=1)).month == today.month:
            assert future.is_disabled()  # no day after today can be picked
        tap(page.get_by_role("button", name="Previous month"))
        page.wait_for_timeout(800)  # the month slides in; a tap during the slide is not taken
        tap(page.get_by_role("button", name=re.compile(rf"^15, \w+, {earlier:%B} 15, {earlier:%Y}$")))
        page.wait_for_timeout(300)
        tap(page.get_by_role("button", name="OK"))
        page.get_by_role("button", name="OK").wait_for(state="detached", timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name="Choose the time on a clock"))
        tap(page.get_by_role("button", name="OK"))  # the clock opens at the time shown and keeps it
        page.get_by_role("button", name="OK").wait_for(state="detached", timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name="Left calf, front: not chosen"))  # on the body map
        page.get_by_role("button", name="Left calf, front: chosen").wait_for(timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name="Save entry"))
        page.get_by_text("Your log").wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "phone-entry-picked-date.png")
    finally:
        page.close()
    journal = (served_app.data_dir / "bfs-companion-log.json.journal").read_text()
    saved = [json.loads(line)["doc"] for line in journal.splitlines() if '"op":"put"' in line and '"table":"episodes"' in line]
    assert any(
        doc["started_at"].startswith(earlier.isoformat()) and doc["intensity"] is None and doc["locations"][0]["region"] == "calf"
        for doc in saved
    )
    assert external == [] and deny_proxy.app_attempts() == []


def test_the_month_view_marks_the_day_and_shows_its_entry(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, external)
    today = dt.date.today()
    try:
        tap(page.get_by_role("button", name="Log a twitch"))
        tap(page.get_by_role("button", name=re.compile("^tongue")))
        page.locator("flt-semantics-host").get_by_text(re.compile("^Noted: tongue at")).wait_for(timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name=re.compile("^(Close|Back)")).first)
        tap(page.get_by_role("tab", name=re.compile("^Log")))
        tap(page.get_by_role("button", name="Month"))
        marked = page.get_by_role("button", name=f"{today:%A} {today.day} {today:%B}: entries logged")
        tap(marked)
        page.get_by_role("button", name=re.compile(r"\d\d:\d\d · tongue")).first.wait_for(timeout=STEP_TIMEOUT_MS)
        tomorrow = today + dt.timedelta(days=1)
        if tomorrow.month == today.month:
            assert page.get_by_role("button", name=f"{tomorrow:%A} {tomorrow.day} {tomorrow:%B}: nothing logged").is_disabled()
        page.screenshot(path=ARTIFACTS / "phone-month-view.png")
    finally:
        page.close()
    assert external == [] and deny_proxy.app_attempts() == []


def typical_month():
    """40 entries over a month, as people log them: a few places, some triggers and notes; check-ins most days."""
    start = dt.date(2026, 10, 1)
    places = [("calf", "left"), ("calf", "right"), ("eyelid", "left"), ("thigh", "right"), ("tongue", None), ("foot", "left")]
    notes = ["", "", "after a long walk", "felt it while falling asleep", "", "coffee with lunch, then twitching in the evening"]
    entries = []
    for n in range(40):
        day = start + dt.timedelta(days=(n * 31) // 40)
        region, side = places[n % len(places)]
        entries.append(
            validate_episode(
                {
                    "started_at": dt.datetime.combine(day, dt.time(8 + n % 12, 15), tzinfo=UTC).isoformat(),
                    "locations": [{"region": region, **({"side": side} if side else {})}],
                    "intensity": None if n % 3 == 0 else 2 + n % 6,
                    "duration_seconds": [None, 20, 90, 600][n % 4],
                    "type": ["twitch", "twitch", "twitch", "cramp", "tingling"][n % 5],
                    "triggers": [[], ["caffeine"], ["poor sleep"], ["stress", "poor sleep"], ["exercise"]][n % 5],
                    "note": notes[n % len(notes)],
                },
                None,
            )
        )
    check_ins = [
        DayCheckIn(start + dt.timedelta(days=d), sleep_hours=6.5 + d % 3, caffeine_drinks=d % 4, stress=d % 8, exercise_minutes=20 * (d % 3))
        for d in range(28)
    ]
    sessions = [SessionRecord(dt.datetime.combine(start + dt.timedelta(days=d), dt.time(21), tzinfo=UTC), "Cyclic sigh", 300) for d in range(0, 31, 4)]
    return build_report(entries, check_ins, sessions, start, dt.date(2026, 10, 31), dt.datetime(2026, 11, 2, 9, tzinfo=UTC), UTC)


def test_a_typical_months_report_prints_on_two_a4_pages_with_every_chart_label_inside(browser):
    page = browser.new_page()
    try:
        page.set_content(report_html(typical_month()))
        pdf = page.pdf(format="A4", print_background=True)
        (ARTIFACTS / "report-typical-month.pdf").write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= pages <= 2, f"{pages} pages"
        page.emulate_media(media="print")
        outside = page.evaluate(
            """() => {
                const svg = document.querySelector('svg');
                const box = svg.viewBox.baseVal;
                return Array.from(svg.querySelectorAll('text')).map(t => [t.textContent, t.getBBox()])
                    .filter(([_, b]) => b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height)
                    .map(([text]) => text);
            }"""
        )
        assert outside == []
        assert page.evaluate("document.querySelectorAll('svg text').length") > 10
    finally:
        page.close()


def test_escape_closes_the_quick_log_in_the_browser(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, external)
    try:
        tap(page.get_by_role("button", name="Log a twitch"))
        page.get_by_role("button", name="Somewhere else…").wait_for(timeout=STEP_TIMEOUT_MS)
        page.keyboard.press("Escape")
        page.get_by_role("button", name="Somewhere else…").wait_for(state="detached", timeout=STEP_TIMEOUT_MS)
        page.get_by_role("button", name="Log a twitch").wait_for(timeout=STEP_TIMEOUT_MS)  # Home again
    finally:
        page.close()
    assert external == [] and deny_proxy.app_attempts() == []
