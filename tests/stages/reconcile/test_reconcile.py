"""Reconciliation: consensus, unique facts and discrepancies on invented stories."""

from __future__ import annotations

import pytest

from newsfuse.model import AnalyzedArticle, Discrepancy
from newsfuse.stages.align import align
from newsfuse.stages.reconcile import consensus, find_discrepancies, unique_facts

from ..synthesis_helpers import analysed


def discrepancies(*articles: AnalyzedArticle) -> tuple[Discrepancy, ...]:
    return find_discrepancies(align(articles), articles)


def values(d: Discrepancy) -> list[tuple[str, tuple[str, ...]]]:
    return [(v.text, v.articles) for v in d.values]


def test_consensus_keeps_claims_of_two_or_more_articles() -> None:
    a = analysed("a", "Rebels seized the hill town of Zenda on Sunday after a night of heavy fighting. "
                      "The mayor of Zenda fled to Strelsau with his family and two aides.")
    b = analysed("b", "On Sunday rebels seized Zenda, a hill town, after heavy fighting through the night.")
    claims = align([a, b]).claims
    assert [c.support for c in consensus(claims)] == [("a", "b")]


def test_unique_facts_are_what_no_other_article_says() -> None:
    a = analysed("a", "Rebels seized the hill town of Zenda on Sunday after a night of heavy fighting. "
                      "The mayor of Zenda fled to Strelsau with his family and two aides.")
    b = analysed("b", "On Sunday rebels seized Zenda, a hill town, after heavy fighting through the night. "
                      "Grain prices in the capital markets doubled over the week.")
    unique = unique_facts(align([a, b]))
    assert unique == {
        "a": ("The mayor of Zenda fled to Strelsau with his family and two aides.",),
        "b": ("Grain prices in the capital markets doubled over the week.",),
    }


def test_unique_facts_skip_fragments() -> None:
    a = analysed("a", "Rebels seized the hill town of Zenda on Sunday after a night of heavy fighting. "
                      "He has refused to do so.")
    b = analysed("b", "On Sunday rebels seized Zenda, a hill town, after heavy fighting through the night.")
    assert unique_facts(align([a, b])) == {}


KM = "The rebels are now within 20 km (13 miles) of the coastal highway to Strelsau."
MILES = "The advance took the rebels to within 13 miles of the coastal highway to Strelsau."


@pytest.mark.parametrize(("first", "second"), [
    (KM, MILES),
    ("The war, in its fifth year, has killed around 250,000 people in Ruritania.",
     "The four-year-long war has killed 250,000 people in Ruritania."),
    ("The quake struck 30 km from Kathmandu at a shallow depth.",
     "The quake struck 50 km from Pokhara at a shallow depth."),
    ("The plane took off from Zenda at about 10am on Tuesday.",
     "The plane took off from Zenda at 10.01 on Tuesday."),
])
def test_agreeing_statements_raise_no_discrepancy(first: str, second: str) -> None:
    assert discrepancies(analysed("a", first), analysed("b", second)) == ()


def test_a_different_distance_is_a_discrepancy_with_its_articles() -> None:
    c = analysed("c", "The rebels are now within 25 kilometers of the coastal highway to Strelsau.")
    found = discrepancies(analysed("a", KM), analysed("b", MILES), c)
    assert len(found) == 1
    d = found[0]
    assert d.kind == "quantity"
    assert [(v.normalized, v.unit, v.articles) for v in d.values] == [
        (20000.0, "m", ("a", "b")), (25000.0, "m", ("c",))]
    assert d.values[1].sentences[0].article == "c"


def test_a_figure_is_shown_as_most_outlets_state_it() -> None:
    km = "The advance took the rebels to within 20 kilometers of the coastal highway to Strelsau."
    found = discrepancies(analysed("a", MILES), analysed("b", MILES), analysed("c", KM), analysed("d", km),
                          analysed("e", "The rebels are within twenty kilometres of the coastal highway to "
                                        "Strelsau."),
                          analysed("f", "The rebels are now within 25 kilometers of the coastal highway to "
                                        "Strelsau."))
    assert len(found) == 1
    shown = found[0].values[0]
    assert shown.articles == ("a", "b", "c", "d", "e")
    assert "km" in shown.text or "kilometers" in shown.text  # three outlets write 20 km, two 13 miles


