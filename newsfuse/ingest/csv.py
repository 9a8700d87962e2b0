"""`.csv` inputs: a header row naming the fields (`text` required), then one record per row,
sourced `path:LINE` (the line the row starts on)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from newsfuse.errors import InputError
from newsfuse.ingest.decode import open_text
from newsfuse.ingest.records import record_document
from newsfuse.model import Document, Skipped


def read_csv(source: str, head: bytes, stream: BinaryIO, *, max_bytes: int) -> Iterator[Document | Skipped]:
    """Stream a CSV file with a header (whose first bytes, `head`, `stream` starts with)."""
    # The field limit is process-wide; it is only ever raised, to let one article be as long as
    # the per-record cap allows.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    text = open_text(head, stream, newline="")
    rows = csv.reader(text)
    try:
        header = [name.strip() for name in next(rows)]
    except StopIteration:
        raise InputError("empty file") from None
    except csv.Error as err:
        raise InputError(f"invalid CSV header: {err}") from None
    if "text" not in header:
        raise InputError("no 'text' column in the CSV header")
    while True:
        where = f"{source}:{rows.line_num + 1}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as err:
            yield Skipped(where, f"invalid CSV: {err}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield Skipped(where, f"{len(row)} fields but the header names {len(header)}")
            continue
        yield record_document(where, dict(zip(header, row, strict=False)))
