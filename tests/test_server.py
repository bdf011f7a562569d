"""`make run`'s server as a stranger would try it: other sites, other host names, the network, a busy port.

Each test starts the real server (`python -m pwa`) on a free port with a data folder that holds a
private note, then speaks raw HTTP and WebSocket to it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import msgpack
import pytest
from websockets.sync.client import connect

from pwa.adapters.episode_repository import JournalEpisodeRepository
from pwa.adapters.journal_store import JournalStore
from pwa.adapters.storage import LOG_FILENAME
from pwa.core.episodes import validate_episode
from pwa.server import free_port
from tests.browser.conftest import wait_for_port

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PRIVATE_NOTE = "private-note-7d1f after the argument with my sister"


class Server:
    def __init__(self, data_dir: Path, port: int, *extra: str) -> None:
        self.port = port
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pwa", "--port", str(port), "--data-dir", str(data_dir), *extra],
            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        )
        self.lines: list[str] = []

    def wait_until_serving(self) -> None:
        wait_for_port(self.port, self.process)

    def read_until(self, pattern: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            self.lines.append(line)
            if re.search(pattern, line):
                return line
        raise TimeoutError(f"{pattern!r} not printed; got {self.lines}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    repository = JournalEpisodeRepository(JournalStore(folder / LOG_FILENAME))
    now = dt.datetime.now().astimezone()
    repository.save(validate_episode({"locations": [{"region": "calf", "side": "left"}], "note": PRIVATE_NOTE}, now))
    return folder


@pytest.fixture
def server(data_dir):
    running = Server(data_dir, free_port())
    running.wait_until_serving()
    yield running
    running.stop()


def handshake(port: int, host: str, origin: str | None, cookie: str | None = None) -> int:
    """Open a WebSocket handshake by hand and return the HTTP status the server answers with."""
    lines = [
        "GET /ws HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    if cookie is not None:
        lines.append(f"Cookie: {cookie}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status_line = sock.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def http_get(port: int, path: str = "/", host: str | None = None, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host or f'127.0.0.1:{port}'}", "Connection: close"]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    status, *header_lines = head.decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers.setdefault(name.strip().lower(), value.strip())
    return int(status.split()[1]), headers, body


def log_page_frames(port: int, origin: str, cookie: str | None = None, seconds: float = 15) -> bytes:
    """Register a Flet session on /log as the web client does, and collect what the server sends."""
    register = [1, {"session_id": "", "page_name": "", "page": {
        "route": "/log", "width": 1280, "height": 800, "web": True, "platform": "linux"}}]
    headers = {"Cookie": cookie} if cookie else None
    received = b""
    with connect(f"ws://127.0.0.1:{port}/ws", origin=origin, additional_headers=headers, open_timeout=10) as ws:
        ws.send(b"\x00" + msgpack.packb(register))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and PRIVATE_NOTE.encode() not in received:
            try:
                received += ws.recv(timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                break
    return received


@pytest.mark.parametrize("origin", ["https://evil.example", "http://evil.example:8550", "null"])
def test_a_cross_origin_websocket_is_refused_and_gets_no_page(server, origin):
    assert handshake(server.port, f"127.0.0.1:{server.port}", origin) == 403
    with pytest.raises(Exception, match="403"):
        log_page_frames(server.port, origin)


def test_a_foreign_host_is_refused_dns_rebinding(server):
    rebound = f"rebound.evil.example:{server.port}"
    assert handshake(server.port, rebound, f"http://{rebound}") == 403
    status, _, body = http_get(server.port, host=rebound)
    assert status == 403
    assert b"flet" not in body.lower()


def test_the_apps_own_origin_gets_the_log(server):
    """The same handshake from the app's own page works: this is what the refusals above withhold."""
    for origin in (f"http://127.0.0.1:{server.port}", f"http://localhost:{server.port}"):
        assert PRIVATE_NOTE.encode() in log_page_frames(server.port, origin)


def test_security_headers_on_the_served_page(server):
    for path in ("/", "/flutter_bootstrap.js", "/no-such-file.png"):
        status, headers, _ = http_get(server.port, path)
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert "access-control-allow-origin" not in headers, path
    _, headers, body = http_get(server.port, "/")
    assert b"<script>" in body and "'sha256-" in headers["content-security-policy"]


def test_network_mode_needs_the_printed_key(data_dir):
    port = free_port()
    running = Server(data_dir, port, "--host", "0.0.0.0")
    try:
        running.wait_until_serving()
        address = running.read_until(r"\?key=")
        key = address.strip().rsplit("?key=", 1)[1]
        assert len(key) >= 22  # 128 bits and more, url-safe base64
        assert "not encrypted" in running.read_until("not encrypted")
        own = f"http://127.0.0.1:{port}"

        assert http_get(port)[0] == 403
        assert http_get(port, "/?key=" + "x" * len(key))[0] == 403
        assert handshake(port, f"127.0.0.1:{port}", own) == 403
        with pytest.raises(Exception, match="403"):
            log_page_frames(port, own)

        status, headers, _ = http_get(port, f"/?key={key}")
        assert status == 303 and headers["location"] == "/"
        cookie = headers["set-cookie"].split(";")[0]
        assert "HttpOnly" in headers["set-cookie"] and "SameSite=Strict" in headers["set-cookie"]
        assert http_get(port, cookie=cookie)[0] == 200
        assert PRIVATE_NOTE.encode() in log_page_frames(port, own, cookie=cookie)
        assert handshake(port, f"127.0.0.1:{port}", "https://evil.example", cookie=cookie) == 403
    finally:
        running.stop()


def test_a_key_file_keeps_one_key_across_runs(data_dir, tmp_path):
    key_file = tmp_path / "server.key"
    keys = []
    for _ in range(2):
        running = Server(data_dir, free_port(), "--host", "0.0.0.0", "--key-file", str(key_file))
        try:
            running.wait_until_serving()
            keys.append(running.read_until(r"\?key=").strip().rsplit("?key=", 1)[1])
        finally:
            running.stop()
    assert keys[0] == keys[1] == key_file.read_text().strip()


def test_a_busy_port_is_one_clear_line_and_a_nonzero_exit(server, tmp_path):
    second = subprocess.run(
        [sys.executable, "-m", "pwa", "--port", str(server.port), "--data-dir", str(tmp_path / "other")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
    )
    assert second.returncode != 0
    assert "is running at" not in second.stdout
    assert "Traceback" not in second.stderr
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1
    match = re.fullmatch(rf"error: Port {server.port} is in use; try make run PORT=(\d+)", lines[0])
    assert match
    with socket.socket() as probe:  # the port it suggests is free
        probe.bind(("127.0.0.1", int(match.group(1))))


def test_a_second_server_on_the_same_data_folder_is_refused(server, data_dir):
    second = subprocess.run(
        [sys.executable, "-m", "pwa", "--port", str(free_port()), "--data-dir", str(data_dir)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60,
    )
    assert second.returncode != 0
    assert "is running at" not in second.stdout
    assert "Traceback" not in second.stderr
    assert second.stderr.strip() == (
        f"error: BFS Companion is already running with this data folder ({data_dir}). "
        "Use the window that is already open, or stop the other copy first."
    )
