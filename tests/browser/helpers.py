"""Helpers shared by the browser tests: waiting for the Flutter UI and watching requests."""

from __future__ import annotations

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
