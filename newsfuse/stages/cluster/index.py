"""The inverted index from anchor keys to the articles that hold them: candidate generation.

An article is only scored against the stories whose articles share its anchors, and only against
the few of those that share the most anchor weight with it, so the cost of placing one article
does not grow with the corpus.  All articles are known before any is placed, so the postings are
built once, as flat arrays: the distinct keys (sorted), where each one's postings start, and the
articles, a few bytes each.  An anchor held by more than `max_postings` articles is too common to
find a story by and is not looked up.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class AnchorIndex:
    """Anchor key hash -> positions of the articles (in placing order) that hold it."""

    def __init__(self, anchors: Sequence[np.ndarray], max_postings: int) -> None:
        sizes = np.fromiter((len(a) for a in anchors), dtype=np.int64, count=len(anchors))
        keys = np.concatenate(anchors) if len(anchors) else np.zeros(0, dtype=np.uint64)
        owners = np.repeat(np.arange(len(anchors), dtype=np.int32), sizes)
        order = np.argsort(keys, kind="stable")
        self._keys, starts = np.unique(keys[order], return_index=True)
        self._starts = np.append(starts, len(keys))
        self._owners = owners[order]
        self._max = max_postings

    def candidates(
        self, keys: np.ndarray, weights: np.ndarray, story_of: np.ndarray, before: int, limit: int,
    ) -> list[int]:
        """The `limit` stories whose articles (those placed before position `before`) share the
        most of `keys`' `weights`, most first (ties: the older story)."""
        if not len(self._keys) or not len(keys):
            return []
        at = np.minimum(self._keys.searchsorted(keys), len(self._keys) - 1)
        left = self._starts[at]
        lengths = np.where(self._keys[at] == keys, self._starts[at + 1] - left, 0)
        lengths[lengths > self._max] = 0
        total = int(lengths.sum())
        if not total:
            return []
        starts = np.repeat(left - np.cumsum(lengths) + lengths, lengths)
        owners = self._owners[starts + np.arange(total)]
        shared = np.repeat(weights, lengths)
        placed = owners < before
        stories = story_of[owners[placed]]
        if not len(stories):
            return []
        order = np.argsort(stories, kind="stable")
        stories = stories[order]
        starts = np.flatnonzero(np.concatenate([[True], stories[1:] != stories[:-1]]))
        found = stories[starts]
        weight = np.add.reduceat(shared[placed][order].astype(np.float64), starts)
        return found[np.lexsort((found, -weight))[:limit]].tolist()
