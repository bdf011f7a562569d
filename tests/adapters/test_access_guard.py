"""AccessGuard in front of a small ASGI app: hosts, origins, the network key, and security headers."""

from __future__ import annotations

import base64
import hashlib

import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect

from pwa.adapters.access_guard import KEY_COOKIE, AccessGuard, AccessPolicy, csp_for, is_loopback, load_or_create_key

PORT = 8550
PAGE = b"<html><head><script>var flet = {};</script><script src='python.js'></script></head><body>hi</body></html>"
OWN_HOST = f"127.0.0.1:{PORT}"  # Starlette's test client sends "testserver" on WebSockets unless told
SECRET = "s3cret-key-with-enough-characters-in-it"


async def page(request):
    return HTMLResponse(PAGE)


async def asset(request):
    return PlainTextResponse("asset", headers={"access-control-allow-origin": "*"})


async def socket(websocket: WebSocket):
    await websocket.accept()
    await websocket.send_text("your private log")
    await websocket.close()


INNER = Starlette(routes=[Route("/", page), Route("/python.js", asset), WebSocketRoute("/ws", socket)])


def client(policy: AccessPolicy, host: str = f"127.0.0.1:{PORT}") -> TestClient:
    return TestClient(AccessGuard(INNER, policy), base_url=f"http://{host}", follow_redirects=False)


LOCAL = AccessPolicy(port=PORT)


@pytest.mark.parametrize("host", [f"127.0.0.1:{PORT}", f"localhost:{PORT}", f"LOCALHOST:{PORT}", f"[::1]:{PORT}"])
def test_own_hosts_are_served(host):
    response = client(LOCAL, host).get("/")
    assert response.status_code == 200
    assert response.content == PAGE


@pytest.mark.parametrize(
    "host",
    [
        f"evil.example:{PORT}",  # DNS rebinding: the attacker's name pointed at 127.0.0.1
        "127.0.0.1",  # no port
        f"127.0.0.1:{PORT + 1}",  # another port
        f"localhost.evil.example:{PORT}",
        f"127.0.0.1:{PORT}.evil.example",
        "",
    ],
)
def test_foreign_host_is_refused_over_http_and_websocket(host):
    c = client(LOCAL)
    response = c.get("/", headers={"host": host})
    assert response.status_code == 403
    assert b"private" not in response.content and response.content != PAGE
    with pytest.raises(WebSocketDisconnect) as refused:
        with c.websocket_connect("/ws", headers={"host": host, "origin": f"http://127.0.0.1:{PORT}"}) as ws:
            ws.receive_text()
    assert refused.value.code == 1008


def test_two_host_headers_are_refused():
    response = client(LOCAL).get("/", headers=[("host", f"127.0.0.1:{PORT}"), ("host", f"evil.example:{PORT}")])
    assert response.status_code == 403


@pytest.mark.parametrize("origin", [f"http://127.0.0.1:{PORT}", f"http://localhost:{PORT}"])
def test_own_origin_may_open_the_websocket(origin):
    with client(LOCAL).websocket_connect("/ws", headers={"origin": origin, "host": OWN_HOST}) as ws:
        assert ws.receive_text() == "your private log"


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "http://evil.example",
        f"http://127.0.0.1:{PORT + 1}",  # another local app
        f"https://127.0.0.1:{PORT}",  # another scheme is another origin
        "null",  # sandboxed frames and file:// pages
        f"http://127.0.0.1:{PORT}.evil.example",
    ],
)
def test_cross_origin_websocket_is_refused_and_receives_nothing(origin):
    with pytest.raises(WebSocketDisconnect) as refused:
        with client(LOCAL).websocket_connect("/ws", headers={"origin": origin, "host": OWN_HOST}) as ws:
            ws.receive_text()
    assert refused.value.code == 1008


def test_websocket_without_origin_is_refused():
    with pytest.raises(WebSocketDisconnect):
        with client(LOCAL).websocket_connect("/ws", headers={"host": OWN_HOST}) as ws:
            ws.receive_text()


def test_cross_origin_http_request_is_refused():
    assert client(LOCAL).get("/", headers={"origin": "https://evil.example"}).status_code == 403
    assert client(LOCAL).get("/", headers={"origin": f"http://127.0.0.1:{PORT}"}).status_code == 200


