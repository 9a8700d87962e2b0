"""The Ray engine gives exactly the embedded engine's results (needs the ray extra)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ray = pytest.importorskip("ray")

from newsfuse import api  # noqa: E402
from newsfuse.engines import make_engine  # noqa: E402
from newsfuse.engines.local import LocalEngine  # noqa: E402
from newsfuse.engines.ray import (  # noqa: E402
    ARTICLE_SCHEMA,
    MAX_BATCH,
    RayEngine,
    batches,
    read_parquet,
    story_batches,
    write_parquet,
)
from newsfuse.model import Article, Document, Removed, Story  # noqa: E402

pytestmark = pytest.mark.ray

CHROME = "Harbourside Ledger Desk"


@pytest.fixture(scope="module")
def engine() -> Iterator[RayEngine]:
    started = not ray.is_initialized()
    yield RayEngine(workers=2)
    if started:
        ray.shutdown()


@pytest.fixture(scope="module")
def dev_batches(dev_corpus: Path, engine: RayEngine) -> tuple[api.Batch, api.Batch]:
    inputs = [str(dev_corpus)]
    return api.extract(inputs, engine=LocalEngine()), api.extract(inputs, engine=engine)


def test_make_engine_gives_a_ray_engine(engine: RayEngine) -> None:
    made = make_engine("ray")
    assert isinstance(made, RayEngine)
    assert made.workers == 2  # joined the running local Ray rather than starting another


def test_extract_equals_the_embedded_engine(dev_batches: tuple[api.Batch, api.Batch]) -> None:
    local, distributed = dev_batches
    assert len(local.articles) > 200
    assert distributed.articles == local.articles
    assert distributed.skipped == local.skipped


def test_cluster_equals_the_embedded_engine(
    dev_batches: tuple[api.Batch, api.Batch], engine: RayEngine
) -> None:
    local, distributed = dev_batches
    expected = api.cluster_articles(local.articles, engine=LocalEngine())
    assert len(expected) > 10
    assert api.cluster_articles(distributed.articles, engine=engine) == expected


def test_incremental_cluster_equals_the_embedded_engine(
    dev_batches: tuple[api.Batch, api.Batch], engine: RayEngine
) -> None:
    articles = dev_batches[0].articles
    half = len(articles) // 2
    first_local, state_local = LocalEngine().cluster(articles[:half])
    first, state = engine.cluster(articles[:half])
    assert first == first_local
    # All the articles again: the known half is left out, the rest joins the stories made so far.
    assert engine.cluster(articles, state)[0] == LocalEngine().cluster(articles, state_local)[0]


def test_stored_workflow_equals_the_embedded_engine(
    dev_corpus: Path, tmp_path: Path, engine: RayEngine
) -> None:
    inputs = [str(dev_corpus)]
    for name, run_on in (("local", LocalEngine()), ("ray", engine)):
        api.ingest(inputs, tmp_path / f"{name}.duckdb", engine=run_on)
    expected = api.cluster_store(tmp_path / "local.duckdb", engine=LocalEngine())
    assert api.cluster_store(tmp_path / "ray.duckdb", engine=engine) == expected
    # The store holds what the Ray engine made: reading it back gives the same stories.
    assert api.cluster_store(tmp_path / "ray.duckdb", engine=LocalEngine()) == expected


def test_brief_equals_the_embedded_engine(
    dev_batches: tuple[api.Batch, api.Batch], engine: RayEngine
) -> None:
    articles = dev_batches[0].articles
    stories = api.cluster_articles(articles, engine=LocalEngine())
    expected = api.brief_documents(articles, stories, engine=LocalEngine())
    got = api.brief_documents(articles, stories, engine=engine)
    assert sum(len(s["brief"]["sentences"]) for s in expected["stories"]) > 0
    # Compared as JSON text: the same keys in the same order, and the same numbers to the last bit.
    assert json.dumps(got) == json.dumps(expected)


def _page(k: int, outlet: str = "ledger.example") -> Document:
    body = (f"Officials in district {k} opened a new ferry terminal on the river on Monday, "
            f"after {k + 3} years of planning and arguments about its cost.")
    return Document(id=f"p{k}", source=f"page-{k}.txt", kind="text", content=f"{CHROME}\n\n{body}\n",
                    fields={"outlet": outlet})


def test_repeated_chrome_is_learned_over_all_documents(engine: RayEngine) -> None:
    # Two pages per task: no single task sees the chrome line often enough to learn it.
    docs = [_page(k) for k in range(16)]
    assert max(len(b) for b in batches(docs, engine.workers)) < 3
    local = LocalEngine().clean(docs)
    distributed = engine.clean(docs)
    assert distributed == local
    assert all(CHROME not in a.text for a in distributed[0])
    assert all(any(r.text == CHROME for r in a.removed) for a in distributed[0])


def test_skipped_documents_are_reported_in_order(engine: RayEngine) -> None:
    scripts = "<html><script>x</script></html>"
    empty = [Document(id=f"e{k}", source=f"empty-{k}.html", kind="html", content=scripts) for k in range(3)]
    docs = [_page(0), empty[0], _page(1), empty[1], _page(2), empty[2]]
    articles, skipped = engine.clean(docs)
    assert (articles, skipped) == LocalEngine().clean(docs)
    assert [s.source for s in skipped] == [d.source for d in empty]


def test_parquet_keeps_every_article_field(tmp_path: Path, engine: RayEngine) -> None:
    assert set(ARTICLE_SCHEMA.names) == {f.name for f in fields(Article)}
    articles = [
        replace(engine.clean([_page(k)])[0][0], removed=(Removed("Share this", "share"),),
                meta={"k": k, "tags": ["ferry"]}, wire="AP" if k % 2 else None)
        for k in range(5)
    ]
    names = write_parquet(articles, tmp_path / "articles")
    assert len(names) >= 2
    assert read_parquet(tmp_path / "articles") == articles


@given(st.lists(st.integers(), max_size=3000), st.integers(1, 64))
def test_batches_cut_in_order(items: list[int], workers: int) -> None:
    parts = batches(items, workers)
    assert [x for p in parts for x in p] == items
    assert all(0 < len(p) <= MAX_BATCH for p in parts)


@given(st.lists(st.integers(1, 40), max_size=200), st.integers(1, 8))
def test_story_batches_cut_in_order(sizes: list[int], workers: int) -> None:
    stories = [Story(f"s{k}", "", tuple(f"a{k}-{j}" for j in range(n))) for k, n in enumerate(sizes)]
    parts = story_batches(stories, workers)
    assert [s for p in parts for s in p] == stories
    assert all(p for p in parts)
