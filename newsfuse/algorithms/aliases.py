"""Alias keys: one normal form for the spellings and transliterations of a name.

`alias_key` maps "Maheen" and "Mahin", "Hasaka", "Hasakah" and "Hasakeh", "Abdulrahman",
"Abdel Rahman" and "Abdurrahman", "Qaryatain" and "Qaryatayn" to one key each, with spelling rules
only: transliteration, case-folding, Arabic articles ("al-", "el-", "ash-" ...) and honorifics
dropped, "kh"/"q"/"th" and the like folded, doubled letters collapsed and every run of vowels
reduced to one placeholder (vowels are what transliterations disagree on most; consonants carry
the identity).  A word's first vowel is kept in three classes (a / e-i / o-u) so that "Oman" and
"Amman" stay apart, and words of one or two consonants keep all their vowel classes ("Gaza" is not
"Giza").

A small table (`SYNONYMS`) adds the true synonyms no spelling rule can find: organisations and
places of general knowledge (Daesh = ISIL = Islamic State, Tadmur = Palmyra, UN = United Nations).
Short abbreviations ("IS", "US", "UN", "WHO") only count when written in capitals, so the pronoun
"us" or the verb "is" never becomes a country or a militia.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

# Canonical name -> other names as they are written.  World knowledge only: organisations and
# places whose names share no spelling.  Names written in capitals are abbreviations: found in
# text only in capitals (or, from four letters, in title case too: "Isis").
SYNONYMS: dict[str, tuple[str, ...]] = {
    "Islamic State": (
        "ISIS", "ISIL", "IS", "Daesh", "Daish", "Islamic State group",
        "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria",
        "Islamic State of Iraq and al-Sham", "Islamic State of Iraq and the Sham",
    ),
    "Palmyra": ("Tadmur", "Tadmor"),
    "United Nations": ("UN",),
    "United States": ("US", "USA", "United States of America"),
    "United Kingdom": ("UK", "Britain", "Great Britain"),
    "European Union": ("EU",),
    "NATO": ("North Atlantic Treaty Organization", "North Atlantic Treaty Organisation"),
    "Russia": ("Russian Federation",),
    "Soviet Union": ("USSR",),
    "United Arab Emirates": ("UAE",),
    "Myanmar": ("Burma",),
    "Ivory Coast": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "Czech Republic": ("Czechia",),
    "World Health Organization": ("WHO", "World Health Organisation"),
}
# The entity label of each canonical name (spaCy's scheme).
SYNONYM_LABELS: dict[str, str] = {
    "Islamic State": "ORG", "Palmyra": "GPE", "United Nations": "ORG", "United States": "GPE",
    "United Kingdom": "GPE", "European Union": "ORG", "NATO": "ORG", "Russia": "GPE",
    "Soviet Union": "GPE", "United Arab Emirates": "GPE", "Myanmar": "GPE", "Ivory Coast": "GPE",
    "Czech Republic": "GPE", "World Health Organization": "ORG",
}

_ACRONYM_TITLE_CASE = 4
_CONNECTORS = frozenset({"the", "of", "and", "in", "for"})
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "the"})
_HONORIFICS = (
    "prime minister", "foreign minister", "defence minister", "defense minister", "president",
    "minister", "mr", "mrs", "ms", "dr", "gen", "general", "col", "colonel", "lt", "king", "queen",
    "prince", "sheikh", "shaikh", "ayatollah", "pope", "sen", "senator", "rep", "gov", "governor",
)
_HONORIFIC_RE = re.compile(r"^(?:(?:" + "|".join(_HONORIFICS) + r")\s+)+")

# "St Petersburg" is "Saint Petersburg", "Mt Everest" is "Mount Everest".
_ABBREVIATED_HEADS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_POSSESSIVE_RE = re.compile(r"['’]s$", re.IGNORECASE)
_DROP_RE = re.compile(r"['’`ʿʾ]")
_SPLIT_RE = re.compile(r"[^a-z0-9]+")
# "Abdel", "Abdul", "Abdu-r-rahman": the Arabic "abd al-" (servant of) in every spelling, with
# the article's l assimilated to a doubled consonant ("Abdurrahman").
_ABD_RE = re.compile(r"^abd(?:[aeiou]+l(?=[^aeiou])|[aeiou]+([^aeiou])(?=\1)|[aeiou]+l?$)?")
# "ch" maps to itself so that its "c" is not read as a "k".
_DIGRAPHS = (("ph", "f"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("q", "k"),
             ("ck", "k"), ("c", "k"), ("ch", "ch"), ("x", "ks"), ("sch", "sh"), ("tch", "ch"))
_DIGRAPH_RE = re.compile("|".join(sorted((re.escape(a) for a, _ in _DIGRAPHS), key=len, reverse=True)))
_DIGRAPH_MAP = dict(_DIGRAPHS)
_DOUBLE_RE = re.compile(r"([a-z])\1+")
_VOWELS_RE = re.compile(r"[aeiouy]+")
_FINAL_H_RE = re.compile(r"(?<=[aeiouy])h$")
# "ow", "aw" before a consonant are vowels written two ways ("Sindhupalchok", "Sindhupalchowk").
_VOWEL_W_RE = re.compile(r"(?<=[aeiou])w(?![aeiouy])")
_FEW_CONSONANTS = 2
_VOWEL_CLASS = {"a": "a", "e": "a", "i": "i", "y": "i", "o": "u", "u": "u"}
_FIRST_VOWEL = {"a": "a", "e": "i", "i": "i", "y": "i", "o": "u", "u": "u"}


def _lookup_form(name: str) -> tuple[str, bool]:
    """Lower-cased ASCII words without connectors, and whether the original was all capitals."""
    ascii_name = _POSSESSIVE_RE.sub("", unidecode(name).strip())
    letters = re.sub(r"[^A-Za-z]", "", ascii_name)
    capitals = bool(letters) and letters.isupper()
    words = [w for w in _SPLIT_RE.split(_DROP_RE.sub("", ascii_name.lower())) if w]
    core = [w for w in words if w not in _CONNECTORS]
    # "U.S." and "U.N." split into letters: glue single letters back into one abbreviation.
    if core and all(len(w) == 1 for w in core):
        core = ["".join(core)]
    return " ".join(core or words), capitals


def _build_synonyms() -> tuple[dict[str, str], frozenset[str]]:
    table: dict[str, str] = {}
    capitals_only = set()
    for canonical, variants in SYNONYMS.items():
        for written in (canonical, *variants):
            form = _lookup_form(written)[0]
            table[form] = _lookup_form(canonical)[0]
            if written.isupper() and len(written) < _ACRONYM_TITLE_CASE:
                capitals_only.add(form)
    return table, frozenset(capitals_only)


# Short abbreviations ("IS", "US", "WHO") are only themselves in capitals: "is", "us", "who".
_SYNONYM_OF, _CAPITALS_ONLY = _build_synonyms()


def _canonical(name: str) -> str:
    """The table's canonical name for `name`, or `name` itself without honorifics."""
    form, capitals = _lookup_form(name)
    form = _HONORIFIC_RE.sub("", form)
    head, _, rest = form.partition(" ")
    if rest and head in _ABBREVIATED_HEADS:
        form = f"{_ABBREVIATED_HEADS[head]} {rest}"
    for candidate in (form, form.removesuffix(" group")):
        canonical = _SYNONYM_OF.get(candidate)
        if canonical and (candidate not in _CAPITALS_ONLY or capitals):
            return canonical
    return form


