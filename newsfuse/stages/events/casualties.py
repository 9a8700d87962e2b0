"""The event's toll: counts of people by class across outlets, with the conservative figure.

Counts come from the event's sentences (those whose trigger fired, and every article's lede),
minus background: a count whose clause places it somewhere else ("18 fighters were killed in the
town of Harbil"), or whose sentence puts a war, conflict or another year before it ("the war has
killed 250,000 people", "the 1934 quake killed 8,500").

Per class, each article offers its highest count (a toll updated within an article only rises);
the event's figure is the lowest of the articles' precise figures (the conservative reading, as
ACLED codes fatalities), with the range across outlets. Vague words ("dozens" = 12) give the
figure only when no outlet gives a number, and then it is flagged `vague`; "no one was hurt" (0)
counts only when no outlet reports anyone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.algorithms.numbers import find_numbers
from newsfuse.model import Casualty, CasualtyFigure, Evidence, Sentence
from newsfuse.stages.events.location import clean_name
from newsfuse.stages.events.votes import name_key

_BACKGROUND = re.compile(r"\b(?:war|wars|conflict|uprising|insurgency|revolution|civil war)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|as|after|before)\b|\s+[—–]\s+")
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around|on|through)\s+(?:the\s+(?:\w+\s+)?(?:of\s+)?)?$",
                       re.IGNORECASE)
# "150 people, including two babies": a count of some of the victims, not a toll.
_SUBSET = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|among|of\s+whom|of\s+them)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
# The small English model gives places odd labels ("Lyon" ORG, "Grenoble" WORK_OF_ART): after
# "the city of" any name is a place; after a bare "in" not a group or a person ("in ISIL attacks").
_PLACE_NOUN_OF = re.compile(r"\b(?:town|city|village|district|province|region|area)\s+of\s+$", re.IGNORECASE)
_NOT_PLACES = frozenset({"ORG", "PERSON", "NORP"})
_AUXILIARY = re.compile(
    r"\s+(?:who|that|which|were|was|are|is|have|has|had|been|being|reportedly|also|either|all)\b.*$",
    re.IGNORECASE,
)
_VICTIMS_AFTER = re.compile(r"\s+((?:(?!in\b|on\b|at\b|and\b|as\b|when\b|after\b)[A-Za-z][\w'’-]*\s*){1,5})")
_SIDES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("government", re.compile(
        r"\b(?:government|regime|army|soldiers?|troops|pro-government|security forces|police(?:men)?|"
        r"military|loyalists?)\b", re.IGNORECASE)),
    ("civilians", re.compile(r"\b(?:civilians?|residents|villagers|bystanders)\b", re.IGNORECASE)),
    ("rebels", re.compile(r"\b(?:rebels?|insurgents?|militants?|jihadists?|opposition fighters)\b", re.I)),
)


@dataclass(frozen=True)
class _Report:
    article: str
    casualty: Casualty
    sentence: Sentence
    victims: str | None


def _clause(sentence: Sentence, c: Casualty) -> tuple[int, int]:
    """Offsets (into the sentence text) of the clause holding the casualty."""
    lo, hi = c.start - sentence.start, c.end - sentence.start
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence.text)]
    start = max((e for s, e in breaks if e <= lo), default=0)
    end = min((s for s, e in breaks if s >= hi), default=len(sentence.text))
    return start, end


def _elsewhere(sentence: Sentence, c: Casualty, here: frozenset[str]) -> bool:
    """Whether the casualty's clause places it somewhere other than the event's location."""
    start, end = _clause(sentence, c)
    for e in sentence.entities:
        lo = e.start - sentence.start
        if not (start <= lo < end) or name_key(clean_name(e.text)) in here:
            continue
        before = sentence.text[start:lo]
        if _PLACE_NOUN_OF.search(before) or (e.label not in _NOT_PLACES and _LOCATIVE.search(before)):
            return True
    return False


def _background(sentence: Sentence, c: Casualty, year: str | None) -> bool:
    head = sentence.text[: c.start - sentence.start]
    if _BACKGROUND.search(head):
        return True
    return year is not None and any(
        d.precision == "year" and d.value and d.value[:4] != year for d in sentence.dates
    )


def victims_of(sentence: Sentence, c: Casualty) -> str | None:
    """Who the count is of: the words between the count and the outcome ("Some 50 fighters on the
    government side were killed"), or after the count when the outcome comes first ("killing two
    Syrian army soldiers")."""
    numbers = find_numbers(c.text, vague=True)
    if not numbers:
        return None
    count_end = numbers[-1].end
    if count_end >= len(c.text.rstrip()):
        m = _VICTIMS_AFTER.match(sentence.text, c.end - sentence.start)
        words = m.group(1) if m else ""
    else:
        words = c.text[count_end:]
    return _AUXILIARY.sub("", words).strip(" ,") or None


def side_of(victims: str | None, actors: dict[str, str]) -> str | None:
    """Which side the victims were on: an actor they are named after ("IS fighters"), else a broad
    class ("government", "civilians", "rebels")."""
    if not victims:
        return None
    words = victims.split()
    names = {name_key(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    actor = next((name for key, name in actors.items() if key in names), None)
    return actor or next((side for side, pattern in _SIDES if pattern.search(victims)), None)


def _preferred(c: Casualty) -> tuple[bool, int]:
    """An article's figure for a class: a number over a vague word, then the highest."""
    return not c.vague, c.count


def tally(
    sentences: Sequence[tuple[Sentence, float]],
    here: frozenset[str],
    year: str | None,
    actors: dict[str, str],
) -> tuple[tuple[CasualtyFigure, ...], tuple[Evidence, ...]]:
    """Casualty figures by class from the event's sentences (`here`: name keys of the event's
    location; `year`: the event's year if known; `actors`: name key -> display name)."""
    per_article: dict[tuple[str, str], _Report] = {}
    for sentence, _weight in sentences:
        for c in sentence.casualties:
            if _SUBSET.search(sentence.text[: c.start - sentence.start]):
                continue
            if _elsewhere(sentence, c, here) or _background(sentence, c, year):
                continue
            key = (c.cls, sentence.article)
            current = per_article.get(key)
            if current is None or _preferred(c) > _preferred(current.casualty):
                per_article[key] = _Report(sentence.article, c, sentence, victims_of(sentence, c))
    by_class: dict[str, list[_Report]] = {}
    for (cls, _), report in per_article.items():
        by_class.setdefault(cls, []).append(report)
    figures, evidence = [], []
    for cls, reports in sorted(by_class.items()):
        positive = [r for r in reports if r.casualty.count > 0] or reports
        precise = [r for r in positive if not r.casualty.vague] or positive
        counts = [r.casualty.count for r in precise]
        chosen = min(precise, key=lambda r: (r.casualty.count, r.article))
        sides = [s for r in precise if (s := side_of(r.victims, actors))]
        figures.append(CasualtyFigure(
            cls=cls, count=chosen.casualty.count, low=min(counts), high=max(counts),
            articles=tuple(sorted({r.article for r in precise})), victims=chosen.victims,
            side=max(set(sides), key=sides.count) if sides else None, vague=chosen.casualty.vague,
        ))
        evidence.extend(
            Evidence("casualties", f"{cls} {r.casualty.count}", r.sentence.span, r.casualty.text)
            for r in sorted(precise, key=lambda r: (r.casualty.count, r.article))
        )
    return tuple(figures), tuple(evidence)
