"""Who may talk to the local server: only the person's own browser.

Browsers do not apply the same-origin rule to WebSockets, so without a check any web page the
person visits could open `ws://127.0.0.1:8550/ws` and read their log; a page on a rebound DNS
name could do the same over plain HTTP. `AccessGuard` is ASGI middleware in front of flet-web's
FastAPI app that, on every HTTP request and WebSocket handshake:

- accepts only a `Host` naming this server (127.0.0.1, localhost, [::1], the configured host or
  the address the connection arrived on, with the server's port): this stops DNS rebinding;
- accepts an `Origin` only when it is the app's own (`http://` + one of those hosts); a WebSocket
  handshake must carry one (every browser sends it);
- in network mode (bound to a non-loopback address), also requires the secret key: `?key=` once,
  answered with an HttpOnly, SameSite=Strict cookie and a redirect that drops the key from the
  address bar; afterwards the cookie.

Refusals are a plain 403 (a refused handshake never reaches flet, so no session is made). Every
response carries security headers; HTML pages get a Content-Security-Policy whose script hashes
are computed from the page itself, so the inline configuration flet writes into `index.html` runs
and nothing else inline does.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

KEY_COOKIE = "bfs_companion_key"
KEY_PARAM = "key"
KEY_BYTES = 32  # 256 bits
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_HTML_BYTES = 1_000_000  # pages larger than this are not rewritten (the app's index is ~4 kB)

# What the Flutter client needs from the browser and nothing more. 'wasm-unsafe-eval' compiles
# CanvasKit; blob: workers and images are made by the engine; inline styles are set by Flutter.
CSP_BASE = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "data:", "blob:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
STATIC_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the server on this machine."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def csp_for(html: bytes | None = None, meta: bool = False) -> str:
    """The Content-Security-Policy for a response; for an HTML page, its inline scripts are allowed by hash.

    `meta=True` gives the policy for a `<meta http-equiv>` tag (the static PWA): browsers ignore
    frame-ancestors there and warn about it, so it is left out.
    """
    directives = {name: list(sources) for name, sources in CSP_BASE.items() if not (meta and name == "frame-ancestors")}
    if html is not None:
        for body in _INLINE_SCRIPT.findall(html):
            digest = base64.b64encode(hashlib.sha256(body).digest()).decode("ascii")
            directives["script-src"].append(f"'sha256-{digest}'")
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def new_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def load_or_create_key(path: Path) -> str:
    """The key kept in `path` (created with owner-only permissions if it does not exist yet)."""
    try:
        key = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        key = ""
    if key:
        if len(key) < 22:  # 22 url-safe characters carry 132 bits
            raise ValueError(f"The key in {path} is too short to be safe; delete the file to make a new one.")
        return key
    key = new_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(key + "\n")
    path.chmod(0o600)
    return key


@dataclass(frozen=True)
class AccessPolicy:
    """What the guard accepts: the server's port, the host it was started with, and the key if any."""

    port: int
    host: str = "127.0.0.1"
    key: str | None = None  # required in network mode

    def hosts(self, arrived_on: str | None = None) -> set[str]:
        """`Host` header values that name this server."""
        names = set(LOOPBACK_NAMES)
        for name in (self.host, arrived_on if _is_ip(arrived_on) else None):
            if name and not _is_wildcard(name):
                names.add(f"[{name}]" if ":" in name and not name.startswith("[") else name)
        return {f"{name.lower()}:{self.port}" for name in names}

    def origins(self, arrived_on: str | None = None) -> set[str]:
        return {f"http://{host}" for host in self.hosts(arrived_on)}

    def key_matches(self, candidate: str | None) -> bool:
        return self.key is None or (candidate is not None and hmac.compare_digest(candidate.encode(), self.key.encode()))


def _is_ip(host: str | None) -> bool:
    """Only an IP literal is taken from the connection's local address (a name there would be the client's word)."""
    try:
        ipaddress.ip_address((host or "").strip("[]"))
    except ValueError:
        return False
    return True


def _is_wildcard(host: str) -> bool:
    return host.strip("[]") in ("0.0.0.0", "::", "")


