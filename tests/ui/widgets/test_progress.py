"""widgets.progress_bar: a bar says what it measures and how far it is."""

import pytest

from pwa.ui.widgets import progress_bar
from pwa.ui.widgets.progress import percent


@pytest.mark.parametrize(
    ("fraction", "expected"),
    [(0.0, 0), (0.07, 7), (0.994, 99), (0.996, 99), (1.0, 100), (1.5, 100), (-0.2, 0), (0.005, 0), (0.0051, 1)],
)
def test_percent_is_whole_and_never_100_before_the_end(fraction, expected):
    assert percent(fraction) == expected


def test_the_bar_is_named_with_what_it_measures_and_its_value():
    bar = progress_bar("session-progress", 0.07, "Session")
    assert (bar.value, bar.semantics_label, bar.semantics_value) == (0.07, "Session 7 % done", 7)


def test_a_bar_without_an_end_says_it_is_running():
    bar = progress_bar("session-progress", None, "Session", bar_height=8)
    assert (bar.value, bar.semantics_label, bar.semantics_value, bar.bar_height) == (None, "Session running", None, 8)
