"""Prepares the Flutter web client that server mode serves, so that nothing is fetched off-machine.

flet-web 1.0.5 ships the client, CanvasKit and fonts, but its compiled Dart code loads the Rive
animation runtime from jsDelivr at start-up. The app draws no Rive animation, so this module copies
the client into `.cache/web-client/`, points that address at the server's own `rivenative/` and
puts a two-line stand-in there (`pwa/web/rive-absent.js`, which declines as the runtime does where
it cannot run). It runs at install time (`python -m pwa.adapters.web_client`) and needs no network.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import flet_web
import flet_web.version

from pwa.adapters.paths import CACHE_DIR

RIVE_CDN_BASE = b"https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/"
_LOCAL_DIR = b"rivenative/"
# Same length as the CDN address so the compiled .wasm client stays valid after the rewrite.
RIVE_LOCAL_BASE = b"/" + b"./" * ((len(RIVE_CDN_BASE) - 1 - len(_LOCAL_DIR)) // 2) + _LOCAL_DIR
_PATCHED_FILES = ("main.dart.js", "main.dart.wasm")
_STAMP = ".bfs-web-client.json"

WEB_CLIENT_DIR = CACHE_DIR / "web-client"
RIVE_VARIANTS = ("wasm", "wasm_compatibility")  # the client tries the first, then the second


class WebClientError(RuntimeError):
    pass


WEB_TEMPLATES = Path(__file__).resolve().parents[1] / "web"
SERVED_SCRIPT = WEB_TEMPLATES / "served.js"
MESSAGE_SCRIPT = WEB_TEMPLATES / "full-page-message.js"  # shared with the offline build
RIVE_STAND_IN = WEB_TEMPLATES / "rive-absent.js"
SERVED_TAG = '<script src="served.js"></script>'
MESSAGE_TAG = '<script src="full-page-message.js"></script>'


def _expected_stamp() -> dict[str, str]:
    return {
        "flet_web": flet_web.version.version,
        "served_js": hashlib.sha256(
            SERVED_SCRIPT.read_bytes() + MESSAGE_SCRIPT.read_bytes() + RIVE_STAND_IN.read_bytes()
        ).hexdigest(),
    }


def is_ready(target: Path = WEB_CLIENT_DIR) -> bool:
    stamp = target / _STAMP
    return stamp.exists() and json.loads(stamp.read_text()) == _expected_stamp()


def prepare(target: Path = WEB_CLIENT_DIR) -> Path:
    """Build the patched web client if it is missing or stale; return its directory."""
    if is_ready(target):
        return target
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    # The package's own copy: get_package_web_dir() would return FLET_WEB_PATH when it is set.
    shutil.copytree(Path(flet_web.__file__).parent / "web", staging)
    for name in _PATCHED_FILES:
        path = staging / name
        data = path.read_bytes()
        if data.count(RIVE_CDN_BASE) != 1:
            raise WebClientError(f"{name}: expected one Rive CDN address, found {data.count(RIVE_CDN_BASE)}")
        path.write_bytes(data.replace(RIVE_CDN_BASE, RIVE_LOCAL_BASE))
    for variant in RIVE_VARIANTS:
        destination = staging / _LOCAL_DIR.decode() / variant / "rive_native.js"
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(RIVE_STAND_IN, destination)
    # The served page says so when the server stops (pwa/web/served.js); before Flutter's scripts.
    shutil.copy2(SERVED_SCRIPT, staging / "served.js")
    shutil.copy2(MESSAGE_SCRIPT, staging / "full-page-message.js")
    index = (staging / "index.html").read_text()
    if index.count('<script src="python.js"></script>') != 1:
        raise WebClientError("index.html: expected one python.js script tag")
    (staging / "index.html").write_text(index.replace('<script src="python.js"></script>', MESSAGE_TAG + "\n  " + SERVED_TAG + '\n  <script src="python.js"></script>'))
    (staging / _STAMP).write_text(json.dumps(_expected_stamp()))
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


if __name__ == "__main__":
    try:
        print(f"web client ready: {prepare()}")
    except WebClientError as error:
        sys.exit(f"error: {error}")
