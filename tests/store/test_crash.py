"""A writer killed with SIGKILL in the middle of adding articles leaves a readable store that holds
every batch it reported committed, and no part of the batch it was writing."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from newsfuse.model import Article
from newsfuse.store import AddResult, Store

Child = Callable[..., subprocess.Popen[str]]

BATCH = 300
ROUNDS = 3

# Adds batches from batch number FIRST on, printing each batch's count once it is committed.
WRITER = """
import sys
from newsfuse.model import Article
from newsfuse.store import Store

path, first, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def articles():
    for i in range(first * size, (first + 1000) * size):
        yield Article(id=f"k{i:08d}", source="crash-test", text=f"Sentence number {i} of the test. " * 150)

with Store.open(path) as store:
    store.add_articles(articles(), batch_size=size, on_batch=lambda r: print(r.added, flush=True))
"""


def expected_ids(batches: int) -> list[str]:
    return [f"k{i:08d}" for i in range(batches * BATCH)]


def kill_while_writing(start: Child, path: Path, first: int) -> int:
    """Start a writer at batch `first`, SIGKILL it between two commits, return how many batches
    it reported committed."""
    proc = start(WRITER, str(path), str(first), str(BATCH))
    assert proc.stdout is not None
    proc.stdout.readline()
    begun = time.monotonic()
    proc.stdout.readline()
    # Half a batch's time after a commit, the writer is most likely inside the next transaction.
    time.sleep((time.monotonic() - begun) / 2)
    proc.send_signal(signal.SIGKILL)
    rest, _ = proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    lines = 2 + len(rest.splitlines())
    assert rest.split() == [str(BATCH)] * (lines - 2)
    return lines


def test_sigkill_mid_batch_keeps_every_committed_batch(tmp_path: Path, child: Child) -> None:
    path = tmp_path / "news.duckdb"
    stored = 0
    for _ in range(ROUNDS):
        reported = kill_while_writing(child, path, stored)
        with Store.open(path, read_only=True) as s:
            ids = s.article_ids()
            assert s.count_articles() == len(ids)
            # A batch may have committed just before the kill, before its line was printed.
            assert len(ids) in {(stored + reported) * BATCH, (stored + reported + 1) * BATCH}
            assert ids == expected_ids(len(ids) // BATCH)
            assert s.get_article(ids[-1]).source == "crash-test"
        stored = len(ids) // BATCH
    with Store.open(path) as s:
        again = [Article(id=i, source="crash-test", text="") for i in expected_ids(stored + 1)]
        assert s.add_articles(again) == AddResult(BATCH, stored * BATCH)
        assert s.article_ids() == expected_ids(stored + 1)
