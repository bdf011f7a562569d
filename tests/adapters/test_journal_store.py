"""The symptom log's storage: durable, crash-safe, and never overwriting what it cannot read."""

import json
import os
import random
import signal
import subprocess
import sys
import time
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


def test_a_damaged_line_in_the_middle_keeps_what_came_before_and_the_file(tmp_path):
    path = tmp_path / "log.json"
    store = JournalStore(path)
    store.put("episodes", "a", {"v": 1})
    journal = store.journal
    with open(journal, "ab") as handle:
        handle.write(b"garbage\n" + json.dumps({"op": "put", "table": "episodes", "id": "c", "doc": {}}).encode() + b"\n")
    damaged = journal.read_bytes()
    reopened = JournalStore(path)
    assert ids(reopened) == ["a"]
    assert "could not be read" in reopened.notice
    kept = [p for p in tmp_path.iterdir() if ".journal.damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


@pytest.mark.parametrize("content", [b"{not json", b"\x00\xff", b"[]", b'{"episodes": 3}'])
def test_an_unreadable_snapshot_is_moved_aside_and_the_backup_used(tmp_path, content):
    path = tmp_path / "log.json"
    store = JournalStore(path, compact_after=1)
    store.put("episodes", "a", {"v": 1})  # snapshot with a
    store.put("episodes", "b", {"v": 2})  # snapshot with a, b; backup with a
    path.write_bytes(content)
    reopened = JournalStore(path)
    assert ids(reopened) == ["a"]
    assert "last good copy" in reopened.notice
    aside = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert str(aside[0]) in reopened.notice


def test_with_no_backup_an_unreadable_log_is_kept_and_a_new_one_started(tmp_path):
    path = tmp_path / "log.json"
    path.write_bytes(b"")  # an empty file is simply an empty log
    assert JournalStore(path).notice is None
    path.write_bytes(b'{"episodes": {"1": {"id": "x"')  # half-written
    store = JournalStore(path)
    assert ids(store) == [] and "new, empty log" in store.notice
    store.put("episodes", "new", {})
    assert [p for p in tmp_path.iterdir() if ".unreadable-" in p.name][0].read_bytes().startswith(b'{"episodes"')


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
store = JournalStore(Path(sys.argv[1]), compact_after=int(sys.argv[2]))
n = int(sys.argv[3])
while True:
    store.put("episodes", f"e{n}", {"note": "x" * (n % 50), "n": n})
    print(n, flush=True)  # acknowledged: the change is durable
    n += 1
"""


def test_a_process_killed_at_random_moments_never_loses_an_acknowledged_entry(tmp_path):
    """SIGKILL during a stream of writes and folds, 25 times: the log always opens, complete."""
    path = tmp_path / "log.json"
    rng = random.Random(7)
    acknowledged: set[str] = set()
    next_n = 0
    for _ in range(25):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(rng.choice([5, 17, 50])), str(next_n)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.15, 0.6))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        numbers = [int(line) for line in out.split()]
        acknowledged |= {f"e{n}" for n in numbers}
        next_n = (max(numbers) + 1) if numbers else next_n
        store = JournalStore(path)
        assert store.notice is None, store.notice
        present = set(ids(store))
        assert acknowledged <= present
    assert len(acknowledged) > 100
