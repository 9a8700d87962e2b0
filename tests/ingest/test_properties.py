"""No reader crashes, whatever it is given: it yields documents and skips, or refuses the whole
input with an `InputError` that `read_inputs` turns into one `Skipped`."""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.errors import InputError
from newsfuse.ingest.csv import read_csv
from newsfuse.ingest.feed import read_feed
from newsfuse.ingest.html import read_html
from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.ingest.multinews import read_multinews
from newsfuse.ingest.streams import InputStream
from newsfuse.ingest.text import read_text
from newsfuse.ingest.warc import read_warc
from newsfuse.model import Document, Skipped

from .helpers import read_all

EXTENSIONS = ["txt", "html", "json", "jsonl", "csv", "warc", "xml", "src", "txt.gz", "warc.gz", "bin"]
# NEWSFUSE_FUZZ_EXAMPLES=2000 runs a longer search when changing a reader.
SETTINGS = settings(max_examples=int(os.environ.get("NEWSFUSE_FUZZ_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
PIECES = [b"{", b"}", b'"text"', b":", b",", b"\n", b"WARC/1.0\r\n", b"Content-Length: 5\r\n", b"\r\n",
          b"<rss>", b"<item>", b"<html>", b"|||||", b"NEWLINE_CHAR", b"text,id", b"\xe9", b"\x93", b"\x00"]
# Bytes that look a little like the formats, so the parsers get past their first check.
shaped = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=300).map(str.encode),
    st.lists(st.sampled_from(PIECES), max_size=40).map(b"".join),
)


def _check(items: list[Document | Skipped]) -> None:
    assert all(isinstance(i, Document | Skipped) for i in items)
    assert all(i.reason and "\n" not in i.reason for i in items if isinstance(i, Skipped))
    assert all(i.content for i in items if isinstance(i, Document))


@SETTINGS
@given(data=shaped, extension=st.sampled_from(EXTENSIONS), compress=st.booleans())
def test_read_inputs_never_raises(data: bytes, extension: str, compress: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input.{extension}"
        path.write_bytes(gzip.compress(data) if compress or extension.endswith(".gz") else data)
        docs, skipped = read_all([str(path)])
    _check([*docs, *skipped])
    assert docs or skipped


@SETTINGS
@given(data=shaped)
def test_stdin_never_raises(data: bytes) -> None:
    docs, skipped = read_all(["-"], stdin=io.BytesIO(data))
    _check([*docs, *skipped])


@SETTINGS
@given(data=shaped)
def test_each_reader_only_refuses_with_input_error(data: bytes) -> None:
    head = data[:65536]
    readers = [
        lambda: read_text("t", data, max_bytes=10_000),
        lambda: read_html("h", data),
        lambda: read_json("j", data, max_bytes=10_000),
        lambda: read_feed("f", data),
        lambda: read_jsonl("l", head, InputStream(io.BytesIO(data)), max_bytes=10_000),
        lambda: read_csv("c", head, InputStream(io.BytesIO(data)), max_bytes=10_000),
        lambda: read_multinews("m", head, InputStream(io.BytesIO(data)), max_bytes=10_000),
        lambda: read_warc("w", InputStream(io.BytesIO(data)), max_bytes=10_000),
    ]
    for reader in readers:
        try:
            items = list(reader())
        except InputError as err:
            assert str(err)
            continue
        _check(items)


@SETTINGS
@given(lines=st.lists(st.one_of(st.text(max_size=80),
                                st.dictionaries(st.sampled_from(["text", "id", "url", "title", "x"]),
                                                st.one_of(st.text(max_size=20), st.integers(), st.none()))
                                .map(json.dumps)), max_size=12))
def test_jsonl_lines_each_give_one_item_or_nothing(lines: list[str]) -> None:
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    data = "\n".join(lines).encode()
    try:
        items = list(read_jsonl("l", data[:65536], InputStream(io.BytesIO(data)), max_bytes=10_000))
    except InputError:
        return
    _check(items)
    numbered = [i.source for i in items]
    assert len(numbered) == len(set(numbered))
    assert len(items) == sum(1 for line in lines if line.strip())
