"""Article vectors for clustering: hashed story features weighted by how rare they are.

Keys of `algorithms.features` are hashed to 64 bits (xxh3) so that a corpus of millions of
articles keeps its document frequencies in flat arrays.  A key's weight is its inverse document
frequency smoothed by one article that holds no key, ``log((N + 1) / df)`` (positive even in a
corpus of two); content words are weighed within the article's language
(``log((N_lang + 1) / df)``), because the common words of a language with few articles in the
corpus would otherwise look rare.  A key held by only one article says nothing about which story
an article belongs to and is left out.  A key of the article's lead (its headline and first
lines, where a report says what happened) weighs `LEAD_WEIGHT` times as much: siblings share
their places and actors throughout but lead with different events.

Each article gets two unit vectors over the same keys: the full one (names, words, numbers, codes,
skeletons), used against stories that hold an article in its language, and the entity one (the
same without words), used across languages, where words cannot meet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import xxhash

from newsfuse.algorithms.features import ANCHOR_LETTERS, CODE, NAME, NUMBER, SKELETON, WORD, Features
from newsfuse.algorithms.skeleton import is_non_latin

KINDS = {NAME: 0, WORD: 1, NUMBER: 2, CODE: 3, SKELETON: 4}
_WORD_KIND = KINDS[WORD]
# Flags packed beside the kind (three bits) in one byte per key.
ANCHOR = 8
GUESS = 16
LEAD = 32
LEAD_WEIGHT = 2.0
_KIND_MASK = 7
_EMPTY_KEYS = np.zeros(0, dtype=np.uint64)
_EMPTY_FLOATS = np.zeros(0, dtype=np.float32)


def key_hash(key: str) -> int:
    """The stable 64-bit hash of a feature key."""
    return xxhash.xxh3_64_intdigest(key.encode("utf-8"))


@dataclass(frozen=True)
class Hashed:
    """An article's feature keys as sorted hashes, with one flag byte each (kind, anchor, guess)."""

    keys: np.ndarray
    flags: np.ndarray

    @classmethod
    def of(cls, features: Features) -> Hashed:
        """Hash the keys of `features`; a guess that is also a key counts as the key."""
        table: dict[int, int] = {}
        for key in features.guesses:
            anchor = ANCHOR if len(key) - len(SKELETON) >= ANCHOR_LETTERS else 0
            table[key_hash(key)] = KINDS[key[:2]] | GUESS | anchor
        for key in features.keys:
            table[key_hash(key)] = (KINDS[key[:2]] | (ANCHOR if key in features.anchors else 0)
                                    | (LEAD if key in features.lead else 0))
        keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
        flags = np.fromiter(table.values(), dtype=np.uint8, count=len(table))
        order = np.argsort(keys)
        return cls(keys[order], flags[order])


@dataclass(frozen=True)
class DocFreq:
    """Document frequencies: sorted key hashes and their counts, and the number of documents."""

    keys: np.ndarray
    counts: np.ndarray
    documents: int

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The document frequency of each key (0 for keys never counted)."""
        if not len(self.keys):
            return np.zeros(len(keys), dtype=np.uint32)
        at = np.minimum(self.keys.searchsorted(keys), len(self.keys) - 1)
        return np.where(self.keys[at] == keys, self.counts[at], 0).astype(np.uint32)


def frequencies(documents: Sequence[Hashed]) -> tuple[DocFreq, list[np.ndarray]]:
    """The corpus's document frequencies, and for each document those of its keys (a guess gets
    the frequency of the key it guesses).  One sort of every key occurrence: looking each
    document's keys up in the corpus table would jump around memory once per key."""
    counted = [(h.flags & GUESS) == 0 for h in documents]
    flat = np.concatenate([h.keys[c] for h, c in zip(documents, counted, strict=True)] or [_EMPTY_KEYS])
    order = np.argsort(flat, kind="stable")
    ordered = flat[order]
    starts = np.flatnonzero(np.concatenate([[len(flat) > 0], ordered[1:] != ordered[:-1]]))
    counts = np.diff(np.append(starts, len(flat))).astype(np.uint32)
    df = DocFreq(ordered[starts], counts, len(documents))
    del ordered
    occurrence = np.empty(len(flat), dtype=np.uint32)
    occurrence[order] = np.repeat(counts, counts)
    del order, flat
    out: list[np.ndarray] = []
    offset = 0
    for h, c in zip(documents, counted, strict=True):
        freq = np.zeros(len(h.keys), dtype=np.uint32)
        n = int(c.sum())
        freq[c] = occurrence[offset:offset + n]
        offset += n
        if n < len(h.keys):
            freq[~c] = df.lookup(h.keys[~c])
        out.append(freq)
    return df, out


@dataclass(frozen=True)
class Vector:
    """An article ready to cluster: sorted keys, full and entity unit weights (float32), which
    keys are anchors, its language and its day span."""

    keys: np.ndarray
    full: np.ndarray
    entity: np.ndarray
    anchor: np.ndarray
    lang: str
    days: tuple[int, int] | None


def script_language(text: str) -> str:
    """A language stand-in for an article the cleaner gave none: its script ("latin", "arabic"...)."""
    for char in text:
        if char.isalpha():
            if not is_non_latin(char):
                return "latin"
            name = _SCRIPT_NAMES.get(ord(char) >> 8)
            return name or f"script-{ord(char) >> 8:x}"
    return "none"


_SCRIPT_NAMES = {0x03: "greek", 0x04: "cyrillic", 0x05: "hebrew", 0x06: "arabic", 0x07: "arabic"}


def _unit(weights: np.ndarray) -> np.ndarray:
    norm = float(np.sqrt(np.dot(weights, weights)))
    return (weights / norm if norm > 0 else weights).astype(np.float32)


def vectorize(
    hashed: Hashed, frequency: np.ndarray, documents: int, lang: str, lang_documents: int,
    days: tuple[int, int] | None,
) -> Vector:
    """Weigh an article's keys (`frequency`: their document frequencies in a corpus of
    `documents`, `lang_documents` of them in the article's language; see the module docstring)."""
    counts = hashed.flags.astype(np.int64)
    kinds = counts & _KIND_MASK
    guess = (counts & GUESS) != 0
    freq = frequency.astype(np.float64)
    # A counted key was counted with this article itself: it needs one more article to matter.
    keep = np.where(guess, freq >= 1, freq >= 2)
    corpus = np.where(kinds == _WORD_KIND, max(lang_documents, 1), max(documents, 1))
    idf = np.log((corpus + 1) / np.maximum(freq, 1.0))
    if not keep.any():
        return Vector(_EMPTY_KEYS, _EMPTY_FLOATS, _EMPTY_FLOATS, np.zeros(0, dtype=bool), lang, days)
    idf, kinds = idf[keep], kinds[keep]
    idf = np.where((counts[keep] & LEAD) != 0, idf * LEAD_WEIGHT, idf)
    entity = np.where(kinds == _WORD_KIND, 0.0, idf)
    anchor = (counts[keep] & ANCHOR) != 0
    return Vector(hashed.keys[keep], _unit(idf), _unit(entity), anchor, lang, days)
