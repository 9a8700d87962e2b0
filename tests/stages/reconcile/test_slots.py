"""Slot values: what each stated value is, the phrase that states it and what names its slot
(invented fixtures)."""

from __future__ import annotations

import pytest

from newsfuse.model import AnalyzedArticle
from newsfuse.stages.align import align
from newsfuse.stages.reconcile.slots import slot_values, story_places
from newsfuse.stages.reconcile.value import TWELVE_HOUR, Value

from ..synthesis_helpers import analysed


def values(*articles: AnalyzedArticle, kind: str | None = None) -> list[Value]:
    found = slot_values(align(articles), {a.article.id for a in articles})
    return [v for v in found if kind is None or v.kind == kind]


def one(text: str, kind: str, **kwargs: object) -> Value:
    (v,) = values(analysed("a", text, **kwargs), kind=kind)  # type: ignore[arg-type]
    return v


def test_a_phrase_is_the_clause_without_other_figures() -> None:
    v = one("The Observatory said at least 50 soldiers were killed or wounded, and clashes went on.",
            "casualty", casualties={"50 soldiers were killed or wounded": (50, "killed_or_wounded")})
    assert v.phrase == "at least 50 soldiers were killed or wounded"
    w = one("Zenda lies 25 kilometers (15 miles) east of the highway to Strelsau.", "quantity")
    assert w.phrase == "Zenda lies 25 kilometers"


def test_a_phrase_keeps_to_a_few_words_either_side() -> None:
    v = one("After a long and bloody night of shelling and street fighting in every quarter of the old "
            "town the rebels pushed northwest toward Strelsau.", "direction")
    assert v.phrase.split()[0] == "quarter" and v.phrase.endswith("toward Strelsau")


@pytest.mark.parametrize(("text", "kind"), [
    ("The two black holes were 29 and 36 times the mass of the sun.", "quantity"),
    ("On the third day of the rescue the divers reached Zenda.", "quantity"),
    ("The 3.0-liter engines were fitted to the cars sold in Zenda.", "quantity"),
    ("The team held a two-goal lead at half-time in Zenda.", "count"),
])
def test_figures_that_are_not_one_slot_are_no_values(text: str, kind: str) -> None:
    assert values(analysed("a", text), kind=kind) == []


def test_a_number_that_names_a_flight_is_no_count_elsewhere() -> None:
    a = analysed("a", "Flight 9268 crashed in the desert near Zenda. All passengers 9268 were killed.",
                 casualties={"passengers 9268 were killed": (9268, "killed")})
    assert values(a, kind="casualty") == []
    assert [v.value for v in values(a, kind="flight")] == ["9268"]


def test_bounds_read_before_and_after_a_figure() -> None:
    assert one("Aftershocks of magnitude 4.5 or greater shook Zenda.", "quantity").bound == "min"
    assert one("Nearly 900 people fled the hill town of Zenda.", "count").bound == "max"


@pytest.mark.parametrize(("text", "unit"), [
    ("The fire started at 6:50 local time in Zenda.", TWELVE_HOUR),
    ("The fire started at 6:50 p.m. in Zenda.", None),
    ("The fire started at 18:50 in Zenda.", None),
])
def test_a_clock_time_says_whether_it_knows_the_half_of_the_day(text: str, unit: str | None) -> None:
    assert one(text, "time").unit == unit


def test_counts_the_parse_finds() -> None:
    a = analysed("a", "Reports say about 14 German high school students were on the flight to Zenda.")
    (v,) = values(a, kind="count")
    assert (v.value, v.key, v.bound) == (14.0, "student", "approx")
    assert v.measured.nations == {"germa"} and "school" in v.measured.subset


def test_a_count_said_of_a_nationality() -> None:
    a = analysed("a", "The airline said 72 of the 144 passengers were Ruritanian citizens.")
    counts = {v.value: v.measured.nations for v in values(a, kind="count")}
    assert counts == {72.0: {"rurit"}, 144.0: set()}


def test_days_a_clause_dates_a_value_to() -> None:
    a = analysed("a", "Zenda is still rebuilding after the 6.1 magnitude quake that struck on March 3, "
                      "the agency said.", published="2031-03-20")
    (v,) = values(a, kind="quantity")
    assert v.when == {"2031-03-03"}


def test_where_a_story_happens() -> None:
    # places in the first sentences of a third of the articles, not one named later in one
    a = analysed("a", "Floods hit Zenda on Monday. Rain fell. Roads closed. Relief reached Strelsau later.")
    b = analysed("b", "Floods swept through Zenda overnight. Ruritania sent help.")
    c = analysed("c", "Zenda was flooded on Monday.")
    assert story_places([s for x in (a, b, c) for s in x.sentences]) == {"zVndV", "rVrVtVnV"}
    toll = analysed("d", "Floods hit Zenda and 20 were killed in Strelsau.",
                    casualties={"20 were killed": (20, "killed")})
    (v,) = values(toll, a, b, c, kind="casualty")
    assert v.places == {"zVndV", "strVlsV"} and v.scope == {"strVlsV"}


def test_names_marks_and_nationalities() -> None:
    a = analysed("a", "Jamie Vardy (24) and Algerian playmaker Riyad Mahrez scored for Zenda.")
    assert {(v.kind, v.value) for v in values(a) if v.kind in ("mark", "nationality", "name")} == {
        ("mark", 24.0), ("nationality", "algVrVn"), ("name", "jami"), ("name", "rid")}
