"""Dates and times resolved against the article's date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.dates import find_dates, is_calendar_word, parse_anchor

MONDAY = "2015-11-02T09:30:00Z"

# (text, anchor, first mention's text, value, precision)
TABLE = [
    ("Rebels took the town on Sunday.", MONDAY, "Sunday", "2015-11-01", "day"),
    ("Rebels took the town on Sunday.", None, "Sunday", None, "weekday"),
    ("The vote is on Monday.", MONDAY, "Monday", "2015-11-02", "day"),
    ("He resigned last Monday.", MONDAY, "last Monday", "2015-10-26", "day"),
    ("Officials spoke yesterday.", MONDAY, "yesterday", "2015-11-01", "day"),
    ("Officials spoke yesterday.", None, "yesterday", None, "day"),
    ("The plan was drafted last week.", MONDAY, "last week", "2015-10-26", "week"),
    ("Prices rose last month.", MONDAY, "last month", "2015-10", "month"),
    ("It happened three days ago.", MONDAY, "three days ago", "2015-10-30", "day"),
    ("The deal was signed on Nov. 1.", MONDAY, "Nov. 1", "2015-11-01", "day"),
    ("The deal was signed on 1 November 2015.", None, "1 November 2015", "2015-11-01", "day"),
    ("The deal was signed on November 1, 2015.", None, "November 1, 2015", "2015-11-01", "day"),
    ("Filed 2015-11-01 by the clerk.", None, "2015-11-01", "2015-11-01", "day"),
    ("Troops arrived on May 20.", "2015-05-21", "May 20", "2015-05-20", "day"),
    ("The raid of 30 December was revealed in January.", "2016-01-03", "30 December", "2015-12-30", "day"),
    ("The talks started in March 2011.", None, "March 2011", "2011-03", "month"),
    ("Elections are due in November.", MONDAY, "November", "2015-11", "month"),
    ("Growth slowed last December.", MONDAY, "December", "2014-12", "month"),
    ("The dam was completed in 1934.", None, "1934", "1934", "year"),
    ("In 2000 people voted for change.", None, "2000", "2000", "year"),
    ("The 2020 elections were delayed.", None, "2020", "2020", "year"),
    ("The blast came at 2.15pm.", MONDAY, "2.15pm", "14:15", "time"),
    ("The quake struck at 10.01 on Tuesday.", MONDAY, "10.01", "10:01", "time"),
    ("It began about 10am.", MONDAY, "10am", "10:00", "time"),
    ("Contact was lost at 06:13 GMT.", MONDAY, "06:13 GMT", "06:13", "time"),
    ("The bells rang at midnight.", MONDAY, "midnight", "00:00", "time"),
]

NOT_DATES = [
    "You may go now.",
    "They will march to the square.",
    "the 2012-13 season",
    "a 2000 feet climb",
    "The 9/11 commission",
    "Jan Egeland arrived.",
    "Militants killed 2000 people.",  # a count written like a year
    "2000 soldiers were sent north.",
    "The death toll rose to 1900.",
]


@pytest.mark.parametrize(("text", "anchor", "mention", "value", "precision"), TABLE)
def test_table(text: str, anchor: str | None, mention: str, value: str | None, precision: str) -> None:
    found = find_dates(text, anchor)
    assert found, f"nothing found in {text!r}"
    d = found[0]
    assert (d.text, d.value, d.precision) == (mention, value, precision)
    assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, MONDAY) == []


def test_impossible_dates_are_dropped() -> None:
    assert find_dates("on 31 February 2015") == []


def test_helpers() -> None:
    assert parse_anchor(MONDAY) == date(2015, 11, 2)
    assert parse_anchor("not a date") is None
    assert parse_anchor(None) is None
    assert parse_anchor(date(2015, 1, 1)) == date(2015, 1, 1)
    assert is_calendar_word("Nov.")
    assert is_calendar_word("Sunday")
    assert not is_calendar_word("may")


@given(st.text(max_size=200), st.one_of(st.none(), st.dates().map(date.isoformat)))
def test_never_crashes_and_offsets_slice(text: str, anchor: str | None) -> None:
    for d in find_dates(text, anchor):
        assert text[d.start:d.end] == d.text
        assert d.precision in {"day", "week", "month", "year", "weekday", "time"}


@given(st.dates(min_value=date(1900, 1, 8), max_value=date(2099, 12, 1)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_is_within_the_week_before_the_article(anchor: date, weekday: str) -> None:
    [d] = find_dates(f"It happened on {weekday}.", anchor.isoformat())
    assert d.value is not None
    resolved = date.fromisoformat(d.value)
    assert 0 <= (anchor - resolved).days < 7
    assert resolved.strftime("%A") == weekday
