import datetime as dt

from pwa.adapters.episode_repository import EPISODES, EpisodeFilter, JournalEpisodeRepository
from pwa.adapters.journal_store import JournalStore
from pwa.core.episodes import EpisodeType, validate_check_in, validate_episode
from tests.factories import make_episode

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 23, 21, 0, tzinfo=UTC)


def episode(day: int, region="calf", side="left", type_="twitch", triggers=(), note="", hour=12):
    started_at = dt.datetime(2026, 11, day, hour, tzinfo=UTC).isoformat()
    return make_episode(started_at, region=region, side=side, now=NOW, type=type_, triggers=list(triggers), note=note)


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
    later = episode(12)
    repo.save(later)  # a single save after the batch takes a new place, it overwrites nothing
    assert len(repository(path)) == 12 and len(repo) == 12


def test_ids_cover_every_stored_entry_even_one_that_cannot_be_read(tmp_path):
    store = JournalStore(tmp_path / "log.json")
    store.put(EPISODES, "damaged", {"started_at": "2026-11-01T10:00:00+00:00", "locations": [], "intensity": 99, "type": "twitch"})
    repository = JournalEpisodeRepository(store)
    assert repository.find() == [] and repository.ids() == {"damaged"}


def test_many_sessions_saving_at_once_lose_nothing(tmp_path):
    """The server shares one repository between browser sessions, whose handlers run on a thread pool."""
    import threading

    path = tmp_path / "log.json"
    repository = JournalEpisodeRepository(JournalStore(path, compact_after=25))  # folds happen mid-stream
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def session(n: int) -> None:
        start.wait()
        try:
            for i in range(40):
                saved = validate_episode({"locations": [{"region": "calf", "side": "left"}], "note": f"{n}-{i}",
                                          "started_at": f"2026-11-{1 + (i % 20):02d}T10:{n:02d}:00+00:00"}, NOW)
                repository.save(saved)
                if i % 5 == 0:
                    repository.save(validate_episode({**saved.to_dict(), "intensity": 7}, NOW))  # an edit
                if i % 10 == 9:
                    repository.delete(saved.id)
                repository.save_check_in(validate_check_in({"day": f"2026-10-{1 + n:02d}", "stress": i % 10}))
                repository.find(limit=20)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    import sys

    threads = [threading.Thread(target=session, args=(n,)) for n in range(8)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so races show every time
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    expected = 8 * (40 - 4)
    assert len(repository) == expected
    assert len(repository.find()) == expected
    reopened = JournalEpisodeRepository(JournalStore(path))
    assert reopened.notice is None
    assert {e.note for e in reopened.find()} == {e.note for e in repository.find()}
    assert len(reopened.find()) == expected and len(reopened.check_ins()) == 8
    assert sorted(reopened.find(), key=lambda e: e.id) == sorted(repository.find(), key=lambda e: e.id)


def test_filtered_searches_stay_exact_through_saves_edits_deletes_and_imports(tmp_path):
    """The field index a filter uses is kept in step with every change: it answers as a full scan would."""
    import random

    rng = random.Random(3)
    repo = repository(tmp_path / "log.json")
    regions = [("calf", "left"), ("jaw", None), ("eyelid", "right"), ("all over", None)]
    filters = [
        EpisodeFilter(region="calf"), EpisodeFilter(region="jaw", trigger="stress"), EpisodeFilter(type=EpisodeType.CRAMP),
        EpisodeFilter(text="WALK"), EpisodeFilter(text="walk", region="eyelid"), EpisodeFilter(trigger="caffeine"),
        EpisodeFilter(region="tongue"), EpisodeFilter(text="nothing like this"),
        EpisodeFilter(start=dt.datetime(2026, 11, 5, tzinfo=UTC), end=dt.datetime(2026, 11, 15, tzinfo=UTC), region="calf"),
    ]  # fmt: skip

    def random_episode(**fixed):
        region, side = rng.choice(regions)
        fields = dict(
            region=region, side=side, type_=rng.choice(["twitch", "cramp"]), triggers=rng.sample(["stress", "caffeine"], rng.randrange(3)),
            note=rng.choice(["", "after a walk", "Walked far"]), day=rng.randrange(1, 21), hour=rng.randrange(24),
        )
        return episode(**{**fields, **fixed})

    def brute(where):
        every = repo.find()
        return [e for e in every if where.matches(e) and (where.start is None or e.started_at >= where.start) and (where.end is None or e.started_at < where.end)]

    for e in [random_episode() for _ in range(30)]:
        repo.save(e)
    assert repo.find(EpisodeFilter(region="calf")) == brute(EpisodeFilter(region="calf"))  # builds the index
    for step in range(120):
        kept = repo.find()
        action = rng.choice(["save", "edit", "delete", "import"])
        if action == "save" or not kept:
            repo.save(random_episode())
        elif action == "edit":
            target = rng.choice(kept)
            changed = random_episode()
            repo.save(validate_episode({**changed.to_dict(), "id": target.id}, NOW))
        elif action == "delete":
            repo.delete(rng.choice(kept).id)
        else:
            repo.save_many([random_episode() for _ in range(3)] + [validate_episode({**random_episode().to_dict(), "id": rng.choice(kept).id}, NOW)])
        for where in filters:
            assert repo.find(where) == brute(where), (step, action, where)
            assert repo.find(where, limit=2) == brute(where)[:2]


def test_the_index_of_a_whole_log_equals_one_built_entry_by_entry_even_for_odd_entries():
    from pwa.adapters.episode_repository import _FieldIndex

    documents = {
        "a": {"locations": [{"region": "calf", "side": "left"}], "type": "twitch", "triggers": ["stress"], "note": "Walk"},
        "b": {"locations": [{"region": "jaw"}, {"region": "calf"}], "type": "cramp", "triggers": [], "note": ""},
        "c": {"locations": "calf", "type": "twitch", "triggers": ["stress", 5], "note": 7},  # damaged in several ways
        "d": {"locations": [{"region": "neck"}], "triggers": None},  # no type
        "e": {"locations": [{"side": "left"}, {"region": "back"}], "type": "twitch", "note": "back"},
    }
    whole = _FieldIndex.of(documents)
    one_by_one = _FieldIndex({}, {}, {}, {})
    for item_id, document in documents.items():
        one_by_one.add(item_id, document)
    clean = lambda index: {k: {v: ids for v, ids in getattr(index, k).items() if ids} for k in ("by_region", "by_type", "by_trigger")}  # noqa: E731
    assert clean(whole) == clean(one_by_one) and whole.notes == one_by_one.notes
    assert whole.by_region["calf"] == {"a", "b"} and whole.by_trigger["stress"] == {"a", "c"} and whole.notes == {"a": "walk", "e": "back"}


def test_changes_made_while_the_index_is_built_are_in_it(tmp_path, monkeypatch):
    import threading

    from pwa.adapters import episode_repository

    repo = repository(tmp_path / "log.json")
    kept, gone = episode(1, region="jaw", side=None), episode(2, region="jaw", side=None)
    repo.save(kept)
    repo.save(gone)
    building, go = threading.Event(), threading.Event()
    real = episode_repository._FieldIndex.of

    def slow(documents):
        building.set()
        assert go.wait(10)
        return real(documents)

    monkeypatch.setattr(episode_repository._FieldIndex, "of", staticmethod(slow))
    builder = threading.Thread(target=repo.build_index)
    builder.start()
    assert building.wait(10)
    added = episode(3, region="jaw", side=None)
    repo.save(added)  # not blocked by the build
    repo.delete(gone.id)
    repo.save(validate_episode({**kept.to_dict(), "locations": [{"region": "neck"}]}, NOW))
    go.set()
    builder.join(10)
    assert [e.id for e in repo.find(EpisodeFilter(region="jaw"))] == [added.id]
    assert [e.id for e in repo.find(EpisodeFilter(region="neck"))] == [kept.id]
