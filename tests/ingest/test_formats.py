"""Format from names, content types and first bytes."""

from __future__ import annotations

import pytest

from newsfuse.ingest.formats import (
    allowed_content_type,
    format_from_content_type,
    format_from_name,
    looks_like_html,
    sniff,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("text", False)), ("dir/Page.HTM", ("html", False)), ("x.jsonl.gz", ("jsonl", True)),
        ("crawl.warc.gz", ("warc", True)), ("crawl.warc", ("warc", False)), ("feed.rss", ("feed", False)),
        ("train.src", ("multinews", False)), ("train.src.cleaned", ("multinews", False)),
        ("data.csv", ("csv", False)), ("notes.md", (None, False)), ("blob.gz", (None, True)),
        ("/news/2015/story", (None, False)),
    ],
)
def test_format_from_name(name: str, expected: tuple[str | None, bool]) -> None:
    assert format_from_name(name) == expected


def test_content_types() -> None:
    assert format_from_content_type("text/html") == "html"
    assert format_from_content_type("application/rss+xml") == "feed"
    assert format_from_content_type("text/plain") is None
    assert all(allowed_content_type(t) for t in ("text/plain", "application/json", "application/atom+xml"))
    assert not any(allowed_content_type(t) for t in ("image/png", "application/pdf", "application/zip"))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html>\n<html><head><title>x</title>", "html"),
        (b"<div><p>A fragment</p></div>", "html"),
        (b'{"text": "one"}\n{"text": "two"}\n', "jsonl"),
        (b'{\n  "text": "pretty"\n}', "json"),
        (b'[{"text": "a"}]', "json"),
        (b"id,text,outlet\n1,hello,x\n", "csv"),
        (b"first article ||||| second article", "multinews"),
        (b"Plain words about a flood in the valley.\n", "text"),
        (b"<3 this is not markup", "text"),
    ],
)
def test_sniff(head: bytes, expected: str) -> None:
    assert sniff(head) == expected


def test_looks_like_html_needs_a_leading_tag_and_another() -> None:
    assert looks_like_html("  <p>Hi</p>")
    assert not looks_like_html("Hi <b>there</b>")
    assert not looks_like_html("<not a tag")
