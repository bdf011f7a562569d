"""Generates the soft cue tones in `assets/sounds/` (16-bit mono WAV): `python -m pwa.tools.make_tones`.

One tone per breathing phase, each with its own shape so they can be told apart with eyes closed:
breathing in rises, breathing out falls, holding is one low steady note, the extra sip of the
cyclic sigh is a short higher note, and "tense" / "release" for muscle relaxation reuse them.
Gentle attack and release, no harmonics, quiet: cues, not alarms.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path

from pwa.adapters.paths import ASSETS_DIR

RATE = 22050
VOLUME = 0.28  # of full scale

# name: (start Hz, end Hz, seconds)
TONES = {
    "inhale": (330.0, 440.0, 0.6),
    "top_up": (494.0, 523.0, 0.25),
    "hold": (294.0, 294.0, 0.45),
    "exhale": (440.0, 294.0, 0.8),
    "rest": (262.0, 262.0, 0.35),
    "finish": (392.0, 392.0, 1.2),
}
SOUNDS_DIR = ASSETS_DIR / "sounds"


def tone(start_hz: float, end_hz: float, seconds: float) -> bytes:
    """A sine glide with a smooth raised-cosine fade in and out, as WAV bytes."""
    frames = int(RATE * seconds)
    fade = int(RATE * min(0.08, seconds / 3))
    phase, samples = 0.0, bytearray()
    for i in range(frames):
        frequency = start_hz + (end_hz - start_hz) * i / frames
        phase += 2 * math.pi * frequency / RATE
        envelope = 1.0
        if i < fade:
            envelope = 0.5 - 0.5 * math.cos(math.pi * i / fade)
        elif i >= frames - fade:
            envelope = 0.5 - 0.5 * math.cos(math.pi * (frames - i) / fade)
        samples += struct.pack("<h", int(32767 * VOLUME * envelope * math.sin(phase)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(samples))
    return buffer.getvalue()


def main(target: Path = SOUNDS_DIR) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, (start, end, seconds) in TONES.items():
        path = target / f"{name}.wav"
        path.write_bytes(tone(start, end, seconds))
        print(f"wrote {path} ({seconds} s)")


if __name__ == "__main__":
    main()
