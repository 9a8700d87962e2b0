"""Helpers for the reader tests: small inputs we write ourselves (WARC files with warcio), and
`read_inputs` split into documents and skips."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsfuse.ingest import read_inputs
from newsfuse.model import Document, Skipped

PAGE = (
    "<html><head><title>Page {n}</title></head><body><article>"
    "<p>Paragraph one of test page {n} says the river rose overnight.</p>"
    "<p>Paragraph two of test page {n} says the bridge stayed closed.</p>"
    "</article></body></html>"
)


def page(n: int) -> bytes:
    """A small HTML page of our own."""
    return PAGE.format(n=n).encode()


def write_warc(path: Path, responses: list[tuple[str, bytes, str, str]], *, gzip: bool) -> Path:
    """A WARC with one request + response per `(url, body, content type, status line)`."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, body, content_type, status in responses:
            request = BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
            writer.write_record(record)
    return path


def read_all(inputs: list[str], **kwargs: object) -> tuple[list[Document], list[Skipped]]:
    """Documents and skips of `read_inputs`, split."""
    items = list(read_inputs(inputs, **kwargs))  # type: ignore[arg-type]
    assert all(isinstance(i, Document | Skipped) for i in items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skipped)]
