import pytest

from pwa.core.settings import AppSettings, ThemeChoice


def test_defaults_follow_the_system_theme():
    assert AppSettings().theme is ThemeChoice.SYSTEM


def test_round_trip_through_a_dict():
    settings = AppSettings().with_changes(theme=ThemeChoice.DARK, last_chapter_id="symptoms", reduced_motion=True)
    assert AppSettings.from_dict(settings.to_dict()) == settings


def test_unknown_or_missing_values_fall_back_to_defaults():
    assert AppSettings.from_dict({"theme": "sepia"}).theme is ThemeChoice.SYSTEM
    assert AppSettings.from_dict(None) == AppSettings()
    assert AppSettings.from_dict({"other": 1}) == AppSettings()


def test_wrongly_typed_values_fall_back_to_defaults():
    stored = {"sound_cues": "yes", "reduced_motion": 1, "breathing_pattern_id": 5}
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
