"""The served app in headless Chromium at phone and desktop sizes, with zero external requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import ARTIFACTS, ServedApp
from tests.browser.helpers import (
    assert_every_script_font_arrived_once,
    assert_zoom_allowed,
    LOAD_TIMEOUT_MS,
    STEP_TIMEOUT_MS,
    colour_width,
    enable_semantics,
    record_external_requests,
    record_font_responses,
    tap,
    wait_for_home,
    write_a_note_in_every_script,
)

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "small-phone": {"width": 360, "height": 740},
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}
# What each destination shows once it is open (read through Flutter's semantics tree).
DESTINATION_MARKERS = {
    "Guide": "This guide informs, it does not diagnose.",
    "Relax": "Breathing patterns",
    "Log": "Your log",
    "Home": "Twitching right now?",
}


def open_app(browser, url: str, viewport: dict, external: list[str]):
    page = browser.new_page(viewport=viewport)
    record_external_requests(page, external)
    page.goto(url)
    wait_for_home(page)
    return page


def destination(page, size: str, label: str):
    """The navigation control for a destination: bar tabs on phones, rail buttons on desktop."""
    if VIEWPORTS[size]["width"] < 600:
        return page.get_by_role("tab", name=label)
    return page.get_by_role("button", name=re.compile(rf"^{label}\s+Tab\b"))


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_each_destination_opens_by_its_accessible_name(browser, served_app, deny_proxy, size):
    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS[size], external)
    try:
        page.screenshot(path=ARTIFACTS / f"{size}-home.png")
        for label, marker in DESTINATION_MARKERS.items():
            tap(destination(page, size, label))
            page.get_by_text(marker, exact=False).first.wait_for(timeout=STEP_TIMEOUT_MS)
            page.screenshot(path=ARTIFACTS / f"{size}-{label.lower()}.png")

        tap(page.get_by_role("button", name=re.compile("^When to see a doctor")))
        page.get_by_text("Call an emergency number now").wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / f"{size}-when-to-see-a-doctor.png")
    finally:
        page.close()
    assert external == []
    assert deny_proxy.app_attempts() == []


def test_theme_choice_is_remembered_after_a_reload(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["phone"], external)
    try:
        tap(page.get_by_role("button", name="Settings"))
        tap(page.get_by_role("radio", name="Dark"))
        page.get_by_role("radio", name="Dark", checked=True).wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "phone-settings-dark.png")

        page.reload()
        enable_semantics(page)
        page.get_by_role("radio", name="Dark", checked=True).wait_for(timeout=LOAD_TIMEOUT_MS)
        tap(page.get_by_role("radio", name="Same as my device"))
        page.get_by_role("radio", name="Same as my device", checked=True).wait_for(timeout=STEP_TIMEOUT_MS)
    finally:
        page.close()
    assert '"theme":"system"' in (served_app.data_dir / "bfs-companion.json").read_text()
    assert external == []
    assert deny_proxy.app_attempts() == []


def test_server_prints_its_address_and_stops_cleanly_on_ctrl_c(tmp_path):
    app = ServedApp(tmp_path / "data", tmp_path / "server.log")
    assert f"running at {app.url}" in app.output()
    assert app.interrupt() == 0
    assert "stopped" in app.output()


def test_guide_search_finds_a_section_and_opens_it(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["phone"], external)
    try:
        tap(destination(page, "phone", "Guide"))
        page.get_by_role("button", name=re.compile("^What BFS is")).wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "phone-guide-chapters.png")
        field = page.get_by_role("textbox", name=re.compile("Search the guide"))
        results = page.get_by_text(re.compile("matching sections"))
        # Flutter's semantics text field takes input events; headless Chromium does not move
        # keyboard focus into it for key presses, so fill() enters text the way assistive input
        # does. A fill that lands while the field is still being attached is lost, so try again.
        for _ in range(3):
            tap(field)
            field.fill("lou gehrig", timeout=STEP_TIMEOUT_MS)
            try:
                results.wait_for(timeout=5_000)
                break
            except PlaywrightTimeout:
                continue
        results.wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "phone-guide-search.png")
        tap(page.get_by_role("button", name=re.compile("^BFS and motor neurone disease")).first)
        page.get_by_role("heading", name="BFS and motor neurone disease (ALS)").wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "phone-guide-chapter.png")
    finally:
        page.close()
    assert external == []
    assert deny_proxy.app_attempts() == []


def test_breathe_now_runs_a_session_that_changes_phase(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["phone"], external)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    try:
        tap(page.get_by_role("button", name="Breathe now"))
        page.get_by_text("Breathe in", exact=True).first.wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "phone-breathing-in.png")
        page.get_by_text("Breathe out", exact=True).first.wait_for(timeout=STEP_TIMEOUT_MS)  # 4 s later
        page.screenshot(path=ARTIFACTS / "phone-breathing-out.png")
        tap(page.get_by_role("button", name="Pause"))
        page.get_by_role("button", name="Resume").wait_for(timeout=STEP_TIMEOUT_MS)
    finally:
        page.close()
    assert [line for line in console if "Traceback" in line or "Exception" in line] == []
    assert external == []
    assert deny_proxy.app_attempts() == []


PACER_COLOUR = (159, 242, 226)  # the light theme's primary container, the pacer's fill


def test_the_first_inhale_grows_the_pacer_like_every_other_breath(browser, served_app, deny_proxy):
    """Sampled twice within the first breath in: the pacer must be growing (issue 16: it stayed
    full size for the whole first breath and only animated from the second)."""
    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["phone"], external)
    try:
        tap(page.get_by_role("button", name="Breathe now"))
        page.get_by_text("Breathe in", exact=True).first.wait_for(timeout=STEP_TIMEOUT_MS)
        first = colour_width(page.screenshot(), PACER_COLOUR)
        page.wait_for_timeout(1500)  # the breath in lasts 4 s
        second = colour_width(page.screenshot(), PACER_COLOUR)
        assert page.get_by_text("Breathe in", exact=True).first.is_visible()  # still the first breath in
        tap(page.get_by_role("button", name="Stop"))
    finally:
        page.close()
    assert 0 < first < second - 10, (first, second)
    assert external == []


def test_a_twitch_is_logged_in_two_taps_and_kept_on_disk(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["phone"], external)
    try:
        assert_zoom_allowed(page)
        tap(page.get_by_role("button", name="Log a twitch"))
        tap(page.get_by_role("button", name=re.compile("^right calf")))
        page.get_by_text(re.compile("^Noted: right calf at")).wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "phone-log-saved.png")
    finally:
        page.close()
    journal = served_app.data_dir / "bfs-companion-log.json.journal"
    assert '"region":"calf","side":"right"' in journal.read_text()
    assert external == []
    assert deny_proxy.app_attempts() == []


def test_insights_open_and_the_doctor_report_is_saved_as_a_file(browser, served_app, deny_proxy):
    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["desktop"], external)
    try:
        tap(page.get_by_role("button", name="Log a twitch"))
        tap(page.get_by_role("button", name=re.compile("^left thigh")))
        page.get_by_text(re.compile("^Noted: left thigh at")).wait_for(timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name=re.compile("^(Close|Back)")).first)
        tap(destination(page, "desktop", "Log"))
        tap(page.get_by_role("button", name=re.compile("^Patterns and report")))
        page.get_by_text(re.compile(r"^In the last 4 weeks you logged entries on \d+ of 28 days")).wait_for(timeout=STEP_TIMEOUT_MS)  # the served app is shared with other tests
        page.mouse.move(400, 400)
        page.mouse.wheel(0, 4000)  # the report section is below the charts
        tap(page.get_by_role("button", name=re.compile("^Save the report")))
        # shown on screen, and announced to screen readers (the live region): either proves it
        page.get_by_text(re.compile("^Saved as .*bfs-companion-report-")).first.wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "desktop-insights-report.png")
    finally:
        page.close()
    (report,) = (served_app.data_dir / "files").glob("bfs-companion-report-*.html")
    text = report.read_text("utf-8")
    assert "Questions a doctor may ask" in text and "left thigh (1)" in text
    assert external == []
    assert deny_proxy.app_attempts() == []


def test_when_the_server_stops_the_page_says_so_plainly(browser, tmp_path, deny_proxy):
    app = ServedApp(tmp_path / "data", tmp_path / "server.log")
    try:
        page = open_app(browser, app.url, VIEWPORTS["phone"], [])
        assert page.locator("#bfs-server-stopped").count() == 0  # nothing to say while it runs
        assert app.interrupt() == 0
        notice = page.locator("#bfs-server-stopped")
        notice.wait_for(timeout=STEP_TIMEOUT_MS)
        assert notice.get_attribute("role") == "alert"
        text = notice.inner_text()
        assert "has stopped on this computer" in text and "make run" in text and "Nothing you saved is lost." in text
        page.screenshot(path=ARTIFACTS / "served-stopped.png")
        page.close()
    finally:
        app.interrupt()


@pytest.mark.parametrize(("motion", "bar_shown"), [("reduce", True), ("no-preference", False)])
def test_the_devices_reduce_motion_setting_turns_the_circle_into_a_bar(browser, served_app, deny_proxy, motion, bar_shown):
    """prefers-reduced-motion reaches Python through the page script and Flutter's shared preferences."""
    page = browser.new_page(viewport=VIEWPORTS["phone"], reduced_motion=motion)
    try:
        page.goto(served_app.url)
        wait_for_home(page)
        tap(page.get_by_role("button", name="Breathe now"))
        page.get_by_role("button", name="Stop").wait_for(timeout=STEP_TIMEOUT_MS)
        page.get_by_role("button", name="Pause").wait_for(timeout=STEP_TIMEOUT_MS)  # the session runs
        bar = page.get_by_role("progressbar", name=re.compile(r"^This breath, percent done"))
        assert bar.count() == (1 if bar_shown else 0)
    finally:
        page.close()
    assert deny_proxy.app_attempts() == []


