"""What clustering keeps between runs: every article it has seen, prepared.

A later run adds the new articles and places them all again in the canonical order, which costs
little next to reading them, so that clustering in several runs gives exactly the stories of one
run over everything.  `to_bytes` packs the state as one compressed NumPy archive (flat arrays
and a JSON header, no pickle), so the store can keep it as a blob and `from_bytes` never runs
code from it.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsfuse.errors import StoreError
from newsfuse.stages.cluster.prepare import Prepared
from newsfuse.stages.cluster.titles import Headline
from newsfuse.stages.cluster.vectors import Hashed

FORMAT = 2


@dataclass(frozen=True)
class ClusterState:
    """Every article clustered so far, prepared, in the order they were given."""

    articles: tuple[Prepared, ...] = ()

    def article_ids(self) -> set[str]:
        """Ids of the articles the state holds."""
        return {a.id for a in self.articles}

    def to_bytes(self) -> bytes:
        """The state as one compressed archive of flat arrays plus a JSON header."""
        header: dict[str, Any] = {
            "format": FORMAT,
            "articles": [[a.id, a.lang, list(a.days) if a.days else None, a.headline.text, a.headline.titled]
                         for a in self.articles],
        }
        hashed = [a.hashed for a in self.articles]
        # Sentence embeddings (the optional semantic signal) are kept only when every article has one.
        embedded = bool(self.articles) and all(a.embedding is not None for a in self.articles)
        extra = {"embeddings": np.stack([a.embedding for a in self.articles])} if embedded else {}
        out = io.BytesIO()
        np.savez_compressed(
            out,
            header=np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
            sizes=np.array([len(h.keys) for h in hashed], dtype=np.int64),
            keys=np.concatenate([h.keys for h in hashed] or [np.zeros(0, dtype=np.uint64)]),
            flags=np.concatenate([h.flags for h in hashed] or [np.zeros(0, dtype=np.uint8)]),
            **extra,
        )
        return out.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> ClusterState:
        """Read a state written by `to_bytes`; an unreadable blob is a `StoreError`, and a state
        of another format (another version's features) the empty state, so that every article
        is read again."""
        try:
            with np.load(io.BytesIO(blob), allow_pickle=False) as archive:
                header = json.loads(archive["header"].tobytes().decode("utf-8"))
                sizes, keys, flags = archive["sizes"], archive["keys"], archive["flags"]
                embeddings = archive["embeddings"] if "embeddings" in archive.files else None
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as err:
            raise StoreError(f"the stored clustering state cannot be read ({err}); cluster again "
                             "from the articles") from err
        if header.get("format") != FORMAT:
            # Another version prepared these articles differently: they are read again.
            return cls()
        bounds = np.cumsum(sizes)[:-1] if len(sizes) else []
        rows = list(embeddings) if embeddings is not None else [None] * len(sizes)
        articles = tuple(
            Prepared(id_, Hashed(k, f), lang, (int(days[0]), int(days[1])) if days else None,
                     Headline(text, bool(titled)), embedding)
            for (id_, lang, days, text, titled), k, f, embedding in zip(
                header["articles"], np.split(keys, bounds), np.split(flags, bounds), rows, strict=True)
        ) if len(sizes) else ()
        return cls(articles)
