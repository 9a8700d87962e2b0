"""Text similarity for short news sentences: content-word tokens, a light stemmer, TF-IDF, cosine.

Pure functions, no model: the same tokens are used to align sentences across outlets, to tell
what only one outlet says, and to keep a brief free of repeats.  Stemming is a small suffix
stripper (captured / captures / capturing -> ``captur``), enough to meet inflection across
outlets; reporting verbs (said, told, according) are dropped with the stop words since every
outlet attributes differently.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

_REPORTING = frozenset({
    "said", "says", "say", "saying", "told", "tell", "tells", "according", "added", "adding",
    "stated", "reportedly", "quoted", "also", "just", "mr", "mrs", "ms", "per", "via", "like",
})
STOPWORDS = frozenset(w.lower() for w in STOP_WORDS) | _REPORTING

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d[\d,.]*\d|[^\W_]+(?:['’][^\W_]+)?")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}")
_WORD = re.compile(r"\d[\d,.]*\d|\d|[a-z]+(?:'[a-z]+)?")
_DOUBLE = re.compile(r"([b-df-hj-km-np-rtv-y])\1$")


def stem(word: str) -> str:
    """Strip common English inflections so that forms of one word meet (lowercase input)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl, min_len in (("ies", "y", 5), ("ied", "y", 5), ("sses", "ss", 5)):
        if word.endswith(suffix) and len(word) >= min_len:
            return word[: -len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, min_len in (("ing", 6), ("ed", 5), ("ly", 6)):
        if word.endswith(suffix) and len(word) >= min_len:
            word = word[: -len(suffix)]
            if _DOUBLE.search(word):
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def normalize_number(token: str) -> str:
    """A digit token in one spelling: thousands separators and trailing dots dropped."""
    token = token.rstrip(".,")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", token):
        token = token.replace(",", "")
    return token


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Every word and number of `text` as ``(lowercased ASCII form, start, end)``.

    Offsets are into `text` itself; transliteration happens per match so they stay exact, and an
    acronym with dots (U.S.) is one word.
    """
    out = []
    for m in _TOKEN.finditer(text):
        surface = m.group()
        if _ACRONYM.fullmatch(surface):
            surface = surface.replace(".", "")
        ascii_form = unidecode(surface).lower().replace("’", "'")
        out.extend((w.group(), m.start(), m.end()) for w in _WORD.finditer(ascii_form))
    return out


def content_term(word: str) -> str | None:
    """The term a word contributes to similarity, or None for stop words and noise."""
    if word[0].isdigit():
        return "#" + normalize_number(word)
    word = word.removesuffix("'s")
    if word in STOPWORDS or len(word) < 2:
        return None
    return stem(word)


def terms(text: str) -> list[str]:
    """Content terms of `text`, in order (stemmed words, ``#``-prefixed numbers)."""
    return [t for w, _, _ in word_spans(text) if (t := content_term(w)) is not None]


def tfidf_matrix(docs: Sequence[Iterable[str]]) -> tuple[np.ndarray, dict[str, float]]:
    """L2-normalised TF-IDF rows for `docs` (term sequences) and the IDF of every term.

    TF is sublinear (1 + log tf); IDF is smoothed, ``log((n + 1) / (df + 1)) + 1``, so a term in
    every document still counts a little (a story's main place is in most of its sentences).
    """
    counts = [Counter(d) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocab = {t: i for i, t in enumerate(sorted(df))}
    n = len(counts)
    idf = {t: math.log((n + 1) / (df[t] + 1)) + 1.0 for t in vocab}
    matrix = np.zeros((n, len(vocab)), dtype=np.float64)
    for row, c in enumerate(counts):
        for t, k in c.items():
            matrix[row, vocab[t]] = (1.0 + math.log(k)) * idf[t]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix, idf


def cosine_matrix(rows: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity of L2-normalised rows."""
    return np.clip(rows @ rows.T, 0.0, 1.0)
