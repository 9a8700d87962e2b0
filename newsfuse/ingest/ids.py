"""Stable document ids: the one the source gave, else a hash of where the text came from and it."""

from __future__ import annotations

import hashlib


def document_id(source: str, text: str) -> str:
    """A stable id for a document that came without one: 16 hex digits of BLAKE2b.

    The same source and text always give the same id, so ingesting an input twice adds nothing.
    """
    digest = hashlib.blake2b(digest_size=8)
    digest.update(source.encode("utf-8", errors="surrogatepass"))
    digest.update(b"\0")
    digest.update(text.encode("utf-8", errors="surrogatepass"))
    return digest.hexdigest()
