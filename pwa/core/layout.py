"""Responsive layout rules, independent of any UI toolkit."""

from __future__ import annotations

from enum import Enum

# Material 3 "compact" window class ends at 600 logical pixels: phones in portrait.
WIDE_LAYOUT_MIN_WIDTH = 600
CONTENT_MAX_WIDTH = 720  # the reading column never grows wider (logical pixels)
CONTENT_PADDING = 16  # on each side of the column
RAIL_WIDTH = 81  # the navigation rail and its divider on wide windows
SIDE_PANE_WIDTH = 320  # a list beside the reading column (the guide's chapters beside a chapter)
# A side pane only where the reading column keeps its full width beside it (and the pane's divider).
TWO_PANE_MIN_WIDTH = SIDE_PANE_WIDTH + 1 + CONTENT_MAX_WIDTH


class NavigationStyle(str, Enum):
    BOTTOM_BAR = "bottom_bar"
    RAIL = "rail"


def navigation_style_for(width: float | None) -> NavigationStyle:
    """Bottom bar on phones, a side rail from tablet width up; unknown width means phone."""
    if width is None or width < WIDE_LAYOUT_MIN_WIDTH:
        return NavigationStyle.BOTTOM_BAR
    return NavigationStyle.RAIL


def content_width(window_width: float | None) -> float:
    """The width a screen's column has for its controls in a window this wide (unknown: a phone of 390)."""
    width = 390.0 if window_width is None else window_width
    if navigation_style_for(window_width) is NavigationStyle.RAIL:
        width -= RAIL_WIDTH
    return min(width, CONTENT_MAX_WIDTH) - 2 * CONTENT_PADDING


def has_side_pane(window_width: float | None) -> bool:
    """Whether a full-screen page (a chapter) shows its list beside it; unknown width means a phone."""
    return window_width is not None and window_width >= TWO_PANE_MIN_WIDTH
