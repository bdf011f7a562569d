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

from pwa import APP_NAME, routes
from pwa.adapters import script_fonts, web_client
from pwa.adapters.access_guard import csp_for
from pwa.adapters.paths import ASSETS_DIR, CACHE_DIR, CONTENT_DIR, PROJECT_ROOT

WEB_TEMPLATES = PROJECT_ROOT / "pwa" / "web"
WHEEL_CACHE = CACHE_DIR / "wheels"
DEFAULT_DIST = PROJECT_ROOT / "dist"
APP_ARCHIVE = "app.tar.gz"
ENTRY_MODULE = "main.py"
APP_DESCRIPTION = json.loads((ASSETS_DIR / "manifest.json").read_text())["description"]
PYODIDE_ABI = [
    "--platform", "pyemscripten_2026_0_wasm32",
    "--python-version", "3.14",
    "--implementation", "cp",
    "--abi", "cp314",
]  # fmt: skip

# Files of the client that this build's page never requests: skwasm's variants for browsers
# without WasmGC or image codecs (those get CanvasKit), the Chromium-only CanvasKit (every browser
# that uses CanvasKit gets the full one, so one copy serves all),
# the video player's HLS script, the TeX and Cupertino icon fonts (the app shows neither; Flutter
# would download all of them at start-up), and Pyodide's command-line and package-manager files.
UNUSED_FONT_PACKAGES = ("flutter_math_fork", "cupertino_icons")
TRIMMED = (
    "flutter.js.map", "flutter_service_worker.js",
    "canvaskit/chromium", "assets/packages/media_kit",
    *(f"assets/packages/{package}" for package in UNUSED_FONT_PACKAGES),
    "canvaskit/skwasm_heavy.js", "canvaskit/skwasm_heavy.wasm", "canvaskit/wimp.js", "canvaskit/wimp.wasm",
    "canvaskit/experimental_webparagraph",
    "pyodide/python", "pyodide/python.bat", "pyodide/python.exe", "pyodide/python_cli_entry.mjs",
    "pyodide/ffi.d.ts", "pyodide/pyodide.d.ts", "pyodide/package.json", "pyodide/pyodide.js",
    "pyodide/micropip-0.11.1-py3-none-any.whl", "pyodide/packaging-26.1-py3-none-any.whl",
    ".bfs-web-client.json", "served.js",
)  # fmt: skip
TRIMMED_SUFFIXES = (".symbols",)


@dataclass(frozen=True)
class AppBundle:
    """What goes into app.tar.gz besides the wheels: an entry module and source folders."""

    entry_source: str
    trees: tuple[tuple[Path, str], ...] = ()  # (folder, name in the archive)
    excluded: tuple[str, ...] = ()  # archive paths left out


BFS_COMPANION = AppBundle(
    entry_source="from pwa.browser import run\n\nrun()\n",
    trees=((PROJECT_ROOT / "pwa", "pwa"), (CONTENT_DIR, "content")),
    # Parts of the package the browser never imports: the server, build tools and templates.
    excluded=(
        "pwa/tools", "pwa/web", "pwa/server.py", "pwa/__main__.py",
        "pwa/adapters/web_client.py", "pwa/adapters/data_location.py",
    ),  # fmt: skip
)


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


def _pinned_wheels() -> list[tuple[str, str, str, list[str]]]:
    """(requirements file, name, version, sha256 hashes) for every pinned wheel."""
    pinned = []
    for requirements in ("requirements-pure.txt", "requirements-wasm.txt"):
        for line in (WEB_TEMPLATES / requirements).read_text().splitlines():
            if line.strip() and not line.startswith("#"):
                name, version = line.split()[0].split("==")
                hashes = [part.split(":", 1)[1] for part in line.split() if part.startswith("--hash=sha256:")]
                pinned.append((requirements, name, version, hashes))
    return pinned


