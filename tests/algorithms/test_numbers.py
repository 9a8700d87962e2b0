"""Numbers in news text: digits, words, scales, ranges, vague amounts, and what is not a number."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.numbers import (
    find_numbers,
    integer_precision,
    parse_number,
    parse_ordinal,
    parse_words,
    qualifier_before,
    uses_decimal_comma,
)

VALUES = [
    ("7", 7),
    ("1,300", 1300),
    ("940 000", 940_000),
    ("3.5", 3.5),
    ("1.3 billion", 1.3e9),
    ("13.7bn", 13.7e9),
    ("2 mln", 2e6),
    ("10k", 10_000),
    ("two", 2),
    ("Eleven", 11),
    ("forty five", 45),
    ("twenty-five", 25),
    ("ninety-nine", 99),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("a hundred", 100),
    ("one hundred and twenty", 120),
    ("three thousand", 3000),
    ("two thousand five hundred", 2500),
    ("half a million", 500_000),
    ("one and a half million", 1.5e6),
    ("a million", 1e6),
    ("4.2 million", 4.2e6),
    ("dozens", 12),
    ("scores", 20),
    ("hundreds", 100),
    ("tens of thousands", 10_000),
    ("several", 10),
]


@pytest.mark.parametrize(("text", "value"), VALUES)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


NOT_NUMBERS = [
    "a mix",
    "2.15pm",
    "7K9268",
    "Su-24",
    "A321",
    "G20",
    "COVID-19",
    "9/11",
    "1-0",
    "2012-13",
    "F-16s",
    "the 1990s",
    "someone",
    "at 10.01 on Monday",
    "14:30 GMT",
    "and a",
    "toll-free at 800-555-0142",
    "call 1-888-555-0175 now",
    "+44 20 7946 0321",
    "(212) 555-0188",
    "ISBN 978-0-306-40615-7",
    "ISBN 0306406152",
    "zip code 10027",
    "Springfield, IL 62704",
    "the hotline on 0800 111 222",
    "filed 2019-04-15",
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_things_that_only_look_like_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_precision_follows_the_last_stated_digit() -> None:
    assert integer_precision("13") == 1
    assert integer_precision("250,000") == 10_000
    assert integer_precision("1,300") == 100
    assert integer_precision("100") == 1  # small round numbers are exact counts
    [n] = find_numbers("1.3 billion")
    assert n.precision == pytest.approx(1e8)
    [n] = find_numbers("half a million")
    assert n.precision == pytest.approx(1e5)


def test_ranges_keep_both_ends() -> None:
    [r] = find_numbers("between 15 and 20")
    assert (r.low, r.high, r.value) == (15, 20, 17.5)
    [r] = find_numbers("aged 11 to 16")
    assert (r.low, r.high) == (11, 16)
    assert [n.value for n in find_numbers("the toll rose from 44 to 48")] == [44, 48]
    assert [n.value for n in find_numbers("it fell from 30 to 20")] == [30, 20]


def test_codes_leave_the_numbers_around_them() -> None:
    assert [n.value for n in find_numbers("she rang the phone 5 times")] == [5]
    assert [n.value for n in find_numbers("Tel Aviv, 40 km away")] == [40]
    assert [n.value for n in find_numbers("call 800-555-0142, 12 lines")] == [12]
    assert [n.value for n in find_numbers("20-25 people")] == [22.5]


def test_or_makes_a_range_and_the_scale_is_shared() -> None:
    [r] = find_numbers("three or four")
    assert (r.low, r.high) == (3, 4)
    [r] = find_numbers("20 to 25 million")
    assert (r.low, r.high) == (20e6, 25e6)
    [r] = find_numbers("between 2 and 3 billion")
    assert (r.low, r.high) == (2e9, 3e9)
    [r] = find_numbers("500 to 2 million")  # the first stays as written when scaling overshoots
    assert (r.low, r.high) == (500, 2e6)
    assert [n.value for n in find_numbers("seven or five")] == [7, 5]


# (text, language, values): a comma before one or two digits is decimal anywhere; a point before
# three is a thousands separator where the language writes decimal commas.
DECIMALS = [
    ("a 6,5 reading", None, [6.5]),
    ("7,25 percent", None, [7.25]),
    ("1,300 people", None, [1300]),
    ("1,300 people", "de", [1300]),
    ("1.300 Menschen", "de", [1300]),
    ("1.300 Menschen", None, [1.3]),
    ("1.300.000 euros", None, [1_300_000]),
    ("1.234,5 km", None, [1234.5]),
    ("1,234.5 km", None, [1234.5]),
    ("12,5 million", "es", [12.5e6]),
    ("1,5 million", "fr-FR", [1.5e6]),
    ("8 000,5", "fr", [8000.5]),
    ("12 300,000", None, [12, 300_000]),
    ("the list 1,2,3", None, [1, 2, 3]),
]


@pytest.mark.parametrize(("text", "lang", "values"), DECIMALS)
def test_decimal_commas_and_points(text: str, lang: str | None, values: list[float]) -> None:
    assert [n.value for n in find_numbers(text, lang=lang)] == pytest.approx(values)


def test_languages_with_decimal_commas() -> None:
    assert uses_decimal_comma("de") and uses_decimal_comma("pt-BR") and uses_decimal_comma("ES")
    assert not uses_decimal_comma("en") and not uses_decimal_comma(None) and not uses_decimal_comma("zh")
    [n] = find_numbers("1,5", lang="de")
    assert n.precision == pytest.approx(0.1)
    [n] = find_numbers("2.500", lang="it")
    assert n.precision == 100


def test_vague_words_are_flagged_and_only_on_request() -> None:
    assert find_numbers("dozens of people") == []
    [n] = find_numbers("dozens of people", vague=True)
    assert n.vague and n.value == 12


def test_ordinals_and_qualifiers() -> None:
    assert parse_ordinal("fifth") == 5
    assert parse_ordinal("21st") == 21
    assert parse_ordinal("fifty") is None
    assert parse_words("and a") is None
    text = "it killed at least 37 people"
    assert qualifier_before(text, text.index("37")) == ("at least", text.index("at least"))
    assert qualifier_before("killed 37", 7) is None


@given(st.text(max_size=200))
def test_find_numbers_never_crashes_and_offsets_are_sane(text: str) -> None:
    for n in find_numbers(text, vague=True):
        assert 0 <= n.start < n.end <= len(text)
        assert math.isfinite(n.value) and n.value >= 0
        assert n.precision > 0


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(value: int) -> None:
    assert parse_number(f"{value:,}") == value
    assert parse_number(str(value)) == value


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99))
def test_decimal_comma_round_trip(whole: int, decimals: int) -> None:
    written = f"{whole},{decimals:02d}"
    assert parse_number(written) == pytest.approx(whole + decimals / 100)


@given(st.integers(min_value=1000, max_value=10**12))
def test_dotted_thousands_round_trip_where_decimal_commas_are_written(value: int) -> None:
    written = f"{value:,}".replace(",", ".")
    [n] = find_numbers(written, lang="de")
    assert n.value == value


@given(st.lists(st.integers(min_value=0, max_value=99_999), min_size=3, max_size=6))
def test_hyphen_joined_digit_groups_are_codes(groups: list[int]) -> None:
    assert find_numbers("call " + "-".join(map(str, groups)) + " today") == []
