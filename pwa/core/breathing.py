"""Breathing patterns: the presets, user-made patterns and their validation, as timed steps."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any, Mapping

from pwa.core.timed_session import Clock, Step, TimedSession, whole_cycles

MAX_PHASE_SECONDS = 30
MAX_NAME_LENGTH = 40
UNTIL_STOPPED = 0  # a session length meaning "until I stop"
SESSION_MINUTES = (1, 3, 5, 10)  # the lengths a person can choose, besides "until I stop"
LENGTH_CHOICES = (*SESSION_MINUTES, UNTIL_STOPPED)


def length_label(minutes: int) -> str:
    """ "1 minute", "5 minutes", "Until I stop"."""
    if minutes == UNTIL_STOPPED:
        return "Until I stop"
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


class PhaseKind(str, Enum):
    INHALE = "inhale"
    TOP_UP = "top_up"  # the short second breath in of the cyclic sigh
    HOLD_IN = "hold_in"
    EXHALE = "exhale"
    HOLD_OUT = "hold_out"

    @property
    def cue(self) -> str:
        """The word the pacer shows and a screen reader announces."""
        return {
            PhaseKind.INHALE: "Breathe in",
            PhaseKind.TOP_UP: "A little more",
            PhaseKind.HOLD_IN: "Hold",
            PhaseKind.EXHALE: "Breathe out",
            PhaseKind.HOLD_OUT: "Rest",
        }[self]


# How large the pacer shape is at the end of each phase (1.0 is full lungs).
PACER_SCALE = {
    PhaseKind.INHALE: 1.0,
    PhaseKind.TOP_UP: 1.12,
    PhaseKind.HOLD_IN: 1.0,
    PhaseKind.EXHALE: 0.55,
    PhaseKind.HOLD_OUT: 0.55,
}
CUE_SOUNDS = {
    PhaseKind.INHALE: "inhale",
    PhaseKind.TOP_UP: "top_up",
    PhaseKind.HOLD_IN: "hold",
    PhaseKind.EXHALE: "exhale",
    PhaseKind.HOLD_OUT: "rest",
}


def pacer_scale(phases: tuple[Step[PhaseKind], ...], index: int, progress: float) -> float:
    """The pacer's size part-way through phase `index`, growing or shrinking from the previous phase."""
    start = PACER_SCALE[phases[index - 1].what] if len(phases) > 1 else PACER_SCALE[PhaseKind.EXHALE]
    end = PACER_SCALE[phases[index].what]
    return start + (end - start) * progress


@dataclass(frozen=True)
class BreathingPattern:
    id: str
    name: str
    phases: tuple[Step[PhaseKind], ...]
    explanation: str = ""
    default_minutes: float | None = 5.0
    default_cycles: int | None = None  # used instead of minutes for short sets such as 4-7-8
    preset: bool = False

    @property
    def cycle_seconds(self) -> float:
        return sum(p.seconds for p in self.phases)

    @property
    def breaths_per_minute(self) -> float:
        return 60 / self.cycle_seconds if self.cycle_seconds else 0.0

    @property
    def default_length(self) -> str:
        """What a session lasts when the person has not chosen: "5 minutes", "4 breaths"."""
        if self.default_cycles:
            return f"{self.default_cycles} breaths"
        return length_label(int(self.default_minutes or 5))

    def cycles_for(self, minutes: int | None) -> int | None:
        """How many breaths a session of `minutes` has: None (the default length), UNTIL_STOPPED or minutes."""
        if minutes == UNTIL_STOPPED:
            return None
        if minutes is None and self.default_cycles:
            return self.default_cycles
        return whole_cycles(self.phases, 60 * (minutes or self.default_minutes or 5))

    def session(self, clock: Clock, minutes: int | None = None) -> TimedSession[PhaseKind]:
        """A session of this pattern: whole breaths filling the minutes, its default length, or until stopped."""
        return TimedSession(self.phases, self.cycles_for(minutes), clock)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "phases": [[p.what.value, p.seconds] for p in self.phases]}


def _phases(*pairs: tuple[PhaseKind, float]) -> tuple[Step[PhaseKind], ...]:
    return tuple(Step(kind, seconds) for kind, seconds in pairs)


