"""Applying an import: entries, check-ins and breathing patterns are all written, or none of them."""

from __future__ import annotations

import datetime as dt
import errno
import json

import pytest
from tinydb import TinyDB

from pwa.adapters.episode_repository import JournalEpisodeRepository
from pwa.adapters.journal_store import JournalStore
from pwa.adapters.log_transfer import LogRepositories, apply_import, read_import
from pwa.adapters.relaxation_repository import TinyDBRelaxationRepository
from pwa.adapters.settings_repository import TinyDBSettingsRepository
from pwa.adapters.atomic_file import AtomicJSONStorage
from pwa.core.episodes import validate_episode

NOW = dt.datetime(2026, 11, 23, 22, 0, tzinfo=dt.timezone.utc)
BACKUP = {
    "format": "bfs-companion-backup", "version": 1, "exported_at": NOW.isoformat(),
    "episodes": [
        {"id": f"e{n}", "started_at": f"2026-11-{10 + n}T10:00:00+00:00", "locations": [{"region": "neck"}],
         "intensity": 2, "type": "twitch"} for n in range(3)
    ],
    "check_ins": [{"day": "2026-11-12", "sleep_hours": 5}],
    "patterns": [{"id": "custom-eve", "name": "Evening", "phases": [["inhale", 4], ["exhale", 8]]}],
    "settings": {"theme": "dark"},
}


def open_repos(folder):
    log = JournalEpisodeRepository(JournalStore(folder / "log.json"))
    db = TinyDB(folder / "settings.json", storage=AtomicJSONStorage)
    return LogRepositories(log, TinyDBRelaxationRepository(db), TinyDBSettingsRepository(db))


def state(folder):
    repos = open_repos(folder)
    return (
        sorted(e.id for e in repos.episodes.find()),
        [c.day.isoformat() for c in repos.episodes.check_ins()],
        [p.id for p in repos.relaxation.patterns()],
    )


@pytest.fixture
def folder(tmp_path):
    repos = open_repos(tmp_path)
    repos.episodes.save(validate_episode({"id": "mine", "started_at": "2026-11-01T08:00:00+00:00",
                                          "locations": [{"region": "calf", "side": "left"}]}, NOW))
    return tmp_path


def test_a_backup_is_applied_whole(folder):
    repos = open_repos(folder)
    preview = read_import("b.json", json.dumps(BACKUP).encode(), repos, NOW)
    assert apply_import(preview, repos) == "Added 3 entries, 1 day check-in, 1 breathing pattern."
    assert state(folder) == (["e0", "e1", "e2", "mine"], ["2026-11-12"], ["custom-eve"])


@pytest.mark.parametrize("failing", ["log.json", "settings.json"])
def test_a_disk_that_refuses_any_part_leaves_everything_as_it_was(folder, monkeypatch, failing):
    before = state(folder)
    repos = open_repos(folder)
    preview = read_import("b.json", json.dumps(BACKUP).encode(), repos, NOW)
    real = AtomicJSONStorage.write_bytes

    def refuse(self, payload):
        if self.path.name == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, payload)

    monkeypatch.setattr(AtomicJSONStorage, "write_bytes", refuse)
    with pytest.raises(OSError):
        apply_import(preview, repos)
    # What the running app shows is unchanged too, not only the files.
    assert sorted(e.id for e in repos.episodes.find()) == ["mine"]
    assert repos.episodes.check_ins() == [] and repos.relaxation.patterns() == ()
    monkeypatch.setattr(AtomicJSONStorage, "write_bytes", real)
    assert state(folder) == before
    # And the same import works once there is room again.
    assert apply_import(preview, repos).startswith("Added 3 entries")
    assert state(folder) == (["e0", "e1", "e2", "mine"], ["2026-11-12"], ["custom-eve"])


def test_an_import_does_not_replace_existing_check_ins_or_patterns(folder):
    repos = open_repos(folder)
    first = read_import("b.json", json.dumps(BACKUP).encode(), repos, NOW)
    apply_import(first, repos)
    changed = json.loads(json.dumps(BACKUP))
    changed["episodes"] = []
    changed["check_ins"][0]["sleep_hours"] = 9
    changed["patterns"][0]["name"] = "Renamed"
    again = read_import("b.json", json.dumps(changed).encode(), repos, NOW)
    assert apply_import(again, repos) == "Added 0 entries."
    assert repos.episodes.check_ins()[0].sleep_hours == 5
    assert repos.relaxation.patterns()[0].name == "Evening"

