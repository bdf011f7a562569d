import datetime as dt

from pwa.core.relaxation_log import SessionRecord, recent, worth_keeping

WHEN = dt.datetime(2026, 11, 23, 21, 5, tzinfo=dt.timezone.utc)


def test_records_round_trip_and_damaged_ones_are_skipped():
    record = SessionRecord(WHEN, "Box breathing", 241.04)
    assert SessionRecord.from_dict(record.to_dict()) == SessionRecord(WHEN, "Box breathing", 241.0)
    assert SessionRecord.from_dict({"started_at": "yesterday", "exercise": "x", "seconds": 1}) is None
    assert SessionRecord.from_dict({}) is None


def test_minutes_are_told_plainly_and_very_short_sessions_are_not_kept():
    assert SessionRecord(WHEN, "x", 30).minutes_text == "under a minute"
    assert SessionRecord(WHEN, "x", 300).minutes_text == "5 min"
    assert not worth_keeping(5) and worth_keeping(20)


def test_recent_shows_the_newest_first():
    records = [SessionRecord(WHEN + dt.timedelta(hours=h), f"s{h}", 60) for h in range(10)]
    assert [r.exercise for r in recent(records, 3)] == ["s9", "s8", "s7"]


def test_seconds_are_stored_to_a_tenth():
    record = SessionRecord(WHEN, "Box breathing", 40.04)
    assert record.to_dict()["seconds"] == 40.0
    assert SessionRecord(WHEN, "Box breathing", 40.06).to_dict()["seconds"] == 40.1
