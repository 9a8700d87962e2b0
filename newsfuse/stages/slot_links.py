"""Slots: which values of a story's articles state the same thing, so that their figures compare.

Two values of different articles fill one slot when they are of one kind and key (a length with
a length, a count of firefighters with a count of firefighters, a death toll with a death toll)
and the evidence that they are about one thing is strong enough:

- their sentences are in one claim (`stages.align`) and share a little context, or
- their contexts (the content words around them, IDF-weighted) are alike, or
- they measure the same *thing* (`stages.measured`: the same counted noun and nationalities, the
  same head or anchor of a measure, the same toll, the same event of a time or a date) and that
  thing is not ambiguous in the story.  A thing given two disagreeing figures, each by two or
  more articles, names several facts ("12 boys" were trapped, "four boys" came out first):
  there only context tells which figure goes with which.

Some pairs never share a slot (`_apart`): two figures one sentence gives, values placed in
different places, measures from different anchors, counts of different nationalities, tolls of
different places or sides.  Values are grouped by average linkage: the two groups with the
strongest links merge first, as long as most of their pairs are linked at all, so a slot never
grows through a chain of loose resemblances.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsfuse.stages.align import Alignment
from newsfuse.stages.figures import comparable, same_figure, values_agree
from newsfuse.stages.slots import Value

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
_GENERIC_NOUNS = frozenset({"people", "person", "man", "woman", "child", "other", "one", "member"})
# Nouns that say no more than "people": with a nationality, a count of them counts that nationality.
_PEOPLE = frozenset({"people", "person", "passenger", "citizen", "national", "resident", "individual",
                     "civilian", "traveller", "traveler", "tourist", "man", "woman", "adult", "other"})
# Verbs too general to say what a measure or a time is about.
_GENERIC_VERBS = frozenset({"be", "have", "take", "make", "get", "do", "give", "go", "come", "put",
                            "see", "say", "include", "become", "remain", "leave", "bring"})
# Words too general to say what a measure is taken from ("seven minutes from time").
_VAGUE_ANCHORS = frozenset({"time", "way", "part", "end", "rest", "total", "one", "other", "lot"})
# Words that place a measure in time rather than say what it measures ("100 years ago").
_RELATIVE = frozenset({"ago", "later", "earlier", "before", "after", "since", "time"})
# Words that name a toll, not who it counts ("900 deaths", "34 fatalities").
_TOLL_WORDS = frozenset({"death", "fatality", "casualty", "victim", "life", "toll", "dead"})
_FULL_CONTEXT = 3
# Tolls dated this many days apart are of two events ("last month's quake").
EVENT_DAYS = 7
_CONFIRMED = 2
# Kinds of values that happen somewhere: two of them placed in different places differ.
_PLACED = frozenset({"quantity", "count", "casualty", "time", "date", "direction"})
Thing = tuple[str, ...]


def things(v: Value) -> frozenset[Thing]:
    """What a value measures, as keys that another value measuring the same thing shares: a
    count by its noun, nationalities and subset ("16 German high school students"; a count of
    mere "people" names no thing); a toll by its class and scope; a measure by its head and by
    its anchor; a time or a date by its event."""
    m = v.measured
    if v.kind == "count":
        head = m.head or v.key
        if head in _PEOPLE and not m.nations:
            return frozenset()
        if m.nations and (head in _PEOPLE or not m.head):
            head = ""
        return frozenset({("count", head, *sorted(m.nations), "|", *sorted(m.subset))})
    if v.kind == "casualty":
        return frozenset({("casualty", v.key, *sorted(v.scope))})
    if v.kind == "quantity":
        out = set()
        if m.owner and m.owner_definite:
            # an age or a height: of one named person or thing, or of what the story is about
            # ("the 850-year-old building"); a common noun also names the measure ("the
            # 300ft-tall spire" is the height of the spire, like "the 93-meter spire")
            out.add(("quantity", v.key, "head", m.head, m.owner if m.owner_proper else ""))
            if not m.owner_proper:
                out.add(("quantity", v.key, "head", m.owner))
        elif m.head and not m.owner and m.head not in _GENERIC_VERBS and m.head not in _RELATIVE:
            out.add(("quantity", v.key, "verb" if m.head_is_verb else "head", m.head))
        out |= {("quantity", v.key, "anchor", word) for word in m.anchor - _VAGUE_ANCHORS}
        return frozenset(out)
    if v.kind == "time":
        # a story has few clock times, and those close together are about its main moment
        return frozenset({("time", v.key)})
    if v.kind == "date":
        return frozenset(("date", v.key, e) for e in (m.event, m.reported) if e and e not in _GENERIC_VERBS)
    if v.kind in ("mark", "flight"):
        return frozenset({(v.kind, v.key)})
    return frozenset()


def _victims(v: Value) -> str:
    """Who a toll counts: "" for people in general ("150 people", "900 have died"), else the
    noun ("climbers", "babies", "bodies", "soldiers") or the nationality ("two Chinese
    citizens")."""
    head = v.measured.head
    if v.measured.nations:
        return " ".join(sorted(v.measured.nations))
    return "" if head in _PEOPLE or head in _TOLL_WORDS else head


def _apart(a: Value, b: Value, settled: Collection[Thing] = ()) -> bool:
    """Two values that never fill one slot (see the module docstring).  Two figures of one
    sentence are two slots of it, unless they are two figures for one thing the story settles
    ("45 people with Spanish surnames, and 42 passengers of Spanish nationality")."""
    if a.sentence == b.sentence and not values_agree(a, b) and not things(a) & things(b) & set(settled):
        return True
    if a.kind in _PLACED and a.places and b.places and not a.places & b.places:
        return True
    ma, mb = a.measured, b.measured
    if a.kind in ("quantity", "count", "time") and a.when and b.when and not any(
            x.startswith(y) or y.startswith(x) for x in a.when for y in b.when):
        return True
    if a.kind == "casualty" and a.when and b.when and _days_apart(a.when, b.when) > EVENT_DAYS:
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
        return bool(sides) or scopes or bool(_victims(a)) != bool(_victims(b))
    return False


def _days_apart(a: frozenset[str], b: frozenset[str]) -> int:
    """The fewest days between a date of `a` and one of `b` (ISO days or months)."""
    def span(iso: str) -> tuple[date, date]:
        if len(iso) == len("2015-04"):
            first = date.fromisoformat(iso + "-01")
            return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        day = date.fromisoformat(iso)
        return day, day

    gaps = []
    for x in a:
        for y in b:
            (x0, x1), (y0, y1) = span(x), span(y)
            gaps.append(max(0, (y0 - x1).days, (x0 - y1).days))
    return min(gaps)


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


def _specific(t: Thing) -> bool:
    """Whether a thing is specific enough that two outlets giving it two figures state one fact:
    a measure, a figure after a name, a count of a nationality or of a qualified noun ("German
    high school students"), not a bare count ("24 goals", "17 goals")."""
    return t[0] in ("quantity", "mark") or (t[0] == "count" and (t[1] == "" or len(t) > 3))


def settled_things(values: Sequence[Value]) -> tuple[dict[Thing, list[Value]], frozenset[Thing]]:
    """Things the story settles, each with an example value of every figure two or more
    articles give it (its confirmed figures).  A thing one article gives two different figures
    of (of comparable size) names several facts ("12 boys" were trapped,
    "four boys" came out first) and is not settled; nor is a thing no figure of which is
    confirmed, which may be several facts too ("scored 24 goals", "17 goals").  Tolls rise as
    counts come in: they are settled by their class and scope alone; a figure in brackets after
    a name is settled by the name unless an article gives two."""
    by_thing: dict[Thing, list[Value]] = {}
    for v in values:
        for t in things(v):
            by_thing.setdefault(t, []).append(v)
    out = {}
    torn_things = set()
    for t, members in by_thing.items():
        if t[0] == "casualty":
            out[t] = members
            continue
        torn = {x.article for i, x in enumerate(members) for y in members[i + 1:]
                if x.article == y.article and not same_figure(x, y) and comparable(x, y)
                and not _apart(x, y, by_thing)}
        several = len(torn) >= _CONFIRMED
        figures: list[Value] = []
        confirmed: list[Value] = []
        for v in members:
            if not any(same_figure(v, f) for f in figures):
                figures.append(v)
            articles = {o.article for o in members if same_figure(v, o)}
            if len(articles) >= _CONFIRMED and not any(same_figure(v, c) for c in confirmed):
                confirmed.append(v)
        if several:
            torn_things.add(t)
            continue
        if t[0] in ("mark", "flight") or (t[0] == "quantity" and t[2] != "verb") or (
                len(figures) == 2 and _specific(t)):
            # a named person's figure, a measure of one thing (not of what a verb does: "trapped
            # for 15 days", "trapped for 18 days"), a count of a nationality or of a qualified
            # noun given two figures by two outlets and nothing else: one fact
            out[t] = figures
        elif confirmed:
            out[t] = confirmed
    return out, frozenset(torn_things)


@dataclass(frozen=True)
class _Story:
    alignment: Alignment
    settled: dict[Thing, list[Value]]
    several: frozenset[Thing]
    # what each value measures, pooled over the values linked to it at the same figure
    pooled: tuple[frozenset[Thing], ...]

    def same_thing(self, i: int, j: int, a: Value, b: Value) -> bool:
        """Whether values `i` and `j` (`a` and `b`) measure one thing the story settles, one of
        them at a confirmed figure (the pattern of a discrepancy: what several say, and an
        outlet that says otherwise)."""
        for t in self.pooled[i] & self.pooled[j]:
            confirmed = self.settled.get(t)
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
    if a.article == b.article or a.kind != b.kind or _apart(a, b, story.settled.keys()):
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
        if not ({a.key, b.key} <= _CROSS_CLASS and same_figure(a, b)):
            return None
        same = True
    else:
        same = values_agree(a, b)
    thing = story.same_thing(i, j, a, b)
    evidence = _context_similarity(a, b, alignment.idf) + (THING_WEIGHT if thing else 0.0)
    # a thing several facts share ("12 boys", "four boys") needs full context even in a claim
    torn = not thing and bool(story.pooled[i] & story.pooled[j] & story.several)
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
        return all(same_figure(self.values[x], self.values[y]) for x in self.members[gi] for y in self.members[gj])

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
    settled, several = settled_things(values)
    story = _Story(alignment, settled, several, tuple(things(v) for v in values))
    links = _links(values, story)
    story = _Story(alignment, settled, several, _pooled(values, links))
    groups = _Groups(values, _links(values, story), settled.keys())
    for figures in (True, False):
        while (pair := groups.best(figures)) is not None:
            groups.merge(*pair)
    slots = [[values[i] for i in sorted(m)] for m in groups.members.values()]
    return [g for g in slots if len({v.article for v in g}) >= 2]
