"""MinHash signatures and LSH parameters."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.minhash import MinHasher, band_keys, lsh_params, similarity


def _set(start: int, stop: int) -> np.ndarray:
    return np.arange(start, stop, dtype=np.uint32) * np.uint32(2654435761 % 2**32)


def test_the_same_seed_gives_the_same_signature_and_another_seed_another() -> None:
    members = _set(0, 200)
    assert np.array_equal(MinHasher(64, 7).signature(members), MinHasher(64, 7).signature(members))
    assert not np.array_equal(MinHasher(64, 7).signature(members), MinHasher(64, 8).signature(members))


def test_the_estimate_follows_the_jaccard_similarity() -> None:
    hasher = MinHasher(256, 1)
    a, b = hasher.signature(_set(0, 400)), hasher.signature(_set(100, 500))  # Jaccard 300 / 500
    assert similarity(a, b) == pytest.approx(0.6, abs=0.08)
    assert similarity(a, hasher.signature(_set(1000, 1400))) < 0.05


def test_an_empty_set_has_a_signature_of_its_own() -> None:
    hasher = MinHasher(16, 1)
    assert similarity(hasher.signature(np.zeros(0, dtype=np.uint32)), hasher.signature(_set(0, 5))) == 0.0


@given(st.integers(min_value=1, max_value=256), st.floats(min_value=0.05, max_value=0.95))
def test_lsh_bands_fit_the_signature(num_perm: int, threshold: float) -> None:
    bands, rows = lsh_params(num_perm, threshold)
    assert bands >= 1 and rows >= 1 and bands * rows <= num_perm


def test_lsh_catches_pairs_above_the_threshold_and_rarely_below() -> None:
    bands, rows = lsh_params(128, 0.8)
    caught = lambda s: 1 - (1 - s**rows) ** bands  # noqa: E731
    assert caught(0.85) > 0.9 and caught(0.5) < 0.1


def test_band_keys_differ_by_band() -> None:
    signature = np.zeros(8, dtype=np.uint32)
    assert len(set(band_keys(signature, 4, 2))) == 4


def test_num_perm_must_be_positive() -> None:
    with pytest.raises(ValueError):
        MinHasher(0)
