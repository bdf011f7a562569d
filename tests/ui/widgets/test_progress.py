"""widgets.progress_bar: a bar says what it measures (the browser test hears the percentage too)."""

import pytest

from pwa.ui.widgets import progress_bar


@pytest.mark.parametrize(("fraction", "shown"), [(0.0, 0.0), (0.07, 0.07), (1.0, 1.0), (1.5, 1.0), (-0.2, 0.0)])
def test_the_bar_is_named_with_what_it_measures_and_stays_within_its_ends(fraction, shown):
    bar = progress_bar("session-progress", fraction, "Session")
    assert (bar.value, bar.semantics_label) == (shown, "Session, percent done:")


def test_a_bar_without_an_end_says_it_is_running():
    bar = progress_bar("session-progress", None, "Session", bar_height=8)
    assert (bar.value, bar.semantics_label, bar.bar_height) == (None, "Session running", 8)
