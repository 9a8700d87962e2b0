"""Alignment: group the sentences of a story's articles that state the same fact into claims.

Each sentence becomes a TF-IDF vector over its content terms (`algorithms.similarity`); a named
entity adds its alias key (Maheen and Mahin share one term, so do ISIL and Islamic State) and a
quantity the group of values that agree with it after normalisation (20 km and 13 miles are one
term).  IDF is computed over the story's sentences, so a term every sentence
shares (the story's main place) weighs little and the terms that tell one fact from another
weigh most.

Sentences are grouped by average-linkage agglomerative clustering on cosine similarity, cut at
`ALIGN_THRESHOLD`.  Average linkage keeps a claim from growing by chains of loosely related
sentences (single linkage would let "A is like B, B is like C" merge A and C).  A story holds at
most a few hundred sentences, so the full similarity matrix of one story is cheap; nothing is
compared across stories.

Why 0.35: sibling stories (same place or actors, another event) give sentence pairs that cannot
state one fact.  Aligning each sibling pair of the development set as if it were one story,
the share of passing cross-article pairs that cross stories falls from 21% at 0.20 and 18% at
0.25 to 12% at 0.35, then flattens (11% at 0.40) while the pairs that pass within a story drop
by 40% (188 -> 111); 0.35 is the knee.  Sibling stories share background sentences, so these
shares are upper bounds.  `bench/synthesis_bench.py` reports the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newsfuse.algorithms.quantities import agree
from newsfuse.algorithms.similarity import content_term, cosine_matrix, tfidf_matrix, word_spans
from newsfuse.model import AnalyzedArticle, Claim, Quantity, Sentence, Span

ALIGN_THRESHOLD = 0.35
# Entity labels that name something (spaCy's scheme); numeric ones are read as words.
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE"})
# Arabic writes conjunctions, prepositions, the article and possessives as part of the word:
# "وبعمق" (and at a depth of) and "عمقه" (its depth) are both "عمق".  A stem keeps this many
# letters at least (most Arabic roots have three).
_ARABIC_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0640]+")
_ARABIC_MARKS = re.compile(r"[\u064B-\u0652\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC_CONJUNCTIONS = ("و", "ف")
_ARABIC_PREPOSITIONS = ("ب", "ك", "ل")
_ARABIC_ARTICLE = "ال"
_ARABIC_ELIDED = "لل"
_ARABIC_SUFFIXES = ("ها", "ه", "ا")
_ARABIC_STEM = 3


@dataclass(frozen=True)
class Alignment:
    """The claims of a story and what they were built from.

    `sentences` are every sentence of the story in article order; `similarity` is their cosine
    matrix; `members[k]` are the sentence indices of `claims[k]` and `claim_of[i]` the claim of
    sentence i; `terms[i]` are the features of sentence i and `positions[i]` its rank in its
    article over the article's sentence count (0 = first); `idf` weighs every term in the story.
    """

    sentences: tuple[Sentence, ...]
    similarity: np.ndarray
    claims: tuple[Claim, ...]
    members: tuple[tuple[int, ...], ...]
    claim_of: tuple[int, ...]
    terms: tuple[tuple[str, ...], ...]
    positions: tuple[float, ...]
    idf: dict[str, float]

    def support(self, index: int) -> tuple[str, ...]:
        """The articles that state the fact of sentence `index` (its claim's support)."""
        return self.claims[self.claim_of[index]].support


def _strip(word: str, affixes: Sequence[str], *, prefix: bool) -> str:
    """`word` without the first of `affixes` it starts (or ends) with, if a stem is left."""
    for a in affixes:
        if (word.startswith(a) if prefix else word.endswith(a)) and len(word) - len(a) >= _ARABIC_STEM:
            return word[len(a):] if prefix else word[:-len(a)]
    return word


def arabic_stem(word: str) -> str:
    """One form for an Arabic word with its clitics: short vowels and hamza seats dropped, then
    a conjunction (و ف), a preposition (ب ك ل), the article (ال) and a possessive or feminine
    ending (ه ها ة ا) stripped, each only when three letters are left ("وبعمق" and "عمقه" are
    "عمق"; "بلغ" stays "بلغ")."""
    word = _ARABIC_MARKS.sub("", word).translate(_ARABIC_LETTERS)
    word = _strip(word, _ARABIC_CONJUNCTIONS, prefix=True)
    # "للزلزال" (for the quake): ل and ال meet as لل
    word = _strip(word, (_ARABIC_ELIDED,), prefix=True) if word.startswith(_ARABIC_ELIDED) else \
        _strip(_strip(word, _ARABIC_PREPOSITIONS, prefix=True), (_ARABIC_ARTICLE,), prefix=True)
    return _strip(word, _ARABIC_SUFFIXES, prefix=False)


def positioned_terms(sentence: Sentence) -> list[tuple[str, str, int]]:
    """``(term, surface text, start offset in the article)`` for each content term of a sentence.

    A named entity adds ``@`` + its alias key before its own words, so that spellings and
    synonyms meet (Mahin / Maheen) while a name the recogniser missed in one outlet still shares
    its words with the other.  Numeric entities (dates, amounts) are left to their words; an
    Arabic word is one term, its `arabic_stem`.
    """
    entities = sorted((e for e in sentence.entities if e.label in NAME_LABELS), key=lambda e: e.start)
    out: list[tuple[str, str, int]] = []
    k = 0
    last = -1
    for word, start, end in word_spans(sentence.text):
        pos = sentence.start + start
        while k < len(entities) and entities[k].end <= pos:
            k += 1
        if k < len(entities) and entities[k].start <= pos and (not out or out[-1][2] < entities[k].start):
            out.append(("@" + entities[k].key, entities[k].text, entities[k].start))
        surface = sentence.text[start:end]
        if _ARABIC_WORD.fullmatch(surface):
            # transliterated, an Arabic word falls apart at its ع ("wb`mq": "wb", "mq")
            term = None if start == last or len(surface) < _ARABIC_STEM else arabic_stem(surface)
            last = start
        else:
            term = content_term(word)
        if term is not None:
            out.append((term, surface, pos))
    return out


def sentence_terms(sentence: Sentence) -> list[str]:
    """Content terms of a sentence, each entity mention replaced by ``@`` + its alias key."""
    return [t for t, _, _ in positioned_terms(sentence)]


def quantity_groups(sentences: Sequence[Sentence]) -> list[list[str]]:
    """One term per quantity: ``=q<n>`` where n numbers the group of values that agree.

    Quantities agree when `algorithms.quantities.agree` says so (same dimension, equal within the
    precision each was stated at); a quantity joins the first group with a member it agrees with.
    """
    groups: list[list[Quantity]] = []
    out: list[list[str]] = []
    for sentence in sentences:
        tokens = []
        for q in sentence.quantities:
            g = next((k for k, members in enumerate(groups) if any(agree(q, m) for m in members)), None)
            if g is None:
                g = len(groups)
                groups.append([])
            groups[g].append(q)
            tokens.append(f"=q{g}")
        out.append(tokens)
    return out


def _clusters(similarity: np.ndarray, threshold: float) -> list[int]:
    """Average-linkage cluster label of every row, cut at `threshold` similarity."""
    n = similarity.shape[0]
    if n < 2:
        return [0] * n
    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return [int(x) - 1 for x in fcluster(tree, t=1.0 - threshold, criterion="distance")]


def _representative(members: Sequence[int], sentences: Sequence[Sentence], sim: np.ndarray) -> int:
    """The member most similar to the others from other articles (shortest on ties)."""
    def score(i: int) -> tuple[float, int]:
        others = [j for j in members if sentences[j].article != sentences[i].article]
        return (float(sim[i, others].sum()) if others else 0.0, -len(sentences[i].text))
    return max(members, key=score)


def align(articles: Sequence[AnalyzedArticle], *, threshold: float = ALIGN_THRESHOLD) -> Alignment:
    """Group the sentences of `articles` (one story) into claims, best supported first.

    Claims are ordered by the number of supporting articles, then by how early their sentences
    come in their articles (news puts the main facts first), then by text.
    """
    sentences = tuple(s for a in articles for s in a.sentences)
    order = {a.article.id: k for k, a in enumerate(articles)}
    position = _relative_positions(articles)
    qterms = quantity_groups(sentences)
    terms = tuple(tuple(sentence_terms(s) + q) for s, q in zip(sentences, qterms, strict=True))
    matrix, idf = tfidf_matrix(terms)
    sim = cosine_matrix(matrix) if sentences else np.zeros((0, 0))
    labels = _clusters(sim, threshold)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)

    def rank(members: list[int]) -> tuple[int, float, str]:
        support = {sentences[i].article for i in members}
        return (-len(support), min(position[i] for i in members), sentences[members[0]].text)

    ordered = sorted(groups.values(), key=rank)
    claims, claim_of = [], [0] * len(sentences)
    for k, members in enumerate(ordered):
        for i in members:
            claim_of[i] = k
        support = sorted({sentences[i].article for i in members}, key=order.__getitem__)
        best = _representative(members, sentences, sim)
        claims.append(Claim(
            id=f"c{k + 1}", text=sentences[best].text, support=tuple(support),
            sentences=tuple(Span(sentences[i].article, sentences[i].start, sentences[i].end)
                            for i in members),
        ))
    return Alignment(sentences, sim, tuple(claims), tuple(tuple(m) for m in ordered),
                     tuple(claim_of), terms, tuple(position), idf)


def _relative_positions(articles: Sequence[AnalyzedArticle]) -> list[float]:
    """Each sentence's rank in its article over the article's sentence count (0 = first)."""
    out: list[float] = []
    for a in articles:
        n = max(len(a.sentences), 1)
        out.extend(k / n for k in range(len(a.sentences)))
    return out
