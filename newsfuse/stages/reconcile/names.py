"""Slot values that are names rather than figures: a person's full name, the nationality given
to a person, a figure in brackets after a name, a flight number, a compass direction relative to
a place.  Their slot is the person, the flight or the place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.algorithms.aliases import alias_key
from newsfuse.model import Entity, Sentence
from newsfuse.stages.reconcile.value import PLACE_LABELS, Terms, Value, make_value

_ANCHOR_REACH = 60
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
_MARK = re.compile(r"\s*\((\d{1,3})['’]?\)")
# Labels of names that can be people's (NAME: a capitalised run in a language without a model).
_NAMED_PEOPLE = frozenset({"PERSON", "NAME"})
_FLIGHT = re.compile(r"\b[Ff]light\s+(?:[Nn]o\.?\s*)?(?:\d?[A-Z]{1,3}\s?)?(?P<number>\d{2,5})\b"
                     r"|\b\d?[A-Z]{1,3}(?P<glued>\d{3,5})\s+[Ff]light\b")


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
        out.append(make_value(i, s, terms, "direction", f"{relation} {anchor.key}", direction, None,
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
    return [make_value(i, s, terms, "flight", "flight", m.group("number") or m.group("glued"), None,
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
            out.append(make_value(i, s, terms, "name", alias_key(surname), given, None, start, e.end))
    named = {alias_key(p.text.split()[-1]) for p in people}
    for n in (e for e in s.entities if e.label == "NORP"):
        person = next((p for p in people if p.start >= n.end
                       and _DESCRIPTOR.fullmatch(s.text[n.end - s.start:p.start - s.start])), None)
        if person is not None:
            surname = alias_key(person.text.split()[-1])
            out.append(make_value(i, s, terms, "nationality", surname, n.key, None, n.start, person.end))
        elif len(named) == 1 and _THE_DEMONYM.search(s.text, 0, n.start - s.start) \
                and _AS_NOUN.match(s.text, n.end - s.start):
            # "Riyad Mahrez's 17 goals ... capping the Algerian's ascent": with one person named
            # in the sentence, "the Algerian" is that person
            out.append(make_value(i, s, terms, "nationality", next(iter(named)), n.key, None, n.start, n.end))
    for e in s.entities:
        m = _MARK.match(s.text, e.end - s.start)
        if e.label in _NAMED_PEOPLE and m:
            out.append(make_value(i, s, terms, "mark", alias_key(e.text.split()[-1]), float(m.group(1)), None,
                             e.start, s.start + m.end()))
    return out


def common_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Words the story writes in lower case somewhere: a capitalised one of them before a
    surname is a title or an adjective ("Historic", "Devastating"), not a given name."""
    return frozenset(w for s in sentences for w in re.findall(r"\b[a-z][a-z-]+\b", s.text))


def named_values(i: int, s: Sentence, terms: Terms, common: frozenset[str]) -> list[Value]:
    """The names, nationalities, bracketed figures, flight numbers and directions sentence `i`
    (`s`) states; `common` are the story's `common_words`."""
    return _directions(i, s, terms) + _people(i, s, terms, common) + _flights(i, s, terms)
