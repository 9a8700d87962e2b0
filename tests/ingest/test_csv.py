"""CSV files: a header, one record per row (multi-line cells allowed), rows numbered by line."""

from __future__ import annotations

import io

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.csv import read_csv
from newsfuse.model import Document, Skipped


def _csv(data: bytes) -> list[Document | Skipped]:
    return list(read_csv("f.csv", data[:65536], io.BytesIO(data), max_bytes=100_000))


def test_rows_become_records_with_line_numbers() -> None:
    data = (b'id,text,outlet,section\n'
            b'a,"First story,\nspanning two lines",x.example,world\n'
            b'\n'
            b'b,,y.example,\n'
            b'c,Third story,,sport\n')
    items = _csv(data)
    assert [(i.source, type(i).__name__) for i in items] == [
        ("f.csv:2", "Document"), ("f.csv:5", "Skipped"), ("f.csv:6", "Document")]
    first, empty, third = items
    assert isinstance(first, Document) and isinstance(third, Document) and isinstance(empty, Skipped)
    assert (first.id, first.content, first.fields, first.extra) == (
        "a", "First story,\nspanning two lines", {"outlet": "x.example"}, {"section": "world"})
    assert empty.reason == "'text' is empty"
    assert third.fields == {} and third.extra == {"section": "sport"}


def test_a_row_with_too_many_fields_is_skipped() -> None:
    items = _csv(b"text,title\nbody,t,extra\nfine,t\n")
    assert [type(i).__name__ for i in items] == ["Skipped", "Document"]


def test_latin1_csv_comes_out_right() -> None:
    (doc,) = _csv("text\n\"Le café a fermé — dit-il\"\n".encode("cp1252"))
    assert isinstance(doc, Document) and doc.content == "Le café a fermé — dit-il"


def test_a_header_without_text_is_refused() -> None:
    with pytest.raises(InputError, match="no 'text' column"):
        _csv(b"id,body\n1,x\n")
