"""Entry point of the offline web build: runs inside the browser on Pyodide.

Data lives in IndexedDB (see `pwa.adapters.browser_storage`); everything else is the same app
the server run shows.
"""

from __future__ import annotations

import flet as ft

from pwa.adapters.file_exchange import BrowserExchange
from pwa.adapters.browser_storage import BrowserDataStore, storage_is_persistent
from pwa.app import build_dependencies
from pwa.app import main as show_app


async def main(page: ft.Page) -> None:
    store = BrowserDataStore()
    await store.load()
    deps = build_dependencies(
        store, storage_persistent=await storage_is_persistent(), file_exchange=BrowserExchange(), persist=store.saver.flush
    )
    store.flush_when_page_hides()
    show_app(page, deps)


def run() -> None:
    ft.run(main)
