"""The body map's figures: every place reachable, sides the right way round, targets big enough."""

import itertools

import pytest

from pwa.core.body_map import HEIGHT, MIN_TARGET, WIDTH, Area, views
from pwa.core.episodes import BODY_REGIONS, Location


def test_every_region_but_other_and_all_over_is_on_a_figure_with_each_of_its_sides():
    shown = {area.place for view in views().values() for area in view}
    wanted = {
        Location(region, side)
        for region, sided in BODY_REGIONS.items()
        if region not in ("other", "all over")
        for side in (("left", "right") if sided else (None,))
    }
    assert shown == wanted


@pytest.mark.parametrize("name", ["front", "back"])
def test_areas_fit_the_figure_never_overlap_and_are_big_enough_to_tap(name):
    view = views()[name]
    for area in view:
        assert area.width >= MIN_TARGET and area.height >= MIN_TARGET, area
        assert 0 <= area.x and area.x + area.width <= WIDTH and 0 <= area.y and area.y + area.height <= HEIGHT, area
    for a, b in itertools.combinations(view, 2):
        apart = a.x + a.width <= b.x or b.x + b.width <= a.x or a.y + a.height <= b.y or b.y + b.height <= a.y
        assert apart, (a.place, b.place)
    assert len({area.place for area in view}) == len(view)


def test_the_front_shows_the_persons_right_on_the_viewers_left_and_the_back_the_other_way():
    middle = WIDTH / 2
    FRONT, BACK = views()["front"], views()["back"]
    for area in FRONT:
        if area.place.side:
            assert (area.centre_x < middle) == (area.place.side == "right"), area
    for area in BACK:
        if area.place.side:
            assert (area.centre_x > middle) == (area.place.side == "right"), area
    front = {a.place: a for a in FRONT}
    back = {a.place: a for a in BACK}
    calf = Location("calf", "left")
    assert front[calf].x == WIDTH - back[calf].x - back[calf].width  # the same limb, mirrored


def test_the_figures_are_exactly_as_drawn():
    """The areas' rectangles, so a changed number is a decision, not an accident (the other tests
    check the rules; this pins the drawing)."""
    front = {a.place.label: (a.x, a.y, a.width, a.height, a.rounded) for a in views()["front"]}
    back = {a.place.label: (a.x, a.y, a.width, a.height, a.rounded) for a in views()["back"]}
    assert front["face"] == (84, 0, 72, 24, 18) and front["tongue"] == (96, 52, 48, 24, 10) and front["jaw"] == (88, 78, 64, 24, 14)
    assert front["right eyelid"] == (84, 26, 35, 24, 10) and front["left eyelid"] == (121, 26, 35, 24, 10)
    assert front["neck"] == back["neck"] == (102, 104, 36, 24, 6)
    assert front["chest"] == (90, 130, 60, 54, 10) and front["belly"] == (90, 186, 60, 56, 10) and back["back"] == (90, 130, 60, 112, 10)
    limbs = {
        "shoulder": (42, 122, 46, 30, 14), "upper arm": (24, 154, 38, 68, 10), "forearm": (14, 224, 38, 66, 10),
        "hand": (8, 292, 42, 38, 16), "hip": (84, 244, 34, 38, 10), "thigh": (80, 284, 38, 88, 10),
        "calf": (84, 374, 32, 84, 10), "foot": (72, 460, 44, 26, 12),
    }  # fmt: skip
    for region, (x, y, width, height, rounded) in limbs.items():
        mirrored = WIDTH - x - width
        assert front[f"right {region}"] == back[f"left {region}"] == (x, y, width, height, rounded)
        assert front[f"left {region}"] == back[f"right {region}"] == (mirrored, y, width, height, rounded)
    assert len(front) == 7 + 1 + 16 and len(back) == 2 + 16
    assert Area(Location("neck"), 1, 2, 3, 4).rounded == 10 and Area(Location("neck"), 10, 0, 30, 1).centre_x == 25
