"""Slot values: the checkable values a sentence states, each with what names its slot.

A value is a quantity with a unit (a distance, an amount, a duration ...), a count of things
("148 people", "16 students"), a count of people by class (killed, wounded ...), a clock time or a
date, a compass direction relative to an anchor ("northwest toward Sadad"), a person's full name,
the nationality given to a person, a figure in brackets after a name ("Harry Kane (35)") or a
flight number.  `stages.slot_links` groups the values of one slot across articles and
`stages.reconcile` reports the slots whose values disagree.

Every value keeps what tells its slot from others: the content terms around it (`context`), what
it counts or measures (`measured`, read from the dependency parse of English sentences), the
places its phrase names (`places`, and `scope`: those not where the story happens) and the days
its clause dates it to (`when`); its `phrase` shows a reader what is claimed
(`stages.slot_value`).  Names, nationalities, bracketed figures, flight numbers and directions
come from `stages.slot_names`.

Counts the rule-based reader misses ("about 14 German high school students") are added from the
parse.  Not values: a figure that is one of a list ("29 and 36 times the mass of the sun"), a
measure that sorts things into kinds ("3.0-liter engines", "a two-goal lead"), a point in time
written as an ordinal ("the third day"), a number the story uses as a name ("Flight 9268"), and
dates in ISO form (page metadata).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from newsfuse.algorithms.numbers import (
    QUALIFIERS,
    find_numbers,
    integer_precision,
    parse_ordinal,
    qualifier_before,
)
from newsfuse.model import Sentence
from newsfuse.stages.align import Alignment, positioned_terms
from newsfuse.stages.reconcile.measured import by_word_order, counted_numbers, measured, parse
from newsfuse.stages.reconcile.names import common_words, named_values
from newsfuse.stages.reconcile.value import (
    PLACE_LABELS,
    TWELVE_HOUR,
    Terms,
    Value,
    clause,
    make_value,
    phrase,
)

# A place named in the first `LEAD_SENTENCES` sentences of one article in `STORY_PLACE_SHARE`
# is where the story happens.
LEAD_SENTENCES = 3
STORY_PLACE_SHARE = 3
# Classes of `algorithms.casualties` whose counts rise as they come in.
TOLL_CLASSES = frozenset({"killed", "wounded", "missing", "arrested", "displaced", "rescued", "evacuated"})
_UTC = re.compile(r"\b(?:GMT|UTC)\b", re.IGNORECASE)
_AFTER_BOUND = re.compile(r"\s+or\s+(more|greater|higher|above|over|less|fewer|lower|below|under)\b",
                          re.IGNORECASE)
_LISTED = re.compile(r"(?:\d(?:\s+(?:hundred|thousand|million|billion))?\s+(?:and|or)\s+(?:\w+\s+){0,3}"
                     r"|\b(?:one|the other|another)\s+(?:with|of|at)\s+)$", re.IGNORECASE)
_LISTED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:and|or)\s+the\s+other\b", re.IGNORECASE)
# A bare figure before "and" and another figure shares that one's unit: "29 and 36 times".
_BARE_LISTED = re.compile(r"\s+(?:and|or|to)\s+\d")
_HALF_DAY = re.compile(r"[ap]\.?\s?m\b|\b(?:noon|midday|midnight)\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b(?![,.]\d)")
# "Flight 9268", "flight 4U 9525", "7K9268", "A320": digits that name something.
_LABEL = re.compile(r"(?:\b(?:[Ff]light|[Rr]oute|[Nn]o\.|[Nn]umber)\s+(?:\d?[A-Z]{1,3}\s?)?"
                    r"|[A-Za-z](?=\d{3}))(?P<digits>\d{3,})\b")


def _bound(qualifier: str | None, s: Sentence, end: int) -> str | None:
    """What a value's qualifier makes of it; "4.5 or greater" written after it counts too."""
    after = _AFTER_BOUND.match(s.text, end - s.start)
    if after:
        return "min" if after.group(1).lower() in ("more", "greater", "higher", "above", "over") else "max"
    return QUALIFIERS.get((qualifier or "").lower())


