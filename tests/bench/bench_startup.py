"""Start-up and size of the offline build, beside a stock Flet hello-world built the same way.

Run with `make bench`. Both apps are built into a temporary folder; then, alternating between
them, RUNS times each with a fresh browser profile: a cold load from the static server (timed
from navigation start until the first screen is usable, read through Flutter's semantics tree),
then the server is stopped and the browser restarted for a warm offline launch served by the
service worker. Prints medians and the ratio to the hello-world floor. Not a test: the numbers
are for reading, on a noisy machine.
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

MARKS_SCRIPT = """
(() => {
  const marks = window.__benchMarks = {};
  const mark = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
  window.addEventListener("flutter-first-frame", () => mark("first_frame"));
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


def load_once(playwright, chromium: str, args: list[str], profile: Path, url: str, want: str) -> dict:
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
                    cold.append(load_once(playwright, chromium, args, profile, server.url, want))
                finally:
                    server.stop()
                warm.append(load_once(playwright, chromium, args, profile, server.url, want))
    return results


def median(marks: list[dict], key: str) -> float:
    return statistics.median(m[key] for m in marks if key in m) / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
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
    print(f"\nOffline build start-up, median of {options.runs} runs (seconds from navigation start)\n")
    print(f"| {'measure':38} | {'BFS Companion':>13} | {'hello-world':>11} | {'ratio':>5} |")
    print(f"|{'-' * 40}|{'-' * 15}|{'-' * 13}|{'-' * 7}|")
    rows = [
        ("dist on disk (MB)", ours[0].bytes_on_disk / 1e6, floor[0].bytes_on_disk / 1e6),
        ("dist gzipped, all precached (MB)", ours[0].bytes_gzipped / 1e6, floor[0].bytes_gzipped / 1e6),
    ]
    for label, index in (("cold load", 1), ("warm offline launch", 2)):
        for key, what in (("first_frame", "first Flutter frame"), ("python_ready", "Python ready"), ("usable", "first screen usable")):
            rows.append((f"{label}: {what}", median(ours[index], key), median(floor[index], key)))
    for label, a, b in rows:
        print(f"| {label:38} | {a:13.2f} | {b:11.2f} | {a / b:5.2f} |")
    print(f"\nrequests refused by the deny-all proxy: {len(external)}")
    print("targets: warm offline launch no slower than hello-world (ratio <= 1.00); gzipped under 15 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
