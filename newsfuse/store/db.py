"""The embedded store: one DuckDB file holding the articles, the skipped-inputs log, the stories with
the clustering state, and the per-story results of later stages.

A store has one writer at a time (DuckDB locks the file) and every write is one transaction, so a
crash leaves what was committed intact and the file readable.  DuckDB errors never leave this
module: they become `StoreError`s naming the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from newsfuse.errors import NotFound, StoreError
from newsfuse.model import Article, Skipped, Story
from newsfuse.store import schema
from newsfuse.store.rows import article_row, column_lists, dumps, row_article

# Never fetch a DuckDB extension: opening a SQLite file would otherwise try to download one.
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file
_WINDOW = 1000  # `seq` values read per query when streaming all articles

_COLUMNS = ", ".join(schema.ARTICLE_COLUMNS)
_SELECT_ARTICLES = f"SELECT {_COLUMNS} FROM articles"
_INSERT_ARTICLES = (
    f"INSERT OR IGNORE INTO articles (seq, {_COLUMNS}) SELECT unnest($1::BIGINT[]), "
    + ", ".join(f"unnest(${i}::VARCHAR[])" for i in range(2, len(schema.ARTICLE_COLUMNS) + 2))
)


@dataclass(frozen=True)
class AddResult:
    """How many articles an `add_articles` call stored, and how many the store already held."""

    added: int = 0
    existing: int = 0

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(self.added + other.added, self.existing + other.existing)


class Store:
    """An open store; use `Store.open(path)` as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (or, unless `read_only`, create) the store at `path`, migrating an older schema.

        Raises `StoreError` with the reason when the file cannot be a store: a missing directory,
        a file that is not a DuckDB database or not a newsfuse store, a store from a newer
        newsfuse, or a file locked by another process.
        """
        p = Path(path).expanduser()
        _check_path(p, read_only)
        con = _connect(p, read_only)
        try:
            with _translated(p):
                schema.prepare(con, p, read_only=read_only)
        except BaseException:
            con.close()
            raise
        return cls(con, p, read_only)

    def close(self) -> None:
        """Close the store (committed work is already on disk); closing twice is harmless."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with _translated(self.path):
            yield self._con

    @contextmanager
    def _writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only: it cannot be written")
        with _translated(self.path):
            self._con.begin()
            try:
                yield self._con
            except BaseException:
                self._con.rollback()
                raise
            self._con.commit()

    # --- articles ---

    def add_articles(self, articles: Iterable[Article], *, batch_size: int = 200,
                     on_batch: Callable[[AddResult], None] | None = None) -> AddResult:
        """Add articles, `batch_size` per transaction; an id the store holds is left as it is.

        `on_batch` is called after each batch is committed (for progress), with that batch's counts.
        Within a batch the first article of an id wins and the others count as existing.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        total = AddResult()
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            result = self._add_batch(batch)
            total += result
            if on_batch is not None:
                on_batch(result)
        return total

    def _add_batch(self, batch: list[Article]) -> AddResult:
        first: dict[str, Article] = {}
        for article in batch:
            first.setdefault(article.id, article)
        rows = [article_row(a) for a in first.values()]
        with self._writing() as con:
            base = _scalar(con, "SELECT coalesce(max(seq) + 1, 0) FROM articles")
            seqs = list(range(base, base + len(rows)))
            added = _scalar(con, _INSERT_ARTICLES, [seqs, *column_lists(rows, len(schema.ARTICLE_COLUMNS))])
        return AddResult(added, len(batch) - added)

    def get_article(self, article_id: str) -> Article:
        """The stored article of that id; `NotFound` if there is none."""
        with self._reading() as con:
            row = con.execute(f"{_SELECT_ARTICLES} WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id!r} in store {self.path}")
        return row_article(row)

    def iter_articles(self, ids: Sequence[str] | None = None) -> Iterator[Article]:
        """The stored articles (all, or those of `ids`) in the order they were added.

        Raises `NotFound` (before yielding anything) if an id of `ids` is not stored.  All articles
        are streamed a window at a time, so a large store is never held in memory.
        """
        if ids is not None:
            yield from self._some_articles(ids)
            return
        with self._reading() as con:
            last = _scalar(con, "SELECT coalesce(max(seq), -1) FROM articles")
        for low in range(0, last + 1, _WINDOW):
            with self._reading() as con:
                rows = con.execute(f"{_SELECT_ARTICLES} WHERE seq >= ? AND seq < ? ORDER BY seq",
                                   [low, low + _WINDOW]).fetchall()
            yield from map(row_article, rows)

    def _some_articles(self, ids: Sequence[str]) -> list[Article]:
        wanted = list(dict.fromkeys(ids))
        with self._reading() as con:
            rows = con.execute(f"{_SELECT_ARTICLES} WHERE id IN (SELECT unnest($1::VARCHAR[])) "
                               "ORDER BY seq", [wanted]).fetchall()
        if len(rows) < len(wanted):
            missing = sorted(set(wanted) - {row[0] for row in rows})
            shown = ", ".join(repr(i) for i in missing[:5]) + (" ..." if len(missing) > 5 else "")
            raise NotFound(f"{len(missing)} article(s) not in store {self.path}: {shown}")
        return [row_article(row) for row in rows]

    def count_articles(self) -> int:
        """How many articles the store holds."""
        with self._reading() as con:
            return _scalar(con, "SELECT count(*) FROM articles")

    def article_ids(self) -> list[str]:
        """The ids of the stored articles, in the order they were added."""
        with self._reading() as con:
            return [row[0] for row in con.execute("SELECT id FROM articles ORDER BY seq").fetchall()]

    # --- skipped inputs ---

    def record_skipped(self, items: Iterable[Skipped]) -> None:
        """Log skipped inputs; one entry per (source, reason), its `last_seen` time refreshed."""
        rows = list(dict.fromkeys((s.source, s.reason) for s in items))
        if not rows:
            return
        with self._writing() as con:
            con.execute("INSERT INTO skipped (source, reason) SELECT unnest($1::VARCHAR[]), "
                        "unnest($2::VARCHAR[]) ON CONFLICT DO UPDATE SET last_seen = now()",
                        column_lists(rows, 2))

    def load_skipped(self) -> list[Skipped]:
        """The logged skipped inputs, in the order they were first seen."""
        with self._reading() as con:
            rows = con.execute("SELECT source, reason FROM skipped ORDER BY seq").fetchall()
        return [Skipped(source, reason) for source, reason in rows]

    # --- stories and the clustering state ---

    def save_stories(self, stories: Sequence[Story], state: bytes | None) -> None:
        """Replace the stories and the clustering state together, in one transaction.

        The per-story results (`save_story_docs`) of a story that is gone, or whose title or
        articles changed, are dropped with it: they no longer describe it.
        """
        ids = [s.id for s in stories]
        if len(set(ids)) != len(ids):
            raise ValueError("story ids must be unique")
        members = [(s.id, pos, a) for s in stories for pos, a in enumerate(s.articles)]
        with self._writing() as con:
            new = {s.id: s for s in stories}
            stale = [s.id for s in _load_stories(con) if new.get(s.id) != s]
            con.execute("DELETE FROM story_docs WHERE story_id <> ALL($1::VARCHAR[]) "
                        "OR story_id = ANY($2::VARCHAR[])", [ids, stale])
            for table in ("stories", "story_articles", "cluster_state"):
                con.execute(f"DELETE FROM {table}")
            con.execute("INSERT INTO stories SELECT unnest($1::INTEGER[]), unnest($2::VARCHAR[]), "
                        "unnest($3::VARCHAR[])", [list(range(len(stories))), ids, [s.title for s in stories]])
            con.execute("INSERT INTO story_articles SELECT unnest($1::VARCHAR[]), unnest($2::INTEGER[]), "
                        "unnest($3::VARCHAR[])", column_lists(members, 3))
            if state is not None:
                con.execute("INSERT INTO cluster_state VALUES (?)", [state])

    def load_stories(self) -> list[Story]:
        """The stories of the last `save_stories`, in the order they were given."""
        with self._reading() as con:
            return _load_stories(con)

    def load_cluster_state(self) -> bytes | None:
        """The clustering state of the last `save_stories`, or None if there is none."""
        with self._reading() as con:
            row = con.execute("SELECT state FROM cluster_state").fetchone()
        return None if row is None else bytes(row[0])

    # --- per-story results ---

    def save_story_docs(self, docs: Mapping[str, dict[str, Any]]) -> None:
        """Store each story's JSON object (story id -> object), replacing an earlier one."""
        if not docs:
            return
        rows = [(story_id, dumps(doc)) for story_id, doc in docs.items()]
        with self._writing() as con:
            con.execute("INSERT INTO story_docs SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]) "
                        "ON CONFLICT DO UPDATE SET doc = excluded.doc", column_lists(rows, 2))

    def load_story_doc(self, story_id: str) -> dict[str, Any]:
        """The stored JSON object of one story; `NotFound` if there is none."""
        with self._reading() as con:
            row = con.execute("SELECT doc FROM story_docs WHERE story_id = ?", [story_id]).fetchone()
        if row is None:
            raise NotFound(f"no results for story {story_id!r} in store {self.path}")
        return json.loads(row[0])

    def load_story_docs(self) -> dict[str, dict[str, Any]]:
        """Every stored story object by story id, in the order of the stories."""
        with self._reading() as con:
            rows = con.execute("SELECT d.story_id, d.doc FROM story_docs d LEFT JOIN stories s "
                               "ON s.id = d.story_id ORDER BY s.seq NULLS LAST, d.story_id").fetchall()
        return {story_id: json.loads(doc) for story_id, doc in rows}