def test_a_note_in_any_script_is_drawn_with_bundled_fonts_and_no_font_request_fails(browser, served_app, deny_proxy):
    external: list[str] = []
    fonts: list[tuple[int, str]] = []
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    record_external_requests(page, external)
    record_font_responses(page, fonts)
    try:
        page.goto(served_app.url)
        wait_for_home(page)
        write_a_note_in_every_script(page)
        page.screenshot(path=ARTIFACTS / "phone-note-in-every-script.png")
    finally:
        page.close()
    assert_every_script_font_arrived_once(fonts)
    assert external == [] and deny_proxy.app_attempts() == []


def test_on_a_wide_window_the_first_tab_stop_skips_the_rail_into_the_screen(browser, served_app, deny_proxy):
    from tests.browser.audit import ACTIVE, TO_THE_TOP, tab_stops

    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["desktop"], external)
    try:
        stops = tab_stops(page, limit=12, rings=2)
        names = [s.name for s in stops]
        skip = names.index("Skip to content")
        rail = next(i for i, name in enumerate(names) if name.startswith("Home"))
        assert skip <= 1 and skip < rail, names  # after the app bar's Settings, before the rail
        assert stops[skip].ring is not None and stops[skip].ring[0] >= stops[skip].ring[1]  # visible when focused
        assert names.index("Log a twitch") > rail  # without the link, the rail comes first
        page.evaluate(TO_THE_TOP)
        for _ in range(skip + 1):
            page.keyboard.press("Tab")
            page.wait_for_timeout(120)
        assert page.evaluate(ACTIVE)["name"] == "Skip to content"
        page.keyboard.press("Enter")
        page.wait_for_function(
            "() => (document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent || '').includes('Log a twitch')",
            timeout=STEP_TIMEOUT_MS,
        )
    finally:
        page.close()
    assert external == [] and deny_proxy.app_attempts() == []


