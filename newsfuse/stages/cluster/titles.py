"""A story's title: the headline of its most central report.

Candidates are the articles' own titles, or, when no article of the story has one, a short lead
sentence of each (the clustering offers those of the story's most common language).  Among them
wins the one whose article is closest to the centroid of the others (the report that best stands
for the story); ties go to the earlier article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.model import Article

LEAD_CHARS = 120
_SENTENCE = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class Headline:
    """A title candidate and whether it is the article's own title (not a lead sentence)."""

    text: str
    titled: bool


def headline(article: Article) -> Headline:
    """The article's title, else its first sentence cut to about `LEAD_CHARS` characters."""
    if article.title and article.title.strip():
        return Headline(" ".join(article.title.split()), True)
    first = next((line for line in article.text.splitlines() if line.strip()), "")
    sentence = " ".join(_SENTENCE.split(first.strip(), maxsplit=1)[0].split())
    if len(sentence) > LEAD_CHARS:
        cut = sentence.rfind(" ", 0, LEAD_CHARS)
        sentence = sentence[: cut if cut > 0 else LEAD_CHARS].rstrip(",;:") + "…"
    return Headline(sentence, False)


def best(candidates: Sequence[Headline], centrality: Sequence[float]) -> Headline:
    """The best candidate: titles before lead sentences, then the most central article's, then the
    earliest."""
    pool = [i for i, c in enumerate(candidates) if c.titled and c.text] or [
        i for i, c in enumerate(candidates) if c.text]
    if not pool:
        return Headline("", False)
    return candidates[max(pool, key=lambda i: (centrality[i], -i))]
