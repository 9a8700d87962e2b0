"""The clustering state: a compact blob that reads back to the same state, and fails cleanly."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.errors import StoreError
from newsfuse.stages.cluster import ClusterState, cluster
from newsfuse.stages.cluster.state import FORMAT

from .cluster_fixtures import corpus


def test_the_state_round_trips_through_bytes() -> None:
    _, state = cluster(corpus())
    again = ClusterState.from_bytes(state.to_bytes())
    assert [a.id for a in again.articles] == [a.id for a in state.articles]
    for mine, theirs in zip(state.articles, again.articles, strict=True):
        assert (mine.lang, mine.days, mine.headline) == (theirs.lang, theirs.days, theirs.headline)
        assert np.array_equal(mine.hashed.keys, theirs.hashed.keys)
        assert np.array_equal(mine.hashed.flags, theirs.hashed.flags)
    assert ClusterState.from_bytes(ClusterState().to_bytes()) == ClusterState()


def test_the_state_is_compact() -> None:
    articles = corpus()
    _, state = cluster(articles)
    assert len(state.to_bytes()) < sum(len(a.text) for a in articles) * 2


def test_a_state_of_another_format_is_read_again_from_the_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = corpus()
    one_pass, state = cluster(articles)
    monkeypatch.setattr("newsfuse.stages.cluster.state.FORMAT", FORMAT - 1)
    older = state.to_bytes()
    monkeypatch.undo()
    assert ClusterState.from_bytes(older) == ClusterState()
    assert cluster(articles, ClusterState.from_bytes(older))[0] == one_pass


@pytest.mark.parametrize("blob", [b"", b"not a state", b"PK\x03\x04broken"])
def test_an_unreadable_state_is_a_store_error(blob: bytes) -> None:
    with pytest.raises(StoreError):
        ClusterState.from_bytes(blob)
