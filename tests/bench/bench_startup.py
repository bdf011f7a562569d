"""Start-up and size of the offline build, beside a Flet hello-world built by the same tool.

Run with `make bench`. Both apps are built into a temporary folder; then, alternating between
them, RUNS times each with a fresh browser profile: a cold first visit from the static server
(timed from navigation start until the first screen is usable, read through Flutter's semantics
tree); then, with the server still up, the browser waits until the app is idle and its start-up
snapshot is stored (BFS Companion makes it on the device; the hello-world never asks for one);
then the server is stopped and the browser restarted for a warm offline launch served by the
service worker. Prints medians, and the median of the per-run paired ratios (with their range).
The hello-world gets the same page scripts and Python worker (the build adds them to every app),
so it is a stricter floor than a stock `flet publish` build. Not a test: numbers for reading, on
a noisy machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from pwa.tools.build_pwa import BFS_COMPANION, AppBundle, build
from tests.browser.conftest import CHROMIUM_ARGS, DenyAllProxy, StaticServer, find_chromium

HELLO_WORLD = AppBundle(
    entry_source='import flet as ft\n\nft.run(lambda page: page.add(ft.Text("Hello, world!")))\n'
)
APPS = {"BFS Companion": (BFS_COMPANION, "Log a twitch"), "Flet hello-world": (HELLO_WORLD, "Hello, world!")}
SNAPSHOT_WAIT_SECONDS = {"BFS Companion": 90, "Flet hello-world": 0}

MARKS_SCRIPT = """
(() => {
  const marks = window.__benchMarks = {};
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  window.addEventListener("flutter-first-frame", () => mark("first_frame"));
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === "first-contentful-paint") marks.splash_paint = entry.startTime;  // the splash is the first content
    }
  }).observe({ type: "paint", buffered: true });
  const log = console.log;
  console.log = function (...args) {
    if (String(args[0]).includes("Python worker initialized")) mark("python_ready");
    return log.apply(this, args);
  };
  const poll = setInterval(() => {
    const placeholder = document.querySelector("flt-semantics-placeholder");
    if (placeholder && !("semantics_on" in marks)) { mark("semantics_on"); placeholder.click(); }
    const host = document.querySelector("flt-semantics-host");
    const want = window.__benchWant;
    if (host && want && [...host.querySelectorAll("*")].some((e) =>
        (e.getAttribute("aria-label") || "").includes(want) ||
        (e.childElementCount === 0 && (e.textContent || "").includes(want)))) {
      mark("usable");
      clearInterval(poll);
    }
  }, 10);
})();
"""


SNAPSHOT_STORED = """async () => !!(await (await caches.open("bfs-startup-snapshot")).match("snapshot"))"""


def load_once(playwright, chromium: str, args: list[str], profile: Path, url: str, want: str, snapshot_wait: float = 0) -> dict:
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=chromium, headless=True, args=args,
        viewport={"width": 390, "height": 844}, service_workers="allow",
    )  # fmt: skip
    try:
        context.add_init_script(f"window.__benchWant = {want!r};")
        context.add_init_script(MARKS_SCRIPT)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(url)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            marks = page.evaluate("() => window.__benchMarks || {}")
            if "usable" in marks:
                break
            time.sleep(0.05)
        else:
            raise TimeoutError(f"{want!r} never became visible at {url}")
        page.evaluate(
            """async () => { await navigator.serviceWorker.ready;
              while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50)); }"""
        )
        marks["js_heap_mb"] = page.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null")
        deadline = time.monotonic() + snapshot_wait
        while time.monotonic() < deadline and not page.evaluate(SNAPSHOT_STORED):
            page.wait_for_timeout(500)
        marks["snapshot_stored"] = page.evaluate(SNAPSHOT_STORED)
        return marks
    finally:
        context.close()


def measure_all(runs: int, workdir: Path, chromium: str, args: list[str]) -> dict:
    """Build every app, then alternate between them run by run, so machine noise hits all alike."""
    results = {}
    for name, (bundle, want) in APPS.items():
        results[name] = (build(workdir / name.replace(" ", "-") / "dist", app=bundle), [], [])
    with sync_playwright() as playwright:
        for run in range(runs):
            for name, (_, want) in APPS.items():
                report, cold, warm = results[name]
                server = StaticServer(report.dist, workdir / "server.log")
                server.start()
                profile = workdir / f"profile-{name.replace(' ', '-')}-{run}"
                try:
                    cold.append(load_once(playwright, chromium, args, profile, server.url, want, SNAPSHOT_WAIT_SECONDS[name]))
                finally:
                    server.stop()
                warm.append(load_once(playwright, chromium, args, profile, server.url, want))
    return results


def median(marks: list[dict], key: str, scale: float = 1000) -> float:
    return statistics.median(m[key] for m in marks if m.get(key) is not None) / scale


def paired(ours: list[dict], floor: list[dict], key: str) -> tuple[float, float, float]:
    """Median and range of the per-run ratios ours/floor (runs alternate, so each pair shares the machine's mood)."""
    ratios = [a[key] / b[key] for a, b in zip(ours, floor) if a.get(key) and b.get(key)]
    return statistics.median(ratios), min(ratios), max(ratios)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("Chromium not found: install it with `sudo apt-get install chromium`.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp, DenyAllProxy() as proxy:
        args = [*CHROMIUM_ARGS, f"--proxy-server=http://127.0.0.1:{proxy.port}"]
        results = measure_all(options.runs, Path(tmp), chromium, args)
        external = list(proxy.attempts)

    ours, floor = results["BFS Companion"], results["Flet hello-world"]
    print(f"\nOffline build start-up, {options.runs} interleaved runs (seconds from navigation start)\n")
    print(f"| {'measure':48} | {'BFS Companion':>13} | {'hello-world':>11} | {'paired ratio (range)':>22} |")
    print(f"|{'-' * 50}|{'-' * 15}|{'-' * 13}|{'-' * 24}|")
    sizes = [
        ("dist on disk (MB)", ours[0].bytes_on_disk / 1e6, floor[0].bytes_on_disk / 1e6),
        ("dist gzipped, all precached (MB)", ours[0].bytes_gzipped / 1e6, floor[0].bytes_gzipped / 1e6),
    ]
    for label, a, b in sizes:
        print(f"| {label:48} | {a:13.2f} | {b:11.2f} | {a / b:22.2f} |")
    for label, index in (("warm offline launch", 2), ("cold first visit", 1)):
        for key, what in (("splash_paint", "splash painted"), ("first_frame", "first Flutter frame"),
                          ("python_ready", "Python ready"), ("usable", "Home usable")):
            ratio, low, high = paired(ours[index], floor[index], key)
            a, b = median(ours[index], key), median(floor[index], key)
            print(f"| {label + ': ' + what:48} | {a:13.2f} | {b:11.2f} | {ratio:8.2f} ({low:.2f}-{high:.2f}) |")
        a, b = median(ours[index], "js_heap_mb", 1), median(floor[index], "js_heap_mb", 1)
        print(f"| {label + ': page JS heap after Home (MB)':48} | {a:13.1f} | {b:11.1f} | {a / b:22.2f} |")
    stored = sum(bool(m.get("snapshot_stored")) for m in ours[1])
    print(f"\nstart-up snapshot stored before the warm launch in {stored} of {len(ours[1])} runs")
    print(f"requests refused by the deny-all proxy: {len(external)} (Chromium's own background connections included)")
    print("targets: splash <= 0.3 s; warm Home usable <= 0.5x hello-world (aim 0.4x); cold <= 1.1x; gzipped <= 20 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
