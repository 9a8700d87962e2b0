"""Years and counts written alike: "in 2000" names a year, "killed 2000 people" counts.

A whole number from 1800 to 2100 written as four digits without a comma is read as a year unless
its neighbours make it a count: a qualifier or a verb taking a count right before it ("at least
2000", "killed 2000", "rose to 2000"), or, for a round number, a plural noun or verb right after
it ("2000 soldiers", "2000 were killed") with no preposition, determiner or name before it that
marks years ("in 2000 people voted", "the 2020 elections", "Euro 2016 matches").
"""

from __future__ import annotations

import re

from newsfuse.algorithms.numbers import COLLECTIVE_NOUNS, qualifier_before

# What marks a four-digit number as a year: a preposition, determiner or possessive, a season or
# a capitalised name ("May 2015", "Euro 2016") right before it, or a year it runs from.
_YEAR_CUE_RE = re.compile(
    r"(?:(?i:\b(?:in|since|until|till|during|before|after|by|through|throughout|circa|c\.|the|its|their|"
    r"his|her|our|this|that|whose|early|late|mid|fiscal|year|season|summer|winter|spring|autumn|fall))"
    r"|['’]s|\b[A-Z][\w.]*|\b\d{4}\s*(?i:and|or|to|through|-|–|—))[\s-]*$"
)
# Verbs that take a count ("killed 2000", "rose to 2000", "a toll of 2000").
_VERB_BEFORE_RE = re.compile(
    r"(?:\b[a-z]+(?:ed|ing)|\bkills?|\b(?:rose|risen|rises|climbed|jumped|grew|increased|fell|dropped)\s+to"
    r"|\b(?:stood|stands|put|puts|putting)\s+(?:[a-z]+\s+){0,3}?at|\btoll\s+of)\s+$"
)
_WORD = r"([A-Za-z][A-Za-z'-]*)"
_NEXT_WORDS_RE = re.compile(r"\s+" + _WORD + r"(?:\s+" + _WORD + r")?(?:\s+" + _WORD + r")?")
_PLURAL_VERBS = frozenset({"were", "are", "have", "had", "died", "remain", "remained"})
# Words ending in "s" that are no plural nouns, and words that end the search for one.
_NOT_PLURAL = frozenset({"was", "has", "is", "its", "this", "his", "as", "us", "does", "thus", "plus",
                         "less"})
_STOPS = frozenset({"of", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "the", "a", "an",
                    "was", "is", "when", "while", "after", "before", "that", "which", "who"})
_OBJECTS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})


def _takes_plural(text: str, end: int) -> bool:
    """Whether a plural noun in lower case ("2000 armed men") or a plural verb ("2000 were")
    follows `end`; an "-s" word followed by an object is a verb ("2016 marks the ...")."""
    m = _NEXT_WORDS_RE.match(text, end)
    raw = [w for w in (m.groups() if m else ()) if w]
    words = [w.lower() for w in raw]
    if words and words[0] in _PLURAL_VERBS:
        return True
    for i, word in enumerate(words):
        if word in _STOPS or word in _NOT_PLURAL:
            return False
        if word in COLLECTIVE_NOUNS or (raw[i].islower() and word.endswith("s")
                                        and not word.endswith(("ss", "us", "is"))):
            return i + 1 == len(words) or words[i + 1] not in _OBJECTS
    return False


def reads_as_year(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]`, a whole number from 1800 to 2100 written as four digits without
    a comma, names a year.  It counts instead when a qualifier or a verb stands right before it
    ("at least 2000", "killed 2000"), or when it is round and takes a plural noun or verb ("2000
    soldiers", "2000 were killed") and no preposition, determiner or name before it marks a year
    ("in 2000 people voted", "the 2020 elections", "of 2016 vehicles")."""
    written = text[start:end]
    if not (len(written) == 4 and written.isdigit() and 1800 <= int(written) <= 2100):
        return False
    head = text[max(0, start - 30):start]
    after = text[end:end + 1]
    if qualifier_before(text, start) and after not in (",", ")"):
        return False
    if _YEAR_CUE_RE.search(head):
        return True
    if _VERB_BEFORE_RE.search(head):
        return False
    # a count this large written without a comma is an estimate, and estimates are round
    return int(written) % 10 != 0 or not _takes_plural(text, end)
