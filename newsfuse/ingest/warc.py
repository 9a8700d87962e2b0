"""WARC archives (`.warc`, `.warc.gz`): every HTML response (HTTP 200) becomes a document at its
target URI, sourced `path#record-id`.

The archive is read with FastWARC from a stream we control, so that a truncated or corrupt file
still yields every whole record before the break, then says where it broke.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from email.message import Message
from http.client import HTTPException, parse_headers

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsfuse.errors import InputError
from newsfuse.ingest.decode import decode
from newsfuse.ingest.html import html_document
from newsfuse.ingest.streams import InputStream, cap_text
from newsfuse.model import Document, Skipped

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_DECOMPRESSORS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    rest = body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return bytes(out)


def _http_body(headers: Message, body: bytes, max_bytes: int) -> bytes:
    """The payload as the server meant it: transfer and content encodings undone (and capped)."""
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        body = _dechunk(body)
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in _DECOMPRESSORS:
        raise InputError(f"unsupported content encoding {encoding!r}")
    inflater = zlib.decompressobj(_DECOMPRESSORS[encoding])
    payload = inflater.decompress(body, max_bytes)
    if inflater.unconsumed_tail:
        raise InputError(f"record too large once decompressed (over the {cap_text(max_bytes)} cap)")
    return payload


def _parse_http(block: bytes) -> tuple[int, Message, bytes]:
    """`(status, headers, raw body)` of an HTTP response block."""
    stream = io.BytesIO(block)
    status_line = stream.readline(65536).decode("latin-1").split()
    if len(status_line) < 2 or not status_line[0].startswith("HTTP/") or not status_line[1].isdigit():
        raise InputError("not an HTTP response")
    return int(status_line[1]), parse_headers(stream), stream.read()


def _record_document(where: str, record: WarcRecord, block: bytes, max_bytes: int,
                     ) -> Document | Skipped | None:
    """The document an HTTP response record holds; None when it is not an HTML 200 page."""
    if not (record.headers.get("Content-Type") or "").lower().startswith("application/http"):
        return None  # e.g. the dns: records crawlers write
    try:
        status, headers, body = _parse_http(block)
    except (InputError, HTTPException, UnicodeError) as err:
        return Skipped(where, f"bad HTTP response in the WARC record: {err}")
    content_type = headers.get_content_type()
    if status != 200 or content_type not in _HTML_TYPES:
        return None
    try:
        payload = _http_body(headers, body, max_bytes)
        if not payload.strip():
            return Skipped(where, "empty response body")
        text = decode(payload, declared=headers.get_content_charset(), markup=True)
    except (InputError, zlib.error, ValueError) as err:
        return Skipped(where, str(err))
    url = record.headers.get("WARC-Target-URI") or None
    return html_document(where, text, url=url)


def read_warc(source: str, stream: InputStream, *, max_bytes: int) -> Iterator[Document | Skipped]:
    """Every HTML response of a (decompressed) WARC stream; a break in the stream ends with one
    `Skipped` naming the file and how many records came before it."""
    complete = 0
    broken: str | None = None
    try:
        records = ArchiveIterator(stream, parse_http=False, stream_detect=False)
        for record in records:
            declared = record.headers.get("Content-Length") or ""
            block = record.reader.read(max_bytes + 1)
            if not declared.strip().isdigit() or len(block) < min(int(declared), max_bytes + 1):
                broken = "a record is cut short"
                break
            complete += 1
            if record.record_type != WarcRecordType.response:
                continue
            where = f"{source}#{(record.record_id or str(record.stream_pos)).strip('<>')}"
            if len(block) > max_bytes:
                yield Skipped(where, f"record too large (over the {cap_text(max_bytes)} cap)")
                continue
            item = _record_document(where, record, block, max_bytes)
            if item is not None:
                yield item
    except OSError as err:
        broken = str(err)
    except BaseException as err:
        # FastWARC reports an internal failure as pyo3's PanicException, not an Exception.
        if type(err).__name__ != "PanicException":
            raise
        broken = "the WARC parser failed"
    broken = stream.take_error() or broken
    if broken is not None:
        yield Skipped(source, f"truncated or corrupt WARC after {complete} records ({broken})")
    elif complete == 0:
        raise InputError("not a WARC file (no records)")
