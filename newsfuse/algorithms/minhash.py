"""MinHash signatures and LSH banding, vectorised with NumPy.

A signature keeps, for each of `num_perm` random hash functions, the least hash of a set's
members; the share of positions where two signatures agree estimates the Jaccard similarity of
the sets.  Members are first scrambled with the SplitMix64 finaliser (so that regular inputs
hash like random ones), then hashed by multiply-shift functions ``(a * x + b) >> 32`` in 64-bit
arithmetic with odd `a`; NumPy computes all functions for all members at once (datasketch's
`MinHash.update` goes one member at a time).

LSH cuts signatures into `bands` of `rows`: two sets whose signatures agree on a whole band
become a candidate pair.  A pair of similarity s is caught with probability 1 - (1 - s^r)^b;
`lsh_params` picks (b, r) for a threshold by weighing the two kinds of error: a similar pair
missed is lost, a dissimilar pair caught only costs one exact check, so misses weigh more.
"""

from __future__ import annotations

import numpy as np

_SHIFT = np.uint64(32)
_EMPTY = np.uint32(0xFFFFFFFF)
_MIX = (np.uint64(30), np.uint64(0xBF58476D1CE4E5B9), np.uint64(27), np.uint64(0x94D049BB133111EB),
        np.uint64(31))
# How much worse a missed near-duplicate is than a needless exact comparison.
MISS_WEIGHT = 4.0


def _scramble(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, element-wise: a bijection on 64-bit integers that mixes all bits."""
    s1, m1, s2, m2, s3 = _MIX
    with np.errstate(over="ignore"):
        x = (x ^ (x >> s1)) * m1
        x = (x ^ (x >> s2)) * m2
    return x ^ (x >> s3)


class MinHasher:
    """`num_perm` hash functions drawn from `seed`; the same seed gives the same signatures."""

    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        if num_perm < 1:
            raise ValueError(f"num_perm must be at least 1, not {num_perm}")
        self.num_perm, self.seed = num_perm, seed
        rng = np.random.Generator(np.random.PCG64(seed))
        a = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._a = a[:, None]
        self._b = rng.integers(0, 1 << 63, size=num_perm, dtype=np.uint64)[:, None]

    def signature(self, members: np.ndarray) -> np.ndarray:
        """The signature (uint32, length `num_perm`) of a set of 32-bit hashes; an empty set's
        signature is all 0xFFFFFFFF."""
        if not len(members):
            return np.full(self.num_perm, _EMPTY, dtype=np.uint32)
        x = _scramble(members.astype(np.uint64))[None, :]
        with np.errstate(over="ignore"):
            hashed = (self._a * x + self._b) >> _SHIFT
        return hashed.min(axis=1).astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard estimate of two signatures: the share of positions where they agree."""
    return float(np.count_nonzero(a == b)) / len(a)


def _caught(s: np.ndarray, bands: int, rows: int) -> np.ndarray:
    return 1.0 - (1.0 - s**rows) ** bands


def lsh_params(num_perm: int, threshold: float) -> tuple[int, int]:
    """(bands, rows), bands * rows <= num_perm, minimising the expected error over similarities
    spread evenly: dissimilar pairs caught plus `MISS_WEIGHT` times similar pairs missed."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must lie strictly between 0 and 1, not {threshold}")
    grid = np.linspace(0.0, 1.0, 1001)
    below, above = grid <= threshold, grid > threshold
    best, best_error = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        rows = num_perm // bands
        caught = _caught(grid, bands, rows)
        error = float(caught[below].sum() + MISS_WEIGHT * (1.0 - caught[above]).sum()) / len(grid)
        if error < best_error:
            best, best_error = (bands, rows), error
    return best


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[bytes]:
    """One bucket key per band (the band's number and values), for grouping signatures."""
    return [bytes([band % 256, band // 256]) + signature[band * rows:(band + 1) * rows].tobytes()
            for band in range(bands)]
