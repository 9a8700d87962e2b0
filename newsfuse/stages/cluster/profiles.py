"""A story's profile: the sum of its articles' unit vectors, kept as sorted flat arrays, with
which of its keys anchored a match in some article.

The cosine between an article and the profile is the cosine to the story's centroid, which
averages away what single reports add of their own; it is compared in the full space when the
story holds an article in the article's language, else in the entity space.  A profile keeps at
most `limit` keys (the heaviest), so a story of thousands of reports stays small.
"""

from __future__ import annotations

import numpy as np

from newsfuse.stages.cluster.vectors import Vector

_EMPTY_KEYS = np.zeros(0, dtype=np.uint64)


class Profile:
    """The growing profile of one story (mutable while a batch is clustered)."""

    def __init__(self) -> None:
        self.keys = _EMPTY_KEYS
        self.full = np.zeros(0)
        self.entity = np.zeros(0)
        self.anchor = np.zeros(0, dtype=bool)
        self._norms()

    def _norms(self) -> None:
        self.full_norm2 = float(np.dot(self.full, self.full))
        self.entity_norm2 = float(np.dot(self.entity, self.entity))

    def _match(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which of `keys` the profile holds (a mask), and where it holds them."""
        if not len(self.keys) or not len(keys):
            return np.zeros(len(keys), dtype=bool), np.zeros(0, dtype=np.intp)
        at = np.minimum(self.keys.searchsorted(keys), len(self.keys) - 1)
        hit = self.keys[at] == keys
        return hit, at[hit]

    def cosine(self, vector: Vector, *, entity: bool, without: bool = False) -> float:
        """The cosine between `vector` and the centroid, in the entity or the full space; with
        `without`, the centroid of the others (`vector` being one of the summed articles)."""
        norm2 = self.entity_norm2 if entity else self.full_norm2
        dot = self.dot(vector, entity=entity)
        if without:
            own = vector.entity if entity else vector.full
            self_dot = float(own @ own)
            dot, norm2 = dot - self_dot, norm2 - 2 * dot + self_dot
        return dot / norm2**0.5 if norm2 > 1e-12 else 0.0

    def dot(self, vector: Vector, *, entity: bool) -> float:
        """The dot product of `vector` with the (unnormalised) sum, in one space."""
        mine, theirs = self._match(vector.keys)
        if entity:
            return float(vector.entity[mine] @ self.entity[theirs])
        return float(vector.full[mine] @ self.full[theirs])

    def similarity(self, other: Profile, *, entity: bool) -> float:
        """The cosine between this story's centroid and `other`'s, in the entity or the full space."""
        if not len(self.keys) or not len(other.keys):
            return 0.0
        mine, theirs = other._match(self.keys)
        a, b = (self.entity, other.entity) if entity else (self.full, other.full)
        n2 = (self.entity_norm2 if entity else self.full_norm2) * (
            other.entity_norm2 if entity else other.full_norm2)
        return float(a[mine] @ b[theirs]) / n2**0.5 if n2 > 1e-12 else 0.0

    def remove(self, vector: Vector) -> None:
        """Take an article's vectors out again (its keys stay, with what others gave them)."""
        mine, theirs = self._match(vector.keys)
        self.full[theirs] -= vector.full[mine]
        self.entity[theirs] -= vector.entity[mine]
        self._norms()

    def add(self, vector: Vector, limit: int) -> np.ndarray:
        """Add an article's vectors, keeping the `limit` heaviest keys once it holds twice that.

        Returns the anchor keys the profile did not hold as anchors before.
        """
        mine, theirs = self._match(vector.keys)
        self.full[theirs] += vector.full[mine]
        self.entity[theirs] += vector.entity[mine]
        fresh = vector.anchor[mine] & ~self.anchor[theirs]
        self.anchor[theirs] |= vector.anchor[mine]
        new = ~mine
        added = np.concatenate([vector.keys[mine][fresh], vector.keys[new & vector.anchor]])
        if new.any():
            keys = np.concatenate([self.keys, vector.keys[new]])
            order = np.argsort(keys, kind="stable")
            self.keys = keys[order]
            self.full = np.concatenate([self.full, vector.full[new]])[order]
            self.entity = np.concatenate([self.entity, vector.entity[new]])[order]
            self.anchor = np.concatenate([self.anchor, vector.anchor[new]])[order]
        if len(self.keys) > 2 * limit:
            keep = np.sort(np.argpartition(-self.full, limit)[:limit])
            self.keys, self.full, self.entity = self.keys[keep], self.full[keep], self.entity[keep]
            self.anchor = self.anchor[keep]
        self._norms()
        return added
