"""User data in the browser build: the same TinyDB file, kept in IndexedDB through Emscripten's IDBFS.

Pyodide's file system lives in memory. `BrowserDataStore.load()` mounts IDBFS and copies the
saved files in (`FS.syncfs(true)`) before the database is opened; after every write the file
system is pushed back to IndexedDB (`FS.syncfs(false)`), coalesced so at most one push runs and
one waits. Only importable inside Pyodide (it uses the `js` and `pyodide_js` modules).
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from pwa.adapters.storage import DATABASE_FILENAME, FileDataStore, OpenedDatabase

MOUNT_POINT = "/persist"
FLUSH_CHANNEL = "bfs-companion-flush"  # the page asks for a push to IndexedDB when it is hidden
LOCATION = "In this browser, on this device (IndexedDB)"


class CoalescedSave:
    """Runs `save()` after writes: at most one save in flight and one queued.

    `flush()` waits until every write scheduled so far is saved, and raises OSError if the last
    save failed, so a screen never says "saved" for something the browser refused to store.
    """

    def __init__(self, save) -> None:
        self._save = save
        self._task: asyncio.Future | None = None
        self._again = False
        self.completed = 0
        self.error: Exception | None = None

    def schedule(self) -> None:
        if self._task is not None and not self._task.done():
            self._again = True
        else:
            self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        while True:
            self._again = False
            try:
                await self._save()
                self.error = None
            except Exception as error:  # reported by flush(); the next write tries again
                self.error = error
            self.completed += 1
            if not self._again:
                return

    async def flush(self) -> None:
        while self._task is not None and not self._task.done():
            await self._task
        if self.error is not None:
            raise OSError(str(self.error)) from self.error


def _syncfs(populate: bool) -> asyncio.Future:
    import pyodide_js
    from pyodide.ffi import create_once_callable

    future = asyncio.get_event_loop().create_future()

    def done(error=None) -> None:
        if future.done():
            return
        if error:
            future.set_exception(OSError(f"saving to browser storage failed: {error}"))
        else:
            future.set_result(None)

    pyodide_js.FS.syncfs(populate, create_once_callable(done))
    return future


class BrowserDataStore:
    def __init__(self, mount_point: str = MOUNT_POINT) -> None:
        self.mount_point = mount_point
        self.saver = CoalescedSave(lambda: _syncfs(False))

    async def load(self) -> None:
        """Mount IndexedDB-backed storage and bring the saved files into memory."""
        import js
        import pyodide_js

        fs = pyodide_js.FS
        os.makedirs(self.mount_point, exist_ok=True)
        fs.mount(fs.filesystems.IDBFS, js.Object.new(), self.mount_point)
        await _syncfs(True)

    def flush_when_page_hides(self) -> None:
        """Push pending writes when the page is hidden or closed (python-prestart.js posts on this channel)."""
        import js
        from pyodide.ffi import create_proxy

        channel = js.BroadcastChannel.new(FLUSH_CHANNEL)
        channel.onmessage = create_proxy(lambda event: self.saver.schedule())
        self._flush_channel = channel  # kept alive for the life of the app

    def _files(self) -> FileDataStore:
        return FileDataStore(Path(self.mount_point) / DATABASE_FILENAME, on_write=self.saver.schedule, location=LOCATION)

    def open(self) -> OpenedDatabase:
        return self._files().open()

    def open_log(self):
        return self._files().open_log()


async def storage_is_persistent() -> bool:
    """Whether the browser promised not to evict our data (the page script asks for it)."""
    try:
        import js

        return bool(await js.navigator.storage.persisted())
    except Exception:  # no StorageManager here: assume the browser may evict
        return False
