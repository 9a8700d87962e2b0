"""`read_inputs`: expansion, dispatch, sniffing, `.gz`, stdin, caps, and a batch of bad inputs
where every good article comes out and every bad input gets exactly one `Skipped`."""

from __future__ import annotations

import gzip
import io
import json
import os
import socket
from pathlib import Path

import pytest

from newsfuse.ingest import read
from newsfuse.model import Skipped

from .helpers import page, read_all, write_warc

LATIN1 = "Le maire a déclaré «Nous reconstruirons» après l'incendie du café.\n"


def test_a_batch_of_bad_inputs_beside_good_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", lambda *a: pytest.fail("connected"))
    good = tmp_path / "good.txt"
    good.write_text("Flood closes valley road.\n\nThe river rose overnight.\n", encoding="utf-8")
    html = tmp_path / "page.html"
    html.write_bytes(page(1))
    latin = tmp_path / "latin.txt"
    latin.write_bytes(LATIN1.encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(os.urandom(20_000))
    lines = tmp_path / "records.jsonl"
    lines.write_text('{"id": "r1", "text": "Good record."}\n{"id": "r2", "text": \n'
                     '{"id": "r3", "title": "no body"}\n{"id": "r4", "text": "Another good one."}\n')
    pages = [(f"https://w.example/{n}", page(n) * 20, "text/html", "200 OK") for n in range(5)]
    whole = write_warc(tmp_path / "whole.warc.gz", pages, gzip=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: int(len(whole) * 0.7)])
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(70_000_000)
    missing = tmp_path / "missing.txt"
    refused = "http://127.0.0.1:8000/story"

    inputs = [str(p) for p in (good, empty, binary, html, latin, lines, cut, big, missing)] + [refused]
    docs, skipped = read_all(inputs)

    by_source = {d.source: d for d in docs}
    assert by_source[str(good)].content.startswith("Flood closes valley road.")
    assert by_source[str(html)].kind == "html"
    assert by_source[str(latin)].content == LATIN1
    assert [by_source[f"{lines}:{n}"].id for n in (1, 4)] == ["r1", "r4"]
    warc_docs = [d for d in docs if d.source.startswith(f"{cut}#")]
    assert 1 <= len(warc_docs) < 5

    reasons = {s.source: s.reason for s in skipped}
    assert len(reasons) == len(skipped), "one Skipped per bad input"
    assert reasons == {
        str(empty): "empty file",
        str(binary): "not text (binary data)",
        f"{lines}:2": reasons[f"{lines}:2"],
        f"{lines}:3": "no 'text' field",
        str(cut): reasons[str(cut)],
        str(big): "file too large (70.0 MB > 50 MB cap)",
        str(missing): "no such file or directory",
        refused: "refused: 127.0.0.1 is a loopback address; use --allow-private to allow it",
    }
    assert reasons[f"{lines}:2"].startswith("invalid JSON")
    assert reasons[str(cut)].startswith("truncated or corrupt WARC after ")
    assert all("\n" not in r and "Traceback" not in r for r in reasons.values())


def test_directories_are_walked_sorted_with_known_extensions_only(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.html", "a/y.txt", "c.md", ".hidden/x.txt", ".dot.txt", "d/e.jsonl.gz"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"text of {rel}"
        data = json.dumps({"text": text}).encode() if "jsonl" in rel else text.encode()
        path.write_bytes(gzip.compress(data) if rel.endswith(".gz") else data)
    docs, skipped = read_all([str(tmp_path)])
    assert skipped == []
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in docs] == [
        "b.txt", "a/y.txt", "a/z.html", "d/e.jsonl.gz:1"]


def test_inputs_that_hold_nothing_still_get_one_skip(tmp_path: Path) -> None:
    (tmp_path / "empty-dir").mkdir()
    (tmp_path / "header.csv").write_text("id,text\n")
    only_images = [("https://i.example/a.png", b"\x89PNG", "image/png", "200 OK")]
    warc = write_warc(tmp_path / "images.warc", only_images, gzip=False)
    docs, skipped = read_all([str(tmp_path / "empty-dir"), str(tmp_path / "header.csv"), str(warc)])
    assert docs == []
    assert [(Path(s.source).name, s.reason) for s in skipped] == [
        ("empty-dir", "no files of a known kind in this directory"),
        ("header.csv", "no articles found in it"),
        ("images.warc", "no articles found in it"),
    ]


def test_globs_and_a_path_named_twice(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"story {name}")
    docs, skipped = read_all([str(tmp_path / p) for p in ("x*.txt", "x1.txt", "none*.txt")])
    assert [Path(d.source).name for d in docs] == ["x1.txt", "x2.txt"]
    assert [s.reason for s in skipped] == ["no files match this pattern"]


def test_gz_of_any_format_and_gzip_sniffed_on_stdin(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(LATIN1.encode("cp1252")))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(page(2)))
    docs, skipped = read_all([str(tmp_path / "a.txt.gz"), str(tmp_path / "b.html.gz")])
    assert skipped == [] and [d.kind for d in docs] == ["text", "html"]
    assert docs[0].content == LATIN1
    stdin = io.BytesIO(gzip.compress(b'{"text": "piped"}\n{"text": "twice"}\n'))
    piped, skipped = read_all(["-"], stdin=stdin)
    assert skipped == [] and [(d.source, d.content) for d in piped] == [("-:1", "piped"), ("-:2", "twice")]


def test_truncated_gz_of_jsonl_keeps_the_lines_before_the_break(tmp_path: Path) -> None:
    lines = (json.dumps({"text": f"line {n} " * 30}) + "\n" for n in range(3000))
    data = gzip.compress("".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    docs, skipped = read_all([str(path)])
    assert len(docs) > 100
    assert skipped[-1].source == str(path) and skipped[-1].reason.startswith("truncated or corrupt data")


def test_stdin_is_sniffed() -> None:
    docs, _ = read_all(["-"], stdin=io.BytesIO(b"<!doctype html><html><body><p>x</p></body></html>"))
    assert [d.kind for d in docs] == ["html"]
    docs, _ = read_all(["-"], stdin=io.BytesIO(b"Just a story, in words."))
    assert [(d.kind, d.source) for d in docs] == [("text", "-")]


def test_caps_apply_to_whole_documents_and_to_each_record(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5000))
    lines = tmp_path / "long.jsonl"
    lines.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "short"}) + "\n")
    docs, skipped = read_all([str(bomb), str(lines)], max_bytes=1000)
    assert [d.content for d in docs] == ["short"]
    assert [(s.source, s.reason) for s in skipped] == [
        (str(bomb), "too large (over the 0.001 MB cap)"),
        (f"{lines}:1", "line too long (over the 0.001 MB cap)")]


def test_an_unexpected_failure_is_one_line_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object, **__: object) -> object:
        raise RuntimeError("reader broke\nbadly")

    monkeypatch.setattr(read, "read_text", boom)
    (tmp_path / "a.txt").write_text("words")
    (tmp_path / "b.html").write_bytes(page(3))
    docs, skipped = read_all([str(tmp_path / "a.txt"), str(tmp_path / "b.html")])
    assert [d.kind for d in docs] == ["html"]
    assert skipped == [Skipped(str(tmp_path / "a.txt"), "unexpected error: RuntimeError: reader broke badly")]