def _listed(s: Sentence, start: int, end: int) -> bool:
    """Whether a figure is one of a list ("29 and 36 times the mass of the sun", "one with 36
    times the mass of the sun, and the other with 29"): it is one of several things, not the
    slot its phrase is about."""
    bare = not re.search(r"[^\W\d_]", s.text[start - s.start:end - s.start])
    return bool(_LISTED.search(s.text, 0, start - s.start) or _LISTED_AFTER.match(s.text, end - s.start)
                or (bare and _BARE_LISTED.match(s.text, end - s.start)))


def _quantities(i: int, s: Sentence, terms: Terms) -> list[Value]:
    """Quantities with units, and counts of things (slot: the noun counted); a conversion in
    brackets right after a value ("20 km (13 miles)") is the same statement and is folded in."""
    out: list[Value] = []
    for q in sorted(s.quantities, key=lambda q: q.start):
        if out and out[-1].unit == q.unit and 0 <= q.start - out[-1].end <= 3:
            continue
        if parse_ordinal(q.text.split()[0]) is not None:
            # "on the third day of the rescue": a point in time, not an amount of it
            continue
        if q.kind == "count" and _YEAR.search(q.text):
            # "2014 to 2016 vehicles": model years, not a number of vehicles
            continue
        kind = "count" if q.kind == "count" else "quantity"
        out.append(make_value(i, s, terms, kind, q.unit, q.value, q.unit, q.start, q.end,
                         precision=q.precision, bound=_bound(q.qualifier, s, q.end), quantity=q))
    return [v for v in out if not _listed(s, v.start, v.end)]


def _parsed_counts(i: int, s: Sentence, terms: Terms, doc: Doc) -> list[Value]:
    """Counts the parse finds and analysis did not (`measured.counted_numbers`)."""
    taken = [(x.start, x.end) for x in (*s.quantities, *s.casualties, *s.dates)]
    out = []
    for c in counted_numbers(doc):
        start, end = s.start + c.start, s.start + c.end
        if any(a < end and start < b for a, b in taken) or _listed(s, start, end):
            continue
        digits = s.text[c.start:c.end].split()[0]
        qualifier = qualifier_before(s.text, c.start)
        out.append(make_value(i, s, terms, "count", c.noun, c.value, c.noun, start, end,
                         precision=integer_precision(digits) if digits[:1].isdigit() else 1.0,
                         bound=_bound(qualifier[0] if qualifier else None, s, start + len(digits))))
    return out


def _casualties(i: int, s: Sentence, terms: Terms) -> list[Value]:
    return [make_value(i, s, terms, "casualty", c.cls, float(c.count), c.cls, c.start, c.end,
                  precision=integer_precision(str(c.count)), bound=_bound(c.qualifier, s, c.end),
                  vague=c.vague)
            for c in s.casualties]


def _times(i: int, s: Sentence, terms: Terms) -> list[Value]:
    """Clock times (slot key: "utc" when given in GMT/UTC, else "local"; unit `TWELVE_HOUR` when
    the text does not say which half of the day) and days; a date in ISO form ("2019-04-15") is
    a page's metadata, not a statement."""
    out = []
    for d in s.dates:
        if d.precision == "time" and d.value:
            zone = "utc" if _UTC.search(d.text) else "local"
            unit = None if _HALF_DAY.search(d.text) or _UTC.search(d.text) or d.value >= "13" else TWELVE_HOUR
            out.append(make_value(i, s, terms, "time", zone, d.value, unit, d.start, d.end))
        elif d.precision == "day" and d.value and not _ISO_DATE.fullmatch(d.text):
            out.append(make_value(i, s, terms, "date", "", d.value, None, d.start, d.end))
    return out


