"""Slot values: the checkable values a sentence states, each with the context that names its slot.

A value is a quantity with a unit (a distance, an amount, a duration ...), a count of things
("148 people", "16 students"), a count of people by class (killed, wounded ...), a clock time or a
date, a compass direction relative to an anchor ("northwest toward Sadad"), a person's full name
or the nationality given to a person.  `stages.reconcile` links values of one slot across
articles and reports the slots whose values disagree.

Every value keeps the content terms around it (`context`) and the places named there (`places`):
two values fill the same slot only when their contexts agree, so "80 km northwest of Kathmandu"
and "80 km east of Pokhara" stay apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from newsfuse.algorithms.aliases import alias_key
from newsfuse.algorithms.numbers import QUALIFIERS, integer_precision, parse_ordinal, qualifier_before
from newsfuse.model import Entity, Quantity, Sentence
from newsfuse.stages.align import Alignment, positioned_terms
from newsfuse.stages.measured import Measured, counted_numbers, measured, parse

CONTEXT_WINDOW = 6
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A place named in the first `LEAD_SENTENCES` sentences of one article in `STORY_PLACE_SHARE`
# is where the story happens.
LEAD_SENTENCES = 3
STORY_PLACE_SHARE = 3
_ANCHOR_REACH = 60
# Classes of `algorithms.casualties` whose counts rise as they come in.
TOLL_CLASSES = frozenset({"killed", "wounded", "missing", "arrested", "displaced", "rescued", "evacuated"})
_DIRECTION = re.compile(
    r"\b(?P<in>in\s+the\s+)?(?P<dir>(?:north|south)(?:[- ]?(?:east|west))?|east|west)"
    r"\s+(?P<rel>of|toward|towards)\b",
    re.IGNORECASE,
)
# Between a nationality and the person it describes: at most two lower-case words ("playmaker").
_DESCRIPTOR = re.compile(r"\s+(?:(?!of\b|for\b|in\b|from\b|to\b|at\b|by\b|on\b)[a-z][a-z-]*\s+){0,2}")
_THE_DEMONYM = re.compile(r"\bthe\s+$", re.IGNORECASE)
_AS_NOUN = re.compile(r"['’]s\b|\s+(?:is|was|has|had|who|said|says)\b")
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")
_ROMAN = re.compile(r"[IVX]+")
_NUMERIC_PREFIX = ("#", "=")
_MARK = re.compile(r"\s*\((\d{1,3})['’]?\)")
# Labels of names that can be people's (NAME: a capitalised run in a language without a model).
_NAMED_PEOPLE = frozenset({"PERSON", "NAME"})
_UTC = re.compile(r"\b(?:GMT|UTC)\b", re.IGNORECASE)
# Where a clause ends: punctuation that closes one, a dash or bracket set off by spaces, a
# conjunction or relative word that opens the next.
_CLAUSE_BREAK = re.compile(
    r"[;:!?\"“”()\[\]]|,(?=\s)|\s[-–—]+\s|\s(?:but|while|whereas|although|though|because|which|who|"
    r"whom|whose|where|said|says|told|according)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_AFTER_BOUND = re.compile(r"\s+or\s+(more|greater|higher|above|over|less|fewer|lower|below|under)\b",
                          re.IGNORECASE)
_LISTED = re.compile(r"(?:\d\s+(?:and|or)\s+(?:\w+\s+){0,3}|\b(?:one|the other|another)\s+(?:with|of|at)\s+)$",
                     re.IGNORECASE)
_LISTED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:and|or)\s+the\s+other\b", re.IGNORECASE)
_HALF_DAY = re.compile(r"[ap]\.?\s?m\b|\b(?:noon|midday|midnight)\b", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b(?![,.]\d)")
_FLIGHT = re.compile(r"\b[Ff]light\s+(?:[Nn]o\.?\s*)?(?:\d?[A-Z]{1,3}\s?)?(?P<number>\d{2,5})\b"
                     r"|\b\d?[A-Z]{1,3}(?P<glued>\d{3,5})\s+[Ff]light\b")
# "Flight 9268", "flight 4U 9525", "7K9268", "A320": digits that name something.
_LABEL = re.compile(r"(?:\b(?:[Ff]light|[Rr]oute|[Nn]o\.|[Nn]umber)\s+(?:\d?[A-Z]{1,3}\s?)?"
                    r"|[A-Za-z](?=\d{3}))(?P<digits>\d{3,})\b")
# The unit of a clock time that does not say which half of the day it is in ("6:50 local time").
TWELVE_HOUR = "12h"
# A value's phrase reaches at most this many words either side of the value.
PHRASE_WORDS = 8
Terms = Sequence[tuple[str, str, int]]


@dataclass(frozen=True)
class Value:
    """One stated value.

    `kind` and `key` name its slot family: ("quantity", unit), ("count", noun), ("casualty",
    class), ("time", zone), ("date", ""), ("direction", relation + anchor), ("name", surname),
    ("nationality", surname), ("mark", surname) or ("flight", "flight").  `value` and `unit` are its normalised form, `text` the words
    stating it and `phrase` the words around them that make the claim (`phrase`).  `precision`
    is the step it was stated at and `bound` what its qualifier makes of it ("min" for "at
    least", "max" for "up to", "approx" for "around", else None).  `context` are the content
    terms around it, `places` the places its phrase names and `scope` those of them that are
    not where the story happens (`story_places`); `measured` is what it counts or measures.
    """

    sentence: int
    article: str
    kind: str
    key: str
    value: float | str
    unit: str | None
    text: str
    start: int
    end: int
    context: tuple[str, ...]
    context_words: tuple[str, ...]
    places: frozenset[str]
    phrase: str = ""
    scope: frozenset[str] = frozenset()
    when: frozenset[str] = frozenset()
    precision: float = 0.0
    bound: str | None = None
    vague: bool = False
    quantity: Quantity | None = None
    measured: Measured = field(default_factory=Measured)


def _context(terms: Terms, start: int, end: int, inside: bool) -> list[tuple[str, str, int]]:
    """Content terms within `CONTEXT_WINDOW` terms of [start, end), numbers excluded; the value's
    own words count when `inside` (who was killed is part of a toll's slot; a unit is not)."""
    words = [t for t in terms if not t[0].startswith(_NUMERIC_PREFIX)]
    before = [t for t in words if t[2] < start]
    within = [t for t in words if start <= t[2] < end] if inside else []
    after = [t for t in words if t[2] >= end]
    return before[-CONTEXT_WINDOW:] + within + after[:CONTEXT_WINDOW]


def clause(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause of a value, as offsets into the sentence's text."""
    text = sentence.text
    a, b = start - sentence.start, end - sentence.start
    left, right = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= a:
            left = m.end()
        elif m.start() >= b:
            right = m.start()
            break
    return left, right


def phrase(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The words around a value that state it: its clause, at most `PHRASE_WORDS` words either
    side, and no other figure (a reader sees what is claimed, and only this claim's number)."""
    text, offset = sentence.text, sentence.start
    a, b = start - offset, end - offset
    left, right = clause(sentence, start, end)
    for m in re.finditer(r"\S+", text):
        if _DIGIT.search(m.group()) and m.end() <= a:
            left = max(left, m.end())
        elif _DIGIT.search(m.group()) and m.start() >= b:
            right = min(right, m.start())
            break
    before = [m.start() for m in re.finditer(r"\S+", text[left:a])]
    if len(before) > PHRASE_WORDS:
        left += before[-PHRASE_WORDS]
    after = [m.end() for m in re.finditer(r"\S+", text[b:right])]
    if len(after) > PHRASE_WORDS:
        right = b + after[PHRASE_WORDS - 1]
    left = min(a, left + len(text[left:a]) - len(text[left:a].lstrip(" ,")))
    right = max(b, len(text[:right].rstrip(" ,.")))
    return offset + left, offset + right


def _places(sentence: Sentence, phrase_span: tuple[int, int], start: int, end: int) -> frozenset[str]:
    """Places named in a value's phrase (outside the value's own words); a place in a compound
    modifier ("Britain-based") is not where anything happened."""
    text, offset = sentence.text, sentence.start
    left, right = phrase_span
    return frozenset(e.key for e in sentence.entities
                     if e.label in PLACE_LABELS and e.end > left and e.start < right
                     and not (e.start >= start and e.end <= end)
                     and text[e.end - offset:e.end - offset + 1] != "-")


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
    return bool(_LISTED.search(s.text, 0, start - s.start) or _LISTED_AFTER.match(s.text, end - s.start))


def _make(
    i: int, s: Sentence, terms: Terms, kind: str, key: str, value: float | str, unit: str | None,
    start: int, end: int, *, precision: float = 0.0, bound: str | None = None, vague: bool = False,
    quantity: Quantity | None = None,
) -> Value:
    context = _context(terms, start, end, inside=kind == "casualty")
    left, right = phrase(s, start, end)
    return Value(sentence=i, article=s.article, kind=kind, key=key, value=value, unit=unit,
                 text=s.text[start - s.start:end - s.start], start=start, end=end,
                 context=tuple(t for t, _, _ in context), context_words=tuple(w for _, w, _ in context),
                 places=_places(s, (left, right), start, end), phrase=s.text[left - s.start:right - s.start],
                 precision=precision, bound=bound, vague=vague,
                 quantity=quantity)


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
        out.append(_make(i, s, terms, kind, q.unit, q.value, q.unit, q.start, q.end,
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
        out.append(_make(i, s, terms, "count", c.noun, c.value, c.noun, start, end,
                         precision=integer_precision(digits) if digits[:1].isdigit() else 1.0,
                         bound=_bound(qualifier[0] if qualifier else None, s, start + len(digits))))
    return out


def _casualties(i: int, s: Sentence, terms: Terms) -> list[Value]:
    return [_make(i, s, terms, "casualty", c.cls, float(c.count), c.cls, c.start, c.end,
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
            out.append(_make(i, s, terms, "time", zone, d.value, unit, d.start, d.end))
        elif d.precision == "day" and d.value and not _ISO_DATE.fullmatch(d.text):
            out.append(_make(i, s, terms, "date", "", d.value, None, d.start, d.end))
    return out


def _directions(i: int, s: Sentence, terms: Terms) -> list[Value]:
    """Compass directions with the place they are relative to: "west of Mahin" (of), "northwest
    toward Sadad" (toward), "in the southwest of Homs province" (in)."""
    out = []
    places = sorted((e for e in s.entities if e.label in PLACE_LABELS), key=lambda e: e.start)
    for m in _DIRECTION.finditer(s.text):
        start, end = s.start + m.start("dir"), s.start + m.end()
        anchor = next((e for e in places if end <= e.start <= end + _ANCHOR_REACH), None)
        if anchor is None:
            continue
        relation = "in" if m.group("in") else m.group("rel").lower().removesuffix("s")
        direction = re.sub(r"[- ]", "", m.group("dir").lower())
        out.append(_make(i, s, terms, "direction", f"{relation} {anchor.key}", direction, None,
                         start, anchor.end))
    return out


def _full_name(e: Entity, common: frozenset[str]) -> tuple[str, str, int] | None:
    """(given names, surname, offset of the first given name) of a person's full name, or None
    when the mention is not one: a single word, a regnal number ("Abdullah II").  Titles and
    other words the story writes in lower case are not given names ("Professor Emeritus
    Rainer Weiss" is Rainer Weiss); the given names are alias keys joined by spaces."""
    words = [(m.group(), m.start()) for m in re.finditer(r"\S+", e.text)]
    if len(words) < 2:
        return None
    surname = words[-1][0]
    if _ROMAN.fullmatch(surname) or not _NAME_WORD.fullmatch(surname):
        return None
    given = [(w, k) for w, k in words[:-1] if _NAME_WORD.fullmatch(w) and w.lower() not in common]
    if not given:
        return None
    return " ".join(alias_key(w) for w, _ in given), surname, e.start + given[0][1]


def _flights(i: int, s: Sentence, terms: Terms) -> list[Value]:
    """Flight numbers ("flight 4U 9525", "GWI9525 flight"; slot: the story's flight): the
    airline's code differs between outlets (4U, GWI), the number does not."""
    return [_make(i, s, terms, "flight", "flight", m.group("number") or m.group("glued"), None,
                  s.start + m.start(), s.start + m.end())
            for m in _FLIGHT.finditer(s.text)]


def _people(i: int, s: Sentence, terms: Terms, common: frozenset[str]) -> list[Value]:
    """Full names (slot: the surname), nationalities given to a person (slot: the surname) and
    a figure in brackets after a name ("Harry Kane (35)": in a match report the minute of a
    goal, elsewhere an age; slot: the surname)."""
    out = []
    people = [e for e in s.entities if e.label == "PERSON"]
    for e in people:
        name = _full_name(e, common)
        if name is not None:
            given, surname, start = name
            out.append(_make(i, s, terms, "name", alias_key(surname), given, None, start, e.end))
    named = {alias_key(p.text.split()[-1]) for p in people}
    for n in (e for e in s.entities if e.label == "NORP"):
        person = next((p for p in people if p.start >= n.end
                       and _DESCRIPTOR.fullmatch(s.text[n.end - s.start:p.start - s.start])), None)
        if person is not None:
            surname = alias_key(person.text.split()[-1])
            out.append(_make(i, s, terms, "nationality", surname, n.key, None, n.start, person.end))
        elif len(named) == 1 and _THE_DEMONYM.search(s.text, 0, n.start - s.start) \
                and _AS_NOUN.match(s.text, n.end - s.start):
            # "Riyad Mahrez's 17 goals ... capping the Algerian's ascent": with one person named
            # in the sentence, "the Algerian" is that person
            out.append(_make(i, s, terms, "nationality", next(iter(named)), n.key, None, n.start, n.end))
    for e in s.entities:
        m = _MARK.match(s.text, e.end - s.start)
        if e.label in _NAMED_PEOPLE and m:
            out.append(_make(i, s, terms, "mark", alias_key(e.text.split()[-1]), float(m.group(1)), None,
                             e.start, s.start + m.end()))
    return out


def common_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Words the story writes in lower case somewhere: a capitalised one of them before a
    surname is a title or an adjective ("Historic", "Devastating"), not a given name."""
    return frozenset(w for s in sentences for w in re.findall(r"\b[a-z][a-z-]+\b", s.text))


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


def slot_values(alignment: Alignment, english: Collection[str] = ()) -> list[Value]:
    """Every checkable value stated in the story's sentences; the figures of the sentences of
    `english` articles are told what they count or measure (`stages.measured`)."""
    common = common_words(alignment.sentences)
    labels = story_labels(alignment.sentences)
    parsed = [i for i, s in enumerate(alignment.sentences)
              if s.article in english and (s.quantities or s.casualties or s.dates)]
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
            figures = [replace(v, measured=measured(doc, v.start - s.start, v.end - s.start, v.kind))
                       for v in figures]
        figures = [replace(v, when=_days(s, v)) for v in figures
                   if not v.measured.classifies and not _labels_a(v, labels)]
        out += figures + _directions(i, s, terms) + _people(i, s, terms, common) + _flights(i, s, terms)
    story = story_places(alignment.sentences)
    return [replace(v, scope=v.places - story) for v in out]
