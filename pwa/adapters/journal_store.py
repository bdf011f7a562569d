"""Crash-safe storage for the symptom log: a TinyDB snapshot file plus an append-only journal.

TinyDB (in memory) answers queries. Every change is first appended to the journal as one JSON
line and fsynced; only then is it applied in memory and acknowledged. A crash at any moment loses
at most the change being written, which was never acknowledged, and a torn last line is ignored
on the next open. The journal is folded into the snapshot (temporary file, fsync, atomic rename,
the previous snapshot kept as `.bak`) when it grows long and when the store is opened. Changes
are whole-document puts and deletes, so replaying a journal twice gives the same state.

The data lives in memory as TinyDB's own layout ({table: {doc_id: document}}), changed in place
in constant time per change: TinyDB's table API rebuilds the whole table on every change, which
at 100,000 entries costs tens of milliseconds per save. With `fold_in_background` (the server)
a fold writes the snapshot on a thread while saves go on, so no save waits for a 30 MB write;
the journal lines written meanwhile are kept. Where there are no threads (the browser) it folds
in place.

A snapshot that cannot be read is never overwritten: it is moved aside with a timestamp, the last
good backup is used if there is one, and `notice` says plainly what happened and where the file is.
The snapshot records a schema version; older versions are migrated on open, newer ones are opened
read-only.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from pwa.adapters import json_codec
from pwa.adapters.atomic_file import AtomicJSONStorage, UnreadableDatabaseError, remove_leftover_temporary_files

SCHEMA_VERSION = 1
META_TABLE = "_meta"
COMPACT_AFTER = 2000  # journal lines

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# version N -> function turning a version-N document into version N+1
MIGRATIONS: dict[int, Migration] = {}


def _schema_version(data: dict[str, Any]) -> int:
    try:
        version = data.get(META_TABLE, {}).get("1", {}).get("schema_version", SCHEMA_VERSION)
        return version if type(version) is int else SCHEMA_VERSION
    except AttributeError:
        return SCHEMA_VERSION


def _parse_change(line: bytes) -> dict[str, Any] | None:
    """One journal line as a change, or None when it is not one."""
    try:
        change = json_codec.loads(line)
    except (ValueError, RecursionError):
        return None
    if not (
        isinstance(change, dict)
        and change.get("op") in ("put", "del")
        and isinstance(change.get("table"), str)
        and change["table"] != META_TABLE
        and isinstance(change.get("id"), str)
        and (change["op"] == "del" or isinstance(change.get("doc"), dict))
    ):
        return None
    return change


class ReadOnlyStoreError(RuntimeError):
    """The store was opened read-only (a newer app wrote it, or it could not be recovered)."""


@dataclass
class JournalStore:
    path: Path
    on_write: Callable[[], None] | None = None  # e.g. push the browser file system to IndexedDB
    compact_after: int = COMPACT_AFTER
    fold_in_background: bool = False  # needs threads: the server, not the browser
    notice: str | None = field(init=False, default=None)
    read_only: bool = field(init=False, default=False)
    _journal_lines: int = field(init=False, default=0)
    _ids: dict[str, dict[str, int]] = field(init=False, default_factory=dict)  # table -> our id -> doc_id

    def __post_init__(self) -> None:
        # The server shares one store between browser sessions, whose handlers run on a thread
        # pool: every change, fold and read holds this lock.
        self.lock = threading.RLock()
        self.journal = self.path.with_name(self.path.name + ".journal")
        self.backup = self.path.with_name(self.path.name + ".bak")
        self._data: dict[str, dict[str, Any]] = {}
        self._fold: threading.Thread | None = None
        # Snapshot writes, from a fold thread or in place, one at a time. Taken after `lock` (never
        # the other way round), and `_generation` counts finished snapshots so a fold that was
        # overtaken by a newer snapshot leaves the journal alone.
        self._snapshot_lock = threading.Lock()
        self._generation = 0
        self._next_fold_at = self.compact_after
        self.fold_in_background = self.fold_in_background and sys.platform != "emscripten"
        self._open()

    # ---- opening and recovery ------------------------------------------------------------
    def _open(self) -> None:
        with json_codec.paused_gc():
            self._open_data()

    def _open_data(self) -> None:
        notices: list[str] = []
        data, repaired = self._read_snapshot(notices)
        version = _schema_version(data)
        if version > SCHEMA_VERSION:
            self.read_only = True
            notices.append(
                "Your log was saved by a newer version of the app, so this version only shows it "
                f"and will not change it. The file is {self.path}."
            )
        if not self.read_only:
            remove_leftover_temporary_files(self.path)
        migrated = False
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
            migrated = True
        data[META_TABLE] = {"1": {"schema_version": version}}
        if self._index(data, notices):
            repaired = True
        # Replay onto the plain data, then hand it to TinyDB once: each TinyDB change costs a pass
        # over the whole table, which a journal of thousands of lines would pay thousands of times.
        changes, journal_damaged = self._read_journal(notices)
        for entry in changes:
            self._apply_to(data, entry)
        self._journal_lines = len(changes)
        self._data = data
        self.notice = " ".join(notices) or None
        if not self.read_only and (migrated or repaired or journal_damaged or self._journal_lines >= self.compact_after):
            # Whatever was recovered or repaired is written back now, so it is still there next time.
            self.compact()

    def _apply_to(self, data: dict[str, Any], entry: dict[str, Any]) -> None:
        table_name, item_id = entry["table"], entry["id"]
        documents = data.setdefault(table_name, {})
        ids = self._ids.setdefault(table_name, {})
        if entry["op"] == "put":
            if item_id not in ids:
                ids[item_id] = self._next_doc_id.get(table_name, 1)
                self._next_doc_id[table_name] = ids[item_id] + 1
            documents[str(ids[item_id])] = dict(entry["doc"], id=item_id)
        elif item_id in ids:
            documents.pop(str(ids.pop(item_id)), None)

    def _read_snapshot(self, notices: list[str]) -> tuple[dict[str, Any], bool]:
        """The snapshot's data, and whether it had to be recovered (and so must be written back).

        An unreadable snapshot (cut short, garbage, the wrong shape, or empty: this store always
        writes at least its schema version) is moved aside byte for byte; the last good backup is
        used in its place, and the journal is replayed on top of it.
        """
        try:
            return AtomicJSONStorage(self.path, empty_is_unreadable=True).read() or {}, False
        except UnreadableDatabaseError as error:
            aside = self._move_aside(self.path, "unreadable")
            reason = error.__cause__ or error
            try:
                data = AtomicJSONStorage(self.backup, empty_is_unreadable=True).read()
            except UnreadableDatabaseError:
                data = None
            if data is not None:
                notices.append(
                    f"Your log file could not be read ({reason}). It was kept, unchanged, as {aside}. "
                    "Your log was rebuilt from the last good copy and your most recent saves, and saved again; "
                    "entries saved shortly before the last good copy may be missing."
                )
                return data, True
            notices.append(
                f"Your log file could not be read ({reason}). It was kept, unchanged, as {aside}. "
                "There was no good copy to rebuild it from, so your log starts again with only your most recent saves."
            )
            return {}, True

    def _index(self, data: dict[str, Any], notices: list[str]) -> bool:
        """Map each entry's id to its place, in one pass; entries of an unexpected shape (not an object,
        no text id, a bad key) are moved to a side file. True when any were."""
        unreadable: dict[str, dict[str, Any]] = {}
        self._next_doc_id: dict[str, int] = {}
        for table_name, documents in data.items():
            if table_name == META_TABLE:
                continue
            try:  # the usual case, at C speed: every key a number, every entry an object with a text id
                ids = {document["id"]: int(key) for key, document in documents.items()}
                if all(map(str.isdigit, documents)) and set(map(type, ids)) <= {str}:
                    self._ids[table_name] = ids
                    self._next_doc_id[table_name] = max(ids.values(), default=0) + 1
                    continue
            except (KeyError, TypeError, ValueError):
                pass
            ids = {}
            bad: list[str] = []
            top = 0
            for key, document in documents.items():
                if key.isdigit() and isinstance(document, dict) and isinstance(item_id := document.get("id"), str):
                    number = ids[item_id] = int(key)
                    if number > top:
                        top = number
                else:
                    bad.append(key)
            if bad:
                unreadable[table_name] = {key: documents.pop(key) for key in bad}
            self._ids[table_name] = ids
            self._next_doc_id[table_name] = top + 1
        if not unreadable:
            return False
        count = sum(len(v) for v in unreadable.values())
        if self.read_only:
            notices.append(f"{count} saved entr{'y' if count == 1 else 'ies'} could not be read and are not shown.")
            return False
        side = self._free_name(self.path, "unreadable-entries", ".json")
        AtomicJSONStorage(side).write(unreadable)
        notices.append(
            f"{count} saved entr{'y' if count == 1 else 'ies'} could not be read, so "
            f"{'it was' if count == 1 else 'they were'} set aside, unchanged, in {side}. Everything else is here."
        )
        return True

    def _free_name(self, path: Path, reason: str, suffix: str = "") -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        candidate = path.with_name(f"{path.name}.{reason}-{stamp}{suffix}")
        counter = 1
        while candidate.exists():
            candidate = path.with_name(f"{path.name}.{reason}-{stamp}-{counter}{suffix}")
            counter += 1
        return candidate

    def _move_aside(self, path: Path, reason: str) -> Path:
        aside = self._free_name(path, reason)
        os.replace(path, aside)
        return aside

    def _read_journal(self, notices: list[str]) -> tuple[list[dict[str, Any]], bool]:
        """The journal's changes in order, and whether damaged lines were skipped.

        A damaged line is skipped and the lines after it still count; a copy of the damaged journal
        is kept. A torn last line (a save cut short by a crash, so never acknowledged) is cut off
        the file, so the next save starts on a line of its own.
        """
        try:
            raw = self.journal.read_bytes()
        except FileNotFoundError:
            return [], False
        *complete, tail = raw.split(b"\n")
        changes: list[dict[str, Any]] = []
        damaged = 0
        for line in complete:
            if line.strip():
                change = _parse_change(line)
                if change is None:
                    damaged += 1
                else:
                    changes.append(change)
        change = _parse_change(tail) if tail.strip() else None
        if change is not None:  # whole but for its line end: keep it
            changes.append(change)
        if tail.strip() and not self.read_only:
            with open(self.journal, "r+b") as handle:
                if change is not None:
                    handle.seek(0, os.SEEK_END)
                    handle.write(b"\n")  # end its line, so the next save starts on a line of its own
                else:
                    handle.truncate(len(raw) - len(tail))  # cut the torn line off
                handle.flush()
                os.fsync(handle.fileno())
        if damaged and not self.read_only:
            kept = self._free_name(self.journal, "damaged")
            AtomicJSONStorage(kept).write_bytes(raw)
            notices.append(
                f"{damaged} recent change{'s' if damaged != 1 else ''} to your log could not be read and "
                f"{'were' if damaged != 1 else 'was'} skipped; the changes before and after "
                f"{'them' if damaged != 1 else 'it'} were kept. A copy of the damaged file was kept as {kept}."
            )
        return changes, damaged > 0

    # ---- changes -------------------------------------------------------------------------
    def _append(self, entry: dict[str, Any]) -> None:
        with self.lock:
            self._append_locked(entry)

    def _append_locked(self, entry: dict[str, Any]) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(self.notice or "the log is read-only")
        line = json_codec.dumps(entry) + b"\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.journal, "ab") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        if self.on_write is not None:
            self.on_write()
        self._apply_to(self._data, entry)
        self._journal_lines += 1
        if self._journal_lines >= self._next_fold_at:
            if self.fold_in_background:
                self._start_fold()
            else:
                self.compact()

    def put(self, table: str, item_id: str, document: dict[str, Any]) -> None:
        """Insert or replace one document; returns once the change is durable."""
        self._append({"op": "put", "table": table, "id": item_id, "doc": document})

    def delete(self, table: str, item_id: str) -> None:
        self._append({"op": "del", "table": table, "id": item_id})

    def put_many(self, table: str, documents: dict[str, dict[str, Any]]) -> None:
        """Several documents in one durable step (an import): all are written, or, after a crash, none."""
        self.put_batch({table: documents})

    def put_batch(self, changes: dict[str, dict[str, dict[str, Any]]]) -> None:
        """Documents for several tables in one durable step: all are written, or none.

        The change is made on a copy and written as a new snapshot; only once that is on disk does
        the store take it, so a refusing disk (or a crash) leaves both the file and memory as they were.
        """
        with self.lock:
            if not any(changes.values()):
                return
            if self.read_only:
                raise ReadOnlyStoreError(self.notice or "the log is read-only")
            data = self._copy()
            ids = {name: dict(mapping) for name, mapping in self._ids.items()}
            next_doc_ids = dict(self._next_doc_id)
            for table_name, documents in changes.items():
                table, table_ids = data.setdefault(table_name, {}), ids.setdefault(table_name, {})
                next_doc_id = next_doc_ids.get(table_name, 1)
                for item_id, document in documents.items():
                    if item_id not in table_ids:
                        table_ids[item_id] = next_doc_id
                        next_doc_id += 1
                    table[str(table_ids[item_id])] = dict(document, id=item_id)
                next_doc_ids[table_name] = next_doc_id
            self._write_snapshot(data)
            self._data, self._ids, self._next_doc_id = data, ids, next_doc_ids

    def compact(self) -> None:
        """Fold the journal into a new snapshot now, keeping the previous snapshot as the backup."""
        with self.lock:
            if not self.read_only:
                self._write_snapshot(self._data)

    def _write_snapshot(self, data: dict[str, Any]) -> None:
        """Make `data` the snapshot and empty the journal (holding the lock, so no change comes between).

        Each step is atomic and the state stays complete after a crash between any two of them:
        backup written; new snapshot renamed into place (the journal replays onto it harmlessly);
        journal emptied.
        """
        with self._snapshot_lock:
            self._snapshot(data)
            with open(self.journal, "wb") as handle:
                handle.flush()
                os.fsync(handle.fileno())
            self._generation += 1
        self._journal_lines = 0
        self._next_fold_at = self.compact_after
        if self.on_write is not None:
            self.on_write()

    def _snapshot(self, data: dict[str, Any]) -> None:
        if self.path.exists():
            AtomicJSONStorage(self.backup).write_bytes(self.path.read_bytes())
        AtomicJSONStorage(self.path).write_pieces(data)

    # ---- folding on a thread (the server) ---------------------------------------------------
    def _start_fold(self) -> None:
        """Fold what the journal holds now on a thread (holding the lock); saves go on meanwhile."""
        if self._fold is not None:
            return
        data = self._copy()
        mark = self.journal.stat().st_size
        self._fold = threading.Thread(
            target=self._fold_from, args=(data, mark, self._generation), name="journal-fold", daemon=True
        )
        self._fold.start()

    def _fold_from(self, data: dict[str, Any], mark: int, generation: int) -> None:
        """Write `data` (the state at journal offset `mark`) as the snapshot, then keep only the later lines.

        A crash before the journal is rewritten replays lines the snapshot already holds, harmlessly.
        A refusing disk leaves snapshot and journal as they were; the fold is tried again later.
        """
        try:
            with self._snapshot_lock:
                if self._generation != generation:
                    return  # a newer snapshot was written meanwhile
                self._snapshot(data)
            with self.lock:
                if self._generation != generation:
                    return
                with open(self.journal, "rb") as handle:
                    handle.seek(mark)
                    later = handle.read()
                AtomicJSONStorage(self.journal).write_bytes(later)
                self._generation += 1
                self._journal_lines = later.count(b"\n")
                self._next_fold_at = self.compact_after
                if self.on_write is not None:
                    self.on_write()
        except OSError:
            with self.lock:
                self._next_fold_at = self._journal_lines + self.compact_after
        finally:
            with self.lock:
                self._fold = None

    def wait_for_fold(self) -> None:
        """Return once a fold running on a thread has finished (for tests and a clean shutdown)."""
        fold = self._fold
        if fold is not None:
            fold.join()

    def _copy(self) -> dict[str, dict[str, Any]]:
        """The tables as they are now, each a new dict (the documents are shared: they are replaced
        on a change, never changed in place). Holding the lock."""
        return {name: dict(documents) for name, documents in self._data.items()}

    def table(self, name: str):
        """A TinyDB table over a copy of the data, for tests and tools; the app reads through `documents`."""
        with self.lock:
            copy = self._copy()
        db = TinyDB(storage=MemoryStorage)
        db.storage.write(copy)
        return db.table(name)

    def documents(self, name: str) -> list[dict[str, Any]]:
        """The stored documents of a table, as plain dicts (fast, read-only)."""
        with self.lock:
            return list(self._data.get(name, {}).values())
