"""Story features: the keys of an article that say which event it reports.

An event is named by who and where (names), how many and which (numbers, codes such as "4U9525"
or "Su-24") and what happened (content words).  Each key carries its kind as a prefix:

- ``n:`` a name: a capitalised word keyed by `alias_key`, so that spelling variants and synonyms
  meet (Maheen / Mahin, ISIS / Daesh / Islamic State).  A capitalised word is read as a common
  word when the article also writes it in lower case (sentence starts, title case);
- ``w:`` a content word, transliterated, lower-cased and stemmed, stop words of the common news
  languages dropped;
- ``#:`` a number (thousands separators dropped; single digits are too common to say anything);
- ``c:`` a code, a few letters with digits ("A320", "Su-24");
- ``s:`` the consonant skeleton of a name (`skeleton.py`), the key on which a name written in
  Arabic or Cyrillic meets its Latin spelling.  Scripts without capitals cannot show which words
  are names, so the skeletons of all their words (and of adjacent pairs) are only *guesses*: the
  clustering keeps a guess when some Latin name has that skeleton.

Some keys are *anchors*: names and words of four letters or more, and skeletons (of four
consonants or more; shorter ones are not kept).  Numbers, codes and short abbreviations (IS, US,
EPA) recur across unrelated events by coincidence, so they can strengthen a match but never make
one on their own.  A word carrying digits ("Palmyra2") is a word when it has four letters or
more, a code otherwise.

`extract` also tells which keys the first characters of the text hold (its lead), for callers
that weigh the headline and first lines more.

Pure functions, no I/O.  Each distinct token of a text is classified once, through a cache,
because this runs on every article of corpora of millions.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec, module_from_spec, spec_from_file_location
from itertools import chain
from pathlib import Path

from unidecode import unidecode

from newsfuse.algorithms.aliases import alias_key
from newsfuse.algorithms.similarity import stem
from newsfuse.algorithms.skeleton import is_non_latin, skeleton

NAME, WORD, NUMBER, CODE, SKELETON = "n:", "w:", "#:", "c:", "s:"

# Four letters make a word specific enough to anchor a match (see the module docstring).
ANCHOR_LETTERS = 4
_CACHE = 1 << 18

_STOPWORD_LANGUAGES = ("en", "fr", "es", "it", "de", "pt", "nl", "ca", "ro", "tr", "id", "ar", "ru", "bg")


def _language_stopwords() -> dict[str, frozenset[str]]:
    """spaCy's stop-word lists (lower-cased, and transliterated too), each read from its own file:
    importing a language package would load its tokenizer tables, seconds of work for a list."""
    spec = find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("spaCy is needed for its stop-word lists")
    root = Path(spec.submodule_search_locations[0]) / "lang"
    out: dict[str, frozenset[str]] = {}
    for lang in _STOPWORD_LANGUAGES:
        file_spec = spec_from_file_location(f"_newsfuse_stopwords_{lang}", root / lang / "stop_words.py")
        if file_spec is None or file_spec.loader is None:
            raise ImportError(f"spaCy's {lang} stop words are missing")
        module = module_from_spec(file_spec)
        file_spec.loader.exec_module(module)
        words = {w.lower() for w in module.STOP_WORDS}
        out[lang] = frozenset(words | {unidecode(w) for w in words})
    return out


LANGUAGE_STOPWORDS = _language_stopwords()
_ANY_STOPWORD = frozenset().union(*LANGUAGE_STOPWORDS.values())


def _never_keys() -> frozenset[str]:
    # Reporting verbs: every outlet attributes in its own words, so they say nothing about the event.
    words = {"said", "says", "told", "according", "added", "reported", "reports", "reportedly"}
    # Day and month names date an article; they do not tell one event from another.
    words.update(calendar.day_name[i].lower() for i in range(7))
    words.update(calendar.month_name[i].lower() for i in range(1, 13))
    return frozenset(words)


# Words that are never keys, whatever the language; a text's own stop words are dropped besides
# (those of its language, or of every language when its language is unknown): "state" is an
# Italian stop word but an English noun.
NEVER_KEYS = _never_keys()
STOPWORDS = frozenset(unidecode(w).lower() for w in _ANY_STOPWORD | NEVER_KEYS)
# A language needs this many distinct stop words in a text to be recognised in it.
MIN_STOPWORDS = 3


def stopword_language(words: set[str]) -> str | None:
    """The language whose stop words are most of `words` (lower-case), if it has a few of them.

    Cheap and good enough to tell which articles can be compared word for word; ties go to the
    language listed first.
    """
    hits = words & _ANY_STOPWORD
    best, most = None, MIN_STOPWORDS - 1
    for lang, stops in LANGUAGE_STOPWORDS.items():
        n = len(stops & hits)
        if n > most:
            best, most = lang, n
    return best


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*(?:-\d+)*(?![^\W_])|[^\W_]+(?:['’.\-][^\W_]+)*")
_SEPARATORS = re.compile(r"['’.\-]")
_GROUPED = re.compile(r"\d{1,3}(?:([,.])\d{3})(?:\1\d{3})*")
_NUMBER = re.compile(r"\d[\d.,\-]*")
_LETTERS_THEN_DIGITS = re.compile(r"([^\W\d_]+)-?\d+")
_DIGIT = re.compile(r"\d")
_NOT_LETTER = re.compile(r"[^a-z]")
# Scripts without capitals: Hebrew, Arabic, the Indic scripts, Thai, CJK, Hangul.
_CASELESS = re.compile(r"[\u0590-\u08ff\u0900-\u0fff\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# French/Italian elisions ("l'Airbus", "d'Alep") are not part of the name.
_ELISION = 2

# How a token's keys apply: always, or only if the text never writes it in lower case.
_ALWAYS, _IF_NAME = 0, 1
Pairs = tuple[tuple[str, bool], ...]
Entry = tuple[int, tuple[str, ...], tuple[str, ...]]
_NONE: tuple[int, Pairs] = (_ALWAYS, ())


@dataclass(frozen=True)
class Features:
    """The distinct keys of one article, the subset that may anchor a match, the skeleton
    guesses of its words in scripts without capitals (see the module docstring), the
    language its stop words point to, and the keys its lead (title and first lines) holds."""

    keys: frozenset[str]
    anchors: frozenset[str]
    guesses: frozenset[str] = frozenset()
    lang: str | None = None
    lead: frozenset[str] = frozenset()


@lru_cache(maxsize=_CACHE)
def _ascii(token: str) -> str:
    return token if token.isascii() else unidecode(token)


def number_key(token: str) -> str | None:
    """The key of a number: thousands separators dropped, a decimal comma read as a point.

    Single digits give no key: they are in every text.
    """
    grouped = _GROUPED.fullmatch(token)
    value = token.replace(",", "").replace(".", "") if grouped else token.replace(",", ".")
    return None if len(value) == 1 else NUMBER + value


def _surface(token: str) -> str:
    """The token without a possessive ("Turkey's") or an elided article ("l'Airbus")."""
    head, _, tail = token.replace("’", "'").rpartition("'")
    if tail.lower() == "s":
        return head
    if len(head) <= _ELISION:
        return tail
    return token


def _skeleton_key(word: str) -> str | None:
    bones = skeleton(word)
    return SKELETON + bones if len(bones) >= ANCHOR_LETTERS else None


def _name(token: str) -> tuple[int, Pairs]:
    folded = _ascii(token)
    if folded.lower() in NEVER_KEYS:
        return _NONE
    key = alias_key(token)
    if not key:
        return _NONE
    anchor = len(_NOT_LETTER.sub("", folded.lower())) >= ANCHOR_LETTERS
    bones = _skeleton_key(token)
    return _IF_NAME, ((NAME + key, anchor), (bones, True)) if bones else ((NAME + key, anchor),)


def _word(token: str) -> tuple[int, Pairs]:
    folded = token if token.isascii() else unidecode(token)
    # A transliterated form that is a stop word somewhere ("dér") is taken for one.
    if folded in NEVER_KEYS or len(folded) < 3 or (folded != token and folded in STOPWORDS):
        return _NONE
    if folded.isalpha():
        return _ALWAYS, ((WORD + stem(folded), len(folded) >= ANCHOR_LETTERS),)
    letters = len(_NOT_LETTER.sub("", folded))
    return _ALWAYS, ((WORD + stem(_SEPARATORS.sub("", folded)), letters >= ANCHOR_LETTERS),)


def _coded(token: str) -> tuple[int, Pairs]:
    key = number_key(token) if _NUMBER.fullmatch(token) else CODE + _SEPARATORS.sub("", _ascii(token).lower())
    return (_ALWAYS, ((key, False),)) if key else _NONE


def _classify(token: str) -> tuple[int, Pairs]:
    """The (key, anchor) pairs of one token, and whether they need it to be a name."""
    if "'" in token or "’" in token:
        token = _surface(token)
        if not token or _ascii(token).lower() in STOPWORDS:
            return _NONE
    if not token.isalpha():
        if token[0].isdigit():
            return _coded(token)
        m = _LETTERS_THEN_DIGITS.fullmatch(token)
        if m is not None:
            if len(m.group(1)) < ANCHOR_LETTERS:
                return _coded(token)
            key = _ascii(token).lower().replace("-", "")
            if token[0].isupper():
                bones = _skeleton_key(token)
                return _IF_NAME, ((NAME + key, True), (bones, True)) if bones else ((NAME + key, True),)
            return _ALWAYS, ((WORD + key, True),)
        if _DIGIT.search(token):
            return _coded(token)
    if token.islower():
        return _word(token)
    if token[0].isupper() or token.rpartition("-")[2][:1].isupper():
        return _name(token)
    return _NONE


def _name_pairs(tokens: list[str], names: set[str]) -> set[str]:
    """Keys of two names in a row ("Islamic State", "Notre Dame"): their alias key, which meets
    synonyms written as one word ("ISIS"), and their joint skeleton."""
    out: set[str] = set()
    previous = ""
    for token in tokens:
        if token not in names:
            previous = ""
            continue
        if previous:
            out.update(_pair_keys(previous, token))
        previous = token
    return out


@lru_cache(maxsize=_CACHE)
def _pair_keys(first: str, second: str) -> tuple[str, ...]:
    name = f"{_surface(first)} {_surface(second)}"
    if _DIGIT.search(name):
        return (NAME + _SEPARATORS.sub("", _ascii(name).lower()),)
    key = alias_key(name)
    bones = _skeleton_key(name.replace(" ", ""))
    return tuple(k for k in (NAME + key if key else None, bones) if k)


def _caseless_guesses(tokens: list[str]) -> frozenset[str]:
    """Skeletons of the words (and adjacent pairs) written in a script without capitals."""
    out: set[str] = set()
    previous = ""
    for token in tokens:
        if is_non_latin(token) and not token[0].isupper() and not token[0].islower():
            if _ascii(token).lower() not in STOPWORDS:
                for word in (token, previous + token) if previous else (token,):
                    if key := _skeleton_key(word):
                        out.add(key)
            previous = token
        else:
            previous = ""
    return frozenset(out)


# Classified tokens.  A plain dictionary emptied when full costs less than an LRU on the
# misses that a corpus of many distinct words makes most lookups.
_CLASSIFIED: dict[str, Entry] = {}


def _entry(token: str) -> Entry:
    if len(_CLASSIFIED) > _CACHE:
        _CLASSIFIED.clear()
    use, pairs = _classify(token)
    entry = _CLASSIFIED[token] = (use, tuple(k for k, _ in pairs), tuple(k for k, a in pairs if a))
    return entry


def extract(text: str, lead: int = 0) -> Features:
    """The story features of `text` (give the title and body together when both are known), and
    which of its keys its first `lead` characters hold."""
    tokens = _TOKEN.findall(text)
    distinct = set(tokens)
    lower_seen = {t for t in distinct if t.islower()}
    lang = stopword_language(lower_seen)
    stops = LANGUAGE_STOPWORDS[lang] if lang else _ANY_STOPWORD
    known = _CLASSIFIED.get
    leading = set(_TOKEN.findall(text[:lead])) if lead else set()
    # Lower-case words, the most of a text, in bulk; then the rest, which may be names.
    entries = {t: known(t) or _entry(t) for t in lower_seen - stops}
    keys = set(chain.from_iterable(e[1] for e in entries.values()))
    anchors = set(chain.from_iterable(e[2] for e in entries.values()))
    lead_keys = set(chain.from_iterable(entries[t][1] for t in leading & entries.keys()))
    names: set[str] = set()
    for token in distinct - lower_seen:
        use, found, anchored = known(token) or _entry(token)
        if not found:
            continue
        lower = token.lower()
        if lower in stops:
            continue
        if use == _IF_NAME:
            if not token.isupper() and lower in lower_seen:
                continue
            names.add(token)
        keys.update(found)
        anchors.update(anchored)
        if token in leading:
            lead_keys.update(found)
    if len(names) > 1:
        pairs = _name_pairs(tokens, names)
        keys |= pairs
        anchors |= pairs
    guesses = _caseless_guesses(tokens) if _CASELESS.search(text) else frozenset()
    return Features(frozenset(keys), frozenset(anchors), guesses, lang, frozenset(lead_keys))
