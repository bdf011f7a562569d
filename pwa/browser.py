"""Entry point of the offline web build: runs inside the browser on Pyodide.

Data lives in IndexedDB (see `pwa.adapters.browser_storage`); everything else is the same app
the server run shows.
"""

from __future__ import annotations

import asyncio

import flet as ft

from pwa import routes
from pwa.adapters.device_motion import browser_reduces_motion
from pwa.adapters.device_status import browser_device_status
from pwa.adapters.file_exchange import BrowserExchange
from pwa.adapters.browser_storage import BrowserDataStore, storage_is_persistent
from pwa.app import build_dependencies
from pwa.app import main as show_app


async def main(page: ft.Page) -> None:
    import js  # the worker's global scope: postMessage reaches the page (pwa/web/python-prestart.js)

    try:
        store = BrowserDataStore()
        await store.load()
        deps = build_dependencies(
            store,
            storage_persistent=await storage_is_persistent(),
            file_exchange=BrowserExchange(),
            persist=store.saver.flush,
            device_status=browser_device_status,
            device_reduces_motion=browser_reduces_motion,
        )
        store.flush_when_page_hides()
        show_app(page, deps)
    except Exception as error:
        js.postMessage(f"bfs-start-failed:{type(error).__name__}: {error}"[:300])  # the splash says so
        raise
    js.postMessage("bfs-home-ready")  # Home is built: the page fades the splash out
    if not getattr(js.flet_js, "restoredFromSnapshot", False):
        asyncio.ensure_future(_ask_for_a_snapshot_when_idle(page))


SNAPSHOT_IDLE_SECONDS = 2.0
SESSION_ROUTES = (routes.BREATHE_NOW, routes.MUSCLE_RELAXATION)


async def _ask_for_a_snapshot_when_idle(page: ft.Page) -> None:
    """Once Home has been idle a moment, and never during a breathing or relaxation session, ask the
    page to make the start-up snapshot (pwa/web/snapshot-maker.js), so the next launch is fast."""
    import js

    while True:
        await asyncio.sleep(SNAPSHOT_IDLE_SECONDS)
        if not (page.route or "").startswith(SESSION_ROUTES):
            js.postMessage("bfs-snapshot-wanted")
            return


def run() -> None:
    ft.run(main)
