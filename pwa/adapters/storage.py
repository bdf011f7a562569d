"""User data storage: one TinyDB database behind the `DataStore` interface.

`FileDataStore` keeps it in a JSON file and writes atomically (temporary file, fsync, rename),
so a crash leaves the old or the new file, never half of one. A file that cannot be read is
never overwritten: the app runs on an in-memory copy and says plainly where the file is.
`MemoryDataStore` is the fake the tests use; the browser build plugs in its own store.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from pwa.adapters.atomic_file import AtomicJSONStorage, UnreadableDatabaseError, remove_leftover_temporary_files
from pwa.adapters.journal_store import JournalStore


DATABASE_FILENAME = "bfs-companion.json"


@dataclass
class OpenedDatabase:
    db: TinyDB
    location: str
    problem: str | None = None  # plain-language notice for the user when data could not be read


LOG_FILENAME = "bfs-companion-log.json"


class DataStore(Protocol):
    def open(self) -> OpenedDatabase: ...

    def open_log(self) -> JournalStore:
        """The symptom log's crash-safe store, next to the settings database."""


class FileDataStore:
    def __init__(self, path: Path, on_write: Callable[[], None] | None = None, location: str | None = None) -> None:
        self.path = path
        self._on_write = on_write
        self._location = location or str(path)

    def open(self) -> OpenedDatabase:
        remove_leftover_temporary_files(self.path)
        try:
            AtomicJSONStorage(self.path).read()
        except UnreadableDatabaseError as error:
            return OpenedDatabase(
                db=TinyDB(storage=MemoryStorage),
                location=self._location,
                problem=(
                    f"Your saved data could not be read, so nothing will be saved this time. "
                    f"The file has not been changed: {self.path} ({error.__cause__ or error})"
                ),
            )
        db = TinyDB(self.path, storage=AtomicJSONStorage, on_write=self._on_write)
        return OpenedDatabase(db=db, location=self._location)

    def open_log(self) -> JournalStore:
        # Folds on a thread when the server runs it; the browser build has no threads and folds in place.
        return JournalStore(self.path.with_name(LOG_FILENAME), on_write=self._on_write, fold_in_background=True)


class MemoryDataStore:
    """The fake for tests: settings in memory, the log in a private temporary folder."""

    def open(self) -> OpenedDatabase:
        return OpenedDatabase(db=TinyDB(storage=MemoryStorage), location="memory")

    def open_log(self) -> JournalStore:
        return JournalStore(Path(tempfile.mkdtemp(prefix="bfs-log-")) / LOG_FILENAME)
