"""WARC archives: every HTML 200 response, at its target URI; truncation reported after the
records that came whole."""

from __future__ import annotations

import gzip as gz
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .helpers import page, read_all, write_warc

GOOD = [
    ("https://a.example/1", page(1), "text/html; charset=utf-8", "200 OK"),
    ("https://a.example/logo.png", b"\x89PNG....", "image/png", "200 OK"),
    ("https://a.example/gone", page(9), "text/html", "404 Not Found"),
    ("https://b.example/2", page(2), "application/xhtml+xml", "200 OK"),
    ("https://c.example/3", "<html><body><p>Caf\xe9 \x93ouvert\x94</p></body></html>".encode("latin-1"),
     "text/html; charset=ISO-8859-1", "200 OK"),
]


@pytest.mark.parametrize("compressed", [True, False])
def test_html_responses_become_documents(tmp_path: Path, compressed: bool) -> None:
    path = write_warc(tmp_path / ("a.warc.gz" if compressed else "a.warc"), GOOD, gzip=compressed)
    docs, skipped = read_all([str(path)])
    assert skipped == []
    assert [d.url for d in docs] == ["https://a.example/1", "https://b.example/2", "https://c.example/3"]
    assert all(d.kind == "html" and d.source.startswith(f"{path}#urn:uuid:") for d in docs)
    assert "Paragraph one of test page 1" in docs[0].content
    assert "Café “ouvert”" in docs[2].content
    assert len({d.id for d in docs}) == 3


def test_encoded_http_bodies_are_decoded_and_non_http_responses_ignored(tmp_path: Path) -> None:
    body = page(4)
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (body[:50], body[50:])) + b"0\r\n\r\n"
    bomb = gz.compress(b"<p>" + b"x" * 200_000)
    path = tmp_path / "enc.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        dns = BytesIO(b"e.example. 300 IN A 93.184.216.34")
        writer.write_record(writer.create_warc_record("dns:e.example", "response", payload=dns,
                                                      warc_content_type="text/dns"))
        for url, payload, headers in (
            ("https://e.example/gzip", gz.compress(body), [("Content-Encoding", "gzip")]),
            ("https://e.example/chunked", chunked, [("Transfer-Encoding", "chunked")]),
            ("https://e.example/deflate", zlib.compress(body), [("Content-Encoding", "deflate")]),
            ("https://e.example/bomb", bomb, [("Content-Encoding", "gzip")]),
        ):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(payload),
                                                          http_headers=http))
    docs, skipped = read_all([str(path)], max_bytes=100_000)
    assert [d.content for d in docs] == [body.decode()] * 3
    assert [s.reason for s in skipped] == ["record too large once decompressed (over the 0.1 MB cap)"]


def test_truncated_warc_gz_yields_records_before_the_break(tmp_path: Path) -> None:
    pages = [(f"https://t.example/{n}", page(n) * 20, "text/html", "200 OK") for n in range(6)]
    whole = write_warc(tmp_path / "whole.warc.gz", pages, gzip=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: int(len(whole) * 0.7)])
    docs, skipped = read_all([str(cut)])
    assert 1 <= len(docs) < 6
    assert [d.url for d in docs] == [f"https://t.example/{n}" for n in range(len(docs))]
    (skip,) = skipped
    assert skip.source == str(cut)
    assert skip.reason.startswith("truncated or corrupt WARC after ")


def test_uncompressed_warc_cut_mid_record(tmp_path: Path) -> None:
    pages = [(f"https://u.example/{n}", page(n) * 20, "text/html", "200 OK") for n in range(3)]
    whole = write_warc(tmp_path / "w.warc", pages, gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) - 100])
    docs, skipped = read_all([str(cut)])
    assert [d.url for d in docs] == ["https://u.example/0", "https://u.example/1"]
    # A request and a response per page: the last response is the record cut short.
    assert [s.reason for s in skipped] == [
        "truncated or corrupt WARC after 5 records (a record is cut short)"]


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not an archive at all\n" * 10)
    docs, skipped = read_all([str(path)])
    assert docs == [] and len(skipped) == 1 and "WARC" in skipped[0].reason
