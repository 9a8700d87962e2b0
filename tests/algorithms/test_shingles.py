"""Word shingles and the overlap measures on them."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.shingles import containment, jaccard, shingles, words

TEXT = "Flood waters rose through the old harbour district of Kessington overnight, officials said."


def test_case_accents_and_punctuation_do_not_matter() -> None:
    assert np.array_equal(shingles(TEXT), shingles(TEXT.upper().replace(",", " ;")))
    assert words("Düsseldorf’s café") == ["dusseldorf", "s", "cafe"]


def test_a_short_text_is_one_shingle_and_an_empty_one_none() -> None:
    assert len(shingles("two words")) == 1
    assert len(shingles("   ")) == 0


def test_a_trimmed_copy_is_contained_in_the_original() -> None:
    original, trimmed = shingles(TEXT), shingles(" ".join(TEXT.split()[:8]))
    assert containment(trimmed, original) == 1.0
    assert 0.0 < jaccard(trimmed, original) < 1.0


sets = st.lists(st.integers(min_value=0, max_value=50), max_size=30).map(
    lambda xs: np.unique(np.array(xs, dtype=np.uint32)))


@given(sets, sets)
def test_jaccard_is_symmetric_and_bounded(a: np.ndarray, b: np.ndarray) -> None:
    assert jaccard(a, b) == jaccard(b, a)
    assert 0.0 <= jaccard(a, b) <= 1.0
    assert jaccard(a, a) == 1.0


@given(sets, sets)
def test_containment_of_a_subset_is_one(a: np.ndarray, b: np.ndarray) -> None:
    assert containment(np.intersect1d(a, b), b) == 1.0
    assert 0.0 <= containment(a, b) <= 1.0
