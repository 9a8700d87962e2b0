"""RSS and Atom feeds: one document per entry (its content, else its summary), with the link,
title, date, author and outlet the feed gives, and nothing it does not."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import feedparser

from newsfuse.errors import InputError
from newsfuse.ingest.formats import has_markup
from newsfuse.ingest.ids import document_id
from newsfuse.model import Document, Skipped

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_EMAIL = re.compile(r"[^\s@()]+@[^\s@()]+")
_EMAIL_NAME = re.compile(r"^[^\s@()]+@[^\s@()]+\s*\((.+)\)$")


def _outlet(feed: Any) -> str | None:
    host = urlsplit(feed.get("link") or "").hostname
    if host:
        return host.removeprefix("www.")
    title = (feed.get("title") or "").strip()
    return title or None


def _iso(parsed: time.struct_time | None) -> str | None:
    # feedparser gives dates as UTC struct_time.
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def _body(entry: Any) -> tuple[str, str] | None:
    """`(kind, content)` of an entry: its content (HTML preferred), else its summary."""
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    contents.sort(key=lambda c: c.get("type") not in _HTML_TYPES)
    detail = contents[0] if contents else entry.get("summary_detail")
    value = ((detail or {}).get("value") or entry.get("summary") or "").strip()
    if not value:
        return None
    if (detail or {}).get("type") in _HTML_TYPES:
        return ("html", value) if has_markup(value) else ("text", html.unescape(value))
    return "text", value


def _byline(entry: Any) -> str | None:
    # RSS writes "email (Name)"; feedparser splits it with a regex that stumbles on long TLDs.
    raw = (entry.get("author") or "").strip()
    match = _EMAIL_NAME.match(raw)
    name = match.group(1) if match else (entry.get("author_detail") or {}).get("name") or raw
    name = name.strip()
    return None if not name or _EMAIL.fullmatch(name) else name


def _entry_document(where: str, entry: Any, outlet: str | None) -> Document | Skipped:
    body = _body(entry)
    if body is None:
        return Skipped(where, "feed entry has no content or summary")
    kind, content = body
    fields = {
        "url": (entry.get("link") or "").strip() or None,
        "title": (entry.get("title") or "").strip() or None,
        "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        "byline": _byline(entry),
        "outlet": outlet,
    }
    given = {k: v for k, v in fields.items() if v}
    # The entry's guid (else link) keys the id, so a refetched feed gives its entries the same ids.
    key = entry.get("id") or given.get("url") or where
    return Document(id=document_id(key, content), source=where, kind=kind, content=content,
                    url=given.get("url"), fields=given)


def read_feed(source: str, data: bytes, *, url: str | None = None) -> Iterator[Document | Skipped]:
    """Every entry of an RSS/Atom feed, sourced `source#K` (K from 1); `url` is where the feed
    was fetched from, to resolve relative links."""
    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError("not an RSS or Atom feed" + (f" ({reason})" if reason else ""))
    if not parsed.entries:
        raise InputError("the feed has no entries")
    outlet = _outlet(parsed.feed)
    for k, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(f"{source}#{k}", entry, outlet)
