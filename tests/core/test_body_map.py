"""The body map's figures: every place reachable, sides the right way round, targets big enough."""

import itertools

import pytest

from pwa.core.body_map import BACK, FRONT, HEIGHT, MIN_TARGET, VIEWS, WIDTH
from pwa.core.episodes import BODY_REGIONS, Location


def test_every_region_but_other_and_all_over_is_on_a_figure_with_each_of_its_sides():
    shown = {area.place for view in VIEWS.values() for area in view}
    wanted = {
        Location(region, side)
        for region, sided in BODY_REGIONS.items()
        if region not in ("other", "all over")
        for side in (("left", "right") if sided else (None,))
    }
    assert shown == wanted


@pytest.mark.parametrize("name", list(VIEWS))
def test_areas_fit_the_figure_never_overlap_and_are_big_enough_to_tap(name):
    view = VIEWS[name]
    for area in view:
        assert area.width >= MIN_TARGET and area.height >= MIN_TARGET, area
        assert 0 <= area.x and area.x + area.width <= WIDTH and 0 <= area.y and area.y + area.height <= HEIGHT, area
    for a, b in itertools.combinations(view, 2):
        apart = a.x + a.width <= b.x or b.x + b.width <= a.x or a.y + a.height <= b.y or b.y + b.height <= a.y
        assert apart, (a.place, b.place)
    assert len({area.place for area in view}) == len(view)


def test_the_front_shows_the_persons_right_on_the_viewers_left_and_the_back_the_other_way():
    middle = WIDTH / 2
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
