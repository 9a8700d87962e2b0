"""The distributed engine: the embedded engine's stage functions, run as Ray tasks over batches.

Every operation gives exactly what `LocalEngine` gives on the same input, in the same order:

- cleaning is two passes, like `clean_documents`.  Tasks prepare (extract and split) batches of
  documents; the prepared pages stay in Ray's object store while each task hands the driver only
  its pages' candidate chrome lines, from which the driver learns the repeated lines over *all*
  documents.  Then tasks finish the prepared batches with that learned set;
- clustering: tasks prepare each new article as clustering reads it (features, language, day
  span, headline: `cluster.prepare`, per article); the story decision is then the embedded
  `cluster` on the driver, given those prepared articles as its state, because where an article
  goes depends on every article placed before it;
- analysis and per-story synthesis are independent per article and per story, so batches of them
  run as tasks.

Tasks are submitted in input order with a bounded number in flight and their results gathered in
that order, so memory stays bounded and the output never depends on scheduling.  Ray is started
locally (`workers` CPUs, default all) unless `address` names a cluster.  `write_parquet` writes
articles as Parquet files in parallel, for runs too big for one store.

This is the only module that imports Ray.
"""

from __future__ import annotations

import json
import logging
import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.parquet as pq
import ray

import newsfuse
from newsfuse.engines.local import (
    LocalEngine,
    Track,
    chunks,
    guarded,
    no_progress,
    split_results,
    story_document,
    with_text,
)
from newsfuse.model import AnalyzedArticle, Article, Document, Skipped, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import Prepared, finish, prepare
from newsfuse.stages.clean.repeated import candidate, learn
from newsfuse.stages.cluster.prepare import Prepared as ClusterPrepared
from newsfuse.stages.cluster.prepare import prepare_all

T = TypeVar("T")
R = TypeVar("R")
Page = tuple[str | None, list[str]]

# Per task: enough work to outweigh scheduling it and moving its data, few enough to stream.
MAX_BATCH = 500
TASKS_PER_WORKER = 4
IN_FLIGHT_PER_WORKER = 3

_REMOVED = pa.struct([("text", pa.string()), ("reason", pa.string())])
# `meta` is free-form, so it is kept as JSON text; the other scalar fields are all text.
ARTICLE_SCHEMA = pa.schema(
    [(f.name, pa.string()) for f in fields(Article) if f.name not in {"removed", "paragraphs", "meta"}]
    + [("removed", pa.list_(_REMOVED)), ("paragraphs", pa.list_(pa.list_(pa.int64()))), ("meta", pa.string())]
)


def batches(items: Sequence[T], workers: int) -> list[Sequence[T]]:
    """`items` cut in order into about `TASKS_PER_WORKER` batches per worker, each at most
    `MAX_BATCH` long (so that work spreads evenly and a big run streams)."""
    if not items:
        return []
    size = max(1, min(MAX_BATCH, math.ceil(len(items) / (workers * TASKS_PER_WORKER))))
    return [items[k : k + size] for k in range(0, len(items), size)]


def story_batches(stories: Sequence[Story], workers: int) -> list[Sequence[Story]]:
    """Stories cut in order into batches of about the same number of articles."""
    total = sum(len(s.articles) for s in stories)
    share = max(1, math.ceil(total / (workers * TASKS_PER_WORKER)))
    out: list[Sequence[Story]] = []
    start = size = 0
    for k, story in enumerate(stories):
        size += len(story.articles)
        if size >= share:
            out.append(stories[start : k + 1])
            start, size = k + 1, 0
    if start < len(stories):
        out.append(stories[start:])
    return out


def ordered(submit: Callable[[T], Any], items: Iterable[T], in_flight: int,
            fetch: Callable[[Any], R] = ray.get) -> Iterator[R]:
    """Submit a task per item, at most `in_flight` at a time, and yield `fetch` of each
    submission's refs in submission order."""
    pending: deque[Any] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= in_flight:
            yield fetch(pending.popleft())
    while pending:
        yield fetch(pending.popleft())


def _prepare_batch(docs: Sequence[Document]) -> tuple[list[Prepared], tuple[list[Page], list[Skipped]]]:
    """Prepare each document (an error skips that one); beside the prepared pages, what the driver
    needs: each page's outlet with the lines of it that `repeated.learn` could count (all that
    learning reads), and the skipped documents."""
    prepared, skipped = split_results(guarded(prepare, d, d.source) for d in docs)
    pages = [(p.outlet, [x.text for x in p.lines if candidate(x.text)]) for p in prepared]
    return prepared, (pages, skipped)


def _finish_batch(prepared: list[Prepared], repeated: frozenset[str]) -> list[Article | Skipped]:
    """Finish the prepared pages of a batch with the repeated lines learned over all pages."""
    step = partial(finish, repeated=repeated)
    return [guarded(step, p, p.doc.source) for p in prepared]


def _synthesize_batch(
    stories: Sequence[Story], members: Sequence[list[AnalyzedArticle]], words: int
) -> list[dict]:
    return [story_document(s, m, words) for s, m in zip(stories, members, strict=True)]


