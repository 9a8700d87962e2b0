"""Story clustering on small corpora we wrote (tests/stages/cluster_fixtures.py)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from newsfuse.model import Article
from newsfuse.stages.cluster import ClusterParams, ClusterState, cluster, day_span, story_id

from .cluster_fixtures import CAPTURE, FLOOD, FLOOD_DE, RECAPTURE, article, corpus, gold


def _partition(stories: list) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def _events(*, dated: bool = True) -> set[frozenset[str]]:
    by_event: dict[str, set[str]] = {}
    for i, event in gold().items():
        by_event.setdefault(event, set()).add(i)
    return {frozenset(v) for v in by_event.values()}


@pytest.mark.parametrize("dated", [True, False])
def test_each_event_is_one_story(dated: bool) -> None:
    stories, _ = cluster(corpus(dated=dated))
    assert _partition(stories) == _events()


def test_capture_and_recapture_a_year_later_stay_apart_on_dates_alone() -> None:
    # Recapture reports written like the capture ones: only the date tells them apart.
    again = [replace(article(row), id=f"again-{row[0]}", published="2022-06-01") for row in CAPTURE]
    stories, _ = cluster(corpus() + again)
    captured = {r[0] for r in CAPTURE}
    for story in stories:
        assert not ({a.id for a in again} & set(story.articles) and captured & set(story.articles))
    assert frozenset(a.id for a in again) in _partition(stories)


def test_spelling_variants_and_a_french_report_join_their_story() -> None:
    stories, _ = cluster([article(row) for row in CAPTURE + FLOOD])
    capture = next(s for s in stories if "cap-1" in s.articles)
    assert {"cap-3", "cap-fr"} <= set(capture.articles)  # "Valmorah"; French


def test_reports_in_another_language_that_met_each_other_first_join_their_story() -> None:
    german = [article(row) for row in FLOOD_DE]
    stories, _ = cluster(corpus() + german)
    assert {r[0] for r in FLOOD + FLOOD_DE} in [set(s.articles) for s in stories]
    # the same reports a year later are another event
    later = [replace(a, published="2022-03-10") for a in german]
    stories, _ = cluster(corpus() + later)
    assert {r[0] for r in FLOOD_DE} in [set(s.articles) for s in stories]


def test_shared_numbers_and_abbreviations_alone_do_not_make_a_story() -> None:
    a = Article(id="n1", source="t", lang="en",
                text="The EPA said 24 of the 2015 models were recalled by IS units in the US, and officials "
                "will review engines, brakes and software in every plant.")
    b = Article(id="n2", source="t", lang="en",
                text="In 2015 the US team won 24 games, IS coaches said, and the club will build a stadium "
                "for supporters before the league season opens in autumn.")
    stories, _ = cluster([a, b, *corpus()])
    assert not any({"n1", "n2"} <= set(s.articles) for s in stories)


def test_the_same_input_in_any_order_gives_the_same_stories() -> None:
    articles = corpus()
    first, _ = cluster(articles)
    shuffled = list(articles)
    random.Random(3).shuffle(shuffled)
    assert cluster(articles)[0] == first
    assert cluster(shuffled)[0] == first


def test_every_article_lands_in_exactly_one_story() -> None:
    articles = [*corpus(), Article(id="empty", source="t", text=""), article(FLOOD[0])]  # a repeated id
    stories, _ = cluster(articles)
    ids = [a for s in stories for a in s.articles]
    assert sorted(ids) == sorted({a.id for a in articles})
    assert frozenset({"empty"}) in _partition(stories)


def test_two_runs_through_the_state_give_the_stories_of_one() -> None:
    articles = corpus()
    one_pass, _ = cluster(articles)
    _, state = cluster(articles[::2])
    second, _ = cluster(articles[1::2], ClusterState.from_bytes(state.to_bytes()))
    assert second == one_pass
    assert cluster(articles, state)[0] == one_pass  # articles the state holds are not read twice


def test_stories_untouched_by_a_later_run_keep_their_ids() -> None:
    first, state = cluster([article(row) for row in CAPTURE + RECAPTURE + FLOOD[:2]])
    second, _ = cluster([article(FLOOD[2])], state)
    before = {s.id: s.articles for s in first}
    after = {s.id: s.articles for s in second}
    for members in ({r[0] for r in CAPTURE}, {r[0] for r in RECAPTURE}):
        (sid,) = [i for i, m in before.items() if set(m) == members]
        assert set(after[sid]) == members
    assert any(set(m) == {r[0] for r in FLOOD} for m in after.values())


def test_a_story_id_is_a_hash_of_its_first_article_and_its_title_a_headline() -> None:
    stories, _ = cluster(corpus())
    flood = next(s for s in stories if "fl-1" in s.articles)
    assert flood.id == story_id("fl-1")
    assert flood.title in {row[3] for row in FLOOD}


def test_day_span() -> None:
    assert day_span("2015-11-01T10:00:00Z") == (735903, 735903)
    first, last = day_span("2015-11")  # type: ignore[misc]
    assert last - first == 29
    assert day_span(None) is None and day_span("soon") is None and day_span("2015-02-30") is None


def test_spreading_the_work_over_processes_changes_nothing() -> None:
    articles = corpus()
    alone = cluster(articles, params=ClusterParams(workers=1))[0]
    assert cluster(articles, params=ClusterParams(workers=2))[0] == alone
