import pytest

from pwa.core.layout import NavigationStyle, navigation_style_for


@pytest.mark.parametrize("width", [None, 320, 360, 390, 430, 599])
def test_phones_get_a_bottom_bar(width):
    assert navigation_style_for(width) is NavigationStyle.BOTTOM_BAR


@pytest.mark.parametrize("width", [600, 800, 1280, 1920])
def test_wide_screens_get_a_rail(width):
    assert navigation_style_for(width) is NavigationStyle.RAIL
