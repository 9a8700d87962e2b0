"""The usual story-clustering recipe, as a baseline: TF-IDF vectors + average-link agglomerative
clustering over a precomputed cosine distance matrix (scikit-learn), with the distance threshold
tuned on a labeled corpus (the dev set) by B-cubed F1.

The recipe needs the full n x n distance matrix (and scikit-learn's average linkage copies it into
a condensed one), so its memory grows with the square of the corpus: `matrix_bytes` says how much
before anything is allocated, which is how the benchmark decides a size cannot run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances

THRESHOLDS = tuple(round(0.50 + 0.02 * i, 2) for i in range(25))


def tfidf_agglomerative(texts: Sequence[str], threshold: float) -> list[int]:
    """Cluster labels (one per text) of average-link clustering cut at cosine `threshold`."""
    if len(texts) < 2:
        return [0] * len(texts)
    vectors = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts)
    distances = cosine_distances(vectors)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return [int(x) for x in model.fit_predict(distances)]


def bcubed_f1(gold: Mapping[str, str], pred: Mapping[str, str]) -> float:
    """B-cubed F1 of a predicted item -> cluster map against a gold one (items of `gold` only)."""
    items = [i for i in gold if i in pred]
    gold_members: dict[str, set[str]] = defaultdict(set)
    pred_members: dict[str, set[str]] = defaultdict(set)
    for i in items:
        gold_members[gold[i]].add(i)
        pred_members[pred[i]].add(i)
    precision = recall = 0.0
    for i in items:
        shared = len(gold_members[gold[i]] & pred_members[pred[i]])
        precision += shared / len(pred_members[pred[i]])
        recall += shared / len(gold_members[gold[i]])
    if not items or precision + recall == 0:
        return 0.0
    precision, recall = precision / len(items), recall / len(items)
    return 2 * precision * recall / (precision + recall)


def tune_threshold(
    ids: Sequence[str], texts: Sequence[str], gold: Mapping[str, str],
    thresholds: Sequence[float] = THRESHOLDS,
) -> tuple[float, float]:
    """The distance threshold with the best B-cubed F1 on a labeled corpus, and that F1."""
    vectors = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(texts)
    distances = cosine_distances(vectors)
    best = (thresholds[0], -1.0)
    for t in thresholds:
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=t
        )
        labels = model.fit_predict(distances)
        f1 = bcubed_f1(gold, {i: str(x) for i, x in zip(ids, labels, strict=True)})
        if f1 > best[1]:
            best = (t, f1)
    return best


def matrix_bytes(n: int) -> int:
    """Bytes of the dense float64 n x n distance matrix the recipe starts from (a lower bound)."""
    return n * n * np.dtype(np.float64).itemsize
