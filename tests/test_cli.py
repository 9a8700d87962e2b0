"""End-to-end checks of the `newsfuse` command: the contract's outputs, exit statuses and errors."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsfuse.cli import main
from newsfuse.store import Store

Batch = tuple[list[str], dict[str, str]]  # (inputs, bad input name -> word its reason holds)
NEWS = (
    "Rescue teams reached the flooded valley town of Ostrava Nova on Tuesday after two days of rain.\n\n"
    "The regional governor said about 300 residents were moved to schools on higher ground.\n"
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "newsfuse.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONUTF8": "1"},
    )


@pytest.fixture()
def bad_batch(tmp_path: Path) -> Batch:
    """Good files mixed with every kind of bad input the foundation issue lists."""
    good = tmp_path / "good.txt"
    good.write_text("Valley town flooded\n\n" + NEWS, encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Le café du port a rouvert ses portes après la tempête de la semaine dernière.\n"
                      .encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "random.txt").write_bytes(os.urandom(4096))
    (tmp_path / "scriptonly.html").write_text(
        "<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>")
    records = tmp_path / "records.jsonl"
    records.write_text(
        "\n".join([json.dumps({"id": "r1", "text": NEWS}), "{not json",
                   json.dumps({"id": "r3", "title": "no text"})]) + "\n"
    )
    warc = tmp_path / "cut.warc.gz"
    record = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>"
    warc.write_bytes(gzip.compress(record)[:-8])
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(70 * 1024 * 1024)
    inputs = [str(p) for p in (good, latin, tmp_path / "empty.txt", tmp_path / "random.txt",
                               tmp_path / "scriptonly.html", records, warc, big)]
    inputs += [str(tmp_path / "missing.txt"), "http://127.0.0.1:9/article"]
    bad = {
        "empty.txt": "empty", "random.txt": "", "scriptonly.html": "", "records.jsonl:2": "",
        "records.jsonl:3": "text", "cut.warc.gz": "", "big.txt": "large", "missing.txt": "",
        "127.0.0.1": "loopback",
    }
    return inputs, bad


def test_extract_reports_every_bad_input_and_keeps_the_good(bad_batch: Batch) -> None:
    inputs, bad = bad_batch
    result = run_cli("extract", *inputs)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    for name, word in bad.items():
        hits = [line for line in lines if name in line]
        assert len(hits) == 1, (name, lines)
        assert word in hits[0].lower(), hits[0]
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    texts = " ".join(a["text"] for a in articles)
    assert "300 residents" in texts
    assert "café" in texts and "après" in texts
    assert any(a["id"] == "r1" for a in articles)


def test_extract_seeds_gives_two_clean_articles(seed_paths: list[Path]) -> None:
    result = run_cli("extract", *map(str, seed_paths))
    assert result.returncode == 0, result.stderr
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) == 2
    for article in articles:
        assert "Leave a comment" not in article["text"]
        assert "Sign up for our weekly newsletter" not in article["text"]
        assert article["outlet"] is None


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["brief", "--words", "zero", "x.txt"])
    assert exc.value.code == 2
    assert main(["cluster"]) == 2
    assert "give at least one input" in capsys.readouterr().err


def test_ingest_twice_is_idempotent(tmp_path: Path, seed_paths: list[Path]) -> None:
    db = str(tmp_path / "store.duckdb")
    first = run_cli("ingest", *map(str, seed_paths), "--db", db)
    second = run_cli("ingest", *map(str, seed_paths), "--db", db)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "2 articles added" in first.stderr
    assert "0 articles added, 2 already stored" in second.stderr


def test_stdin_is_an_input() -> None:
    result = run_cli("extract", "-", stdin=("Valley town flooded\n\n" + NEWS).encode())
    assert result.returncode == 0, result.stderr
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert "300 residents" in article["text"]


def test_ingest_killed_mid_way_keeps_what_it_committed(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for i in range(6000):
            text = (f"The council of district {i} approved a budget of {i * 7} thousand crowns on Monday. "
                    f"Residents of district {i} had asked for a new bridge across the river.")
            f.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")
    db = tmp_path / "store.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "newsfuse.cli", "ingest", str(corpus), "--db", str(db)],
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    reported = 0
    for line in proc.stderr:
        if "stored so far" in line:
            reported = int(line.split()[1])
            proc.kill()
            break
    proc.wait(timeout=60)
    assert reported > 0, "the ingest ended before committing anything"
    with Store.open(db, read_only=True) as store:
        stored = list(store.iter_articles())
    assert len(stored) >= reported
    assert all(a.text.startswith("The council of district") for a in stored)
    again = run_cli("ingest", str(corpus), "--db", str(db))
    assert again.returncode == 0, again.stderr
    with Store.open(db, read_only=True) as store:
        assert store.count_articles() == 6000
