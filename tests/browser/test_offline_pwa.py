"""The offline build in headless Chromium: install once, then it works with the server gone."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, StaticServer
from tests.browser.helpers import (
    STEP_TIMEOUT_MS,
    assert_every_script_font_arrived_once,
    assert_zoom_allowed,
    enable_semantics,
    record_external_requests,
    record_font_responses,
    tap,
    wait_for_home,
    write_a_note_in_every_script,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}

WAIT_FOR_CONTROLLING_WORKER = """async () => {
  await navigator.serviceWorker.ready;
  for (let i = 0; i < 600 && !navigator.serviceWorker.controller; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const controller = navigator.serviceWorker.controller;
  const keys = (await caches.keys()).filter((key) => key.startsWith("bfs-companion-"));  // the app's files
  const cached = keys.length ? (await (await caches.open(keys[0])).keys()).length : 0;
  return {controller: controller && controller.scriptURL, caches: keys, cached};
}"""

# What Emscripten's IDBFS stored for the database file: proof that a write reached IndexedDB.
STORED_DATABASE = """() => new Promise((resolve) => {
  const opening = indexedDB.open("/persist");
  opening.onerror = () => resolve(null);
  opening.onsuccess = () => {
    const db = opening.result;
    if (!db.objectStoreNames.contains("FILE_DATA")) { db.close(); resolve(null); return; }
    const read = db.transaction("FILE_DATA").objectStore("FILE_DATA").get("/persist/bfs-companion.json");
    read.onsuccess = () => {
      const record = read.result;
      db.close();
      resolve(record && record.contents ? new TextDecoder().decode(record.contents) : null);
    };
    read.onerror = () => { db.close(); resolve(null); };
  };
})"""

CHECK_MANIFEST = """async () => {
  const link = document.querySelector('link[rel="manifest"]');
  const manifest = await (await fetch(link.href)).json();
  const icons = [];
  for (const icon of manifest.icons) {
    const blob = await (await fetch(new URL(icon.src, link.href))).blob();
    const bitmap = await createImageBitmap(blob);
    icons.push({sizes: icon.sizes, purpose: icon.purpose || "any", actual: `${bitmap.width}x${bitmap.height}`});
  }
  return {manifest, icons};
}"""


def wait_until_stored(page, text: str, timeout_s: float = 20) -> str:
    deadline = time.monotonic() + timeout_s
    stored = None
    while time.monotonic() < deadline:
        stored = page.evaluate(STORED_DATABASE)
        if stored and text in stored:
            return stored
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never reached IndexedDB; last stored: {stored!r}")


def launch_phone(playwright, chromium_path: str, launch_args: list[str], profile):
    """Start (or restart) the browser on a profile that survives between launches."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path, headless=True, args=launch_args,
        viewport=PHONE, service_workers="allow",
    )  # fmt: skip
    return context, (context.pages[0] if context.pages else context.new_page())


def open_settings_and_expect_dark(page) -> None:
    tap(page.get_by_role("button", name="Settings"))
    page.get_by_role("radio", name="Dark", checked=True).wait_for(timeout=STEP_TIMEOUT_MS)


# What a browser without WasmGC (Safari, Firefox) looks like to Flutter's loader: it then takes the
# dart2js build with CanvasKit, as those browsers do.
WITHOUT_WASM_GC = "WebAssembly.validate = () => false;"
RENDERER_IN_USE = "() => window._flutter_skwasmInstance ? 'skwasm' : (window.flutterCanvasKit ? 'canvaskit' : null)"


