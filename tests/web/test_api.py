"""The JSON API: every route, the OpenAPI schema, and the one error shape."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsfuse.errors import StoreError
from newsfuse.web import json_api
from newsfuse.web.app import create_app

from .conftest import BASE, SCRIPT, TEXTS, bridge_story


def test_stories(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert [s["id"] for s in body["stories"]] == ["s1", "s2"] and body["total"] == 2
    body = client.get("/api/stories", params={"q": "harbour", "since": "2023-01-01", "until": ""}).json()
    assert [s["id"] for s in body["stories"]] == ["s2"]
    assert body["query"]["since"] == "2023-01-01" and body["query"]["until"] is None


def test_story_is_the_contract_object_plus_sources_and_quotes(client: TestClient) -> None:
    body = client.get("/api/stories/s1").json()
    expected = bridge_story()
    for key in expected:
        if key != "brief":
            assert body[key] == expected[key], key
    for got, want in zip(body["brief"]["sentences"], expected["brief"]["sentences"], strict=True):
        assert {k: v for k, v in got.items() if k != "citations"} == {
            k: v for k, v in want.items() if k != "citations"}
        assert [{k: v for k, v in c.items() if k != "quote"} for c in got["citations"]] == want["citations"]
    assert body["sources"]["w1"]["outlet"] == "riverpost.example"


def test_article(client: TestClient) -> None:
    body = client.get("/api/articles/w1").json()
    assert body["text"] == TEXTS["w1"] and body["story"]["id"] == "s1"
    assert {"id", "source", "url", "outlet", "title", "published", "wire", "removed", "links"} <= set(body)


def test_skipped_inputs(client: TestClient) -> None:
    assert client.get("/api/skipped").json() == {
        "skipped": [{"source": "feed.jsonl:3", "reason": f"no 'text' field {SCRIPT}"}]}


def test_ids_with_slashes_and_hashes_route(store_path: Path, tmp_path: Path) -> None:
    from newsfuse.model import Article, Story
    from newsfuse.store import Store

    db = tmp_path / "odd.duckdb"
    with Store.open(db) as store:
        store.add_articles([Article(id="feed/a#2", source="s", text="Some text.")])
        store.save_stories([Story("day/1", "Odd ids", ("feed/a#2",))], None)
    with TestClient(create_app(db), base_url=BASE) as c:
        assert c.get("/api/stories/day%2F1").json()["articles"] == ["feed/a#2"]
        assert c.get("/api/articles/feed%2Fa%232").json()["story"]["id"] == "day/1"
        page = c.get("/stories/day%2F1").text
        assert 'href="/articles/feed%2Fa%232"' in page
        assert c.get("/articles/feed%2Fa%232").status_code == 200


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/skipped",
            "/api/ingest/upload", "/api/ingest/url"} <= paths
    assert not any(p.startswith(("/stories", "/articles", "/ingest")) for p in paths)
    assert "ErrorBody" in schema["components"]["schemas"]


def error(r: httpx.Response) -> dict:
    body = r.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == r.status_code
    assert body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [
    ("get", "/api/stories/nope", {}, 404),
    ("get", "/api/articles/nope", {}, 404),
    ("get", "/api/nothing-here", {}, 404),
    ("get", "/api/stories", {"params": {"since": "yesterday"}}, 400),
    ("get", "/api/stories", {"params": {"limit": "0"}}, 422),
    ("get", "/api/stories", {"params": {"offset": "many"}}, 422),
    ("post", "/api/ingest/url", {"json": {"nourl": 1}}, 422),
    ("post", "/api/ingest/url", {"content": b"{no", "headers": {"content-type": "application/json"}}, 422),
    ("post", "/api/ingest/url", {"json": {"url": "javascript:alert(1)"}}, 400),
    ("post", "/api/ingest/url", {"json": {"url": "   "}}, 400),
    ("post", "/api/ingest/upload", {"files": {"file": ("notes.pdf", b"%PDF")}}, 400),
    ("post", "/api/ingest/upload", {"data": {"token": "x"}}, 422),
    ("delete", "/api/stories/s1", {}, 405),
])
def test_error_shape(client: TestClient, method: str, path: str, kwargs: dict, status: int) -> None:
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == status
    error(r)


def test_store_errors_and_crashes_keep_the_shape(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def store_broken(*_: object) -> dict:
        raise StoreError("cannot open store: it is locked by another process")

    def crash(*_: object) -> dict:
        raise RuntimeError("secret internals")

    with TestClient(create_app(store_path), base_url=BASE, raise_server_exceptions=False) as c:
        monkeypatch.setattr(json_api, "story_detail", store_broken)
        assert "locked" in error(c.get("/api/stories/s1"))["message"]
        monkeypatch.setattr(json_api, "list_stories", crash)
        r = c.get("/api/stories")
        assert r.status_code == 500 and "secret" not in error(r)["message"]
        assert r.headers["x-content-type-options"] == "nosniff"
