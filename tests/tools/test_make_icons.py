import json
import struct

from pwa.adapters.paths import ASSETS_DIR
from pwa.tools.make_icons import ICONS, draw, png


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_committed_icons_are_what_the_generator_draws():
    for name, (size, corner) in ICONS.items():
        committed = (ASSETS_DIR / name).read_bytes()
        assert png_size(committed) == (size, size)
        assert committed == png(size, draw(size, corner)), f"{name} is stale: run python -m pwa.tools.make_icons"


def test_maskable_icons_are_opaque_and_rounded_icons_have_transparent_corners():
    def pixel(size, corner, x, y):
        rows = draw(size, corner)
        offset = y * (size * 4 + 1) + 1 + x * 4
        return rows[offset : offset + 4]

    assert pixel(32, 0.0, 0, 0)[3] == 255
    assert pixel(32, 0.22, 0, 0)[3] == 0


def test_manifest_names_the_app_and_lists_existing_icons():
    manifest = json.loads((ASSETS_DIR / "manifest.json").read_text())
    assert manifest["name"] == "BFS Companion"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert (ASSETS_DIR / icon["src"]).exists()
