"""Builds the offline Progressive Web App into `dist/`: `python -m pwa.tools.build_pwa`.

The build is a static site that needs no network once loaded: the Flutter client with the Rive
runtime vendored (`pwa.adapters.web_client`), Pyodide and CanvasKit from flet-web, every Python
wheel the app imports (pinned by hash in `pwa/web/requirements-*.txt`) unpacked next to the app
code in `app.tar.gz`, the app's icons and manifest from `assets/`, and a service worker that
precaches all of it. It is flet-web 1.0.5's own client, assembled without `flet publish`, whose
`--no-cdn` mode still reaches the internet (it fetches a build manifest and re-downloads Pyodide).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from flet.controls.types import RouteUrlStrategy, WebRenderer
from flet_web import patch_font_manifest_json, patch_index_html

from pwa import APP_NAME
from pwa.adapters import web_client
from pwa.adapters.paths import ASSETS_DIR, CACHE_DIR, CONTENT_DIR, PROJECT_ROOT

WEB_TEMPLATES = PROJECT_ROOT / "pwa" / "web"
WHEEL_CACHE = CACHE_DIR / "wheels"
DEFAULT_DIST = PROJECT_ROOT / "dist"
APP_ARCHIVE = "app.tar.gz"
ENTRY_MODULE = "main.py"
ENTRY_SOURCE = "from pwa.browser import run\n\nrun()\n"
APP_DESCRIPTION = json.loads((ASSETS_DIR / "manifest.json").read_text())["description"]
PYODIDE_ABI = [
    "--platform", "pyemscripten_2026_0_wasm32",
    "--python-version", "3.14",
    "--implementation", "cp",
    "--abi", "cp314",
]  # fmt: skip

# Files of the client that this build's page never requests: the dart2wasm/skwasm build, the
# Chromium-only CanvasKit (every browser gets the full one, so one copy serves all), Rive's
# fallback for browsers without WebAssembly SIMD (the app does not use Rive; it only loads it),
# the video player's HLS script, and Pyodide's command-line and package-manager files.
TRIMMED = (
    "main.dart.wasm", "main.dart.mjs", "flutter.js.map", "flutter_service_worker.js",
    "canvaskit/chromium", "rivenative/wasm_compatibility", "assets/packages/media_kit",
    "canvaskit/skwasm.js", "canvaskit/skwasm.wasm", "canvaskit/skwasm_heavy.js",
    "canvaskit/skwasm_heavy.wasm", "canvaskit/wimp.js", "canvaskit/wimp.wasm",
    "canvaskit/experimental_webparagraph",
    "pyodide/python", "pyodide/python.bat", "pyodide/python.exe", "pyodide/python_cli_entry.mjs",
    "pyodide/ffi.d.ts", "pyodide/pyodide.d.ts", "pyodide/package.json", "pyodide/pyodide.js",
    "pyodide/micropip-0.11.1-py3-none-any.whl", "pyodide/packaging-26.1-py3-none-any.whl",
    ".bfs-web-client.json",
)  # fmt: skip
TRIMMED_SUFFIXES = (".symbols",)
# Parts of the package the browser never imports (server, build tools, templates).
APP_EXCLUDED = ("pwa/tools", "pwa/web", "pwa/server.py", "pwa/__main__.py", "pwa/adapters/web_client.py")


class BuildError(RuntimeError):
    pass


@dataclass(frozen=True)
class BuildReport:
    dist: Path
    files: int
    bytes_on_disk: int
    bytes_gzipped: int
    cache_version: str


def _trimmed(relative: str) -> bool:
    return relative.endswith(TRIMMED_SUFFIXES) or any(
        relative == t or relative.startswith(t + "/") for t in TRIMMED
    )


def copy_client(source: Path, dist: Path) -> None:
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source).as_posix()
        if path.is_file() and not _trimmed(relative):
            target = dist / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    shutil.copytree(ASSETS_DIR, dist, dirs_exist_ok=True)


def download_wheels() -> list[Path]:
    """Fetch the pinned wheels once (pip verifies every hash) and return them."""
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    base = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
            "--require-hashes", "--dest", str(WHEEL_CACHE)]  # fmt: skip
    for requirements, extra in (("requirements-pure.txt", []), ("requirements-wasm.txt", PYODIDE_ABI)):
        result = subprocess.run([*base, *extra, "-r", str(WEB_TEMPLATES / requirements)], capture_output=True, text=True)
        if result.returncode != 0:
            raise BuildError(f"could not download the wheels in {requirements}:\n{result.stderr[-2000:]}")
    wanted = []
    for requirements in ("requirements-pure.txt", "requirements-wasm.txt"):
        for line in (WEB_TEMPLATES / requirements).read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                name, version = line.split()[0].split("==")
                matches = sorted(WHEEL_CACHE.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
                if len(matches) != 1:
                    raise BuildError(f"expected one wheel for {name}=={version}, found {matches}")
                wanted.append(matches[0])
    return wanted


def _add_tree(archive: tarfile.TarFile, source: Path, arcname: str, excluded: tuple[str, ...] = ()) -> None:
    for path in sorted(source.rglob("*")):
        relative = f"{arcname}/{path.relative_to(source).as_posix()}"
        if "__pycache__" in path.parts or any(relative == e or relative.startswith(e + "/") for e in excluded):
            continue
        if path.is_file():
            _add_bytes(archive, relative, path.read_bytes())


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), 0, 0o644  # reproducible: same input, same bytes
    archive.addfile(info, io.BytesIO(data))


def write_app_archive(dist: Path, wheels: list[Path]) -> None:
    """The app code, the guide and the unpacked wheels; python-worker.js puts __pypackages__ on sys.path."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        _add_bytes(archive, ENTRY_MODULE, ENTRY_SOURCE.encode())
        _add_tree(archive, PROJECT_ROOT / "pwa", "pwa", APP_EXCLUDED)
        _add_tree(archive, CONTENT_DIR, "content")
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as unpacked:
                for member in sorted(unpacked.namelist()):
                    if not member.endswith("/"):
                        _add_bytes(archive, f"__pypackages__/{member}", unpacked.read(member))
    (dist / APP_ARCHIVE).write_bytes(gzip.compress(buffer.getvalue(), compresslevel=9, mtime=0))


