"""Crash-safe storage for the symptom log: a TinyDB snapshot file plus an append-only journal.

TinyDB (in memory) answers queries. Every change is first appended to the journal as one JSON
line and fsynced; only then is it applied in memory and acknowledged. A crash at any moment loses
at most the change being written, which was never acknowledged, and a torn last line is ignored
on the next open. The journal is folded into the snapshot (temporary file, fsync, atomic rename,
the previous snapshot kept as `.bak`) when it grows long and when the store is opened. Changes
are whole-document puts and deletes, so replaying a journal twice gives the same state.

A snapshot that cannot be read is never overwritten: it is moved aside with a timestamp, the last
good backup is used if there is one, and `notice` says plainly what happened and where the file is.
The snapshot records a schema version; older versions are migrated on open, newer ones are opened
read-only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from pwa.adapters.storage import AtomicJSONStorage, UnreadableDatabaseError

SCHEMA_VERSION = 1
META_TABLE = "_meta"
COMPACT_AFTER = 2000  # journal lines

Migration = Callable[[dict[str, Any]], dict[str, Any]]
# version N -> function turning a version-N document into version N+1
MIGRATIONS: dict[int, Migration] = {}


class ReadOnlyStoreError(RuntimeError):
    """The store was opened read-only (a newer app wrote it, or it could not be recovered)."""


@dataclass
class JournalStore:
    path: Path
    on_write: Callable[[], None] | None = None  # e.g. push the browser file system to IndexedDB
    compact_after: int = COMPACT_AFTER
    db: TinyDB = field(init=False)
    notice: str | None = field(init=False, default=None)
    read_only: bool = field(init=False, default=False)
    _journal_lines: int = field(init=False, default=0)
    _ids: dict[str, dict[str, int]] = field(init=False, default_factory=dict)  # table -> our id -> doc_id

    def __post_init__(self) -> None:
        self.journal = self.path.with_name(self.path.name + ".journal")
        self.backup = self.path.with_name(self.path.name + ".bak")
        self.db = TinyDB(storage=MemoryStorage)
        self._open()

    # ---- opening and recovery ------------------------------------------------------------
    def _open(self) -> None:
        data = self._read_snapshot()
        version = int(data.get(META_TABLE, {}).get("1", {}).get("schema_version", SCHEMA_VERSION))
        if version > SCHEMA_VERSION:
            self.read_only = True
            self.notice = (
                "Your log was saved by a newer version of the app, so this version only shows it "
                f"and will not change it. The file is {self.path}."
            )
        migrated = False
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
            migrated = True
        data[META_TABLE] = {"1": {"schema_version": version}}
        self._next_doc_id: dict[str, int] = {}
        for table_name, documents in data.items():
            if table_name != META_TABLE:
                self._ids[table_name] = {doc["id"]: int(key) for key, doc in documents.items() if "id" in doc}
                self._next_doc_id[table_name] = max((int(key) for key in documents), default=0) + 1
        # Replay onto the plain data, then hand it to TinyDB once: each TinyDB change costs a pass
        # over the whole table, which a journal of thousands of lines would pay thousands of times.
        self._journal_lines = 0
        for entry in self._journal_entries():
            self._apply_to(data, entry)
            self._journal_lines += 1
        self.db.storage.write(data)
        if not self.read_only and (migrated or self._journal_lines >= self.compact_after):
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

    def _read_snapshot(self) -> dict[str, Any]:
        try:
            return AtomicJSONStorage(self.path).read() or {}
        except UnreadableDatabaseError as error:
            aside = self._move_aside(self.path, "unreadable")
            try:
                data = AtomicJSONStorage(self.backup).read()
            except UnreadableDatabaseError:
                data = None
            if data is not None:
                self.notice = (
                    f"Your log file could not be read ({error.__cause__ or error}). It was kept as {aside}, "
                    "and the last good copy was opened instead: entries from after that copy may be missing."
                )
                return data
            self.notice = (
                f"Your log file could not be read ({error.__cause__ or error}). It was kept, unchanged, "
                f"as {aside}. A new, empty log has been started."
            )
            return {}

    def _move_aside(self, path: Path, reason: str) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.name}.{reason}-{stamp}")
        counter = 1
        while aside.exists():
            aside = path.with_name(f"{path.name}.{reason}-{stamp}-{counter}")
            counter += 1
        os.replace(path, aside)
        return aside

    def _journal_entries(self) -> Iterator[dict[str, Any]]:
        try:
            raw = self.journal.read_bytes()
        except FileNotFoundError:
            return
        lines = raw.split(b"\n")
        for number, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
                if entry.get("op") not in ("put", "del") or not isinstance(entry.get("table"), str):
                    raise ValueError("unknown change")
            except (ValueError, UnicodeDecodeError):
                if any(rest.strip() for rest in lines[number + 1 :]):
                    aside = self._move_aside(self.journal, "damaged")
                    self.notice = (
                        f"Part of your recent log could not be read; the readable entries were kept. "
                        f"The damaged file was kept as {aside}."
                    )
                return  # a torn last line: that change was never acknowledged
            yield entry

    # ---- changes -------------------------------------------------------------------------
    def _apply(self, entry: dict[str, Any]) -> None:
        table_name, item_id = entry["table"], entry["id"]
        table = self.db.table(table_name)
        ids = self._ids.setdefault(table_name, {})
        if entry["op"] == "put":
            document = dict(entry["doc"], id=item_id)
            if item_id in ids:
                table.upsert(Document(document, doc_id=ids[item_id]))
            else:
                ids[item_id] = table.insert(document)
        elif item_id in ids:
            table.remove(doc_ids=[ids.pop(item_id)])

    def _append(self, entry: dict[str, Any]) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(self.notice or "the log is read-only")
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.journal, "ab") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        if self.on_write is not None:
            self.on_write()
        self._apply(entry)
        self._journal_lines += 1
        if self._journal_lines >= self.compact_after:
            self.compact()

    def put(self, table: str, item_id: str, document: dict[str, Any]) -> None:
        """Insert or replace one document; returns once the change is durable."""
        self._append({"op": "put", "table": table, "id": item_id, "doc": document})

    def delete(self, table: str, item_id: str) -> None:
        self._append({"op": "del", "table": table, "id": item_id})

    def put_many(self, table: str, documents: dict[str, dict[str, Any]]) -> None:
        """Several documents in one durable step (an import): all are written, or, after a crash, none."""
        if not documents:
            return
        if self.read_only:
            raise ReadOnlyStoreError(self.notice or "the log is read-only")
        ids = self._ids.setdefault(table, {})
        fresh = [item_id for item_id in documents if item_id not in ids]
        for item_id in documents:
            if item_id in ids:
                self._apply({"op": "put", "table": table, "id": item_id, "doc": documents[item_id]})
        new_doc_ids = self.db.table(table).insert_multiple(dict(documents[i], id=i) for i in fresh)
        ids.update(zip(fresh, new_doc_ids))
        self.compact()

    def compact(self) -> None:
        """Fold the journal into a new snapshot, keeping the previous snapshot as the backup.

        Each step is atomic and the state stays complete after a crash between any two of them:
        backup written; new snapshot renamed into place (the journal replays onto it harmlessly);
        journal emptied.
        """
        if self.read_only:
            return
        if self.path.exists():
            AtomicJSONStorage(self.backup).write_bytes(self.path.read_bytes())
        AtomicJSONStorage(self.path).write(self.db.storage.read() or {})
        with open(self.journal, "wb") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        self._journal_lines = 0
        if self.on_write is not None:
            self.on_write()

    def table(self, name: str):
        return self.db.table(name)

    def documents(self, name: str) -> list[dict[str, Any]]:
        """The stored documents of a table, without TinyDB's per-document wrapping (fast, read-only)."""
        return list((self.db.storage.read() or {}).get(name, {}).values())