def test_tab_follows_reading_order_through_the_rail_then_the_screen_and_back_with_shift_tab(browser, served_app, deny_proxy):
    """On a wide window Flutter's own traversal went rail, screen row, rail, screen row...; now the
    rail's destinations come together, then the screen top to bottom, and Shift+Tab walks it back."""
    from tests.browser.audit import ACTIVE, TO_THE_TOP, step, tab_stops

    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["desktop"], external)
    try:
        step(page, ("go", "Log"), True)
        page.wait_for_timeout(500)
        stops = tab_stops(page, limit=40)
        names = [s.name for s in stops]
        rail = [i for i, name in enumerate(names) if re.match(r"^(Home|Guide|Relax|Log) Tab \d of 4$", name)]
        assert len(rail) == 4 and rail == list(range(rail[0], rail[0] + 4)), names  # together, in order
        screen = [i for i, s in enumerate(stops) if s.box[0] >= 80 and s.name not in ("Settings",)]
        assert screen and min(screen) > max(rail), names  # the screen after the whole rail
        tops = [stops[i].box[1] for i in screen[:6]]
        assert tops == sorted(tops), names  # the screen's first stops top to bottom
        page.evaluate(TO_THE_TOP)
        for _ in range(rail[-1] + 1):  # to the last destination
            page.keyboard.press("Tab")
            page.wait_for_timeout(120)
        assert page.evaluate(ACTIVE)["name"] == names[rail[-1]]
        for expected in reversed(names[: rail[-1]]):  # Shift+Tab retraces the way
            page.keyboard.press("Shift+Tab")
            page.wait_for_timeout(120)
            assert page.evaluate(ACTIVE)["name"] == expected
    finally:
        page.close()
    assert external == [] and deny_proxy.app_attempts() == []