@pytest.mark.parametrize("renderer", ["skwasm", "canvaskit"])
def test_installed_app_works_offline_and_keeps_data_across_restarts(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path, renderer
):
    index = (pwa_dist / "index.html").read_text()
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', index)
    assert policy and "default-src 'self'" in policy.group(1) and "'sha256-" in policy.group(1)
    assert index.index("Content-Security-Policy") < index.index("<script")  # it covers every script
    server = StaticServer(pwa_dist, ARTIFACTS / "static-server.log")
    profile = tmp_path / "profile"
    external: list[str] = []  # requests leaving the machine and Content-Security-Policy refusals
    console: list[str] = []  # written to the artifacts folder, to explain a failure

    def launch():
        context, page = launch_phone(playwright, chromium_path, launch_args, profile)
        if renderer == "canvaskit":
            context.add_init_script(WITHOUT_WASM_GC)
        record_external_requests(context, external)
        page.on("console", lambda message: console.append(f"{message.type}: {message.text[:500]}"))
        page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
        return context, page

    server.start()
    context, page = launch()
    try:
        page.goto(server.url)
        wait_for_home(page)
        assert_zoom_allowed(page)
        assert page.evaluate(RENDERER_IN_USE) == renderer
        worker = page.evaluate(WAIT_FOR_CONTROLLING_WORKER)
        assert worker["controller"] == server.url + "sw.js"
        assert len(worker["caches"]) == 1 and worker["caches"][0].startswith("bfs-companion-")
        assert worker["cached"] == len([p for p in pwa_dist.rglob("*") if p.is_file()])  # every file but sw.js, plus "./"

        checked = page.evaluate(CHECK_MANIFEST)
        assert checked["manifest"]["name"] == "BFS Companion"
        assert checked["manifest"]["display"] == "standalone"
        assert all(icon["sizes"] == icon["actual"] for icon in checked["icons"])
        assert {("512x512", "maskable"), ("192x192", "any")} <= {(i["sizes"], i["purpose"]) for i in checked["icons"]}
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []

        tap(page.get_by_role("button", name="Settings"))
        tap(page.get_by_role("radio", name="Dark"))
        page.get_by_role("radio", name="Dark", checked=True).wait_for(timeout=STEP_TIMEOUT_MS)
        assert json.loads(wait_until_stored(page, '"dark"'))["settings"]["1"]["theme"] == "dark"
        tap(page.get_by_role("button", name=re.compile("^(Close|Back)")))
        page.get_by_role("button", name="Log a twitch").wait_for(timeout=STEP_TIMEOUT_MS)  # back on Home

        server.stop()  # airplane mode from here on
        page.reload()
        wait_for_home(page)
        tap(page.get_by_role("tab", name="Guide"))
        # The list first (a tap sent while the tab is still switching can land on the old screen).
        page.get_by_text("This guide informs, it does not diagnose.").first.wait_for(timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name=re.compile("^When to see a doctor")))
        page.get_by_text("Call an emergency number now").wait_for(timeout=STEP_TIMEOUT_MS)
        page.screenshot(path=ARTIFACTS / "pwa-offline-chapter.png")
        page.goto(server.url)  # back to Home, still offline
        wait_for_home(page)
        open_settings_and_expect_dark(page)
        page.screenshot(path=ARTIFACTS / "pwa-offline-settings.png")
        tap(page.get_by_role("button", name=re.compile("^(Close|Back)")))

        # mid-episode, offline: log a twitch, then take the log out as a CSV download
        tap(page.get_by_role("button", name="Log a twitch"))
        tap(page.get_by_role("button", name=re.compile("^left calf")))
        page.locator("flt-semantics-host").get_by_text(re.compile("^Noted: left calf at")).wait_for(timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name=re.compile("^(Close|Back)")))
        tap(page.get_by_role("tab", name="Log"))
        tap(page.get_by_role("button", name="Export and import"))
        with page.expect_download(timeout=STEP_TIMEOUT_MS) as download:
            tap(page.get_by_role("button", name="Save the log as CSV"))
        assert download.value.suggested_filename.startswith("bfs-companion-log-")
        exported = Path(download.value.path()).read_text("utf-8").splitlines()
        assert exported[0].startswith("id,started_at,locations") and ",left calf,,,twitch,," in exported[1]
    except Exception:
        page.screenshot(path=ARTIFACTS / "pwa-failure.png")
        raise
    finally:
        (ARTIFACTS / "pwa-console.log").write_text("\n".join(console))
        context.close()

    context, page = launch()  # a browser restart, still offline
    try:
        page.goto(server.url)
        wait_for_home(page)
        open_settings_and_expect_dark(page)
        page.screenshot(path=ARTIFACTS / "pwa-offline-after-restart.png")
        tap(page.get_by_role("button", name=re.compile("^(Close|Back)")))
        tap(page.get_by_role("tab", name="Log"))
        page.get_by_text(re.compile("· left calf")).first.wait_for(timeout=STEP_TIMEOUT_MS)  # the offline entry is kept
    finally:
        context.close()
        server.stop()

    assert external == []
    assert deny_proxy.app_attempts() == []


