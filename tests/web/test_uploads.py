"""Ingest from the browser and the API: uploads and URLs go through the real pipeline."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.errors import UsageError
from newsfuse.web.app import create_app
from newsfuse.web.uploads import KINDS, upload_suffix

from .conftest import BASE

ARTICLE = ("Harbour ferry resumes service\n\n"
           "The Marlow Bay ferry resumed service on Wednesday after storms kept it in port for a week, "
           "the operator said. Crews repaired a damaged ramp at the north pier.\n")


@pytest.mark.parametrize(("name", "suffix"), [
    ("story.txt", ".txt"), ("Page.HTML", ".html"), ("dump.warc.gz", ".warc.gz"), ("a.jsonl.gz", ".jsonl.gz"),
    ("../../etc/passwd.csv", ".csv"), ("feed.rss", ".rss"),
])
def test_upload_suffix_keeps_known_kinds(name: str, suffix: str) -> None:
    assert upload_suffix(name) == suffix


@given(st.text(max_size=30))
def test_upload_suffix_is_a_known_kind_or_refused(name: str) -> None:
    try:
        suffix = upload_suffix(name)
    except UsageError:
        return
    assert suffix.removesuffix(".gz") in KINDS


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(tmp_path / "fresh.duckdb"), base_url=BASE) as c:
        yield c


def test_upload_then_read_the_story(fresh: TestClient) -> None:
    r = fresh.post("/api/ingest/upload", files={"file": ("ferry.txt", ARTICLE.encode())})
    assert r.status_code == 200, r.text
    report = r.json()
    assert (report["added"], report["existing"], report["skipped"]) == (1, 0, [])
    (story,) = report["stories"]
    assert fresh.get(f"/api/stories/{story['id']}").json()["articles"]
    again = fresh.post("/api/ingest/upload", files={"file": ("renamed.txt", ARTICLE.encode())}).json()
    assert (again["added"], again["existing"]) == (0, 1)
    assert list(fresh.app.state.upload_dir.iterdir()) == []


def test_upload_form_reports_skips_by_the_uploaded_name(fresh: TestClient) -> None:
    page = fresh.get("/ingest").text
    token = page.split('name="token" value="', 1)[1].split('"', 1)[0]
    r = fresh.post("/ingest/upload", data={"token": token}, files={"file": ("empty.txt", b"   ")},
                   headers={"accept": "text/html"})
    assert r.status_code == 200
    assert "0 articles added" in r.text and "empty.txt" in r.text
    assert str(fresh.app.state.upload_dir) not in r.text


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://10.1.2.3/", "http://169.254.169.254/latest",
                                 "http://[::1]/", "file:///etc/passwd", "ftp://127.0.0.1/"])
def test_url_ingest_refuses_private_targets(fresh: TestClient, url: str) -> None:
    r = fresh.post("/api/ingest/url", json={"url": url})
    assert r.status_code == 400
    assert r.json()["error"]["message"].startswith("refused")


@pytest.fixture
def local_site(tmp_path: Path) -> Iterator[str]:
    site = tmp_path / "site"
    site.mkdir()
    title, _, body = ARTICLE.partition("\n\n")
    (site / "ferry.html").write_text(f"<html><head><title>{title}</title></head><body><article>"
                                     f"<h1>{title}</h1><p>{body}</p></article></body></html>")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/ferry.html"
    finally:
        server.shutdown()
        thread.join()


def test_url_ingest_fetches_when_private_targets_are_allowed(tmp_path: Path, local_site: str) -> None:
    with TestClient(create_app(tmp_path / "u.duckdb", allow_private=True), base_url=BASE) as c:
        r = c.post("/ingest/url", data={"url": local_site}, headers={"accept": "text/html"})
        assert r.status_code == 200, r.text
        assert "1 article added" in r.text and "/stories/" in r.text
        body = c.get("/api/stories").json()
        assert body["total"] == 1 and "ferry" in body["stories"][0]["lede"].lower()