def _load_stories(con: duckdb.DuckDBPyConnection) -> list[Story]:
    rows = con.execute(
        "SELECT s.id, s.title, coalesce(m.articles, []) FROM stories s LEFT JOIN "
        "(SELECT story_id, list(article ORDER BY pos) AS articles FROM story_articles GROUP BY story_id) m "
        "ON m.story_id = s.id ORDER BY s.seq"
    ).fetchall()
    return [Story(story_id, title, tuple(articles)) for story_id, title, articles in rows]


def _scalar(con: duckdb.DuckDBPyConnection, query: str, params: Sequence[Any] | None = None) -> int:
    row = con.execute(query, params).fetchone()
    assert row is not None  # aggregates and INSERT always return one row
    return int(row[0])


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """DuckDB errors as `StoreError`s that name the store."""
    try:
        yield
    except duckdb.Error as e:
        raise StoreError(f"store {path}: {str(e).splitlines()[0]}") from e


def _check_path(path: Path, read_only: bool) -> None:
    """Refuse, with the reason, a path that cannot hold a store, before DuckDB sees it."""
    def refuse(reason: str) -> StoreError:
        return StoreError(f"cannot open store {path}: {reason}")

    if path.is_dir():
        raise refuse("it is a directory (give a file path, such as news.duckdb)")
    if not path.exists():
        if not path.parent.is_dir():
            raise refuse(f"the directory {path.parent} does not exist")
        if read_only:
            raise refuse("there is no such file (create it with `newsfuse ingest --db`)")
        return
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except OSError as e:
        raise refuse(e.strerror or str(e)) from e
    if head[8:12] != _MAGIC:
        what = "an empty file" if not head else "not a DuckDB database"
        raise refuse(f"it is {what}, so not a newsfuse store")


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only, config=_CONFIG)
    except duckdb.Error as e:
        message = str(e)
        if "different configuration" in message:
            raise StoreError(f"cannot open store {path}: it is already open in this process "
                             f"{'for writing' if read_only else 'read-only'}") from e
        if "lock" in message:
            pid = re.search(r"PID \d+", message)
            holder = f" ({pid.group(0)})" if pid else ""
            raise StoreError(f"cannot open store {path}: it is locked by another process{holder}; a "
                             "store has one writer at a time, so wait for that one to finish") from e
        raise StoreError(f"cannot open store {path}: {message.splitlines()[0]}") from e
