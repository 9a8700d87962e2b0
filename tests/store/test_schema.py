"""Opening a store: clear errors for files that cannot be one, the lock of the one writer, and the
schema version (created, migrated, or refused)."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import duckdb
import pytest

from newsfuse.errors import StoreError
from newsfuse.model import Article
from newsfuse.store import SCHEMA_VERSION, Store, schema

Child = Callable[..., subprocess.Popen[str]]

ADD_NOTE = "ALTER TABLE articles ADD COLUMN note VARCHAR"
HOLD_OPEN = """
import sys
from newsfuse.store import Store
with Store.open(sys.argv[1]):
    print("open", flush=True)
    sys.stdin.readline()
"""


def version_of(path: Path) -> str:
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert row is not None
    return row[0]


def set_version(path: Path, version: int) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])


def test_every_article_field_has_a_column() -> None:
    assert sorted(schema.ARTICLE_COLUMNS) == sorted(f.name for f in fields(Article))


def test_a_new_store_records_its_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    Store.open(path).close()
    assert version_of(path) == str(SCHEMA_VERSION)


def make_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()


@pytest.mark.parametrize(("write", "reason"), [
    (lambda p: p.write_bytes(bytes(range(256)) * 40), "not a DuckDB database"),
    (lambda p: p.write_text("id,text\n1,hello\n"), "not a DuckDB database"),
    (make_sqlite, "not a DuckDB database"),
    (lambda p: p.write_bytes(b""), "an empty file"),
])
def test_a_file_that_is_not_duckdb_is_refused_and_left_untouched(tmp_path: Path, write, reason: str) -> None:
    path = tmp_path / "data.db"
    write(path)
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"cannot open store {re.escape(str(path))}: it is {reason}"):
            Store.open(path, read_only=read_only)
    assert path.read_bytes() == before


def test_another_programs_duckdb_database_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE sales (id INTEGER)")
    with pytest.raises(StoreError, match=r"not a newsfuse store .*sales"):
        Store.open(path)


def test_an_empty_duckdb_database_becomes_a_store_only_when_writable(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="empty DuckDB database"):
        Store.open(path, read_only=True)
    with Store.open(path) as s:
        assert s.count_articles() == 0


def test_a_missing_directory_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such"
    with pytest.raises(StoreError, match=f"the directory {re.escape(str(missing))} does not exist"):
        Store.open(missing / "news.duckdb")
    assert not missing.exists()


def test_a_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)


def test_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    with pytest.raises(StoreError, match="no such file"):
        Store.open(path, read_only=True)
    assert not path.exists()


def test_a_store_has_one_writer(tmp_path: Path, child: Child) -> None:
    path = tmp_path / "news.duckdb"
    holder = child(HOLD_OPEN, str(path))
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "open\n"
    for read_only in (False, True):
        with pytest.raises(StoreError, match=rf"locked by another process \(PID {holder.pid}\)"):
            Store.open(path, read_only=read_only)
    holder.stdin.write("done\n")
    holder.stdin.flush()
    assert holder.wait() == 0
    Store.open(path).close()


def test_a_store_from_a_newer_newsfuse_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    Store.open(path).close()
    set_version(path, SCHEMA_VERSION + 1)
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"newer newsfuse .*version {SCHEMA_VERSION + 1}"):
            Store.open(path, read_only=read_only)
    assert version_of(path) == str(SCHEMA_VERSION + 1)


def older_store(path: Path, monkeypatch: pytest.MonkeyPatch, *, versions_behind: int) -> None:
    """A store at today's version while newsfuse is `versions_behind` ahead, with one migration
    (adding `articles.note`) from today's version only."""
    Store.open(path).close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + versions_behind)
    monkeypatch.setattr(schema, "MIGRATIONS", {SCHEMA_VERSION: [ADD_NOTE]})


def has_note(path: Path) -> bool:
    with duckdb.connect(str(path), read_only=True) as con:
        return "note" in {row[0] for row in con.execute("DESCRIBE articles").fetchall()}


def test_an_older_store_is_migrated_when_opened_for_writing(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "news.duckdb"
    older_store(path, monkeypatch, versions_behind=1)
    with pytest.raises(StoreError, match="open it once for writing to migrate"):
        Store.open(path, read_only=True)
    Store.open(path).close()
    assert version_of(path) == str(SCHEMA_VERSION + 1)
    assert has_note(path)


def test_an_older_store_without_a_migration_is_refused_unchanged(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "news.duckdb"
    older_store(path, monkeypatch, versions_behind=2)
    with pytest.raises(StoreError, match=f"no migration from schema version {SCHEMA_VERSION + 1}"):
        Store.open(path)
    assert version_of(path) == str(SCHEMA_VERSION)
    assert not has_note(path)
