"""Serves the app from this machine: Python runs here, the browser only renders.

Nothing is fetched from the internet at run time: the web client comes from flet-web with the
Rive runtime vendored (see `pwa.adapters.web_client`), CanvasKit and fonts are served locally.

flet-web's own FastAPI app does the serving (built by `ft.run(..., export_asgi_app=True)`); this
module puts `AccessGuard` in front of it, binds the port itself (so a busy port is one clear line,
never a "running at" before the port is ours), holds a lock on the data folder so that two servers
never write one log, and runs uvicorn on the bound socket.
"""

from __future__ import annotations

import errno
import os
import socket
from pathlib import Path

import flet as ft
from filelock import FileLock, Timeout

from pwa import APP_NAME
from pwa.adapters import web_client
from pwa.adapters.access_guard import AccessGuard, AccessPolicy, KEY_PARAM, is_loopback, load_or_create_key, new_key
from pwa.adapters.data_location import database_path
from pwa.adapters.device_motion import browser_reduces_motion
from pwa.adapters.file_exchange import FolderExchange, files_folder
from pwa.adapters.paths import ASSETS_DIR
from pwa.adapters.script_fonts import ScriptFontRewrite
from pwa.adapters.storage import FileDataStore
from pwa.app import build_dependencies, main

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8550
LOCK_FILENAME = ".bfs-companion.lock"


class ServerStartError(Exception):
    """The server cannot start; the message says why in one line, for the person at the terminal."""


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def free_port_near(host: str, port: int) -> int:
    """The first free port after `port` (easy to remember), else any free one."""
    for candidate in range(port + 1, min(port + 100, 65535)):
        with socket.socket() as probe:
            try:
                probe.bind((host, candidate))
            except OSError:
                continue
            return candidate
    return free_port(host)


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to host:port (uvicorn starts listening on it); a busy port is a `ServerStartError` naming a port that is free."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does; a listening port still refuses
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise ServerStartError(f"Port {port} is in use; try make run PORT={free_port_near(host.strip('[]'), port)}") from None
        if error.errno in (errno.EACCES, errno.EPERM):
            raise ServerStartError(f"Port {port} needs special permission here; try make run PORT=8600") from None
        raise ServerStartError(f"Cannot listen on {host}:{port}: {error.strerror or error}") from None
    sock.set_inheritable(True)
    return sock


def lock_data_folder(data_dir: Path) -> FileLock:
    """Holds the data folder for this server; a second server on the same folder is refused."""
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(data_dir / LOCK_FILENAME, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise ServerStartError(
            f"{APP_NAME} is already running with this data folder ({data_dir}). "
            "Use the window that is already open, or stop the other copy first."
        ) from None
    return lock


def _addresses_to_show(host: str) -> list[str]:
    """Where another device can reach a server bound to `host` (a wildcard means every address this machine has)."""
    if host.strip("[]") not in ("0.0.0.0", "::"):
        return [f"[{host}]" if ":" in host and not host.startswith("[") else host]
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent; this only asks which address would be used
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    try:
        found += [a for a in socket.gethostbyname_ex(socket.gethostname())[2] if a not in found]
    except OSError:
        pass
    return [a for a in found if not a.startswith("127.")] or ["<this computer's address>"]


def serve(
    data_dir: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    key_file: Path | None = None,
) -> None:
    """Serve until Ctrl-C (SIGINT) or SIGTERM. Raises `ServerStartError` when it cannot start."""
    import uvicorn

    web_dir = web_client.prepare()
    # flet-web 1.0.5 reads these when it serves the client: the local web root, no CDN, and the
    # CanvasKit renderer (the default skwasm build fetches from gstatic and stays blank offline).
    os.environ.update(
        FLET_WEB_PATH=str(web_dir),
        FLET_WEB_NO_CDN="1",
        FLET_WEB_RENDERER="canvaskit",
        FLET_FORCE_WEB_SERVER="1",
    )
    network = not is_loopback(host)
    key = (load_or_create_key(key_file) if key_file else new_key()) if network else None
    lock = lock_data_folder(data_dir)
    try:
        sock = bind(host, port)
        port = sock.getsockname()[1]
        deps = build_dependencies(
            FileDataStore(database_path(data_dir)),
            file_exchange=FolderExchange(files_folder(data_dir)),
            device_reduces_motion=browser_reduces_motion,
        )
        flet_app = ft.run(
            lambda page: main(page, deps),
            export_asgi_app=True,
            assets_dir=str(ASSETS_DIR),
            web_renderer=ft.WebRenderer.CANVAS_KIT,
            no_cdn=True,
        )
        app = AccessGuard(ScriptFontRewrite(flet_app), AccessPolicy(port=port, host=host, key=key))
        if network:
            print(f"{APP_NAME} is running on your network. Open this address once on the device you want to use:", flush=True)
            for address in _addresses_to_show(host):
                print(f"    http://{address}:{port}/?{KEY_PARAM}={key}", flush=True)
            print(
                "Anyone without this key is refused. The connection is not encrypted: someone on the same "
                "network could read what the app shows, so use this only on a network you trust.",
                flush=True,
            )
        else:
            print(f"{APP_NAME} is running at http://{host}:{port}/", flush=True)
        print(f"Your data: {deps.data_location}", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        sock.listen(2048)  # after the address is printed, so whoever can connect has already seen it
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, proxy_headers=False, server_header=False,
            ws="websockets-sansio", lifespan="on",
        )
        try:
            uvicorn.Server(config).run(sockets=[sock])
        except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled once it has shut down
            pass
        finally:
            sock.close()
    finally:
        lock.release()
    print(f"{APP_NAME} stopped.", flush=True)

