"""When two values of one slot agree: figures compared after normalisation, within the precision
they were stated at.

- Numbers agree when equal within their precision (`Value.precision`, widened to the rounding
  step of a figure said to be approximate: "around 250,000" and "250,000"); a bound ("more than
  two weeks") agrees with an exact figure inside it ("18 days"), but two different bounds are two
  different figures ("at least 114" and "at least 1,865" are tolls of two moments).
- Clock times agree within a quarter of an hour when one is on the hour ("about 10am" and
  "10.01"), else to the minute; a time that does not say which half of the day it is in ("6:50
  local time") agrees with either.
- Full names agree when the given names of one are among those of the other ("Laxmi Dhakal",
  "Laxmi Prasad Dhakal").
- Anything else agrees when equal.

`same_figure` ignores qualifiers (it groups "at least 50" with "about 50"); `comparable` says
whether two values are near enough to be two outlets' figures for one thing at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta

from newsfuse.algorithms.quantities import agree
from newsfuse.stages.reconcile.value import TWELVE_HOUR, Value

_BOUNDS = frozenset({"min", "max"})
_HOUR_TOLERANCE_MIN = 15
_DAY_MIN = 24 * 60
_HALF_DAY_MIN = 12 * 60
# Two outlets' times for one moment are within two hours of each other.
_CLOSE_TIMES_MIN = 120
# Two outlets' measures of one thing are within a factor of ten.
_MAX_RATIO = 10.0
# Tolls rise as counts come in, but not this much within one story's coverage.
_MAX_TOLL_RATIO = 50.0


def _round_step(value: float) -> float:
    """The rounding step of a whole number: 30 -> 10, 250,000 -> 10,000, 148 -> 1."""
    n = int(value)
    if n != value or n == 0:
        return 0.0
    step = 1.0
    while n % 10 == 0:
        n //= 10
        step *= 10
    return step


def _interval(v: Value, bounded: bool) -> tuple[float, float]:
    """The values a number allows: its precision (widened to its rounding step when it is said
    to be approximate), open-ended on one side for "at least" / "up to" when `bounded`."""
    value = float(v.value)
    step = max(v.precision, _round_step(value)) if v.bound == "approx" else v.precision
    low, high = value - step / 2, value + step / 2
    if bounded and v.bound == "min":
        high = math.inf
    elif bounded and v.bound == "max":
        low = 0.0
    return low, high


def numbers_agree(a: Value, b: Value) -> bool:
    """Whether two numeric values agree within precision and bounds, whatever their keys."""
    if a.quantity is not None and b.quantity is not None and agree(a.quantity, b.quantity):
        return True
    one_bound = (a.bound in _BOUNDS) != (b.bound in _BOUNDS)
    (la, ha), (lb, hb) = _interval(a, one_bound), _interval(b, one_bound)
    return math.isclose(float(a.value), float(b.value)) or (la <= hb and lb <= ha if one_bound
                                                             else la < hb and lb < ha)


def _minutes(v: Value) -> int | None:
    hours, _, minutes = str(v.value).partition(":")
    return int(hours) * 60 + int(minutes[:2]) if hours.isdigit() and minutes[:2].isdigit() else None


def _gap(a: Value, b: Value) -> int | None:
    """Minutes between two clock times, on a 24-hour clock or, when one does not say which half
    of the day it is in, on a 12-hour one."""
    ma, mb = _minutes(a), _minutes(b)
    if ma is None or mb is None:
        return None
    period = _HALF_DAY_MIN if TWELVE_HOUR in (a.unit, b.unit) else _DAY_MIN
    gap = abs(ma - mb) % period
    return min(gap, period - gap)


def _times_agree(a: Value, b: Value) -> bool:
    gap = _gap(a, b)
    if gap is None:
        return a.value == b.value
    on_hour = any(m is not None and m % 60 == 0 for m in (_minutes(a), _minutes(b)))
    return gap <= (_HOUR_TOLERANCE_MIN if on_hour else 0)


def values_agree(a: Value, b: Value) -> bool:
    """Whether two values of one slot say the same thing after normalisation (see the module
    docstring)."""
    if a.key != b.key and a.kind != "count":
        return False
    if isinstance(a.value, float) and isinstance(b.value, float):
        return numbers_agree(a, b)
    if a.kind == "name":
        ga, gb = set(str(a.value).split()), set(str(b.value).split())
        return ga <= gb or gb <= ga
    if a.kind == "time":
        return _times_agree(a, b)
    return a.value == b.value


def same_figure(a: Value, b: Value) -> bool:
    """Whether two values state one figure, whatever their qualifiers ("at least 50" and "about
    50" are one figure; whether "at least 50" and "62" disagree is `values_agree`'s call).  A
    figure of another class is another figure ("50 killed" is not "50 killed or wounded")."""
    if a.key != b.key and a.kind != "count":
        return False
    if isinstance(a.value, float) and isinstance(b.value, float):
        (la, ha), (lb, hb) = _interval(a, False), _interval(b, False)
        return math.isclose(float(a.value), float(b.value)) or (la < hb and lb < ha)
    return values_agree(a, b)


def comparable(a: Value, b: Value) -> bool:
    """Whether two values are near enough to be two outlets' figures for one thing: numbers
    within a factor of ten (tolls, which rise as counts come in, of fifty), times within two
    hours."""
    if isinstance(a.value, float) and isinstance(b.value, float):
        low, high = sorted((abs(float(a.value)), abs(float(b.value))))
        if a.kind == "casualty":
            return high <= max(low, 1.0) * _MAX_TOLL_RATIO
        return high <= low * _MAX_RATIO if low else high == 0
    if a.kind == "time":
        gap = _gap(a, b)
        return gap is None or gap <= _CLOSE_TIMES_MIN
    return True


def _days(iso: str) -> tuple[date, date]:
    """The first and last day of an ISO day or month."""
    if len(iso) == len("2015-04"):
        first = date.fromisoformat(iso + "-01")
        return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    day = date.fromisoformat(iso)
    return day, day


def days_apart(a: Iterable[str], b: Iterable[str]) -> int:
    """The fewest days between a day (or month) of `a` and one of `b`, ISO; 0 when they meet."""
    gaps = [max(0, (y0 - x1).days, (x0 - y1).days)
            for (x0, x1) in map(_days, a) for (y0, y1) in map(_days, b)]
    return min(gaps, default=0)


def different_days(a: Value, b: Value) -> bool:
    """Whether two values are dated to different days ("the 7.8 quake on April 25", "a 7.3
    quake on Tuesday"): then they are about different moments."""
    return bool(a.when and b.when) and days_apart(a.when, b.when) > 0
