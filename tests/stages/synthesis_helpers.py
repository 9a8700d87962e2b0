"""Hand-built analysed articles for the synthesis tests (our own invented sentences).

`analysed` splits a text into sentences at ". ", finds the named entities it is told about by
their surface text, and reads quantities and dates with the real parsers, so offsets are always
computed, never typed by hand.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from newsfuse.algorithms.aliases import alias_key
from newsfuse.algorithms.dates import find_dates
from newsfuse.algorithms.quantities import find_quantities
from newsfuse.model import AnalyzedArticle, Article, Casualty, DateMention, Entity, Quantity, Sentence

T = TypeVar("T", Quantity, DateMention)

# Surface text -> spaCy label of the names our invented stories use.
NAMES = {
    "Islamic State": "ORG", "ISIL": "ORG", "Daesh": "ORG", "Maheen": "GPE", "Mahin": "GPE",
    "Sadad": "GPE", "Homs": "GPE", "Kathmandu": "GPE", "Pokhara": "GPE", "Ruritania": "GPE",
    "Zenda": "GPE", "Strelsau": "GPE", "Rudolf": "PERSON", "James Pennington": "PERSON",
    "Matthew Pennington": "PERSON", "Jamie Vardy": "PERSON", "Algerian": "NORP", "Moroccan": "NORP",
    "Riyad Mahrez": "PERSON", "Observatory": "ORG", "Lake Varna": "LOC",
    "Rudolf Rassendyll": "PERSON", "Rudolf Karl Rassendyll": "PERSON", "Ruritanian": "NORP",
    "Ruritanians": "NORP",
}


def _entities(text: str, offset: int) -> tuple[Entity, ...]:
    found: list[Entity] = []
    for name in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            start, end = offset + m.start(), offset + m.end()
            if any(e.start < end and start < e.end for e in found):
                continue
            found.append(Entity(name, start, end, NAMES[name], alias_key(name)))
    return tuple(sorted(found, key=lambda e: e.start))


def _casualties(text: str, offset: int, casualties: dict[str, tuple[int, str]]) -> tuple[Casualty, ...]:
    out = []
    for phrase, (count, cls) in casualties.items():
        k = text.find(phrase)
        if k >= 0:
            out.append(Casualty(phrase, offset + k, offset + k + len(phrase), count, cls))
    return tuple(out)


def _shifted(items: list[T], offset: int) -> tuple[T, ...]:
    return tuple(replace(x, start=x.start + offset, end=x.end + offset) for x in items)


def analysed(
    article_id: str, text: str, *, published: str | None = None, title: str | None = None,
    casualties: dict[str, tuple[int, str]] | None = None,
) -> AnalyzedArticle:
    """An analysed article of `text`: sentences split after ". ", entities from `NAMES`,
    quantities and dates parsed, and `casualties` (phrase -> (count, class)) where the phrase
    occurs."""
    sentences = []
    for m in re.finditer(r"[^ ].*?(?:\.(?= |$)|$)", text):
        start, end = m.start(), m.end()
        body = text[start:end]
        quantities = _shifted(find_quantities(body), start)
        sentences.append(Sentence(
            article_id, start, end, body, entities=_entities(body, start), quantities=quantities,
            casualties=_casualties(body, start, casualties or {}),
            dates=_shifted(find_dates(body, published), start),
        ))
    article = Article(id=article_id, source=f"{article_id}.txt", text=text, published=published, title=title)
    return AnalyzedArticle(article, tuple(sentences))
