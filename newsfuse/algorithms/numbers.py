"""Numbers as news text writes them: digits, number words, scales, ranges and vague amounts.

`find_numbers` scans a text and returns every number with its character offsets, its value and the
precision it was stated at (the step of its last significant digit: "13" -> 1, "1.3 billion" ->
1e8, "250,000" -> 1e4).  It refuses what only looks like a number: clock times ("2.15pm",
"14:30"), codes and model names ("7K9268", "Su-24", "A321", "G20", "COVID-19"), phone numbers,
ISBNs, ZIP codes and other digit groups joined by hyphens ("877-934-6274", "2015-11-01"),
fractions and dates written with a slash ("9/11"), scores and seasons ("1-0", "2012-13").

A comma before one or two digits is a decimal comma ("6,5"), and so is the last separator of
"1.234,5"; a point before a group of three digits groups thousands when there are several groups
("1.300.000") or the text's language writes decimal commas ("1.300" in German is 1300).
`reads_as_year` tells a year ("in 2000") from a count written like one ("killed 2000 people").

Other languages (`lang`, the article's ISO 639-1 code): Eastern Arabic and Persian digits read as
their ASCII twins ("١٥" is 15, "٫" a decimal point), and the scale words and qualifiers of
Spanish, Portuguese, French, Italian, German and Arabic are read after digits ("1.500 millones",
"23 milliards", "2 Mio.", "5 آلاف"; "al menos", "environ", "نحو"), each with its language's
meaning: a French or German "billion" and a Spanish "billón" are 10^12.  Texts of another or an
unknown language are read as English.

Vague amounts are read the way the ACLED conflict-event codebook codes reported fatalities:
"several", "many" and "numerous" count 10, "dozens" 12, "hundreds" 100 (see `VAGUE`), and are
flagged `vague` so that nobody compares them with exact figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scale words of other languages, written after digits, by ISO 639-1 code.
FOREIGN_SCALES: dict[str, dict[str, float]] = {
    "es": {"mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12},
    "pt": {"mil": 1e3, "milhão": 1e6, "milhao": 1e6, "milhões": 1e6, "milhoes": 1e6, "bilhão": 1e9,
           "bilhões": 1e9, "bilião": 1e12, "biliões": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
           "billion": 1e12, "billions": 1e12},
    "it": {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
    "de": {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio.": 1e6, "milliarde": 1e9,
           "milliarden": 1e9, "mrd.": 1e9, "billion": 1e12, "billionen": 1e12},
    "ar": {"ألف": 1e3, "الف": 1e3, "آلاف": 1e3, "ألفا": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليونا": 1e6,
           "مليار": 1e9, "مليارات": 1e9, "مليارا": 1e9},
}
# Abbreviated scales written after digits: "$13.7bn", "5mn", "10k", "2 mln".
SCALE_SUFFIXES = {"bn": 1e9, "bln": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3,
                  "tn": 1e12, "trn": 1e12}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}

# ACLED's reading of vague counts (10 for "several"/"many"; 12 for "dozens"; 100 for "hundreds"),
# extended in the same spirit to the other words news uses.  Longest phrases first.
VAGUE: dict[str, int] = {
    "millions": 1_000_000,
    "hundreds of thousands": 100_000,
    "tens of thousands": 10_000,
    "thousands": 1_000,
    "hundreds": 100,
    "scores": 20,
    "dozens": 12,
    "tens": 10,
    "several": 10,
    "many": 10,
    "numerous": 10,
    "a number of": 10,
    "a handful of": 3,
    "a handful": 3,
    "a few": 3,
    "a couple of": 2,
}

# Qualifiers written before a number, and the bound each one sets on the true value.
QUALIFIERS: dict[str, str] = {
    "at least": "min", "more than": "min", "over": "min", "upwards of": "min", "in excess of": "min",
    "no fewer than": "min", "no less than": "min", "as many as": "max", "up to": "max",
    "at most": "max", "as high as": "max", "as much as": "max",
    "less than": "max", "fewer than": "max", "under": "max", "nearly": "max",
    "almost": "max", "just under": "max", "just over": "min", "around": "approx",
    "about": "approx", "some": "approx", "roughly": "approx", "approximately": "approx",
    "an estimated": "approx", "estimated": "approx", "close to": "approx", "circa": "approx",
    "approx.": "approx",
}

# Qualifiers of other languages, each read as the English one that sets the same bound.
FOREIGN_QUALIFIERS: dict[str, dict[str, str]] = {
    "es": {"al menos": "at least", "por lo menos": "at least", "más de": "more than", "mas de": "more than",
           "menos de": "less than", "hasta": "up to", "casi": "nearly", "unos": "about", "unas": "about",
           "alrededor de": "around", "cerca de": "close to", "aproximadamente": "approximately"},
    "pt": {"pelo menos": "at least", "mais de": "more than", "menos de": "less than", "até": "up to",
           "quase": "nearly", "cerca de": "close to", "aproximadamente": "approximately"},
    "fr": {"au moins": "at least", "plus de": "more than", "moins de": "less than", "jusqu'à": "up to",
           "jusqu’à": "up to", "près de": "close to", "presque": "nearly", "environ": "about",
           "quelque": "some"},
    "it": {"almeno": "at least", "più di": "more than", "oltre": "over", "meno di": "less than",
           "fino a": "up to", "quasi": "nearly", "circa": "about"},
    "de": {"mindestens": "at least", "mehr als": "more than", "über": "over", "weniger als": "less than",
           "bis zu": "up to", "fast": "nearly", "knapp": "nearly", "etwa": "about", "rund": "around",
           "ungefähr": "about", "ca.": "about"},
    "ar": {"أكثر من": "more than", "اكثر من": "more than", "أزيد من": "more than", "ما لا يقل عن": "at least",
           "أقل من": "less than", "اقل من": "less than", "حتى": "up to", "نحو": "about", "حوالي": "about",
           "حوالى": "about", "قرابة": "close to", "زهاء": "about", "ما يقارب": "about"},
}

# Nouns that count people or things without a plural "s" ("2000 people", "40 police").
COLLECTIVE_NOUNS = frozenset({"people", "crew", "personnel", "staff", "police", "aircraft", "troops",
                              "civilians", "children", "men", "women", "sheep", "cattle", "fish"})

# Languages whose texts write "6,5" for six and a half and "1.300" for thirteen hundred.
DECIMAL_COMMA_LANGUAGES = frozenset({
    "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fo", "fr", "gl",
    "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "ky", "lt", "lv", "mk", "mn", "nb", "nl", "nn", "no",
    "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk", "uz", "vi",
})


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of phrases, longest first, any run of spaces matching between words."""
    return "|".join(sorted((re.escape(str(w)).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


# Digits of other scripts, read one for one as ASCII (offsets into the text are kept).
_SCRIPT_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")

_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 1,234,567.8
    r"|\d{1,3}(?:\.\d{3})+,\d+(?!\d)"  # 1.234.567,8
    r"|\d{1,3}(?:\.\d{3}){2,}(?!\d|\.\d)"  # 1.234.567
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d{1,2}|\.\d+)?(?![\d,])"  # 940 000, 8 000,5
    r"|(?<![\d,.])\d{1,3},\d{1,2}(?!\d|,\d)"  # 6,5 (but not the list "1,2,3")
    r"|\d+(?:\.\d+)?)"
)
_REAL = alternation([*UNITS, *TENS, *SCALES, "dozen"])


def base_language(lang: str | None) -> str:
    """The ISO 639-1 code of `lang` ("pt-BR" -> "pt"), "" when unknown."""
    return re.split(r"[-_]", lang.lower(), maxsplit=1)[0] if lang else ""


def scales_of(lang: str | None) -> dict[str, float]:
    """Scale words read after digits in texts of `lang`: English ones, and the language's own
    (which win: a French "billion" is 10^12)."""
    return {**SCALES, **FOREIGN_SCALES.get(base_language(lang), {})}


@lru_cache(maxsize=16)
def _number_re(lang: str) -> re.Pattern[str]:
    """The number pattern of texts in `lang` (a base code, "" for English or unknown)."""
    return re.compile(
        r"(?P<digits>" + _DIGITS + r")(?P<frac>[½¼¾])?"
        r"(?:(?P<suffix>\s?(?:bn|bln|mn|mln)|trn|tn|k)(?![A-Za-z0-9])"
        r"|(?P<scale>(?:[\s-]+(?:" + alternation(scales_of(lang)) + r"))+)(?!\w))?"
        r"|(?P<words>\b(?:(?:a|an|half)[\s-]+){0,2}(?:" + _REAL + r")"
        r"(?:(?:\s+|-)(?:and\s+)?(?:a\s+)?(?:" + _REAL + r"|half))*\b)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=16)
def _qualifier_re(lang: str) -> re.Pattern[str]:
    """The pattern of a qualifier just before a number in texts of `lang` (English ones too)."""
    return re.compile(r"(?i)(?<!\w)(" + alternation([*QUALIFIERS, *FOREIGN_QUALIFIERS.get(lang, {})])
                      + r")\s+$")

_LONE_ARTICLE_RE = re.compile(r"(?i)an?[\s-]+(?!(?:" + alternation([*SCALES, "dozen", "half"]) + r")\b)")
_VAGUE_RE = re.compile(r"(?i)\b(" + alternation(VAGUE) + r")\b")
_RANGE_RE = re.compile(r"\s*(?:-|–|—|to)\s*|\s+or\s+", re.IGNORECASE)
_DASH_RE = re.compile(r"[-–—]")
_AND_RE = re.compile(r"\s+and\s+")
_BETWEEN_RE = re.compile(r"(?i)\bbetween\s+$")
_FROM_RE = re.compile(r"(?i)\bfrom\s+$")
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_ANY_DIGIT_RE = re.compile(r"\d")
# Letters that may follow digits directly and still make an amount ("20km", "300ft", "5pc").
_GLUED_UNITS = frozenset({
    "km", "kms", "m", "cm", "mm", "ft", "mi", "kg", "g", "t", "lb", "lbs", "mph", "kmh", "kph",
    "h", "hr", "hrs", "min", "mins", "sec", "secs", "pc", "l", "ha", "km2", "m2", "b",
})

# Codes written with digits: digit groups joined by hyphens (phone numbers, ISBNs, ISO dates), phone
# numbers with a country or area code, whatever a phone, ISBN or ZIP label introduces, and a US ZIP
# code after its state.
_US_STATES = ("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN",
              "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
              "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA",
              "WI", "WV", "WY")
CODE_RE = re.compile(
    r"(?<![\d-])\d+(?:-\d+){2,}"
    r"|\+\d{1,3}[\s.-]?(?:\(\d+\)[\s.-]?)?\d{2,}(?:[\s.-]\d{2,})+"
    r"|\(\d{2,5}\)[\s.-]?\d{2,4}[\s.-]\d{3,4}(?!\d)"
    r"|(?i:\b(?:isbn(?:-?1[03])?|issn|tel|telephone|phone|fax|hotline|zip(?:\s+code)?|post\s?code|"
    r"postal\s+code|p\.?\s?o\.?\s+box|toll[\s-]free)\b[\s:.#]*(?:(?:at|on|number)\s+)?)"
    r"\d(?:[\dXx]|[\s.-](?=\d)){2,}"
    r"|(?<=\b(?:" + "|".join(_US_STATES) + r")\s)\d{5}(?:-\d{4})?\b"
)

# Clock times, so that "2.15pm" or "at 10.01 local time" is never read as an amount.
_ZONES = r"(?:GMT|UTC|CET|CEST|EST|EDT|PST|PDT|BST|IST|local\s+time|hrs\b)"
_HOUR = r"(?:[01]?\d|2[0-3])"
CLOCK_RE = re.compile(
    r"\b" + _HOUR + r"(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b" + _HOUR + r":[0-5]\d(?::[0-5]\d)?(?!\d)(?:\s*" + _ZONES + r")?"
    r"|\b" + _HOUR + r"\.[0-5]\d\s*" + _ZONES
    + r"|(?<=\b(?:at|by)\s)" + _HOUR + r"\.[0-5]\d(?!\d)"
    r"(?=\s*(?:[,;)]|\.(?!\d)|$|\s(?:on|in|and|when|this|that|today|yesterday|last)\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """A number in a text: `text[start:end]`, its value and stated precision.

    A range ("15 to 20") has `value` at its middle and `low`/`high` at its ends; a vague word
    ("dozens") has `vague=True` and a precision as large as its value; `scale` is the factor of a
    scale word or suffix written with it ("2 million" -> 1e6), 1 without one.
    """

    start: int
    end: int
    value: float
    precision: float
    vague: bool = False
    low: float | None = None
    high: float | None = None
    scale: float = 1.0


def integer_precision(digits: str) -> float:
    """The step an integer written in digits was rounded to: 1 below 1,000, else the place of its
    last non-zero digit ("250,000" -> 10,000): small round numbers are usually exact counts."""
    plain = re.sub(r"\D", "", digits)
    if not plain or int(plain) < 1000:
        return 1.0
    zeros = len(plain) - len(plain.rstrip("0"))
    return float(10 ** min(zeros, len(plain) - 1))


def uses_decimal_comma(lang: str | None) -> bool:
    """Whether texts in `lang` (an ISO 639-1 code, "de" or "pt-BR") write decimal commas."""
    return base_language(lang) in DECIMAL_COMMA_LANGUAGES


def _decimal_mark(compact: str, decimal_comma: bool) -> str | None:
    """The decimal separator of digits the pattern matched, or None for a whole number: the later
    of "," and "." when both appear; a comma before one or two digits; a point unless it groups
    thousands (several groups of three, or one in a language that writes decimal commas)."""
    if "," in compact and "." in compact:
        return "," if compact.rindex(",") > compact.rindex(".") else "."
    if "," in compact:
        return "," if len(compact.rsplit(",", 1)[1]) < 3 else None
    if "." not in compact:
        return None
    groups_thousands = compact.count(".") > 1 or (decimal_comma and len(compact.split(".")[1]) == 3)
    return None if groups_thousands else "."


def _digits_value(digits: str, decimal_comma: bool) -> tuple[float, float]:
    """Value and precision of "1,300", "940 000", "1.3", "6,5", "1.300.000" (no scale)."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", digits)
    mark = _decimal_mark(compact, decimal_comma)
    whole, _, decimals = compact.rpartition(mark) if mark else (compact, "", "")
    whole = re.sub(r"\D", "", whole)
    if decimals:
        return float(f"{whole}.{decimals}"), 10.0 ** -len(decimals)
    return float(whole), integer_precision(whole)


def parse_words(words: str) -> tuple[float, float] | None:
    """Value and precision of a run of number words: "forty five", "half a million", "a dozen".

    Returns None when the words do not form a number on their own ("a", "and", "half").
    """
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t]
    total = current = 0.0
    precision = 1.0
    seen = halve = False
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ("a", "an"):
            if following not in SCALES and following not in ("dozen", "half"):
                return None
            if following != "half":
                current = current or 1.0
        elif token == "half":
            # "one and a half" adds a half; "half a million" halves what follows
            if current:
                current += 0.5
                precision = 0.5
            else:
                halve = True
        elif token in UNITS or token in TENS:
            current += UNITS.get(token, 0) + TENS.get(token, 0)
            precision, seen = 1.0, True
        elif token == "dozen":
            current = (current or 1.0) * 12 * (0.5 if halve else 1.0)
            precision, seen, halve = 1.0, True, False
        elif token in SCALES:
            scale = SCALES[token]
            base = (current or 1.0) * (0.5 if halve else 1.0)
            halve, seen = False, True
            precision = scale * 0.1 if base % 1 else scale
            if scale == 100:
                current = base * 100
            else:
                total, current = total + base * scale, 0.0
    if not seen or halve:
        return None
    return total + current, precision


def _scale_factor(scale_words: str | None, suffix: str | None, lang: str) -> float:
    factor = 1.0
    if suffix:
        factor = SCALE_SUFFIXES[suffix.strip().lower()]
    elif scale_words:
        scales = scales_of(lang)
        for word in re.split(r"[\s-]+", scale_words.lower()):
            factor *= scales[word] if word else 1.0
    return factor


def _scaled(value: float, precision: float, factor: float) -> tuple[float, float]:
    if factor == 1.0:
        return value, precision
    if precision >= 1:
        precision = 1.0  # "2 million": the digits, not the scale's zeros, carry the precision
    return value * factor, precision * factor


def _words_scale(words: str) -> float:
    """The scale a run of number words ends with, when it is its only scale ("three million")."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t]
    if len(tokens) < 2 or tokens[-1] not in SCALES or any(t in SCALES for t in tokens[:-1]):
        return 1.0
    return SCALES[tokens[-1]]


def with_shared_scale(first: NumberMention, second: NumberMention) -> NumberMention:
    """`first` read with the scale of `second` when only `second` writes one and the scaled first
    stays below it: the "20" of "20 to 25 million" or "2 and 3 billion" is 20 million."""
    if first.scale != 1.0 or second.scale == 1.0 or first.value * second.scale >= second.value:
        return first
    value, precision = _scaled(first.value, first.precision, second.scale)
    return replace(first, value=value, precision=precision, scale=second.scale)


def _boxed_in(text: str, start: int, end: int) -> bool:
    """Whether digits at [start, end) belong to a code, a model name or a slashed date
    ("A321", "Su-24", "COVID-19", "7K9268", "9/11") rather than standing as a number."""
    before = text[start - 1] if start > 0 else " "
    before2 = text[start - 2] if start > 1 else " "
    if before.isalnum() or before in "_/" or (before == "-" and before2.isalpha()):
        return True
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if after == "/" and after2.isdigit():
        return True
    if after.isalpha():
        tail = re.match(r"[A-Za-z]+\d*", text[end:])
        glued = tail.group() if tail else ""
        return glued.lower() not in _GLUED_UNITS
    return False


def _digit_mention(text: str, m: re.Match[str], lang: str) -> NumberMention | None:
    digits_end = m.end("frac") if m.group("frac") else m.end("digits")
    if _boxed_in(text, m.start(), m.end() if m.group("suffix") else digits_end):
        return None
    value, precision = _digits_value(m.group("digits"), uses_decimal_comma(lang))
    if m.group("frac"):
        value, precision = value + _FRACTIONS[m.group("frac")], 0.25
    factor = _scale_factor(m.group("scale"), m.group("suffix"), lang)
    value, precision = _scaled(value, precision, factor)
    return NumberMention(m.start(), m.end(), value, precision, scale=factor)


def _mentions(text: str, lang: str) -> list[NumberMention]:
    # clock times and codes all hold a digit; most sentences have none
    digits = _ANY_DIGIT_RE.search(text) is not None
    refused = [m.span() for pattern in (CLOCK_RE, CODE_RE) if digits for m in pattern.finditer(text)]
    found: list[NumberMention] = []
    for m in _number_re(lang).finditer(text):
        if any(a < m.end() and m.start() < b for a, b in refused):
            continue
        if m.group("words"):
            # "a four-year war": the article belongs to the noun, not to the number
            lone = _LONE_ARTICLE_RE.match(m.group("words"))
            start = m.start() + (lone.end() if lone else 0)
            parsed = parse_words(text[start:m.end()])
            words = text[start:m.end()]
            mention = NumberMention(start, m.end(), *parsed, scale=_words_scale(words)) if parsed else None
        else:
            mention = _digit_mention(text, m, lang)
        if mention:
            found.append(mention)
    return found


def _ranges(text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """Merge "A-B", "A to B", "A or B", "between A and B" into ranges, A taking B's scale ("20 to
    25 million"); drop scores ("1-0") and seasons ("2012-13"), whose second number is not larger
    than the first."""
    merged: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is None:
            merged.append(cur)
            break
        gap = text[cur.end:nxt.start]
        head = max(0, cur.start - 12)
        between = _AND_RE.fullmatch(gap) and _BETWEEN_RE.search(text, head, cur.start)
        # "rose from 44 to 48" is a change, not a range
        if not (_RANGE_RE.fullmatch(gap) or between) or _FROM_RE.search(text, head, cur.start):
            merged.append(cur)
            i += 1
            continue
        cur = with_shared_scale(cur, nxt)
        if nxt.value > cur.value:
            merged.append(NumberMention(
                cur.start, nxt.end, (cur.value + nxt.value) / 2, nxt.value - cur.value + nxt.precision,
                low=cur.value, high=nxt.value, scale=nxt.scale,
            ))
        elif not _DASH_RE.search(gap):
            merged.extend((cur, nxt))
        i += 2
    return merged


@lru_cache(maxsize=64)
def _exact_numbers(text: str, lang: str) -> tuple[NumberMention, ...]:
    """Numbers and ranges of `text` (in `lang`, a base code), kept for the next call: quantities
    and casualties both read each sentence.  Digits of other scripts are read as ASCII ones."""
    ascii_digits = text.translate(_SCRIPT_DIGITS)
    return tuple(_ranges(ascii_digits, _mentions(ascii_digits, lang)))


def find_numbers(text: str, *, vague: bool = False, lang: str | None = None) -> list[NumberMention]:
    """Every number in `text`, in order, with offsets; with `vague=True`, vague words too.

    `lang` is the text's language (`Article.lang`): where it writes decimal commas, "1.300" is
    1300, and its scale words count ("1.500 millones"); without it the pattern decides ("6,5" is
    6.5 in any language).
    """
    found = list(_exact_numbers(text, base_language(lang)))
    if vague:
        taken = [(n.start, n.end) for n in found]
        for m in _VAGUE_RE.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            count = float(VAGUE[m.group(1).lower()])
            found.append(NumberMention(m.start(), m.end(), count, count, vague=True))
        found.sort(key=lambda n: n.start)
    return [n for n in found if math.isfinite(n.value) and n.value >= 0]


def parse_number(text: str) -> float | None:
    """The value of a text that is exactly one number ("1.3 billion", "forty-five"), else None."""
    stripped = text.strip()
    found = find_numbers(stripped, vague=True)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None


def parse_ordinal(word: str) -> int | None:
    """The number of an ordinal word or figure: "fifth" -> 5, "21st" -> 21; else None."""
    lowered = word.lower().strip()
    if lowered in ORDINALS:
        return ORDINALS[lowered]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", lowered)
    return int(m.group(1)) if m else None


def qualifier_before(text: str, start: int, lang: str | None = None) -> tuple[str, int] | None:
    """The qualifier ("at least", "some" ...) written just before offset `start`, and where it
    starts, or None; one of `lang` ("al menos", "environ") is given as its English twin."""
    window_start = max(0, start - 24)
    code = base_language(lang)
    m = _qualifier_re(code).search(text, window_start, start)
    if not m:
        return None
    written = re.sub(r"\s+", " ", m.group(1).lower())
    return FOREIGN_QUALIFIERS.get(code, {}).get(written, written), m.start(1)