def _skeleton(word: str) -> str:
    """The consonant skeleton of one word, with its first vowel class when it starts with one.

    Words of one or two consonants keep a class for every vowel run (a/e, i/y, o/u: Arabic's one
    short "a" is written a or e, "Deraa" and "Daraa"), with so little else to tell "Gaza" from
    "Giza".
    """
    word = _ABD_RE.sub("abd", word)
    word = _FINAL_H_RE.sub("", word)
    word = _VOWEL_W_RE.sub("", word)
    word = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group()], word)
    word = _DOUBLE_RE.sub(r"\1", word)
    if not word:
        return word
    head = _FIRST_VOWEL.get(word[0], word[0]) if word[0] != "y" or len(word) == 1 else "y"
    if len(_VOWELS_RE.sub("", word)) <= _FEW_CONSONANTS:
        return head + _VOWELS_RE.sub(lambda m: _VOWEL_CLASS[m.group()[0]], word[1:])
    return head + _VOWELS_RE.sub("V", word[1:])


def _words(canonical: str) -> list[str]:
    """Words of a canonical name, articles dropped and an "Abd" split from its name joined."""
    words = canonical.split()
    kept = [w for i, w in enumerate(words) if w not in _ARTICLES or i == len(words) - 1]
    merged: list[str] = []
    for word in kept:
        if merged and _ABD_RE.fullmatch(merged[-1]):
            merged[-1] = "abd" + word
        else:
            merged.append(word)
    return merged


