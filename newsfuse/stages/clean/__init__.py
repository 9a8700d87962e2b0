"""Cleaning: Document -> Article (HTML extraction, page boilerplate, title and dek, dateline,
byline, wire agency, publication date, language, outlet).

`clean` cleans one document; `learn_repeated_lines` learns each outlet's repeated page chrome
across a batch; `clean_all` does both for a batch, extracting each HTML page once.
"""

from __future__ import annotations

from newsfuse.stages.clean.pipeline import (
    Prepared,
    clean,
    clean_all,
    finish,
    learn_prepared,
    learn_repeated_lines,
    prepare,
)

__all__ = ["Prepared", "clean", "clean_all", "finish", "learn_prepared", "learn_repeated_lines", "prepare"]
