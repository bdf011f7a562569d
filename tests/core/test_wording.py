import pytest

from pwa.core.wording import plural


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 days"), (1, "1 day"), (2, "2 days"), (-1, "-1 days")],
)
def test_one_is_singular_every_other_count_plural(count, expected):
    assert plural(count, "day") == expected


def test_a_word_with_its_own_plural():
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(2, "entry", "entries") == "2 entries"
    assert plural(0, "entry", "entries") == "0 entries"
