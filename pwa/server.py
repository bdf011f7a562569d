"""Serves the app from this machine: Python runs here, the browser only renders.

Nothing is fetched from the internet at run time: the web client comes from flet-web with the
Rive runtime vendored (see `pwa.adapters.web_client`), CanvasKit and fonts are served locally.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import flet as ft

from pwa import APP_NAME
from pwa.adapters import web_client
from pwa.adapters.data_location import database_path
from pwa.adapters.paths import ASSETS_DIR
from pwa.adapters.storage import FileDataStore
from pwa.adapters.file_exchange import FolderExchange, files_folder
from pwa.app import build_dependencies, main

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8550


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def serve(data_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Serve until Ctrl-C (SIGINT) or SIGTERM; flet shuts the server down cleanly on either."""
    web_dir = web_client.prepare()
    # flet-web 1.0.5 reads these when it serves the client: the local web root, no CDN, and the
    # CanvasKit renderer (the default skwasm build fetches from gstatic and stays blank offline).
    os.environ.update(
        FLET_WEB_PATH=str(web_dir),
        FLET_WEB_NO_CDN="1",
        FLET_WEB_RENDERER="canvaskit",
        FLET_FORCE_WEB_SERVER="1",  # serve only; never try to open a browser or desktop window
    )
    port = port or free_port(host)
    deps = build_dependencies(FileDataStore(database_path(data_dir)), file_exchange=FolderExchange(files_folder(data_dir)))
    print(f"{APP_NAME} is running at http://{host}:{port}/", flush=True)
    print(f"Your data: {deps.data_location}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    ft.run(
        lambda page: main(page, deps),
        host=host,
        port=port,
        view=ft.AppView.WEB_BROWSER,
        assets_dir=str(ASSETS_DIR),
        web_renderer=ft.WebRenderer.CANVAS_KIT,
        no_cdn=True,
    )
    print(f"{APP_NAME} stopped.", flush=True)
