"""What the user named, as files to read: paths, directories (recursive, sorted, known
extensions only, hidden entries left out) and glob patterns; URLs and `-` are told apart."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator

from newsfuse.ingest.formats import format_from_name
from newsfuse.model import Skipped

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB = re.compile(r"[*?[]")


def is_url(item: str) -> bool:
    """Whether an input names a URL (any scheme: the fetcher refuses all but http and https)."""
    return _URL.match(item) is not None


def _known(name: str) -> bool:
    return not name.startswith(".") and format_from_name(name)[0] is not None


def _walk(root: str) -> Iterator[str | Skipped]:
    errors: list[OSError] = []
    found = False
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if _known(name):
                found = True
                yield os.path.join(dirpath, name)
    for err in errors:
        yield Skipped(err.filename or root, (err.strerror or str(err)).lower())
    if not found and not errors:
        yield Skipped(root, "no files of a known kind in this directory")


def expand(item: str) -> Iterator[str | Skipped]:
    """The files an input path names, in a stable order, or why there are none."""
    if os.path.isdir(item):
        yield from _walk(item)
    elif os.path.lexists(item):
        yield item
    elif _GLOB.search(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield Skipped(item, "no files match this pattern")
        for match in matches:
            yield from (_walk(match) if os.path.isdir(match) else [match])
    else:
        yield Skipped(item, "no such file or directory")
