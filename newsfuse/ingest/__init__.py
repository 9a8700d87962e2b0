"""Readers: every source kind (text, HTML, JSON/JSONL, CSV, WARC, RSS/Atom, Multi-News, `.gz` of
any, directories, globs, stdin, URLs) to `Document`s, and a `Skipped` for each bad input."""

from __future__ import annotations

from newsfuse.ingest.ids import document_id
from newsfuse.ingest.read import MAX_BYTES, read_inputs
from newsfuse.ingest.url import check_url

__all__ = ["MAX_BYTES", "check_url", "document_id", "read_inputs"]
