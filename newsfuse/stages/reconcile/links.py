"""Slots: which values of a story's articles state the same fact, so that their figures compare.

Two values of different articles fill one slot when they are of one kind and key (a length with
a length, a count with a count of the same thing, a death toll with a death toll) and the
evidence that they state one fact is strong enough (`_link`):

- their sentences are in one claim (`stages.align`) and share a little context, or
- their contexts (the content words around them, IDF-weighted) are alike, or
- they measure one thing the story settles (`stages.slot_things`), one of them at a figure
  several outlets give (or both, when the thing is one fact by nature).

Some pairs never share a slot (`_apart`): two figures one sentence gives (unless for one settled
thing), values placed in different places or dated to different days, measures from different
named anchors or of different named owners, counts of different nationalities, tolls of
different places, sides or victims.

Values are grouped by average linkage in two rounds, first the values stating one figure, then
those groups into slots: the two groups most strongly linked merge first, as long as most of
their pairs are linked at all and none is apart, so that a slot never grows through a chain of
loose resemblances.  The words of a group stating one figure are pooled before the second
round: outlets that agree on a figure describe it in their own words ("within 20 km of the main
road", "20 kilometers from the highway"), and each of those names the fact.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from newsfuse.stages.align import Alignment
from newsfuse.stages.reconcile.figures import (
    comparable,
    days_apart,
    different_days,
    numbers_agree,
    same_figure,
    values_agree,
)
from newsfuse.stages.reconcile.things import Settlement, Thing, settle, things, victims
from newsfuse.stages.reconcile.value import Value

# Within one claim a value's neighbourhood needs only this much in common with another's.
CLAIM_CONTEXT = 0.1
SLOT_CONTEXT = 0.25
# The same figure is itself a sign of the same slot: with it, some words in common (who was hit,
# what was measured) are enough.  "50 killed or wounded" and "50 killed" are two readings of one
# toll, so these two classes are compared with each other.
SAME_FIGURE_CONTEXT = 0.15
# Measuring the same (unambiguous) thing is worth this much context: enough on its own.
THING_WEIGHT = SLOT_CONTEXT
# A value joins a slot when it is linked to at least this share of the slot's values of other
# articles.
LINKED_SHARE = 0.5
# Leads state a story's main toll; two of them need little shared context to be about the same.
LEAD_POSITION = 0.34
_CROSS_CLASS = frozenset({"killed", "killed_or_wounded"})
_FULL_CONTEXT = 3
# Tolls dated this many days apart are of two events ("last month's quake").
EVENT_DAYS = 7
# Kinds of values that happen somewhere: two of them placed in different places differ.
_PLACED = frozenset({"quantity", "count", "casualty", "time", "date", "direction"})


def _apart(a: Value, b: Value, settled: Collection[Thing] = ()) -> bool:
    """Two values that never fill one slot (see the module docstring).  Two figures of one
    sentence are two slots of it, unless they are two figures for one thing the story settles
    ("45 people with Spanish surnames, and 42 passengers of Spanish nationality"); tolls rise
    from day to day, so only those a week apart are of two events."""
    if a.sentence == b.sentence and not values_agree(a, b) and not things(a) & things(b) & set(settled):
        return True
    if a.kind in _PLACED and a.places and b.places and not a.places & b.places:
        return True
    ma, mb = a.measured, b.measured
    if a.kind in ("quantity", "count", "time") and different_days(a, b):
        return True
    if a.kind == "casualty" and a.when and b.when and days_apart(a.when, b.when) > EVENT_DAYS:
        return True
    if a.kind == "quantity" and (ma.anchor_names or mb.anchor_names) and ma.anchor and mb.anchor \
            and not ma.anchor & mb.anchor:
        return True
    if a.kind == "quantity" and ma.owner_proper and mb.owner_proper and ma.owner != mb.owner:
        return True
    if a.kind == "count" and ma.nations != mb.nations:
        return True
    if a.kind == "casualty":
        sides = (ma.subset and mb.subset and not ma.subset & mb.subset) or (
            ma.nations and mb.nations and not ma.nations & mb.nations)
        scopes = bool(a.scope) != bool(b.scope) or bool(a.scope and not a.scope & b.scope)
        return bool(sides) or scopes or bool(victims(a)) != bool(victims(b))
    return False


def _context_similarity(a: Value, b: Value, idf: dict[str, float]) -> float:
    """IDF-weighted cosine of two values' contexts, scaled down when either context has fewer
    than `_FULL_CONTEXT` terms (a context of one word matches too much to be trusted)."""
    ca, cb = Counter(a.context), Counter(b.context)
    dot = sum(ca[t] * cb[t] * idf.get(t, 1.0) ** 2 for t in ca.keys() & cb.keys())
    na = math.sqrt(sum((k * idf.get(t, 1.0)) ** 2 for t, k in ca.items()))
    nb = math.sqrt(sum((k * idf.get(t, 1.0)) ** 2 for t, k in cb.items()))
    if not (na and nb):
        return 0.0
    return dot / (na * nb) * min(1.0, len(ca) / _FULL_CONTEXT, len(cb) / _FULL_CONTEXT)


@dataclass(frozen=True)
class _Story:
    alignment: Alignment
    settlement: Settlement
    # what each value measures, pooled over the values linked to it at the same figure
    pooled: tuple[frozenset[Thing], ...]

    def same_thing(self, i: int, j: int, a: Value, b: Value) -> bool:
        """Whether values `i` and `j` (`a` and `b`) measure one thing the story settles, one of
        them at a confirmed figure (the pattern of a discrepancy: what several say, and an
        outlet that says otherwise)."""
        for t in self.pooled[i] & self.pooled[j]:
            confirmed = self.settlement.settled.get(t)
            if confirmed is None:
                continue
            if t[0] == "casualty" or any(same_figure(v, c) for v in (a, b) for c in confirmed):
                return True
        return False


def _needed(a: Value, b: Value, same: bool, thing: bool, alignment: Alignment) -> float | None:
    """The evidence two values in different claims need to fill one slot (None: they never do).
    A count of "people" or a time names too many things in a story unless what it counts or
    the event it dates is known; the tolls in the leads of two articles are the story's toll."""
    if same:
        return SAME_FIGURE_CONTEXT
    if a.kind in ("quantity", "direction"):
        return SLOT_CONTEXT
    if a.kind == "count":
        return SLOT_CONTEXT if thing else None
    if a.kind == "casualty":
        lead = max(alignment.positions[a.sentence], alignment.positions[b.sentence]) <= LEAD_POSITION
        return SAME_FIGURE_CONTEXT if lead else SLOT_CONTEXT
    return SLOT_CONTEXT if thing else None


