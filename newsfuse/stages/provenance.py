"""Provenance: who copied whom within a story, which wire each text comes from, and the families of
articles that derive from one wire text.

**Copy graph.** Two texts share a passage when a run of at least `MIN_RUN` consecutive words
appears in both (word windows of `WINDOW` words, aligned by position, so a run is a real copied
span, not a bag of common phrases: "the Britain-based Syrian Observatory for Human Rights said" is
what every report of a war writes; twelve words in a row are copy). The share of an article's
words inside such runs is the fraction of its text found in the other (`CopyEdge.shared`, and
`reverse` the other way round); edges below `EDGE_MIN` are not kept. On the development corpus
none of 3,000 sampled pairs of articles from different stories shares even 3% this way, while
rewrites of one wire story share 7-50% (copies up to 100%).

**Direction.** A text cannot copy a later one, so an earlier publication date makes the source;
else a text whose own words state the wire is closer to it than one that does not; else a text
(almost) wholly contained in a longer one is its excerpt; otherwise the edge stays undirected.

**Families.** Articles are grouped by average-linkage over the copy shares (average, not single
linkage: an outlet that blends an AP and a Reuters story must not chain the two wire families into
one) while the average share between two groups is at least `FAMILY_MIN`; an article left alone
whose share with some member (either way round) reaches `ATTACH_MIN` joins the one family it
shares the most with.

**Wire.** Each article's wire and how it is known (`stages.wire_basis`): *stated* by its own text
(`Article.wire`, from the cleaner: dateline, "Reuters reports", byline, trailing credit) or
*outlet* (it is on the agency's own site) make it wire copy; an article that is not wire copy
*inherits* the wire of wire copy it copies (*inferred*, with the article it copies: at least
`INFER_MIN` of its narrative, or a passage in its lede, the first `LEDE_WORDS` words, since a
rewrite that tells the story in the wire's words derives from it), and *cites* the agencies whose
reporting it relays ("told AFP", "according to Reuters": *cited*, not wire copy). Only copied
narrative counts for inference: words inside quotation marks are left out, since two outlets
quoting one statement word for word is no sign that one copies the other's wire. A smaller
borrowing further down (a background paragraph lifted from an agency's site into an outlet's own
report) shows in the copy graph and the families, but does not make the article that agency's
copy: the wire names where the story comes from, not every passage.

**Origin** of a family: the member that is wire copy, then the earliest published, then the
one holding most of the others' text (the fullest version of the wire copy).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from newsfuse.algorithms.similarity import word_spans
from newsfuse.model import Article, CopyEdge, Family, Provenance, Span, Story, WireCredit
from newsfuse.stages.wire_basis import Copied, derived_wire, own_wire

WINDOW = 6
MIN_RUN = 12
EDGE_MIN = 0.05
FAMILY_MIN = 0.1
INFER_MIN = 0.3
# The lede: about its first two sentences.
LEDE_WORDS = 60
ATTACH_MIN = 0.1
# Containment: an excerpt has at least this share of its words in the other text ...
EXCERPT_MIN = 0.8
# ... which has at least this much more of its own.
EXCERPT_MARGIN = 0.2
# A quotation within one paragraph, in the quote marks of the languages newsfuse reads.
_QUOTE = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]')


@dataclass(frozen=True)
class _Text:
    """An article's words, with their offsets and the positions of each word window."""

    article: Article
    words: tuple[tuple[str, int, int], ...]
    windows: dict[tuple[str, ...], list[int]]

    @classmethod
    def of(cls, article: Article) -> _Text:
        words = tuple(word_spans(article.text))
        windows: dict[tuple[str, ...], list[int]] = {}
        for i in range(len(words) - WINDOW + 1):
            windows.setdefault(tuple(w for w, _, _ in words[i:i + WINDOW]), []).append(i)
        return cls(article, words, windows)

    @cached_property
    def quoted(self) -> tuple[bool, ...]:
        """Whether each word stands inside a quotation."""
        spans = [m.span() for m in _QUOTE.finditer(self.article.text)]
        flags, k = [], 0
        for _, start, _ in self.words:
            while k < len(spans) and spans[k][1] <= start:
                k += 1
            flags.append(k < len(spans) and spans[k][0] <= start)
        return tuple(flags)


def copied_runs(target: _Text, source: _Text) -> list[tuple[int, int]]:
    """Word ranges `[i, j)` of `target` that appear, as runs of at least `MIN_RUN` words, in
    `source` (a run: consecutive windows that each occur in the source)."""
    hits = sorted(i for window, positions in target.windows.items() if window in source.windows
                  for i in positions)
    runs: list[tuple[int, int]] = []
    for i in hits:
        if runs and i <= runs[-1][1] - WINDOW + 1:
            runs[-1] = (runs[-1][0], max(runs[-1][1], i + WINDOW))
        else:
            runs.append((i, i + WINDOW))
    return [(a, b) for a, b in runs if b - a >= MIN_RUN]


