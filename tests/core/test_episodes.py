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


def test_a_quick_entry_needs_only_a_place_and_records_nothing_it_was_not_given():
    episode = validate_episode({"locations": [CALF]}, NOW)
    assert episode.started_at == NOW and episode.intensity is None and episode.duration_seconds is None
    assert episode.to_dict()["intensity"] is None and episode_from_dict(episode.to_dict()) == episode
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
    assert describe_duration(60) == "1 minute" and describe_duration(None) == "not noted"


# ---- every limit at its edge and one past it, every message exactly (make mutation) ----
from pwa.core.episodes import FUTURE_TOLERANCE, MAX_DURATION_SECONDS, OTHER_TEXT_MAX, TRIGGER_MAX, parse_time  # noqa: E402


def problems_of(raw, now=NOW):
    with pytest.raises(EntryError) as error:
        validate_episode(raw, now)
    assert str(error.value) == " ".join(error.value.by_field.values())
    return error.value.by_field


@pytest.mark.parametrize(
    "extra, by_field",
    [
        ({"intensity": -1}, {"intensity": "Intensity is a whole number from 0 to 10."}),
        ({"intensity": 11}, {"intensity": "Intensity is a whole number from 0 to 10."}),
        ({"intensity": "7.5"}, {"intensity": "Intensity is a whole number from 0 to 10."}),
        ({"intensity": True}, {"intensity": "Intensity is a whole number from 0 to 10."}),
        ({"duration_seconds": 0}, {"duration_seconds": "Duration is from 1 second to 24 hours, or empty when not noted."}),
        ({"duration_seconds": MAX_DURATION_SECONDS + 1}, {"duration_seconds": "Duration is from 1 second to 24 hours, or empty when not noted."}),
        ({"type": "spasm"}, {"type": "Type is twitch, cramp, tingling or other."}),
        ({"triggers": "coffee"}, {"triggers": "Triggers are a list."}),
        ({"triggers": ["ok", 5, ""]}, {"triggers": "Each trigger is a word or a few words."}),
        ({"triggers": ["  "]}, {"triggers": "Each trigger is 1 to 40 characters."}),
        ({"triggers": ["t" * (TRIGGER_MAX + 1)]}, {"triggers": "Each trigger is 1 to 40 characters."}),
        ({"note": 5}, {"note": "The note is text."}),
        ({"note": "n" * (NOTE_MAX + 1)}, {"note": "Keep the note to 2,000 characters (it has 2,001)."}),
        ({"id": "  "}, {"id": "The entry's id is not usable text."}),
        ({"id": 7}, {"id": "The entry's id is not usable text."}),
        ({"started_at": "2026-11-23 21:30"}, {"started_at": "Use a date and time like 2026-11-23T21:30+00:00."}),
        ({"started_at": "soon"}, {"started_at": "Use a date and time like 2026-11-23T21:30+00:00."}),
        ({"started_at": (NOW + FUTURE_TOLERANCE + dt.timedelta(microseconds=1)).isoformat()}, {"started_at": "The start time is in the future. Use a time up to now."}),
        ({"locations": "calf"}, {"locations": "Choose at least one place on the body."}),
        ({"locations": ["calf"]}, {"locations": "Each place on the body needs a region."}),
        ({"locations": [{"side": "left"}]}, {"locations": "'' is not one of the body regions."}),
        ({"locations": [{"region": "other", "other_text": "o" * (OTHER_TEXT_MAX + 1)}]}, {"locations": "Describe the other place in 1 to 100 characters."}),
        ({"intensity": 12, "note": 1, "type": "x"}, {"intensity": "Intensity is a whole number from 0 to 10.", "type": "Type is twitch, cramp, tingling or other.", "note": "The note is text."}),
    ],
)  # fmt: skip
def test_each_invalid_field_is_named_with_its_exact_message(extra, by_field):
    assert problems_of({"locations": [CALF], **extra}) == by_field


