"""When two values agree: figures within precision, bounds, clock times, names, days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.stages.reconcile.figures import comparable, days_apart, same_figure, values_agree
from newsfuse.stages.reconcile.value import TWELVE_HOUR, Value


def value(v: float | str, *, kind: str = "count", key: str = "boat", precision: float = 1.0,
          bound: str | None = None, unit: str | None = None) -> Value:
    figure = float(v) if isinstance(v, int) else v
    return Value(sentence=0, article="a", kind=kind, key=key, value=figure, unit=unit, text=str(v), start=0,
                 end=1, context=(), context_words=(), places=frozenset(), precision=precision, bound=bound)


figures = st.floats(min_value=1, max_value=1e6, allow_nan=False)
bounds = st.sampled_from([None, "min", "max", "approx"])


@given(figures, bounds, figures, bounds)
def test_agreement_is_symmetric(x: float, bx: str | None, y: float, by: str | None) -> None:
    a, b = value(x, bound=bx), value(y, bound=by)
    assert values_agree(a, b) == values_agree(b, a)
    assert same_figure(a, b) == same_figure(b, a)


@given(figures, bounds)
def test_a_figure_agrees_with_itself(x: float, bound: str | None) -> None:
    assert values_agree(value(x, bound=bound), value(x, bound=bound))


@pytest.mark.parametrize(("a", "b", "agree"), [
    (value(8000, precision=1000, bound="approx"), value(8000, precision=1000, bound="min"), True),
    (value(250_000, precision=10_000, bound="approx"), value(250_000, precision=10_000), True),
    (value(400), value(500, bound="approx"), False),
    (value(900, bound="max"), value(850), True),
    (value(114, bound="min"), value(1865, bound="min"), False),
    (value(18, bound="min"), value(14), False),
    (value(148), value(150), False),
])
def test_numbers(a: Value, b: Value, agree: bool) -> None:
    assert values_agree(a, b) is agree


def test_another_class_is_another_figure() -> None:
    killed = value(50, kind="casualty", key="killed")
    assert not same_figure(killed, value(50, kind="casualty", key="killed_or_wounded"))
    assert same_figure(killed, value(50, kind="casualty", key="killed", bound="min"))


@pytest.mark.parametrize(("a", "b", "agree"), [
    ("18:50", "19:00", True),
    ("18:50", "18:00", False),
    ("18:50", "18:55", False),
    ("11:56", "12:00", True),
])
def test_clock_times(a: str, b: str, agree: bool) -> None:
    assert values_agree(value(a, kind="time", key="local"), value(b, kind="time", key="local")) is agree


def test_a_time_without_its_half_of_the_day_agrees_with_either_half() -> None:
    evening = value("18:50", kind="time", key="local")
    assert values_agree(value("06:50", kind="time", key="local", unit=TWELVE_HOUR), evening)
    assert not values_agree(value("06:50", kind="time", key="local"), evening)


def test_given_names_agree_when_one_holds_the_other() -> None:
    def name(given: str) -> Value:
        return value(given, kind="name", key="dhakal")

    assert values_agree(name("laxmi"), name("laxmi prasad"))
    assert not values_agree(name("james"), name("matthew"))


def test_figures_too_far_apart_are_not_one_thing() -> None:
    assert comparable(value(400), value(500))
    assert not comparable(value(20), value(400))
    assert comparable(value(2, kind="casualty", key="killed"), value(50, kind="casualty", key="killed"))


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@given(days, days)
def test_days_apart_counts_days_either_way(x: date, y: date) -> None:
    assert days_apart([x.isoformat()], [y.isoformat()]) == abs((x - y).days)


@given(days)
def test_a_day_is_in_its_month(x: date) -> None:
    assert days_apart([x.isoformat()], [x.isoformat()[:7]]) == 0
    after = (x.replace(day=1) + timedelta(days=32)).isoformat()[:7]
    assert days_apart([x.isoformat()], [after]) > 0
