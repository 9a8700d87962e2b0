"""The brief: cited, extractive, lede first, within its word budget (invented fixtures)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import Brief, Discrepancy, DiscrepancyValue
from newsfuse.stages.align import align
from newsfuse.stages.brief import (
    claim_concept,
    concept_weights,
    is_news_sentence,
    trim_dateline,
    worth_showing,
    write_brief,
)
from newsfuse.stages.reconcile import find_discrepancies

from .synthesis_helpers import analysed

STORY = [
    analysed("a", "ZENDA (Reuters) - Rebels seized the hill town of Zenda on Sunday after a night of "
                  "heavy fighting, a monitoring group said. The rebels are now within 20 km of the coastal "
                  "highway to Strelsau. The mayor of Zenda fled to Strelsau with his family and two aides. "
                  "Grain prices in the region doubled over the week as roads closed.",
             title="Rebels seize Zenda"),
    analysed("b", "Rebels seized Zenda, a hill town, on Sunday after heavy fighting through the night, "
                  "a monitoring group said. The advance took them to within 25 kilometers of the coastal "
                  "highway to Strelsau. Aid agencies said thousands of families had left the valley on foot.",
             title="Rebels take hill town of Zenda"),
    analysed("c", "Rebels took the hill town of Zenda on Sunday after fighting through the night, a "
                  "monitoring group said. The rebels are now within 20 km of the coastal highway to "
                  "Strelsau. Sign up for our newsletter"),
]
TEXTS = {a.article.id: a.article.text for a in STORY}


def brief(words: int = 200) -> Brief:
    alignment = align(STORY)
    return write_brief(alignment, find_discrepancies(alignment, STORY),
                       titles=[a.article.title or "" for a in STORY], words=words)


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels seized the hill town of Zenda on Sunday after a night of fighting.", True),
    ("“We will not leave Zenda,” the mayor told reporters on Sunday evening.", True),
    ("A family runs for cover after rebels captured the town of Zenda Sunday", False),
    ("Sign up for our weekly newsletter", False),
    ("Rebels seize Zenda.", False),
    ("He has refused to do so again.", False),
    ("So what is the meaning of negotiating with them?” the leader said.", False),
    ("Read more at https://example.com/zenda for the full story today.", False),
    ("Your email address will not be published by anyone here.", False),
    ("REBELS SEIZE THE HILL TOWN OF ZENDA AFTER FIGHTING.", False),
    ("Can the old hill town of Zenda ever be rebuilt after the fighting?", False),
])
def test_news_sentences(text: str, expected: bool) -> None:
    assert is_news_sentence(text) is expected


@pytest.mark.parametrize(("text", "cut"), [
    ("ZENDA (Reuters) - Rebels seized the town.", len("ZENDA (Reuters) - ")),
    ("NEW ZENDA — Rebels seized the town.", len("NEW ZENDA — ")),
    ("(AP) -- Rebels seized the town.", len("(AP) -- ")),
    ("Rebels seized the town - and held it.", 0),
    ("Zenda: a town seized.", 0),
    ("date 2016-12 (AFP) - Rebels seized the town.", len("date 2016-12 (AFP) - ")),
    ("The rebel group (ZLF) - which holds the hills - seized the town.", 0),
])
def test_datelines_are_trimmed(text: str, cut: int) -> None:
    assert trim_dateline(text) == cut


def test_every_sentence_is_the_span_it_cites() -> None:
    for sentence in brief().sentences:
        assert sentence.citations
        for span in sentence.citations:
            assert TEXTS[span.article][span.start:span.end] == sentence.text


def test_the_lede_comes_first_and_is_the_best_supported_headline_fact() -> None:
    lede = brief().sentences[0]
    top = align(STORY).claims[0]
    assert lede.role == "lede"
    assert lede.support == top.support == ("a", "b", "c")
    assert any(s.article == c.article and s.end == c.end for s in top.sentences for c in lede.citations)


def test_support_lists_every_article_stating_the_fact() -> None:
    alignment = align(STORY)
    for sentence in brief().sentences:
        span = sentence.citations[0]
        index = next(i for i, s in enumerate(alignment.sentences)
                     if s.article == span.article and s.start <= span.start < s.end)
        assert sentence.support == alignment.support(index)


def test_no_two_sentences_state_the_same_claim_outside_discrepancies() -> None:
    alignment = align(STORY)
    claims = []
    for sentence in brief().sentences:
        if sentence.role != "discrepancy":
            span = sentence.citations[0]
            claims.append(next(alignment.claim_of[i] for i, s in enumerate(alignment.sentences)
                               if s.article == span.article and s.start <= span.start < s.end))
    assert len(claims) == len(set(claims))


def test_both_sides_of_a_discrepancy_are_shown() -> None:
    text = " ".join(s.text for s in brief().sentences)
    assert "20 km" in text and "25 kilometers" in text


def test_boilerplate_never_reaches_the_brief() -> None:
    assert all("newsletter" not in s.text for s in brief().sentences)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=120))
def test_the_word_budget_is_never_exceeded(words: int) -> None:
    assert brief(words).words <= words


def test_every_claim_is_a_concept_weighted_by_its_support() -> None:
    alignment = align(STORY)
    weights = concept_weights(alignment)
    for k, claim in enumerate(alignment.claims):
        assert weights[claim_concept(k)] == len(claim.support)


@pytest.mark.parametrize("leaning", [
    "They also took the nearby village of Mirna on Monday, officials said.",
    "But they took the village of Mirna on Monday, officials said.",
])
def test_a_sentence_that_stands_alone_is_cited_over_one_leaning_on_its_neighbour(leaning: str) -> None:
    standalone = "The rebels also took the nearby village of Mirna on Monday, officials said."
    story = [
        analysed("a", "Rebels seized the hill town of Zenda on Sunday after a night of fighting. "
                      + standalone),
        analysed("b", "Rebels took the hill town of Zenda on Sunday after fighting through the night. "
                      + leaning),
    ]
    alignment = align(story)
    texts = [s.text for s in write_brief(alignment, find_discrepancies(alignment, story)).sentences]
    assert standalone in texts
    assert leaning not in texts


def test_a_split_of_one_outlet_against_one_is_left_out_of_the_brief() -> None:
    def split(*sides: tuple[str, ...]) -> Discrepancy:
        return Discrepancy(about="distance", kind="quantity", values=tuple(
            DiscrepancyValue(text=f"{k} km", normalized=float(k), unit="km", articles=side)
            for k, side in enumerate(sides)))

    lone, backed, divided = split(("a",), ("b",)), split(("a", "b"), ("c",)), split(("a", "b"), ("c", "d"))
    assert worth_showing([lone, backed, divided]) == [backed, divided]
    assert worth_showing([lone]) == []
    rising = replace(split(("a",), ("b",), ("c",)), kind="casualty", evolving=True)
    assert worth_showing([lone, rising]) == [rising]
