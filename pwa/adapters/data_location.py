"""The one place that decides where user data lives on a server or desktop run.

Precedence: the `--data-dir` option, then the BFS_COMPANION_DATA_DIR environment variable, then
the operating system's per-user data directory (for example ~/.local/share/bfs-companion).
The offline web build keeps its data in the browser instead (see the web storage adapter).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from pwa import APP_SLUG
from pwa.adapters.storage import DATABASE_FILENAME

DATA_DIR_ENV = "BFS_COMPANION_DATA_DIR"


def resolve_data_dir(cli_value: str | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    if environ.get(DATA_DIR_ENV):
        return Path(environ[DATA_DIR_ENV]).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILENAME
