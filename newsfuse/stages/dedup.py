"""Near-duplicates: groups of articles that are copies of one text (the same wire story on many
sites, AMP and www copies of one page), with how much of their text each pair shares.

Each article's body is cut into word shingles (`algorithms.shingles`), signed with MinHash and
bucketed with LSH (`algorithms.minhash`), so only articles that collide in some band are ever
compared: no n x n work.  A candidate pair is kept when its exact Jaccard similarity reaches
`threshold`; groups are the connected sets of kept pairs.  Everything is seeded, and groups and
pairs come in input order, so the same input gives the same groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from newsfuse.algorithms.minhash import MinHasher, band_keys, lsh_params, similarity
from newsfuse.algorithms.shingles import containment, jaccard, shingles
from newsfuse.model import Article


@dataclass(frozen=True)
class SharedPair:
    """Two near-duplicate articles: exact Jaccard of their shingles, the MinHash estimate of it,
    and the share of the shorter one's shingles that the other holds."""

    a: str
    b: str
    jaccard: float
    estimate: float
    containment: float


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles that are copies of one another (in input order), and every kept pair among them."""

    articles: tuple[str, ...]
    pairs: tuple[SharedPair, ...]


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _candidates(
    signatures: list[np.ndarray], usable: list[int], bands: int, rows: int,
) -> set[tuple[int, int]]:
    buckets: dict[bytes, list[int]] = {}
    for i in usable:
        for key in band_keys(signatures[i], bands, rows):
            buckets.setdefault(key, []).append(i)
    return {(a, b) for members in buckets.values() for k, a in enumerate(members) for b in members[k + 1:]}


def near_duplicates(
    articles: Sequence[Article], *, threshold: float = 0.8, num_perm: int = 128, seed: int = 1,
) -> list[DuplicateGroup]:
    """Groups (two articles or more) of near-duplicate articles; see the module docstring."""
    hasher = MinHasher(num_perm, seed)
    sets = [shingles(a.text) for a in articles]
    signatures = [hasher.signature(s) for s in sets]
    usable = [i for i, s in enumerate(sets) if len(s)]
    bands, rows = lsh_params(num_perm, threshold)
    parent = list(range(len(articles)))
    kept: list[tuple[int, int, float]] = []
    for a, b in sorted(_candidates(signatures, usable, bands, rows)):
        exact = jaccard(sets[a], sets[b])
        if exact >= threshold:
            kept.append((a, b, exact))
            parent[_root(parent, b)] = _root(parent, a)
    members: dict[int, list[int]] = {}
    for i in usable:
        members.setdefault(_root(parent, i), []).append(i)
    groups: dict[int, list[SharedPair]] = {}
    for a, b, exact in kept:
        shorter, longer = (sets[a], sets[b]) if len(sets[a]) <= len(sets[b]) else (sets[b], sets[a])
        groups.setdefault(_root(parent, a), []).append(SharedPair(
            articles[a].id, articles[b].id, round(exact, 4), similarity(signatures[a], signatures[b]),
            round(containment(shorter, longer), 4)))
    return [
        DuplicateGroup(tuple(articles[i].id for i in members[root]), tuple(pairs))
        for root, pairs in sorted(groups.items(), key=lambda item: members[item[0]][0])
    ]