def _link(i: int, j: int, values: Sequence[Value], story: _Story) -> float | None:
    """How strongly two values of different articles fill one slot (higher is surer), or None
    when they do not."""
    a, b = values[i], values[j]
    if a.article == b.article or a.kind != b.kind or _apart(a, b, story.settlement.settled.keys()):
        return None
    alignment = story.alignment
    same_claim = alignment.claim_of[a.sentence] == alignment.claim_of[b.sentence]
    sentence_sim = float(alignment.similarity[a.sentence, b.sentence])
    if a.kind == "nationality":
        return sentence_sim if a.key == b.key else None
    if a.kind == "name":
        if a.key != b.key:
            return None
        similar = max(sentence_sim, _context_similarity(a, b, alignment.idf))
        return similar if similar >= SLOT_CONTEXT or same_claim else None
    if not comparable(a, b):
        return None
    if a.key != b.key and not (a.kind == "count" and things(a) & things(b)):
        # the same figure given as "killed" by one outlet and "killed or wounded" by another
        if not ({a.key, b.key} <= _CROSS_CLASS and numbers_agree(a, b)):
            return None
        same = True
    else:
        same = values_agree(a, b)
    thing = story.same_thing(i, j, a, b)
    evidence = _context_similarity(a, b, alignment.idf) + (THING_WEIGHT if thing else 0.0)
    # a thing several facts share ("12 boys", "four boys") needs full context even in a claim
    torn = not thing and bool(story.pooled[i] & story.pooled[j] & story.settlement.several)
    if same_claim and evidence >= (SLOT_CONTEXT if torn else CLAIM_CONTEXT):
        return 1.0 + evidence
    needed = _needed(a, b, same, thing, alignment)
    return evidence if needed is not None and evidence >= needed else None


def _links(values: Sequence[Value], story: _Story) -> dict[tuple[int, int], float]:
    n = len(values)
    return {(i, j): strength for i in range(n) for j in range(i + 1, n)
            if (strength := _link(i, j, values, story)) is not None}


