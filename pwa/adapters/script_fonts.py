"""Answers the Flutter client's requests for Google's Noto fonts with the fonts bundled here.

Flutter's web engine draws text itself. For a letter none of its loaded fonts has (a Chinese
character in a note, an emoji), it picks a Noto font from its own table and fetches one slice of it
from `fontFallbackBaseUrl` (`assets/fonts/` here), e.g. `assets/fonts/notosanssc/v37/<id>.107.woff2`.
Those files are not part of flet's client, so every such letter was drawn as a box and the request
was repeated on each frame. Each family below is served one bundled file made by
`pwa.tools.make_script_fonts`, whatever slice is asked for: the file holds the common letters of the
whole script. The served app rewrites the path (`pwa.server`), the offline app's service worker
answers from its cache (`pwa/web/sw.js`, filled in by `pwa.tools.build_pwa`).
"""

from __future__ import annotations

import re

from pwa.adapters.paths import ASSETS_DIR

SCRIPT_FONTS_FOLDER = "script-fonts"
SCRIPT_FONTS_DIR = ASSETS_DIR / SCRIPT_FONTS_FOLDER

CJK = "cjk.woff2"
# The folder in Flutter's request -> the bundled file that answers it.
FALLBACK_FONTS = {
    "notosanssc": CJK,
    "notosanstc": CJK,
    "notosanshk": CJK,
    "notosansjp": CJK,
    "notosanskr": CJK,
    "notosansarabic": "arabic.woff2",
    "notosanshebrew": "hebrew.woff2",
    "notosansthai": "thai.woff2",
    "notosans": "notosans.woff2",
    "notocoloremoji": "emoji.woff2",
}
# Any other family (Devanagari, Tamil...: not bundled) gets Noto Sans, which lacks those letters, so
# they are still drawn as boxes; but the request succeeds once, instead of failing and being asked
# again on every frame (23 times in 5 s per font, measured).
NOT_BUNDLED = FALLBACK_FONTS["notosans"]
# What Flutter asks for, at the end of a path: <family>/v<version>/<id>[.<slice>].woff2 under its
# fallback base URL. Also the service worker's (JavaScript) pattern.
FALLBACK_REQUEST = r"(?:^|/)assets/fonts/([a-z]+)/v[0-9]+/[A-Za-z0-9_-]+(?:\.[0-9]+)?\.woff2$"
_REQUEST = re.compile(FALLBACK_REQUEST)


def bundled_font_for(path: str) -> str | None:
    """The bundled file (relative to the site root) that answers a fallback-font request path."""
    match = _REQUEST.search(path)
    if match is None:
        return None
    return f"{SCRIPT_FONTS_FOLDER}/{FALLBACK_FONTS.get(match.group(1), NOT_BUNDLED)}"


def worker_table() -> dict[str, str]:
    """`FALLBACK_FONTS` for the offline app's service worker: family -> file relative to its scope,
    and "" -> the file for any other family."""
    table = {family: f"{SCRIPT_FONTS_FOLDER}/{file}" for family, file in FALLBACK_FONTS.items()}
    return {**table, "": f"{SCRIPT_FONTS_FOLDER}/{NOT_BUNDLED}"}


class ScriptFontRewrite:
    """ASGI middleware for the served app: a fallback-font request is answered with the bundled file.

    Only the path changes; the app behind it (flet's static files, which serve `assets/`) answers.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and (bundled := bundled_font_for(scope["path"])) is not None:
            path = "/" + bundled
            scope = {**scope, "path": path, "raw_path": path.encode()}
        await self.app(scope, receive, send)
