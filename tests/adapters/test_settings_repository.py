from pwa.adapters.settings_repository import TinyDBSettingsRepository
from pwa.adapters.storage import FileDataStore
from pwa.core.settings import AppSettings, ThemeChoice


def test_settings_are_remembered_across_restarts(tmp_path):
    path = tmp_path / "db.json"
    repository = TinyDBSettingsRepository(FileDataStore(path).open().db)
    assert repository.load() == AppSettings()
    repository.save(AppSettings(theme=ThemeChoice.DARK))
    repository.save(AppSettings(theme=ThemeChoice.LIGHT))

    reopened = TinyDBSettingsRepository(FileDataStore(path).open().db)
    assert reopened.load().theme is ThemeChoice.LIGHT
    assert len(FileDataStore(path).open().db.table("settings")) == 1
