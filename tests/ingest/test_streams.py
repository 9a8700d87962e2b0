"""The input stream (put-back bytes, kept read errors), capped reads and bounded lines."""

from __future__ import annotations

import gzip
import io

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.streams import InputStream, numbered_lines, read_capped, read_head


def test_unread_puts_the_head_back_and_tracks_the_position() -> None:
    stream = InputStream(io.BytesIO(b"abcdefgh"))
    head = read_head(stream, 3)
    assert (head, stream.tell()) == (b"abc", 3)
    stream.unread(head)
    assert stream.tell() == 0
    assert stream.read() == b"abcdefgh"


def test_a_truncated_gzip_ends_the_stream_after_what_it_held() -> None:
    whole = gzip.compress(b"line\n" * 50_000)
    stream = InputStream(gzip.GzipFile(fileobj=io.BytesIO(whole[: len(whole) // 2])))
    data = stream.read()
    assert data and set(data.split(b"\n")[:-1]) == {b"line"}
    error = stream.take_error()
    assert error and "end-of-stream" in error
    assert stream.take_error() is None


def test_read_capped_stops_at_the_cap() -> None:
    assert read_capped(io.BytesIO(b"x" * 10), 10) == b"x" * 10
    with pytest.raises(InputError, match="over the"):
        read_capped(io.BytesIO(b"x" * 11), 10)


def test_numbered_lines_skip_an_overlong_line() -> None:
    text = io.StringIO("short\n" + "y" * 100 + "\nafter\n")
    assert list(numbered_lines(text, 10)) == [(1, "short\n"), (2, None), (3, "after\n")]
