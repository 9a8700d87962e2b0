"""Quantities with units: a table of phrasings news uses (written for these tests), the traps that
must not parse, agreement within stated precision, and property tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.quantities import agree, bounds, find_quantities, unit_of
from newsfuse.model import Quantity

MILE, FOOT, YEAR, DAY = 1609.344, 0.3048, 31_557_600.0, 86_400.0

# (phrase, kind, value in the base unit, base unit, qualifier): the first quantity of the phrase.
TABLE = [
    ("the convoy stopped 20 km short of the border", "length", 20_000, "m", None),
    ("roughly 25 kilometers from the coast", "length", 25_000, "m", "roughly"),
    ("a town some 13 miles away", "length", 13 * MILE, "m", "some"),
    ("a 1,300-foot radio mast", "length", 1300 * FOOT, "m", None),
    ("at an altitude of 31,000 feet", "length", 31_000 * FOOT, "m", None),
    ("the 62m tower", "length", 62, "m", None),
    ("a wall 4 metres high", "length", 4, "m", None),
    ("more than four kilometres inside the cave", "length", 4000, "m", "more than"),
    ("a depth of 10.5km", "length", 10_500, "m", None),
    ("the lake lies 300 yards from the road", "length", 300 * 0.9144, "m", None),
    ("5 feet 9 inches tall", "length", 5 * FOOT + 9 * 0.0254, "m", None),
    ("debris spread over about 8 square kilometres", "area", 8e6, "m^2", "about"),
    ("fires burned 2,000 hectares", "area", 2e7, "m^2", None),
    ("a 40 sq km zone", "area", 4e7, "m^2", None),
    ("a deal worth $13.7 billion", "money", 13.7e9, "USD", None),
    ("a $13.7bn takeover", "money", 13.7e9, "USD", None),
    ("fined 9 million Swedish crowns", "money", 9e6, "SEK", None),
    ("a provision of 6.5 billion euros", "money", 6.5e9, "EUR", None),
    ("€2.4bn in losses", "money", 2.4e9, "EUR", None),
    ("£350m a week", "money", 3.5e8, "GBP", None),
    ("a US$5 million grant", "money", 5e6, "USD", None),
    ("up to 40 million pounds in damages", "money", 4e7, "GBP", "up to"),
    ("investors lost nearly $30 billion", "money", 3e10, "USD", "nearly"),
    ("the ship carried 940 000 t of wheat", "mass", 9.4e8, "kg", None),
    ("a 500 kg bomb", "mass", 500, "kg", None),
    ("12 tonnes of aid", "mass", 12_000, "kg", None),
    ("the parcel weighed 3 pounds", "mass", 3 * 0.45359237, "kg", None),
    ("the flight lasted 45 minutes", "duration", 2700, "s", None),
    ("after forty five minutes", "duration", 2700, "s", None),
    ("trapped for 18 days", "duration", 18 * DAY, "s", None),
    ("a search of 7 hours and 40 minutes", "duration", 7 * 3600 + 40 * 60, "s", None),
    ("more than a fortnight underground", "duration", 14 * DAY, "s", "more than"),
    ("for nearly two weeks", "duration", 14 * DAY, "s", "nearly"),
    ("a four-year-long war", "duration", 4 * YEAR, "s", None),
    ("the war, now in its fifth year", "duration", 4.5 * YEAR, "s", None),
    ("shaking lasted about 25 seconds", "duration", 25, "s", "about"),
    ("at 900 km/h", "speed", 250, "m/s", None),
    ("winds of 120 mph", "speed", 120 * 0.44704, "m/s", None),
    ("sailing at 12 knots", "speed", 12 * 1852 / 3600, "m/s", None),
    ("shares fell 23 percent", "percent", 23, "%", None),
    ("a drop of 19%", "percent", 19, "%", None),
    ("turnout was 61.5 per cent", "percent", 61.5, "%", None),
    ("a magnitude 7.8 earthquake", "magnitude", 7.8, "magnitude", None),
    ("a 6.6-magnitude aftershock", "magnitude", 6.6, "magnitude", None),
    ("the tremor registered 6.2 on the Richter scale", "magnitude", 6.2, "magnitude", None),
    ("it measured 5.5 on the open-ended Richter scale", "magnitude", 5.5, "magnitude", None),
    ("it measured 5 on the Richter scale", "magnitude", 5, "magnitude", None),
    ("a quake measuring 6.9 hit the coast", "magnitude", 6.9, "magnitude", None),
    ("a shallow 6.1 earthquake", "magnitude", 6.1, "magnitude", None),
    ("the M6.4 event", "magnitude", 6.4, "magnitude", None),
    ("a Mw 5.8 shock", "magnitude", 5.8, "magnitude", None),
    ("un temblor de 5,7 grados en la escala de Richter", "magnitude", 5.7, "magnitude", None),
    ("un séisme de 6,3 de magnitude", "magnitude", 6.3, "magnitude", None),
    ("with a preliminary magnitude of 6.0", "magnitude", 6.0, "magnitude", None),
    ("a 24-year-old driver", "age", 24, "year", None),
    ("the 850-year-old cathedral", "age", 850, "year", None),
    ("an 8½-century-old church", "age", 850, "year", None),
    ("a man aged 61", "age", 61, "year", None),
    ("boys aged 11 to 16", "age", 13.5, "year", None),
    ("emissions up to 40 times the limit", "ratio", 40, "x", "up to"),
    ("a 3.0-litre engine", "volume", 0.003, "m^3", None),
    ("talks among 17 countries", "count", 17, "country", None),
    ("around 250,000 people have died", "count", 250_000, "people", "around"),
    ("11 million cars worldwide", "count", 11e6, "car", None),
    ("more than 400 firefighters", "count", 400, "firefighter", "more than"),
    ("two suicide car bombs", "count", 2, "bomb", None),
    ("nearly half a million vehicles", "count", 500_000, "vehicle", "nearly"),
    ("between 10 and 20 trucks", "count", 15, "truck", "between"),
    ("Militants killed 2000 people", "count", 2000, "people", None),
    ("2000 soldiers were sent north", "count", 2000, "soldier", None),
    ("09 Seven boys were freed", "count", 7, "boy", None),
    ("between 12 and 18 km north of the town", "length", 15_000, "m", "between"),
    ("a 2-3 km stretch", "length", 2500, "m", None),
    ("a 3,5 km tunnel", "length", 3500, "m", None),
    ("two or three days later", "duration", 2.5 * DAY, "s", None),
    ("$4-6 billion in aid", "money", 5e9, "USD", None),
    ("stars 12 and 15 times the size of the sun", "ratio", 12, "x", None),
]

# Phrases where nothing must be read as a quantity.
TRAPS = [
    "the blast happened at 2.15pm local time",
    "in the 2012-13 season",
    "a mix of rain and snow",
    "flight 7K9268 lost contact",
    "a Russian Su-24 jet",
    "an Airbus A321 airliner",
    "at the G20 summit",
    "COVID-19 restrictions",
    "in 2015 the company",
    "the 9/11 attacks",
    "the match ended 1-0",
    "on 20 November",
    "on May 20 officials",
    "F-16s were scrambled",
    "call 1-888-555-0175 for tickets",
    "write to Springfield, IL 62704 today",
    "ISBN 978-0-306-40615-7",
    "the 2020 elections were delayed",
    "an unknown number of 2016 cars",
    "an average of 2,5 children",
]


@pytest.mark.parametrize(("text", "kind", "value", "unit", "qualifier"), TABLE)
def test_table(text: str, kind: str, value: float, unit: str, qualifier: str | None) -> None:
    found = find_quantities(text)
    assert found, f"nothing found in {text!r}"
    q = found[0]
    assert (q.kind, q.unit, q.qualifier) == (kind, unit, qualifier)
    assert q.value == pytest.approx(value, rel=1e-6)


def test_table_is_big_enough() -> None:
    assert len(TABLE) + len(TRAPS) >= 60


@pytest.mark.parametrize("text", TRAPS)
def test_traps(text: str) -> None:
    assert find_quantities(text) == []


def test_age_is_not_a_duration_and_time_is_not_an_amount() -> None:
    [age] = find_quantities("a 24-year-old")
    assert age.kind == "age"
    assert find_quantities("at 10.01 on Sunday") == []


# (text, [(value, unit)] of every quantity): coordinated numbers share the unit (and the scale) of
# the number they are joined to; numbers with their own unit keep it.
COORDINATED = [
    ("stars 12 and 15 times the size of the sun", [(12, "x"), (15, "x")]),
    ("roads 12, 15 and 19 km long", [(12_000, "m"), (15_000, "m"), (19_000, "m")]),
    ("grants of 3 and 5 million dollars", [(3e6, "USD"), (5e6, "USD")]),
    ("either 40 or 20 minutes", [(2400, "s"), (1200, "s")]),
    ("Two soldiers and 20 civilians", [(2, "soldier"), (20, "civilian")]),
    ("roughly 4.2 million and 5.7 million tonnes", [(4.2e9, "kg"), (5.7e9, "kg")]),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_numbers_share_the_unit(text: str, expected: list[tuple[float, str]]) -> None:
    found = find_quantities(text)
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(v), u) for v, u in expected]
    assert all(text[q.start:q.end] == q.text for q in found)


@pytest.mark.parametrize("text", [
    "7 people died and the magnitude was low",  # far from the word, a whole number is no magnitude
    "a cable measuring 7.8 was cut",  # no quake: a bare decimal is no magnitude
    "the quake zone measuring 7.8 km across",  # a unit wins
    "a quake measuring 12.5",  # beyond any magnitude
])
def test_no_magnitude(text: str) -> None:
    assert all(q.kind != "magnitude" for q in find_quantities(text))


def test_a_range_is_one_quantity_whose_bounds_span_it() -> None:
    [q] = find_quantities("some 20-25 km away")
    low, high = bounds(q)
    assert low <= 20_000 and high >= 25_000
    [q] = find_quantities("three or four days")
    low, high = bounds(q)
    assert low <= 3 * DAY and high >= 4 * DAY


def test_language_decides_how_points_read() -> None:
    assert _one("a grant of 1.500 euros").value == pytest.approx(1.5)
    [q] = find_quantities("eine Spende von 1.500 euros", lang="de")
    assert q.value == 1500


def _one(text: str) -> Quantity:
    [q] = find_quantities(text)
    return q


def test_agree_within_stated_precision() -> None:
    km20, mi13 = find_quantities("20 km (13 miles)")
    assert agree(km20, mi13)
    km25, mi15 = find_quantities("25 kilometers (15 miles)")
    assert agree(km25, mi15)
    assert not agree(km20, km25)
    assert not agree(mi13, mi15)
    assert agree(_one("around 250,000 people"), _one("250,000 people"))
    assert agree(_one("$13.7bn"), _one("$13.7 billion"))
    assert agree(_one("nearly half a million cars"), _one("482,000 cars"))
    assert agree(_one("in its fifth year"), _one("four-year-long"))
    assert not agree(_one("in its fifth year"), _one("three-year"))
    assert agree(_one("93-meter"), _one("305 feet"))
    assert not agree(_one("224 people"), _one("223 people"))
    assert not agree(_one("6.5 billion euros"), _one("$6.5 billion"))
    assert not agree(_one("a 24-year-old"), _one("24 years"))


def test_precision_is_in_the_base_unit() -> None:
    assert _one("13 miles").precision == pytest.approx(MILE)
    assert _one("1.3 billion dollars").precision == pytest.approx(1e8)


def test_bounds_follow_the_qualifier() -> None:
    assert bounds(_one("at least 37 soldiers")) == (37, math.inf)
    assert bounds(_one("up to 40 times")) == (0, 40)
    low, high = bounds(_one("20 km"))
    assert low < 20_000 < high


def test_unit_of() -> None:
    assert unit_of("kilometres").base == "m"
    assert unit_of("Swedish crowns").base == "SEK"
    assert unit_of("€").base == "EUR"
    assert unit_of("furlongs per fortnight") is None


@given(st.text(max_size=200))
def test_never_crashes_offsets_slice_values_sane(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert math.isfinite(q.value) and q.value >= 0
        assert math.isfinite(q.precision) and q.precision >= 0


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["km", "miles", "feet", "minutes", "%"]))
def test_numbers_with_units_always_parse(n: int, unit: str) -> None:
    text = f"about {n:,} {unit} away"
    q = _one(text)
    assert q.qualifier == "about"
    assert q.value > 0


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.sampled_from(["and", "or", ", and"]), st.sampled_from(["km", "times", "kg", "soldiers"]))
def test_two_joined_numbers_always_share_one_unit(a: int, b: int, joiner: str, unit: str) -> None:
    gap = joiner if joiner.startswith(",") else f" {joiner}"
    found = find_quantities(f"about {a}{gap} {b} {unit} in all")
    units = {q.unit for q in found}
    assert len(units) == 1
    ranged = joiner == "or" and b > a  # "3 or 4 km" is one range
    assert len(found) == (1 if ranged else 2)
