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
