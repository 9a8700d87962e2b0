"""The embedded engine: runs the stage functions in this process, in order.

Every engine offers the same four operations over the same model, so `api.py` never knows which
one runs: clean documents, cluster articles, analyse articles, synthesise stories.  The Ray engine
(`engines/ray.py`) distributes the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from newsfuse.errors import InputError
from newsfuse.model import AnalyzedArticle, Article, Document, Skipped, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import clean, learn_repeated_lines
from newsfuse.stages.cluster import ClusterState, cluster
from newsfuse.stages.synthesize import synthesize

T = TypeVar("T")
Track = Callable[[Iterable[T], str, int], Iterable[T]]


def no_progress(items: Iterable[T], _label: str, _total: int) -> Iterable[T]:
    """The default progress hook: reports nothing."""
    return items


def clean_or_skip(doc: Document, repeated: frozenset[str]) -> Article | Skipped:
    """Clean one document; a document with no main text becomes a `Skipped` with the reason."""
    try:
        article = clean(doc, repeated=repeated)
    except InputError as err:
        return Skipped(doc.source, str(err))
    if not article.text.strip():
        return Skipped(doc.source, "no article text found (only page chrome, scripts or navigation)")
    return article


def split_results(items: Iterable[Article | Skipped]) -> tuple[list[Article], list[Skipped]]:
    """Separate cleaned articles from skipped documents, keeping order."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in items:
        (skipped if isinstance(item, Skipped) else articles).append(item)
    return articles, skipped


class LocalEngine:
    """Runs every stage in-process; `track` wraps long loops with a progress display."""

    name = "local"

    def __init__(self, track: Track = no_progress) -> None:
        self.track = track

    def clean(self, docs: Sequence[Document]) -> tuple[list[Article], list[Skipped]]:
        """Clean documents into articles, learning each outlet's repeated page chrome first.

        A document that yields no main text (or that the cleaner rejects) is skipped, not fatal.
        """
        repeated = learn_repeated_lines(docs)
        return split_results(clean_or_skip(d, repeated) for d in self.track(docs, "cleaning", len(docs)))

    def cluster(
        self, articles: Sequence[Article], state: ClusterState | None = None
    ) -> tuple[list[Story], ClusterState]:
        """Group articles into stories, continuing from `state` when given."""
        return cluster(articles, state)

    def analyze(self, articles: Sequence[Article]) -> list[AnalyzedArticle]:
        """Split articles into analysed sentences."""
        return analyze_all(self.track(articles, "analysing", len(articles)))

    def synthesize(
        self, stories: Sequence[Story], analyzed: dict[str, AnalyzedArticle], words: int
    ) -> list[dict]:
        """Build each story's contract object (brief, claims, discrepancies, unique)."""
        out = []
        for story in self.track(stories, "writing briefs", len(stories)):
            members = [analyzed[a] for a in story.articles]
            out.append(story.to_dict() | synthesize(story, members, words=words).to_dict())
        return out
