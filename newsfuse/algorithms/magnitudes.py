"""An earthquake's magnitude, however a report writes it.

"magnitude 7.8" and "magnitude of 7.8" name it before the number; "7.4 on the Richter scale",
"6,5 grados en la escala de Richter", "7,8 de magnitud" and "6.6 ريختر" a few words after it; "M7.8" and "Mw
6.1" are the seismologists' notation.  Without any of these words a number is a magnitude only
when it has a decimal, is at most 10 and the text is about a quake: "a quake measuring 7.8", "it
registered 6.1", "a 7.3 earthquake".  `quantities` turns what these functions find into
`Quantity`s of kind "magnitude".
"""

from __future__ import annotations

import re

from newsfuse.algorithms.numbers import NumberMention

MAX_MAGNITUDE = 10.0

_BEFORE_RE = re.compile(r"(?:(?i:\bmagnitude(?:\s+of)?)[\s-]+|\bM[wLs]?\s)$")
_GLUED_RE = re.compile(r"\bM[wLs]?(?P<n>\d\.\d{1,2})(?![\d.]*\d)")
# The word a few words after the number, in any language; the gap is kept to limit its reach.
_NAMED_AFTER_RE = re.compile(
    r"(?P<gap>(?:[\s-]+[^\W\d]+['’]?){0,5}?)[\s-]+"
    r"(?:Richter\w*(?:\s+scale)?|(?i:magnitud[eo]?(?:\s+scale)?)|ريختر|ريشتر)\b"
)
_QUAKE_RE = re.compile(r"(?i)\b(?:(?:earth)?quakes?|tremors?|temblors?|aftershocks?|seismic)\b")
_MEASURING_RE = re.compile(r"(?i)\b(?:measur(?:ing|ed|es)|register(?:ing|ed|s)|rated|of)\s+$")
_QUAKE_AFTER_RE = re.compile(
    r"(?i)[\s-]+(?:strong\s+|powerful\s+)?(?:(?:earth)?quake|tremor|temblor|aftershock)s?\b"
)
_DECIMAL_RE = re.compile(r"\d[.,]\d")
_NEAR_WORDS = 2
_HEAD = 20


def magnitude_start(text: str, start: int) -> int | None:
    """Where "magnitude", "magnitude of" or "M" written right before offset `start` begins."""
    head_start = max(0, start - _HEAD)
    m = _BEFORE_RE.search(text, head_start, start)
    return m.start() if m else None


def magnitude_end(text: str, number: NumberMention) -> int | None:
    """Where the words making `number` a magnitude end ("7.4 on the Richter scale": after
    "scale"; "measuring 7.8", "a 7.8 quake": after the number), or None.  More than two words
    before "Richter" or "magnitude", only a number with a decimal qualifies ("7 people died and
    the magnitude ..." is no magnitude)."""
    if number.vague or not 0 < number.value <= MAX_MAGNITUDE:
        return None
    decimal = bool(_DECIMAL_RE.search(text, number.start, number.end))
    named = _NAMED_AFTER_RE.match(text, number.end)
    if named and (decimal or len(named.group("gap").split()) <= _NEAR_WORDS):
        return named.end()
    if not decimal or not _QUAKE_RE.search(text):
        return None
    measuring = _MEASURING_RE.search(text, max(0, number.start - _HEAD), number.start)
    return number.end if measuring or _QUAKE_AFTER_RE.match(text, number.end) else None


def glued_magnitudes(text: str) -> list[tuple[int, int, float, float]]:
    """(start, end, value, precision) of each "M7.8" or "Mw6.1" in `text` (the spaced "M 7.8" is
    read with its number, `magnitude_start`)."""
    found = []
    for m in _GLUED_RE.finditer(text):
        written = m.group("n")
        found.append((m.start(), m.end(), float(written), 10.0 ** -len(written.split(".")[1])))
    return found
