"""Tokens, stems and TF-IDF cosine for sentence alignment."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.similarity import (
    content_term,
    cosine_matrix,
    normalize_number,
    stem,
    terms,
    tfidf_matrix,
    word_spans,
)


@pytest.mark.parametrize("forms", [
    ("captured", "captures", "capturing", "capture"),
    ("bodies", "body"),
    ("killed", "kills", "killing", "kill"),
    ("stopped", "stop"),
    ("cities", "city"),
])
def test_inflections_meet(forms: tuple[str, ...]) -> None:
    assert len({stem(f) for f in forms}) == 1


def test_short_words_and_numbers_are_kept() -> None:
    assert [stem(w) for w in ("gas", "bus", "is", "2015")] == ["gas", "bus", "is", "2015"]


@pytest.mark.parametrize(("raw", "normal"), [
    ("250,000", "250000"), ("13.", "13"), ("1,3", "1,3"), ("7.9", "7.9"),
])
def test_numbers_have_one_spelling(raw: str, normal: str) -> None:
    assert normalize_number(raw) == normal


def test_terms_drop_stop_and_reporting_words() -> None:
    text = "The Observatory said on Sunday that 250,000 people had died, according to U.S. officials."
    assert terms(text) == [
        "observatory", "sunday", "#250000", "peopl", "died", "official"]


def test_transliterated_words_keep_their_offsets() -> None:
    text = "Düsseldorf’s mayor met İstanbul officials"
    for word, start, end in word_spans(text):
        assert text[start:end]
        assert word.isascii()
    assert [w for w, _, _ in word_spans(text)][:2] == ["dusseldorf's", "mayor"]
    assert content_term("dusseldorf's") == "dusseldorf"


@given(st.text(max_size=200))
def test_word_spans_point_into_the_text(text: str) -> None:
    for word, start, end in word_spans(text):
        assert 0 <= start < end <= len(text)
        assert word and word == word.lower()


@given(st.lists(st.lists(st.sampled_from(["zenda", "rebel", "#20", "@mVhVn", "town", "war"]), max_size=6),
                min_size=1, max_size=8))
def test_tfidf_rows_are_unit_or_empty_and_cosine_is_symmetric(docs: list[list[str]]) -> None:
    matrix, idf = tfidf_matrix(docs)
    norms = np.linalg.norm(matrix, axis=1)
    for doc, norm in zip(docs, norms, strict=True):
        assert norm == pytest.approx(1.0 if doc else 0.0)
    sim = cosine_matrix(matrix)
    assert np.allclose(sim, sim.T)
    assert ((sim >= 0) & (sim <= 1)).all()
    assert all(value >= 1.0 for value in idf.values())
