import datetime as dt

from pwa.adapters.episode_repository import EPISODES, EpisodeFilter, JournalEpisodeRepository
from pwa.adapters.journal_store import JournalStore
from pwa.core.episodes import EpisodeType, validate_check_in, validate_episode

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 23, 21, 0, tzinfo=UTC)


def episode(day: int, region="calf", side="left", type_="twitch", triggers=(), note="", hour=12):
    return validate_episode(
        {
            "started_at": dt.datetime(2026, 11, day, hour, tzinfo=UTC).isoformat(),
            "locations": [{"region": region, "side": side}],
            "type": type_,
            "triggers": list(triggers),
            "note": note,
        },
        NOW,
    )


def repository(path):
    return JournalEpisodeRepository(JournalStore(path))


def test_entries_are_saved_edited_deleted_and_survive_a_restart(tmp_path):
    path = tmp_path / "log.json"
    repo = repository(path)
    first, second = episode(1), episode(2, region="eyelid", side="right")
    repo.save(first)
    repo.save(second)
    edited = validate_episode({**first.to_dict(), "intensity": 8, "started_at": "2026-11-03T09:00:00+00:00"}, NOW)
    repo.save(edited)
    assert [e.id for e in repo.find()] == [edited.id, second.id]  # newest first, moved by the edit
    repo.delete(second.id)
    reopened = repository(path)
    assert reopened.find() == [edited] and reopened.get(edited.id).intensity == 8 and len(reopened) == 1


def test_find_a_month_and_filter_by_place_type_trigger_and_note(tmp_path):
    repo = repository(tmp_path / "log.json")
    repo.save(episode(1, note="After the long run"))
    repo.save(episode(5, type_="cramp", triggers=["exercise"]))
    repo.save(episode(9, region="eyelid", side="right", triggers=["poor sleep"]))
    october = validate_episode({"started_at": "2026-10-30T10:00:00+00:00", "locations": [{"region": "neck"}]}, NOW)
    repo.save(october)
    november = EpisodeFilter(start=dt.datetime(2026, 11, 1, tzinfo=UTC), end=dt.datetime(2026, 12, 1, tzinfo=UTC))
    assert [e.started_at.day for e in repo.find(november)] == [9, 5, 1]
    assert [e.started_at.day for e in repo.find(EpisodeFilter(region="calf"))] == [5, 1]
    assert [e.started_at.day for e in repo.find(EpisodeFilter(type=EpisodeType.CRAMP))] == [5]
    assert [e.started_at.day for e in repo.find(EpisodeFilter(trigger="poor sleep"))] == [9]
    assert [e.started_at.day for e in repo.find(EpisodeFilter(text="LONG RUN"))] == [1]
    assert len(repo.find(limit=2)) == 2


def test_check_ins_are_kept_one_per_day(tmp_path):
    path = tmp_path / "log.json"
    repo = repository(path)
    repo.save_check_in(validate_check_in({"day": "2026-11-22", "sleep_hours": 5}))
    repo.save_check_in(validate_check_in({"day": "2026-11-22", "sleep_hours": 7.5}))
    repo.save_check_in(validate_check_in({"day": "2026-11-21", "stress": 6}))
    assert [(c.day.day, c.sleep_hours) for c in repository(path).check_ins()] == [(21, None), (22, 7.5)]


def test_an_unreadable_saved_entry_is_skipped_said_and_left_in_the_file(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    store.put(EPISODES, "bad", {"started_at": "not a time", "locations": []})
    repo = JournalEpisodeRepository(JournalStore(path))
    repo.save(episode(3))
    assert len(repo) == 1 and "1 saved entry could not be read" in repo.notice
    assert any(doc["id"] == "bad" for doc in JournalStore(path).table(EPISODES).all())


def test_many_entries_are_saved_in_one_step_alongside_existing_ones(tmp_path):
    path = tmp_path / "log.json"
    repo = repository(path)
    existing = episode(1)
    repo.save(existing)
    edited = validate_episode({**existing.to_dict(), "note": "edited"}, NOW)
    batch = [edited] + [episode(day) for day in range(2, 12)]
    repo.save_many(batch)
    reopened = repository(path)
    assert len(reopened) == 11 and reopened.get(existing.id).note == "edited"
    assert reopened.find()[0].started_at.day == 11


def test_ids_cover_every_stored_entry_even_one_that_cannot_be_read(tmp_path):
    store = JournalStore(tmp_path / "log.json")
    store.put(EPISODES, "damaged", {"started_at": "2026-11-01T10:00:00+00:00", "locations": [], "intensity": 99, "type": "twitch"})
    repository = JournalEpisodeRepository(store)
    assert repository.find() == [] and repository.ids() == {"damaged"}