def test_a_new_version_waits_for_the_next_launch_and_says_so(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path
):
    from pwa.tools.build_pwa import write_service_worker

    site = tmp_path / "site"
    shutil.copytree(pwa_dist, site)
    server = StaticServer(site, ARTIFACTS / "static-server-update.log")
    profile = tmp_path / "profile"

    server.start()
    try:
        context, page = launch_phone(playwright, chromium_path, launch_args, profile)
        try:
            page.goto(server.url)
            wait_for_home(page)
            first = page.evaluate(WAIT_FOR_CONTROLLING_WORKER)["caches"]

            (site / "pwa.js").write_text((site / "pwa.js").read_text() + "\n// next version\n")
            write_service_worker(site)  # a new build: new content hash, new cache name
            page.reload()
            wait_for_home(page)  # the running version keeps working while the new one installs
            notice = page.locator("#bfs-update-notice")
            notice.wait_for(timeout=STEP_TIMEOUT_MS * 3)
            assert "update is ready" in notice.inner_text()
            assert page.evaluate(WAIT_FOR_CONTROLLING_WORKER)["controller"] == server.url + "sw.js"
        finally:
            context.close()

        context, page = launch_phone(playwright, chromium_path, launch_args, profile)  # the next launch: the new version takes over
        try:
            page.goto(server.url)
            notice = page.locator("#bfs-update-notice")
            notice.wait_for(timeout=STEP_TIMEOUT_MS * 3)
            assert "was updated" in notice.inner_text()
            wait_for_home(page)
            caches_now = page.evaluate(WAIT_FOR_CONTROLLING_WORKER)["caches"]
            assert len(caches_now) == 1 and caches_now != first  # the old cache was cleaned up
        finally:
            context.close()
    finally:
        server.stop()
    assert deny_proxy.app_attempts() == []


# The log's files as IDBFS stored them in IndexedDB (path -> bytes as a list of numbers).
STORED_LOG_FILES = """() => new Promise((resolve) => {
  const opening = indexedDB.open("/persist");
  opening.onerror = () => resolve({});
  opening.onsuccess = () => {
    const db = opening.result;
    if (!db.objectStoreNames.contains("FILE_DATA")) { db.close(); resolve({}); return; }
    const files = {};
    const cursor = db.transaction("FILE_DATA").objectStore("FILE_DATA").openCursor();
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (!current) { db.close(); resolve(files); return; }
      if (String(current.key).includes("bfs-companion-log") && current.value.contents) {
        files[current.key] = Array.from(current.value.contents);
      }
      current.continue();
    };
  };
})"""


def log_in_indexeddb(page, folder: Path) -> list:
    """Open what IndexedDB holds with the app's own log store: the entries a restart would find."""
    from pwa.adapters.episode_repository import JournalEpisodeRepository
    from pwa.adapters.journal_store import JournalStore

    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for path, contents in page.evaluate(STORED_LOG_FILES).items():
        (folder / Path(path).name).write_bytes(bytes(contents))
    return JournalEpisodeRepository(JournalStore(folder / "bfs-companion-log.json")).find()


def install_then_go_offline(playwright, chromium_path, launch_args, pwa_dist, profile):
    server = StaticServer(pwa_dist, ARTIFACTS / "static-server-durability.log")
    server.start()
    context, page = launch_phone(playwright, chromium_path, launch_args, profile)
    page.goto(server.url)
    wait_for_home(page)
    assert page.evaluate(WAIT_FOR_CONTROLLING_WORKER)["controller"] == server.url + "sw.js"
    server.stop()  # airplane mode from here on
    return server, context, page


