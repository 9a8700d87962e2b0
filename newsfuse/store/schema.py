"""The store's tables, its schema version, and the checks run when a file is opened.

A newsfuse store is a DuckDB file whose `meta` table says ``application = newsfuse`` and gives its
`schema_version`.  Opening a store written by an older newsfuse migrates it step by step
(`MIGRATIONS[v]` takes version ``v`` to ``v + 1``); a store from a newer newsfuse is refused rather
than misread.  JSON-valued columns are plain VARCHAR so that no DuckDB extension is ever needed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb

from newsfuse.errors import StoreError

APPLICATION = "newsfuse"
SCHEMA_VERSION = 1

# Article fields in the order of the `articles` table; `removed`, `paragraphs` and `meta` hold JSON.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id", "source", "text", "url", "outlet", "title", "dek", "published", "byline", "dateline",
    "wire", "wire_evidence", "lang", "removed", "paragraphs", "meta",
)
JSON_COLUMNS = frozenset({"removed", "paragraphs", "meta"})
REQUIRED_COLUMNS = frozenset({"id", "source", "text"}) | JSON_COLUMNS

_ARTICLE_DDL = ",\n    ".join(
    f"{name} VARCHAR{' NOT NULL' if name in REQUIRED_COLUMNS else ''}"
    + (" PRIMARY KEY" if name == "id" else "")
    for name in ARTICLE_COLUMNS
)

TABLES: tuple[str, ...] = (
    """CREATE TABLE meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
)""",
    f"""CREATE TABLE articles (
    seq BIGINT NOT NULL,
    {_ARTICLE_DDL},
    added_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
)""",
    "CREATE SEQUENCE skipped_seq",
    """CREATE TABLE skipped (
    seq BIGINT NOT NULL DEFAULT nextval('skipped_seq'),
    source VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    last_seen TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (source, reason)
)""",
    """CREATE TABLE stories (
    seq INTEGER NOT NULL,
    id VARCHAR NOT NULL,
    title VARCHAR NOT NULL
)""",
    """CREATE TABLE story_articles (
    story_id VARCHAR NOT NULL,
    pos INTEGER NOT NULL,
    article VARCHAR NOT NULL
)""",
    "CREATE TABLE cluster_state (state BLOB NOT NULL)",
    """CREATE TABLE story_docs (
    story_id VARCHAR PRIMARY KEY,
    doc VARCHAR NOT NULL
)""",
)

# MIGRATIONS[v]: the statements that take a store from schema version v to v + 1.
MIGRATIONS: Mapping[int, Sequence[str]] = {}


def prepare(con: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool) -> None:
    """Make sure `con` is a current newsfuse store: create the schema in an empty database, migrate
    an older one, and raise `StoreError` for anything else (another program's database, a store
    from a newer newsfuse, an older one opened read-only)."""
    tables = {row[0] for row in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
    ).fetchall()}
    if not tables:
        if read_only:
            raise StoreError(f"cannot open store {path}: it is an empty DuckDB database, not a "
                             "newsfuse store (open it for writing to create one)")
        _create(con)
        return
    version = _version(con, path, tables)
    if version > SCHEMA_VERSION:
        raise StoreError(f"cannot open store {path}: it was written by a newer newsfuse (schema "
                         f"version {version}; this one reads up to {SCHEMA_VERSION}): upgrade newsfuse")
    if version < SCHEMA_VERSION:
        if read_only:
            raise StoreError(f"cannot open store {path} read-only: its schema version {version} is "
                             f"older than {SCHEMA_VERSION}; open it once for writing to migrate it")
        _migrate(con, path, version)


def _version(con: duckdb.DuckDBPyConnection, path: Path, tables: set[str]) -> int:
    values = dict(con.execute("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
    if values.get("application") != APPLICATION or not values.get("schema_version", "").isdigit():
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError(f"cannot open store {path}: it is a DuckDB database but not a newsfuse "
                         f"store (it holds tables: {shown})")
    return int(values["schema_version"])


def _create(con: duckdb.DuckDBPyConnection) -> None:
    # One transaction: a crash while creating leaves an empty database, which the next open creates.
    con.begin()
    for statement in TABLES:
        con.execute(statement)
    con.executemany("INSERT INTO meta VALUES (?, ?)",
                    [("application", APPLICATION), ("schema_version", str(SCHEMA_VERSION))])
    con.commit()


def _migrate(con: duckdb.DuckDBPyConnection, path: Path, version: int) -> None:
    # On any failure the caller closes the connection, which rolls the whole migration back.
    con.begin()
    for step in range(version, SCHEMA_VERSION):
        if step not in MIGRATIONS:
            raise StoreError(f"cannot open store {path}: no migration from schema version {step}; "
                             "re-create the store with `newsfuse ingest`")
        for statement in MIGRATIONS[step]:
            con.execute(statement)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
    con.commit()