@lru_cache(maxsize=65536)
def alias_key(name: str) -> str:
    """The alias key of a name: equal for spellings and synonyms of the same entity.

    >>> alias_key("Maheen") == alias_key("Mahin")
    True
    >>> alias_key("Daesh") == alias_key("Islamic State of Iraq and the Levant")
    True
    """
    return " ".join(_skeleton(w) for w in _words(_canonical(name)))


def same_entity(a: str, b: str, *, person: bool = False) -> bool:
    """Whether two names denote the same entity.

    Names are the same when their alias keys are equal.  With `person=True` a single surname also
    matches the full name that ends with it ("Assad" and "Bashar al-Assad"); that rule is off by
    default because it would merge places ("Korea" and "North Korea").
    """
    ka, kb = alias_key(a), alias_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if not person:
        return False
    short, long_ = sorted((ka.split(), kb.split()), key=len)
    return len(short) == 1 and len(long_) > 1 and long_[-1] == short[0] and len(short[0]) >= 3


def _surface_pattern(written: str) -> str:
    """A regex for a table name as it may appear in text: "U.S." for "US", any connectors and
    case for "Islamic State of Iraq and the Levant" (capitalisation is checked by the caller)."""
    letters = written.replace(".", "")
    if letters.isupper() and letters.isalpha():
        dotted = r"\.?".join(letters) + r"\.?"
        if len(letters) >= _ACRONYM_TITLE_CASE:
            return "(?:" + dotted + "|" + letters.capitalize() + ")"
        return dotted
    words = _lookup_form(written)[0].split()
    glue = r"(?:[\s-]+(?i:of|and|in|the|for|al))*[\s-]+"
    return "(?i:" + glue.join(re.escape(w) for w in words) + ")"


def _build_known() -> tuple[re.Pattern[str], dict[str, str]]:
    labels: dict[str, str] = {}
    patterns = []
    for canonical, variants in SYNONYMS.items():
        for written in (canonical, *variants):
            patterns.append(_surface_pattern(unidecode(written)))
        labels[_lookup_form(canonical)[0]] = SYNONYM_LABELS[canonical]
    ordered = sorted(set(patterns), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(ordered) + r")(?!\w)"), labels


_KNOWN_RE, _KNOWN_LABELS = _build_known()


def known_names(text: str) -> list[tuple[int, int, str]]:
    """Names of the synonym table found in `text`: (start, end, entity label).

    Finds what a statistical tagger misses or cuts short ("ISIL", "Islamic State of Iraq and the
    Levant").  Abbreviations count only in capitals, and not in a line written all in capitals.
    """
    letters = [c for c in text if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    found = []
    for m in _KNOWN_RE.finditer(text):
        name = m.group()
        if not name[0].isupper() or (shouting and len(name.replace(".", "")) <= _ACRONYM_TITLE_CASE):
            continue
        canonical = _lookup_form(_canonical(name))[0]
        label = _KNOWN_LABELS.get(canonical)
        if label:
            found.append((m.start(), m.end(), label))
    return found