PRESETS: tuple[BreathingPattern, ...] = (
    BreathingPattern(
        id="cyclic-sigh",
        name="Cyclic sigh",
        phases=_phases((PhaseKind.INHALE, 2.5), (PhaseKind.TOP_UP, 1.0), (PhaseKind.EXHALE, 6.5)),
        explanation="Breathe in through the nose, take a short extra sip of air, then let it out slowly.",
        default_minutes=5,
        preset=True,
    ),
    BreathingPattern(
        id="resonance",
        name="Slow resonance breathing",
        phases=_phases((PhaseKind.INHALE, 4.0), (PhaseKind.EXHALE, 6.0)),
        explanation="Six slow breaths a minute, with the breath out a little longer than the breath in.",
        default_minutes=5,
        preset=True,
    ),
    BreathingPattern(
        id="box",
        name="Box breathing",
        phases=_phases((PhaseKind.INHALE, 4), (PhaseKind.HOLD_IN, 4), (PhaseKind.EXHALE, 4), (PhaseKind.HOLD_OUT, 4)),
        explanation="In, hold, out, hold: four even counts of four seconds.",
        default_minutes=4,
        preset=True,
    ),
    BreathingPattern(
        id="4-7-8",
        name="4-7-8 breathing",
        phases=_phases((PhaseKind.INHALE, 4), (PhaseKind.HOLD_IN, 7), (PhaseKind.EXHALE, 8)),
        explanation="In for 4, hold for 7, out for 8. Best in short sets of four breaths.",
        default_minutes=None,
        default_cycles=4,
        preset=True,
    ),
)
DEFAULT_PATTERN_ID = "resonance"


class PatternError(ValueError):
    """A user-made pattern that cannot be used, with every reason in plain words, by field."""

    def __init__(self, by_field: dict[str, str]) -> None:
        super().__init__(" ".join(by_field.values()))
        self.by_field = by_field  # "name", a PhaseKind value, or "pattern" for the whole

    @property
    def problems(self) -> list[str]:
        return list(self.by_field.values())


def make_pattern(name: str, phases: list[tuple[str, Any]], pattern_id: str | None = None) -> BreathingPattern:
    """Validate a user-made pattern: a name, each phase 0-30 s, at least one breath in and one out."""
    problems: dict[str, str] = {}
    name = (name or "").strip()
    if not name:
        problems["name"] = "Give the pattern a name."
    elif len(name) > MAX_NAME_LENGTH:
        problems["name"] = f"Keep the name to {MAX_NAME_LENGTH} characters or fewer."
    steps: list[Step[PhaseKind]] = []
    for kind_value, raw_seconds in phases:
        try:
            kind = PhaseKind(kind_value)
        except ValueError:
            problems["pattern"] = f"'{kind_value}' is not a breathing phase."
            continue
        try:
            seconds = float(str(raw_seconds).strip() or "0")
        except (TypeError, ValueError):
            problems[kind.value] = f"{kind.cue}: enter a number of seconds."
            continue
        if not 0 <= seconds <= MAX_PHASE_SECONDS or seconds != seconds:
            problems[kind.value] = f"{kind.cue}: use between 0 and {MAX_PHASE_SECONDS} seconds."
            continue
        steps.append(Step(kind, seconds))
    kinds = {s.what for s in steps if s.seconds > 0}
    if PhaseKind.INHALE not in kinds:
        problems.setdefault(PhaseKind.INHALE.value, "Include a breath in of at least a moment.")
    if PhaseKind.EXHALE not in kinds:
        problems.setdefault(PhaseKind.EXHALE.value, "Include a breath out of at least a moment.")
    if problems:
        raise PatternError(problems)
    return BreathingPattern(id=pattern_id or f"custom-{uuid.uuid4().hex[:8]}", name=name, phases=tuple(steps))


def pattern_from_dict(data: Any) -> BreathingPattern:
    """A stored or imported pattern; anything of the wrong shape is a PatternError, never another error."""
    if not isinstance(data, Mapping):
        raise PatternError({"pattern": "It is not a breathing pattern."})
    pattern_id, name, phases = data.get("id"), data.get("name", ""), data.get("phases", [])
    if not isinstance(pattern_id, str) or not pattern_id.strip():
        raise PatternError({"pattern": "It has no id."})
    if not isinstance(name, str):
        raise PatternError({"name": "Its name is not text."})
    if not isinstance(phases, list) or not all(isinstance(p, list) and len(p) == 2 for p in phases):
        raise PatternError({"pattern": "Its phases should be pairs of a phase and seconds."})
    if not all(isinstance(kind, str) and isinstance(seconds, (int, float, str)) for kind, seconds in phases):
        raise PatternError({"pattern": "Its phases should be pairs of a phase and seconds."})
    return make_pattern(name, [tuple(p) for p in phases], pattern_id)


def find_pattern(pattern_id: str | None, custom: tuple[BreathingPattern, ...] = ()) -> BreathingPattern:
    """The pattern with this id, or the default preset."""
    for pattern in (*PRESETS, *custom):
        if pattern.id == pattern_id:
            return pattern
    return next(p for p in PRESETS if p.id == DEFAULT_PATTERN_ID)
