"""Helpers shared by the browser tests: waiting for the Flutter UI and watching requests."""

from __future__ import annotations

import re
from urllib.parse import urlparse

LOAD_TIMEOUT_MS = 120_000
STEP_TIMEOUT_MS = 20_000
HOME_MARKER = "Log a twitch"


def enable_semantics(page, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    """Flutter builds its accessibility tree only once asked: press the hidden
    "Enable accessibility" placeholder, as a screen reader would."""
    placeholder = page.locator("flt-semantics-placeholder")
    placeholder.wait_for(state="attached", timeout=timeout_ms)
    placeholder.dispatch_event("click")


def wait_for_home(page, timeout_ms: int = LOAD_TIMEOUT_MS) -> None:
    enable_semantics(page, timeout_ms)
    page.get_by_role("button", name=HOME_MARKER).wait_for(timeout=timeout_ms)


def record_external_requests(page_or_context, external: list[str]) -> None:
    """Append every request that would leave this machine to `external`, and every
    Content-Security-Policy refusal the browser reports (prefixed "csp: ")."""

    def check(request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            external.append(request.url)

    def policy(message) -> None:
        if "Content Security Policy" in message.text:
            external.append("csp: " + message.text)

    page_or_context.on("request", check)
    page_or_context.on("console", policy)


def tap(locator, timeout_ms: int = STEP_TIMEOUT_MS) -> None:
    """Activate a Flutter semantics node the way a screen reader does.

    Playwright's click() checks which DOM element is on top at the click point; Flutter's
    semantics tree lets a scrollable region's node overlap the navigation bar, although Flutter
    itself routes real touches correctly. A click event sent to the node itself is what
    assistive technology does, and Flutter turns it into a tap on that control.
    """
    locator.wait_for(timeout=timeout_ms)
    locator.dispatch_event("click")


def png_pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium
    screenshots are), decoded with the standard library alone."""
    import struct
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        data = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            chunks.append(data)
        position += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    channels = 4 if colour_type == 6 else 3
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line) if channels == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
        previous = line
    return width, height, rows


def colour_width(png: bytes, colour: tuple[int, int, int], tolerance: int = 6) -> int:
    """The widest horizontal run of one colour in a screenshot, in pixels (a circle's diameter)."""
    width, _, rows = png_pixels(png)
    widest = 0
    for row in rows:
        run = 0
        for x in range(width):
            r, g, b = row[3 * x : 3 * x + 3]
            if abs(r - colour[0]) <= tolerance and abs(g - colour[1]) <= tolerance and abs(b - colour[2]) <= tolerance:
                run += 1
                widest = max(widest, run)
            else:
                run = 0
    return widest


VIEWPORT_CONTENT = "Array.from(document.querySelectorAll('meta[name=viewport]')).map(m => m.content)"


def assert_zoom_allowed(page) -> None:
    """Pinch-zoom is not blocked: no viewport meta says user-scalable=no or caps the scale."""
    contents = page.evaluate(VIEWPORT_CONTENT)
    assert contents, "no viewport meta"
    assert not [c for c in contents if "user-scalable=no" in c.replace(" ", "") or "maximum-scale" in c], contents


LISTEN_FOR_ANNOUNCEMENTS = """() => {
  window.bfsHeard = [];
  const host = document.querySelector('flt-announcement-host');
  const hear = () => {
    for (const region of host.children) {
      const words = region.textContent.trim();
      if (words && window.bfsHeard[window.bfsHeard.length - 1] !== words) window.bfsHeard.push(words);
    }
  };
  new MutationObserver(hear).observe(host, {subtree: true, childList: true, characterData: true});
}"""


def listen_for_announcements(page) -> None:
    """Start keeping every message Flutter sends to its live regions (what a screen reader speaks
    without the person moving to it); read them with `announcements(page)`."""
    page.locator("flt-announcement-host").wait_for(state="attached", timeout=STEP_TIMEOUT_MS)
    page.evaluate(LISTEN_FOR_ANNOUNCEMENTS)


def announcements(page) -> list[str]:
    return page.evaluate("window.bfsHeard")


def wait_to_hear(page, pattern: str, timeout_ms: int = STEP_TIMEOUT_MS) -> str:
    """The first announcement since listening began that matches the regular expression `pattern`."""
    import re
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        heard = [words for words in announcements(page) if re.search(pattern, words)]
        if heard:
            return heard[0]
        time.sleep(0.1)
    raise AssertionError(f"never announced {pattern!r}; heard {announcements(page)}")


def record_font_responses(page, into: list[tuple[int, str]]) -> None:
    """Every font the page fetches, as (status, path), including Flutter's fallback fonts."""

    def seen(response) -> None:
        path = urlparse(response.url).path
        if path.endswith((".woff2", ".ttf", ".otf")):
            into.append((response.status, path))

    page.on("response", seen)


def write_a_note_in_every_script(page) -> None:
    """Open the entry form and type a note in each script of `NOTES_IN_EVERY_SCRIPT`; Flutter then
    fetches the fallback fonts those letters need."""
    from tests.factories import NOTES_IN_EVERY_SCRIPT

    tap(page.get_by_role("tab", name=re.compile("^Log")))
    tap(page.get_by_role("button", name="New entry with details"))
    tap(page.get_by_role("textbox", name=re.compile("^Note")))
    # Hindi is not bundled (its letters stay boxes), whichever family Flutter asks for: no request may fail.
    page.keyboard.insert_text(" ".join([*NOTES_IN_EVERY_SCRIPT.values(), "मांसपेशियों"]))
    page.wait_for_timeout(3000)  # Flutter asks for a missing font once per frame until it arrives


def assert_every_script_font_arrived_once(fonts: list[tuple[int, str]]) -> None:
    from pwa.adapters.script_fonts import bundled_font_for

    fallbacks = [path for _, path in fonts if "/assets/fonts/noto" in path]
    assert [(status, path) for status, path in fonts if status != 200] == []
    families = {path.split("/assets/fonts/")[1].split("/")[0] for path in fallbacks}
    assert {"notosanssc", "notosansarabic", "notosanshebrew", "notosansthai", "notocoloremoji"} <= families, families
    assert all(bundled_font_for(path) for path in fallbacks)
    repeated = {path: fallbacks.count(path) for path in fallbacks if fallbacks.count(path) > 1}
    assert repeated == {}