def patch_page(dist: Path, base_url: str) -> None:
    index = dist / "index.html"
    pyodide_version = json.loads((web_client.WEB_CLIENT_DIR / "pyodide" / "package.json").read_text())["version"]
    patch_index_html(
        index_path=str(index),
        base_href=base_url,
        app_name=APP_NAME,
        app_description=APP_DESCRIPTION,
        pyodide=True,
        pyodide_script_path=ENTRY_MODULE,
        pyodide_version=pyodide_version,
        app_package_url=APP_ARCHIVE,
        web_renderer=WebRenderer.CANVAS_KIT,
        route_url_strategy=RouteUrlStrategy.HASH,  # deep links work on any static host
        no_cdn=True,
    )
    html = index.read_text()
    # flet-web 1.0.5 writes a bare "pyodide/pyodide.mjs", which the module worker's import()
    # reads as a package name ("Failed to resolve module specifier"); make it a relative URL.
    html = _replace_once(html, 'flet.pyodideUrl="pyodide/pyodide.mjs"', 'flet.pyodideUrl="./pyodide/pyodide.mjs"')
    html = _replace_once(
        html,
        "</head>",
        '  <meta name="theme-color" content="#4E7D74">\n  <script src="pwa.js" defer></script>\n</head>',
    )
    index.write_text(html)
    patch_font_manifest_json(str(dist / "assets" / "FontManifest.json"))
    shutil.copy2(WEB_TEMPLATES / "pwa.js", dist / "pwa.js")

    bootstrap = dist / "flutter_bootstrap.js"
    script = bootstrap.read_text()
    # Flutter would register its own (self-unregistering) worker over ours; only the dart2js
    # build is shipped, so the loader must not pick the trimmed dart2wasm one.
    script = _sub_once(script, r"serviceWorkerSettings:\s*\{[^}]*\},", "")
    script = _sub_once(script, r'\{"compileTarget":"dart2wasm"[^}]*\},', "")
    script = _sub_once(script, r"var flutterConfig = \{", 'var flutterConfig = {\n    canvasKitVariant: "full",')
    bootstrap.write_text(script)


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise BuildError(f"expected {old!r} once in the page, found it {text.count(old)} times")
    return text.replace(old, new)


def _sub_once(text: str, pattern: str, new: str) -> str:
    result, count = re.subn(pattern, new, text, flags=re.S)
    if count != 1:
        raise BuildError(f"expected {pattern!r} once in flutter_bootstrap.js, found {count}")
    return result


def write_service_worker(dist: Path) -> str:
    files, digest = [], hashlib.sha256()
    for path in sorted(dist.rglob("*")):
        if path.is_file():
            relative = path.relative_to(dist).as_posix()
            files.append("./" + relative)
            digest.update(relative.encode() + b"\0" + path.read_bytes())
    version = digest.hexdigest()[:16]
    template = (WEB_TEMPLATES / "sw.js").read_text()
    worker = template.replace("__VERSION__", version).replace("__PRECACHE__", json.dumps(["./", *files], indent=0))
    (dist / "sw.js").write_text(worker)
    return version


def build(dist: Path = DEFAULT_DIST, base_url: str = "/") -> BuildReport:
    source = web_client.prepare()
    wheels = download_wheels()
    staging = dist.with_name(dist.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    copy_client(source, staging)
    write_app_archive(staging, wheels)
    patch_page(staging, base_url)
    version = write_service_worker(staging)
    shutil.rmtree(dist, ignore_errors=True)
    staging.rename(dist)
    files = [p for p in dist.rglob("*") if p.is_file()]
    return BuildReport(
        dist=dist,
        files=len(files),
        bytes_on_disk=sum(p.stat().st_size for p in files),
        bytes_gzipped=sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in files),
        cache_version=version,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline PWA into a static folder.")
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST)
    parser.add_argument("--base-url", default="/", help="path the site is served under, e.g. /bfs/")
    args = parser.parse_args(argv)
    try:
        report = build(args.dist.resolve(), args.base_url)
    except (BuildError, web_client.WebClientError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"built {report.dist}: {report.files} files, {report.bytes_on_disk / 1e6:.1f} MB on disk, "
        f"{report.bytes_gzipped / 1e6:.1f} MB gzipped, cache {report.cache_version}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
