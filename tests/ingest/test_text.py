"""Plain-text files: one article each, kept as written; ids stable."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest import document_id
from newsfuse.ingest.text import read_text

from .helpers import read_all


def test_a_text_is_one_document_kept_whole() -> None:
    text = "Flood closes valley road\n\nThe river rose overnight.\nPhoto: Jane Roe\n"
    (doc,) = read_text("a.txt", text.encode("utf-8"), max_bytes=1000)
    assert (doc.kind, doc.content, doc.source, doc.url, doc.fields) == ("text", text, "a.txt", None, {})
    assert doc.id == document_id("a.txt", text)


def test_document_id_is_stable_and_depends_on_source_and_text() -> None:
    assert document_id("a", "t") == document_id("a", "t")
    assert len({document_id("a", "t"), document_id("b", "t"), document_id("a", "u")}) == 3
    assert len(document_id("a", "t")) == 16


def test_binary_text_file_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        list(read_text("x.txt", b"\x00\x01\x02garbage\xff" * 40, max_bytes=10_000))


def test_seeds_read_as_two_text_articles(seed_paths: list[Path]) -> None:
    docs, skipped = read_all([str(p) for p in seed_paths])
    assert skipped == []
    assert [d.source for d in docs] == [str(p) for p in seed_paths]
    for doc, path in zip(docs, seed_paths, strict=True):
        assert doc.kind == "text"
        assert doc.content == path.read_text(encoding="utf-8").replace("\r\n", "\n")