def test_security_headers_on_every_response():
    c = client(LOCAL)
    for response in (c.get("/"), c.get("/python.js"), c.get("/", headers={"host": "evil.example"})):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp
        assert "default-src 'self'" in csp
        assert "'unsafe-eval'" not in csp
    # flet-web's static files allow every origin to read them; the guard drops that.
    assert "access-control-allow-origin" not in c.get("/python.js").headers


def test_page_policy_allows_exactly_its_own_inline_scripts():
    csp = client(LOCAL).get("/").headers["content-security-policy"]
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src "))
    expected = base64.b64encode(hashlib.sha256(b"var flet = {};").digest()).decode()
    assert script_src.split()[1:] == ["'self'", "'wasm-unsafe-eval'", f"'sha256-{expected}'"]
    assert "'unsafe-inline'" not in script_src


def test_policy_of_a_page_without_inline_scripts_has_no_hashes():
    assert "sha256-" not in csp_for(b"<script src='a.js'></script>")


# ---- network mode -----------------------------------------------------------------------------

NETWORK = AccessPolicy(port=PORT, host="0.0.0.0", key=SECRET)
LAN = f"192.168.1.20:{PORT}"


def test_network_mode_refuses_without_the_key():
    c = client(NETWORK, "127.0.0.1:%d" % PORT)
    assert c.get("/").status_code == 403
    assert c.get("/?key=wrong-key").status_code == 403
    assert c.get("/python.js").status_code == 403
    with pytest.raises(WebSocketDisconnect):
        with c.websocket_connect("/ws", headers={"origin": f"http://127.0.0.1:{PORT}", "host": OWN_HOST}) as ws:
            ws.receive_text()


def test_network_mode_trades_the_key_for_a_strict_cookie_then_works():
    c = client(NETWORK)
    first = c.get(f"/?key={SECRET}&lang=en")
    assert first.status_code == 303
    assert first.headers["location"] == "/?lang=en"  # the key leaves the address bar
    cookie = first.headers["set-cookie"]
    assert f"{KEY_COOKIE}={SECRET}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/").content == PAGE  # the test client kept the cookie
    # The browser sends the cookie on the same-site handshake (the test client's WebSockets need it by hand).
    headers = {"origin": f"http://127.0.0.1:{PORT}", "host": OWN_HOST, "cookie": f"{KEY_COOKIE}={SECRET}"}
    with c.websocket_connect("/ws", headers=headers) as ws:
        assert ws.receive_text() == "your private log"


def test_network_mode_accepts_the_address_the_connection_arrived_on():
    # A LAN device connects to the machine's address: uvicorn reports it as the scope's server.
    guard = AccessGuard(INNER, NETWORK)

    async def run(host: str) -> int:
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message):
            sent.append(message)

        scope = {
            "type": "http", "method": "GET", "path": "/", "raw_path": b"/", "query_string": b"",
            "root_path": "", "scheme": "http", "http_version": "1.1", "server": ("192.168.1.20", PORT),
            "client": ("192.168.1.30", 5000),
            "headers": [(b"host", host.encode()), (b"cookie", f"{KEY_COOKIE}={SECRET}".encode())],
        }
        await guard(scope, receive, send)
        return sent[0]["status"]

    import asyncio

    assert asyncio.run(run(LAN)) == 200
    assert asyncio.run(run(f"rebound.evil.example:{PORT}")) == 403


def test_wrong_cookie_is_refused():
    c = client(NETWORK)
    c.cookies.set(KEY_COOKIE, "not-the-key")
    assert c.get("/").status_code == 403


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.org", False)],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_key_file_is_made_once_and_kept(tmp_path):
    path = tmp_path / "keys" / "server.key"
    first = load_or_create_key(path)
    assert len(base64.urlsafe_b64decode(first + "=" * (-len(first) % 4))) >= 16  # at least 128 bits
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_or_create_key(path) == first


def test_short_key_file_is_refused(tmp_path):
    path = tmp_path / "server.key"
    path.write_text("short\n")
    with pytest.raises(ValueError, match="too short"):
        load_or_create_key(path)
