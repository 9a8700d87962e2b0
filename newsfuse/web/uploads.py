"""Ingest from the browser: an uploaded file or a URL goes through `api.ingest` and then
`api.brief_store` (cluster + brief), and the report says what was added, skipped, and which stories
now hold the new articles.

An upload is copied to a file that we name (content hash + a known extension) in a private
directory; nothing from the request ever becomes a path.  A URL is checked by the reader's own guard
before anything is fetched.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from newsfuse.errors import UsageError
from newsfuse.ingest.url import check_url
from newsfuse.model import JSON
from newsfuse.web.library import Library

KINDS = (".warc", ".jsonl", ".json", ".csv", ".html", ".htm", ".txt", ".xml", ".rss", ".atom", ".src",
         ".multinews")


def upload_suffix(filename: str) -> str:
    """The extension the stored copy of an upload gets: the upload's own when it names an input kind
    newsfuse reads (optionally gzipped), else `UsageError`."""
    name = filename.strip().lower()
    gz = ".gz" if name.endswith(".gz") else ""
    base = name.removesuffix(".gz")
    for kind in KINDS:
        if base.endswith(kind):
            return kind + gz
    raise UsageError(f"cannot read {filename or 'a file without a name'!r}: upload one of "
                     + ", ".join(KINDS) + " (optionally .gz)")


def _run(lib: Library, inputs: Sequence[str], *, allow_private: bool, shown: dict[str, str]) -> JSON:
    """Ingest, then cluster and brief if anything was added; `shown` renames sources in the report."""
    # Imported here: the pipeline loads spaCy, which the read-only pages never need to wait for.
    from newsfuse import api

    before = set(lib.snapshot().articles)
    with lib.writing() as db:
        result = api.ingest(list(inputs), db, allow_private=allow_private)
        if result.added:
            api.brief_store(db)
    snap = lib.snapshot()
    new = [a for a in snap.articles if a not in before and a in snap.story_of]
    story_ids = dict.fromkeys(snap.story_of[a] for a in new)

    def rename(source: str) -> str:
        for ours, theirs in shown.items():
            source = source.replace(ours, theirs)
        return source

    return {
        "added": result.added,
        "existing": result.existing,
        "skipped": [{"source": rename(s.source), "reason": rename(s.reason)} for s in result.skipped],
        "stories": [{"id": s, "title": snap.by_id[s].get("title") or ""} for s in story_ids],
    }


def ingest_upload(lib: Library, folder: Path, filename: str, content: BinaryIO, *,
                  allow_private: bool = False) -> JSON:
    """Ingest one uploaded file (its name only tells its kind) and brief the store."""
    suffix = upload_suffix(filename)
    digest = hashlib.sha256()
    with tempfile.NamedTemporaryFile(dir=folder, prefix="incoming-", delete=False) as out:
        for chunk in iter(lambda: content.read(1 << 20), b""):
            digest.update(chunk)
            out.write(chunk)
    # The same content always gets the same path, so re-uploading a file gives the same article ids.
    path = folder / f"upload-{digest.hexdigest()[:20]}{suffix}"
    with lib.writing():
        Path(out.name).replace(path)
        try:
            return _run(lib, [str(path)], allow_private=allow_private, shown={str(path): filename})
        finally:
            path.unlink(missing_ok=True)


def ingest_url(lib: Library, url: str, *, allow_private: bool = False) -> JSON:
    """Fetch one URL (refused before any connection if it targets a private, loopback or link-local
    address), ingest it and brief the store."""
    url = url.strip()
    if not url:
        raise UsageError("give the URL of an article or a feed")
    check_url(url, allow_private)
    return _run(lib, [url], allow_private=allow_private, shown={})
