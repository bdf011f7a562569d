"""User preferences as a plain value object, tolerant of stored data from other versions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Mapping

from pwa.core.breathing import LENGTH_CHOICES
from pwa.core.episodes import Location
from pwa.core.quick_places import places_from_settings, places_to_settings


class ThemeChoice(str, Enum):
    """Which colour scheme the user wants; SYSTEM follows the device."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class MotionChoice(str, Enum):
    """Moving pacer or a plain progress bar; DEVICE follows the device's "reduce motion" setting."""

    DEVICE = "device"
    REDUCE = "reduce"
    FULL = "full"


@dataclass(frozen=True)
class AppSettings:
    theme: ThemeChoice = ThemeChoice.SYSTEM
    last_chapter_id: str | None = None  # where the reader left off in the guide
    breathing_pattern_id: str | None = None  # the last pattern used; "Breathe now" starts it
    sound_cues: bool = True
    vibration_cues: bool = True
    motion: MotionChoice = MotionChoice.DEVICE
    pmr_groups: int = 7
    pmr_tense_seconds: int = 6
    pmr_release_seconds: int = 35
    gentle_note_day: str | None = None  # ISO date the note about frequent checking was last shown
    lead_in: bool = True  # a calm "Get ready" 3-2-1 before the first cue of a session
    spoken_cues: bool = False  # a recorded voice says the cue ("Breathe in") instead of a tone
    # The session length each breathing pattern was last given, in minutes (0: until I stop).
    session_minutes: Mapping[str, int] = field(default_factory=dict)
    # One-tap places the person pinned (in their order) or removed from the quick log.
    quick_pinned: tuple[Location, ...] = ()
    quick_removed: tuple[Location, ...] = ()

    def minutes_for(self, pattern_id: str) -> int | None:
        """The length the person chose for this pattern, or None for the pattern's own default."""
        return self.session_minutes.get(pattern_id)

    def session_minutes_with(self, pattern_id: str, minutes: int | None) -> dict[str, int]:
        """The remembered lengths with this pattern's changed (None: back to the pattern's own default)."""
        lengths = {key: value for key, value in self.session_minutes.items() if key != pattern_id}
        return lengths if minutes is None else {**lengths, pattern_id: minutes}

    def reduces_motion(self, device_reduces_motion: bool) -> bool:
        """Whether sessions show the progress bar instead of the moving circle: the person's choice,
        or the device's setting while they have not chosen."""
        if self.motion is MotionChoice.DEVICE:
            return device_reduces_motion
        return self.motion is MotionChoice.REDUCE

    def with_changes(self, **changes: Any) -> AppSettings:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "theme": self.theme.value,
            "last_chapter_id": self.last_chapter_id,
            "breathing_pattern_id": self.breathing_pattern_id,
            "sound_cues": self.sound_cues,
            "vibration_cues": self.vibration_cues,
            "motion": self.motion.value,
            "pmr_groups": self.pmr_groups,
            "pmr_tense_seconds": self.pmr_tense_seconds,
            "pmr_release_seconds": self.pmr_release_seconds,
            "gentle_note_day": self.gentle_note_day,
            "lead_in": self.lead_in,
            "spoken_cues": self.spoken_cues,
            "session_minutes": dict(self.session_minutes),
            "quick_pinned": places_to_settings(self.quick_pinned),
            "quick_removed": places_to_settings(self.quick_removed),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> AppSettings:
        """Build settings from stored data; unknown or missing values fall back to defaults."""
        data = data or {}
        try:
            theme = ThemeChoice(data.get("theme", ThemeChoice.SYSTEM.value))
        except ValueError:
            theme = ThemeChoice.SYSTEM
        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None

        def flag(key: str, default: bool) -> bool:
            value = data.get(key)
            return value if isinstance(value, bool) else default

        def number(key: str, default: int, allowed: range) -> int:
            value = data.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) and value in allowed else default

        return cls(
            theme=theme,
            last_chapter_id=text("last_chapter_id"),
            breathing_pattern_id=text("breathing_pattern_id"),
            sound_cues=flag("sound_cues", True),
            vibration_cues=flag("vibration_cues", True),
            motion=_motion(data),
            pmr_groups=number("pmr_groups", 7, range(4, 17)),
            pmr_tense_seconds=number("pmr_tense_seconds", 6, range(3, 11)),
            pmr_release_seconds=number("pmr_release_seconds", 35, range(15, 61)),
            gentle_note_day=text("gentle_note_day"),
            lead_in=flag("lead_in", True),
            spoken_cues=flag("spoken_cues", False),
            session_minutes=_session_minutes(data.get("session_minutes")),
            quick_pinned=places_from_settings(data.get("quick_pinned")),
            quick_removed=places_from_settings(data.get("quick_removed")),
        )


def _motion(data: Mapping[str, Any]) -> MotionChoice:
    """The stored choice; before "Same as my device" existed a switch was stored, and only its
    "on" was surely chosen (its "off" was also the untouched default), so only that is kept."""
    try:
        return MotionChoice(data.get("motion"))
    except ValueError:
        return MotionChoice.REDUCE if data.get("reduced_motion") is True else MotionChoice.DEVICE


def _session_minutes(value: Any) -> dict[str, int]:
    """Stored lengths, keeping only the ones a person could have chosen."""
    if not isinstance(value, Mapping):
        return {}
    return {
        key: minutes
        for key, minutes in value.items()
        if isinstance(key, str) and isinstance(minutes, int) and not isinstance(minutes, bool) and minutes in LENGTH_CHOICES
    }
