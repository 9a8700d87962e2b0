"""Multi-News source files: the articles of one example are separated by `|||||`.

In the dataset's own files (`.src`) each line is one example and ``NEWLINE_CHAR`` stands for a
newline: those parts are sourced `path:LINE#K`. A text that uses the separator without that
token is one example, its parts sourced `path#K` (K from 1, counting non-empty parts).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from newsfuse.ingest.decode import decode, open_text
from newsfuse.ingest.formats import MULTINEWS_SEPARATOR
from newsfuse.ingest.ids import document_id
from newsfuse.ingest.streams import cap_text, numbered_lines, read_capped
from newsfuse.model import Document, Skipped

NEWLINE_TOKEN = "NEWLINE_CHAR"


def split_parts(source: str, text: str) -> Iterator[Document]:
    """One text document per non-empty part of one example, sourced `source#K`."""
    parts = (p.replace(NEWLINE_TOKEN, "\n").strip() for p in text.split(MULTINEWS_SEPARATOR))
    for k, part in enumerate((p for p in parts if p), start=1):
        where = f"{source}#{k}"
        yield Document(id=document_id(where, part), source=where, kind="text", content=part)


def _examples(source: str, lines: Iterable[tuple[int, str | None]], max_chars: int,
              ) -> Iterator[Document | Skipped]:
    for lineno, line in lines:
        if line is None:
            yield Skipped(f"{source}:{lineno}", f"line too long (over the {cap_text(max_chars)} cap)")
        else:
            yield from split_parts(f"{source}:{lineno}", line)


def multinews_text(source: str, text: str, *, max_bytes: int) -> Iterator[Document | Skipped]:
    """The documents of a whole Multi-News text: one example per line when it uses the
    dataset's newline token, else one example."""
    if NEWLINE_TOKEN in text:
        yield from _examples(source, numbered_lines(io.StringIO(text), max_bytes), max_bytes)
    else:
        yield from split_parts(source, text)


def read_multinews(source: str, head: bytes, stream: BinaryIO, *, max_bytes: int,
                   ) -> Iterator[Document | Skipped]:
    """A Multi-News file (whose first bytes, `head`, `stream` starts with): streamed line by line
    when it uses the newline token (the dataset's files are hundreds of MB), else read whole."""
    if NEWLINE_TOKEN.encode() in head:
        yield from _examples(source, numbered_lines(open_text(head, stream), max_bytes), max_bytes)
    else:
        yield from split_parts(source, decode(read_capped(stream, max_bytes)))