def _share(text: _Text, runs: list[tuple[int, int]]) -> float:
    return sum(b - a for a, b in runs) / len(text.words) if text.words else 0.0


def narrative_copy(target: _Text, source: _Text) -> tuple[float, int | None]:
    """The share of `target`'s words copied from `source` outside quotations, and the index of the
    first such word (None when there is none)."""
    quoted = target.quoted
    copied = [i for a, b in copied_runs(target, source) for i in range(a, b) if not quoted[i]]
    if not copied:
        return 0.0, None
    return len(copied) / len(target.words), copied[0]


def _spans(text: _Text, runs: list[tuple[int, int]]) -> tuple[Span, ...]:
    return tuple(Span(text.article.id, text.words[a][1], text.words[b - 1][2]) for a, b in runs)


def _day(article: Article) -> str | None:
    return article.published[:10] if article.published and len(article.published) >= 10 else None


def _direction(
    a: Article, b: Article, a_in_b: float, b_in_a: float, wire_copy: set[str]
) -> tuple[Article, Article, str]:
    """(source, target, basis) for two articles sharing text (`wire_copy`: ids of wire copy)."""
    da, db = _day(a), _day(b)
    if da and db and da != db:
        return (a, b, "date") if da < db else (b, a, "date")
    if (a.id in wire_copy) != (b.id in wire_copy):
        return (a, b, "credit") if a.id in wire_copy else (b, a, "credit")
    if a_in_b >= EXCERPT_MIN and b_in_a <= a_in_b - EXCERPT_MARGIN:
        return b, a, "containment"
    if b_in_a >= EXCERPT_MIN and a_in_b <= b_in_a - EXCERPT_MARGIN:
        return a, b, "containment"
    return (a, b, "none") if a.id <= b.id else (b, a, "none")


def _candidate_pairs(texts: Sequence[_Text]) -> list[tuple[int, int]]:
    """Pairs of texts sharing enough word windows to hold one copied run, found through an
    inverted index (no all-pairs comparison)."""
    postings: dict[tuple[str, ...], list[int]] = {}
    for n, text in enumerate(texts):
        for window in text.windows:
            postings.setdefault(window, []).append(n)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        for i, x in enumerate(holders):
            for y in holders[i + 1:]:
                shared[(x, y)] += 1
    return sorted(pair for pair, count in shared.items() if count >= MIN_RUN - WINDOW + 1)


def copy_graph(articles: Sequence[Article]) -> tuple[list[CopyEdge], dict[tuple[str, str], float]]:
    """The copy edges among `articles`, and the shares of their pairs: `(x, y)` -> the share of x's
    text found in y (pairs without an edge are left out: they share nothing that counts)."""
    wire_copy = {a.id for a in articles if own_wire(a)}
    return _graph([_Text.of(a) for a in articles], wire_copy)


def _graph(
    texts: Sequence[_Text], wire_copy: set[str]
) -> tuple[list[CopyEdge], dict[tuple[str, str], float]]:
    shares: dict[tuple[str, str], float] = {}
    edges: list[CopyEdge] = []
    for i, j in _candidate_pairs(texts):
        x, y = texts[i], texts[j]
        x_runs, y_runs = copied_runs(x, y), copied_runs(y, x)
        x_in_y, y_in_x = _share(x, x_runs), _share(y, y_runs)
        if max(x_in_y, y_in_x) < EDGE_MIN:
            continue
        shares[(x.article.id, y.article.id)] = x_in_y
        shares[(y.article.id, x.article.id)] = y_in_x
        source, target, basis = _direction(x.article, y.article, x_in_y, y_in_x, wire_copy)
        runs, text = (x_runs, x) if target is x.article else (y_runs, y)
        shared, reverse = (x_in_y, y_in_x) if target is x.article else (y_in_x, x_in_y)
        edges.append(CopyEdge(source.id, target.id, round(shared, 3), round(reverse, 3), basis,
                              _spans(text, runs)))
    return edges, shares


def families_of(ids: Sequence[str], shares: dict[tuple[str, str], float]) -> list[list[str]]:
    """Average-linkage groups of articles (two or more) whose texts derive from one another.

    Only linked pairs are held (sums of shares between groups), so the cost follows the number of
    copy edges, not the square of the story's size."""
    groups: dict[int, list[str]] = {n: [a] for n, a in enumerate(ids)}
    where = {a: n for n, a in enumerate(ids)}
    links: dict[tuple[int, int], float] = {}
    for a, b in shares:
        if a in where and b in where and where[a] < where[b]:
            links[(where[a], where[b])] = _link(shares, a, b)
    while links:
        (i, j), best = max(
            ((k, v / (len(groups[k[0]]) * len(groups[k[1]]))) for k, v in links.items()),
            key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]),
        )
        if best < FAMILY_MIN:
            break
        groups[i] += groups.pop(j)
        merged: dict[tuple[int, int], float] = {}
        for (a, b), v in links.items():
            a, b = (i if a == j else a), (i if b == j else b)
            if a != b:
                merged[(min(a, b), max(a, b))] = merged.get((min(a, b), max(a, b)), 0.0) + v
        links = merged
    families = [g for _, g in sorted(groups.items()) if len(g) > 1]
    _attach_blends(ids, shares, families)
    return families


