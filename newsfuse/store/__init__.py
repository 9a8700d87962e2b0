"""The embedded DuckDB store (one writer): articles, skipped inputs, stories and per-story results."""

from __future__ import annotations

from newsfuse.store.db import AddResult, Store
from newsfuse.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "AddResult", "Store"]
