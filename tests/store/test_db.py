"""The store's data: articles (exact round-trip, idempotent adds, order), the skipped log, stories
with the clustering state, and per-story results."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.errors import NotFound, StoreError
from newsfuse.model import Article, Removed, Skipped, Story
from newsfuse.store import AddResult, Store

OPTIONAL_TEXT = st.none() | st.text()
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Any article the model allows: unicode (NUL included), empty strings and None everywhere."""
    return Article(
        id=draw(st.text(min_size=1)), source=draw(st.text()), text=draw(st.text()),
        url=draw(OPTIONAL_TEXT), outlet=draw(OPTIONAL_TEXT), title=draw(OPTIONAL_TEXT),
        dek=draw(OPTIONAL_TEXT), published=draw(OPTIONAL_TEXT), byline=draw(OPTIONAL_TEXT),
        dateline=draw(OPTIONAL_TEXT), wire=draw(OPTIONAL_TEXT), wire_evidence=draw(OPTIONAL_TEXT),
        lang=draw(OPTIONAL_TEXT),
        removed=tuple(draw(st.lists(st.builds(Removed, st.text(), st.text()), max_size=3))),
        paragraphs=tuple(draw(st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)),
                                       max_size=3))),
        meta=draw(st.dictionaries(st.text(), JSON_VALUES, max_size=3)),
    )


def make(i: int, **kw: Any) -> Article:
    return Article(id=f"a{i}", source=f"/in/{i}.txt", text=f"Body of article {i}.", **kw)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "news.duckdb") as s:
        yield s


@settings(max_examples=40, deadline=None)
@given(st.lists(articles(), max_size=5, unique_by=lambda a: a.id))
def test_articles_round_trip_exactly_after_reopening(batch: list[Article]) -> None:
    with TemporaryDirectory() as d:
        path = Path(d) / "news.duckdb"
        with Store.open(path) as s:
            assert s.add_articles(batch, batch_size=2) == AddResult(len(batch), 0)
        with Store.open(path, read_only=True) as s:
            assert list(s.iter_articles()) == batch
            assert [s.get_article(a.id) for a in batch] == batch
            assert [a.to_dict() for a in s.iter_articles()] == [a.to_dict() for a in batch]


def test_adding_again_adds_nothing(store: Store) -> None:
    batch = [make(i) for i in range(7)]
    assert store.add_articles(batch, batch_size=3) == AddResult(7, 0)
    assert store.add_articles(batch, batch_size=2) == AddResult(0, 7)
    assert store.add_articles([make(3), make(8)]) == AddResult(1, 1)
    assert store.count_articles() == 8
    assert store.article_ids() == [*(f"a{i}" for i in range(7)), "a8"]


def test_a_known_id_keeps_the_stored_article(store: Store) -> None:
    store.add_articles([make(1, title="first")])
    store.add_articles([make(1, title="second")])
    assert store.get_article("a1").title == "first"


def test_the_first_of_an_id_within_a_batch_wins(store: Store) -> None:
    result = store.add_articles([make(1, title="first"), make(2), make(1, title="second")])
    assert result == AddResult(2, 1)
    assert store.get_article("a1").title == "first"
    assert store.article_ids() == ["a1", "a2"]


def test_on_batch_reports_each_committed_batch(store: Store) -> None:
    store.add_articles([make(0)])
    seen: list[tuple[AddResult, int]] = []
    total = store.add_articles([make(i) for i in range(5)], batch_size=2,
                               on_batch=lambda r: seen.append((r, store.count_articles())))
    assert seen == [(AddResult(1, 1), 2), (AddResult(2, 0), 4), (AddResult(1, 0), 5)]
    assert total == AddResult(4, 1)


def test_batch_size_must_be_positive(store: Store) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        store.add_articles([make(1)], batch_size=0)


def test_iter_articles_of_given_ids_keeps_insertion_order(store: Store) -> None:
    store.add_articles([make(i) for i in range(5)])
    assert [a.id for a in store.iter_articles(["a4", "a1", "a4"])] == ["a1", "a4"]
    assert list(store.iter_articles([])) == []


