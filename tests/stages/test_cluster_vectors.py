"""Article vectors: the keys of the lead (headline and first lines) weigh double."""

from __future__ import annotations

import numpy as np
import pytest

from newsfuse.algorithms.features import Features
from newsfuse.stages.cluster.vectors import LEAD_WEIGHT, Hashed, key_hash, vectorize


def test_a_key_of_the_lead_weighs_double_one_of_the_body() -> None:
    features = Features(frozenset({"w:flood", "w:budget"}), frozenset({"w:flood", "w:budget"}),
                        lead=frozenset({"w:flood"}))
    hashed = Hashed.of(features)
    vector = vectorize(hashed, np.array([5, 5], dtype=np.uint32), 100, "en", 100, None)
    weight = dict(zip(vector.keys.tolist(), vector.full.tolist(), strict=True))
    assert weight[key_hash("w:flood")] == pytest.approx(LEAD_WEIGHT * weight[key_hash("w:budget")])