def test_a_twitch_logged_just_before_closing_the_app_is_there_next_time(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path
):
    """Log, close the page the moment "Noted" shows, reopen offline: 20 times, no entry lost."""
    server, context, page = install_then_go_offline(playwright, chromium_path, launch_args, pwa_dist, tmp_path / "profile")
    external: list[str] = []
    record_external_requests(context, external)
    try:
        page.close()
        for attempt in range(20):
            page = context.new_page()
            page.goto(server.url)
            wait_for_home(page)
            if attempt:  # what the last window logged before it was closed at once
                assert len(log_in_indexeddb(page, tmp_path / "idb")) == attempt
            tap(page.get_by_role("button", name="Log a twitch"))
            tap(page.get_by_role("button", name=re.compile("^left calf")))
            page.locator("flt-semantics-host").get_by_text(re.compile("^Noted: left calf at")).wait_for(timeout=STEP_TIMEOUT_MS)
            page.close(run_before_unload=False)  # gone at once, as when the app is swiped away
        page = context.new_page()
        page.goto(server.url)
        wait_for_home(page)
        assert len(log_in_indexeddb(page, tmp_path / "idb")) == 20
        tap(page.get_by_role("tab", name="Log"))
        page.get_by_text(re.compile("· left calf")).first.wait_for(timeout=STEP_TIMEOUT_MS)
    finally:
        context.close()
    assert external == []
    assert deny_proxy.app_attempts() == []


def test_a_second_window_waits_for_the_first_and_then_opens_with_its_entries(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path
):
    server, context, first = install_then_go_offline(playwright, chromium_path, launch_args, pwa_dist, tmp_path / "profile")
    try:
        second = context.new_page()
        second.goto(server.url)
        notice = second.locator("#bfs-open-elsewhere")
        notice.wait_for(timeout=STEP_TIMEOUT_MS)
        assert "open in another tab or window" in notice.inner_text()
        assert notice.get_attribute("role") == "status"
        second.wait_for_timeout(3000)
        assert second.workers == []  # its Python has not started, so it holds no copy of the data

        tap(first.get_by_role("button", name="Log a twitch"))
        tap(first.get_by_role("button", name=re.compile("^left calf")))
        first.locator("flt-semantics-host").get_by_text(re.compile("^Noted: left calf at")).wait_for(timeout=STEP_TIMEOUT_MS)
        first.close()

        notice.wait_for(state="detached", timeout=STEP_TIMEOUT_MS)
        wait_for_home(second)
        tap(second.get_by_role("tab", name="Log"))
        second.get_by_text(re.compile("· left calf")).first.wait_for(timeout=STEP_TIMEOUT_MS)  # the first window's entry
        tap(second.get_by_role("button", name="Log a twitch"))
        tap(second.get_by_role("button", name=re.compile("^left calf")))
        second.locator("flt-semantics-host").get_by_text(re.compile("^Noted: left calf at")).wait_for(timeout=STEP_TIMEOUT_MS)
        assert len(log_in_indexeddb(second, tmp_path / "idb")) == 2  # neither window's entry was overwritten
    finally:
        context.close()
    assert deny_proxy.app_attempts() == []


SPLASH_STATE = """() => {
  const box = document.getElementById("bfs-splash");
  if (!box) return null;
  const circle = getComputedStyle(box.querySelector(".circle"));
  return {
    visible: getComputedStyle(box).opacity !== "0" && box.getBoundingClientRect().width > 0,
    animation: circle.animationName,
    still: getComputedStyle(box.querySelector(".still")).opacity,
    words: box.querySelector(".words").innerText,
    failed: box.classList.contains("failed"),
    problem: document.getElementById("bfs-splash-problem").innerText,
  };
}"""


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_a_calm_splash_is_the_first_paint_and_leaves_once_home_is_built(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path, motion
):
    html = (pwa_dist / "index.html").read_text()
    assert html.index('id="bfs-splash"') < html.index('src="flutter_bootstrap.js"')  # in the HTML, before any app code
    assert "served.js" not in html and not (pwa_dist / "served.js").exists()  # the served run's script stays there
    server = StaticServer(pwa_dist, ARTIFACTS / f"static-server-splash-{motion}.log")
    server.start()
    browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=launch_args)
    try:
        context = browser.new_context(viewport=PHONE, reduced_motion=motion)
        page = context.new_page()
        page.goto(server.url, wait_until="commit")
        page.wait_for_selector("#bfs-splash", state="attached", timeout=STEP_TIMEOUT_MS)
        first = page.evaluate(SPLASH_STATE)
        page.screenshot(path=ARTIFACTS / f"pwa-splash-{motion}.png")
        assert first["visible"] and not first["failed"]
        if motion == "reduce":
            assert first["animation"] == "none" and first["still"] == "1"
        else:
            assert first["animation"] == "bfs-breathe" and first["still"] == "0"
        wait_for_home(page)
        page.wait_for_selector("#bfs-splash", state="detached", timeout=STEP_TIMEOUT_MS)
        context.close()
    finally:
        browser.close()
        server.stop()
    assert deny_proxy.app_attempts() == []


