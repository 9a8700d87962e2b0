"""The HTML pages: every route renders, article-derived text is inert, and the story page shows
each part of a story."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.model import Article, Story
from newsfuse.store import Store
from newsfuse.web.app import create_app

from .conftest import BASE, SCRIPT

HTML = {"accept": "text/html"}
ESCAPED_SCRIPT = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"


def page(client: TestClient, path: str, status: int = 200) -> str:
    r = client.get(path, headers=HTML)
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    return r.text


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's parser would see them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """No script runs: the only script is our external app.js, no element has an inline event
    handler or style, no link or form points at a javascript: URL, no image or frame from a text."""
    tags = Tags(html).tags
    assert [a for t, a in tags if t == "script"] == [{"src": "/static/app.js", "defer": None}]
    assert not {t for t, _ in tags} & {"img", "iframe", "object", "embed", "base", "b"}
    for tag, attrs in tags:
        assert not any(name.startswith("on") or name == "style" for name in attrs), (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), (tag, attrs)


@pytest.mark.parametrize("path", ["/", "/?q=bridge", "/stories/s1", "/stories/s2", "/articles/w1",
                                  "/articles/w3", "/articles/x1", "/ingest"])
def test_every_page_renders_inert(client: TestClient, path: str) -> None:
    assert_inert(page(client, path))


def test_markup_in_articles_is_shown_as_text(client: TestClient) -> None:
    story = page(client, "/stories/s1")
    assert ESCAPED_SCRIPT in story and SCRIPT not in story
    assert "&lt;b&gt;evil&lt;/b&gt;.example" in story
    article = page(client, "/articles/w3")
    assert ESCAPED_SCRIPT in article and "&lt;img src=x onerror=alert(1)&gt;" in article
    # The javascript: URL is printed, not linked.
    assert '<span class="ext inert">javascript:alert(1)</span>' in article
    assert '<span class="ext inert">javascript:alert(1)</span>' in story
    assert 'href="https://riverpost.example/2024/03/04/bridge"' in story


def test_list_page(client: TestClient) -> None:
    html = page(client, "/")
    assert html.index("/stories/s1") < html.index("/stories/s2")
    assert "2024-03-04 – 2024-03-06" in html and "3 outlets" in html and "1 discrepancy" in html
    assert '<span class="tag">Linden Falls council</span>' in html
    assert '<option value="dailyledger.example">' in html
    filtered = page(client, "/?outlet=harbourgazette.example&since=&until=")
    assert "/stories/s2" in filtered and "/stories/s1" not in filtered
    assert '<option value="harbourgazette.example" selected>' in filtered
    assert "No stories match these filters" in page(client, "/?q=zebra")
    paged = page(client, "/?limit=1")
    assert "older →" in paged and "offset=1" in paged


def test_story_page_parts(client: TestClient) -> None:
    html = page(client, "/stories/s1")
    # Brief: one chip per citation, its quote hidden until clicked, the support count.
    assert html.count('class="chip"') == 2
    assert 'data-quote="q1-1"' in html and 'id="q1-1" hidden' in html
    assert "stated by 3 of 3" in html
    # Event card, discrepancies with the evolving timeline, claims matrix, unique facts, graph.
    assert "collapse (disaster)" in html and "12 injured (12-15 across outlets)" in html
    assert '<span class="badge">evolving</span>' in html and 'class="timeline"' in html
    assert "conservative: 12 people · latest: 15 people" in html
    assert html.count('<td class="cell states"') == 6 and html.count('<td class="cell contradicts"') == 1
    assert 'id="claim-c3"' in html
    assert "Engineers blamed corrosion in the steel cables." in html
    assert '<svg class="provenance"' in html and "Reuters family" in html
    assert 'marker-end="url(#arrow)"' in html


def test_story_without_results_shows_what_it_has(client: TestClient) -> None:
    html = page(client, "/stories/s2")
    assert "Harbour tax vote" in html and "/articles/x1" in html
    for part in ('id="brief"', 'id="claims"', 'id="discrepancies"', "<svg", 'id="event"'):
        assert part not in html


def test_story_naming_an_article_the_store_lacks(tmp_path: Path) -> None:
    with Store.open(tmp_path / "ghost.duckdb") as store:
        store.add_articles([Article(id="a1", source="a1.txt", text="Real text.")])
        store.save_stories([Story("g", "Ghost", ("a1", "ghost"))], None)
        store.save_story_docs({"g": {"id": "g", "title": "Ghost", "articles": ["a1", "ghost"], "brief": {
            "sentences": [{"text": "Gone.", "citations": [{"article": "ghost", "start": 0, "end": 5}],
                           "support": ["ghost"]}]}}})
    with TestClient(create_app(tmp_path / "ghost.duckdb"), base_url=BASE) as c:
        html = page(c, "/stories/g")
        assert "(the cited text is not in the store)" in html and ">ghost</a>" in html and "a1.txt" in html
        page(c, "/articles/ghost", 404)


def test_article_page_links_claims_and_shows_boilerplate_apart(client: TestClient) -> None:
    html = page(client, "/articles/w3")
    assert '<a class="fact shared" id="s-0" href="/stories/s1#claim-c1"' in html
    assert "<mark" in html
    removed = html.split('class="removed"', 1)[1]
    assert "newsletter" in removed and "Subscribe now" in removed
    assert "Subscribe now" not in html.split('class="removed"', 1)[0]


def test_ingest_page_lists_skipped_inputs(client: TestClient) -> None:
    html = page(client, "/ingest")
    assert "Skipped so far (1)" in html and "feed.jsonl:3" in html and ESCAPED_SCRIPT in html


def test_html_errors_are_pages(client: TestClient) -> None:
    html = page(client, "/stories/nope", 404)
    assert "no story" in html and "<h1>404</h1>" in html
    assert "must be a date" in page(client, "/?since=soon", 400)
    # Without an HTML Accept header the same error is JSON.
    assert client.get("/stories/nope").json()["error"]["status"] == 404
