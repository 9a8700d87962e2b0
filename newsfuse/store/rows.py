"""Articles to table rows and back, through the JSON contract (`Article.to_dict`/`from_dict`), so
what the store gives back is exactly what it was given."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newsfuse.errors import StoreError
from newsfuse.model import Article
from newsfuse.store.schema import ARTICLE_COLUMNS, JSON_COLUMNS


def dumps(value: Any) -> str:
    """JSON text of a contract value, as the store keeps it (UTF-8, compact)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def article_row(article: Article) -> list[Any]:
    """The `ARTICLE_COLUMNS` values of one article; `StoreError` if its `meta` is not JSON."""
    d = article.to_dict()
    try:
        return [dumps(d[c]) if c in JSON_COLUMNS else d[c] for c in ARTICLE_COLUMNS]
    except (TypeError, ValueError) as e:
        raise StoreError(f"cannot store article {article.id}: its metadata is not JSON ({e})") from e


def column_lists(rows: Sequence[Sequence[Any]], width: int) -> list[list[Any]]:
    """Rows turned into one list per column (the parameters of an `unnest` insert)."""
    return [[row[i] for row in rows] for i in range(width)]


def row_article(row: Sequence[Any]) -> Article:
    """The article of one row read in `ARTICLE_COLUMNS` order."""
    d = {c: json.loads(v) if c in JSON_COLUMNS else v for c, v in zip(ARTICLE_COLUMNS, row, strict=True)}
    return Article.from_dict(d)