@pytest.mark.parametrize(
    "extra, field, value",
    [
        ({"intensity": 0}, "intensity", 0), ({"intensity": 10}, "intensity", 10), ({"intensity": " 7 "}, "intensity", 7),
        ({"intensity": "7.0"}, "intensity", 7), ({"intensity": None}, "intensity", None), ({"intensity": ""}, "intensity", None),
        ({"intensity": " "}, "intensity", None), ({"intensity": "not noted"}, "intensity", None),
        ({"duration_seconds": 1}, "duration_seconds", 1), ({"duration_seconds": MAX_DURATION_SECONDS}, "duration_seconds", MAX_DURATION_SECONDS),
        ({"duration_seconds": "ongoing"}, "duration_seconds", None), ({"duration_seconds": ""}, "duration_seconds", None),
        ({"duration_seconds": "Not noted"}, "duration_seconds", None),
        ({"triggers": ["t" * TRIGGER_MAX]}, "triggers", ("t" * TRIGGER_MAX,)),
        ({"note": "n" * NOTE_MAX}, "note", "n" * NOTE_MAX), ({"note": None}, "note", ""),
        ({"id": " abc "}, "id", "abc"),
        ({"started_at": (NOW + FUTURE_TOLERANCE).isoformat()}, "started_at", NOW + FUTURE_TOLERANCE),
        ({"started_at": ""}, "started_at", NOW),
        ({"type": "cramp"}, "type", EpisodeType.CRAMP),
        ({"locations": [{"region": "other", "other_text": "o" * OTHER_TEXT_MAX}]}, "locations", (Location("other", None, "o" * OTHER_TEXT_MAX),)),
        ({"locations": [CALF, {"region": "neck"}, CALF]}, "locations", (Location("calf", "left"), Location("neck", None))),
        ({"locations": [Location("neck", None)]}, "locations", (Location("neck", None),)),
    ],
)  # fmt: skip
def test_each_limit_itself_is_accepted(extra, field, value):
    episode = validate_episode({"locations": [CALF], **extra}, NOW)
    assert getattr(episode, field) == value


def test_a_stored_entry_must_have_its_start_time():
    assert problems_of({"locations": [CALF]}, now=None) == {"started_at": "The start time is missing."}
    assert validate_episode({"locations": [CALF], "started_at": NOW.isoformat()}, None).started_at == NOW


def test_parse_time_refuses_a_time_without_a_zone_and_keeps_an_aware_datetime():
    with pytest.raises(ValueError, match="^no time zone$"):
        parse_time("2026-11-23T21:30")
    assert parse_time(NOW) is NOW
    assert parse_time(" 2026-11-23T21:30+01:00 ") == NOW


STORED = {
    "id": "abc", "started_at": NOW.isoformat(), "locations": [{"region": "calf", "side": "left"}],
    "intensity": 3, "duration_seconds": None, "type": "twitch", "triggers": ["coffee"], "note": "n",
}  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {"intensity": 0}, {"intensity": 10}, {"duration_seconds": 1}, {"duration_seconds": MAX_DURATION_SECONDS},
        {"note": "n" * NOTE_MAX}, {"triggers": []}, {"intensity": None},
    ],
)  # fmt: skip
def test_a_stored_entry_at_each_limit_loads(change):
    episode = episode_from_dict({**STORED, **change})
    key, value = next(iter(change.items()))
    assert getattr(episode, key) == (tuple(value) if isinstance(value, list) else value)


def test_a_stored_entry_without_a_note_or_triggers_loads_with_none():
    stored = {k: v for k, v in STORED.items() if k not in ("note", "triggers")}
    episode = episode_from_dict(stored)
    assert episode.note == "" and episode.triggers == ()


@pytest.mark.parametrize(
    "change",
    [
        {"intensity": -1}, {"intensity": 11}, {"intensity": True}, {"intensity": "3"}, {"intensity": 3.0},
        {"duration_seconds": 0}, {"duration_seconds": MAX_DURATION_SECONDS + 1}, {"duration_seconds": 60.0},
        {"note": "n" * (NOTE_MAX + 1)}, {"note": 5}, {"triggers": [5]}, {"started_at": "2026-11-23T21:30"},
        {"locations": []}, {"locations": [{"region": "elbowpit"}]}, {"type": "spasm"},
    ],
)  # fmt: skip
def test_a_damaged_stored_entry_is_refused_with_a_plain_reason(change):
    with pytest.raises(EntryError) as error:
        episode_from_dict({**STORED, **change})
    assert list(error.value.by_field) == ["entry"]
    assert error.value.by_field["entry"].startswith("A saved entry could not be read (")


