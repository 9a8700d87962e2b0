"""Slots across articles: things values measure, what a story settles, how values group
(invented fixtures)."""

from __future__ import annotations

from newsfuse.model import AnalyzedArticle
from newsfuse.stages.align import align
from newsfuse.stages.reconcile.links import group_slots
from newsfuse.stages.reconcile.slots import slot_values
from newsfuse.stages.reconcile.things import settle, things
from newsfuse.stages.reconcile.value import Value

from ..synthesis_helpers import analysed


def values(*articles: AnalyzedArticle, kind: str) -> list[Value]:
    return [v for v in slot_values(align(articles), {a.article.id for a in articles}) if v.kind == kind]


def test_the_things_a_count_measures() -> None:
    counts = {v.key: v for v in values(analysed("a", "About 14 German high school students and 150 people "
                                                     "were aboard the jet to Zenda."), kind="count")}
    assert things(counts["student"]) == {("count", "student", "germa", "|", "school")}
    assert things(counts["people"]) == set()  # a count of mere people names nothing


def test_a_thing_two_articles_count_twice_is_several_facts() -> None:
    a = analysed("a", "All 12 boys were trapped in the cave. Divers brought four boys out on Sunday.")
    b = analysed("b", "The 12 boys had been trapped for days. Four boys were brought out of the cave.")
    c = analysed("c", "The 12 boys were trapped by the flood. Six boys came out of the cave.")
    settlement = settle(values(a, b, c, kind="count"))
    assert ("count", "boy", "|") in settlement.several
    assert ("count", "boy", "|") not in settlement.settled


def test_a_thing_one_figure_of_which_several_give_is_settled() -> None:
    a = analysed("a", "About 400 firefighters fought the fire in Zenda.")
    b = analysed("b", "Some 400 firefighters were sent to the cathedral.")
    c = analysed("c", "Around 500 firefighters battled through the night.")
    settlement = settle(values(a, b, c, kind="count"))
    assert [v.value for v in settlement.settled[("count", "firefighter", "|")]] == [400.0]


def test_a_bare_count_no_figure_of_which_is_confirmed_is_not_settled() -> None:
    a = analysed("a", "Vardy scored 24 goals for the club this season.")
    b = analysed("b", "Mahrez scored 17 goals for the club this season.")
    c = analysed("c", "The club scored 68 goals in the league this season.")
    assert settle(values(a, b, c, kind="count")).settled == {}


def test_outlets_agreeing_on_a_figure_pool_their_words() -> None:
    # only b calls the road a highway, as c does; a and d meet c through b's words
    a = analysed("a", "The rebels are now within 20 km of the main road to Strelsau.")
    b = analysed("b", "The advance took them to within 20 kilometers of the main highway to Strelsau.")
    c = analysed("c", "Zenda is 25 kilometers east of the highway to Strelsau.")
    d = analysed("d", "The rebels are now just 13 miles from the main road to Strelsau.")
    articles = [a, b, c, d]
    (slot,) = group_slots(values(*articles, kind="quantity"), align(articles))
    assert sorted(v.article for v in slot) == ["a", "b", "c", "d"]


def test_measures_from_two_named_places_are_two_slots() -> None:
    a = analysed("a", "The epicentre of the quake was 80 km northwest of Zenda.")
    b = analysed("b", "The quake struck 80 kilometers northwest of Zenda, officials said.")
    c = analysed("c", "The quake struck 70 km east of Strelsau, officials said.")
    articles = [a, b, c]
    (slot,) = group_slots(values(*articles, kind="quantity"), align(articles))
    assert sorted(v.article for v in slot) == ["a", "b"]