def test_killed_or_wounded_is_not_the_same_as_killed() -> None:
    a = analysed("a", "At least 50 soldiers were killed or wounded in the assault on Zenda, a monitor said.",
                 casualties={"50 soldiers were killed or wounded": (50, "killed_or_wounded")})
    b = analysed("b", "At least 50 soldiers were killed in the assault on Zenda, the monitor said.",
                 casualties={"50 soldiers were killed": (50, "killed")})
    (d,) = discrepancies(a, b)
    assert d.kind == "casualty"
    assert sorted(v.unit or "" for v in d.values) == ["killed", "killed_or_wounded"]
    assert not d.evolving


def _tolls(published: tuple[str | None, ...], counts: tuple[int, ...]) -> list[AnalyzedArticle]:
    return [
        analysed(f"t{k}", f"The floods in Zenda have killed {n} people, officials said on Monday.",
                 published=day, casualties={f"killed {n} people": (n, "killed")})
        for k, (day, n) in enumerate(zip(published, counts, strict=True))
    ]


def test_an_undated_toll_given_at_three_figures_is_evolving() -> None:
    (d,) = discrepancies(*_tolls((None, None, None), (12, 45, 30)))
    assert d.evolving
    assert d.conservative is not None and d.conservative.normalized == 12
    assert d.latest is not None and d.latest.normalized == 45


def test_a_dated_toll_is_evolving_when_it_rises_with_time() -> None:
    (d,) = discrepancies(*_tolls(("2020-05-03", "2020-05-01", "2020-05-02"), (45, 12, 30)))
    assert d.evolving
    assert d.latest is not None and d.latest.articles == ("t0",)


def test_a_dated_toll_that_falls_is_a_plain_disagreement() -> None:
    (d,) = discrepancies(*_tolls(("2020-05-01", "2020-05-02"), (45, 12)))
    assert not d.evolving


def test_opposite_directions_toward_one_place_disagree() -> None:
    a = analysed("a", "After the battle the rebels pushed northwest toward Strelsau, witnesses said.")
    b = analysed("b", "After the battle the rebels pushed northeast toward Strelsau, witnesses said.")
    (d,) = discrepancies(a, b)
    assert d.kind == "direction"
    assert {v.normalized for v in d.values} == {"northwest", "northeast"}


def test_two_first_names_for_one_player_disagree() -> None:
    a = analysed("a", "Jamie Vardy won a penalty after a foul by James Pennington in the second half.")
    b = analysed("b", "Jamie Vardy won a penalty after a foul by Matthew Pennington in the second half.")
    (d,) = discrepancies(a, b)
    assert d.kind == "name"
    assert [v.articles for v in d.values] == [("a",), ("b",)]
    assert "James Pennington" in d.values[0].text and "Matthew Pennington" in d.values[1].text


def test_a_middle_name_is_no_other_name() -> None:
    a = analysed("a", "The ministry spokesman Rudolf Karl Rassendyll said the roads to Zenda were closed.")
    b = analysed("b", "The ministry spokesman Rudolf Rassendyll said the roads to Zenda were closed.")
    assert discrepancies(a, b) == ()


def test_two_nationalities_for_one_player_disagree() -> None:
    a = analysed("a", "Algerian playmaker Riyad Mahrez scored twice in the win at Zenda.")
    b = analysed("b", "Moroccan playmaker Riyad Mahrez scored twice in the win at Zenda.")
    (d,) = discrepancies(a, b)
    assert d.kind == "nationality"
    assert sorted(v.normalized for v in d.values) == ["algVrVn", "mVrVkVn"]
    assert all("playmaker Riyad Mahrez" in v.text for v in d.values)


def test_the_nationality_of_the_one_person_a_sentence_names() -> None:
    a = analysed("a", "Riyad Mahrez scored twice, capping the Algerian's fine season at Zenda.")
    b = analysed("b", "Moroccan playmaker Riyad Mahrez scored twice in the win at Zenda.")
    (d,) = discrepancies(a, b)
    assert d.kind == "nationality"
    assert {v.articles for v in d.values} == {("a",), ("b",)}


