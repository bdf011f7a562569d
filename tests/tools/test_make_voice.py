"""The spoken cues: made offline by pwa/tools/make_voice.py (espeak-ng), committed as small WAV files."""

import array
import io
import math
import wave

import pytest

from pwa.adapters.cues import VOICE_NAMES, sound_file
from pwa.adapters.paths import ASSETS_DIR
from pwa.tools.make_voice import PEAK, PHRASES, VOICE_DIR, espeak_command, read_wav, shape, write_wav

RATE = 22050


def test_every_cue_the_app_can_speak_has_a_phrase_and_a_committed_recording():
    assert set(PHRASES) == set(VOICE_NAMES)
    for name in VOICE_NAMES:
        path = ASSETS_DIR / sound_file(name, spoken=True)
        assert path.parent == VOICE_DIR and path.exists(), name


@pytest.mark.parametrize("name", VOICE_NAMES)
def test_each_recording_is_short_quiet_mono_speech(name):
    data = (VOICE_DIR / f"{name}.wav").read_bytes()
    samples, rate = read_wav(data)
    seconds = len(samples) / rate
    assert 0.2 <= seconds <= 2.5, seconds
    peak = max(abs(s) for s in samples) / 32767
    assert PEAK - 0.02 <= peak <= PEAK + 0.001  # as calm as the tones, never a blast
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 200  # fades in and out: no click
    assert len(data) < 64 * 1024


def test_the_command_runs_espeak_offline_to_a_file():
    command = espeak_command("Breathe in.", VOICE_DIR / "x.wav", "/usr/bin/espeak-ng")
    assert command[0] == "/usr/bin/espeak-ng" and command[-1] == "Breathe in."
    assert command[command.index("-w") + 1].endswith("x.wav")
    assert int(command[command.index("-s") + 1]) < 175  # slower than espeak's default


def _tone(seconds: float, amplitude: float, silence: float = 0.2) -> array.array:
    quiet = [0] * int(RATE * silence)
    loud = [round(amplitude * 32767 * math.sin(2 * math.pi * 220 * i / RATE)) for i in range(int(RATE * seconds))]
    return array.array("h", quiet + loud + quiet)


def test_shaping_trims_silence_and_evens_out_loudness():
    shaped = shape(_tone(0.5, 0.9), RATE)
    assert 0.5 <= len(shaped) / RATE <= 0.5 + 0.03  # the 0.2 s silences are gone (10 ms kept each side)
    assert max(abs(s) for s in shaped) / 32767 == pytest.approx(PEAK, abs=0.01)
    quiet = shape(_tone(0.5, 0.1), RATE)
    assert max(abs(s) for s in quiet) / 32767 == pytest.approx(PEAK, abs=0.01)


def test_a_silent_recording_is_refused():
    with pytest.raises(ValueError, match="silent"):
        shape(array.array("h", [0, 10, -10] * 1000), RATE)


def test_wav_round_trip_and_only_16_bit_mono_is_read():
    samples = _tone(0.1, 0.5, silence=0)
    assert read_wav(write_wav(samples, RATE)) == (samples, RATE)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as stereo:
        stereo.setnchannels(2)
        stereo.setsampwidth(2)
        stereo.setframerate(RATE)
        stereo.writeframes(b"\0\0" * 20)
    with pytest.raises(ValueError):
        read_wav(buffer.getvalue())


@pytest.mark.parametrize(
    "name, spoken, path",
    [
        ("inhale", False, "sounds/inhale.wav"),
        ("inhale", True, "voice/inhale.wav"),
        ("tense", False, "sounds/top_up.wav"),  # muscle relaxation borrows the breathing tones
        ("release", False, "sounds/exhale.wav"),
        ("tense", True, "voice/tense.wav"),
        ("get_ready", False, None),  # no tone for the lead-in: silent unless spoken
        ("get_ready", True, "voice/get_ready.wav"),
        ("unknown", True, None),
        ("unknown", False, None),
    ],
)
def test_each_cue_plays_its_tone_or_its_voice(name, spoken, path):
    assert sound_file(name, spoken) == path