def article_table(articles: Sequence[Article]) -> pa.Table:
    """Articles as an Arrow table of `ARTICLE_SCHEMA` (`meta` as JSON text)."""
    rows = [a.to_dict() | {"meta": json.dumps(a.meta, ensure_ascii=False, default=str)} for a in articles]
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)


def _write_part(articles: Sequence[Article], where: str) -> None:
    pq.write_table(article_table(articles), where)


def write_parquet(articles: Sequence[Article], path: str | Path, *, workers: int | None = None) -> list[str]:
    """Write `articles` as Parquet files `part-NNNNN.parquet` in the directory `path`, in order, a
    task per batch; returns the file names.  On a cluster, `path` must be a file system every node
    reaches (shared disk or an object store URI that pyarrow knows)."""
    connect(None, workers)
    if "://" not in str(path):
        Path(path).mkdir(parents=True, exist_ok=True)
    parts = batches(articles, max(1, int(ray.cluster_resources().get("CPU", 1))))
    names = [f"{str(path).rstrip('/')}/part-{k:05d}.parquet" for k in range(len(parts))]
    write = ray.remote(_write_part)
    ray.get([write.remote(part, name) for part, name in zip(parts, names, strict=True)])
    return names


def read_parquet(path: str | Path) -> list[Article]:
    """The articles of a directory written by `write_parquet`, in their order."""
    rows = pq.read_table(str(path), schema=ARTICLE_SCHEMA).to_pylist()
    return [Article.from_dict(row | {"meta": json.loads(row["meta"] or "{}")}) for row in rows]


def connect(address: str | None, workers: int | None) -> None:
    """Join the Ray cluster at `address`, or start a local Ray with `workers` CPUs (default: all);
    nothing when this process is already connected.  The job carries this package's code, so
    workers run the driver's version of it wherever they are."""
    if ray.is_initialized():
        return
    package = Path(newsfuse.__file__).resolve().parent
    ray.init(
        address=address, num_cpus=None if address else workers, include_dashboard=False,
        runtime_env={"py_modules": [str(package)]}, logging_level=logging.WARNING,
        # Worker output must not reach our stdout: `--json` prints one document there, nothing else.
        log_to_driver=False,
    )


class RayEngine(LocalEngine):
    """Runs the stages on Ray; every result equals `LocalEngine`'s on the same input."""

    name = "ray"

    def __init__(
        self, address: str | None = None, workers: int | None = None, track: Track = no_progress
    ) -> None:
        super().__init__(track)
        connect(address, workers)
        self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        self._prepare = ray.remote(num_returns=2)(_prepare_batch)
        self._finish = ray.remote(_finish_batch)
        self._cluster_prepare = ray.remote(prepare_all)
        self._analyze = ray.remote(analyze_all)
        self._synthesize = ray.remote(_synthesize_batch)

    def _in_flight(self) -> int:
        return self.workers * IN_FLIGHT_PER_WORKER

    def clean(self, docs: Sequence[Document]) -> tuple[list[Article], list[Skipped]]:
        """Clean documents into articles, in two passes over batches (see the module docstring)."""
        parts = batches(docs, self.workers)
        prepared: list[Any] = []
        skipped: list[Skipped] = []

        def gathered(refs: tuple[Any, Any]) -> list[Page]:
            prepared.append(refs[0])
            pages, failed = ray.get(refs[1])
            skipped.extend(failed)
            return pages

        pages = ordered(self._prepare.remote, parts, self._in_flight(), gathered)
        learned = learn(page for part in self.track(pages, "reading pages", len(parts)) for page in part)
        repeated = ray.put(learned)
        finished = ordered(lambda ref: self._finish.remote(ref, repeated), prepared, self._in_flight())
        done = (a for part in self.track(finished, "cleaning", len(parts)) for a in part)
        articles, failed = split_results(done)
        prepared.clear()
        kept, empty = with_text(articles)
        return kept, skipped + failed + empty

    def prepare_for_clustering(self, articles: Iterable[Article]) -> Iterator[ClusterPrepared]:
        """What clustering reads of each article, a task per batch, in order; the story decision
        then runs on the driver (see `LocalEngine.cluster`)."""
        done = ordered(self._cluster_prepare.remote, chunks(articles, MAX_BATCH), self._in_flight())
        for part in done:
            yield from part

    def analyze(self, articles: Sequence[Article]) -> list[AnalyzedArticle]:
        """Split articles into analysed sentences, a task per batch of articles."""
        parts = batches(articles, self.workers)
        done = ordered(self._analyze.remote, parts, self._in_flight())
        return [a for part in self.track(done, "analysing", len(parts)) for a in part]

    def synthesize(
        self, stories: Sequence[Story], analyzed: dict[str, AnalyzedArticle], words: int
    ) -> list[dict]:
        """Build each story's contract object, a task per batch of stories of similar size."""
        parts = story_batches(stories, self.workers)

        def submit(part: Sequence[Story]) -> Any:
            return self._synthesize.remote(part, [[analyzed[a] for a in s.articles] for s in part], words)

        done = ordered(submit, parts, self._in_flight())
        return [s for part in self.track(done, "writing briefs", len(parts)) for s in part]
