"""Spreading the costly per-article loops of clustering over a few forked processes.

Workers are forked, so they inherit what they work on (the articles, the clusterer) without
copying it through pipes; each gets ranges of item numbers and sends back small results.  Each
item's result depends on the item and on what the parent held when it forked, never on the other
items, so the result is the same with any number of processes.  Forking is only safe while the
process runs a single thread (a thread holding a lock at the fork leaves it locked for good in the
child), so a multi-threaded caller, such as a Ray driver, runs everything in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

S = TypeVar("S")
R = TypeVar("R")

# Below this many items, starting processes costs more than it saves.
PARALLEL_FROM = 4096
MAX_WORKERS = 4
CHUNKS_PER_WORKER = 8

# What the forked workers work on: set by `fork_chunks` just before it forks, and only then.
_SHARED: Any = None


def workers_for(size: int, requested: int | None) -> int:
    """How many processes to spread `size` items over (`requested`, or a few for thousands)."""
    if threading.active_count() > 1:
        return 1
    if requested is not None:
        return max(1, requested)
    return min(os.cpu_count() or 1, MAX_WORKERS) if size >= PARALLEL_FROM else 1


def _run(job: tuple[Callable[[Any, int, int], list[Any]], int, int]) -> list[Any]:
    function, start, stop = job
    return function(_SHARED, start, stop)


def fork_chunks(function: Callable[[S, int, int], list[R]], shared: S, size: int, workers: int) -> list[R]:
    """`function(shared, 0, size)`, the range cut in chunks over `workers` forked processes
    (`function` must be a module-level function returning one result per item, in order)."""
    global _SHARED
    if workers <= 1 or size < 2:
        return function(shared, 0, size)
    step = max(1, -(-size // (workers * CHUNKS_PER_WORKER)))
    _SHARED = shared
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_run, [(function, a, min(size, a + step)) for a in range(0, size, step)]))
    finally:
        _SHARED = None
    return [r for part in parts for r in part]
