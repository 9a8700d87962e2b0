"""Story clustering: every article lands in exactly one story, deterministically, in runs.

Design note.

*Signals.*  An article is described by its story features (`algorithms.features`): names keyed
by alias (Maheen = Mahin, ISIS = Daesh = "Islamic State"), content words, numbers, codes, and
consonant skeletons of names, so that an Arabic or Bulgarian report meets its story through the
names it shares (a name carrying a number keeps the number in its skeleton: "Valmora2" meets
its Arabic spelling with the 2, never "Valmora3").  Keys are weighted by inverse document
frequency (words within their language), keys of the lead (headline and first 400 characters,
where a report says what happened) count double, and each article has a full vector and an
entity vector (no words) for comparisons across languages (language: the cleaner's, else the
stop words', else the script).  The publication date, when the article has one, bounds which
stories it may join; the cleaner reads it from the source, the page metadata, the URL, the
dateline, or a date line under the title.

*Decision rule.*  Articles are taken in a canonical order: dated ones by date, then undated ones,
ties by id, so a shuffled input gives the same stories.  Each article is scored against the
stories of the earlier articles that share the most *anchor* weight with it (anchors: names and
words of four letters or more; a number, a code or a short abbreviation never makes a candidate
on its own, so two events that only share "24" or "IS" stay apart), skipping stories whose dated
reports are more than `window_days` (3) away from its date.  The score is the cosine to the
story's centroid, in the full space when the story holds an article of the same language, else
in the entity space.  The article joins the best story when that cosine reaches `threshold`
(0.1), else it founds a new story.  Then one sweep reconsiders every article against all stories
(its own without itself): it moves where it now fits best, or leaves to stand alone.  Last,
each story whose languages another, bigger story lacks joins it whole when their centroids reach
`threshold` in the entity space and their dates are near (smallest stories first): two German
reports of an English-language event meet each other on their German words before either meets
the event on its names, and then hold together through the sweep.

*Why.*  Single reports are noisy (page chrome, different angles, excerpts); a centroid averages
that away, and cosine to the centroid classifies a report into its event far better than any
pairwise similarity, which is also why no n x n matrix is needed.  Sibling events (a town
captured, then recaptured a year later; a cave rescue and the boys being found days before)
share places and actors but not their dates or the words of what happened: the time window
separates them when dates are known, the centroid's event words (weighted up in the lead) when
they are not.  That is the weak spot: undated siblings with much in common still merge.  On the
dev corpus a wider window (4 to 7 days) and a score corrected for story size both lowered F1;
siblings' centroids lie as close (cosine 0.35-0.47) as parts of one story (0.2-0.5), and a
report 4-5 days from a sibling fits it as well (0.22-0.37) as a late report fits its own story
(0.28-0.36), so no stricter bar on either tells them apart.  A cosine of 0.1 is about three
times what unrelated reports share by chance (0.03 between stories of the dev corpus), and the
anchor rule keeps that low bar from merging through numbers or abbreviations.  The sweep undoes
what the order did: an article placed before its own story had formed.

*Optional semantic signal.*  With `ClusterParams.semantic_weight` w > 0 (the `semantic` extra:
all-MiniLM-L6-v2 through sentence-transformers on torch's CPU build, `semantic.py`), an article's
score against a story in its language blends in the cosine of its headline-and-lead embedding to
the story's mean embedding; at w = 0 (the default) nothing is loaded and the stories are those of
the rule above.  Measured (bench/semantic_bench.py): on dev, w = 0.2 gives 0.930 against 0.922,
w = 0.4 0.907; on a 2,000-article scale corpus every setting lowers F1 (0.859 to 0.78-0.83),
because its copies of one story differ in names and words but not in meaning; embedding costs
about 60-100 ms an article on one core, some 80 times the whole default clustering.  So it stays
off.

*Incremental.*  Reading an article (its features) is most of the cost; placing it is cheap.
`ClusterState` keeps every article read so far, prepared, and a later call reads only the new
ones and places them all again in the canonical order, so clustering in parts gives exactly the
stories of one pass over everything, whatever the parts.  A story's id is "s-" + a hash of its
first article, so a story that gets no new article keeps its id, title and members.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from newsfuse.errors import UsageError
from newsfuse.model import Article, Story
from newsfuse.stages.cluster import semantic
from newsfuse.stages.cluster.online import Clusterer, ClusterParams, story_id
from newsfuse.stages.cluster.parallel import workers_for
from newsfuse.stages.cluster.prepare import Prepared, day_span, prepare_all
from newsfuse.stages.cluster.state import ClusterState
from newsfuse.stages.cluster.vectors import frequencies, vectorize

__all__ = ["ClusterParams", "ClusterState", "cluster", "day_span", "story_id"]

def _place_all(prepared: Sequence[Prepared], params: ClusterParams, workers: int = 1) -> list[Story]:
    """Vectorise the articles against their whole corpus and place them in the canonical order."""
    lang_counts = Counter(p.lang for p in prepared)
    ordered = sorted(prepared, key=lambda p: (p.days is None, p.days or (0, 0), p.id))
    _, freqs = frequencies([p.hashed for p in ordered])
    vectors = [vectorize(p.hashed, f, len(ordered), p.lang, lang_counts[p.lang], p.days)
               for p, f in zip(ordered, freqs, strict=True)]
    del freqs
    embeddings = None
    if params.semantic_weight > 0:
        if any(p.embedding is None for p in ordered):
            raise UsageError("the clustering state holds articles read without the semantic signal: "
                             "cluster them again from the articles, or with semantic_weight=0")
        embeddings = np.stack([p.embedding for p in ordered])
    clusterer = Clusterer([p.id for p in ordered], vectors, [p.headline for p in ordered], params, workers,
                          embeddings)
    return clusterer.run()


def new_articles(articles: Iterable[Article], state: ClusterState) -> Iterator[Article]:
    """The articles whose id `state` does not hold, each id once (the first), in order."""
    seen = state.article_ids()
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            yield article


def cluster(
    articles: Iterable[Article], state: ClusterState | None = None, params: ClusterParams | None = None,
) -> tuple[list[Story], ClusterState]:
    """Group `articles` into stories, continuing from `state` when given.

    Returns every story (those of the articles of `state` too; biggest first) and the state to
    continue from.  Articles whose id `state` already holds, and repeats of an id, are left out.
    """
    state = state or ClusterState()
    params = params or ClusterParams()
    batch = list(new_articles(articles, state))
    # Millions of small long-lived objects and no cycles: the cyclic collector would only rescan them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        fresh = prepare_all(batch, workers_for(len(batch), params.workers))
        if params.semantic_weight > 0 and batch:
            fresh = semantic.with_embeddings(batch, fresh)
        prepared = [*state.articles, *fresh]
        stories = _place_all(prepared, params, workers_for(len(prepared), params.workers))
    finally:
        if collecting:
            gc.enable()
    return stories, ClusterState(tuple(prepared))
