"""What keeps the web server safe to run: response headers, the upload cap, the loopback host check,
the write-token check, and the one rule for links (http/https only).

`Guard` is a plain ASGI middleware so that it sees every response (static files and errors too) and
can count request bytes as they arrive instead of trusting a client's Content-Length.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException
from starlette.requests import Request

from newsfuse.web.responses import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger(__name__)

TOKEN_HEADER = "x-newsfuse-token"
TOKEN_FIELD = "token"

# No inline script or style anywhere: everything comes from /static.
CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)


def http_url(url: object) -> str | None:
    """`url` if it is an absolute http(s) URL with a host, else None (so it renders as text)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url.strip()


def is_loopback_host(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1), with or without brackets."""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_of(header: str) -> str:
    """The host name of a Host header value (drops the port; keeps an IPv6 literal whole)."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Adds the security headers to every response, caps request bodies at `max_body` bytes, and,
    when `loopback_only`, refuses requests whose Host header is not a loopback name (a page on
    another site that rebinds its DNS name to 127.0.0.1 must not reach the server)."""

    def __init__(self, app: ASGIApp, *, max_body: int, loopback_only: bool) -> None:
        self.app = app
        self.max_body = max_body
        self.loopback_only = loopback_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if self.loopback_only and not is_loopback_host(_host_of(headers.get("host", ""))):
            await _send_error(send, 400, "this server answers only to localhost, 127.0.0.1 or [::1]")
            return
        started = False

        async def secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        try:
            await self.app(scope, self._capped(receive, headers.get("content-length")), secured)
        except Exception:
            log.exception("error while serving %s", scope.get("path"))
            if started:
                raise
            await _send_error(send, 500, "internal server error (the server log has the details)")

    def _capped(self, receive: Receive, declared: str | None) -> Receive:
        cap = self.max_body
        seen = 0

        async def capped() -> Message:
            nonlocal seen
            if declared is not None and declared.isdigit() and int(declared) > cap:
                raise HTTPException(413, _too_large(cap))
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > cap:
                raise HTTPException(413, _too_large(cap))
            return message

        return capped


def _too_large(cap: int) -> str:
    return f"request body too large: the cap is {cap / 1_000_000:g} MB"


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


class WriteAccess:
    """Who may call a write endpoint.

    With a `token` (a server reachable from other machines) every write must carry it, in the
    `X-Newsfuse-Token` header or the `token` form field.  Without one (loopback only), writes need
    no token, but a browser request coming from another site is refused unless it carries the
    per-process `form_token` that only our own pages embed: this is the CSRF defence.
    """

    def __init__(self, token: str | None) -> None:
        self.token = token
        self.form_token = token or secrets.token_urlsafe(24)

    def check(self, request: Request, supplied: str | None) -> None:
        """Raise a 403 unless the request may write."""
        supplied = supplied or request.headers.get(TOKEN_HEADER)
        if self.token is not None:
            if not supplied or not secrets.compare_digest(supplied, self.token):
                raise HTTPException(403, "a write needs the token printed when the server started "
                                         f"(send it in the {TOKEN_HEADER} header or the token field)")
            return
        if supplied and secrets.compare_digest(supplied, self.form_token):
            return
        if _cross_site(request):
            raise HTTPException(403, "refused: a write from another site needs this server's form token")


def _cross_site(request: Request) -> bool:
    """True when a browser says the request comes from a page on another origin."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    return origin.rstrip("/").lower() != own.lower()
