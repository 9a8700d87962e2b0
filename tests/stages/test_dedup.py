"""Near-duplicate groups on small texts we wrote: wire copies found, distinct reports not."""

from __future__ import annotations

from newsfuse.model import Article
from newsfuse.stages.dedup import near_duplicates

WIRE = (
    "Flood waters rose through the old harbour district of Kessington overnight, forcing some 3,000 "
    "residents from their homes, the regional emergency service said on Tuesday. Rescue boats worked "
    "through the night along Canal Street, where the water reached the first floor of several houses. "
    "The river crested at 6.2 metres shortly after midnight, the highest level recorded since 1987, and "
    "officials warned that more rain was expected in the hills north of the city on Wednesday."
)
OTHER = (
    "The city council of Brenmoor approved a new budget for its public libraries on Monday evening, "
    "after a long debate about opening hours and the cost of heating the central reading room in winter."
)


def _article(i: str, text: str) -> Article:
    return Article(id=i, source=f"test:{i}", text=text)


def test_copies_of_one_wire_story_form_one_group() -> None:
    amp = "Latest news. " + WIRE + " Copyright 2021 Example Media."
    articles = [_article("a", WIRE), _article("b", OTHER), _article("c", amp), _article("d", WIRE.upper())]
    groups = near_duplicates(articles)
    assert [g.articles for g in groups] == [("a", "c", "d")]
    pairs = {(p.a, p.b): p for p in groups[0].pairs}
    assert pairs[("a", "d")].jaccard == 1.0
    assert 0.8 <= pairs[("a", "c")].jaccard < 1.0
    assert pairs[("a", "c")].containment == 1.0
    assert abs(pairs[("a", "c")].estimate - pairs[("a", "c")].jaccard) < 0.15


def test_a_rewritten_report_of_the_same_event_is_not_a_copy() -> None:
    rewritten = (
        "Some 3,000 people left their homes in Kessington as the river reached 6.2 metres overnight, its "
        "highest since 1987. Boats carried residents from Canal Street; more rain is forecast for Wednesday."
    )
    assert near_duplicates([_article("a", WIRE), _article("b", rewritten)]) == []


def test_empty_texts_are_never_duplicates_and_the_result_is_deterministic() -> None:
    articles = [_article("a", ""), _article("b", ""), _article("c", WIRE), _article("d", WIRE)]
    first = near_duplicates(articles, seed=3)
    assert first == near_duplicates(articles, seed=3)
    assert [g.articles for g in first] == [("c", "d")]


def test_the_threshold_decides() -> None:
    half = " ".join(WIRE.split()[:40])
    articles = [_article("a", WIRE), _article("b", half)]
    assert near_duplicates(articles, threshold=0.9) == []
    assert [g.articles for g in near_duplicates(articles, threshold=0.3)] == [("a", "b")]