@pytest.mark.parametrize(
    "raw, by_field",
    [
        ({"day": "23/11/2026"}, {"day": "Use a date like 2026-11-23."}),
        ({"day": "2026-11-23", "sleep_hours": -0.1}, {"sleep_hours": "Sleep is from 0 to 24 hours."}),
        ({"day": "2026-11-23", "sleep_hours": 24.1}, {"sleep_hours": "Sleep is from 0 to 24 hours."}),
        ({"day": "2026-11-23", "sleep_hours": "inf"}, {"sleep_hours": "Sleep is from 0 to 24 hours."}),
        ({"day": "2026-11-23", "caffeine_drinks": -1}, {"caffeine_drinks": "Caffeine drinks: a whole number from 0 to 30."}),
        ({"day": "2026-11-23", "caffeine_drinks": 31}, {"caffeine_drinks": "Caffeine drinks: a whole number from 0 to 30."}),
        ({"day": "2026-11-23", "stress": -1}, {"stress": "Stress is a whole number from 0 to 10."}),
        ({"day": "2026-11-23", "stress": 11}, {"stress": "Stress is a whole number from 0 to 10."}),
        ({"day": "2026-11-23", "exercise_minutes": -1}, {"exercise_minutes": "Exercise: minutes from 0 to 1,440."}),
        ({"day": "2026-11-23", "exercise_minutes": 1441}, {"exercise_minutes": "Exercise: minutes from 0 to 1,440."}),
    ],
)  # fmt: skip
def test_check_in_limits_one_past_each_edge_are_refused(raw, by_field):
    with pytest.raises(EntryError) as error:
        validate_check_in(raw)
    assert error.value.by_field == by_field


@pytest.mark.parametrize(
    "field, value",
    [
        ("sleep_hours", 0), ("sleep_hours", 24), ("caffeine_drinks", 0), ("caffeine_drinks", 30),
        ("stress", 0), ("stress", 10), ("exercise_minutes", 0), ("exercise_minutes", 1440),
    ],
)  # fmt: skip
def test_check_in_limits_at_each_edge_are_kept(field, value):
    check_in = validate_check_in({"day": dt.date(2026, 11, 23), field: value})
    assert getattr(check_in, field) == value and check_in.day == dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    "seconds, shown",
    [(None, ("", "seconds")), (59, ("59", "seconds")), (60, ("1", "minutes")), (61, ("61", "seconds")),
     (3600, ("1", "hours")), (7200, ("2", "hours")), (5400, ("90", "minutes")), (1, ("1", "seconds"))],
)  # fmt: skip
def test_durations_are_shown_in_the_largest_whole_unit(seconds, shown):
    assert duration_for_form(seconds) == shown


def test_a_check_in_is_stored_with_every_field_named():
    check_in = validate_check_in({"day": "2026-11-23", "sleep_hours": 6.5, "caffeine_drinks": 2, "stress": 4, "exercise_minutes": 30})
    assert check_in.to_dict() == {"day": "2026-11-23", "sleep_hours": 6.5, "caffeine_drinks": 2, "stress": 4, "exercise_minutes": 30}


def test_an_empty_start_time_on_a_stored_entry_is_missing_and_an_empty_id_gets_a_new_one():
    assert problems_of({"locations": [CALF], "started_at": ""}, now=None) == {"started_at": "The start time is missing."}
    assert len(validate_episode({"locations": [CALF], "id": ""}, NOW).id) == 32


def test_an_empty_check_in_field_is_not_noted():
    assert validate_check_in({"day": "2026-11-23", "sleep_hours": "", "stress": None}).sleep_hours is None


def test_a_damaged_stored_entry_says_out_of_range():
    with pytest.raises(EntryError) as error:
        episode_from_dict({**STORED, "intensity": 11})
    assert error.value.by_field == {"entry": "A saved entry could not be read (out of range)."}


def test_a_time_typed_with_a_dot_is_hours_and_minutes_and_always_has_a_zone():
    moment = start_time_from_form("2026-11-23", "21.30")
    assert (moment.hour, moment.minute, moment.second, moment.microsecond) == (21, 30, 0, 0)
    assert moment.tzinfo is not None


def test_a_place_is_checked_on_its_own_with_the_same_reasons():
    from pwa.core.episodes import validate_location

    assert validate_location({"region": " Calf ", "side": "left"}) == Location("calf", "left")
    assert validate_location(Location("neck")) == Location("neck")
    for raw, reason in (({"region": "elbow"}, "'elbow' is not one of the body regions."), ({"region": "calf"}, "Say whether it was the left or the right calf.")):
        with pytest.raises(EntryError) as error:
            validate_location(raw)
        assert error.value.by_field == {"locations": reason}
