"""Earthquake magnitudes: the words that make a number one, before it, after it or glued to it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.magnitudes import glued_magnitudes, magnitude_end, magnitude_start
from newsfuse.algorithms.numbers import find_numbers


def _end(text: str) -> str | None:
    [number] = find_numbers(text)
    end = magnitude_end(text, number)
    return None if end is None else text[number.start:end]


# (text, the magnitude's words from the number on, or None)
AFTER = [
    ("the tremor registered 6.2 on the Richter scale", "6.2 on the Richter scale"),
    ("it was 5 on the Richter", "5 on the Richter"),
    ("un temblor de 5,7 grados en la escala de Richter", "5,7 grados en la escala de Richter"),
    ("ein Beben von 6,1 auf der Richterskala", "6,1 auf der Richterskala"),
    ("un séisme de 6,3 de magnitude", "6,3 de magnitude"),
    ("a quake measuring 6.9 hit", "6.9"),
    ("a shallow 6.1 earthquake", "6.1"),
    ("the quake was rated 5.5 by the agency", "5.5"),
    ("7 people died and then the magnitude rose", None),
    ("a cable measuring 7.8 was cut", None),
    ("the quake left 3.5 families homeless", None),
    ("a quake measuring 12.5", None),
]


@pytest.mark.parametrize(("text", "words"), AFTER)
def test_words_after_the_number(text: str, words: str | None) -> None:
    assert _end(text) == words


def test_words_before_the_number() -> None:
    text = "with a magnitude of 7.1 and"
    assert magnitude_start(text, text.index("7.1")) == text.index("magnitude")
    text = "an Mw 6.8 shock"
    assert magnitude_start(text, text.index("6.8")) == text.index("Mw")
    assert magnitude_start("a fine 6.8", 7) is None
    assert magnitude_start("an MP 6.8", 6) is None


def test_glued_notation() -> None:
    assert glued_magnitudes("an M7.8 and an Mw6.25 shock") == [(3, 7, 7.8, pytest.approx(0.1)),
                                                             (15, 21, 6.25, pytest.approx(0.01))]
    assert glued_magnitudes("the M16 rifle, the GM7.8, M7.8.1") == []


@given(st.integers(min_value=10, max_value=99), st.sampled_from(["M", "Mw", "ML", "Ms"]))
def test_any_glued_magnitude_reads(tenths: int, prefix: str) -> None:
    written = f"{tenths // 10}.{tenths % 10}"
    [(start, end, value, _)] = glued_magnitudes(f"an {prefix}{written} quake")
    assert value == pytest.approx(tenths / 10)
    assert end - start == len(prefix) + len(written)
