"""Security: link schemes, loopback host check, headers on every response, the body cap, write
tokens and the CSRF rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.web.app import create_app
from newsfuse.web.security import CSP, TOKEN_HEADER, http_url, is_loopback_host
from newsfuse.web.server import write_token

from .conftest import BASE


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=c", True), ("HTTP://Example.org", True), (" https://x.example/ ", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), (" javascript:alert(1)", False),
    ("data:text/html,<script>", False), ("vbscript:x", False), ("//example.org/x", False),
    ("/relative/path", False), ("http://", False), ("https:///nohost", False), ("http://[::1", False),
    (None, False), (42, False),
])
def test_only_http_urls_become_links(url: object, ok: bool) -> None:
    assert (http_url(url) is not None) is ok


@given(st.text(max_size=40))
def test_http_url_never_passes_another_scheme(text: str) -> None:
    url = http_url(text)
    assert url is None or url.lower().startswith(("http://", "https://"))


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("app.localhost", True), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
    ("example.org", False), ("localhost.example.org", False), ("", False),
])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback
    assert (write_token(host) is None) is loopback


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/stories", "/static/style.css", "/static/app.js", "/api/stories/nope", "/nope",
                 "/openapi.json"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in CSP and "unsafe-inline" not in CSP


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "192.168.1.5:8000"])
def test_loopback_server_refuses_other_host_names(client: TestClient, host: str) -> None:
    r = client.get("/api/stories", headers={"host": host})
    assert r.status_code == 400
    assert r.json()["error"]["status"] == 400
    assert r.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000"])
def test_loopback_server_answers_loopback_names(client: TestClient, host: str) -> None:
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


def test_server_with_a_token_answers_any_host(store_path: Path) -> None:
    with TestClient(create_app(store_path, token="s3cret"), base_url="http://news.example") as c:
        assert c.get("/api/stories").status_code == 200


def test_body_over_the_cap_is_refused(store_path: Path) -> None:
    with TestClient(create_app(store_path, max_upload=1000), base_url=BASE) as c:
        r = c.post("/api/ingest/upload", files={"file": ("a.txt", b"x" * 5000)})
        assert r.status_code == 413
        message = "request body too large: the cap is 0.001 MB"
        assert r.json() == {"error": {"status": 413, "message": message}}

        def chunks():  # no Content-Length: the bytes are counted as they arrive
            for _ in range(10):
                yield b"y" * 500

        r = c.post("/api/ingest/url", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413


def test_token_server_refuses_writes_without_the_token(store_path: Path) -> None:
    with TestClient(create_app(store_path, token="s3cret"), base_url=BASE) as c:
        for headers in ({}, {TOKEN_HEADER: "wrong"}):
            r = c.post("/api/ingest/url", json={"url": "http://127.0.0.1/x"}, headers=headers)
            assert r.status_code == 403
            assert "token" in r.json()["error"]["message"]
        r = c.post("/ingest/url", data={"url": "http://127.0.0.1/x", "token": "wrong"},
                   headers={"accept": "text/html"})
        assert r.status_code == 403 and "text/html" in r.headers["content-type"]
        # With the token the request gets through to the URL guard, which refuses loopback.
        r = c.post("/api/ingest/url", json={"url": "http://127.0.0.1/x"}, headers={TOKEN_HEADER: "s3cret"})
        assert r.status_code == 400 and "loopback" in r.json()["error"]["message"]
        r = c.post("/ingest/url", data={"url": "http://127.0.0.1/x", "token": "s3cret"})
        assert r.status_code == 400
        assert 'type="password" name="token"' in c.get("/ingest").text


def test_loopback_server_refuses_cross_site_writes(client: TestClient) -> None:
    url = {"url": "http://127.0.0.1/x"}
    for headers in ({"origin": "https://evil.example"}, {"sec-fetch-site": "cross-site"},
                    {"origin": "null"}, {"sec-fetch-site": "same-site"}):
        r = client.post("/ingest/url", data=url, headers=headers)
        assert r.status_code == 403, headers
        assert "form token" in r.json()["error"]["message"]
    # Our own page's form carries the form token; a script-less client (curl) sends no Origin.
    page = client.get("/ingest").text
    token = page.split('name="token" value="', 1)[1].split('"', 1)[0]
    assert len(token) > 20
    r = client.post("/ingest/url", data=url | {"token": token},
                    headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"})
    assert r.status_code == 400
    for headers in ({}, {"origin": BASE, "sec-fetch-site": "same-origin"}):
        assert client.post("/ingest/url", data=url, headers=headers).status_code == 400