def _attach_blends(
    ids: Sequence[str], shares: dict[tuple[str, str], float], families: list[list[str]]
) -> None:
    """An article left alone that copies a real part of a family member's text (an outlet blending
    two wires' copy) joins the family it shares the most with; it joins one family only, so
    families never chain."""
    placed = {a for f in families for a in f}
    for a in ids:
        if a in placed:
            continue
        totals = [sum(_link(shares, a, m) for m in f) for f in families]
        strongest = [max((_link(shares, a, m) for m in f), default=0.0) for f in families]
        if totals and max(strongest) >= ATTACH_MIN:
            best = max(range(len(families)), key=lambda n: (totals[n], -n))
            if strongest[best] >= ATTACH_MIN:
                families[best].append(a)


def _link(shares: dict[tuple[str, str], float], a: str, b: str) -> float:
    return max(shares.get((a, b), 0.0), shares.get((b, a), 0.0))


def credits(
    texts: Sequence[_Text], shares: dict[tuple[str, str], float], own: dict[str, WireCredit | None]
) -> list[WireCredit]:
    """Each article's wire (see `stages.wire_basis`): its own when it is wire copy (`own`), else the
    wire of the wire copy it copies (at least `INFER_MIN` of its narrative, or a passage in its lede)
    joined with the agencies it cites."""
    out = []
    wire_copy = [(c, credit) for c in texts if (credit := own[c.article.id]) is not None]
    for a in texts:
        mine = own[a.article.id]
        if mine is not None:
            out.append(mine)
            continue
        copied = []
        for c, credit in wire_copy:
            if shares.get((a.article.id, c.article.id), 0.0) < EDGE_MIN:
                continue
            share, first = narrative_copy(a, c)
            if first is not None and (share >= INFER_MIN or first < LEDE_WORDS):
                start = a.words[first][1]
                copied.append((share, c.article.id, Copied(c.article.id, credit.wire, start)))
        best = max(copied, key=lambda t: (t[0], t[1]))[2] if copied else None
        credit = derived_wire(a.article, best)
        if credit is not None:
            out.append(credit)
    return out


def _origin(
    members: list[Article], shares: dict[tuple[str, str], float], own: dict[str, WireCredit | None]
) -> tuple[str, tuple[str, ...]]:
    """The likely origin of a family and why."""
    def held(x: Article) -> float:
        others = [m for m in members if m is not x]
        return sum(shares.get((m.id, x.id), 0.0) for m in others) / len(others)

    ranked = sorted(members, key=lambda m: (own[m.id] is None, _day(m) or "9999", -held(m), m.id))
    origin = ranked[0]
    reasons = []
    mine = own[origin.id]
    if mine is not None:
        reasons.append(f"states the wire ({mine.wire})" if mine.basis == "stated"
                       else f"on the agency's own site ({mine.wire})")
    days = [d for m in members if (d := _day(m))]
    if _day(origin) and _day(origin) == min(days):
        reasons.append(f"earliest published ({_day(origin)})")
    if held(origin) >= max(held(m) for m in members):
        reasons.append(f"holds most of the family's text ({held(origin):.2f})")
    return origin.id, tuple(reasons)


def provenance(story: Story, articles: Sequence[Article]) -> Provenance:
    """The provenance of `story` from its articles (others in `articles` are ignored)."""
    by_id = {a.id: a for a in articles}
    members = [by_id[i] for i in story.articles if i in by_id]
    own = {a.id: own_wire(a) for a in members}
    texts = [_Text.of(a) for a in members]
    edges, shares = _graph(texts, {i for i, w in own.items() if w})
    groups = families_of([m.id for m in members], shares)
    wires = credits(texts, shares, own)
    wire_of = {w.article: w.wire for w in wires}
    families = []
    for n, group in enumerate(groups, start=1):
        group_articles = [by_id[i] for i in group]
        origin, reasons = _origin(group_articles, shares, own)
        copies = [w.wire for i in group if (w := own[i])]
        named = copies or [wire_of[i] for i in group if i in wire_of]
        wire = max(set(named), key=lambda w: (named.count(w), w)) if named else None
        families.append(Family(f"f{n}", tuple(group), origin, reasons, wire))
    return Provenance(story=story.id, edges=tuple(edges), wire=tuple(wires), families=tuple(families))