def test_tab_reaches_every_link_in_a_chapter_in_reading_order_and_enter_follows_it(browser, served_app, deny_proxy):
    from tests.browser.audit import ACTIVE, TO_THE_TOP, step, tab_stops

    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["phone"], external)
    try:
        step(page, ("go", "Guide"), False)
        step(page, ("tap", "button", "What BFS is"), False)
        page.wait_for_timeout(500)
        names = [s.name for s in tab_stops(page, limit=20)]
        links = ["why twitches happen", "what can set them off", "how BFS differs from motor neurone disease",
                 "signs that need a doctor", "Web page on nhs.uk", "Web page on medicalnewstoday.com"]
        assert names == ["Back", *links, "Next: Why twitches happen"]
        page.evaluate(TO_THE_TOP)
        for _ in range(2):  # Back, then the first link
            page.keyboard.press("Tab")
            page.wait_for_timeout(120)
        assert page.evaluate(ACTIVE)["name"] == "why twitches happen"
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Why twitches happen").first.wait_for(timeout=STEP_TIMEOUT_MS)
    finally:
        page.close()
    assert external == [] and deny_proxy.app_attempts() == []


def test_tab_keeps_the_pages_own_controls_around_the_app_in_the_order(browser, served_app, deny_proxy):
    """The install offer is the page's own box of buttons, after Flutter's view: Tab moves through
    its buttons in turn, then back into the app, and Shift+Tab from the app's first stop reaches it."""
    from tests.browser.audit import ACTIVE, TO_THE_TOP

    external: list[str] = []
    page = open_app(browser, served_app.url, VIEWPORTS["phone"], external)
    try:
        page.evaluate("""() => {
          const box = document.createElement("div");
          box.id = "bfs-install-offer";
          for (const words of ["Install on this device", "Not now"]) {
            const b = document.createElement("button");
            b.textContent = words;
            box.appendChild(b);
          }
          document.body.appendChild(box);
        }""")
        page.get_by_role("button", name="Install on this device").focus()
        seen = []
        for _ in range(2):
            page.keyboard.press("Tab")
            page.wait_for_timeout(150)
            seen.append(page.evaluate(ACTIVE)["name"])
        page.evaluate(TO_THE_TOP)
        page.keyboard.press("Tab")
        page.wait_for_timeout(150)
        first = page.evaluate(ACTIVE)["name"]
        page.keyboard.press("Shift+Tab")
        page.wait_for_timeout(150)
        before_first = page.evaluate(ACTIVE)["name"]
    finally:
        page.close()
    assert seen == ["Not now", first] and first == "Settings"
    assert before_first == "Not now"
    assert external == [] and deny_proxy.app_attempts() == []
