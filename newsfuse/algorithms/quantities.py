"""Quantities with units, normalised to one base unit per kind so that outlets can be compared.

"20 km (13 miles)" gives two `Quantity`s of kind "length" in metres (20000 and 20921.5) that
`agree`, because each keeps the precision it was stated at (1 km, 1 mile).  Kinds and base units:
length m, area m^2, volume m^3, mass kg, duration s, speed m/s, age year, percent %, magnitude,
ratio x ("40 times"), money in its currency's ISO code (no exchange rates: a dollar figure and a
euro figure are different statements), and counts of things, whose unit is the noun ("17
countries" -> 17 "country").  Conversion factors come from pint, computed once.

Numbers coordinated before one unit share it: "29 and 36 times" gives 29 x and 36 x, "2 and 3
million barrels" two volumes; a range ("20-25 km", "three or four days") is one quantity at its
middle whose precision spans it, so that `bounds` gives its ends.  An earthquake's magnitude is
read however it is written: "magnitude 7.8", "a 7.8-magnitude quake", "M7.8", "registered 7.4 on
the Richter scale", "a quake measuring 7.8", "7,8 de magnitud".

Texts in Spanish, Portuguese, French, Italian, German and Arabic (`lang`) also have their own
unit words and abbreviations ("11.000 metros", "15 kilomètres", "14 ore", "3 Stunden", "11
كيلومترا"), percent ("20 por ciento", "5 Prozent", "10 بالمئة"), currency names ("2 millones de
dólares", "23 milliards d'euros") and qualifiers ("al menos", "نحو").  Texts of another or an
unknown language are read as English.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import pint

from newsfuse.algorithms.dates import is_calendar_word
from newsfuse.algorithms.magnitudes import glued_magnitudes, magnitude_end, magnitude_start
from newsfuse.algorithms.numbers import (
    COLLECTIVE_NOUNS,
    ORDINALS,
    QUALIFIERS,
    SCALE_SUFFIXES,
    SCALES,
    TENS,
    UNITS,
    NumberMention,
    alternation,
    base_language,
    find_numbers,
    parse_ordinal,
    qualifier_before,
    with_shared_scale,
)
from newsfuse.algorithms.years import reads_as_year
from newsfuse.model import Quantity


@dataclass(frozen=True)
class Unit:
    """A unit as written: its pint name (or currency code), its kind and the kind's base unit."""

    pint_name: str
    kind: str
    base: str


_LENGTH, _AREA, _VOLUME, _MASS, _TIME, _SPEED = "length", "area", "volume", "mass", "duration", "speed"
_BASES = {_LENGTH: "m", _AREA: "m^2", _VOLUME: "m^3", _MASS: "kg", _TIME: "s", _SPEED: "m/s"}

# Surface forms (lower case, single spaces) -> (pint unit, kind).  Longest forms win.
_UNIT_FORMS: dict[str, tuple[str, str]] = {}


def _add(pint_name: str, kind: str, *forms: str) -> None:
    for form in forms:
        _UNIT_FORMS[form] = (pint_name, kind)


