import pytest

from pwa.core import layout
from pwa.core.layout import NavigationStyle, navigation_style_for


@pytest.mark.parametrize("width", [None, 320, 360, 390, 430, 599])
def test_phones_get_a_bottom_bar(width):
    assert navigation_style_for(width) is NavigationStyle.BOTTOM_BAR


@pytest.mark.parametrize("width", [600, 800, 1280, 1920])
def test_wide_screens_get_a_rail(width):
    assert navigation_style_for(width) is NavigationStyle.RAIL


@pytest.mark.parametrize(
    ("window", "width"),
    [(None, 358), (320, 288), (599, 567), (600, 487), (800, 687), (801, 688), (1280, 688)],
)
def test_the_column_width_follows_the_window_up_to_its_limit(window, width):
    from pwa.core.layout import content_width

    assert content_width(window) == width


@pytest.mark.parametrize(("window", "two_panes"), [(None, False), (390, False), (1040, False), (1041, True), (1280, True)])
def test_a_side_pane_only_where_the_column_keeps_its_full_width_beside_it(window, two_panes):
    assert layout.TWO_PANE_MIN_WIDTH == 320 + 1 + 720
    assert layout.has_side_pane(window) is two_panes
