"""Word shingles: the overlapping k-word windows of a text, as 32-bit hashes.

Two copies of one wire story share almost all their shingles even when outlets trim, retitle or
add a line; two reports written apart share few, because five words in a row rarely repeat by
chance.  Words are lower-cased and transliterated first, so an AMP copy that swaps curly quotes
or drops accents still matches.
"""

from __future__ import annotations

import re

import numpy as np
import xxhash
from unidecode import unidecode

SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased ASCII."""
    return _WORD.findall((text if text.isascii() else unidecode(text)).lower())


def shingles(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """The distinct k-word shingles of `text` as sorted uint32 hashes (a text shorter than `k`
    words is one shingle of all its words; an empty text has none)."""
    if k < 1:
        raise ValueError(f"a shingle has at least one word, not {k}")
    tokens = words(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    grams = {" ".join(tokens[i:i + k]) for i in range(max(1, len(tokens) - k + 1))}
    hashes = (xxhash.xxh32_intdigest(g.encode()) for g in grams)
    return np.unique(np.fromiter(hashes, dtype=np.uint32, count=len(grams)))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a ∪ b| of two sorted shingle sets (1.0 for two empty ones)."""
    union = len(np.union1d(a, b))
    return len(np.intersect1d(a, b, assume_unique=True)) / union if union else 1.0


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """|a ∩ b| / |a|: the share of `a` found in `b` (1.0 for an empty `a`)."""
    return len(np.intersect1d(a, b, assume_unique=True)) / len(a) if len(a) else 1.0
