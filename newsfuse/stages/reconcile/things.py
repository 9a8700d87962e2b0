"""What a value measures (its *things*), and which things a story settles.

A thing is a key two values measuring the same fact share, built from what `stages.measured`
reads in the parse: a count by its noun, its nationalities and the words that pick a subset
("16 German high school students"; a count of mere "people" names nothing); a toll by its class
and scope; a measure by its head, by its owner ("the 850-year-old building") and by each word of
its anchor ("within 20 km of the main highway"); a clock time by its zone (a story has few, and
those close together are about its main moment); a date by its event; a figure in brackets by
the name before it; a flight number by the flight.

Measuring one thing is strong evidence of one slot only when the thing names one fact.  A story
*settles* a thing (`settle`) when its figures look like one fact told differently: one figure
given by two or more outlets (what several say, and maybe an outlet that says otherwise), or a
specific thing given two figures and nothing else (two outlets, two readings).  It does not when
two articles each give two different figures for it: then it names several facts ("12 boys"
were trapped, "four boys" came out first), and only the words around each value can tell which
is which.  Tolls rise as counts come in and are settled by their class and scope alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.stages.reconcile.figures import comparable, different_days, same_figure
from newsfuse.stages.reconcile.value import Value

Thing = tuple[str, ...]
# Nouns that say no more than "people": with a nationality, a count of them counts that nationality.
PEOPLE = frozenset({"people", "person", "passenger", "citizen", "national", "resident", "individual",
                    "civilian", "traveller", "traveler", "tourist", "man", "woman", "adult", "other"})
# Words that name a toll, not who it counts ("900 deaths", "34 fatalities").
_TOLL_WORDS = frozenset({"death", "fatality", "casualty", "victim", "life", "toll", "dead"})
# Verbs too general to say what a measure or a date is about.
_GENERIC_VERBS = frozenset({"be", "have", "take", "make", "get", "do", "give", "go", "come", "put",
                            "see", "say", "include", "become", "remain", "leave", "bring"})
# Words too general to say what a measure is taken from ("seven minutes from time").
_VAGUE_ANCHORS = frozenset({"time", "way", "part", "end", "rest", "total", "one", "other", "lot"})
# Words that place a measure in time rather than say what it measures ("100 years ago").
_RELATIVE = frozenset({"ago", "later", "earlier", "before", "after", "since", "time"})
# Outlets that make a figure confirmed, articles that make a thing several facts.
_CONFIRMED = 2


def _measure_things(v: Value) -> set[Thing]:
    m = v.measured
    out = set()
    if m.owner and m.owner_definite:
        # an age or a height of one named person or thing, or of what the story is about ("the
        # 850-year-old building"); a common noun also names the measure ("the 300ft-tall
        # spire" is the height of the spire, like "the 93-meter spire")
        out.add(("quantity", v.key, "head", m.head, m.owner if m.owner_proper else ""))
        if not m.owner_proper:
            out.add(("quantity", v.key, "head", m.owner))
    elif m.head and not m.owner and m.head not in _GENERIC_VERBS and m.head not in _RELATIVE:
        out.add(("quantity", v.key, "verb" if m.head_is_verb else "head", m.head))
    out |= {("quantity", v.key, "anchor", word) for word in m.anchor - _VAGUE_ANCHORS}
    return out


def things(v: Value) -> frozenset[Thing]:
    """What a value measures, as keys that another value measuring the same thing shares (see
    the module docstring)."""
    m = v.measured
    if v.kind == "count":
        head = m.head or v.key
        if head in PEOPLE and not m.nations:
            return frozenset()
        if m.nations and (head in PEOPLE or not m.head):
            head = ""
        return frozenset({("count", head, *sorted(m.nations), "|", *sorted(m.subset))})
    if v.kind == "casualty":
        return frozenset({("casualty", v.key, *sorted(v.scope))})
    if v.kind == "quantity":
        return frozenset(_measure_things(v))
    if v.kind == "time":
        return frozenset({("time", v.key)})
    if v.kind == "date":
        return frozenset(("date", v.key, e) for e in (m.event, m.reported) if e and e not in _GENERIC_VERBS)
    if v.kind in ("mark", "flight"):
        return frozenset({(v.kind, v.key)})
    return frozenset()


def victims(v: Value) -> str:
    """Who a toll counts: "" for people in general ("150 people", "900 have died"), else the
    noun ("climbers", "babies", "bodies", "soldiers") or the nationality ("two Chinese
    citizens")."""
    head = v.measured.head
    if v.measured.nations:
        return " ".join(sorted(v.measured.nations))
    return "" if head in PEOPLE or head in _TOLL_WORDS else head


def _one_fact(t: Thing, figures: int) -> bool:
    """Whether the figures a thing is given are readings of one fact, confirmed or not: a
    figure after a name, a flight, a measure of one thing; or, when there are just two, a
    measure of what a verb does ("took 7 hours and 40 minutes") or a count of a nationality or
    of a qualified noun ("German high school students"), not a bare count ("24 goals", "17
    goals")."""
    if t[0] in ("mark", "flight") or (t[0] == "quantity" and t[2] != "verb"):
        return True
    return figures == 2 and (t[0] == "quantity" or (t[0] == "count" and (t[1] == "" or len(t) > 3)))


@dataclass(frozen=True)
class Settlement:
    """The things a story settles, each with one value of every figure it counts as confirmed,
    and the things that name several facts."""

    settled: dict[Thing, list[Value]]
    several: frozenset[Thing]


def _figures(members: Sequence[Value], least_articles: int) -> list[Value]:
    """One value of every figure `members` give, among those given by `least_articles` or more."""
    out: list[Value] = []
    for v in members:
        articles = {o.article for o in members if same_figure(v, o)}
        if len(articles) >= least_articles and not any(same_figure(v, f) for f in out):
            out.append(v)
    return out


def settle(values: Sequence[Value]) -> Settlement:
    """The story's settled things and the things that name several facts (see the module
    docstring)."""
    by_thing: dict[Thing, list[Value]] = {}
    for v in values:
        for t in things(v):
            by_thing.setdefault(t, []).append(v)
    settled: dict[Thing, list[Value]] = {}
    several = set()
    for t, members in by_thing.items():
        if t[0] == "casualty":
            settled[t] = members
            continue
        torn = {x.article for i, x in enumerate(members) for y in members[i + 1:]
                if x.article == y.article and not same_figure(x, y) and comparable(x, y)
                and not different_days(x, y)}
        if len(torn) >= _CONFIRMED:
            several.add(t)
            continue
        figures = _figures(members, 1)
        confirmed = _figures(members, _CONFIRMED)
        if _one_fact(t, len(figures)):
            settled[t] = figures
        elif confirmed:
            settled[t] = confirmed
    return Settlement(settled, frozenset(several))
