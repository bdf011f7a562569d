import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pwa.core.episodes import (
    describe_duration,
    duration_for_form,
    duration_from_form,
    start_time_from_form,
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


# ---- form helpers -------------------------------------------------------------------------


def test_typed_start_times_take_the_offset_of_their_own_day():
    berlin = ZoneInfo("Europe/Berlin")
    assert start_time_from_form("2026-07-01", "21:30", berlin).utcoffset() == dt.timedelta(hours=2)
    assert start_time_from_form("2026-11-23", "21.30", berlin).utcoffset() == dt.timedelta(hours=1)
    assert start_time_from_form(" 2026-11-23 ", "07:05", berlin).hour == 7


@pytest.mark.parametrize(("date_text", "time_text", "message"), [
    ("23/11/2026", "21:30", "Write the date like 2026-11-23 (year, month, day)."),
    ("2026-02-30", "21:30", "Write the date like 2026-11-23 (year, month, day)."),
    ("2026-11-23", "25:00", "Write the time like 21:30 (24-hour clock)."),
    ("2026-11-23", "", "Write the time like 21:30 (24-hour clock)."),
])
def test_typed_start_times_that_cannot_be_read_say_how_to_write_them(date_text, time_text, message):
    with pytest.raises(EntryError) as caught:
        start_time_from_form(date_text, time_text, dt.timezone.utc)
    assert caught.value.by_field == {"started_at": message}


@pytest.mark.parametrize(("amount", "unit", "seconds"), [
    ("90", "seconds", 90), ("1,5", "minutes", 90), ("2", "hours", 7200), ("24", "hours", 86400), ("1.4", "seconds", 1),
])
def test_durations_are_read_in_their_unit(amount, unit, seconds):
    assert duration_from_form(amount, unit) == seconds


@pytest.mark.parametrize(("amount", "unit"), [("0", "seconds"), ("25", "hours"), ("soon", "minutes"), ("nan", "seconds"), ("1", "days")])
def test_durations_out_of_range_are_refused(amount, unit):
    with pytest.raises(EntryError) as caught:
        duration_from_form(amount, unit)
    assert caught.value.by_field == {"duration_seconds": "Duration is a number from 1 second to 24 hours."}


def test_stored_durations_are_shown_in_the_largest_whole_unit():
    assert duration_for_form(7200) == ("2", "hours")
    assert duration_for_form(180) == ("3", "minutes")
    assert duration_for_form(90) == ("90", "seconds")
    assert describe_duration(60) == "1 minute" and describe_duration(None) == "still going on"
