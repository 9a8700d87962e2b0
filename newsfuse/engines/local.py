"""The embedded engine: runs the stage functions in this process, in order.

Every engine offers the same four operations over the same model, so `api.py` never knows which
one runs: clean documents, cluster articles, analyse articles, synthesise stories.  The Ray engine
(`engines/ray.py`) distributes the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

from newsfuse.errors import InputError
from newsfuse.model import AnalyzedArticle, Article, Document, Skipped, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import finish, learn_prepared, prepare
from newsfuse.stages.cluster import ClusterState, cluster, new_articles
from newsfuse.stages.cluster.parallel import workers_for
from newsfuse.stages.cluster.prepare import Prepared, prepare_all
from newsfuse.stages.events import event
from newsfuse.stages.provenance import provenance
from newsfuse.stages.synthesize import synthesize

T = TypeVar("T")
D = TypeVar("D")
R = TypeVar("R")
# A progress hook: wraps an iterable with a display labelled `label` (`total`: None when unknown).
Track = Callable[[Iterable[T], str, "int | None"], Iterable[T]]
# New articles are read for clustering this many at a time, so that only their prepared form
# (a few hundred bytes each) is held, never the articles themselves.
PREPARE_CHUNK = 10_000


def no_progress(items: Iterable[T], _label: str, _total: int | None) -> Iterable[T]:
    """The default progress hook: reports nothing."""
    return items


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in order, as lists of `size` (the last one shorter)."""
    it = iter(items)
    while part := list(islice(it, size)):
        yield part


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


def with_text(articles: Iterable[Article]) -> tuple[list[Article], list[Skipped]]:
    """Keep the articles that have main text; each one without (only scripts, navigation, page
    chrome) becomes a skipped input with that reason."""
    kept: list[Article] = []
    empty: list[Skipped] = []
    for a in articles:
        if a.text.strip():
            kept.append(a)
        else:
            empty.append(Skipped(a.source, "no article text found (only page chrome, scripts or navigation)"))
    return kept, empty


def clean_documents(docs: Iterable[Document]) -> tuple[list[Article], list[Skipped]]:
    """Clean a batch: extract every page once, learn each outlet's repeated chrome, finish each.

    A document that yields no main text is skipped (see `with_text`).
    """
    prepared, skipped = split_results(guarded(prepare, d, d.source) for d in docs)
    repeated = learn_prepared(prepared)
    articles, failed = split_results(
        guarded(lambda p: finish(p, repeated=repeated), p, p.doc.source) for p in prepared)
    kept, empty = with_text(articles)
    return kept, skipped + failed + empty


def story_document(story: Story, members: Sequence[AnalyzedArticle], words: int) -> dict:
    """One story's contract object: its own fields, its synthesis (brief, claims, discrepancies,
    unique), its provenance (copy graph, wire) and its event record, from its analysed articles."""
    return (story.to_dict()
            | synthesize(story, members, words=words).to_dict()
            | provenance(story, [m.article for m in members]).to_dict()
            | event(story, members).to_dict())


class LocalEngine:
    """Runs every stage in-process; `track` wraps long loops with a progress display."""

    name = "local"

    def __init__(self, track: Track = no_progress) -> None:
        self.track = track

    def clean(self, docs: Sequence[Document]) -> tuple[list[Article], list[Skipped]]:
        """Clean documents into articles (see `clean_documents`)."""
        return clean_documents(self.track(docs, "cleaning", len(docs)))

    def cluster(
        self, articles: Iterable[Article], state: ClusterState | None = None, total: int | None = None
    ) -> tuple[list[Story], ClusterState]:
        """Group articles into stories, continuing from `state` when given (see `cluster`).

        `articles` may be a stream (`total` of them, when known): they are read for clustering as
        they come and only their prepared form is kept, so a corpus bigger than memory clusters.
        """
        state = state or ClusterState()
        fresh = self.prepare_for_clustering(new_articles(articles, state))
        prepared = self.track(fresh, "reading for stories", total)
        return cluster((), ClusterState((*state.articles, *prepared)))

    def prepare_for_clustering(self, articles: Iterable[Article]) -> Iterator[Prepared]:
        """What clustering reads of each article, in order (forked processes on big chunks)."""
        for part in chunks(articles, PREPARE_CHUNK):
            yield from prepare_all(part, workers_for(len(part), None))

    def analyze(self, articles: Sequence[Article]) -> list[AnalyzedArticle]:
        """Split articles into analysed sentences."""
        return analyze_all(self.track(articles, "analysing", len(articles)))

    def synthesize(
        self, stories: Sequence[Story], analyzed: dict[str, AnalyzedArticle], words: int
    ) -> list[dict]:
        """Build each story's contract object (brief, claims, discrepancies, unique)."""
        return [story_document(story, [analyzed[a] for a in story.articles], words)
                for story in self.track(stories, "writing briefs", len(stories))]
