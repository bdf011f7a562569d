"""widgets.field_labels: a short floating label and the rest below it, where it wraps."""

import pytest

from pwa.ui.widgets import field_labels


@pytest.mark.parametrize(
    ("label", "name", "helper"),
    [
        ("Date (year-month-day)", "Date", "year-month-day"),
        ("From (blank: the first entry)", "From", "blank: the first entry"),
        ("Caffeine (drinks of coffee, tea (or cola))", "Caffeine", "drinks of coffee, tea (or cola)"),
        ("Note", "Note", None),
        ("Odd (no closing", "Odd (no closing", None),
    ],
)
def test_the_part_in_brackets_goes_below(label, name, helper):
    labels = field_labels(label)
    assert labels["label"] == name and labels.get("helper") == helper
    assert labels["helper_max_lines"] == 3 and labels["error_max_lines"] == 3
