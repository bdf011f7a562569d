"""Real-browser fixtures: the served app, headless Debian Chromium, and a deny-all proxy.

Chromium runs with `--proxy-server` pointing at a proxy that refuses and records every request
(loopback is never proxied), so anything that tries to leave the machine is caught, including
requests from workers and the browser itself. Where Chromium is missing the tests are skipped
with install instructions, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts" / "browser"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Chromium's own Google services point at a dead loopback port, so nothing is even attempted.
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--gaia-url=http://127.0.0.1:9/",
    "--google-apis-url=http://127.0.0.1:9/",
    "--lso-url=http://127.0.0.1:9/",
    # Chromium 150 adds its AI-mode eligibility check and a preconnect to the default search engine.
    "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying,"
    "AimServerEligibilityEnabled,AimServerRequestOnStartupEnabled,AimEligibilityService,"
    "SearchEnginePreconnector,SearchEnginePreconnect2",
]
# What Debian's Chromium 150 still tries on its own with every flag above (seen with --log-net-log on
# about:blank, before any page of ours loads): the account list and search preconnect at
# www.google.com, and the GCM check-in. They come from the browser, not a page, worker or service
# worker; those are all recorded by Playwright (`record_external_requests`), which must stay empty.
BROWSER_OWN_CONNECTS = frozenset({
    "CONNECT www.google.com:443 HTTP/1.1",
    "CONNECT android.clients.google.com:443 HTTP/1.1",
})
INSTALL_HINT = "Install it with `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM=/path/to/chromium."


def find_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES, shutil.which("chromium") or ""]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        message = f"Chromium not found; the browser tests need it. {INSTALL_HINT}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early with code {process.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listening on port {port} after {timeout}s")


class DenyAllProxy:
    """An HTTP proxy that refuses every request and remembers its first line."""

    def __init__(self) -> None:
        attempts = self.attempts = []

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(65537).decode("latin-1").strip()
                if line:
                    attempts.append(line)
                self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

        class Server(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def app_attempts(self) -> list[str]:
        """Attempts other than the browser's own background connections (see BROWSER_OWN_CONNECTS)."""
        return [line for line in self.attempts if line not in BROWSER_OWN_CONNECTS]

    def __enter__(self) -> DenyAllProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture(scope="session")
def deny_proxy():
    with DenyAllProxy() as proxy:
        yield proxy


class ServedApp:
    """`make run`'s server (python -m pwa) on a free port with its own data folder."""

    def __init__(self, data_dir: Path, log_path: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.data_dir = data_dir
        self.log_path = log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pwa", "--port", str(self.port), "--data-dir", str(data_dir)],
            cwd=PROJECT_ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.port, self.process)

    def interrupt(self, timeout: float = 20) -> int:
        """Stop it the way Ctrl-C does and return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._log.close()
        return self.process.returncode

    def output(self) -> str:
        return self.log_path.read_text()


@pytest.fixture(scope="session")
def served_app(tmp_path_factory):
    app = ServedApp(tmp_path_factory.mktemp("data"), ARTIFACTS / "server.log")
    yield app
    app.interrupt()


class StaticServer:
    """`make serve-pwa`'s server (python -m http.server) for a built dist/, stoppable and restartable."""

    def __init__(self, directory: Path, log_path: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = log_path
        log_path.parent.mkdir(parents=True, exist_ok=True)
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory", str(self.directory)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_for_port(self.port, self.process)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", self.port)) != 0, "static server still answering"


@pytest.fixture(scope="session")
def pwa_dist(tmp_path_factory) -> Path:
    """`make pwa`'s build, made once per test run into a temporary folder."""
    from pwa.tools.build_pwa import build

    return build(tmp_path_factory.mktemp("pwa") / "dist").dist


@pytest.fixture(scope="session")
def playwright(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def launch_args(deny_proxy) -> list[str]:
    return [*CHROMIUM_ARGS, f"--proxy-server=http://127.0.0.1:{deny_proxy.port}"]


@pytest.fixture(scope="session")
def browser(playwright, chromium_path, launch_args):
    browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=launch_args)
    yield browser
    browser.close()
