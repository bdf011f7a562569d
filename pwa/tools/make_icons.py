"""Draws the app icon (a calm breathing circle on sea green) as PNGs in `assets/`.

Pure Python with anti-aliased circles, so it needs no image library. Run
`python -m pwa.tools.make_icons` after changing the design; the PNGs are committed.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

from pwa.adapters.paths import ASSETS_DIR

BACKGROUND = (0x4E, 0x7D, 0x74)
RINGS = (  # (radius as a share of the icon, colour): outer soft halo to inner core
    (0.34, (0x7F, 0xA8, 0x9E)),
    (0.26, (0xB9, 0xD6, 0xCE)),
    (0.17, (0xF3, 0xF8, 0xF6)),
)


def _blend(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def draw(size: int, corner: float) -> bytes:
    """RGBA rows of the icon; `corner` is the background's corner radius as a share of the size."""
    rows = bytearray()
    centre = (size - 1) / 2
    radius_px = corner * size
    for y in range(size):
        rows.append(0)  # PNG filter type: none
        for x in range(size):
            colour = BACKGROUND
            distance = math.hypot(x - centre, y - centre)
            for share, ring in RINGS:
                coverage = min(1.0, max(0.0, share * size - distance + 0.5))
                if coverage:
                    colour = _blend(colour, ring, coverage)
            alpha = 255
            if radius_px:
                dx = max(0.0, abs(x - centre) - (size / 2 - radius_px))
                dy = max(0.0, abs(y - centre) - (size / 2 - radius_px))
                alpha = round(255 * min(1.0, max(0.0, radius_px - math.hypot(dx, dy) + 0.5)))
            rows += bytes((*colour, alpha))
    return bytes(rows)


def png(size: int, rgba_rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rgba_rows, 9)) + chunk(b"IEND", b"")


ICONS = {  # file name: (size, corner radius share); maskable icons are full-bleed squares
    "favicon.png": (64, 0.22),
    "icons/apple-touch-icon-192.png": (192, 0.0),
    "icons/icon-192.png": (192, 0.22),
    "icons/icon-512.png": (512, 0.22),
    "icons/icon-maskable-192.png": (192, 0.0),
    "icons/icon-maskable-512.png": (512, 0.0),
}


def main(target: Path = ASSETS_DIR) -> None:
    for name, (size, corner) in ICONS.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png(size, draw(size, corner)))
        print(f"wrote {path} ({size}x{size})")


if __name__ == "__main__":
    main()
