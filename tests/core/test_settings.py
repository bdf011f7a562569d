import pytest

from pwa.core.episodes import Location
from pwa.core.settings import AppSettings, MotionChoice, ThemeChoice


def test_defaults_follow_the_system_theme():
    assert AppSettings().theme is ThemeChoice.SYSTEM


def test_round_trip_through_a_dict():
    settings = AppSettings().with_changes(theme=ThemeChoice.DARK, last_chapter_id="symptoms", motion=MotionChoice.REDUCE)
    assert AppSettings.from_dict(settings.to_dict()) == settings


def test_unknown_or_missing_values_fall_back_to_defaults():
    assert AppSettings.from_dict({"theme": "sepia"}).theme is ThemeChoice.SYSTEM
    assert AppSettings.from_dict(None) == AppSettings()
    assert AppSettings.from_dict({"other": 1}) == AppSettings()


def test_wrongly_typed_values_fall_back_to_defaults():
    stored = {"sound_cues": "yes", "reduced_motion": 1, "motion": 2, "breathing_pattern_id": 5}
    assert AppSettings.from_dict(stored) == AppSettings()


def test_a_session_starts_with_the_lead_in_and_without_a_voice_until_the_person_chooses():
    settings = AppSettings()
    assert settings.lead_in is True and settings.spoken_cues is False
    changed = settings.with_changes(lead_in=False, spoken_cues=True)
    assert AppSettings.from_dict(changed.to_dict()) == changed


def test_session_lengths_are_remembered_per_pattern():
    settings = AppSettings()
    settings = settings.with_changes(session_minutes=settings.session_minutes_with("box", 10))
    settings = settings.with_changes(session_minutes=settings.session_minutes_with("resonance", 0))
    assert settings.minutes_for("box") == 10
    assert settings.minutes_for("resonance") == 0  # until I stop
    assert settings.minutes_for("cyclic-sigh") is None  # its own default
    assert AppSettings.from_dict(settings.to_dict()) == settings
    assert AppSettings().minutes_for("box") is None  # the default settings share no dict
    assert settings.session_minutes_with("box", None) == {"resonance": 0}  # back to its default
    assert settings.session_minutes_with("box", 3) == {"box": 3, "resonance": 0}


@pytest.mark.parametrize(
    "stored, kept",
    [
        ({"box": 1, "resonance": 10, "sigh": 0}, {"box": 1, "resonance": 10, "sigh": 0}),
        ({"box": 2}, {}),  # not a length anyone could choose
        ({"box": 11}, {}),
        ({"box": -1}, {}),
        ({"box": True}, {}),
        ({"box": "5"}, {}),
        ({"box": 5.0}, {}),
        ({5: 5}, {}),
        ([["box", 5]], {}),
        ("box", {}),
    ],
)
def test_stored_session_lengths_keep_only_real_choices(stored, kept):
    assert dict(AppSettings.from_dict({"session_minutes": stored}).session_minutes) == kept


FULL = {
    "theme": "dark",
    "last_chapter_id": "symptoms",
    "breathing_pattern_id": "box",
    "sound_cues": False,
    "vibration_cues": False,
    "motion": "full",
    "pmr_groups": 16,
    "pmr_tense_seconds": 4,
    "pmr_release_seconds": 20,
    "gentle_note_day": "2026-11-23",
    "lead_in": False,
    "spoken_cues": True,
    "session_minutes": {"box": 10},
    "quick_pinned": [{"region": "tongue", "side": None, "other_text": None}, {"region": "other", "side": None, "other_text": "big toe"}],
    "quick_removed": [{"region": "calf", "side": "left", "other_text": None}],
}


def test_the_stored_form_names_every_setting():
    settings = AppSettings.from_dict(FULL)
    assert settings == AppSettings(
        theme=ThemeChoice.DARK,
        last_chapter_id="symptoms",
        breathing_pattern_id="box",
        sound_cues=False,
        vibration_cues=False,
        motion=MotionChoice.FULL,
        pmr_groups=16,
        pmr_tense_seconds=4,
        pmr_release_seconds=20,
        gentle_note_day="2026-11-23",
        lead_in=False,
        spoken_cues=True,
        session_minutes={"box": 10},
        quick_pinned=(Location("tongue"), Location("other", None, "big toe")),
        quick_removed=(Location("calf", "left"),),
    )
    assert settings.to_dict() == FULL