def test_iter_articles_streams_past_gaps_in_insertion_order(store: Store) -> None:
    # A batch of mostly known ids leaves gaps in the internal order numbers; nothing may be lost.
    store.add_articles([make(i) for i in range(0, 2500, 2)])
    store.add_articles([make(i) for i in range(2500)], batch_size=700)
    ids = [a.id for a in store.iter_articles()]
    assert len(ids) == len(set(ids)) == 2500
    assert ids == [f"a{i}" for i in range(0, 2500, 2)] + [f"a{i}" for i in range(1, 2500, 2)]


def test_missing_articles_are_not_found(store: Store) -> None:
    store.add_articles([make(1)])
    with pytest.raises(NotFound, match="'nope'"):
        store.get_article("nope")
    with pytest.raises(NotFound, match="1 article"):
        list(store.iter_articles(["a1", "nope"]))


def test_metadata_that_is_not_json_is_refused_and_nothing_of_its_batch_is_stored(store: Store) -> None:
    with pytest.raises(StoreError, match="a2"):
        store.add_articles([make(1), make(2, meta={"when": object()})])
    assert store.count_articles() == 0


def test_a_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    Store.open(path).close()
    with Store.open(path, read_only=True) as s:
        with pytest.raises(StoreError, match="read-only"):
            s.add_articles([make(1)])
        with pytest.raises(StoreError, match="read-only"):
            s.save_stories([], None)


def test_skipped_inputs_are_logged_once_each_in_first_seen_order(store: Store) -> None:
    store.record_skipped([Skipped("b.txt", "empty file"), Skipped("a.html", "no main text")])
    store.record_skipped([Skipped("a.html", "no main text"), Skipped("a.html", "not HTML")])
    store.record_skipped([])
    assert store.load_skipped() == [Skipped("b.txt", "empty file"), Skipped("a.html", "no main text"),
                                    Skipped("a.html", "not HTML")]


STORIES = [Story("s2", "Bridge falls", ("a3", "a1")), Story("s1", "Tax vote", ("a2",)),
           Story("s3", "Empty", ())]


def test_stories_and_state_round_trip(store: Store) -> None:
    assert store.load_stories() == []
    assert store.load_cluster_state() is None
    state = bytes(range(256)) * 3
    store.save_stories(STORIES, state)
    assert store.load_stories() == STORIES
    assert store.load_cluster_state() == state
    store.save_stories(STORIES[:1], None)
    assert store.load_stories() == STORIES[:1]
    assert store.load_cluster_state() is None


def test_story_ids_must_be_unique(store: Store) -> None:
    with pytest.raises(ValueError, match="unique"):
        store.save_stories([Story("s1", "", ("a1",)), Story("s1", "", ("a2",))], b"")


def test_a_failed_save_keeps_the_previous_stories_and_state(store: Store) -> None:
    store.save_stories(STORIES, b"old")
    with pytest.raises(StoreError):
        store.save_stories([Story("s9", "x", ("a1", None))], b"new")  # type: ignore[arg-type]
    assert store.load_stories() == STORIES
    assert store.load_cluster_state() == b"old"


def test_story_docs_round_trip_and_replace(store: Store) -> None:
    store.save_stories(STORIES, None)
    doc = {"id": "s1", "title": "Tax vote", "brief": {"sentences": [{"text": "Ça va — 東京", "n": 1.5}]}}
    store.save_story_docs({"s1": doc, "s2": {"id": "s2"}})
    assert store.load_story_doc("s1") == doc
    store.save_story_docs({"s2": {"id": "s2", "title": "new"}})
    assert store.load_story_docs() == {"s2": {"id": "s2", "title": "new"}, "s1": doc}
    with pytest.raises(NotFound, match="s3"):
        store.load_story_doc("s3")


def test_saving_stories_drops_the_docs_of_changed_or_gone_stories(store: Store) -> None:
    store.save_stories(STORIES, None)
    store.save_story_docs({s.id: {"id": s.id} for s in STORIES})
    store.save_stories([STORIES[0], Story("s1", "Tax vote", ("a2", "a4")), Story("s4", "New", ())], None)
    assert store.load_story_docs() == {"s2": {"id": "s2"}}
