"""The body map's figures: where each place sits on a simple front and back outline.

Each view is a list of areas (a place and its rectangle, in a WIDTH x HEIGHT box). The front view
shows the person as others see them, so their right side is on the viewer's left; the back view
shows them from behind, so their right side is on the viewer's right. Every area is at least
MIN_TARGET points in each direction (WCAG 2.2 target size) and no two areas of a view overlap.
"""

from __future__ import annotations

from dataclasses import dataclass

from pwa.core.episodes import Location

WIDTH, HEIGHT = 240, 490
MIN_TARGET = 24


@dataclass(frozen=True)
class Area:
    place: Location
    x: float
    y: float
    width: float
    height: float
    rounded: float = 10

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2


def _pair(region: str, x: float, y: float, width: float, height: float, *, person_right_on_left: bool, rounded: float = 10):
    """The person's right and left `region`, mirrored about the figure's middle."""
    mirrored = WIDTH - x - width
    right_x, left_x = (x, mirrored) if person_right_on_left else (mirrored, x)
    return [
        Area(Location(region, "right"), right_x, y, width, height, rounded),
        Area(Location(region, "left"), left_x, y, width, height, rounded),
    ]


def _limbs(person_right_on_left: bool) -> list[Area]:
    pair = lambda *args, **kw: _pair(*args, person_right_on_left=person_right_on_left, **kw)  # noqa: E731
    return [
        *pair("shoulder", 42, 122, 46, 30, rounded=14),
        *pair("upper arm", 24, 154, 38, 68),
        *pair("forearm", 14, 224, 38, 66),
        *pair("hand", 8, 292, 42, 38, rounded=16),
        *pair("hip", 84, 244, 34, 38),
        *pair("thigh", 80, 284, 38, 88),
        *pair("calf", 84, 374, 32, 84),
        *pair("foot", 72, 460, 44, 26, rounded=12),
    ]


def views() -> dict[str, tuple[Area, ...]]:
    """{"front": areas, "back": areas}, built on each call (about 50 small objects): not at import and
    not cached, so `make mutation`, which forks after the first test run, sees every change to it."""
    front = (
        Area(Location("face"), 84, 0, 72, 24, 18),
        *_pair("eyelid", 84, 26, 35, 24, person_right_on_left=True),
        Area(Location("tongue"), 96, 52, 48, 24),
        Area(Location("jaw"), 88, 78, 64, 24, 14),
        Area(Location("neck"), 102, 104, 36, 24, 6),
        Area(Location("chest"), 90, 130, 60, 54),
        Area(Location("belly"), 90, 186, 60, 56),
        *_limbs(person_right_on_left=True),
    )
    back = (
        Area(Location("neck"), 102, 104, 36, 24, 6),
        Area(Location("back"), 90, 130, 60, 112),
        *_limbs(person_right_on_left=False),
    )
    return {"front": front, "back": back}
