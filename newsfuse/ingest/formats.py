"""Which reader an input needs: from its name, its declared content type, or its first bytes.

Formats: ``text``, ``html``, ``json`` (one object, a list of objects, or JSON lines), ``jsonl``,
``csv``, ``warc``, ``feed`` (RSS/Atom) and ``multinews`` (Multi-News source files).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import PurePosixPath

from newsfuse.ingest.decode import bom_encoding

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".warc": "warc",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".src": "multinews", ".multinews": "multinews",
}

# Formats read whole into memory (so the size cap applies to the whole input); the others are
# streamed record by record (the cap applies to each record).
WHOLE = frozenset({"text", "html", "json", "feed"})

_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html",
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "text/csv": "csv",
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": None, "text/xml": None, "text/plain": None,
}

GZIP_MAGIC = b"\x1f\x8b"
MULTINEWS_SEPARATOR = "|||||"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(\s[^<>]*)?/?>")
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"\s*<([a-zA-Z][a-zA-Z0-9:._-]*)")
_HTML_SCAN = 1 << 16
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
_HTML_ROOTS = frozenset({"html", "head", "body"})


def format_from_name(name: str) -> tuple[str | None, bool]:
    """`(format, gzipped)` from a file name or URL path; format is None when the name says nothing.

    The last known suffix decides (``train.src.cleaned`` is Multi-News, ``a.warc.gz`` WARC).
    """
    suffixes = [s.lower() for s in PurePosixPath(name.replace("\\", "/")).suffixes]
    gzipped = bool(suffixes) and suffixes[-1] in (".gz", ".gzip")
    if gzipped:
        suffixes.pop()
    return next((EXTENSIONS[s] for s in reversed(suffixes) if s in EXTENSIONS), None), gzipped


def format_from_content_type(content_type: str | None) -> str | None:
    """The format a MIME type names (None when it says nothing precise, e.g. text/plain or xml)."""
    return _CONTENT_TYPES.get(content_type or "")


def allowed_content_type(content_type: str) -> bool:
    """Whether a fetched body of this MIME type may hold articles (HTML, feeds, text, JSON)."""
    return (
        content_type in _CONTENT_TYPES
        or content_type.startswith("text/")
        or content_type.endswith(("+xml", "+json"))
    )


def looks_like_html(text: str) -> bool:
    """Markup rather than prose: starts with ``<`` and holds at least two tags."""
    stripped = text.lstrip()
    if not stripped.startswith("<"):
        return False
    tags = _TAG.finditer(stripped, 0, _HTML_SCAN)
    return next(tags, None) is not None and next(tags, None) is not None


def has_markup(text: str) -> bool:
    """Whether `text` holds at least one HTML tag anywhere."""
    return _TAG.search(text) is not None


def _markup_root(text: str) -> str | None:
    end = 0
    while match := _PROLOG.match(text, end):
        if match.end() == end:
            break
        end = match.end()
    root = _ROOT.match(text, end)
    return root.group(1).lower() if root else None


def _is_jsonl(first_line: str) -> bool:
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


def _is_csv_with_text(first_line: str) -> bool:
    header = next(csv.reader([first_line]), [])
    return len(header) > 1 and "text" in (cell.strip() for cell in header)


def sniff(head: bytes) -> str:
    """The format of a document from its first bytes (already decompressed)."""
    if head.startswith(b"WARC/"):
        return "warc"
    text = head.decode(bom_encoding(head) or "utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        root = _markup_root(text)
        if root in _FEED_ROOTS:
            return "feed"
        if root in _HTML_ROOTS or looks_like_html(text):
            return "html"
        return "text"
    first_line = text.split("\n", 1)[0]
    if text.startswith("{") and _is_jsonl(first_line):
        return "jsonl"
    if text.startswith(("{", "[")):
        return "json"
    if MULTINEWS_SEPARATOR in text:
        return "multinews"
    if _is_csv_with_text(first_line):
        return "csv"
    return "text"
