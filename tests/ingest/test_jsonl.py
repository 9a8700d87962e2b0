"""JSON lines and JSON files: fields mapped, unknown fields kept, bad lines skipped by number."""

from __future__ import annotations

import io
import json
from pathlib import Path

from newsfuse.ingest.jsonl import read_json, read_jsonl
from newsfuse.ingest.records import record_document
from newsfuse.model import Document, Skipped

from .helpers import read_all


def _jsonl(lines: list[str]) -> list[Document | Skipped]:
    data = "\n".join(lines).encode()
    return list(read_jsonl("f.jsonl", data[:65536], io.BytesIO(data), max_bytes=10_000))


def test_fields_are_mapped_and_unknown_fields_kept_untouched() -> None:
    record = {"id": "a1", "text": "Body.", "url": "https://x.example/a", "outlet": "x.example",
              "title": "T", "published": "2015-11-01", "byline": ["Ann", "Bo"], "lang_hint": {"k": [1]},
              "score": 3}
    doc = record_document("f.jsonl:1", record)
    assert isinstance(doc, Document)
    assert (doc.id, doc.kind, doc.content, doc.url) == ("a1", "text", "Body.", "https://x.example/a")
    assert doc.fields == {"url": "https://x.example/a", "outlet": "x.example", "title": "T",
                          "published": "2015-11-01", "byline": "Ann, Bo"}
    assert doc.extra == {"lang_hint": {"k": [1]}, "score": 3}


def test_missing_id_gets_a_stable_hash_and_numbers_become_strings() -> None:
    a = record_document("f:1", {"text": "Same"})
    b = record_document("f:1", {"text": "Same"})
    c = record_document("f:2", {"text": "Same", "id": 7})
    assert isinstance(a, Document) and isinstance(b, Document) and isinstance(c, Document)
    assert a.id == b.id and len(a.id) == 16
    assert c.id == "7"


def test_html_text_makes_an_html_document() -> None:
    doc = record_document("f:1", {"text": "<html><body><p>Story</p></body></html>"})
    assert isinstance(doc, Document) and doc.kind == "html"


def test_bad_lines_are_skipped_with_their_numbers_and_the_rest_goes_on() -> None:
    items = _jsonl(['{"text": "one"}', '{"text": broken', "", '{"title": "no text"}', "[1, 2]",
                    '{"text": 5}', '{"text": "six"}'])
    assert [i.content for i in items if isinstance(i, Document)] == ["one", "six"]
    skipped = {i.source: i.reason for i in items if isinstance(i, Skipped)}
    assert skipped["f.jsonl:2"].startswith("invalid JSON: ")
    assert skipped["f.jsonl:4"] == "no 'text' field"
    assert skipped["f.jsonl:5"].startswith("not a JSON object")
    assert "not a string" in skipped["f.jsonl:6"]
    assert [i.source for i in items if isinstance(i, Document)] == ["f.jsonl:1", "f.jsonl:7"]


def test_lone_surrogates_are_made_printable() -> None:
    (doc,) = _jsonl(['{"text": "bad \\ud800 half"}'])
    assert isinstance(doc, Document) and doc.content == "bad \ufffd half"


def test_json_file_forms() -> None:
    one = list(read_json("o.json", b'{"text": "solo", "id": "s"}', max_bytes=1000))
    many = list(read_json("m.json", b'[{"text": "a"}, 3, {"text": "b"}]', max_bytes=1000))
    lines = list(read_json("l.json", b'{"text": "a"}\n{"text": "b"}\n', max_bytes=1000))
    brief = json.dumps({"articles": [{"id": "x", "text": "t"}], "stories": []}).encode()
    ours = list(read_json("b.json", brief, max_bytes=1000))
    assert [d.id for d in one] == ["s"]
    assert [(i.source, type(i).__name__) for i in many] == [
        ("m.json#1", "Document"), ("m.json#2", "Skipped"), ("m.json#3", "Document")]
    assert [i.source for i in lines] == ["l.json:1", "l.json:2"]
    assert [d.id for d in ours] == ["x"]


def test_dev_corpus_reads_with_its_ids(dev_corpus: Path) -> None:
    docs, skipped = read_all([str(dev_corpus)])
    lines = dev_corpus.read_text(encoding="utf-8").splitlines()
    expected = [json.loads(line) for line in lines if line.strip()]
    assert skipped == []
    assert len(docs) == len(expected) == 219
    assert [d.id for d in docs] == [e["id"] for e in expected]
    for doc, record in zip(docs, expected, strict=True):
        assert doc.content == record["text"]
        assert doc.url == record["url"] and doc.fields["outlet"] == record["outlet"]