def test_when_python_cannot_start_the_splash_says_so_and_offers_try_again(
    playwright, chromium_path, launch_args, pwa_dist, tmp_path
):
    site = tmp_path / "site"
    shutil.copytree(pwa_dist, site)
    (site / "app.tar.gz").write_bytes(b"this is not an archive")  # a broken file
    server = StaticServer(site, ARTIFACTS / "static-server-broken.log")
    server.start()
    browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=launch_args)
    try:
        page = browser.new_context(viewport=PHONE, service_workers="block").new_page()
        page.goto(server.url)
        page.wait_for_function("() => document.getElementById('bfs-splash')?.classList.contains('failed')", timeout=120_000)
        state = page.evaluate(SPLASH_STATE)
        page.screenshot(path=ARTIFACTS / "pwa-splash-failed.png")
        assert state["problem"].startswith("BFS Companion could not start in this browser")
        assert "Nothing you saved has been changed." in state["problem"] and "(Details: " in state["problem"]
        retry = page.locator("#bfs-splash-retry")
        assert retry.is_visible() and retry.inner_text() == "Try again"
        assert page.evaluate("() => document.activeElement.id") == "bfs-splash-retry"
        with page.expect_navigation(timeout=STEP_TIMEOUT_MS):
            retry.click()
    finally:
        browser.close()
        server.stop()


@pytest.mark.parametrize(("name", "marker"), [("Log a twitch", "Where is it?"), ("Breathe now", "Breathe in")])
def test_the_icon_shortcuts_open_their_screen_offline(playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path, name, marker):
    manifest = json.loads((pwa_dist / "manifest.json").read_text())
    (shortcut,) = [s for s in manifest["shortcuts"] if s["name"] == name]
    server, context, page = install_then_go_offline(playwright, chromium_path, launch_args, pwa_dist, tmp_path / "profile")
    try:
        page.close()
        page = context.new_page()  # a fresh launch from the icon's menu, with the server gone
        page.goto(server.url + shortcut["url"].removeprefix("./"))
        enable_semantics(page)
        page.get_by_text(re.compile(marker)).first.wait_for(timeout=120_000)
    finally:
        context.close()
    assert deny_proxy.app_attempts() == []


def test_an_unchanged_build_is_not_redone(pwa_dist):
    from pwa.tools.build_pwa import build

    before = {p: p.stat().st_mtime_ns for p in (pwa_dist / "sw.js", pwa_dist / "app.tar.gz")}
    version = re.search(r'const VERSION = "(\w+)"', (pwa_dist / "sw.js").read_text()).group(1)
    started = time.monotonic()
    report = build(pwa_dist)
    assert {p: p.stat().st_mtime_ns for p in before} == before
    assert report.cache_version == version
    assert time.monotonic() - started < 30  # hashing inputs only, no staging or compiling


def launch_and_time(context, url: str) -> float:
    page = context.new_page()
    started = time.monotonic()
    page.goto(url)
    wait_for_home(page)
    elapsed = time.monotonic() - started
    tap(page.get_by_role("button", name="Log a twitch"))  # Python answers: the restored app is alive
    tap(page.get_by_role("button", name=re.compile("^left calf")))
    page.locator("flt-semantics-host").get_by_text(re.compile("^Noted: left calf at")).wait_for(timeout=STEP_TIMEOUT_MS)
    page.close()
    return elapsed


