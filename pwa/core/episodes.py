"""The symptom log's model: episodes and day check-ins, and the rules a valid entry follows.

Validation turns raw form or file values into plain values, or raises `EntryError` with a message
per field in calm, plain words. Times are timezone-aware; "now" is passed in, never read here.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from dataclasses import dataclass
from functools import cache, cached_property
from enum import Enum
from typing import Any, Mapping

NOTE_MAX = 2000
OTHER_TEXT_MAX = 100
TRIGGER_MAX = 40
FUTURE_TOLERANCE = dt.timedelta(minutes=1)
MAX_DURATION_SECONDS = 24 * 3600

# Body regions, and whether they come as a left and a right one.
BODY_REGIONS: dict[str, bool] = {
    "eyelid": True,
    "face": False,
    "jaw": False,
    "tongue": False,
    "neck": False,
    "shoulder": True,
    "upper arm": True,
    "forearm": True,
    "hand": True,
    "chest": False,
    "back": False,
    "belly": False,
    "hip": True,
    "thigh": True,
    "calf": True,
    "foot": True,
    "all over": False,  # many places at once
    "other": False,
}
SIDES = ("left", "right")
KNOWN_TRIGGERS = (
    "caffeine",
    "alcohol",
    "poor sleep",
    "stress",
    "exercise",
    "dehydration",
    "new medicine",
    "illness",
)


class EpisodeType(str, Enum):
    TWITCH = "twitch"
    CRAMP = "cramp"
    TINGLING = "tingling"
    OTHER = "other"


class EntryError(ValueError):
    """An entry that cannot be saved, with one plain message per field."""

    def __init__(self, by_field: dict[str, str]) -> None:
        super().__init__(" ".join(by_field.values()))
        self.by_field = by_field


@dataclass(frozen=True)
class Location:
    region: str
    side: str | None = None
    other_text: str | None = None  # only for region "other"

    @cached_property  # read for every entry in lists, insights and reports
    def label(self) -> str:
        if self.region == "other":
            return self.other_text or "other"
        return f"{self.side} {self.region}" if self.side else self.region

    def to_dict(self) -> dict[str, Any]:
        return {"region": self.region, "side": self.side, "other_text": self.other_text}


@dataclass(frozen=True)
class Episode:
    id: str
    started_at: dt.datetime
    locations: tuple[Location, ...]
    intensity: int | None  # None: not noted (a quick log records the time and the place only)
    duration_seconds: int | None  # None: not noted
    type: EpisodeType
    triggers: tuple[str, ...] = ()
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "locations": [loc.to_dict() for loc in self.locations],
            "intensity": self.intensity,
            "duration_seconds": self.duration_seconds,
            "type": self.type.value,
            "triggers": list(self.triggers),
            "note": self.note,
        }


@dataclass(frozen=True)
class DayCheckIn:
    day: dt.date
    sleep_hours: float | None = None
    caffeine_drinks: int | None = None
    stress: int | None = None  # 0-10
    exercise_minutes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "sleep_hours": self.sleep_hours,
            "caffeine_drinks": self.caffeine_drinks,
            "stress": self.stress,
            "exercise_minutes": self.exercise_minutes,
        }


def new_id() -> str:
    return uuid.uuid4().hex


def parse_time(value: Any) -> dt.datetime:
    """An aware datetime from a datetime or an ISO 8601 string; naive values are refused."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value).strip())
    if moment.tzinfo is None:
        raise ValueError("no time zone")
    return moment


NOT_NOTED = "not noted"
# What a form or a file may put where a value was not given (an old export wrote "ongoing").
EMPTY_VALUES = frozenset({"", "not noted", "ongoing"})


def _not_given(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() in EMPTY_VALUES)