def story_labels(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Numbers the story uses as names: a flight, a route or a model number ("Flight 9268",
    "7K9268").  Found elsewhere as a figure ("all passengers 9268 ... were killed") they are
    still that name, not an amount."""
    return frozenset(m.group("digits") for s in sentences for m in _LABEL.finditer(s.text))


def _days(s: Sentence, v: Value) -> frozenset[str]:
    """The days (or months) a value's clause dates it to, other than the value itself; a toll
    is dated by its whole sentence ("the quake that struck on April 25, leading to thousands
    of deaths and 17,000 injured")."""
    left, right = (0, len(s.text)) if v.kind == "casualty" else clause(s, v.start, v.end)
    return frozenset(str(d.value) for d in s.dates
                     if d.precision in ("day", "month") and d.value and not _ISO_DATE.fullmatch(d.text)
                     and left <= d.start - s.start and d.end - s.start <= right
                     and not (d.start < v.end and v.start < d.end))


def _own_dates(figures: list[Value]) -> list[Value]:
    """A date a reporting verb carries dates what it reports only when that has no date of its
    own: "announced on Monday that a notice was issued" (Monday dates the notice), "floods swept
    the valley on Sunday, officials said on Monday" (Monday dates only the saying)."""
    events = {v.measured.event for v in figures if v.kind == "date"}
    return [replace(v, measured=replace(v.measured, reported=""))
            if v.kind == "date" and v.measured.reported in events else v for v in figures]


def _labels_a(v: Value, labels: frozenset[str]) -> bool:
    return any(d in labels for d in re.findall(r"\d+", v.text))


def story_places(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Where the story happens: the places its articles name in their first sentences (a third
    of the articles or more), and the place named by the most articles.  A value placed there
    is about the story as a whole; one placed elsewhere is about a part of it ("20 were killed
    in India")."""
    lead: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    first: dict[str, int] = {}
    for k, s in enumerate(sentences):
        first.setdefault(s.article, k)
        keys = {e.key for e in s.entities if e.label in PLACE_LABELS}
        anywhere.update((s.article, key) for key in keys)
        if k - first[s.article] < LEAD_SENTENCES:
            lead.update((s.article, key) for key in keys)
    articles = len(first)
    by_lead = Counter(key for _, key in lead)
    by_any = Counter(key for _, key in anywhere)
    top = {key for key, _ in by_any.most_common(1)}
    return frozenset(top | {key for key, n in by_lead.items() if n * STORY_PLACE_SHARE >= articles})


def _unparsed(s: Sentence, v: Value, terms: Terms) -> Value:
    """A measure of a sentence that is not parsed (not English), read from the words of its
    phrase (`measured.by_word_order`)."""
    left, right = phrase(s, v.start, v.end)
    before = [t for t, _, pos in terms if left <= pos < v.start]
    after = [t for t, _, pos in terms if v.end <= pos < right]
    return replace(v, measured=by_word_order(before, after))


def slot_values(alignment: Alignment, english: Collection[str] = ()) -> list[Value]:
    """Every checkable value stated in the story's sentences; the figures of the sentences of
    `english` articles are told what they count or measure (`stages.measured`)."""
    common = common_words(alignment.sentences)
    labels = story_labels(alignment.sentences)
    parsed = [i for i, s in enumerate(alignment.sentences)
              if s.article in english and (s.quantities or s.casualties or s.dates or find_numbers(s.text))]
    docs = dict(zip(parsed, parse([alignment.sentences[i] for i in parsed]), strict=True))
    out: list[Value] = []
    for i, s in enumerate(alignment.sentences):
        terms = positioned_terms(s)
        tolls = _casualties(i, s, terms)
        # "killed 12 people" is a toll; the count of people inside it is not a slot of its own
        counts = [v for v in _quantities(i, s, terms)
                  if not (v.kind == "count" and any(t.start < v.end and v.start < t.end for t in tolls))]
        figures = counts + tolls + _times(i, s, terms)
        doc = docs.get(i)
        if doc is not None:
            figures += _parsed_counts(i, s, terms, doc)
            offset = s.start
            figures = _own_dates([replace(v, measured=measured(doc, v.start - offset, v.end - offset, v.kind))
                                  for v in figures])
        elif s.article not in english:
            figures = [_unparsed(s, v, terms) if v.kind == "quantity" else v for v in figures]
        figures = [replace(v, when=_days(s, v)) for v in figures
                   if not v.measured.classifies and not _labels_a(v, labels)]
        out += figures + named_values(i, s, terms, common)
    story = story_places(alignment.sentences)
    return [replace(v, scope=v.places - story) for v in out]
