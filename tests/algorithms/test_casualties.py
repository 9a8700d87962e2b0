"""Counts of people by outcome, in phrasings written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.casualties import find_casualties

# (sentence, count, class, qualifier, vague): the first casualty found.
TABLE = [
    ("Some 40 soldiers on the army's side were killed or wounded in the assault.", 40, "killed_or_wounded",
     "some", False),
    ("The explosion killed 31 people near the market.", 31, "killed", None, False),
    ("At least 18 police officers were killed overnight.", 18, "killed", "at least", False),
    ("Gunmen killed more than 60 villagers, officials said.", 60, "killed", "more than", False),
    ("The shelling has killed an estimated 12,000 civilians.", 12_000, "killed", "an estimated", False),
    ("Nine people died when the bus overturned.", 9, "killed", None, False),
    ("Rescuers recovered 73 bodies from the rubble.", 73, "killed", None, False),
    ("The blast left at least 14 dead and dozens injured.", 14, "killed", "at least", False),
    ("The death toll climbed to 212 on Friday.", 212, "killed", None, False),
    ("a death toll of at least 35", 35, "killed", "at least", False),
    ("Officials put the death toll as high as 1,400.", 1400, "killed", "as high as", False),
    ("The collapse led to the deaths of at least 9 workers.", 9, "killed", "at least", False),
    ("Up to 70 people are feared to have died.", 70, "killed", "up to", False),
    ("Dozens of rebels are said to have been killed.", 12, "killed", None, True),
    ("In the north, 20 people, including a 9-year-old boy, were reported killed.", 20, "killed", None, False),
    ("Three firefighters were injured battling the blaze.", 3, "wounded", None, False),
    ("The quake injured about 900 residents.", 900, "wounded", "about", False),
    ("Dozens of protesters were hurt in the clashes.", 12, "wounded", None, True),
    ("Scores of people died in the stampede.", 20, "killed", None, True),
    ("Hundreds of families were displaced by the floods.", 100, "displaced", None, True),
    ("Several climbers remain missing after the avalanche.", 10, "missing", None, True),
    ("Eleven crew members are still missing.", 11, "missing", None, False),
    ("Dozens of people in two nearby towns were also killed.", 12, "killed", None, True),
    ("The quake struck, with 40 dead in the capital.", 40, "killed", None, False),
    ("Police arrested 27 suspects after the raid.", 27, "arrested", None, False),
    ("Some 300 people were detained during the protests.", 300, "arrested", "some", False),
    ("Divers rescued all 12 boys from the cave.", 12, "rescued", None, False),
    ("The regime killed 1500 prisoners.", 1500, "killed", None, False),
    ("Nearly 2,000 residents were evacuated from the valley.", 2000, "evacuated", "nearly", False),
    ("Between 20 and 30 people were killed in the raid.", 20, "killed", "between", False),
    ("The militants abducted 40 schoolgirls.", 40, "kidnapped", None, False),
    ("The fighting caused 85 casualties among the rebels.", 85, "killed_or_wounded", None, False),
    ("No one was hurt in the fire.", 0, "wounded", None, False),
    ("There were no deaths, the mayor said.", 0, "killed", None, False),
    ("One of the two divers was injured.", 1, "wounded", None, False),
    ("Two of the six climbers died in the storm.", 2, "killed", None, False),
    ("Three of the 14 passengers were rescued.", 3, "rescued", None, False),
    ("Four of 10 miners were pulled out alive.", 4, "rescued", None, False),
    ("One of the 9 killed was a teacher.", 9, "killed", None, False),
    ("Rebels killed 2000 people in the siege.", 2000, "killed", None, False),
    ("2000 soldiers were killed in the fighting.", 2000, "killed", None, False),
    ("The death toll rose to 1900 by Friday.", 1900, "killed", None, False),
    ("09 Six miners died underground.", 6, "killed", None, False),
    ("Two or three people were hurt.", 2, "wounded", "between", False),
    ("Two police officers and a firefighter were injured.", 3, "wounded", None, False),
    ("Four soldiers and 11 civilians were killed in the raid.", 15, "killed", None, False),
    ("Two soldiers and a number of civilians were killed.", 10, "killed", None, True),
]

# Sentences that hold numbers but no count of victims.
NO_CASUALTIES = [
    "Omar, 31, was killed on his way home.",  # an age, not a count
    "The attack came 20 km from the capital, where troops were killed last year.",
    "In 2014 killed soldiers were buried here.",
    "Flight 5120 crashed, and the investigators were injured by nothing.",
    "On May 12 protesters were arrested.",
    "The ceasefire held for 18 days.",
    "Two suicide car bombs opened the assault.",
    "Several trucks were seen leaving the base, carrying wounded soldiers.",
    "Many of the injured were children.",
    "For bookings call toll-free at 800-555-0142 today.",
    "Call our TOLL FREE line at 1-800-555-0199.",
    "The toll gate at 14 Main Street reopened.",
    "Some of the 12 hostages were killed.",  # a part of unknown size, not the group
    "The 1.3 people killed per day on average.",
]


@pytest.mark.parametrize(("text", "count", "cls", "qualifier", "vague"), TABLE)
def test_table(text: str, count: int, cls: str, qualifier: str | None, vague: bool) -> None:
    found = find_casualties(text)
    assert found, f"nothing found in {text!r}"
    c = found[0]
    assert (c.count, c.cls, c.qualifier, c.vague) == (count, cls, qualifier, vague)


@pytest.mark.parametrize("text", NO_CASUALTIES)
def test_numbers_that_are_not_casualties(text: str) -> None:
    assert find_casualties(text) == []


def test_killed_or_wounded_is_not_a_death_toll() -> None:
    [c] = find_casualties("About 50 fighters were killed or wounded.")
    assert c.cls == "killed_or_wounded"


def test_active_verbs_take_their_own_counts() -> None:
    found = find_casualties("The bomb killed 16 people and wounded 40 others.")
    assert [(c.count, c.cls) for c in found] == [(16, "killed"), (40, "wounded")]
    found = find_casualties("Four people were killed and 11 injured.")
    assert [(c.count, c.cls) for c in found] == [(4, "killed"), (11, "wounded")]


WORDS = [
    ("The blast left 14 dead.", "killed", "dead"),
    ("Nine people died at the scene.", "killed", "died"),
    ("The death toll climbed to 30.", "killed", "death toll"),
    ("The collapse led to the deaths of 9 workers.", "killed", "deaths"),
    ("The mortar hit a school, killing 5.", "killed", "killing"),
    ("Some 20 were killed or wounded.", "killed_or_wounded", "killed or wounded"),
    ("No one was hurt.", "wounded", "hurt"),
]


@pytest.mark.parametrize(("text", "cls", "word"), WORDS)
def test_the_written_word_is_kept_beside_the_class(text: str, cls: str, word: str) -> None:
    [c] = find_casualties(text)
    assert (c.cls, c.word) == (cls, word)


def test_language_decides_how_points_read() -> None:
    [c] = find_casualties("Officials said 1.300 people were killed.", lang="nl")
    assert c.count == 1300
    assert find_casualties("Officials said 1.300 people were killed.") == []


def test_spans_cover_the_evidence() -> None:
    text = "Officials said at least 37 loyalist fighters were killed."
    [c] = find_casualties(text)
    assert text[c.start:c.end] == c.text == "at least 37 loyalist fighters were killed"


@given(st.text(max_size=200))
def test_never_crashes_and_offsets_slice(text: str) -> None:
    for c in find_casualties(text):
        assert text[c.start:c.end] == c.text
        assert c.count >= 0


@given(st.integers(min_value=2, max_value=100_000), st.sampled_from(["killed", "injured", "missing"]))
def test_any_count_is_read(n: int, outcome: str) -> None:
    [c] = find_casualties(f"At least {n:,} people were {outcome}.")
    assert c.count == n and c.qualifier == "at least"
