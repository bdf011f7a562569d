"""Records the spoken cues in `assets/voice/` with an offline voice: `python -m pwa.tools.make_voice`.

Uses espeak-ng (Debian: `apt-get install espeak-ng`), a libre text-to-speech engine that runs
without a network. Each phrase is spoken slowly by a soft British English voice, then trimmed
of silence, given gentle fades and brought to a calm, even loudness, as 16-bit mono WAV like the
tones. The files are committed, so the app and its tests never need espeak-ng; run this again
only to change a phrase.
"""

from __future__ import annotations

import array
import io
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

from pwa.adapters.paths import ASSETS_DIR

VOICE_DIR = ASSETS_DIR / "voice"
# cue name (pwa.adapters.cues.VOICE_NAMES) -> what the voice says
PHRASES = {
    "get_ready": "Get ready.",
    "inhale": "Breathe in.",
    "top_up": "A little more.",
    "hold": "Hold.",
    "exhale": "Breathe out.",
    "rest": "Rest.",
    "tense": "Tense.",
    "release": "And release.",
    "finish": "Well done.",
}
VOICE = "en-gb+f3"  # a softer variant of the British English voice
WORDS_PER_MINUTE = 125  # slow and calm (espeak-ng's default is 175)
PITCH = 38  # 0-99, a little lower than the default 50
PEAK = 0.45  # of full scale: as quiet as the tones
SILENCE = 0.02  # below this (of full scale) a sample counts as silence when trimming
FADE_SECONDS = 0.03


def espeak_command(text: str, output: Path, executable: str = "espeak-ng") -> list[str]:
    return [executable, "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-p", str(PITCH), "-w", str(output), text]


def shape(samples: array.array, rate: int) -> array.array:
    """Trim silence at both ends, scale the loudest sample to PEAK and fade in and out."""
    threshold = SILENCE * 32767
    loud = [i for i, s in enumerate(samples) if abs(s) > threshold]
    if not loud:
        raise ValueError("the recording is silent")
    pad = int(rate * 0.01)
    trimmed = samples[max(loud[0] - pad, 0) : loud[-1] + pad + 1]
    gain = PEAK * 32767 / max(abs(s) for s in trimmed)
    fade = max(1, min(int(rate * FADE_SECONDS), len(trimmed) // 4))
    shaped = array.array("h")
    for i, sample in enumerate(trimmed):
        edge = min(i, len(trimmed) - 1 - i)
        envelope = 0.5 - 0.5 * math.cos(math.pi * edge / fade) if edge < fade else 1.0
        shaped.append(max(-32767, min(32767, round(sample * gain * envelope))))
    return shaped


def read_wav(data: bytes) -> tuple[array.array, int]:
    with wave.open(io.BytesIO(data)) as source:
        if source.getsampwidth() != 2 or source.getnchannels() != 1:
            raise ValueError("expected 16-bit mono audio")
        samples = array.array("h", source.readframes(source.getnframes()))
        if sys.byteorder == "big":
            samples.byteswap()
        return samples, source.getframerate()


def write_wav(samples: array.array, rate: int) -> bytes:
    out = array.array("h", samples)
    if sys.byteorder == "big":
        out.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(rate)
        target.writeframes(out.tobytes())
    return buffer.getvalue()


def record(text: str, executable: str = "espeak-ng") -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "raw.wav"
        subprocess.run(espeak_command(text, raw, executable), check=True, capture_output=True)
        samples, rate = read_wav(raw.read_bytes())
    return write_wav(shape(samples, rate), rate)


def main() -> None:
    executable = shutil.which("espeak-ng")
    if executable is None:
        sys.exit("espeak-ng is not installed: apt-get install espeak-ng")
    VOICE_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in PHRASES.items():
        data = record(text, executable)
        (VOICE_DIR / f"{name}.wav").write_bytes(data)
        print(f"{name}.wav  {len(data) // 1024} KB  {text!r}")


if __name__ == "__main__":
    main()
