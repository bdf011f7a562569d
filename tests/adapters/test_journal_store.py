"""The symptom log's storage: durable, crash-safe, and never overwriting what it cannot read."""

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pwa.adapters import journal_store
from pwa.adapters.journal_store import JournalStore, ReadOnlyStoreError

PROJECT = Path(__file__).resolve().parents[2]


def ids(store, table="episodes"):
    return sorted(doc["id"] for doc in store.table(table).all())


def test_changes_survive_a_reopen_and_deletes_stick(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    store.put("episodes", "a", {"intensity": 3})
    store.put("episodes", "b", {"intensity": 4})
    store.put("episodes", "a", {"intensity": 5})
    store.delete("episodes", "b")
    reopened = JournalStore(path)
    assert reopened.table("episodes").all() == [{"intensity": 5, "id": "a"}]
    assert reopened.notice is None


def test_compaction_folds_the_journal_into_the_snapshot_and_keeps_a_backup(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path, compact_after=3)
    for n in range(7):
        store.put("episodes", str(n), {"n": n})
    assert path.exists() and store.backup.exists()
    assert len(store.journal.read_bytes().splitlines()) == 1  # the seventh change, after the last fold
    assert ids(JournalStore(path)) == [str(n) for n in range(7)]


def test_replaying_a_journal_onto_a_snapshot_that_already_holds_it_changes_nothing(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    store.put("episodes", "a", {"v": 1})
    store.delete("episodes", "gone")
    journal = store.journal.read_bytes()
    store.compact()
    store.journal.write_bytes(journal)  # as if a crash came between the fold and emptying the journal
    assert JournalStore(path).table("episodes").all() == [{"v": 1, "id": "a"}]


def test_a_torn_last_line_is_a_change_that_was_never_acknowledged(tmp_path):
    path = tmp_path / "log.json"
    JournalStore(path).put("episodes", "a", {"v": 1})
    with open(path.with_name("log.json.journal"), "ab") as journal:
        journal.write(b'{"op":"put","table":"episodes","id":"b","doc":{"v"')
    store = JournalStore(path)
    assert ids(store) == ["a"] and store.notice is None


def test_a_torn_last_line_is_cut_off_before_the_next_save(tmp_path):
    """Without the cut, the next save is glued onto the torn line and both are lost."""
    path = tmp_path / "log.json"
    JournalStore(path).put("episodes", "a", {"v": 1})
    with open(path.with_name("log.json.journal"), "ab") as journal:
        journal.write(b'{"op":"put","table":"episodes","id":"b","doc":{"v"')
    store = JournalStore(path)
    store.put("episodes", "c", {"v": 3})  # acknowledged
    reopened = JournalStore(path)
    assert ids(reopened) == ["a", "c"]
    assert reopened.notice is None


def test_a_whole_last_change_without_its_line_end_is_kept_and_its_line_ended(tmp_path):
    path = tmp_path / "log.json"
    JournalStore(path).put("episodes", "a", {"v": 1})
    with open(path.with_name("log.json.journal"), "ab") as journal:
        journal.write(b'{"op":"put","table":"episodes","id":"b","doc":{"v":2}}')
    store = JournalStore(path)
    store.put("episodes", "c", {"v": 3})
    assert ids(JournalStore(path)) == ["a", "b", "c"]


@pytest.mark.parametrize(
    "damage",
    [
        b"garbage",
        b"\xff\xfe",
        b'{"op":"put","table":"episodes","id":"x"}',  # a put without its document
        b'{"op":"put","table":"episodes","id":7,"doc":{}}',  # an id that is not text
        b'{"op":"drop","table":"episodes","id":"x"}',
        b'{"op":"put","table":"_meta","id":"1","doc":{"schema_version":99}}',
        b"[1, 2]",
        b"[" * 100_000,  # nested too deeply to parse
    ],
)
def test_a_damaged_line_in_the_middle_keeps_the_lines_before_and_after_it(tmp_path, damage):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    store.put("episodes", "a", {"v": 1})
    journal = store.journal
    with open(journal, "ab") as handle:
        handle.write(damage + b"\n" + json.dumps({"op": "put", "table": "episodes", "id": "c", "doc": {}}).encode() + b"\n")
    damaged = journal.read_bytes()
    reopened = JournalStore(path)
    assert ids(reopened) == ["a", "c"]
    assert reopened.notice.startswith("1 recent change to your log could not be read and was skipped")
    kept = [p for p in tmp_path.iterdir() if ".journal.damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert str(kept[0]) in reopened.notice
    # What was read is written back: the next start has nothing to report and loses nothing.
    again = JournalStore(path)
    assert ids(again) == ["a", "c"] and again.notice is None


def test_two_damaged_lines_are_counted(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    with open(store.journal, "ab") as handle:
        handle.write(b"bad\n" + json.dumps({"op": "put", "table": "episodes", "id": "c", "doc": {}}).encode() + b"\nworse\n")
    reopened = JournalStore(path)
    assert ids(reopened) == ["c"]
    assert reopened.notice.startswith("2 recent changes to your log could not be read and were skipped")


UNREADABLE_SNAPSHOTS = {
    "cut short": lambda good: good[: len(good) // 2],
    "garbage": lambda good: b"\x00\xff garbage",
    "wrong shape (a list)": lambda good: b"[]",
    "wrong shape (a table that is a number)": lambda good: b'{"episodes": 3}',
    "empty (0 bytes)": lambda good: b"",
    "only blanks": lambda good: b"  \n",
}


@pytest.mark.parametrize("damage", list(UNREADABLE_SNAPSHOTS))
def test_an_unreadable_log_is_kept_aside_rebuilt_from_backup_and_journal_and_saved_again(tmp_path, damage):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    store.put("episodes", "a", {"v": 1})
    store.compact()  # snapshot: a
    store.put("episodes", "b", {"v": 2})
    store.compact()  # snapshot: a, b; backup: a
    store.put("episodes", "c", {"v": 3})  # in the journal only
    content = UNREADABLE_SNAPSHOTS[damage](path.read_bytes())
    path.write_bytes(content)

    reopened = JournalStore(path)
    assert ids(reopened) == ["a", "c"]  # b was only in the lost snapshot
    assert "rebuilt from the last good copy" in reopened.notice
    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content  # byte for byte
    assert str(aside[0]) in reopened.notice

    # The recovered log was written back: it is still there after the next start, with no notice.
    again = JournalStore(path)
    assert ids(again) == ["a", "c"] and again.notice is None
    assert JournalStore(path.with_name("log.json.bak")).notice is None  # the backup is still a good log


def test_an_empty_log_file_never_replaces_the_backup(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    store.put("episodes", "a", {"v": 1})
    store.compact()
    store.compact()  # backup: a
    path.write_bytes(b"")
    JournalStore(path).compact()
    assert ids(JournalStore(path.with_name("log.json.bak"))) == ["a"]
    assert ids(JournalStore(path)) == ["a"]


def test_with_no_backup_an_unreadable_log_is_kept_and_the_journal_still_counts(tmp_path):
    path = tmp_path / "log.json"
    path.write_bytes(b'{"episodes": {"1": {"id": "x"')  # half-written, no backup
    with open(path.with_name("log.json.journal"), "wb") as journal:
        journal.write(json.dumps({"op": "put", "table": "episodes", "id": "j", "doc": {}}).encode() + b"\n")
    store = JournalStore(path)
    assert ids(store) == ["j"] and "no good copy to rebuild it from" in store.notice
    store.put("episodes", "new", {})
    assert [p for p in tmp_path.iterdir() if ".unreadable-" in p.name][0].read_bytes().startswith(b'{"episodes"')
    assert ids(JournalStore(path)) == ["j", "new"]


def test_entries_of_an_unexpected_shape_are_set_aside_and_the_rest_load(tmp_path):
    path = tmp_path / "log.json"
    path.write_text(json.dumps({
        "_meta": {"1": {"schema_version": 1}},
        "episodes": {
            "1": {"id": "good", "v": 1},
            "2": 5,  # a number
            "3": {"v": "no id"},
            "4": ["a", "list"],
            "x": {"id": "bad-key"},
            "6": {"id": 6},  # an id that is not text
            "7": {"id": "also-good"},
        },
        "check_ins": {"1": None, "2": {"id": "2026-11-01", "sleep_hours": 7}},
    }))
    store = JournalStore(path)
    assert ids(store) == ["also-good", "good"]
    assert ids(store, "check_ins") == ["2026-11-01"]
    assert store.notice.startswith("6 saved entries could not be read, so they were set aside, unchanged, in ")
    side = [p for p in tmp_path.iterdir() if ".unreadable-entries-" in p.name]
    assert len(side) == 1 and str(side[0]) in store.notice
    assert json.loads(side[0].read_text()) == {
        "episodes": {"2": 5, "3": {"v": "no id"}, "4": ["a", "list"], "x": {"id": "bad-key"}, "6": {"id": 6}},
        "check_ins": {"1": None},
    }
    store.put("episodes", "new", {})
    again = JournalStore(path)
    assert ids(again) == ["also-good", "good", "new"] and again.notice is None


def test_a_damaged_schema_marker_does_not_stop_the_log_opening(tmp_path):
    path = tmp_path / "log.json"
    path.write_text(json.dumps({"_meta": {"1": {"schema_version": "one"}}, "episodes": {"1": {"id": "a"}}}))
    assert ids(JournalStore(path)) == ["a"]


def test_leftover_temporary_files_of_interrupted_writes_are_removed_at_start(tmp_path):
    path = tmp_path / "log.json"
    JournalStore(path).put("episodes", "a", {})
    leftovers = [tmp_path / "log.json.k2j3h4.tmp", tmp_path / "log.json.bak.a8s7d6.tmp"]
    unrelated = [tmp_path / "notes.tmp", tmp_path / "other.json.x1.tmp", tmp_path / "log.json.export"]
    for file in leftovers + unrelated:
        file.write_bytes(b"{half")
    store = JournalStore(path)
    assert ids(store) == ["a"] and store.notice is None
    assert not any(p.exists() for p in leftovers)
    assert all(p.exists() for p in unrelated)


def test_an_older_schema_is_migrated_and_saved(tmp_path, monkeypatch):
    path = tmp_path / "log.json"
    path.write_text(json.dumps({"_meta": {"1": {"schema_version": 0}}, "episodes": {"1": {"id": "a", "level": 4}}}))

    def rename_level(data):
        for doc in data["episodes"].values():
            doc["intensity"] = doc.pop("level")
        return data

    monkeypatch.setitem(journal_store.MIGRATIONS, 0, rename_level)
    store = JournalStore(path)
    assert store.table("episodes").all() == [{"id": "a", "intensity": 4}]
    saved = json.loads(path.read_text())
    assert saved["_meta"]["1"]["schema_version"] == 1 and saved["episodes"]["1"]["intensity"] == 4
    assert json.loads(store.backup.read_text())["episodes"]["1"]["level"] == 4  # the old file is kept


def test_a_log_from_a_newer_app_is_shown_but_never_changed(tmp_path):
    path = tmp_path / "log.json"
    original = json.dumps({"_meta": {"1": {"schema_version": 99}}, "episodes": {"1": {"id": "a"}}})
    path.write_text(original)
    store = JournalStore(path)
    assert store.read_only and "newer version" in store.notice and ids(store) == ["a"]
    with pytest.raises(ReadOnlyStoreError):
        store.put("episodes", "b", {})
    assert path.read_text() == original


WRITER = """
import sys
from pathlib import Path
from pwa.adapters.journal_store import JournalStore
store = JournalStore(Path(sys.argv[1]), compact_after=int(sys.argv[2]), fold_in_background=sys.argv[4] == "thread")
n = int(sys.argv[3])
while True:
    store.put("episodes", f"e{n}", {"note": "x" * (n % 50), "n": n})
    print(n, flush=True)  # acknowledged: the change is durable
    n += 1
"""


def test_a_process_killed_at_random_moments_never_loses_an_acknowledged_entry(tmp_path):
    """SIGKILL during a stream of writes and folds (in place or on a thread), 100 times: the log always opens, complete.

    Each child is killed once it has acknowledged a chosen number of entries (1 to 40, so the
    kill lands before, during or after a fold of 5, 17 or 50 entries), not after a chosen time:
    the test does the same work on a fast or a slow machine.
    """
    path = tmp_path / "log.json"
    rng = random.Random(7)
    acknowledged: set[str] = set()
    wanted_in_all = 0
    next_n = 0
    for _ in range(100):
        wanted = rng.randint(1, 40)
        wanted_in_all += wanted
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(rng.choice([5, 17, 50])), str(next_n), rng.choice(["thread", "inline"])],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            text=True,
        )
        lines = [child.stdout.readline() for _ in range(wanted)]  # the child keeps writing meanwhile
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        numbers = [int(line) for line in ("".join(lines) + out).split()]
        assert len(numbers) >= wanted
        acknowledged |= {f"e{n}" for n in numbers}
        next_n = max(numbers) + 1
        store = JournalStore(path)
        assert store.notice is None, store.notice
        present = set(ids(store))
        assert acknowledged <= present
    assert len(acknowledged) >= wanted_in_all >= 100


class SlowSnapshot:
    """Holds the fold thread inside its snapshot write until the test lets it go."""

    def __init__(self, store):
        import threading

        self.inside, self.go = threading.Event(), threading.Event()
        self._write, self.calls = store._snapshot, 0
        store._snapshot = self

    def __call__(self, data):
        self.calls += 1
        if self.calls == 1:
            self.inside.set()
            assert self.go.wait(10)
        self._write(data)


def test_a_fold_on_a_thread_lets_saves_go_on_and_keeps_the_lines_written_meanwhile(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path, compact_after=3, fold_in_background=True)
    slow = SlowSnapshot(store)
    for n in range(3):
        store.put("episodes", f"e{n}", {"n": n})  # the third starts the fold and returns at once
    assert slow.inside.wait(10)
    store.put("episodes", "e3", {"n": 3})  # saved while the fold writes
    store.delete("episodes", "e0")
    assert ids(store) == ["e1", "e2", "e3"]
    slow.go.set()
    store.wait_for_fold()
    journal = [json.loads(line) for line in store.journal.read_bytes().splitlines()]
    assert [(c["op"], c["id"]) for c in journal] == [("put", "e3"), ("del", "e0")]  # only what came after the mark
    snapshot = json.loads(path.read_bytes())["episodes"]
    assert sorted(doc["id"] for doc in snapshot.values()) == ["e0", "e1", "e2"]  # the state at the mark
    assert ids(JournalStore(path)) == ["e1", "e2", "e3"]
    for n in range(4, 6):  # the journal's third line starts the next fold
        store.put("episodes", f"e{n}", {"n": n})
    store.wait_for_fold()
    assert ids(JournalStore(path)) == ["e1", "e2", "e3", "e4", "e5"]


def test_a_fold_overtaken_by_a_newer_snapshot_leaves_the_journal_alone(tmp_path):
    import threading

    path = tmp_path / "log.json"
    store = JournalStore(path, compact_after=2, fold_in_background=True)
    slow = SlowSnapshot(store)
    store.put("episodes", "a", {})
    store.put("episodes", "b", {})  # starts the fold
    assert slow.inside.wait(10)
    store.put("episodes", "c", {})
    importer = threading.Thread(target=store.put_many, args=("episodes", {"d": {}}))
    importer.start()  # an import writes its own snapshot once the fold's is on disk
    slow.go.set()
    importer.join(10)
    store.wait_for_fold()
    assert not importer.is_alive()
    assert store.journal.read_bytes() == b""  # emptied by the import's snapshot, not rewritten by the old fold
    assert ids(JournalStore(path)) == ["a", "b", "c", "d"]


def test_a_fold_the_disk_refuses_loses_nothing_and_is_tried_again_later(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path, compact_after=2, fold_in_background=True)
    real = store._snapshot
    calls = []

    def full(data):
        calls.append(1)
        raise OSError(28, "No space left on device")

    store._snapshot = full
    store.put("episodes", "a", {})
    store.put("episodes", "b", {})
    store.wait_for_fold()
    store.put("episodes", "c", {})  # not yet: the next try waits for two more lines
    store.wait_for_fold()
    assert len(calls) == 1 and not path.exists()
    assert ids(JournalStore(path)) == ["a", "b", "c"]
    store._snapshot = real
    store.put("episodes", "d", {})
    store.wait_for_fold()
    assert json.loads(path.read_bytes())["episodes"] and store.journal.read_bytes() == b""
    assert ids(JournalStore(path)) == ["a", "b", "c", "d"]


def test_the_browser_folds_in_place_as_it_has_no_threads(tmp_path, monkeypatch):
    monkeypatch.setattr(journal_store.sys, "platform", "emscripten")
    store = JournalStore(tmp_path / "log.json", compact_after=2, fold_in_background=True)
    assert store.fold_in_background is False
    store.put("episodes", "a", {})
    store.put("episodes", "b", {})
    assert store.journal.read_bytes() == b"" and store._fold is None
