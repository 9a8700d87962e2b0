"""Spreading the costly per-article loops of clustering over a few forked processes.

Each item's result depends on the item and on what the parent held when it forked, never on the
other items, so the result is the same with any number of processes.  Forking is only safe while
the process runs a single thread (a thread holding a lock at the fork leaves it locked for good
in the child), so a multi-threaded caller, such as a Ray driver, runs everything in-process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items, starting processes costs more than it saves.
PARALLEL_FROM = 4096
MAX_WORKERS = 4


def workers_for(size: int, requested: int | None) -> int:
    """How many processes to spread `size` items over (`requested`, or a few for thousands)."""
    if threading.active_count() > 1:
        return 1
    if requested is not None:
        return max(1, requested)
    return min(os.cpu_count() or 1, MAX_WORKERS) if size >= PARALLEL_FROM else 1


def fork_map(function: Callable[[T], R], items: Iterable[T], workers: int, chunksize: int = 1) -> list[R]:
    """`[function(x) for x in items]`, in `workers` forked processes when more than one."""
    if workers <= 1:
        return [function(x) for x in items]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, items, chunksize=chunksize))
