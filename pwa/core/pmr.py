"""Progressive muscle relaxation (Bernstein & Borkovec): 16, 7 or 4 muscle groups, tense then release.

Each group is tensed gently (about half effort, never to pain) for a few seconds, then released
for about half a minute while the user notices the difference. Calves and feet are tensed by
pulling the toes up towards the shins, which avoids the cramps that are common with BFS.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from pwa.core.timed_session import Clock, Step, TimedSession

TENSE_RANGE = (3, 10)
RELEASE_RANGE = (15, 60)
DEFAULT_TENSE_SECONDS = 6
DEFAULT_RELEASE_SECONDS = 35
SEQUENCE_SIZES = (16, 7, 4)
DEFAULT_SEQUENCE = 7


class PmrPhase(str, Enum):
    TENSE = "tense"
    RELEASE = "release"


@dataclass(frozen=True)
class MuscleGroup:
    id: str
    name: str
    tense: str  # what to do, in a calm spoken style
    release: str = "Let go all at once. Notice the muscles soften and grow heavy, and how different they feel now."


@dataclass(frozen=True)
class PmrStep:
    group: MuscleGroup
    phase: PmrPhase

    @property
    def instruction(self) -> str:
        return self.group.tense if self.phase is PmrPhase.TENSE else self.group.release


def _group(group_id: str, name: str, tense: str) -> MuscleGroup:
    return MuscleGroup(group_id, name, tense)


_TOES_UP = "pull your toes up towards your shin, gently, without pointing or curling them down"

SIXTEEN = (
    _group("right-hand", "Right hand and forearm", "Make a fist with your right hand, about half as tight as you could."),
    _group("right-upper-arm", "Right upper arm", "Bend your right arm and press the elbow gently down into the chair or bed."),
    _group("left-hand", "Left hand and forearm", "Make a fist with your left hand, about half as tight as you could."),
    _group("left-upper-arm", "Left upper arm", "Bend your left arm and press the elbow gently down into the chair or bed."),
    _group("forehead", "Forehead", "Raise your eyebrows a little, as if surprised."),
    _group("eyes-nose", "Eyes and nose", "Squeeze your eyes gently shut and wrinkle your nose."),
    _group("cheeks-jaw", "Cheeks and jaw", "Press your teeth lightly together and pull the corners of your mouth back."),
    _group("neck", "Neck", "Tuck your chin a little towards your chest, and at the same time gently hold it back."),
    _group("chest-back", "Chest, shoulders and upper back", "Take a breath and draw your shoulder blades together."),
    _group("abdomen", "Belly", "Tighten your belly a little, as if getting ready for a light poke."),
    _group("right-thigh", "Right thigh", "Press your right thigh gently down, tightening the muscles above the knee."),
    _group("right-calf", "Right calf", f"With your right foot, {_TOES_UP}."),
    _group("right-foot", "Right foot", f"With your right foot, {_TOES_UP}, and spread the toes a little."),
    _group("left-thigh", "Left thigh", "Press your left thigh gently down, tightening the muscles above the knee."),
    _group("left-calf", "Left calf", f"With your left foot, {_TOES_UP}."),
    _group("left-foot", "Left foot", f"With your left foot, {_TOES_UP}, and spread the toes a little."),
)
SEVEN = (
    _group("right-arm", "Right arm", "Make a fist with your right hand and bend the arm, pressing the elbow gently down."),
    _group("left-arm", "Left arm", "Make a fist with your left hand and bend the arm, pressing the elbow gently down."),
    _group("face", "Face", "Raise your eyebrows, squeeze your eyes shut and press your teeth lightly together."),
    _group("neck-throat", "Neck and throat", "Tuck your chin a little towards your chest and gently hold it back."),
    _group("trunk", "Chest, shoulders, back and belly", "Draw your shoulder blades together and tighten your belly a little."),
    _group("right-leg", "Right leg", f"Press the right thigh down and {_TOES_UP}."),
    _group("left-leg", "Left leg", f"Press the left thigh down and {_TOES_UP}."),
)
FOUR = (
    _group("arms", "Both arms", "Make two fists and bend both arms, pressing the elbows gently down."),
    _group("head-neck", "Head and neck", "Scrunch your face a little and tuck your chin gently towards your chest."),
    _group("trunk", "Chest, shoulders, back and belly", "Draw your shoulder blades together and tighten your belly a little."),
    _group("legs", "Both legs", f"Press both thighs down and {_TOES_UP}."),
)
SEQUENCES = {16: SIXTEEN, 7: SEVEN, 4: FOUR}


class PmrError(ValueError):
    pass


def clamp_seconds(tense: float, release: float) -> tuple[float, float]:
    """Keep user-chosen times in the ranges that suit the method."""
    return (
        min(max(float(tense), TENSE_RANGE[0]), TENSE_RANGE[1]),
        min(max(float(release), RELEASE_RANGE[0]), RELEASE_RANGE[1]),
    )


def pmr_steps(groups: int, tense_seconds: float, release_seconds: float) -> tuple[Step[PmrStep], ...]:
    if groups not in SEQUENCES:
        raise PmrError(f"choose {', '.join(map(str, SEQUENCE_SIZES))} muscle groups")
    tense_seconds, release_seconds = clamp_seconds(tense_seconds, release_seconds)
    steps: list[Step[PmrStep]] = []
    for group in SEQUENCES[groups]:
        steps.append(Step(PmrStep(group, PmrPhase.TENSE), tense_seconds))
        steps.append(Step(PmrStep(group, PmrPhase.RELEASE), release_seconds))
    return tuple(steps)


def pmr_session(
    clock: Clock,
    groups: int = DEFAULT_SEQUENCE,
    tense_seconds: float = DEFAULT_TENSE_SECONDS,
    release_seconds: float = DEFAULT_RELEASE_SECONDS,
) -> TimedSession[PmrStep]:
    return TimedSession(pmr_steps(groups, tense_seconds, release_seconds), 1, clock)