_add("kilometer", _LENGTH, "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "klicks")
_add("meter", _LENGTH, "m", "metre", "metres", "meter", "meters")
_add("centimeter", _LENGTH, "cm", "centimetre", "centimetres", "centimeter", "centimeters")
_add("millimeter", _LENGTH, "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("mile", _LENGTH, "mile", "miles", "mi")
_add("nautical_mile", _LENGTH, "nautical mile", "nautical miles")
_add("foot", _LENGTH, "foot", "feet", "ft")
_add("yard", _LENGTH, "yard", "yards", "yd", "yds")
_add("inch", _LENGTH, "inch", "inches")
_add("kilometer ** 2", _AREA, "square kilometre", "square kilometres", "square kilometer",
     "square kilometers", "sq km", "km2", "km²", "sq. km")
_add("mile ** 2", _AREA, "square mile", "square miles", "sq mi", "sq miles")
_add("meter ** 2", _AREA, "square metre", "square metres", "square meter", "square meters", "m2", "m²",
     "sq m")
_add("foot ** 2", _AREA, "square foot", "square feet", "sq ft")
_add("hectare", _AREA, "hectare", "hectares", "ha")
_add("acre", _AREA, "acre", "acres")
_add("liter", _VOLUME, "litre", "litres", "liter", "liters", "l")
_add("gallon", _VOLUME, "gallon", "gallons")
_add("oil_barrel", _VOLUME, "barrel", "barrels", "bbl")
_add("meter ** 3", _VOLUME, "cubic metre", "cubic metres", "cubic meter", "cubic meters", "m3", "m³")
_add("kilogram", _MASS, "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")
_add("gram", _MASS, "g", "gram", "grams", "gramme", "grammes")
_add("tonne", _MASS, "t", "tonne", "tonnes", "ton", "tons", "metric tons", "metric tonnes")
_add("pound", _MASS, "lb", "lbs", "pound", "pounds")
_add("ounce", _MASS, "ounce", "ounces", "oz")
_add("second", _TIME, "second", "seconds", "sec", "secs")
_add("minute", _TIME, "minute", "minutes", "min", "mins")
_add("hour", _TIME, "hour", "hours", "hr", "hrs", "h")
_add("day", _TIME, "day", "days")
_add("week", _TIME, "week", "weeks")
_add("fortnight", _TIME, "fortnight", "fortnights")
_add("month", _TIME, "month", "months")
_add("year", _TIME, "year", "years", "yr", "yrs")
_add("10 * year", _TIME, "decade", "decades")
_add("century", _TIME, "century", "centuries")
_add("kilometer / hour", _SPEED, "km/h", "kmh", "kph", "km per hour", "kilometres per hour",
     "kilometers per hour", "kilometres an hour", "kilometers an hour")
_add("mile / hour", _SPEED, "mph", "miles per hour", "miles an hour")
_add("knot", _SPEED, "knot", "knots")
_add("meter / second", _SPEED, "m/s", "metres per second", "meters per second")

# Currencies: symbols written before the number, and names or codes written after it.
_SYMBOLS = {"US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD",
            "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW"}
_CODES = ("USD", "EUR", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK", "CNY", "INR", "RUB", "AUD", "CAD",
          "HKD", "TRY", "EGP", "NZD", "KRW", "BRL", "ZAR")
_CURRENCY_NAMES = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "swedish crowns": "SEK", "swedish kronor": "SEK", "swedish krona": "SEK",
    "norwegian crowns": "NOK", "norwegian kroner": "NOK", "danish crowns": "DKK", "danish kroner": "DKK",
    "swiss francs": "CHF", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
    "roubles": "RUB", "rubles": "RUB", "lira": "TRY", "liras": "TRY", "egyptian pounds": "EGP",
    **{code.lower(): code for code in _CODES},
}

# Unit words of other languages (lower case), by ISO 639-1 code: form -> (pint unit, currency
# code or "%", kind).  Each row gives a language's forms of one unit, separated by "|".
_FOREIGN_ROWS: dict[str, tuple[str, ...]] = {
    "es": ("kilómetro|kilómetros|kilometro|kilometros", "metro|metros", "tonelada|toneladas",
           "segundo|segundos", "minuto|minutos", "hora|horas", "día|días|dia|dias", "semana|semanas",
           "mes|meses", "año|años", "por ciento", "dólar|dólares|dolar|dolares", "euro|euros"),
    "pt": ("quilómetro|quilómetros|quilômetro|quilômetros|quilometro|quilometros", "metro|metros",
           "tonelada|toneladas", "segundo|segundos", "minuto|minutos", "hora|horas", "dia|dias",
           "semana|semanas", "mês|meses", "ano|anos", "por cento", "dólar|dólares", "euro|euros"),
    "fr": ("kilomètre|kilomètres|kilometre|kilometres", "mètre|mètres|metre|metres", "tonne|tonnes",
           "seconde|secondes", "minute|minutes", "heure|heures", "jour|jours", "semaine|semaines", "mois",
           "an|ans|année|années", "pour cent", "dollar|dollars", "euro|euros"),
    "it": ("chilometro|chilometri", "metro|metri", "tonnellata|tonnellate", "secondo|secondi",
           "minuto|minuti", "ora|ore", "giorno|giorni", "settimana|settimane", "mese|mesi", "anno|anni",
           "per cento", "dollaro|dollari", "euro"),
    "de": ("kilometer|kilometern", "meter|metern", "tonne|tonnen", "sekunde|sekunden", "minute|minuten",
           "stunde|stunden|std.", "tag|tage|tagen", "woche|wochen", "monat|monate|monaten",
           "jahr|jahre|jahren", "prozent", "dollar|us-dollar", "euro"),
    "ar": ("كيلومتر|كيلومترا|كيلومترات|كيلو متر|كلم|كم", "متر|مترا|أمتار|امتار", "طن|أطنان|اطنان",
           "ثانية|ثوان|ثواني", "دقيقة|دقائق", "ساعة|ساعات", "يوم|يوما|أيام|ايام", "أسبوع|أسبوعا|أسابيع",
           "شهر|شهرا|أشهر", "عام|عاما|أعوام|سنة|سنوات", "بالمئة|بالمائة|في المئة|في المائة|٪",
           "دولار|دولارا|دولارات", "يورو"),
}
# What the rows of `_FOREIGN_ROWS` are, in order.
_FOREIGN_UNITS = (("kilometer", _LENGTH), ("meter", _LENGTH), ("tonne", _MASS), ("second", _TIME),
                  ("minute", _TIME), ("hour", _TIME), ("day", _TIME), ("week", _TIME), ("month", _TIME),
                  ("year", _TIME), ("%", "percent"), ("USD", "money"), ("EUR", "money"))
_FOREIGN_FORMS: dict[str, dict[str, tuple[str, str]]] = {
    lang: {form: unit for row, unit in zip(rows, _FOREIGN_UNITS, strict=True) for form in row.split("|")}
    | {"€": ("EUR", "money")}
    for lang, rows in _FOREIGN_ROWS.items()
}
# A scaled amount names its currency after a preposition: "2 millones de dólares", "23 milliards
# d'euros", "3 milioni di euro".
_CURRENCY_LINK = r"(?:(?:de|di|do|da)\s+|d['’])"

_MISC_FORMS = {
    "percent": ("%", "percent"), "per cent": ("%", "percent"), "%": ("%", "percent"),
    "pc": ("%", "percent"), "percentage points": ("pp", "percent"), "percentage point": ("pp", "percent"),
    "magnitude": ("magnitude", "magnitude"), "on the richter scale": ("magnitude", "magnitude"),
    "on richter scale": ("magnitude", "magnitude"), "times": ("x", "ratio"),
}




@lru_cache(maxsize=16)
def _after_re(lang: str) -> re.Pattern[str]:
    """The pattern of a unit written after a number in texts of `lang` (a base code): English
    forms, and the language's own, which end where a word of any script ends."""
    foreign = _FOREIGN_FORMS.get(lang, {})
    glued, link, end = ("%²", "", r"(?![A-Za-z0-9])")
    if foreign:
        glued, link, end = "%²€٪", "(?P<link>" + _CURRENCY_LINK + ")?", r"(?!\w)"
    return re.compile(
        r"(?:\s*-\s*|\s+|(?=[A-Za-z" + glued + r"]))" + link + r"(?P<unit>"
        + alternation([*_UNIT_FORMS, *_CURRENCY_NAMES, *_MISC_FORMS, *foreign])
        + r")" + end + r"(?P<tail>-(?:long|old|tall|high|wide|deep)\b|\s+old\b)?",
        re.IGNORECASE,
    )


_BEFORE_CURRENCY_RE = re.compile(r"(" + alternation([*_SYMBOLS, *_CODES]) + r")\s?$")
_BEFORE_AGE_RE = re.compile(r"(?i)\baged\s+$")
_BETWEEN_RE = re.compile(r"(?i)\bbetween\s+$")
_MAGNITUDE = Unit("magnitude", "magnitude", "magnitude")
# "29 and 36 times", "2, 3 or 4 km": numbers sharing the unit of the last one.
_COORDINATED_RE = re.compile(r"(?i)(?:\s*,)?\s+(?:and|or|&)\s+")
_LISTED_RE = re.compile(r"\s*,\s*")
_BEFORE_NOT_COUNT_RE = re.compile(
    r"(?i)(?:\b(?:flight|no\.|number|route|page|article|chapter|section|resolution|room|gate|"
    r"platform|highway|road|channel|level|phase|grade|class|size|version|model|episode|season|"
    r"paragraph|line|bus|row|apartment|unit|tower|building|block|area|zone|district)\s*|#)$"
)
_GLUED_SCALE_RE = re.compile(r"(m|b)(?![A-Za-z0-9])")
_WORD_RE = re.compile(r"\s+([A-Za-z][A-Za-z'-]*)")
_ORDINAL_TIME_RE = re.compile(
    r"(?i)\b(?:its|the|their|his|her|a)\s+(?P<n>" + alternation(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
    r"\s+(?:straight\s+|consecutive\s+|full\s+)?(?P<unit>year|month|week|day)\b"
)
_ONE_UNIT_RE = re.compile(
    r"(?i)\b(?P<qualifier>" + alternation(QUALIFIERS) + r")\s+(?P<one>an?)\s+"
    r"(?P<unit>" + alternation(_UNIT_FORMS) + r")\b"
)
_NOT_NOUNS = frozenset({
    "of", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "the", "a", "an", "per",
    "than", "were", "was", "is", "are", "be", "been", "have", "has", "had", "more", "less", "other",
    "others", "out", "who", "which", "that", "as", "into", "over", "under", "after", "before",
    "since", "ago", "about", "among", "while", "when", "but", "so", "it", "they", "he", "she",
    "we", "i", "said", "say", "says", "will", "would", "could", "can", "may", "also",
    "each", "all", "both", "up", "down", "off", "later", "earlier", "am", "pm", "gmt", "utc",
    "above", "below", "near", "across", "against", "through", "during", "without", "within",
    "inside", "outside", "behind", "beyond", "toward", "towards", "upon", "via", "like", "including",
    "not", "no", "only", "just", "there", "here", "then", "now", "again", "too", "very",
})
_NOT_SINGULAR_RE = re.compile(r"(?:ed|ly|ing)$")
_IRREGULAR = {"people": "people", "children": "child", "men": "man", "women": "woman",
              "personnel": "personnel", "police": "police", "crew": "crew", "aircraft": "aircraft"}
_MAX_NOUN_GAP = 3
_NUMBER_WORDS = frozenset({*UNITS, *TENS, *SCALES, "dozen", "dozens"})


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    return pint.UnitRegistry(cache_folder=None)


@lru_cache(maxsize=256)
def _factor(pint_name: str) -> float:
    """How many base units one `pint_name` is (a kilometre is 1000 m), rounded off float noise."""
    return _round(float(_registry().Quantity(1, pint_name).to_base_units().magnitude))


def unit_of(form: str, lang: str | None = None) -> Unit | None:
    """The unit a written form names ("km", "miles", "Swedish crowns", "%"; "kilómetros" in
    Spanish, `lang`), or None."""
    key = re.sub(r"\s+", " ", form.strip().lower())
    if key in _UNIT_FORMS:
        pint_name, kind = _UNIT_FORMS[key]
        return Unit(pint_name, kind, _BASES[kind])
    if key in _CURRENCY_NAMES:
        code = _CURRENCY_NAMES[key]
        return Unit(code, "money", code)
    if form.strip() in _SYMBOLS:
        code = _SYMBOLS[form.strip()]
        return Unit(code, "money", code)
    if key in _MISC_FORMS:
        base, kind = _MISC_FORMS[key]
        return Unit(base, kind, base)
    foreign = _FOREIGN_FORMS.get(base_language(lang), {}).get(key)
    if foreign:
        name, kind = foreign
        return Unit(name, kind, _BASES.get(kind, name))
    return None


def _singular(word: str) -> str:
    lowered = word.lower()
    if lowered in _IRREGULAR:
        return _IRREGULAR[lowered]
    if lowered.endswith("ies") and len(lowered) > 4:
        return lowered[:-3] + "y"
    if re.search(r"(?:ss|x|ch|sh)es$", lowered):
        return lowered[:-2]
    if lowered.endswith("s") and not lowered.endswith("ss"):
        return lowered[:-1]
    return lowered


def _count_noun(text: str, number: NumberMention) -> tuple[str, int] | None:
    """The noun counted after a number ("17 countries" -> country) and where it ends."""
    pos = number.end
    for _ in range(_MAX_NOUN_GAP):
        m = _WORD_RE.match(text, pos)
        if not m:
            return None
        word = m.group(1)
        lowered = word.lower()
        # another number word ("09 Four boys") counts the noun itself
        if lowered in _NOT_NOUNS or lowered in _NUMBER_WORDS or is_calendar_word(word):
            return None
        # an acronym ("ISIS", "NGOs" aside) names who, it is not the counted noun
        acronym = word.isupper() and len(word) > 1
        plural = lowered in COLLECTIVE_NOUNS or (
            lowered.endswith("s") and not lowered.endswith("ss") and not acronym)
        if plural or (number.value == 1 and not acronym and not _NOT_SINGULAR_RE.search(lowered)):
            return _singular(word), m.end()
        pos = m.end()
    return None


def is_label(text: str, number: NumberMention) -> bool:
    """Whether a number names rather than counts: a year ("in 2015", but not "killed 2000
    people": `numbers.reads_as_year`), a date ("May 20"), an identifier ("flight 9268", "No. 10",
    "Route 66") or digits with a leading zero ("09", "007")."""
    written = text[number.start:number.end]
    if written.isdigit() and (reads_as_year(text, number.start, number.end) or
                              (len(written) > 1 and written[0] == "0")):
        return True
    head = text[max(0, number.start - 16):number.start]
    words = head.split()
    return bool(_BEFORE_NOT_COUNT_RE.search(head)) or bool(words and is_calendar_word(words[-1]))


_UNCONVERTED = frozenset({"money", "percent", "magnitude", "ratio", "count", "age"})


def _quantity(text: str, start: int, end: int, value: float, precision: float, unit: Unit,
              qualifier: str | None) -> Quantity:
    factor = 1.0 if unit.kind in _UNCONVERTED else _factor(unit.pint_name)
    return Quantity(text=text[start:end], start=start, end=end, value=_round(value * factor),
                    unit=unit.base, kind=unit.kind, precision=_round(precision * factor), qualifier=qualifier)


def _round(x: float) -> float:
    """Drop the float noise of unit conversion (900 km/h is 250 m/s, not 250.0000000002)."""
    return float(f"{x:.12g}")


def _qualifier(text: str, number: NumberMention, start: int, lang: str) -> str | None:
    if number.low is not None and _BETWEEN_RE.search(text, max(0, start - 12), start):
        return "between"
    found = qualifier_before(text, start, lang)
    return found[0] if found else None


def _measured(text: str, number: NumberMention, lang: str) -> Quantity | None:
    """The quantity a number starts or ends, if any (unit after it, currency or 'magnitude' before),
    in a text of `lang` (a base code)."""
    start, end = number.start, number.end
    value, precision = number.value, number.precision
    head = text[max(0, start - 12):start]
    currency = _BEFORE_CURRENCY_RE.search(head)
    if currency:
        start -= len(head) - currency.start()
        glued = _GLUED_SCALE_RE.match(text, end)
        if glued:
            scale = SCALE_SUFFIXES[glued.group(1)]
            value, precision = value * scale, (precision if precision < 1 else 1.0) * scale
            end = glued.end()
        unit = unit_of(currency.group(1), lang)
        if unit is None:
            return None
        return _quantity(text, start, end, value, precision, unit, _qualifier(text, number, start, lang))
    begins = magnitude_start(text, start)
    if begins is not None:
        return _quantity(text, begins, end, value, precision, _MAGNITUDE,
                         _qualifier(text, number, begins, lang))
    after = _after_re(lang).match(text, end)
    # a preposition before the unit follows a scale word only ("2 millones de dólares")
    if after and not (after.groupdict().get("link") and number.scale == 1.0):
        unit = _unit_after(after.group("unit"), text[number.start:number.end], lang)
        if unit is None:
            return None
        if after.group("tail") and "old" in after.group("tail").lower() and unit.kind == _TIME:
            unit = Unit(unit.pint_name, "age", "year")
            factor = _factor(unit.pint_name) / _factor("year")
            value, precision = value * factor, precision * factor
        return _quantity(text, start, after.end(), value, precision, unit,
                         _qualifier(text, number, start, lang))
    ends = magnitude_end(text, number)
    if ends is not None:
        return _quantity(text, start, ends, value, precision, _MAGNITUDE,
                         _qualifier(text, number, start, lang))
    if _BEFORE_AGE_RE.search(head):
        return _quantity(text, start, end, value, precision, Unit("year", "age", "year"), None)
    return None


def _unit_after(form: str, written: str, lang: str) -> Unit | None:
    lowered = form.lower()
    # "5 million pounds" is money; "300 pounds" of something is a weight.
    if lowered in ("pound", "pounds") and re.search(r"(?i)million|billion|bn|mn", written):
        return Unit("GBP", "money", "GBP")
    return unit_of(form, lang)


def _counted(text: str, number: NumberMention, lang: str) -> Quantity | None:
    # things are counted in whole numbers: "6,5 grados" is a measure of something
    if number.vague or (number.value if number.low is None else number.low) % 1 or is_label(text, number):
        return None
    noun = _count_noun(text, number)
    if noun is None:
        return None
    word, end = noun
    return _quantity(text, number.start, end, number.value, number.precision, Unit(word, "count", word),
                     _qualifier(text, number, number.start, lang))


def _shared(
    text: str, number: NumberMention, partner: NumberMention, measured: Quantity, lang: str
) -> Quantity | None:
    """`number` in the unit its coordinated `partner` was measured in ("29" of "29 and 36 times")."""
    number = with_shared_scale(number, partner)
    if number.vague or partner.value == 0 or measured.start != partner.start or is_label(text, number):
        return None
    factor = measured.value / partner.value
    return Quantity(text=text[number.start:number.end], start=number.start, end=number.end,
                    value=_round(number.value * factor), unit=measured.unit, kind=measured.kind,
                    precision=_round(number.precision * factor),
                    qualifier=_qualifier(text, number, number.start, lang))


def _coordinated(
    text: str, numbers: list[NumberMention], found: list[Quantity | None], lang: str
) -> list[Quantity | None]:
    """Give numbers without a unit the unit of the number they are coordinated with: "and"/"or"
    joins two, a comma only continues a list that ends with one ("2, 3 or 4 km")."""
    shared = list(found)
    via_list = [False] * len(numbers)
    for i in range(len(numbers) - 2, -1, -1):
        partner, measured = numbers[i + 1], shared[i + 1]
        if shared[i] is not None or measured is None:
            continue
        joined = _COORDINATED_RE.fullmatch(text, numbers[i].end, partner.start)
        listed = via_list[i + 1] and _LISTED_RE.fullmatch(text, numbers[i].end, partner.start)
        if joined or listed:
            shared[i] = _shared(text, numbers[i], partner, measured, lang)
            via_list[i] = shared[i] is not None
    return shared


def _single_units(text: str) -> list[Quantity]:
    """ "more than a fortnight", "nearly an hour": one unit, counted only after a qualifier (a bare
    "a year" is too often a rate, "$5bn a year")."""
    found = []
    for m in _ONE_UNIT_RE.finditer(text):
        unit = unit_of(m.group("unit"))
        if unit and unit.kind in _COMPOUND_KINDS:
            qualifier = re.sub(r"\s+", " ", m.group("qualifier").lower())
            found.append(_quantity(text, m.start("one"), m.end(), 1.0, 1.0, unit, qualifier))
    return found


def _ordinal_times(text: str) -> list[Quantity]:
    """ "in its fifth year": between four and five years, i.e. 4.5 years stated to within a year."""
    found = []
    for m in _ORDINAL_TIME_RE.finditer(text):
        n = parse_ordinal(m.group("n"))
        unit = unit_of(m.group("unit"))
        if unit and n:
            found.append(_quantity(text, m.start("n"), m.end(), n - 0.5, 1.0, unit, None))
    return found


def _compounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "7 hours and 40 minutes" or "5 feet 10 inches" into one quantity."""
    merged: list[Quantity] = []
    for q in found:
        prev = merged[-1] if merged else None
        if (prev and prev.kind == q.kind and q.kind in _COMPOUND_KINDS and prev.precision > q.precision
                and prev.qualifier is None and q.qualifier is None
                and _COMPOUND_GAP_RE.fullmatch(text, prev.end, q.start)):
            merged[-1] = Quantity(text=text[prev.start:q.end], start=prev.start, end=q.end,
                                  value=_round(prev.value + q.value), unit=q.unit, kind=q.kind,
                                  precision=q.precision)
        else:
            merged.append(q)
    return merged


_COMPOUND_KINDS = frozenset({_TIME, _LENGTH, _MASS})
_COMPOUND_GAP_RE = re.compile(r"\s*,?\s*(?:and\s+)?")


def find_quantities(text: str, *, lang: str | None = None) -> list[Quantity]:
    """Every quantity in `text` with offsets into it, in order; `lang` (`Article.lang`) decides
    how "1.300" reads (`numbers.find_numbers`) and which unit words and qualifiers count."""
    code = base_language(lang)
    numbers = find_numbers(text, lang=lang)
    direct = [_measured(text, number, code) or _counted(text, number, code) for number in numbers]
    found = [q for q in _coordinated(text, numbers, direct, code) if q is not None]
    found.extend(_ordinal_times(text))
    found.extend(_single_units(text))
    found.extend(_quantity(text, start, end, value, precision, _MAGNITUDE, None)
                 for start, end, value, precision in glued_magnitudes(text))
    found.sort(key=lambda q: q.start)
    return _compounds(text, [q for q in found if math.isfinite(q.value) and q.value >= 0])


def agree(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities state the same amount: same kind and unit, and values within the
    precision each was stated at (the intervals value +- precision/2 overlap)."""
    if a.kind != b.kind or a.unit != b.unit:
        return False
    if math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-9):
        return True
    return abs(a.value - b.value) < (a.precision + b.precision) / 2


def bounds(q: Quantity) -> tuple[float, float]:
    """The interval a quantity's qualifier allows: "at least 37" -> [37, inf), "up to 40" -> [0, 40],
    otherwise the value give or take half its precision."""
    bound = QUALIFIERS.get(q.qualifier or "")
    if bound == "min":
        return q.value, math.inf
    if bound == "max":
        return 0.0, q.value
    return max(0.0, q.value - q.precision / 2), q.value + q.precision / 2