def wait_for_console(page, console: list[str], text: str, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if any(text in line for line in console):
            return
        page.wait_for_timeout(250)  # lets Playwright deliver the console events meanwhile
    raise AssertionError(f"{text!r} never logged; console: {console[-20:]}")


SNAPSHOT_HEADERS = """async () => {
  const hit = await (await caches.open("bfs-startup-snapshot")).match("snapshot");
  return hit ? {version: hit.headers.get("x-pyodide-version"), digest: hit.headers.get("x-app-digest"),
                size: (await hit.arrayBuffer()).byteLength} : null;
}"""


def test_the_next_launch_restores_python_from_a_snapshot_made_on_the_device(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path
):
    server, context, page = install_then_go_offline(playwright, chromium_path, launch_args, pwa_dist, tmp_path / "profile")
    console: list[str] = []
    context.on("console", lambda message: console.append(message.text))
    try:
        wait_for_console(page, console, "start-up snapshot stored", timeout_s=180)
        stored = page.evaluate(SNAPSHOT_HEADERS)
        archive_digest = hashlib.sha256((pwa_dist / "app.tar.gz").read_bytes()).hexdigest()
        assert stored["digest"] == archive_digest and stored["size"] > 1_000_000
        page.close()
        console.clear()
        launch_and_time(context, server.url)
        assert any("Python restored from the start-up snapshot" in line for line in console)

        # A damaged snapshot (same keys, broken bytes): deleted, and the app starts normally in that launch.
        page = context.new_page()
        page.goto(server.url)
        wait_for_home(page)
        page.evaluate("""async (headers) => {
          const cache = await caches.open("bfs-startup-snapshot");
          await cache.put("snapshot", new Response(new Uint8Array(4096).fill(7), {headers: {
            "x-pyodide-version": headers.version, "x-app-digest": headers.digest}}));
        }""", stored)
        page.close()
        console.clear()
        launch_and_time(context, server.url)
        assert any("start-up snapshot could not be used, so it was deleted" in line for line in console)
        assert not any("Python restored" in line for line in console)
    finally:
        context.close()
    assert deny_proxy.app_attempts() == []


def test_after_an_update_home_is_the_new_version_not_the_snapshot_of_the_old_one(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path
):
    from pwa.tools.build_pwa import BFS_COMPANION, PROJECT_ROOT, AppBundle, build

    site = tmp_path / "site"
    shutil.copytree(pwa_dist, site)
    server = StaticServer(site, ARTIFACTS / "static-server-snapshot-update.log")
    server.start()
    context, page = launch_phone(playwright, chromium_path, launch_args, tmp_path / "profile")
    console: list[str] = []
    context.on("console", lambda message: console.append(message.text))
    try:
        page.goto(server.url)
        wait_for_home(page)
        wait_for_console(page, console, "start-up snapshot stored", timeout_s=180)
        page.close()
        launch_and_time(context, server.url)
        assert any("Python restored from the start-up snapshot" in line for line in console)

        # The next version changes a text on Home.
        changed = tmp_path / "changed"
        shutil.copytree(PROJECT_ROOT / "pwa", changed / "pwa", ignore=shutil.ignore_patterns("__pycache__"))
        home = changed / "pwa" / "ui" / "home" / "home_screen.py"
        home.write_text(home.read_text().replace("Twitching right now?", "Twitching right now? Version two."))
        trees = tuple((changed / "pwa", name) if name == "pwa" else (folder, name) for folder, name in BFS_COMPANION.trees)
        build(tmp_path / "next", app=AppBundle(BFS_COMPANION.entry_source, trees, BFS_COMPANION.excluded))
        shutil.rmtree(site)
        shutil.copytree(tmp_path / "next", site)

        page = context.new_page()
        page.goto(server.url)
        page.locator("#bfs-update-notice").wait_for(timeout=STEP_TIMEOUT_MS * 3)  # the new version waits
        context.close()
        console.clear()
        context, page = launch_phone(playwright, chromium_path, launch_args, tmp_path / "profile")  # the next launch
        context.on("console", lambda message: console.append(message.text))
        page.goto(server.url)
        page.locator("#bfs-update-notice").wait_for(timeout=STEP_TIMEOUT_MS * 3)
        assert "was updated" in page.locator("#bfs-update-notice").inner_text()
        wait_for_home(page)
        page.get_by_text("Twitching right now? Version two.").wait_for(timeout=STEP_TIMEOUT_MS)
        assert not any("Python restored" in line for line in console)
    finally:
        context.close()
        server.stop()
    assert deny_proxy.app_attempts() == []


FAKE_INSTALL_PROMPT = """() => {
  const event = new Event("beforeinstallprompt", { cancelable: true });
  event.prompt = () => { window.__bfsPrompted = (window.__bfsPrompted || 0) + 1; };
  event.userChoice = Promise.resolve({ outcome: "accepted", platform: "web" });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}"""


def test_installing_is_part_of_the_app(playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path):
    server = StaticServer(pwa_dist, ARTIFACTS / "static-server-install.log")
    server.start()
    context, page = launch_phone(playwright, chromium_path, launch_args, tmp_path / "profile")
    try:
        page.goto(server.url)
        wait_for_home(page)
        ready = page.locator("#bfs-offline-ready")
        ready.wait_for(timeout=STEP_TIMEOUT_MS)
        assert ready.inner_text() == "Ready to use offline: BFS Companion now opens without a connection."

        # Settings asks the page about the device.
        tap(page.get_by_role("button", name="Settings"))
        page.get_by_text("Ready to use offline.").wait_for(timeout=STEP_TIMEOUT_MS)
        page.get_by_text(re.compile("^Opened in the browser")).wait_for(timeout=STEP_TIMEOUT_MS)
        tap(page.get_by_role("button", name=re.compile("^(Close|Back)")))

        # Chromium's install prompt, offered calmly: "Not now" keeps it away for a while.
        assert page.evaluate(FAKE_INSTALL_PROMPT) is True  # the browser's own mini-bar is held back
        offer = page.locator("#bfs-install-offer")
        offer.wait_for(timeout=STEP_TIMEOUT_MS)
        assert offer.get_attribute("aria-label") == "Install BFS Companion"
        offer.get_by_role("button", name="Not now").click()
        offer.wait_for(state="detached", timeout=STEP_TIMEOUT_MS)
        page.evaluate(FAKE_INSTALL_PROMPT)
        page.wait_for_timeout(500)
        assert offer.count() == 0

        page.evaluate("() => localStorage.removeItem('bfs-companion.install-later-until')")
        page.evaluate(FAKE_INSTALL_PROMPT)
        offer.get_by_role("button", name="Install on this device").click()
        page.wait_for_function("() => window.__bfsPrompted === 1", timeout=STEP_TIMEOUT_MS)
        page.wait_for_function("() => localStorage.getItem('bfs-companion.installed') === 'yes'", timeout=STEP_TIMEOUT_MS)
        assert offer.count() == 0
    finally:
        context.close()

    # iPhone Safari has no prompt: the two steps instead.
    browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=launch_args)
    try:
        iphone = browser.new_context(
            viewport=PHONE, service_workers="block",
            user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
        )  # fmt: skip
        page = iphone.new_page()
        page.goto(server.url)
        steps = page.locator("#bfs-install-offer")
        steps.wait_for(timeout=120_000)
        assert "tap the Share button, then \u201cAdd to Home Screen\u201d" in steps.inner_text()
        steps.get_by_role("button", name="OK").click()
        steps.wait_for(state="detached", timeout=STEP_TIMEOUT_MS)
    finally:
        browser.close()
        server.stop()
    assert deny_proxy.app_attempts() == []


