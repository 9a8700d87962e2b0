"""Fetching articles and feeds over http(s), safely.

`check_url` is the guard (the web server reuses it): only http and https, and no address that is
not publicly routable (loopback, private, link-local, multicast, reserved, unspecified) unless
private addresses are allowed. Every address the host resolves to is checked, the connection goes
to a checked address (so the name cannot be re-resolved elsewhere in between), and every redirect
hop is checked again.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from newsfuse import __version__
from newsfuse.errors import InputError, RefusedURL
from newsfuse.ingest.formats import allowed_content_type
from newsfuse.ingest.streams import cap_text

TIMEOUT = httpx.Timeout(30.0, connect=10.0)
MAX_REDIRECTS = 10
USER_AGENT = f"newsfuse/{__version__}"
_SCHEMES = {"http": 80, "https": 443}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    """A fetched body: the final address (after redirects), its MIME type and charset."""

    url: str
    content_type: str | None
    charset: str | None
    data: bytes


def _refusal(address: IPAddress) -> str | None:
    """What makes an address unfit to fetch from, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for kind, hit in (
        ("a loopback", address.is_loopback), ("a link-local", address.is_link_local),
        ("a multicast", address.is_multicast), ("an unspecified", address.is_unspecified),
        ("a reserved", address.is_reserved), ("a private", address.is_private),
        ("a non-public", not address.is_global),
    ):
        if hit:
            return f"{address} is {kind} address"
    return None


def check_url(url: str, allow_private: bool = False) -> tuple[str, ...]:
    """Refuse (`RefusedURL`) a URL that must not be fetched; return the addresses it may be
    fetched from (empty when `allow_private`, which leaves resolution to the HTTP client).

    Raises `InputError` when the host cannot be resolved.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise RefusedURL(f"refused: {scheme or 'no'} scheme; only http and https URLs are fetched")
    try:
        host, port = parts.hostname, parts.port or _SCHEMES[scheme]
    except ValueError as err:
        raise RefusedURL(f"refused: bad URL ({err})") from None
    if not host:
        raise RefusedURL("refused: the URL has no host")
    if allow_private:
        return ()
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise InputError(f"cannot resolve host {host}: {err}") from None
    addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        refusal = _refusal(ipaddress.ip_address(address.split("%", 1)[0]))
        if refusal:
            raise RefusedURL(f"refused: {refusal}; use --allow-private to allow it")
    return addresses


def _pinned(client: httpx.Client, url: str, addresses: tuple[str, ...]) -> httpx.Request:
    """A GET of `url` sent to the first checked address, with the real host for Host and TLS."""
    if not addresses:
        return client.build_request("GET", url)
    target = httpx.URL(url)
    return client.build_request(
        "GET", target.copy_with(host=addresses[0].split("%", 1)[0], fragment=None),
        headers={"Host": target.netloc.decode("ascii")},
        extensions={"sni_hostname": target.raw_host.decode("ascii")},
    )


def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    too_large = InputError(f"response too large (over the {cap_text(max_bytes)} cap)")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _accept(url: str, response: httpx.Response, max_bytes: int) -> Fetched:
    if response.status_code != 200:
        raise InputError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
    mime = response.headers.get("Content-Type", "")
    content_type = mime.split(";", 1)[0].strip().lower() or None
    if content_type and not allowed_content_type(content_type):
        raise InputError(f"unsupported content type {content_type} (HTML, feeds, text and JSON only)")
    charset = response.charset_encoding if content_type else None
    return Fetched(url=url, content_type=content_type, charset=charset, data=_read_body(response, max_bytes))


def fetch(url: str, *, allow_private: bool = False, max_bytes: int) -> Fetched:
    """GET `url` (following redirects, each hop checked) with timeouts and a size cap.

    Raises `RefusedURL` for a forbidden address and `InputError` for any other failure.
    """
    limits = httpx.Limits(max_keepalive_connections=0)
    headers = {"User-Agent": USER_AGENT}
    # No proxy from the environment: the connection must go to the address that was checked.
    with httpx.Client(timeout=TIMEOUT, limits=limits, headers=headers, follow_redirects=False,
                      trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            request = _pinned(client, url, check_url(url, allow_private))
            try:
                response = client.send(request, stream=True)
                try:
                    location = response.headers.get("Location") if response.is_redirect else None
                    if location is None:
                        return _accept(url, response, max_bytes)
                finally:
                    response.close()
            except httpx.HTTPError as err:
                raise InputError(f"fetch failed: {str(err) or type(err).__name__}") from None
            url = urljoin(url, location)
    raise InputError(f"too many redirects (more than {MAX_REDIRECTS})")
