"""One JSON file replaced atomically: temporary file, fsync, rename, directory fsync.

A crash leaves the old or the new file, never half of one. Both the settings database and the
symptom log's snapshot are written this way.
"""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from pwa.adapters import json_codec


class UnreadableDatabaseError(Exception):
    """The database file exists but does not hold a readable TinyDB document."""


class AtomicJSONStorage(Storage):
    """TinyDB storage that replaces the file atomically on every write."""

    def __init__(
        self, path: str | os.PathLike[str], on_write: Callable[[], None] | None = None, empty_is_unreadable: bool = False
    ) -> None:
        self.path = Path(path)
        self._on_write = on_write  # e.g. push the browser's in-memory file system to IndexedDB
        # A store that always writes something (the log writes its schema version) treats an empty
        # file as damage; TinyDB's own files start empty.
        self._empty_is_unreadable = empty_is_unreadable

    def read(self) -> dict[str, Any] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise UnreadableDatabaseError(f"{self.path} cannot be read: {error}") from error
        if not raw.strip():
            if self._empty_is_unreadable:
                raise UnreadableDatabaseError(f"{self.path} is empty")
            return None
        try:
            data = json_codec.loads(raw)
        except (UnicodeDecodeError, json_codec.DecodeError, RecursionError) as error:
            raise UnreadableDatabaseError(f"{self.path} is not valid JSON: {error}") from error
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise UnreadableDatabaseError(f"{self.path} does not have the shape of a TinyDB file")
        return data

    def write(self, data: dict[str, Any]) -> None:
        self.write_bytes(json_codec.dumps(data))

    def write_pieces(self, data: dict[str, dict[str, Any]]) -> None:
        """`write(data)` for {table: {key: document}}, serialised piece by piece (see json_codec.dump_pieces)."""
        self.write_bytes(json_codec.dump_pieces(data))

    def write_bytes(self, payload: bytes | Iterable[bytes]) -> None:
        """Replace the file with `payload` (or its pieces): temporary file, fsync, atomic rename, directory fsync."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                for piece in [payload] if isinstance(payload, bytes) else payload:
                    handle.write(piece)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_directory(self.path.parent)
        if self._on_write is not None:
            self._on_write()

    def close(self) -> None:
        pass


def remove_leftover_temporary_files(path: Path) -> list[Path]:
    """Deletes the temporary files that interrupted atomic writes of `path` (and its backup) left.

    Only call it while holding the data folder (one server per folder, one tab at a time in the
    browser): another writer's temporary file would be in use.
    """
    removed = []
    for leftover in path.parent.glob(f"{glob.escape(path.name)}.*.tmp"):
        try:
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            pass
    return removed


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform (e.g. Windows); the rename is still atomic
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
