"""Four-digit numbers from 1800 to 2100: years, or counts written like years."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.numbers import find_numbers
from newsfuse.algorithms.years import reads_as_year

# (text, the four digits read as a year?)
YEARS = [
    ("The dam opened in 1990 after a decade.", True),
    ("In 2000 people voted for change.", True),
    ("the 2020 elections", True),
    ("the number of 2016 cars recalled", True),
    ("2016 marks the centenary", True),
    ("2015 was a hard year", True),
    ("Euro 2016 matches", True),
    ("from 1990 to 2010", True),
    ("Around 2000, the firm moved.", True),
    ("Militants killed 2000 people.", False),
    ("2000 soldiers were sent north.", False),
    ("at least 1900 homes", False),
    ("a crowd of 2000 protesters", False),
    ("some 1800 were missing", False),
    ("The death toll rose to 2000.", False),
    ("Officials put the toll at 1900.", False),
]


@pytest.mark.parametrize(("text", "year"), YEARS)
def test_four_digit_years_and_counts(text: str, year: bool) -> None:
    n = find_numbers(text)[-1]
    assert reads_as_year(text, n.start, n.end) is year


def test_only_four_digit_whole_numbers_can_be_years() -> None:
    assert not reads_as_year("in 2,000", 3, 8)
    assert not reads_as_year("in 2500", 3, 7)
    assert not reads_as_year("in 202", 3, 6)


@given(st.integers(min_value=180, max_value=210), st.sampled_from(["soldiers", "people", "homes"]))
def test_round_counts_after_a_verb_or_before_a_plural_noun(tens: int, noun: str) -> None:
    n = str(tens * 10)
    counts = (f"Shelling killed {n} {noun}.", f"{n} {noun} were moved.", f"Officials said {n} {noun} left.")
    for text in counts:
        start = text.index(n)
        assert not reads_as_year(text, start, start + 4)
    text = f"In {n} {noun} were moved."
    assert reads_as_year(text, 3, 7)
