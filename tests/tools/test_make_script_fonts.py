"""pwa.tools.make_script_fonts: cutting a font down to the letters asked for, keeping its licence."""

import io

from fontTools.ttLib import TTFont

from pwa.adapters import web_client
from pwa.tools.make_script_fonts import OFL, _blocks, cut


def roboto() -> bytes:
    return (web_client.prepare() / "assets" / "fonts" / "roboto.woff2").read_bytes()


def test_blocks_include_both_ends():
    assert _blocks((0x41, 0x43)) == "ABC"
    assert _blocks((0x41, 0x41), (0x61, 0x62)) == "Aab"


def test_a_cut_font_holds_exactly_the_letters_asked_for():
    font = TTFont(io.BytesIO(cut(roboto(), "Ab")))
    assert font.flavor == "woff2"
    assert set(font.getBestCmap()) == {ord("A"), ord("b")}


def test_a_font_without_a_licence_record_gets_the_ofl_one_and_one_with_it_keeps_its_own():
    original = TTFont(io.BytesIO(roboto()))
    own = original["name"].getDebugName(13)
    assert own and OFL not in own
    assert TTFont(io.BytesIO(cut(roboto(), "A")))["name"].getDebugName(13) == own
    original["name"].removeNames(nameID=13)
    stripped = io.BytesIO()
    original.save(stripped)
    assert TTFont(io.BytesIO(cut(stripped.getvalue(), "A")))["name"].getDebugName(13) == OFL
