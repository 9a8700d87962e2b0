"""Consonant skeletons: one key for a name written in different scripts.

Arabic writes "Germanwings" as جيرمان وينجز and "Macron" as ماكرون; transliterated back they read
"jyrmn wynjz" and "mkrwn".  Short vowels are not written in Arabic and long ones come back as w / y,
so what survives a round trip through another script is the consonants, and only up to the
sounds one script cannot tell apart.  A skeleton keeps the consonants of a transliterated word
in classes of such sounds (b/p, f/v, g/j, k/c/q, s/z/soft c) and drops vowels, w, y and h.

`alias_key` (aliases.py) is the finer key for spellings within the Latin script; the skeleton is
the coarse one that lets an Arabic, Russian or Bulgarian report meet its story through the names
it shares.  Skeletons of fewer than four consonants collide too often to identify anything.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# Scripts from Greek (U+0370) on; Latin with its accents lies below.
FIRST_NON_LATIN = 0x370

_ARABIC_ARTICLE = "ال"
_DIGRAPHS = (("sch", "s"), ("sh", "s"), ("ch", "s"), ("ph", "f"), ("th", "t"), ("kh", "k"), ("gh", "g"),
             ("ck", "k"), ("dh", "d"))
_DIGRAPH_RE = re.compile("|".join(a for a, _ in _DIGRAPHS))
_DIGRAPH_MAP = dict(_DIGRAPHS)
_SOFT_C = re.compile(r"c(?=[eiy])")
_CLASSES = str.maketrans({"p": "b", "v": "f", "g": "j", "c": "k", "q": "k", "z": "s", "x": "ks"})
_NOT_CONSONANT = re.compile(r"[^bdfjklmnrst]+")
_DOUBLE = re.compile(r"(.)\1+")
_DIGIT = re.compile(r"\d")
_DIGIT_TAIL = re.compile(r"(\D+?)-?(\d+)")


def is_non_latin(token: str) -> bool:
    """Whether a token is written in a script other than Latin (its first character decides)."""
    return ord(token[0]) >= FIRST_NON_LATIN


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """The consonant skeleton of a word in any script ("Germanwings" -> "jrmnjs").  A name with a
    number after it keeps the number ("Macron2" -> "mkrn2"); a word with digits elsewhere is a
    code, not a name to transliterate, and has none ("").

    >>> skeleton("Macron") == skeleton("ماكرون")
    True
    """
    if _DIGIT.search(word):
        tail = _DIGIT_TAIL.fullmatch(word)
        if tail is None:
            return ""
        bones = skeleton(tail.group(1))
        return bones + tail.group(2) if bones else ""
    if word.startswith(_ARABIC_ARTICLE) and len(word) > len(_ARABIC_ARTICLE) + 1:
        word = word[len(_ARABIC_ARTICLE):]
    latin = unidecode(word).lower()
    latin = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group()], latin)
    latin = _SOFT_C.sub("s", latin).translate(_CLASSES)
    return _DOUBLE.sub(r"\1", _NOT_CONSONANT.sub("", latin))
