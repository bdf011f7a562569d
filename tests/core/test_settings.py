from pwa.core.settings import AppSettings, ThemeChoice


def test_defaults_follow_the_system_theme():
    assert AppSettings().theme is ThemeChoice.SYSTEM


def test_round_trip_through_a_dict():
    settings = AppSettings().with_theme(ThemeChoice.DARK)
    assert AppSettings.from_dict(settings.to_dict()) == settings


def test_unknown_or_missing_values_fall_back_to_defaults():
    assert AppSettings.from_dict({"theme": "sepia"}).theme is ThemeChoice.SYSTEM
    assert AppSettings.from_dict(None) == AppSettings()
    assert AppSettings.from_dict({"other": 1}) == AppSettings()
