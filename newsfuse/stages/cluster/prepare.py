"""Each article as clustering needs it: hashed features, language, day span and headline.

This is the costly step (reading every word), and each article's result depends on the article
alone, so big batches are spread over a few processes (`parallel.py`), and the state keeps it so
that a later run never reads an article twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsfuse.algorithms.features import extract
from newsfuse.model import Article
from newsfuse.stages.cluster.parallel import fork_chunks
from newsfuse.stages.cluster.titles import Headline, headline
from newsfuse.stages.cluster.vectors import Hashed, script_language

# The lead carries the event; a bound keeps the cost per article flat on very long pages.
MAX_CHARS = 6000
# The headline and first lines, where a report says what happened (its keys weigh double).
LEAD_CHARS = 400
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


@dataclass(frozen=True)
class Prepared:
    """One article ready to be vectorised: its id, hashed features, language, day span and the
    headline it offers its story; `embedding`: its unit sentence embedding when the optional
    semantic signal is on (`semantic.py`), else None."""

    id: str
    hashed: Hashed
    lang: str
    days: tuple[int, int] | None
    headline: Headline
    embedding: np.ndarray | None = field(default=None, compare=False)


def day_span(published: str | None) -> tuple[int, int] | None:
    """The first and last day (proleptic ordinals) an ISO date covers: "2015-11" is all November."""
    m = _ISO_DATE.match(published or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            d = date(year, int(month), int(day)).toordinal()
            return d, d
        if month:
            first = date(year, int(month), 1)
            last = date(year + int(month) // 12, int(month) % 12 + 1, 1)
            return first.toordinal(), last.toordinal() - 1
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    except ValueError:
        return None


def article_text(article: Article) -> str:
    """What the features are read from: title, dek and text, up to `MAX_CHARS`."""
    return "\n".join(p for p in (article.title, article.dek, article.text) if p)[:MAX_CHARS]


def prepare_one(article: Article) -> Prepared:
    """Prepare one article; its language is the cleaner's, else its stop words', else its script."""
    text = article_text(article)
    features = extract(text, LEAD_CHARS)
    lang = article.lang or features.lang or script_language(text)
    return Prepared(article.id, Hashed.of(features), lang, day_span(article.published), headline(article))


def _prepare_range(articles: Sequence[Article], start: int, stop: int) -> list[Prepared]:
    return [prepare_one(a) for a in articles[start:stop]]


def prepare_all(articles: Sequence[Article], workers: int = 1) -> list[Prepared]:
    """`prepare_one` of every article, in order (in `workers` processes)."""
    return fork_chunks(_prepare_range, articles, len(articles), workers)
