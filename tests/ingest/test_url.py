"""The URL guard and the fetcher. No test touches the network: the guard is tested on literal
addresses (and a stubbed resolver), fetching against a local server with private addresses
allowed."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsfuse.errors import InputError, RefusedURL
from newsfuse.ingest import check_url, url
from newsfuse.ingest.url import fetch

from .helpers import page, read_all

ROUTES: dict[str, tuple[int, list[tuple[str, str]], bytes]] = {
    "/story.html": (200, [("Content-Type", "text/html; charset=iso-8859-1")],
                    "<html><body><p>Caf\xe9 \x93open\x94</p><p>x</p></body></html>".encode("latin-1")),
    "/feed": (200, [("Content-Type", "application/rss+xml")],
              b'<rss version="2.0"><channel><link>https://f.example/</link><item><title>T</title>'
              b"<description>Entry text.</description></item></channel></rss>"),
    "/hop": (302, [("Location", "/story.html")], b""),
    "/out": (302, [("Location", "http://10.20.30.40/inside")], b""),
    "/missing": (404, [("Content-Type", "text/html")], b"no"),
    "/logo.png": (200, [("Content-Type", "image/png")], b"\x89PNG"),
    "/big": (200, [("Content-Type", "text/plain")], b"word " * 5000),
    "/page": (200, [("Content-Type", "text/html")], page(1)),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = ROUTES.get(self.path, (404, [], b""))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://127.0.0.1/x", "loopback"), ("http://localhost:8080/", "loopback"),
        ("http://[::1]/", "loopback"), ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://2130706433/", "loopback"), ("https://10.1.2.3/", "private"),
        ("http://192.168.0.10/", "private"), ("http://[fc00::1]/", "private"),
        ("http://169.254.169.254/latest/meta-data", "link-local"), ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"), ("http://0.0.0.0/", "unspecified"),
        ("http://240.0.0.1/", "reserved"), ("http://100.64.0.1/", "non-public"),
    ],
)
def test_guard_refuses_non_public_addresses(target: str, kind: str) -> None:
    pattern = rf"^refused: \S+ is an? {kind} address; use --allow-private to allow it$"
    with pytest.raises(RefusedURL, match=pattern):
        check_url(target)


def test_guard_message_is_the_documented_one() -> None:
    with pytest.raises(RefusedURL) as err:
        check_url("http://127.0.0.1:8000/a")
    assert str(err.value) == "refused: 127.0.0.1 is a loopback address; use --allow-private to allow it"


@pytest.mark.parametrize("target", ["ftp://example.com/a", "file:///etc/passwd", "gopher://x/", "http:///path"])
def test_guard_refuses_other_schemes_and_no_host(target: str) -> None:
    with pytest.raises(RefusedURL):
        check_url(target, allow_private=True)


def test_guard_checks_every_resolved_address(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
               (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", 80))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(RefusedURL, match=r"10\.0\.0\.7 is a private address"):
        check_url("https://news.example/story")
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers[:1])
    assert check_url("https://news.example/story") == ("93.184.216.34",)


def test_guard_reports_unresolvable_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> object:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(InputError, match=r"cannot resolve host nowhere\.example"):
        check_url("http://nowhere.example/")


def test_allow_private_skips_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: pytest.fail("resolved"))
    assert check_url("http://127.0.0.1/", allow_private=True) == ()


def test_requests_go_to_the_checked_address_with_the_real_host() -> None:
    import httpx

    with httpx.Client() as client:
        request = url._pinned(client, "https://news.example:8443/a?b=1#frag", ("93.184.216.34",))
        v6 = url._pinned(client, "http://news.example/", ("2606:2800:220:1::1",))
    assert str(request.url) == "https://93.184.216.34:8443/a?b=1"
    assert request.headers["Host"] == "news.example:8443"
    assert request.extensions["sni_hostname"] == "news.example"
    assert str(v6.url) == "http://[2606:2800:220:1::1]/"


def test_fetch_html_with_its_charset(server: str) -> None:
    fetched = fetch(f"{server}/story.html", allow_private=True, max_bytes=10_000)
    assert (fetched.content_type, fetched.charset) == ("text/html", "iso-8859-1")
    docs, skipped = read_all([f"{server}/story.html"], allow_private=True)
    assert skipped == []
    (doc,) = docs
    assert doc.source == f"{server}/story.html" and doc.url == f"{server}/story.html"
    assert "Café “open”" in doc.content


def test_fetch_follows_redirects_and_sniffs_feeds(server: str) -> None:
    assert fetch(f"{server}/hop", allow_private=True, max_bytes=10_000).url == f"{server}/story.html"
    docs, skipped = read_all([f"{server}/feed"], allow_private=True)
    assert skipped == [] and [d.fields.get("outlet") for d in docs] == ["f.example"]


def test_every_redirect_hop_is_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = url.check_url
    seen: list[str] = []

    def guard(target: str, allow_private: bool = False) -> tuple[str, ...]:
        seen.append(target)
        return real(target, allow_private=target.startswith(server))

    monkeypatch.setattr(url, "check_url", guard)
    with pytest.raises(RefusedURL, match=r"10\.20\.30\.40 is a private address"):
        fetch(f"{server}/out", max_bytes=10_000)
    assert seen == [f"{server}/out", "http://10.20.30.40/inside"]


@pytest.mark.parametrize(
    ("path", "message"),
    [("/missing", "HTTP 404"), ("/logo.png", "unsupported content type image/png"), ("/big", "too large")],
)
def test_fetch_failures(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        fetch(f"{server}{path}", allow_private=True, max_bytes=10_000)


def test_refused_url_in_a_batch_never_connects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", lambda *a: pytest.fail("connected"))
    docs, skipped = read_all(["http://127.0.0.1:9/story"])
    assert docs == []
    assert [str(s) for s in skipped] == [
        "http://127.0.0.1:9/story: refused: 127.0.0.1 is a loopback address; use --allow-private to allow it"]
