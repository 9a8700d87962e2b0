"""A stored run of the seeds (plus an article full of markup with a javascript: URL) served as pages
and JSON: the seed story shows a brief that both outlets support, each outlet's unique facts, and
no false discrepancy; the markup and the javascript: URL stay inert."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsfuse.web.app import create_app

from .conftest import BASE, SCRIPT
from .test_pages import ESCAPED_SCRIPT, assert_inert

HTML = {"accept": "text/html"}
CONSISTENT = ("20 km", "13 miles", "250,000", "fifth year", "four-year")


@pytest.fixture(scope="module")
def seeds(seeds_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(seeds_store), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def seed_story(seeds: TestClient) -> dict:
    stories = seeds.get("/api/stories").json()["stories"]
    (summary,) = [s for s in stories if s["articles"] == 2]
    return seeds.get(f"/api/stories/{summary['id']}").json()


def test_seeds_are_one_story_and_the_markup_article_another(seeds: TestClient, seed_story: dict) -> None:
    body = seeds.get("/api/stories").json()
    assert body["total"] == 2
    assert "hostile" not in seed_story["articles"]


def test_seed_story_page(seeds: TestClient, seed_story: dict) -> None:
    a, b = seed_story["articles"]
    brief = seed_story["brief"]["sentences"]
    both = [s for s in brief if {a, b} <= set(s["support"])]
    assert both, "no brief sentence is supported by both outlets"
    assert all(c["quote"] == s["text"] for s in brief for c in s["citations"])
    assert seed_story["unique"].get(a) and seed_story["unique"].get(b)
    for d in seed_story.get("discrepancies", []):
        texts = " | ".join(v["text"] for v in d["values"])
        assert not any(c in texts for c in CONSISTENT), d

    html = seeds.get(f"/stories/{seed_story['id']}", headers=HTML).text
    assert_inert(html)
    assert html.count('class="chip"') == sum(len(s["citations"]) for s in brief)
    assert "stated by 2 of 2" in html
    unique = html.split('id="unique"', 1)[1].split("</section>", 1)[0]
    for article in (a, b):
        assert f'href="/articles/{article}"' in unique
        assert seed_story["unique"][article][0].replace("'", "&#39;").replace('"', "&#34;")[:40] in unique


def test_markup_and_javascript_url_are_inert(seeds: TestClient) -> None:
    article = seeds.get("/api/articles/hostile").json()
    assert SCRIPT in article["text"] and article["url"] == "javascript:alert(1)"
    for path in ("/articles/hostile", f"/stories/{article['story']['id']}", "/?q=library"):
        html = seeds.get(path, headers=HTML).text
        assert_inert(html)
        assert SCRIPT not in html
    html = seeds.get("/articles/hostile", headers=HTML).text
    assert ESCAPED_SCRIPT in html and '<span class="ext inert">javascript:alert(1)</span>' in html
