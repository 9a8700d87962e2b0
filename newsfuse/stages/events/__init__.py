"""The event record of a story, the way ACLED or GDELT code an event: type (from the taxonomy in
newsfuse/data/event_taxonomy.json, see docs/events.md), actors, location, date, casualties and
sources, each field traced to the sentences it was read from (`Event.evidence`).

Everything is read from the story's *event sentences*: the sentences where a cue of the winning
type fired (`classify`), plus every article's lede for the toll and the sources. Each field is a
vote across articles (one vote per article), so the record says what the outlets agree on, not
what one of them wrote.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.model import AnalyzedArticle, Event, Evidence, Location, Sentence, Story
from newsfuse.stages.events.actors import find_actors
from newsfuse.stages.events.casualties import tally
from newsfuse.stages.events.classify import Classification, Hit, best_per_sentence, classify, position_weight
from newsfuse.stages.events.location import locate
from newsfuse.stages.events.sources import according_to
from newsfuse.stages.events.votes import name_key
from newsfuse.stages.events.when import event_date

__all__ = ["event"]

# Sentences of an article's lede that may carry the toll and the sources.
_LEDE_SENTENCES = 6
_TYPE_EVIDENCE = 3


def _event_sentences(members: Sequence[AnalyzedArticle], hits: Sequence[Hit]) -> list[tuple[Sentence, float]]:
    """The hit sentences and every article's lede, once each, with their position weights."""
    chosen: dict[tuple[str, int], tuple[Sentence, float]] = {}
    for a in members:
        for i, s in enumerate(a.sentences[:_LEDE_SENTENCES]):
            chosen[(s.article, s.start)] = (s, position_weight(i))
    for hit in hits:
        s = hit.unit.sentence
        if s is not None:
            chosen.setdefault((s.article, s.start), (s, hit.unit.weight))
    return list(chosen.values())


def _type_evidence(found: Classification, hits: Sequence[Hit]) -> tuple[Evidence, ...]:
    """The best hit sentence of the first few articles that support the type."""
    out: list[Evidence] = []
    articles: set[str] = set()
    for hit in hits:
        s = hit.unit.sentence
        if s is not None and s.article not in articles and len(out) < _TYPE_EVIDENCE:
            articles.add(s.article)
            out.append(Evidence("type", found.type.id, s.span, hit.trigger))
    return tuple(out)


def _keys(location: Location | None) -> frozenset[str]:
    parts = (location.place, location.admin, location.country) if location else ()
    return frozenset(name_key(p) for p in parts if p)


def event(story: Story, analyzed: Sequence[AnalyzedArticle]) -> Event:
    """The event record of `story` from its analysed articles (others in `analyzed` are ignored)."""
    wanted = set(story.articles)
    members = [a for a in analyzed if a.article.id in wanted]
    articles = {a.article.id: a.article for a in members}
    found = classify(members)
    hits = best_per_sentence(found.hits) if found else []
    location, where = locate(hits, articles)
    here = _keys(location)
    actors, who = find_actors(hits, articles, here, armed=bool(found) and found.type.category == "conflict")
    sentences = _event_sentences(members, hits)
    when, dated = event_date(hits, sentences, articles)
    year = when.value[:4] if when and when.precision != "weekday" else None
    casualties, toll = tally(sentences, here, year, actors)
    sources, cited = according_to(sentences, articles)
    return Event(
        story=story.id,
        type=found.type.id if found else "other",
        category=found.type.category if found else "other",
        acled=found.type.acled if found else None,
        actors=tuple(actors.values()),
        location=location,
        when=when,
        casualties=casualties,
        according_to=sources,
        evidence=(*(_type_evidence(found, hits) if found else ()), *who, *where, *dated, *toll, *cited),
    )
