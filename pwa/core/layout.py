"""Responsive layout rules, independent of any UI toolkit."""

from __future__ import annotations

from enum import Enum

# Material 3 "compact" window class ends at 600 logical pixels: phones in portrait.
WIDE_LAYOUT_MIN_WIDTH = 600


class NavigationStyle(str, Enum):
    BOTTOM_BAR = "bottom_bar"
    RAIL = "rail"


def navigation_style_for(width: float | None) -> NavigationStyle:
    """Bottom bar on phones, a side rail from tablet width up; unknown width means phone."""
    if width is None or width < WIDE_LAYOUT_MIN_WIDTH:
        return NavigationStyle.BOTTOM_BAR
    return NavigationStyle.RAIL
