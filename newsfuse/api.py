"""The use cases, shared by the CLI and the web: extract, ingest, cluster, brief.

Each function takes inputs (paths, globs, URLs, `-`) or a store path, runs the stages on an engine
and returns model objects or contract-shaped dicts.  Bad inputs never stop a batch: they are handed
to `on_skip` (and kept in the returned report) while the rest is processed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from newsfuse.engines.local import LocalEngine
from newsfuse.ingest import read_inputs
from newsfuse.model import Article, Document, Skipped, Story
from newsfuse.stages.cluster import ClusterState
from newsfuse.store import Store

OnSkip = Callable[[Skipped], None]
# Documents cleaned and committed together by `ingest`: big enough to learn each outlet's
# repeated page chrome, small enough that an interrupted ingest loses little.
INGEST_CHUNK = 2000


def _ignore(_: Skipped) -> None:
    return None


@dataclass
class Batch:
    """What a run produced from its inputs: the articles, and every input it had to skip."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def read_documents(
    inputs: Sequence[str], *, allow_private: bool = False, stdin: BinaryIO | None = None,
    on_skip: OnSkip = _ignore,
) -> tuple[list[Document], list[Skipped]]:
    """Read every input into documents; each skipped input goes to `on_skip` as it is found."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in read_inputs(inputs, allow_private=allow_private, stdin=stdin):
        if isinstance(item, Skipped):
            skipped.append(item)
            on_skip(item)
        else:
            docs.append(item)
    return docs, skipped


def first_of_each_id(docs: Sequence[Document]) -> list[Document]:
    """Drop repeated documents (the same id given twice), keeping the first in input order."""
    unique: dict[str, Document] = {}
    for doc in docs:
        unique.setdefault(doc.id, doc)
    return list(unique.values())


def extract(
    inputs: Sequence[str], *, engine: LocalEngine | None = None, allow_private: bool = False,
    stdin: BinaryIO | None = None, on_skip: OnSkip = _ignore,
) -> Batch:
    """Read and clean: one article per document, duplicates of an id kept once (first wins)."""
    engine = engine or LocalEngine()
    docs, skipped = read_documents(inputs, allow_private=allow_private, stdin=stdin, on_skip=on_skip)
    articles, empty = engine.clean(first_of_each_id(docs))
    for item in empty:
        on_skip(item)
    return Batch(articles, skipped + empty)


@dataclass
class IngestResult:
    """Counts of one `ingest` run into a store."""

    added: int
    existing: int
    skipped: list[Skipped]


def ingest(
    inputs: Sequence[str], db: str | Path, *, engine: LocalEngine | None = None,
    allow_private: bool = False, stdin: BinaryIO | None = None, on_skip: OnSkip = _ignore,
    chunk: int = INGEST_CHUNK, on_stored: Callable[[int], None] | None = None,
) -> IngestResult:
    """Extract the inputs and add the articles to the store (idempotent: known ids are kept).

    Documents are cleaned and stored `chunk` at a time, each chunk committed before the next is
    read, so a big ingest that is interrupted keeps everything committed so far (re-running it
    adds the rest).  `on_stored` gets the running count of articles added after each commit.
    """
    engine = engine or LocalEngine()
    added = existing = 0
    skipped: list[Skipped] = []

    def skip(item: Skipped) -> None:
        skipped.append(item)
        on_skip(item)

    def documents() -> Iterator[Document]:
        for item in read_inputs(inputs, allow_private=allow_private, stdin=stdin):
            if isinstance(item, Skipped):
                skip(item)
            else:
                yield item

    with Store.open(db) as store:
        docs = documents()
        while part := list(islice(docs, chunk)):
            articles, empty = engine.clean(first_of_each_id(part))
            for item in empty:
                skip(item)
            result = store.add_articles(articles)
            added, existing = added + result.added, existing + result.existing
            if on_stored is not None:
                on_stored(added)
        store.record_skipped(skipped)
    return IngestResult(added, existing, skipped)


def cluster_articles(articles: Sequence[Article], *, engine: LocalEngine | None = None) -> list[Story]:
    """Group articles into stories in one pass."""
    stories, _ = (engine or LocalEngine()).cluster(articles, total=len(articles))
    return stories


def cluster_store(db: str | Path, *, engine: LocalEngine | None = None) -> list[Story]:
    """Cluster what the store holds, continuing from its last clustering with only new articles."""
    engine = engine or LocalEngine()
    with Store.open(db) as store:
        blob = store.load_cluster_state()
        state = ClusterState.from_bytes(blob) if blob else ClusterState()
        waiting = store.count_articles() - len(state.articles)
        if blob and not waiting:
            return store.load_stories()
        # Streamed from the store: only what clustering reads of each article is held.
        stories, state = engine.cluster(store.iter_articles(), state, total=waiting)
        store.save_stories(stories, state.to_bytes())
    return stories


def brief_documents(
    articles: Sequence[Article], stories: Sequence[Story], *, words: int = 200,
    engine: LocalEngine | None = None,
) -> dict[str, Any]:
    """The `brief --json` document: every article and, per story, its cited synthesis."""
    engine = engine or LocalEngine()
    by_id = {a.id: a for a in articles}
    analyzed = {x.article.id: x for x in engine.analyze([by_id[i] for s in stories for i in s.articles])}
    return {
        "articles": [a.to_dict() for a in articles],
        "stories": engine.synthesize(stories, analyzed, words),
    }


def brief_store(db: str | Path, *, words: int = 200, engine: LocalEngine | None = None) -> dict[str, Any]:
    """Brief every story of the store (clustering what is new first) and keep the results there."""
    engine = engine or LocalEngine()
    stories = cluster_store(db, engine=engine)
    with Store.open(db) as store:
        articles = list(store.iter_articles())
        doc = brief_documents(articles, stories, words=words, engine=engine)
        store.save_story_docs({s["id"]: s for s in doc["stories"]})
    return doc