def test_clock_times_disagree_beyond_rounding() -> None:
    a = analysed("a", "The fire at the cathedral in Zenda started at 6:50 p.m. on Monday.")
    b = analysed("b", "The fire at the cathedral in Zenda started shortly after 6pm on Monday.")
    c = analysed("c", "The fire at the cathedral in Zenda started at 6:55 p.m. on Monday.")
    (d,) = discrepancies(a, b, c)
    assert d.kind == "time"
    assert sorted(str(v.normalized) for v in d.values) == ["18:00", "18:50", "18:55"]


@pytest.mark.parametrize(("first", "second"), [
    ("The earthquake in Ruritania killed about 8,000 people in April.",
     "The earthquake in Ruritania killed more than 8,000 people in April."),
    ("The recall covers nearly half a million cars sold in Ruritania.",
     "The recall covers 482,000 cars sold in Ruritania."),
    ("The 850-year-old cathedral of Zenda burned for hours.",
     "Fire ravaged the 8½-century-old cathedral of Zenda on Monday."),
])
def test_figures_within_their_stated_precision_agree(first: str, second: str) -> None:
    a = analysed("a", first, casualties={"killed about 8,000": (8000, "killed")})
    b = analysed("b", second, casualties={"killed more than 8,000": (8000, "killed")})
    assert discrepancies(a, b) == ()


def test_facts_that_share_a_noun_are_not_one_slot() -> None:
    # several articles each count boys twice: trapped and brought out are two facts
    a = analysed("a", "All 12 boys were trapped in the cave near Zenda. Divers brought four boys out on "
                      "Sunday.")
    b = analysed("b", "The 12 boys had been trapped for two weeks. Four boys were brought out of the cave.")
    assert [d for d in discrepancies(a, b) if d.kind == "count"] == []


def test_a_toll_elsewhere_is_not_the_toll() -> None:
    a = analysed("a", "The floods killed at least 300 people in Ruritania. Another 20 were killed in Zenda.",
                 casualties={"killed at least 300 people": (300, "killed"), "20 were killed": (20, "killed")})
    b = analysed("b", "The floods have killed 310 people in Ruritania, officials said.",
                 casualties={"killed 310 people": (310, "killed")})
    (d,) = discrepancies(a, b)
    assert sorted(v.normalized for v in d.values) == [300, 310]


@pytest.mark.parametrize(("texts", "published", "kind", "expected"), [
    # one count in other words
    (("As many as 400 firefighters rushed to the burning cathedral in Zenda.",
      "Some 400 firefighters fought the blaze at the cathedral through the evening.",
      "Around 500 firefighters battled through the night to save the building."),
     None, "count", [(400.0, ("a", "b")), (500.0, ("c",))]),
    # one building's age, whatever the building is called
    (("The fire at the 800-year old cathedral began in the evening.",
      "Flames ripped through the 850-year-old building on Monday.",
      "Workers saved treasures from the 850-year-old building before the roof fell."),
     None, "quantity", [(850.0, ("b", "c")), (800.0, ("a",))]),
    # a count of a nationality, whatever the people are called
    (("It is thought 67 of the passengers on board the jet were Ruritanians.",
      "The airline said 72 of the 144 passengers were Ruritanian citizens.",
      "The jet was carrying 144 passengers and six crew over the Alps."),
     None, "count", [(67.0, ("a",)), (72.0, ("b",))]),
    # a flight number, whatever the airline's code
    (("Flight 4U 9525 crashed in the Alps on Tuesday, the airline said.",
      "The GWI9525 flight went down in the Alps on Tuesday.",
      "A house believed to belong to the co-pilot of flight 4U 9524 was searched."),
     None, "flight", [("9525", ("a", "b")), ("9524", ("c",))]),
    # the date of what was announced
    (("The agency announced on Monday that a notice of violation was issued to the firm.",
      "On September 18, 2015, the agency issued a notice of violation to the firm.",
      "The agency issued a notice of violation to the firm on September 18, 2015."),
     "2015-09-21", "date", [("2015-09-18", ("b", "c")), ("2015-09-21", ("a",))]),
])
def test_one_slot_in_other_words(texts: tuple[str, ...], published: str | None, kind: str,
                                 expected: list[tuple[object, tuple[str, ...]]]) -> None:
    articles = [analysed(name, text, published=published) for name, text in zip("abc", texts, strict=True)]
    (d,) = discrepancies(*articles)
    assert d.kind == kind
    assert sorted((v.normalized, v.articles) for v in d.values) == sorted(expected)