def _int_in(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise ValueError
    number = float(str(value).strip()) if not isinstance(value, (int, float)) else float(value)
    if not math.isfinite(number) or number != int(number) or not low <= number <= high:
        raise ValueError
    return int(number)


def validate_episode(raw: Mapping[str, Any], now: dt.datetime | None) -> Episode:
    """Check every field of a raw episode (from the form or a file) and build it.

    `now` is the default start time and the limit for future times; None (for stored entries)
    skips that check and requires a start time.
    """
    problems: dict[str, str] = {}

    started_at = now
    if raw.get("started_at") in (None, "") and now is None:
        problems["started_at"] = "The start time is missing."
    elif raw.get("started_at") not in (None, ""):
        try:
            started_at = parse_time(raw["started_at"])
            if now is not None and started_at > now + FUTURE_TOLERANCE:
                problems["started_at"] = "The start time is in the future. Use a time up to now."
        except (TypeError, ValueError):
            problems["started_at"] = "Use a date and time like 2026-11-23T21:30+00:00."

    locations: list[Location] = []
    raw_locations = raw.get("locations") or []
    if not isinstance(raw_locations, (list, tuple)) or not raw_locations:
        problems["locations"] = "Choose at least one place on the body."
    else:
        for item in raw_locations:
            try:
                locations.append(_location(item))
            except ValueError as error:
                problems["locations"] = str(error)
                break
        if len(set(locations)) != len(locations):
            locations = list(dict.fromkeys(locations))

    intensity: int | None = None
    raw_intensity = raw.get("intensity")
    if not _not_given(raw_intensity):
        try:
            intensity = _int_in(raw_intensity, 0, 10)
        except (TypeError, ValueError):
            problems["intensity"] = "Intensity is a whole number from 0 to 10."

    duration: int | None = None
    raw_duration = raw.get("duration_seconds")
    if not _not_given(raw_duration):
        try:
            duration = _int_in(raw_duration, 1, MAX_DURATION_SECONDS)
        except (TypeError, ValueError):
            problems["duration_seconds"] = "Duration is from 1 second to 24 hours, or empty when not noted."

    try:
        episode_type = EpisodeType(str(raw.get("type", EpisodeType.TWITCH.value)))
    except ValueError:
        problems["type"] = "Type is twitch, cramp, tingling or other."
        episode_type = EpisodeType.OTHER

    triggers: list[str] = []
    raw_triggers = raw.get("triggers") or []
    if not isinstance(raw_triggers, (list, tuple)):
        problems["triggers"] = "Triggers are a list."
    else:
        for trigger in raw_triggers:
            if not isinstance(trigger, str):
                problems["triggers"] = "Each trigger is a word or a few words."
                break
            text = " ".join(trigger.split()).lower()
            if not text or len(text) > TRIGGER_MAX:
                problems["triggers"] = f"Each trigger is 1 to {TRIGGER_MAX} characters."
                break
            if text not in triggers:
                triggers.append(text)

    note = raw.get("note") or ""
    if not isinstance(note, str):
        problems["note"] = "The note is text."
    elif len(note) > NOTE_MAX:
        problems["note"] = f"Keep the note to {NOTE_MAX:,} characters (it has {len(note):,})."

    raw_id = raw.get("id")
    if raw_id not in (None, "") and (not isinstance(raw_id, str) or not raw_id.strip()):
        problems["id"] = "The entry's id is not usable text."

    if problems:
        raise EntryError(problems)
    return Episode(
        id=raw_id.strip() if raw_id else new_id(),
        started_at=started_at,
        locations=tuple(locations),
        intensity=intensity,
        duration_seconds=duration,
        type=episode_type,
        triggers=tuple(triggers),
        note=note,
    )


def validate_location(raw: Any) -> Location:
    """One place on the body, from a form or the settings; raises EntryError with the reason under "locations"."""
    try:
        return _location(raw)
    except ValueError as error:
        raise EntryError({"locations": str(error)}) from None


def _location(item: Any) -> Location:
    if isinstance(item, Location):
        item = item.to_dict()
    if not isinstance(item, Mapping):
        raise ValueError("Each place on the body needs a region.")
    region = str(item.get("region", "")).strip().lower()
    if region not in BODY_REGIONS:
        raise ValueError(f"'{region}' is not one of the body regions.")
    side = item.get("side") or None
    if BODY_REGIONS[region]:
        if side not in SIDES:
            raise ValueError(f"Say whether it was the left or the right {region}.")
    elif side is not None:
        raise ValueError(f"The {region} has no left or right side.")
    other_text = None
    if region == "other":
        other_text = " ".join(str(item.get("other_text") or "").split())
        if not other_text or len(other_text) > OTHER_TEXT_MAX:
            raise ValueError(f"Describe the other place in 1 to {OTHER_TEXT_MAX} characters.")
    return Location(region, side, other_text)


def validate_check_in(raw: Mapping[str, Any]) -> DayCheckIn:
    problems: dict[str, str] = {}
    try:
        day = raw["day"] if isinstance(raw.get("day"), dt.date) else dt.date.fromisoformat(str(raw.get("day")))
    except (TypeError, ValueError):
        problems["day"] = "Use a date like 2026-11-23."
        day = dt.date.min

    def optional(name: str, convert, message: str):
        value = raw.get(name)
        if value in (None, ""):
            return None
        try:
            return convert(value)
        except (TypeError, ValueError):
            problems[name] = message
            return None

    def hours(value: Any) -> float:
        number = float(value)
        if not 0 <= number <= 24 or not math.isfinite(number):
            raise ValueError
        return number

    check_in = DayCheckIn(
        day=day,
        sleep_hours=optional("sleep_hours", hours, "Sleep is from 0 to 24 hours."),
        caffeine_drinks=optional("caffeine_drinks", lambda v: _int_in(v, 0, 30), "Caffeine drinks: a whole number from 0 to 30."),
        stress=optional("stress", lambda v: _int_in(v, 0, 10), "Stress is a whole number from 0 to 10."),
        exercise_minutes=optional("exercise_minutes", lambda v: _int_in(v, 0, 1440), "Exercise: minutes from 0 to 1,440."),
    )
    if problems:
        raise EntryError(problems)
    return check_in


def episode_from_dict(data: Mapping[str, Any]) -> Episode:
    """Rebuild a stored episode quickly, with the checks that catch a damaged entry (raises EntryError).

    Stored entries were validated when saved; opening a log of thousands of them must stay fast,
    so this checks types and ranges without rebuilding every message of `validate_episode`.
    """
    try:
        started_at = dt.datetime.fromisoformat(data["started_at"])
        locations = tuple(
            Location(loc["region"], loc.get("side"), loc.get("other_text")) for loc in data["locations"]
        )
        intensity, duration, note = data.get("intensity"), data.get("duration_seconds"), data.get("note", "")
        triggers = tuple(data.get("triggers", ()))
        if (
            started_at.tzinfo is None
            or not locations
            or any(loc.region not in BODY_REGIONS for loc in locations)
            or not (intensity is None or (type(intensity) is int and 0 <= intensity <= 10))
            or not (duration is None or (type(duration) is int and 0 < duration <= MAX_DURATION_SECONDS))
            or not isinstance(note, str)
            or len(note) > NOTE_MAX
            or not all(isinstance(t, str) for t in triggers)
        ):
            raise ValueError("out of range")
        return Episode(str(data["id"]), started_at, locations, intensity, duration, EpisodeType(data["type"]), triggers, note)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise EntryError({"entry": f"A saved entry could not be read ({error})."}) from error


# ---- Form helpers: the full entry form's text fields, read the same way everywhere -------------
DURATION_UNITS = {"seconds": 1, "minutes": 60, "hours": 3600}


def start_time_from_form(date_text: str, time_text: str, zone: dt.tzinfo | None = None) -> dt.datetime:
    """The start time typed as a local date (2026-11-23) and time (21:30); raises EntryError.

    Without `zone` the device's own time zone rules apply for that date, so a time typed for a
    day before a clock change gets that day's offset.
    """
    try:
        day = dt.date.fromisoformat(date_text.strip())
    except ValueError:
        raise EntryError({"started_at": "Write the date like 2026-11-23 (year, month, day)."}) from None
    try:
        clock = dt.time.fromisoformat(time_text.strip().replace(".", ":"))
    except ValueError:
        raise EntryError({"started_at": "Write the time like 21:30 (24-hour clock)."}) from None
    naive = dt.datetime.combine(day, clock.replace(tzinfo=None))
    return naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()


def duration_from_form(amount_text: str, unit: str) -> int:
    """Seconds from an amount and a unit (seconds, minutes, hours); raises EntryError."""
    message = "Duration is a number from 1 second to 24 hours."
    try:
        amount = float(amount_text.strip().replace(",", "."))
        seconds = amount * DURATION_UNITS[unit]
    except (ValueError, KeyError):
        raise EntryError({"duration_seconds": message}) from None
    if not math.isfinite(seconds) or not 1 <= round(seconds) <= MAX_DURATION_SECONDS:
        raise EntryError({"duration_seconds": message})
    return int(round(seconds))


def duration_for_form(seconds: int | None) -> tuple[str, str]:
    """The (amount, unit) a stored duration is shown as in the form."""
    if seconds is None:
        return "", "seconds"
    for unit in ("hours", "minutes"):
        size = DURATION_UNITS[unit]
        if seconds >= size and seconds % size == 0:
            return str(seconds // size), unit
    return str(seconds), "seconds"


def describe_intensity(intensity: int | None) -> str:
    return f"intensity {NOT_NOTED}" if intensity is None else f"intensity {intensity}"


@cache  # few distinct durations, many entries
def describe_duration(seconds: int | None) -> str:
    if seconds is None:
        return NOT_NOTED
    amount, unit = duration_for_form(seconds)
    return f"{amount} {unit[:-1] if amount == '1' else unit}"
