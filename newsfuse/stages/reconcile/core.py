"""Reconciliation: what the outlets agree on, what only one of them says, and where they differ.

- **Consensus**: the claims stated by two or more articles, best supported first.
- **Unique facts**: per article, the news sentences whose content no other article of the story
  states (most of their weight, in IDF terms, is in words, names and numbers found nowhere else).
- **Discrepancies**: slots whose values disagree.  `slots` finds the values,
  `links` groups the values of one slot across articles (the same thing measured,
  or the same fact in other words), `figures` says which agree after normalisation (20 km
  and 13 miles; "around 250,000" and "250,000"; "about 8,000" and "more than 8,000").  Each
  figure of a slot becomes one value of the discrepancy, with the phrase that states it, its
  normalised number and unit and the articles that give it.  A toll that rises with the
  articles' dates (or, undated, is given three figures) is marked evolving.  The splits most
  worth a reader's attention come first: evolving tolls and facts the outlets divide on (two
  figures given by two or more outlets each), then the most widely reported.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from newsfuse.model import AnalyzedArticle, Claim, Discrepancy, DiscrepancyValue, Span
from newsfuse.stages.align import Alignment
from newsfuse.stages.brief import is_news_sentence, trim_dateline
from newsfuse.stages.reconcile.figures import same_figure, values_agree
from newsfuse.stages.reconcile.links import group_slots
from newsfuse.stages.reconcile.slots import TOLL_CLASSES, slot_values
from newsfuse.stages.reconcile.value import TWELVE_HOUR, Value

# A sentence is an article's own when this share of its weight is in terms no other article has.
UNIQUE_SHARE = 0.3
UNIQUE_SHARE_IN_CLAIM = 0.45
_KIND_ORDER = {"casualty": 0, "quantity": 1, "count": 2, "time": 3, "date": 4, "direction": 5,
               "name": 6, "nationality": 7, "mark": 8, "flight": 9}
_EVOLVING_FIGURES = 3


def consensus(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims that two or more articles state, best supported first."""
    return tuple(c for c in claims if len(c.support) >= 2)


def unique_facts(alignment: Alignment) -> dict[str, tuple[str, ...]]:
    """Per article, its news sentences that state something no other article states, the most
    novel first."""
    by_article: dict[str, set[str]] = {}
    for s, terms in zip(alignment.sentences, alignment.terms, strict=True):
        by_article.setdefault(s.article, set()).update(terms)
    out: dict[str, list[tuple[float, int, str]]] = {}
    for i, s in enumerate(alignment.sentences):
        text = s.text[trim_dateline(s.text):]
        terms = set(alignment.terms[i])
        if not terms or not is_news_sentence(text):
            continue
        others = set().union(*(t for a, t in by_article.items() if a != s.article))
        total = math.fsum(alignment.idf[t] for t in terms)  # exact: set order varies by process
        novel = math.fsum(alignment.idf[t] for t in terms - others)
        share = novel / total
        alone = len(alignment.support(i)) == 1
        if share >= (UNIQUE_SHARE if alone else UNIQUE_SHARE_IN_CLAIM):
            out.setdefault(s.article, []).append((-novel, i, text))
    return {a: tuple(text for _, _, text in sorted(facts)) for a, facts in out.items()}


def _classes(slot: Sequence[Value]) -> list[list[Value]]:
    """The slot's values grouped by the figure they state: each group around a figure stated
    plainly ("150"), which a vaguer value joins when it states it too ("about 150"); never
    through a chain ("148" is not "150" because both are "about 150")."""
    classes: list[list[Value]] = []
    for v in sorted(slot, key=lambda v: v.bound is not None):
        home = next((c for c in classes if same_figure(v, c[0])), None)
        if home is None:
            classes.append([v])
        else:
            home.append(v)
    return classes


def _disagree(classes: Sequence[Sequence[Value]]) -> bool:
    """Whether two figures of the slot do not agree (an article giving two figures for one slot
    in two sentences disagrees with itself)."""
    return any(not values_agree(a, b) for i, ca in enumerate(classes) for cb in classes[i + 1:]
               for a in ca for b in cb)


def _describe(slot: Sequence[Value], idf: dict[str, float]) -> str:
    """What the slot is about: its kind (and who or what) and the three weightiest words around
    its values."""
    first = max(slot, key=lambda v: len(v.text.split()))
    label = {
        "quantity": first.quantity.kind if first.quantity else "amount",
        "casualty": "people " + " / ".join(sorted({str(v.unit).replace("_", " ") for v in slot})),
        "count": f"number of {first.unit}",
        "time": "time", "date": "date",
        "direction": "direction",
        "name": f"first name of {first.text.split()[-1]}",
        "nationality": f"nationality of {' '.join(first.text.split()[1:])}",
        "mark": f"figure in brackets after {first.text.split('(')[0].strip()}",
        "flight": "flight number",
    }[first.kind]
    weight: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for v in slot:
        for term, word in zip(v.context, v.context_words, strict=True):
            weight[term] += idf.get(term, 1.0)
            surface.setdefault(term, word)
    words = [surface[t] for t, _ in weight.most_common(3)]
    return f"{label} ({', '.join(words)})" if words else label