def _cached_wheel(name: str, version: str, hashes: list[str]) -> Path | None:
    """The wheel in the cache, if it is there and its hash is one of the pinned ones."""
    matches = sorted(WHEEL_CACHE.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    if len(matches) == 1 and hashlib.sha256(matches[0].read_bytes()).hexdigest() in hashes:
        return matches[0]
    return None


def download_wheels() -> list[Path]:
    """The pinned wheels: from `.cache/wheels` when every one is there with its hash (no network
    needed), else fetched once with pip, which verifies every hash."""
    pinned = _pinned_wheels()
    cached = [_cached_wheel(name, version, hashes) for _, name, version, hashes in pinned]
    if all(cached):
        return cached  # type: ignore[return-value]
    print("downloading the pinned wheels (once)", flush=True)
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    base = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
            "--require-hashes", "--dest", str(WHEEL_CACHE)]  # fmt: skip
    for requirements, extra in (("requirements-pure.txt", []), ("requirements-wasm.txt", PYODIDE_ABI)):
        result = subprocess.run([*base, *extra, "-r", str(WEB_TEMPLATES / requirements)], capture_output=True, text=True)
        if result.returncode != 0:
            raise BuildError(f"could not download the wheels in {requirements}:\n{result.stderr[-2000:]}")
    wanted = []
    for _, name, version, hashes in pinned:
        wheel = _cached_wheel(name, version, hashes)
        if wheel is None:
            raise BuildError(f"expected one wheel for {name}=={version} with a pinned hash in {WHEEL_CACHE}")
        wanted.append(wheel)
    return wanted


def input_digest(source: Path, wheels: list[Path], base_url: str, app: AppBundle) -> str:
    """A digest of everything the build reads, so an unchanged build can be skipped."""
    digest = hashlib.sha256(f"{base_url}\0{app.entry_source}\0{app.excluded}".encode())
    folders = [source, ASSETS_DIR, WEB_TEMPLATES, *(folder for folder, _ in app.trees), Path(__file__).parent]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    for wheel in wheels:
        digest.update(wheel.name.encode())
    return digest.hexdigest()


def stage_app(stage: Path, app: AppBundle, wheels: list[Path]) -> None:
    """Lay out what app.tar.gz will hold: entry module, app folders, unpacked wheels."""
    stage.mkdir(parents=True)
    (stage / ENTRY_MODULE).write_text(app.entry_source)
    for folder, name in app.trees:
        for path in sorted(folder.rglob("*")):
            relative = f"{name}/{path.relative_to(folder).as_posix()}"
            if path.is_file() and "__pycache__" not in path.parts and not _excluded(relative, app.excluded):
                (stage / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, stage / relative)
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as unpacked:
            unpacked.extractall(stage / "__pypackages__")


def _excluded(relative: str, excluded: tuple[str, ...]) -> bool:
    return any(relative == e or relative.startswith(e + "/") for e in excluded)