def _pooled(values: Sequence[Value], links: dict[tuple[int, int], float]) -> tuple[frozenset[Thing], ...]:
    """Each value's things joined with those of the values linked to it at the same figure:
    outlets that agree on a figure describe it in their own words ("within 20 km of the main
    road", "20 kilometers from the highway"), and each of those words names the fact."""
    camp = list(range(len(values)))

    def find(x: int) -> int:
        while camp[x] != x:
            camp[x] = camp[camp[x]]
            x = camp[x]
        return x

    for i, j in links:
        if same_figure(values[i], values[j]):
            camp[find(i)] = find(j)
    pooled: dict[int, frozenset[Thing]] = {}
    for i, v in enumerate(values):
        pooled[find(i)] = pooled.get(find(i), frozenset()) | things(v)
    return tuple(pooled[find(i)] for i in range(len(values)))


class _Groups:
    """Groups of values merged by average linkage (see `group_slots`), with the sums each
    merge needs kept up to date: per pair of groups the total and number of links and of
    `_apart` pairs, and per group its values by article."""

    def __init__(self, values: Sequence[Value], links: dict[tuple[int, int], float],
                 settled: Collection[Thing]) -> None:
        self.values = values
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(values))}
        self.articles: dict[int, Counter[str]] = {i: Counter([v.article]) for i, v in enumerate(values)}
        self.links: dict[tuple[int, int], tuple[float, int]] = {k: (w, 1) for k, w in links.items()}
        self.apart: Counter[tuple[int, int]] = Counter(
            (i, j) for i in range(len(values)) for j in range(i + 1, len(values))
            if _apart(values[i], values[j], settled))

    def comparable(self, gi: int, gj: int) -> int:
        """Pairs of the two groups' values from different articles."""
        a, b = self.articles[gi], self.articles[gj]
        return a.total() * b.total() - sum(n * b[k] for k, n in a.items())

    def _same_figure(self, gi: int, gj: int) -> bool:
        values = self.values
        return all(same_figure(values[x], values[y]) for x in self.members[gi] for y in self.members[gj])

    def best(self, figures: bool) -> tuple[int, int] | None:
        """The pair of groups to merge next (`figures`: only groups stating one figure)."""
        best: tuple[float, int, int] | None = None
        for (gi, gj), (total, linked) in sorted(self.links.items()):
            comparable = self.comparable(gi, gj)
            if linked < LINKED_SHARE * comparable or self.apart[gi, gj]:
                continue
            if figures and not self._same_figure(gi, gj):
                continue
            if best is None or total / comparable > best[0]:
                best = (total / comparable, gi, gj)
        return None if best is None else (best[1], best[2])

    def merge(self, gi: int, gj: int) -> None:
        self.members[gi] += self.members.pop(gj)
        self.articles[gi] += self.articles.pop(gj)
        for table in (self.links, self.apart):
            for (x, y) in [k for k in table if gj in k]:
                other = x if y == gj else y
                value = table.pop((x, y))
                if other == gi:
                    continue
                key = (min(gi, other), max(gi, other))
                if table is self.links:
                    old = self.links.get(key, (0.0, 0))
                    self.links[key] = (old[0] + value[0], old[1] + value[1])
                else:
                    self.apart[key] += value


def group_slots(values: Sequence[Value], alignment: Alignment) -> list[list[Value]]:
    """Groups of values that fill one slot (stated by two or more articles), by average
    linkage in two rounds: first the values that state one figure gather, then those groups
    merge into slots.  The two groups most strongly linked merge first, as long as at least
    `LINKED_SHARE` of their pairs from different articles are linked and none is `_apart`, so
    that a slot never grows through one value that happens to resemble another."""
    settlement = settle(values)
    story = _Story(alignment, settlement, tuple(things(v) for v in values))
    story = _Story(alignment, settlement, _pooled(values, _links(values, story)))
    groups = _Groups(values, _links(values, story), settlement.settled.keys())
    for figures in (True, False):
        while (pair := groups.best(figures)) is not None:
            groups.merge(*pair)
    slots = [[values[i] for i in sorted(m)] for m in groups.members.values()]
    return [g for g in slots if len({v.article for v in g}) >= 2]