def test_offline_a_note_in_any_script_is_drawn_with_the_precached_fonts(
    playwright, chromium_path, launch_args, pwa_dist, deny_proxy, tmp_path
):
    server, context, page = install_then_go_offline(playwright, chromium_path, launch_args, pwa_dist, tmp_path / "profile")
    external: list[str] = []
    fonts: list[tuple[int, str]] = []
    record_external_requests(context, external)
    record_font_responses(page, fonts)
    try:
        # The install offer (pwa.js) would take the keyboard's focus if it came up while typing.
        page.evaluate("""() => {
            localStorage.setItem("bfs-companion.install-later-until", String(Date.now() + 86400000));
            document.getElementById("bfs-install-offer")?.remove();
        }""")
        write_a_note_in_every_script(page)
        page.screenshot(path=ARTIFACTS / "pwa-offline-note-in-every-script.png")
    finally:
        context.close()
    assert_every_script_font_arrived_once(fonts)
    assert external == []
    assert deny_proxy.app_attempts() == []


def test_the_build_ships_a_stand_in_for_the_rive_runtime_the_app_never_draws_with(pwa_dist):
    shipped = sorted(p.relative_to(pwa_dist).as_posix() for p in (pwa_dist / "rivenative").rglob("*") if p.is_file())
    assert shipped == ["rivenative/wasm/rive_native.js", "rivenative/wasm_compatibility/rive_native.js"]
    for path in shipped:
        assert "Promise.reject" in (pwa_dist / path).read_text()  # the client's "Rive is not available" path
