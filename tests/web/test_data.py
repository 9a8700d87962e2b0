"""The data functions behind pages and API, over the hand-made store of conftest.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.errors import NotFound
from newsfuse.web.data import StoryQuery, article_detail, day_of, list_stories, story_detail
from newsfuse.web.library import Library

from .conftest import SCRIPT, TEXTS


@pytest.fixture(scope="module")
def lib(store_path: Path) -> Library:
    return Library(store_path)


def ids(data: dict) -> list[str]:
    return [s["id"] for s in data["stories"]]


def test_list_is_newest_first_with_summaries(lib: Library) -> None:
    data = list_stories(lib, StoryQuery())
    assert ids(data) == ["s1", "s2"]
    s1 = data["stories"][0]
    assert (s1["first"], s1["last"], s1["articles"]) == ("2024-03-04", "2024-03-06", 3)
    assert s1["outlets"] == sorted(["riverpost.example", "dailyledger.example", "<b>evil</b>.example"])
    assert s1["entities"] == ["Linden Falls council", "Linden Falls"]
    assert s1["lede"].startswith("A pedestrian bridge")
    assert s1["discrepancies"] == 1
    assert data["stories"][1]["lede"] is None
    assert "harbourgazette.example" in data["outlets"]


@pytest.mark.parametrize(("query", "expected"), [
    (StoryQuery(q="LINDEN falls"), ["s1"]),
    (StoryQuery(q="harbour tax"), ["s2"]),
    (StoryQuery(q="linden harbour"), []),
    (StoryQuery(outlet="dailyledger.example"), ["s1"]),
    (StoryQuery(outlet="nowhere.example"), []),
    (StoryQuery(since=date(2024, 1, 1)), ["s1"]),
    (StoryQuery(until=date(2023, 12, 31)), ["s2"]),
    (StoryQuery(since=date(2024, 3, 6), until=date(2024, 3, 6)), ["s1"]),
    (StoryQuery(since=date(2025, 1, 1)), []),
    (StoryQuery(limit=1), ["s1"]),
    (StoryQuery(limit=1, offset=1), ["s2"]),
])
def test_list_filters(lib: Library, query: StoryQuery, expected: list[str]) -> None:
    data = list_stories(lib, query)
    assert ids(data) == expected
    assert data["query"] == query.to_dict()


def test_story_detail_quotes_every_citation(lib: Library) -> None:
    story = story_detail(lib, "s1")
    assert story["claims"][0]["id"] == "c1"
    for sentence in story["brief"]["sentences"]:
        for c in sentence["citations"]:
            assert c["quote"] == TEXTS[c["article"]][c["start"]:c["end"]] == sentence["text"]
    assert set(story["sources"]) == {"w1", "w2", "w3"}
    assert story["sources"]["w3"]["url"] == "javascript:alert(1)"


def test_story_without_results_is_its_membership(lib: Library) -> None:
    assert story_detail(lib, "s2") | {"sources": None} == {
        "id": "s2", "title": "Harbour tax vote", "articles": ["x1"], "sources": None}


def test_unknown_ids_are_not_found(lib: Library) -> None:
    with pytest.raises(NotFound):
        story_detail(lib, "nope")
    with pytest.raises(NotFound):
        article_detail(lib, "nope")


def test_article_detail_links_spans_to_claims_and_brief(lib: Library) -> None:
    article = article_detail(lib, "w3")
    assert article["text"] == TEXTS["w3"]
    assert article["story"] == {"id": "s1", "title": f"Linden Falls bridge {SCRIPT}"}
    assert [(x.get("claim"), x.get("brief")) for x in article["links"]] == [("c1", None), (None, 1)]
    assert article["removed"][0]["reason"] == "newsletter"
    assert article_detail(lib, "x1")["links"] == []


def test_snapshot_follows_the_store_file(tmp_path: Path) -> None:
    from newsfuse.store import Store

    from .conftest import build_store

    path = build_store(tmp_path / "s.duckdb")
    lib = Library(path)
    assert len(list_stories(lib, StoryQuery())["stories"]) == 2
    with Store.open(path) as store:
        store.save_stories([], None)
    assert list_stories(lib, StoryQuery())["stories"] == []


def test_a_missing_store_is_created_empty(tmp_path: Path) -> None:
    lib = Library(tmp_path / "new.duckdb")
    assert list_stories(lib, StoryQuery())["total"] == 0


@given(st.one_of(st.none(), st.integers(), st.text(max_size=30)))
def test_day_of_is_a_date_or_none(value: object) -> None:
    day = day_of(value)
    assert day is None or date.fromisoformat(day).isoformat() == day
