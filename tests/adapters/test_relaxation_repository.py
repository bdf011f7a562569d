import datetime as dt

from pwa.adapters.relaxation_repository import TinyDBRelaxationRepository
from pwa.adapters.storage import FileDataStore
from pwa.core.breathing import make_pattern
from pwa.core.relaxation_log import SessionRecord


def test_patterns_and_sessions_survive_a_restart(tmp_path):
    path = tmp_path / "db.json"
    repository = TinyDBRelaxationRepository(FileDataStore(path).open().db)
    evening = make_pattern("Evening", [("inhale", 4), ("exhale", 8)])
    morning = make_pattern("morning", [("inhale", 3), ("exhale", 3)])
    repository.save_pattern(evening)
    repository.save_pattern(morning)
    repository.save_pattern(make_pattern("Evening calm", [("inhale", 5), ("exhale", 8)], evening.id))  # an edit
    when = dt.datetime(2026, 11, 23, 22, 0, tzinfo=dt.timezone.utc)
    repository.add_session(SessionRecord(when, "Evening calm", 300))

    reopened = TinyDBRelaxationRepository(FileDataStore(path).open().db)
    assert [p.name for p in reopened.patterns()] == ["Evening calm", "morning"]
    assert reopened.sessions() == [SessionRecord(when, "Evening calm", 300)]
    reopened.delete_pattern(morning.id)
    assert [p.name for p in reopened.patterns()] == ["Evening calm"]


def test_a_damaged_pattern_is_skipped_and_left_untouched(tmp_path):
    db = FileDataStore(tmp_path / "db.json").open().db
    db.table("breathing_patterns").insert({"id": "custom-x", "name": "", "phases": [["inhale", 99]]})
    repository = TinyDBRelaxationRepository(db)
    assert repository.patterns() == ()
    assert len(db.table("breathing_patterns")) == 1
