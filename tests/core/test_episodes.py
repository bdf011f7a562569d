import datetime as dt

import pytest

from pwa.core.episodes import (
    NOTE_MAX,
    EntryError,
    EpisodeType,
    Location,
    episode_from_dict,
    validate_check_in,
    validate_episode,
)

NOW = dt.datetime(2026, 11, 23, 21, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
CALF = {"region": "calf", "side": "left"}


def test_a_quick_entry_needs_only_a_place_and_defaults_the_rest():
    episode = validate_episode({"locations": [CALF]}, NOW)
    assert episode.started_at == NOW and episode.intensity == 3 and episode.ongoing
    assert episode.type is EpisodeType.TWITCH and episode.locations == (Location("calf", "left"),)
    assert len(episode.id) == 32


def test_a_full_entry_round_trips_through_its_stored_form():
    episode = validate_episode(
        {
            "started_at": "2026-11-23T20:15:00+01:00",
            "locations": [CALF, {"region": "eyelid", "side": "right"}, {"region": "other", "other_text": " left  big toe "}],
            "intensity": "7",
            "duration_seconds": 90,
            "type": "cramp",
            "triggers": ["Caffeine", "poor  sleep", "caffeine", "Long drive"],
            "note": "Après le café 😌 — 足",
        },
        NOW,
    )
    assert episode.triggers == ("caffeine", "poor sleep", "long drive")
    assert episode.locations[2].label == "left big toe"
    assert episode_from_dict(episode.to_dict()) == episode


@pytest.mark.parametrize(
    "raw, field, message",
    [
        ({"locations": []}, "locations", "at least one place"),
        ({"locations": [{"region": "calf"}]}, "locations", "left or the right calf"),
        ({"locations": [{"region": "neck", "side": "left"}]}, "locations", "no left or right"),
        ({"locations": [{"region": "elbowpit"}]}, "locations", "not one of the body regions"),
        ({"locations": [{"region": "other"}]}, "locations", "Describe the other place"),
        ({"locations": [CALF], "intensity": 11}, "intensity", "0 to 10"),
        ({"locations": [CALF], "intensity": 2.5}, "intensity", "whole number"),
        ({"locations": [CALF], "intensity": True}, "intensity", "0 to 10"),
        ({"locations": [CALF], "duration_seconds": 0}, "duration_seconds", "1 second to 24 hours"),
        ({"locations": [CALF], "duration_seconds": 90000}, "duration_seconds", "24 hours"),
        ({"locations": [CALF], "type": "spasm"}, "type", "twitch, cramp, tingling or other"),
        ({"locations": [CALF], "note": "x" * (NOTE_MAX + 1)}, "note", "2,000 characters"),
        ({"locations": [CALF], "triggers": [""]}, "triggers", "1 to 40 characters"),
        ({"locations": [CALF], "started_at": "2026-11-23T21:32:00+01:00"}, "started_at", "in the future"),
        ({"locations": [CALF], "started_at": "2026-11-23T21:00:00"}, "started_at", "2026-11-23T21:30+00:00"),
        ({"locations": [CALF], "started_at": "yesterday"}, "started_at", "date and time"),
    ],
)
def test_invalid_entries_get_a_clear_message_per_field(raw, field, message):
    with pytest.raises(EntryError) as caught:
        validate_episode(raw, NOW)
    assert message in caught.value.by_field[field]


def test_a_start_time_up_to_a_minute_ahead_is_accepted_as_clock_skew():
    episode = validate_episode({"locations": [CALF], "started_at": (NOW + dt.timedelta(seconds=50)).isoformat()}, NOW)
    assert episode.started_at > NOW


def test_a_note_of_exactly_the_limit_in_any_script_is_fine():
    assert len(validate_episode({"locations": [CALF], "note": "狐" * NOTE_MAX}, NOW).note) == NOTE_MAX


def test_day_check_ins_are_optional_field_by_field_and_validated():
    check_in = validate_check_in({"day": "2026-11-23", "sleep_hours": "6.5", "stress": 4})
    assert check_in.sleep_hours == 6.5 and check_in.stress == 4 and check_in.caffeine_drinks is None
    with pytest.raises(EntryError) as caught:
        validate_check_in({"day": "23/11", "sleep_hours": 30, "stress": 12, "caffeine_drinks": -1})
    assert set(caught.value.by_field) == {"day", "sleep_hours", "stress", "caffeine_drinks"}
