"""One structured record (a JSON object, a CSV row) to a `Document`.

`text` is required; `id`, `url`, `outlet`, `title`, `published`, `byline` (and `dek`) are the
contract's fields; every other field is kept untouched in `Document.extra`, never interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsfuse.ingest.formats import looks_like_html
from newsfuse.ingest.ids import document_id
from newsfuse.model import Document, Skipped

KNOWN_FIELDS = ("url", "outlet", "title", "published", "byline", "dek")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_string(value: str) -> str:
    """`value` with lone surrogates (legal in JSON escapes, not in UTF-8) made U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _field_value(value: Any) -> str | None:
    """A metadata value as text: strings and numbers as they are, a list of strings joined."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return clean_string(value).strip() or None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return clean_string(", ".join(v.strip() for v in value if v.strip())) or None
    return None


def _given_id(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, str) and value.strip()):
        return clean_string(str(value).strip())
    return None


def record_document(source: str, record: Mapping[str, Any]) -> Document | Skipped:
    """The document a record describes, or why it cannot be one (no text, bad id)."""
    text = record.get("text")
    if text is None:
        return Skipped(source, "no 'text' field")
    if not isinstance(text, str):
        return Skipped(source, f"'text' is a {type(text).__name__}, not a string")
    if not text.strip():
        return Skipped(source, "'text' is empty")
    text = clean_string(text)
    given = _given_id(record.get("id"))
    if record.get("id") not in (None, "") and given is None:
        return Skipped(source, "'id' is neither a string nor a whole number")
    fields: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for key, value in record.items():
        if key in ("text", "id"):
            continue
        as_text = _field_value(value) if key in KNOWN_FIELDS else None
        if as_text is not None:
            fields[key] = as_text
        elif key not in KNOWN_FIELDS or value not in (None, ""):
            extra[key] = value
    return Document(
        id=given or document_id(source, text),
        source=source,
        kind="html" if looks_like_html(text) else "text",
        content=text,
        url=fields.get("url"),
        fields=fields,
        extra=extra,
    )
