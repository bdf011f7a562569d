"""The audit's own rules, checked without a browser: which small targets it lets pass, and why."""

import pytest

from tests.browser.audit import SMALLER_BY_DESIGN, StateAudit


def by_design(target: str) -> bool:
    return any(pattern.search(target) for pattern in SMALLER_BY_DESIGN)


@pytest.mark.parametrize(
    "target",
    [
        "Right eyelid, front: not chosen 35x24",
        "Left calf, back: chosen 40x30",
        "Face, front: not chosen 72x24",
        "1, Tuesday, December 1, 2026 47x35",
        "2, Wednesday, December 2, 2026, Today 47x35",
        "31, Saturday, October 31, 2026 47x35",
    ],
)
def test_the_body_maps_areas_and_a_landscape_calendars_days_are_smaller_by_design(target):
    assert by_design(target)


@pytest.mark.parametrize(
    "target",
    [
        "Light 358x40",  # a radio
        "Soft sound at each step 358x40",  # a switch
        "Stop 358x40",
        "Front 87x40",  # the body map's view switch is a control like any other
        "Previous month 40x40",
        "Switch to input 40x40",
        "OK 64x40",
        "Right eyelid, front 35x24",  # not the map's name: no chosen state
        "Right eyelid, side: chosen 35x24",
        "Notes, front: not chosen, and more 35x24",
        "December 1, 2026 47x35",  # not a day cell's name
        "1, Tuesday 47x35",
        "",
    ],
)
def test_any_other_small_target_is_not(target):
    assert not by_design(target)


def test_a_state_fails_only_on_the_small_targets_not_by_design():
    audit = StateAudit("Entry form", "390x844", small_targets=["Right eyelid, front: not chosen 35x24", "Light 358x40"])
    assert audit.unexplained_small_targets == ["Light 358x40"]
    assert StateAudit("Home", "390x844").unexplained_small_targets == []