def _headers(scope: Scope) -> dict[bytes, bytes]:
    found: dict[bytes, bytes] = {}
    for name, value in scope.get("headers", ()):
        name = name.lower()
        if name in found and name in (b"host", b"origin"):
            found[name] = b"\x00duplicate"  # two Host or Origin headers: refuse rather than guess
        else:
            found.setdefault(name, value)
    return found


def _cookie_key(headers: dict[bytes, bytes]) -> str | None:
    raw = headers.get(b"cookie")
    if not raw:
        return None
    cookie = SimpleCookie()
    try:
        cookie.load(raw.decode("latin-1"))
    except Exception:  # http.cookies raises CookieError and others on malformed input
        return None
    morsel = cookie.get(KEY_COOKIE)
    return morsel.value if morsel else None


class AccessGuard:
    """ASGI middleware: refuses foreign hosts, foreign origins and (in network mode) requests without the key."""

    def __init__(self, app: ASGIApp, policy: AccessPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)  # lifespan
            return
        headers = _headers(scope)
        server = scope.get("server") or (None, None)
        host = headers.get(b"host", b"").decode("latin-1").lower()
        origin = headers.get(b"origin")
        if host not in self.policy.hosts(server[0]):
            await self._refuse(scope, send, "This server answers only to its own address.")
            return
        if origin is not None and origin.decode("latin-1").lower() not in self.policy.origins(server[0]):
            await self._refuse(scope, send, "Requests from other sites are not accepted.")
            return
        if scope["type"] == "websocket" and origin is None:
            await self._refuse(scope, send, "Requests from other sites are not accepted.")
            return
        if self.policy.key is not None and not self.policy.key_matches(_cookie_key(headers)):
            offered = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"))).get(KEY_PARAM)
            if scope["type"] == "http" and offered is not None and self.policy.key_matches(offered):
                await self._set_key_cookie(scope, send)
                return
            await self._refuse(scope, send, "Open the address with the key that the server printed when it started.")
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
        else:
            await self.app(scope, receive, _with_security_headers(send))

    async def _refuse(self, scope: Scope, send: Send, reason: str) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})  # before accept: the server answers 403
            return
        await _plain(send, 403, f"403 Forbidden. {reason}\n")

    async def _set_key_cookie(self, scope: Scope, send: Send) -> None:
        """Trade `?key=` for a cookie, then send the browser to the same address without the key."""
        rest = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1")) if k != KEY_PARAM]
        location = (scope.get("root_path", "") + scope.get("path", "/")) or "/"
        if rest:
            location += "?" + urlencode(rest)
        cookie = f"{KEY_COOKIE}={self.policy.key}; Path=/; HttpOnly; SameSite=Strict"
        await _plain(send, 303, "See the app at " + location + "\n",
                     extra=[(b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode("latin-1"))])


async def _plain(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode("utf-8")
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        (b"content-security-policy", csp_for().encode()),
        *STATIC_HEADERS,
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _with_security_headers(send: Send) -> Send:
    """Adds the security headers to a response; an HTML page is buffered to hash its inline scripts."""
    held: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def guarded(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(n, v) for n, v in message.get("headers", ()) if n.lower() not in _OURS]
            content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
            message = dict(message, headers=headers + list(STATIC_HEADERS))
            if content_type.startswith(b"text/html"):
                held["start"] = message
                return
            message["headers"].append((b"content-security-policy", csp_for().encode()))
            await send(message)
            return
        if "start" in held and message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))
            size = sum(len(c) for c in chunks)
            if message.get("more_body", False) and size <= MAX_HTML_BYTES:
                return
            start = held.pop("start")
            body = b"".join(chunks)
            policy = csp_for(body) if not message.get("more_body", False) else csp_for()
            start["headers"].append((b"content-security-policy", policy.encode()))
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": message.get("more_body", False)})
            return
        await send(message)

    return guarded


# Replaced by ours; flet-web's static files also allow every origin to read them, which we drop.
_OURS = {b"content-security-policy", b"access-control-allow-origin", *(name for name, _ in STATIC_HEADERS)}
