"""`.txt` inputs: one article per file, kept as it is (finding the title is the cleaner's job).
A text made of Multi-News parts (`|||||` separators) is handed to `multinews`."""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.ingest.decode import decode
from newsfuse.ingest.formats import MULTINEWS_SEPARATOR
from newsfuse.ingest.ids import document_id
from newsfuse.ingest.multinews import multinews_text
from newsfuse.model import Document, Skipped


def read_text(source: str, data: bytes, *, max_bytes: int) -> Iterator[Document | Skipped]:
    """One plain-text file as one document (or the parts of a Multi-News text)."""
    text = decode(data)
    if MULTINEWS_SEPARATOR in text:
        yield from multinews_text(source, text, max_bytes=max_bytes)
    else:
        yield Document(id=document_id(source, text), source=source, kind="text", content=text)
