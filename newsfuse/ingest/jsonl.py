"""JSON inputs: `.jsonl` (one object per line) and `.json` (one object, a list of objects, or
JSON lines). Each object is a record (see `records`); a broken line or element is skipped with its
line number (`path:LINE`) or position (`path#K`) while the others go on."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode, open_text
from newsfuse.ingest.records import record_document
from newsfuse.ingest.streams import cap_text, numbered_lines
from newsfuse.model import Document, Skipped

Item = Document | Skipped


def _json_error(err: json.JSONDecodeError, *, with_line: bool) -> str:
    where = f"line {err.lineno}, column {err.colno}" if with_line else f"column {err.colno}"
    return f"invalid JSON: {err.msg} ({where})"


def _from_value(source: str, value: Any) -> Item:
    if not isinstance(value, dict):
        return Skipped(source, f"not a JSON object (a {type(value).__name__})")
    return record_document(source, value)


def records_from_lines(
    source: str, lines: Iterable[tuple[int, str | None]], max_chars: int
) -> Iterator[Item]:
    """One item per non-blank numbered line, sourced `source:LINE`."""
    for lineno, line in lines:
        where = f"{source}:{lineno}"
        if line is None:
            yield Skipped(where, f"line too long (over the {cap_text(max_chars)} cap)")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(where, _json_error(err, with_line=False))
            continue
        except RecursionError:
            yield Skipped(where, "invalid JSON: nested too deeply")
            continue
        yield _from_value(where, value)


def read_jsonl(source: str, head: bytes, stream: BinaryIO, *, max_bytes: int) -> Iterator[Item]:
    """Stream a JSON-lines file (whose first bytes, `head`, `stream` starts with)."""
    text = open_text(head, stream)
    yield from records_from_lines(source, numbered_lines(text, max_bytes), max_bytes)


def _documents(source: str, value: Any) -> Iterator[Item]:
    # Our own `brief --json` document holds its articles under "articles": read them back.
    if isinstance(value, dict) and "text" not in value and isinstance(value.get("articles"), list):
        value = value["articles"]
    if isinstance(value, list):
        for k, element in enumerate(value, start=1):
            yield _from_value(f"{source}#{k}", element)
    else:
        yield _from_value(source, value)


def read_json(source: str, data: bytes, *, max_bytes: int) -> Iterator[Item]:
    """A whole `.json` file: an object, a list of objects, or JSON lines after all."""
    text = decode(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg != "Extra data":
            raise InputError(_json_error(err, with_line=True)) from None
        yield from records_from_lines(source, numbered_lines(io.StringIO(text), max_bytes), max_bytes)
        return
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None
    yield from _documents(source, value)
