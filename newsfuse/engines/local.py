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
from newsfuse.stages.clean import finish, learn_prepared, prepare
from newsfuse.stages.cluster import ClusterState, cluster
from newsfuse.stages.synthesize import synthesize

T = TypeVar("T")
D = TypeVar("D")
R = TypeVar("R")
Track = Callable[[Iterable[T], str, int], Iterable[T]]


def no_progress(items: Iterable[T], _label: str, _total: int) -> Iterable[T]:
    """The default progress hook: reports nothing."""
    return items


def guarded(step: Callable[[D], R], item: D, source: str) -> R | Skipped:
    """Run one stage step on one input; an error in it skips that input, never the batch."""
    try:
        return step(item)
    except InputError as err:
        return Skipped(source, str(err))
    except Exception as err:  # one malformed page must not stop a batch
        return Skipped(source, f"could not be cleaned ({type(err).__name__}: {err})")


def split_results(items: Iterable[R | Skipped]) -> tuple[list[R], list[Skipped]]:
    """Separate results from skipped inputs, keeping order."""
    done: list[R] = []
    skipped: list[Skipped] = []
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            done.append(item)
    return done, skipped


def clean_documents(docs: Iterable[Document]) -> tuple[list[Article], list[Skipped]]:
    """Clean a batch: extract every page once, learn each outlet's repeated chrome, finish each.

    A document that yields no main text (only scripts, navigation, chrome) is skipped with that
    reason.
    """
    prepared, skipped = split_results(guarded(prepare, d, d.source) for d in docs)
    repeated = learn_prepared(prepared)
    articles, failed = split_results(
        guarded(lambda p: finish(p, repeated=repeated), p, p.doc.source) for p in prepared)
    empty = [Skipped(a.source, "no article text found (only page chrome, scripts or navigation)")
             for a in articles if not a.text.strip()]
    return [a for a in articles if a.text.strip()], skipped + failed + empty


class LocalEngine:
    """Runs every stage in-process; `track` wraps long loops with a progress display."""

    name = "local"

    def __init__(self, track: Track = no_progress) -> None:
        self.track = track

    def clean(self, docs: Sequence[Document]) -> tuple[list[Article], list[Skipped]]:
        """Clean documents into articles (see `clean_documents`)."""
        return clean_documents(self.track(docs, "cleaning", len(docs)))

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
