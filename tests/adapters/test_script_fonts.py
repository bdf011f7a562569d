"""Flutter's requests for Noto fonts are answered with bundled fonts that hold the letters of notes."""

from __future__ import annotations

import asyncio
import re

import pytest
from fontTools.ttLib import TTFont

from pwa.adapters import script_fonts, web_client
from pwa.adapters.script_fonts import FALLBACK_FONTS, SCRIPT_FONTS_DIR, ScriptFontRewrite, bundled_font_for
from pwa.tools.make_script_fonts import TOPIC_WORDS
from tests.factories import NOTES_IN_EVERY_SCRIPT

SC_SLICE = "assets/fonts/notosanssc/v37/k3kCo84MPvpLmixcA63oeAL7Iqp5IZJF9bmaG9_FnYkldv7JjxkkgFsFSSOPMOkySAZ73y9ViAt3acb8NexQ2w.107.woff2"
NOTO_SANS = "assets/fonts/notosans/v37/o-0mIpQlx3QUlC5A4PNB6Ryti20_6n1iPHjcz6L1SoM-jCpoiyD9A99Y41P6zHtY.woff2"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/" + SC_SLICE, "script-fonts/cjk.woff2"),
        ("/bfs/" + SC_SLICE, "script-fonts/cjk.woff2"),  # a site under a sub-path
        (SC_SLICE, "script-fonts/cjk.woff2"),
        ("/assets/fonts/notosanskr/v36/Pbyx-vvnIz.73.woff2", "script-fonts/cjk.woff2"),
        ("/" + NOTO_SANS, "script-fonts/notosans.woff2"),  # a family without slices
        ("/assets/fonts/notocoloremoji/v32/Yq6P-KqIX.9.woff2", "script-fonts/emoji.woff2"),
        ("/assets/fonts/notosansarabic/v28/nwpx.woff2", "script-fonts/arabic.woff2"),
        ("/assets/fonts/notosanstamil/v27/ieVc2.woff2", "script-fonts/notosans.woff2"),  # not bundled: a font, no 404
        ("/assets/fonts/notosanssc/v37/k3k.107.ttf", None),
        ("/assets/fonts/notosanssc/k3k.107.woff2", None),  # no version folder
        ("/assets/fonts/notosanssc/v37/k3k.107.woff2/extra", None),
        ("/assets/fonts/notosanssc/v37/../../../pwa/server.py.woff2", None),
        ("/xassets/fonts/notosanssc/v37/k3k.1.woff2", None),
        ("/assets/fonts/roboto.woff2", None),  # the client's own fonts are served as they are
        ("/assets/fonts/MaterialIcons-Regular.otf", None),
    ],
)
def test_a_fallback_request_is_answered_by_the_bundled_font_of_its_family(path, expected):
    assert bundled_font_for(path) == expected


def test_every_bundled_family_is_one_the_client_asks_for_and_every_file_exists():
    client = (web_client.prepare() / "main.dart.js").read_text(encoding="utf-8")
    asked = set(re.findall(r'"([a-z]+)/v[0-9]+/[A-Za-z0-9_-]+(?:\.[0-9]+)?\.woff2"', client))
    assert set(FALLBACK_FONTS) <= asked, set(FALLBACK_FONTS) - asked
    for file in set(FALLBACK_FONTS.values()):
        assert (SCRIPT_FONTS_DIR / file).stat().st_size > 10_000


def test_the_worker_table_names_the_same_files():
    table = script_fonts.worker_table()
    assert table.pop("") == bundled_font_for("/assets/fonts/notosanstamil/v1/x.woff2")
    assert table == {family: bundled_font_for(f"/assets/fonts/{family}/v1/x.woff2") for family in FALLBACK_FONTS}


def _characters(file: str) -> set[int]:
    return set(TTFont(SCRIPT_FONTS_DIR / file).getBestCmap())


@pytest.mark.parametrize("script", sorted(NOTES_IN_EVERY_SCRIPT))
def test_a_note_in_each_script_has_every_letter_in_roboto_or_a_bundled_font(script):
    roboto = set(TTFont(web_client.prepare() / "assets" / "fonts" / "roboto.woff2").getBestCmap())
    bundled = set().union(*(_characters(file) for file in set(FALLBACK_FONTS.values())))
    missing = {ch for ch in NOTES_IN_EVERY_SCRIPT[script] if ord(ch) not in roboto | bundled and not ch.isspace()}
    assert missing == set()


def test_the_cjk_font_holds_the_words_people_use_about_twitching():
    cjk = _characters("cjk.woff2")
    assert {ch for ch in TOPIC_WORDS if not ch.isspace() and ord(ch) not in cjk} == set()
    assert 4_000 <= len(cjk) <= 8_000  # the common characters, not the whole 65,000-glyph font


def test_the_bundled_fonts_keep_their_licence():
    for file in set(FALLBACK_FONTS.values()):
        names = TTFont(SCRIPT_FONTS_DIR / file)["name"]
        assert "SIL Open Font License" in str(names.getDebugName(13)), file


def _call(app, scope):
    asyncio.run(app(scope, None, None))


def test_the_served_app_rewrites_only_fallback_font_requests():
    seen = []

    async def inner(scope, receive, send):
        seen.append((scope["type"], scope["path"], scope["raw_path"]))

    app = ScriptFontRewrite(inner)
    _call(app, {"type": "http", "path": "/" + SC_SLICE, "raw_path": b"/" + SC_SLICE.encode()})
    _call(app, {"type": "http", "path": "/assets/fonts/roboto.woff2", "raw_path": b"/assets/fonts/roboto.woff2"})
    _call(app, {"type": "websocket", "path": "/" + SC_SLICE, "raw_path": b"/x"})
    assert seen == [
        ("http", "/script-fonts/cjk.woff2", b"/script-fonts/cjk.woff2"),
        ("http", "/assets/fonts/roboto.woff2", b"/assets/fonts/roboto.woff2"),
        ("websocket", "/" + SC_SLICE, b"/x"),
    ]
