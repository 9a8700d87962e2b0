"""`read_inputs`: every input the user named, read by the reader its format needs.

The format comes from the name (`.gz` of any format is decompressed first), else from the HTTP
content type, else from the first bytes. Whole-document formats are read into memory under the
size cap; record formats are streamed and the cap applies to each record. Nothing here raises
for a bad input: each problem becomes one `Skipped` and the batch goes on.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO
from urllib.parse import urlsplit

from newsfuse.errors import InputError, NewsfuseError
from newsfuse.ingest.csv import read_csv
from newsfuse.ingest.feed import read_feed
from newsfuse.ingest.formats import GZIP_MAGIC, WHOLE, format_from_content_type, format_from_name, sniff
from newsfuse.ingest.html import read_html
from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.ingest.multinews import read_multinews
from newsfuse.ingest.sources import expand, is_url
from newsfuse.ingest.streams import InputStream, cap_text, megabytes, read_capped, read_head
from newsfuse.ingest.text import read_text
from newsfuse.ingest.url import fetch
from newsfuse.ingest.warc import read_warc
from newsfuse.model import Document, Skipped

MAX_BYTES = 50_000_000
Item = Document | Skipped


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "unknown error"


def _guarded(source: str, items: Iterator[Item]) -> Iterator[Item]:
    """`items`, with whatever goes wrong reading them turned into one `Skipped` for `source`, and
    one too when the input held nothing at all, so that every input is accounted for."""
    found = False
    try:
        for item in items:
            found = True
            yield item
    except NewsfuseError as err:
        yield Skipped(source, _one_line(str(err)))
    except OSError as err:
        yield Skipped(source, _one_line((err.strerror or str(err)).lower()))
    except Exception as err:  # a bad input must never stop the batch, whatever it trips on
        yield Skipped(source, _one_line(f"unexpected error: {type(err).__name__}: {err}"))
    else:
        if not found:
            yield Skipped(source, "no articles found in it")


def _whole(fmt: str, source: str, data: bytes, *, url: str | None, charset: str | None,
           max_bytes: int) -> Iterator[Item]:
    if fmt == "html":
        return read_html(source, data, url=url, charset=charset)
    if fmt == "json":
        return read_json(source, data, max_bytes=max_bytes)
    if fmt == "feed":
        return read_feed(source, data, url=url)
    return read_text(source, data, max_bytes=max_bytes)


def _streamed(fmt: str, source: str, head: bytes, stream: InputStream, *, max_bytes: int) -> Iterator[Item]:
    if fmt == "warc":
        return read_warc(source, stream, max_bytes=max_bytes)
    if fmt == "csv":
        return read_csv(source, head, stream, max_bytes=max_bytes)
    if fmt == "multinews":
        return read_multinews(source, head, stream, max_bytes=max_bytes)
    return read_jsonl(source, head, stream, max_bytes=max_bytes)


def _truncated(stream: InputStream) -> InputError | None:
    error = stream.take_error()
    return InputError(f"truncated or corrupt data ({error})") if error else None


def _read_stream(source: str, raw: BinaryIO, fmt: str | None, *, gzipped: bool, size: int | None,
                 max_bytes: int, url: str | None = None, charset: str | None = None) -> Iterator[Item]:
    """Read one input from a byte stream; `fmt` None means sniff it, `size` is its size on disk."""
    stream = InputStream(gzip.GzipFile(fileobj=raw) if gzipped else raw)
    head = read_head(stream)
    if head.startswith(GZIP_MAGIC) and not gzipped:
        stream.unread(head)
        stream, size = InputStream(gzip.GzipFile(fileobj=stream)), None
        head = read_head(stream)
    stream.unread(head)
    if not head.strip():
        raise _truncated(stream) or InputError("empty file")
    fmt = fmt or sniff(head)
    if fmt in WHOLE:
        if size is not None and size > max_bytes:
            raise InputError(f"file too large ({megabytes(size)} > {cap_text(max_bytes)} cap)")
        data = read_capped(stream, max_bytes)
        if error := _truncated(stream):
            raise error
        yield from _whole(fmt, source, data, url=url, charset=charset, max_bytes=max_bytes)
    else:
        yield from _streamed(fmt, source, head, stream, max_bytes=max_bytes)
        if error := _truncated(stream):
            yield Skipped(source, str(error))


def _read_file(path: str, *, max_bytes: int) -> Iterator[Item]:
    fmt, gzipped = format_from_name(path)
    info = os.stat(path)
    size = info.st_size if stat.S_ISREG(info.st_mode) and not gzipped else None
    with open(path, "rb") as raw:
        yield from _read_stream(path, raw, fmt, gzipped=gzipped, size=size, max_bytes=max_bytes)


def _read_url(url: str, *, allow_private: bool, max_bytes: int) -> Iterator[Item]:
    fetched = fetch(url, allow_private=allow_private, max_bytes=max_bytes)
    fmt = format_from_content_type(fetched.content_type) or format_from_name(urlsplit(fetched.url).path)[0]
    yield from _read_stream(url, io.BytesIO(fetched.data), fmt, gzipped=False, size=len(fetched.data),
                            max_bytes=max_bytes, url=fetched.url, charset=fetched.charset)


def read_inputs(
    inputs: Sequence[str], *, allow_private: bool = False, stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Document | Skipped]:
    """Every document of every input, in input order, and a `Skipped` for each bad one.

    Inputs are files, directories, glob patterns, http(s) URLs and ``-`` (`stdin`, else the
    process's standard input). `max_bytes` caps what is held in memory for one document: a whole
    text, HTML, JSON or feed file, one record of a JSONL/CSV/WARC/Multi-News file, a URL's body.
    URLs to loopback, private or link-local addresses are refused unless `allow_private`.
    """
    seen: set[str] = set()
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded("-", _read_stream("-", stream, None, gzipped=False, size=None,
                                                  max_bytes=max_bytes))
        elif is_url(item):
            yield from _guarded(item, _read_url(item, allow_private=allow_private, max_bytes=max_bytes))
        else:
            for path in expand(item):
                if isinstance(path, Skipped):
                    yield path
                    continue
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    yield from _guarded(path, _read_file(path, max_bytes=max_bytes))
