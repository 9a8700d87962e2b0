"""The web server's read access to a store: a snapshot of the stories and of every article's
metadata, kept in memory and rebuilt when the store file changes.

The server must not hold the DuckDB file open between requests (the CLI may write to it while the
server runs), so every read opens the store read-only, briefly, under one lock; what the list pages
need is computed once per version of the file, and per-story results are memoised for it too.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from newsfuse.errors import NotFound
from newsfuse.model import JSON, Article, Skipped
from newsfuse.store import Store

T = TypeVar("T")

MEMO_SIZE = 256


@dataclass(frozen=True)
class ArticleMeta:
    """What the lists and the story page show of an article besides its text."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    wire: str | None

    @classmethod
    def of(cls, article: Article) -> ArticleMeta:
        return cls(article.id, article.source, article.outlet, article.title, article.url, article.published,
                   article.wire)

    @classmethod
    def unknown(cls, article_id: str) -> ArticleMeta:
        """The metadata of an article id that the store does not hold."""
        return cls(article_id, "", None, None, None, None, None)

    def to_dict(self) -> JSON:
        return {"id": self.id, "source": self.source, "outlet": self.outlet, "title": self.title,
                "url": self.url, "published": self.published, "wire": self.wire}


@dataclass(frozen=True)
class Snapshot:
    """One version of the store: its stories (contract story objects, store order), every article's
    metadata, and which story each article belongs to."""

    stories: tuple[JSON, ...]
    articles: Mapping[str, ArticleMeta]
    story_of: Mapping[str, str]
    by_id: Mapping[str, JSON]

    def story(self, story_id: str) -> JSON:
        """The story object with this id, or `NotFound`."""
        story = self.by_id.get(story_id)
        if story is None:
            raise NotFound(f"no story {story_id!r} in this store")
        return story


def _read_snapshot(store: Store) -> Snapshot:
    docs = store.load_story_docs()
    # A story clustered but not yet briefed still has an id, a title and its articles.
    stories = tuple(docs.get(s.id) or s.to_dict() for s in store.load_stories())
    articles = {a.id: ArticleMeta.of(a) for a in store.iter_articles()}
    story_of = {a: s["id"] for s in stories for a in s.get("articles", ())}
    return Snapshot(stories, articles, story_of, {s["id"]: s for s in stories})


class Library:
    """Read access to the store at `db` for many threads at once (create it if missing)."""

    def __init__(self, db: str | Path) -> None:
        self.db = Path(db)
        self._lock = threading.RLock()
        self._version: tuple[Any, ...] | None = None
        self._snapshot: Snapshot | None = None
        self._memo: OrderedDict[tuple[str, str], Any] = OrderedDict()
        if not self.db.exists():
            with Store.open(self.db):
                pass

    def _file_version(self) -> tuple[Any, ...]:
        """A cheap fingerprint of the store file and its write-ahead log."""
        out: list[Any] = []
        for path in (self.db, self.db.with_name(self.db.name + ".wal")):
            try:
                st = path.stat()
                out.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                out.append(None)
        return tuple(out)

    @contextmanager
    def _reading(self) -> Iterator[Store]:
        with self._lock, Store.open(self.db, read_only=True) as store:
            yield store

    def snapshot(self) -> Snapshot:
        """The current snapshot, re-read if the store file changed since the last one."""
        version = self._file_version()
        snap = self._snapshot
        if snap is not None and version == self._version:
            return snap
        with self._reading() as store:
            snap = _read_snapshot(store)
        with self._lock:
            self._snapshot, self._version = snap, version
            self._memo.clear()
        return snap

    def memo(self, kind: str, key: str, build: Callable[[Snapshot], T]) -> T:
        """`build(snapshot)`, computed once per store version for each (`kind`, `key`)."""
        snap = self.snapshot()
        with self._lock:
            if (kind, key) in self._memo:
                self._memo.move_to_end((kind, key))
                return self._memo[kind, key]
        value = build(snap)
        with self._lock:
            if self._snapshot is snap:
                self._memo[kind, key] = value
                while len(self._memo) > MEMO_SIZE:
                    self._memo.popitem(last=False)
        return value

    def articles(self, ids: Sequence[str]) -> dict[str, Article]:
        """The stored articles with these ids (absent ids are left out)."""
        known = self.snapshot().articles
        wanted = [i for i in ids if i in known]
        with self._reading() as store:
            return {a.id: a for a in store.iter_articles(wanted)} if wanted else {}

    def skipped(self) -> list[Skipped]:
        """Every input that ingest had to skip, oldest first."""
        with self._reading() as store:
            return store.load_skipped()

    def article(self, article_id: str) -> Article:
        """One stored article, or `NotFound`."""
        with self._reading() as store:
            return store.get_article(article_id)

    @contextmanager
    def writing(self) -> Iterator[Path]:
        """Hold every reader off while a write runs on the store path; the next read sees it."""
        with self._lock:
            try:
                yield self.db
            finally:
                self._version = None
