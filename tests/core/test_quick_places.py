"""The one-tap places: the person's own first, every region possible, pinned and removed ones kept."""

import datetime as dt

import pytest

from pwa.core.episodes import BODY_REGIONS, Location
from pwa.core.quick_places import (
    MAX_KEPT,
    QUICK_SHOWN,
    QUICK_WINDOW,
    USUAL_PLACES,
    frequent_places,
    move,
    pin,
    places_from_settings,
    places_to_settings,
    quick_places,
    remove,
    unpin,
)
from tests.factories import NOW_UTC, make_episode

NOW = NOW_UTC
TONGUE, JAW, CALF, EYE = Location("tongue"), Location("jaw"), Location("calf", "left"), Location("eyelid", "right")
TOE = Location("other", None, "big toe")


def logged(place: Location, ago: dt.timedelta) -> object:
    return make_episode(NOW - ago, locations=[place.to_dict()])


def test_the_usual_places_include_the_head_the_trunk_and_all_over_not_only_limbs():
    regions = {p.region for p in USUAL_PLACES}
    assert {"tongue", "face", "jaw", "eyelid", "neck", "back", "chest", "belly", "all over"} <= regions <= set(BODY_REGIONS)
    assert {TONGUE, JAW, Location("face"), Location("all over")} <= set(USUAL_PLACES)
    assert len(set(USUAL_PLACES)) == len(USUAL_PLACES) <= QUICK_SHOWN
    assert quick_places([], NOW) == list(USUAL_PLACES)


def test_the_places_logged_most_in_the_last_90_days_come_first():
    log = [
        logged(TONGUE, dt.timedelta(days=1)),
        logged(JAW, dt.timedelta(days=2)), logged(JAW, dt.timedelta(days=3)), logged(JAW, dt.timedelta(days=80)),
        logged(TOE, dt.timedelta(days=5)), logged(TOE, dt.timedelta(hours=1)),
    ]  # fmt: skip
    places = quick_places(log, NOW)
    assert places[:3] == [JAW, TOE, TONGUE]  # 3, 2, 1 times
    assert places[3:] == [p for p in USUAL_PLACES if p not in (JAW, TONGUE)][: QUICK_SHOWN - 3]
    assert len(places) == len(set(places))


def test_a_tie_goes_to_the_most_recent_place():
    assert frequent_places([logged(CALF, dt.timedelta(days=9)), logged(EYE, dt.timedelta(days=2))], NOW) == [EYE, CALF]
    assert frequent_places([logged(EYE, dt.timedelta(days=9)), logged(CALF, dt.timedelta(days=2))], NOW) == [CALF, EYE]


def test_the_window_is_90_days_to_the_second_and_ends_now():
    edge = [logged(TONGUE, QUICK_WINDOW)]
    past = [logged(TONGUE, QUICK_WINDOW + dt.timedelta(seconds=1))]
    assert frequent_places(edge, NOW) == [TONGUE]
    assert frequent_places(past, NOW) == []
    later = make_episode(NOW + dt.timedelta(seconds=1), locations=[TONGUE.to_dict()])  # a clock set back
    assert frequent_places([later], NOW) == []
    assert frequent_places([make_episode(NOW, locations=[TONGUE.to_dict()])], NOW) == [TONGUE]


def test_an_entry_with_several_places_counts_once_for_each():
    both = make_episode(NOW - dt.timedelta(days=1), locations=[TONGUE.to_dict(), JAW.to_dict(), TONGUE.to_dict()])
    counted = frequent_places([both, logged(JAW, dt.timedelta(days=4))], NOW)
    assert counted == [JAW, TONGUE]


def test_pinned_places_lead_in_their_order_and_removed_ones_are_left_out():
    log = [logged(JAW, dt.timedelta(days=1))]
    places = quick_places(log, NOW, pinned=[TOE, CALF], removed=[EYE, Location("all over")])
    assert places[:3] == [TOE, CALF, JAW]
    assert EYE not in places and Location("all over") not in places
    assert quick_places(log, NOW, removed=[JAW])[0] == USUAL_PLACES[0]  # even a frequent place stays out
    assert quick_places([], NOW, pinned=[EYE], removed=[EYE])[0] == EYE  # pinned wins


def test_at_most_QUICK_SHOWN_places_are_offered():
    own = [Location("other", None, f"spot {n}") for n in range(QUICK_SHOWN + 1)]
    places = quick_places([], NOW, pinned=own)
    assert places == own[:QUICK_SHOWN]
    assert quick_places([], NOW, pinned=own[: QUICK_SHOWN - len(USUAL_PLACES)]) == [*own[: QUICK_SHOWN - len(USUAL_PLACES)], *USUAL_PLACES]


def test_pin_remove_and_move_keep_each_place_once():
    pinned, removed = pin((), (EYE,), EYE)
    assert (pinned, removed) == ((EYE,), ())
    pinned, removed = pin(pinned, removed, CALF)
    assert pin(pinned, removed, CALF) == ((EYE, CALF), ())  # pinned twice: still once
    assert move(pinned, CALF, -1) == (CALF, EYE)
    assert move(pinned, EYE, +1) == (CALF, EYE)
    assert move(pinned, EYE, -1) == pinned and move(pinned, CALF, +1) == pinned  # the ends stay put
    assert unpin(pinned, EYE) == (CALF,)
    pinned, removed = remove(pinned, removed, CALF)
    assert (pinned, removed) == ((EYE,), (CALF,))
    assert remove(pinned, removed, CALF) == ((EYE,), (CALF,))


def test_at_most_MAX_KEPT_places_are_remembered_the_newest_kept():
    many = tuple(Location("other", None, f"spot {n}") for n in range(MAX_KEPT))
    pinned, _ = pin(many, (), TONGUE)
    assert len(pinned) == MAX_KEPT and pinned[-1] == TONGUE and pinned[0] == many[1]
    assert pin(many[:-1], (), TONGUE)[0] == (*many[:-1], TONGUE)
    _, removed = remove((), many, JAW)
    assert len(removed) == MAX_KEPT and removed[-1] == JAW


def test_places_round_trip_through_the_settings_and_bad_ones_are_left_out():
    assert places_from_settings(places_to_settings([TOE, CALF, TONGUE])) == (TOE, CALF, TONGUE)
    stored = [CALF.to_dict(), {"region": "calf"}, {"region": "elbowpit"}, "calf", 5, None, CALF.to_dict(), {"region": "Jaw"}]
    assert places_from_settings(stored) == (CALF, JAW)
    for junk in (None, "calf", {"region": "calf"}, 3):
        assert places_from_settings(junk) == ()
    over = [Location("other", None, f"spot {n}").to_dict() for n in range(MAX_KEPT + 1)]
    assert len(places_from_settings(over)) == MAX_KEPT


@pytest.mark.parametrize("place", [Location("all over"), TONGUE])
def test_regions_without_a_side_are_labelled_plainly(place):
    assert place.label == place.region


def test_an_old_entry_anywhere_in_the_log_does_not_stop_the_count():
    log = [logged(JAW, QUICK_WINDOW * 2), logged(TONGUE, dt.timedelta(days=1)), logged(JAW, QUICK_WINDOW * 3), logged(CALF, dt.timedelta(days=2))]
    assert frequent_places(log, NOW) == [TONGUE, CALF]