def _as_stated(v: Value) -> tuple[float, float] | str:
    """A figure as its text states it: the number in the unit it was written in ("20 km",
    "twenty kilometres" and "20 kilometers" are one, "13 miles" another), else its words."""
    if isinstance(v.value, float) and v.precision > 0:
        return round(v.value / v.precision), v.precision
    return " ".join(v.text.lower().split())


def _value(c: Sequence[Value], order: dict[str, int], alignment: Alignment) -> DiscrepancyValue:
    """One figure of a discrepancy: the phrase most of its outlets use, among those stating the
    figure as most outlets write it ("20 km" rather than "13 miles" when most give kilometres;
    in digits, if any does), normalised as stated most plainly (a clock time that says which
    half of the day it is in, a figure without a qualifier)."""
    stated = Counter(_as_stated(v) for v in c).most_common(1)[0][0]
    usual = [v for v in c if _as_stated(v) == stated]
    digits = [v for v in usual if any(ch.isdigit() for ch in v.text)] or usual
    text = Counter(v.phrase for v in digits).most_common(1)[0][0]
    plain = min(c, key=lambda v: (v.unit == TWELVE_HOUR, v.bound is not None))
    articles = sorted({v.article for v in c}, key=order.__getitem__)
    spans = sorted({(v.article, alignment.sentences[v.sentence].start, alignment.sentences[v.sentence].end)
                    for v in c}, key=lambda s: (order[s[0]], s[1]))
    normalized = int(plain.value) if plain.kind == "casualty" else plain.value
    return DiscrepancyValue(text=text, normalized=normalized, unit=plain.unit,
                            articles=tuple(articles), sentences=tuple(Span(*s) for s in spans))


def _evolution(
    slot: Sequence[Value], values: Sequence[DiscrepancyValue], published: dict[str, str | None],
) -> tuple[bool, DiscrepancyValue | None, DiscrepancyValue | None]:
    """Whether a toll rises over time, with its most conservative and its latest figure.

    With publication dates, a toll evolves when its figures rise with them.  Without, a toll given
    at three or more figures is read as one that was revised as counts came in (tolls are).
    """
    if slot[0].kind != "casualty" or not {v.key for v in slot} <= TOLL_CLASSES:
        return False, None, None
    numeric = [v for v in values if isinstance(v.normalized, int | float)]
    conservative = min(numeric, key=lambda v: float(v.normalized or 0))
    dated = {a: published[a] for v in values for a in v.articles}
    if all(dated.values()):
        timeline = sorted(values, key=lambda v: max(str(dated[a]) for a in v.articles))
        figures = [float(v.normalized or 0) for v in timeline]
        rising = figures == sorted(figures) and figures[-1] > figures[0]
        return rising, conservative, timeline[-1]
    highest = max(numeric, key=lambda v: float(v.normalized or 0))
    return len(values) >= _EVOLVING_FIGURES, conservative, highest


def find_discrepancies(alignment: Alignment, articles: Sequence[AnalyzedArticle]) -> tuple[Discrepancy, ...]:
    """The story's discrepancies, those most worth a reader's attention first (see the module
    docstring); `articles` are the story's analysed articles, in the alignment's order."""
    order = {a.article.id: k for k, a in enumerate(articles)}
    published = {a.article.id: a.article.published for a in articles}
    english = {a.article.id for a in articles if (a.article.lang or "en").startswith("en")}
    values = [v for v in slot_values(alignment, english) if not v.vague]
    by_kind: dict[str, list[Value]] = {}
    for v in values:
        by_kind.setdefault(v.kind, []).append(v)
    found: list[tuple[tuple[bool, int, int, str], Discrepancy]] = []
    for kind_values in by_kind.values():
        for slot in group_slots(kind_values, alignment):
            classes = _classes(slot)
            if len(classes) < 2 or not _disagree(classes):
                continue
            dvalues = [_value(c, order, alignment) for c in classes]
            dvalues.sort(key=lambda v: (-len(v.articles), order[v.articles[0]]))
            evolving, conservative, latest = _evolution(slot, dvalues, published)
            about = _describe(slot, alignment.idf)
            d = Discrepancy(about=about, kind=slot[0].kind, values=tuple(dvalues), evolving=evolving,
                            conservative=conservative, latest=latest)
            involved = len({v.article for v in slot})
            split = evolving or sum(len(v.articles) >= 2 for v in dvalues) >= 2
            found.append(((not split, -involved, _KIND_ORDER[slot[0].kind], about), d))
    return tuple(d for _, d in sorted(found, key=lambda x: x[0]))
