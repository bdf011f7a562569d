"""Cues that work with eyes closed: a soft tone, a vibration pattern, and keeping the screen awake.

`FletCues` plays the tones in `assets/sounds/` through flet-audio, vibrates through Flutter's
haptics (on the web this is `navigator.vibrate`, which Android Chrome honours and iOS Safari
ignores) and holds a wake lock during a session. Every cue is best effort: a device without a
speaker, vibration or wake lock must never interrupt the session. `RecordingCues` is the fake.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

import flet as ft

logger = logging.getLogger(__name__)

SOUND_NAMES = ("inhale", "top_up", "hold", "exhale", "rest", "finish")
# Cues without a tone of their own borrow one; "get_ready" is silent unless spoken.
TONES = {**{name: name for name in SOUND_NAMES}, "tense": "top_up", "release": "exhale"}
# The recorded voice (pwa/tools/make_voice.py) says each cue in words.
VOICE_NAMES = ("get_ready", "inhale", "top_up", "hold", "exhale", "rest", "tense", "release", "finish")
# A distinct vibration per cue: Flutter web maps these to vibrations of different lengths.
HAPTICS = {
    "inhale": "medium_impact",
    "top_up": "selection_click",
    "tense": "selection_click",
    "hold": "light_impact",
    "exhale": "heavy_impact",
    "release": "heavy_impact",
    "rest": "light_impact",
    "finish": "vibrate",
}


class Cues(Protocol):
    def cue(self, name: str) -> None: ...

    def keep_awake(self, awake: bool) -> None: ...


def sound_file(name: str, spoken: bool) -> str | None:
    """The asset played for a cue: the voice saying it, or its tone; None when it has neither."""
    if spoken:
        return f"voice/{name}.wav" if name in VOICE_NAMES else None
    return f"sounds/{TONES[name]}.wav" if name in TONES else None


class FletCues:
    def __init__(self, sound: bool, vibration: bool, spoken: bool = False) -> None:
        import flet_audio

        self.sound, self.vibration, self.spoken = sound, vibration, spoken
        files = {name: path for name in (*VOICE_NAMES, *TONES) if (path := sound_file(name, spoken))} if sound else {}
        players = {path: flet_audio.Audio(src=path) for path in set(files.values())}  # one per file: cues may share a tone
        self._players = {name: players[path] for name, path in files.items()}
        self._haptics = ft.HapticFeedback() if vibration else None
        self._wakelock = ft.Wakelock()
        self._tasks: set[asyncio.Task] = set()

    def _spawn(self, action) -> None:
        task = asyncio.ensure_future(self._best_effort(action))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @staticmethod
    async def _best_effort(action) -> None:
        try:
            await action
        except Exception as error:  # a missing speaker or vibration motor is not an error for the user
            logger.info("cue skipped: %s", error)

    def cue(self, name: str) -> None:
        if name in self._players:
            self._spawn(self._players[name].play())
        if self._haptics is not None and name in HAPTICS:
            self._spawn(getattr(self._haptics, HAPTICS[name])())

    def keep_awake(self, awake: bool) -> None:
        self._spawn(self._wakelock.enable() if awake else self._wakelock.disable())


class RecordingCues:
    """Test fake: remembers every cue and wake-lock change."""

    def __init__(self) -> None:
        self.cues: list[str] = []
        self.awake: list[bool] = []

    def cue(self, name: str) -> None:
        self.cues.append(name)

    def keep_awake(self, awake: bool) -> None:
        self.awake.append(awake)