def compile_bytecode(stage: Path, pyodide_dir: Path) -> bool:
    """Precompile with the shipped Pyodide under Node; without Node the build still works, slower to start."""
    node = shutil.which("node")
    if node is None:
        print("note: Node.js not found, so the app ships without precompiled bytecode (it starts slower)")
        return False
    result = subprocess.run(
        [node, str(WEB_TEMPLATES / "compile_pyc.mjs"), str(pyodide_dir), str(stage)], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BuildError(f"compiling bytecode failed:\n{result.stdout[-1000:]}{result.stderr[-2000:]}")
    return True


def write_app_archive(dist: Path, stage: Path) -> None:
    """A reproducible tar.gz of the staged app: sorted names, fixed times and modes."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for path in sorted(stage.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                info = tarfile.TarInfo(path.relative_to(stage).as_posix())
                info.size, info.mtime, info.mode = len(data), 0, 0o644
                archive.addfile(info, io.BytesIO(data))
    (dist / APP_ARCHIVE).write_bytes(gzip.compress(buffer.getvalue(), compresslevel=9, mtime=0))


# Long-press on the installed icon: straight to the moment. Hash routes, as the build uses them.
SHORTCUTS = (
    ("Log a twitch", "Log", routes.LOG_TWITCH, "Note a twitch with one tap"),
    ("Breathe now", "Breathe", routes.BREATHE_NOW, "Start a calm breathing exercise"),
)


def write_shortcuts(manifest_path: Path) -> None:
    manifest = json.loads(manifest_path.read_text())
    manifest["shortcuts"] = [
        {"name": name, "short_name": short, "description": what, "url": f"./#{route}",
         "icons": [{"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png"}]}
        for name, short, route, what in SHORTCUTS
    ]
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False))


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
        # Flutter's loader chooses: the dart2wasm build with skwasm where the browser has WasmGC and
        # WebGL and is Blink (Chrome, Edge, Android), about twice as fast to the first frame; the
        # dart2js build with CanvasKit everywhere else (Safari, Firefox).
        web_renderer=WebRenderer.AUTO,
        route_url_strategy=RouteUrlStrategy.HASH,  # deep links work on any static host
        no_cdn=True,
    )
    html = index.read_text()
    html = _replace_once(html, web_client.SERVED_TAG + "\n  ", "")  # nothing is served from a computer here
    # flet-web 1.0.5 writes a bare "pyodide/pyodide.mjs", which the module worker's import()
    # reads as a package name ("Failed to resolve module specifier"); make it a relative URL.
    html = _replace_once(html, 'flet.pyodideUrl="pyodide/pyodide.mjs"', 'flet.pyodideUrl="./pyodide/pyodide.mjs"')
    html = _replace_once(
        html,
        "</head>",
        '  <meta name="theme-color" content="#4E7D74">\n  <script src="pwa.js" defer></script>\n</head>',
    )
    html = _replace_once(
        html, '<script src="python.js"></script>', '<script src="python.js"></script>\n  <script src="python-prestart.js"></script>'
    )
    # The calm splash is part of the first paint: plain HTML and CSS, no script and no request.
    html = _replace_once(html, "<body>", "<body>\n" + (WEB_TEMPLATES / "splash.html").read_text())
    # The served app's policy, as far as a static host allows (a <meta> cannot set frame-ancestors or
    # the other headers); placed before the first script so it covers all of them.
    policy = csp_for(html.encode("utf-8"), meta=True)
    html = _replace_once(html, '<meta charset="UTF-8">', f'<meta charset="UTF-8">\n  <meta http-equiv="Content-Security-Policy" content="{policy}">')
    index.write_text(html)
    write_shortcuts(dist / "manifest.json")
    fonts = dist / "assets" / "FontManifest.json"
    patch_font_manifest_json(str(fonts))  # adds the bundled Roboto
    families = [
        family
        for family in json.loads(fonts.read_text())
        if not family["family"].startswith(tuple(f"packages/{p}/" for p in UNUSED_FONT_PACKAGES))
    ]
    fonts.write_text(json.dumps(families, indent=2))
    # The project's own Python worker replaces flet-web's (same page protocol; see its header).
    for script in ("pwa.js", "python-prestart.js", "python-worker.js", "python-boot.mjs", "snapshot-maker.js",
                   "full-page-message.js"):
        shutil.copy2(WEB_TEMPLATES / script, dist / script)

    # The served client points Rive at the server root; a site may live under a sub-path. The
    # compiled .wasm keeps its length, so the address is padded with no-op path segments.
    rive = rive_address(base_url, len(web_client.RIVE_LOCAL_BASE))
    for name in ("main.dart.js", "main.dart.wasm"):
        client = dist / name
        code = client.read_bytes()
        if code.count(web_client.RIVE_LOCAL_BASE) != 1:
            raise BuildError(f"{name}: the vendored Rive address was not found once")
        client.write_bytes(code.replace(web_client.RIVE_LOCAL_BASE, rive))

    bootstrap = dist / "flutter_bootstrap.js"
    script = bootstrap.read_text()
    # Flutter would register its own (self-unregistering) worker over ours.
    script = _sub_once(script, r"serviceWorkerSettings:\s*\{[^}]*\},", "")
    script = _sub_once(script, r"var flutterConfig = \{", 'var flutterConfig = {\n    canvasKitVariant: "full",')
    bootstrap.write_text(script)


def rive_address(base_url: str, length: int) -> bytes:
    """`<base>/rivenative/` exactly `length` bytes long: padded with "./" (and one "x/../" when the
    padding is odd), segments that URL resolution removes."""
    base = f"/{base_url.strip('/')}/".replace("//", "/")
    pad = length - len(base) - len("rivenative/")
    if pad < 0:
        raise BuildError(f"the base URL {base_url!r} is too long for the compiled client's Rive address")
    filler = ("x/../" if pad % 2 else "") + "./" * ((pad - 5 * (pad % 2)) // 2)
    if pad % 2 and pad < 5:
        raise BuildError(f"the base URL {base_url!r} cannot be padded to the compiled client's Rive address")
    address = (base + filler + "rivenative/").encode()
    assert len(address) == length
    return address


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
    worker = (
        template.replace("__VERSION__", version)
        .replace("__PRECACHE__", json.dumps(["./", *files], indent=0))
        .replace("__SCRIPT_FONTS__", json.dumps(script_fonts.worker_table()))
        .replace("__FALLBACK_REQUEST__", json.dumps(script_fonts.FALLBACK_REQUEST))
    )
    (dist / "sw.js").write_text(worker)
    return version


def _report(dist: Path, version: str) -> BuildReport:
    files = [p for p in dist.rglob("*") if p.is_file()]
    return BuildReport(
        dist=dist,
        files=len(files),
        bytes_on_disk=sum(p.stat().st_size for p in files),
        bytes_gzipped=sum(len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in files),
        cache_version=version,
    )


def build(dist: Path = DEFAULT_DIST, base_url: str = "/", app: AppBundle = BFS_COMPANION, force: bool = False) -> BuildReport:
    """Build into `dist`; when nothing the build reads has changed since the last build there, keep it."""
    source = web_client.prepare()
    wheels = download_wheels()
    inputs = input_digest(source, wheels, base_url, app)
    stamp = dist.with_name(dist.name + ".inputs")
    if not force and stamp.exists() and (dist / "sw.js").exists():
        recorded = json.loads(stamp.read_text())
        if recorded.get("inputs") == inputs:
            print(f"{dist} is up to date", flush=True)
            return _report(dist, recorded["version"])
    print("copying the web client", flush=True)
    staging = dist.with_name(dist.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    copy_client(source, staging)
    app_stage = dist.with_name(dist.name + ".app")
    shutil.rmtree(app_stage, ignore_errors=True)
    print("staging the app and its wheels", flush=True)
    stage_app(app_stage, app, wheels)
    print("compiling bytecode with the shipped Pyodide", flush=True)
    compile_bytecode(app_stage, source / "pyodide")
    print("writing app.tar.gz", flush=True)
    write_app_archive(staging, app_stage)
    shutil.rmtree(app_stage)
    patch_page(staging, base_url)
    version = write_service_worker(staging)
    stamp.unlink(missing_ok=True)
    shutil.rmtree(dist, ignore_errors=True)
    staging.rename(dist)
    stamp.write_text(json.dumps({"inputs": inputs, "version": version}))
    return _report(dist, version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline PWA into a static folder.")
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST)
    parser.add_argument("--base-url", default="/", help="path the site is served under, e.g. /bfs/")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    args = parser.parse_args(argv)
    try:
        report = build(args.dist.resolve(), args.base_url, force=args.force)
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