def test_a_missing_theme_follows_the_system():
    assert AppSettings.from_dict({"last_chapter_id": "x"}).theme is ThemeChoice.SYSTEM


@pytest.mark.parametrize(
    "key, value, kept",
    [
        ("pmr_groups", 4, True), ("pmr_groups", 16, True), ("pmr_groups", 3, False), ("pmr_groups", 17, False),
        ("pmr_tense_seconds", 3, True), ("pmr_tense_seconds", 10, True),
        ("pmr_tense_seconds", 2, False), ("pmr_tense_seconds", 11, False),
        ("pmr_release_seconds", 15, True), ("pmr_release_seconds", 60, True),
        ("pmr_release_seconds", 14, False), ("pmr_release_seconds", 61, False),
        ("pmr_groups", True, False), ("pmr_groups", 7.0, False), ("pmr_groups", "7", False),
    ],
)  # fmt: skip
def test_stored_numbers_are_kept_only_inside_their_range(key, value, kept):
    settings = AppSettings.from_dict({key: value})
    assert getattr(settings, key) == (value if kept else getattr(AppSettings(), key))


@pytest.mark.parametrize("key", ["last_chapter_id", "breathing_pattern_id", "gentle_note_day"])
def test_stored_text_is_kept_and_anything_else_is_not(key):
    assert getattr(AppSettings.from_dict({key: "abc"}), key) == "abc"
    assert getattr(AppSettings.from_dict({key: 3}), key) is None


@pytest.mark.parametrize("key, default", [("sound_cues", True), ("vibration_cues", True), ("lead_in", True), ("spoken_cues", False)])
def test_stored_switches_are_kept_and_anything_else_is_the_default(key, default):
    assert getattr(AppSettings.from_dict({key: not default}), key) is (not default)
    assert getattr(AppSettings.from_dict({key: "yes"}), key) is default
    assert getattr(AppSettings.from_dict({key: 1}), key) is default


def test_stored_quick_places_keep_only_real_places():
    stored = {"quick_pinned": [{"region": "calf"}, {"region": "jaw"}], "quick_removed": "calf"}
    settings = AppSettings.from_dict(stored)
    assert settings.quick_pinned == (Location("jaw"),) and settings.quick_removed == ()


@pytest.mark.parametrize(
    ("motion", "device", "reduced"),
    [
        (MotionChoice.DEVICE, False, False), (MotionChoice.DEVICE, True, True),
        (MotionChoice.REDUCE, False, True), (MotionChoice.REDUCE, True, True),
        (MotionChoice.FULL, False, False), (MotionChoice.FULL, True, False),
    ],
)  # fmt: skip
def test_motion_follows_the_device_until_the_person_chooses(motion, device, reduced):
    assert AppSettings(motion=motion).reduces_motion(device) is reduced


def test_motion_follows_the_device_by_default():
    assert AppSettings().motion is MotionChoice.DEVICE
    assert AppSettings.from_dict({}).motion is MotionChoice.DEVICE


@pytest.mark.parametrize(
    ("stored", "motion"),
    [
        ({"motion": "reduce"}, MotionChoice.REDUCE), ({"motion": "full"}, MotionChoice.FULL), ({"motion": "device"}, MotionChoice.DEVICE),
        ({"motion": "slow"}, MotionChoice.DEVICE), ({"motion": None}, MotionChoice.DEVICE),
        ({"reduced_motion": True}, MotionChoice.REDUCE),  # the old switch, turned on
        ({"reduced_motion": False}, MotionChoice.DEVICE),  # the old switch's default: not surely chosen
        ({"reduced_motion": 1}, MotionChoice.DEVICE),
        ({"motion": "full", "reduced_motion": True}, MotionChoice.FULL),  # the new choice wins
    ],
)  # fmt: skip
def test_stored_motion_choices_and_the_old_switch(stored, motion):
    assert AppSettings.from_dict(stored).motion is motion
