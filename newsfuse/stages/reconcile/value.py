"""A stated value and the words that state it: the record `stages.slots` finds and
`stages.slot_links` groups.

A value's `phrase` is the clause that states it, cut to a few words either side and to no other
figure, so that a reader sees what is claimed and only this claim's number; its `context` are the
content terms around it; its `places` the places its phrase names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsfuse.model import Quantity, Sentence
from newsfuse.stages.reconcile.measured import Measured

CONTEXT_WINDOW = 6
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The unit of a clock time that does not say which half of the day it is in ("6:50 local time").
TWELVE_HOUR = "12h"
# A value's phrase reaches at most this many words either side of the value, and does not start
# or end on a word that leans on the next or the last ("and 42 passengers", "cutting the road to the").
PHRASE_WORDS = 8
_LOOSE = r"(?:and|or|but|the|a|an|of|to|in|on|at|for|by|with|from|that|as)"
_LOOSE_START = re.compile(r"(?:and|or|but)\s+", re.IGNORECASE)
_LOOSE_END = re.compile(r"[\s,]+" + _LOOSE + r"$", re.IGNORECASE)
# Where a clause ends: punctuation that closes one (Arabic's too), a dash or bracket set off by
# spaces, a conjunction or relative word that opens the next.
_CLAUSE_BREAK = re.compile(
    r"[;:!?\"“”()\[\]؛؟]|[,،](?=\s)|\s[-–—]+\s|\s(?:but|while|whereas|although|though|because|which|who|"
    r"whom|whose|where|said|says|told|according)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_NUMERIC_PREFIX = ("#", "=")
Terms = Sequence[tuple[str, str, int]]


@dataclass(frozen=True)
class Value:
    """One stated value.

    `kind` and `key` name its slot family: ("quantity", unit), ("count", noun), ("casualty",
    class), ("time", zone), ("date", ""), ("direction", relation + anchor), ("name", surname),
    ("nationality", surname), ("mark", surname) or ("flight", "flight").  `value` and `unit`
    are its normalised form, `text` the words stating it and `phrase` the words around them
    that make the claim (see `phrase`).  `precision` is the step it was stated at and `bound`
    what its qualifier makes of it ("min" for "at least", "max" for "up to", "approx" for
    "around", else None).  `context` are the content terms around it, `places` the places its
    phrase names, `scope` those of them that are not where the story happens (`story_places`)
    and `when` the days its clause dates it to; `measured` is what it counts or measures.
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
    while (m := _LOOSE_START.match(text, left, a)) is not None:
        left = m.end()
    while (m := _LOOSE_END.search(text, b, right)) is not None:
        right = m.start()
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


def make_value(
    i: int, s: Sentence, terms: Terms, kind: str, key: str, value: float | str, unit: str | None,
    start: int, end: int, *, precision: float = 0.0, bound: str | None = None, vague: bool = False,
    quantity: Quantity | None = None,
) -> Value:
    """The value of kind `kind` stated at `[start, end)` of sentence `i` (`s`), its `terms` the
    sentence's positioned content terms."""
    context = _context(terms, start, end, inside=kind == "casualty")
    left, right = phrase(s, start, end)
    return Value(sentence=i, article=s.article, kind=kind, key=key, value=value, unit=unit,
                 text=s.text[start - s.start:end - s.start], start=start, end=end,
                 context=tuple(t for t, _, _ in context), context_words=tuple(w for _, w, _ in context),
                 places=_places(s, (left, right), start, end), phrase=s.text[left - s.start:right - s.start],
                 precision=precision, bound=bound, vague=vague,
                 quantity=quantity)
