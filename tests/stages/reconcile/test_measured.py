"""What a number counts or measures, read from the dependency parse (invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.model import Sentence
from newsfuse.stages.reconcile.measured import Measured, counted_numbers, measured, nationality_key, parse

from ..synthesis_helpers import analysed


def read(text: str, figure: str, kind: str) -> Measured:
    names = tuple(e for s in analysed("a", text).sentences for e in s.entities)  # those the helper knows
    (doc,) = parse([Sentence("a", 0, len(text), text, entities=names)])
    start = text.index(figure)
    return measured(doc, start, start + len(figure), kind)


@pytest.mark.parametrize(("text", "figure", "head", "anchor"), [
    ("The assault brought the rebels to within 20 kilometers of the main highway.", "20 kilometers",
     "", {"main", "highway"}),
    ("The quake was 15 kilometers deep, officials said.", "15 kilometers", "deep", set()),
    ("The 93-meter spire collapsed an hour later.", "93-meter", "spire", set()),
    ("The jet fell 4 kilometers away from the border.", "4 kilometers", "away", {"border"}),
    ("The boys were found about 4 km from the cave mouth.", "4 km", "", {"cave", "mouth"}),
    ("The quake struck at a depth of nine miles.", "nine miles", "depth", set()),
])
def test_the_head_and_anchor_of_a_measure(text: str, figure: str, head: str, anchor: set[str]) -> None:
    m = read(text, figure, "quantity")
    assert (m.head, set(m.anchor)) == (head, anchor)


@pytest.mark.parametrize(("text", "figure", "owner", "definite"), [
    ("Flames ripped through the 850-year-old building on Monday.", "850-year-old", "building", True),
    ("A 38-year-old volunteer died during the rescue.", "38-year-old", "volunteer", False),
    ("The crowd watched the chapel spire that stood 60 metres high.", "60 metres", "spire", True),
    ("The quake was more than three times bigger and 5.6 times stronger than the last one.", "5.6 times",
     "quake", True),
    ("It is not as big as the quake on 12 March, which was 4.5 times more energetic.", "4.5 times",
     "quake", True),
])
def test_whose_age_height_or_strength(text: str, figure: str, owner: str, definite: bool) -> None:
    m = read(text, figure, "quantity")
    assert (m.owner, m.owner_definite) == (owner, definite)


@pytest.mark.parametrize(("text", "figure"), [
    ("Zenda lies 70 kilometres southeast of Strelsau.", "70 kilometres"),
    ("The people of nearby Zenda (37 miles south of Strelsau) fled.", "37 miles"),
])
def test_the_named_place_a_distance_places(text: str, figure: str) -> None:
    m = read(text, figure, "quantity")
    assert (m.owner, m.owner_proper, m.anchor_names) == ("zVndV", True, {"strVlsV"})


def test_a_measure_that_sorts_things_into_kinds() -> None:
    assert read("The 3.0-liter engines were recalled.", "3.0-liter", "quantity").classifies
    assert not read("The 3.0-liter engine was recalled.", "3.0-liter", "quantity").classifies
    assert read("Spurs blew a two-goal lead at Chelsea.", "two-goal", "count").classifies


@pytest.mark.parametrize(("text", "figure", "head", "nations", "subset"), [
    ("About 400 firefighters battled the blaze.", "400 firefighters", "firefighter", set(), set()),
    ("The plane carried 214 Russian passengers and three crew.", "214 Russian passengers", "passenger",
     {"russi"}, set()),
    ("The airline believed there were 67 Germans on the flight.", "67 Germans", "", {"germa"}, set()),
    ("Divers went in to rescue the remaining eight boys.", "eight boys", "boy", set(), {"remain"}),
])
def test_what_a_count_counts(text: str, figure: str, head: str, nations: set[str], subset: set[str]) -> None:
    m = read(text, figure, "count")
    assert (m.head, set(m.nations), set(m.subset)) == (head, nations, subset)


def test_the_event_of_a_date_and_what_a_report_reports() -> None:
    m = read("The agency announced on Monday that a notice was issued to the firm.", "Monday", "date")
    assert (m.event, m.reported) == ("announce", "issue")
    assert read("The fire started at 6:50 p.m. on Monday.", "6:50 p.m.", "time").event == "start"


def test_counts_only_the_parse_sees() -> None:
    def counts(text: str) -> list[tuple[str, str]]:
        (doc,) = parse([Sentence("a", 0, len(text), text)])
        return [(text[c.start:c.end], c.noun) for c in counted_numbers(doc)]

    assert counts("About 14 German high school students were on board.") == [
        ("14 German high school students", "student")]
    assert counts("Officials said 72 of the passengers were Spanish.") == [("72", "passenger")]
    assert counts("Officials said 72 of the passengers were seated.") == []
    assert counts("The match ended 2-2 after 90 minutes.") == [("90 minutes", "minute")]


@given(st.sampled_from(["German", "Spanish", "Russian", "Ruritanian", "Thai", "Chinese"]))
def test_a_nationality_and_its_plural_share_a_key(word: str) -> None:
    assert nationality_key(word) == nationality_key(word + "s") == nationality_key(word.upper())
