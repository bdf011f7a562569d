import pytest

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
