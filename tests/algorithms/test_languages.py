"""Figures written in other languages: separators, digits of other scripts, scale words, units,
percent and qualifiers (`numbers.find_numbers`, `quantities.find_quantities` with `lang`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.numbers import find_numbers, qualifier_before
from newsfuse.algorithms.quantities import agree, find_quantities

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _grouped(n: int, sep: str) -> str:
    """`n` with its thousands grouped by `sep` ("1.234.567" for "."), as a language writes it."""
    return f"{n:,}".replace(",", sep)


def _only_number(text: str, lang: str | None) -> float:
    found = find_numbers(text, lang=lang)
    assert len(found) == 1, (text, found)
    assert (found[0].start, found[0].end) == (0, len(text))
    return found[0].value


@given(n=st.integers(min_value=1000, max_value=10**9),
       style=st.sampled_from([(".", "es"), (".", "de"), (".", "it"), (".", "pt"), (" ", "fr"),
                              ("\u202f", "fr"), ("\u00a0", "fr"), (",", "en"), (",", None)]))
def test_grouped_thousands_parse_back(n: int, style: tuple[str, str | None]) -> None:
    sep, lang = style
    assert _only_number(_grouped(n, sep), lang) == n


@given(whole=st.integers(min_value=0, max_value=999), decimals=st.integers(min_value=1, max_value=99),
       lang=st.sampled_from(["es", "fr", "it", "pt", "de"]))
def test_decimal_commas_parse_back(whole: int, decimals: int, lang: str) -> None:
    written = f"{whole},{decimals:02d}"
    assert _only_number(written, lang) == pytest.approx(whole + decimals / 100)


@given(n=st.integers(min_value=0, max_value=10**7))
def test_eastern_arabic_digits_read_as_ascii(n: int) -> None:
    assert _only_number(str(n).translate(_ARABIC_DIGITS), "ar") == n


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("1.500 millones", "es", 1.5e9),
    ("3 mil millones", "es", 3e9),
    ("2 billones", "es", 2e12),
    ("23 milliards", "fr", 23e9),
    ("2 billions", "fr", 2e12),
    ("2 billion", "en", 2e9),
    ("2 billion", None, 2e9),
    ("4 miliardi", "it", 4e9),
    ("2,5 Mio.", "de", 2.5e6),
    ("7 Milliarden", "de", 7e9),
    ("3 milhões", "pt", 3e6),
    ("5 آلاف", "ar", 5e3),
    ("٣ ملايين", "ar", 3e6),
    ("1.300", "en", 1.3),
    ("1.300", "de", 1300),
])
def test_scale_words_by_language(text: str, lang: str | None, value: float) -> None:
    assert _only_number(text, lang) == pytest.approx(value)


def test_foreign_scale_words_are_not_read_in_english() -> None:
    assert find_numbers("3 mil", lang="en")[0].value == 3


@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("El avión cayó 11.000 metros en ocho", "es", 11000, "m"),
    ("a 15 kilómetros de la costa", "es", 15000, "m"),
    ("à 40 kilomètres de Paris", "fr", 40000, "m"),
    ("a 300 metri dalla riva", "it", 300, "m"),
    ("rund 20 Kilometer entfernt", "de", 20000, "m"),
    ("a 12 quilômetros", "pt", 12000, "m"),
    ("بعمق 11 كيلومترا", "ar", 11000, "m"),
    ("على بعد ٨٠ كم من", "ar", 80000, "m"),
    ("durante 14 horas", "es", 14 * 3600, "s"),
    ("pendant 9 heures", "fr", 9 * 3600, "s"),
    ("dopo 14 ore", "it", 14 * 3600, "s"),
    ("nach 3 Stunden", "de", 3 * 3600, "s"),
    ("بعد 14 ساعة من", "ar", 14 * 3600, "s"),
    ("30 minutos", "es", 1800, "s"),
    ("5 días", "es", 5 * 86400, "s"),
    ("3 Tage", "de", 3 * 86400, "s"),
    ("10 toneladas", "es", 10000, "kg"),
    ("20 por ciento", "es", 20, "%"),
    ("20 pour cent", "fr", 20, "%"),
    ("20 per cento", "it", 20, "%"),
    ("20 Prozent", "de", 20, "%"),
    ("20 بالمئة", "ar", 20, "%"),
    ("20 في المئة", "ar", 20, "%"),
    ("٢٠٪", "ar", 20, "%"),
    ("1.500 millones de dólares", "es", 1.5e9, "USD"),
    ("23 milliards d'euros", "fr", 23e9, "EUR"),
    ("3 milioni di euro", "it", 3e6, "EUR"),
    ("2,5 Mio. Euro", "de", 2.5e6, "EUR"),
    ("500 €", "fr", 500, "EUR"),
])
def test_units_by_language(text: str, lang: str, value: float, unit: str) -> None:
    found = find_quantities(text, lang=lang)
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(value), unit)]


@pytest.mark.parametrize(("text", "lang"), [
    ("el 10 de marzo", "es"),  # a date, no unit after the preposition
    ("5 de ellos", "es"),
    ("14 ore", "en"),  # Italian words are not read in English texts
    ("20 Prozent", None),
])
def test_no_foreign_unit(text: str, lang: str | None) -> None:
    assert [q for q in find_quantities(text, lang=lang) if q.kind != "count"] == []


def test_euros_and_dollars_never_agree() -> None:
    euros = find_quantities("23 milliards d'euros", lang="fr")[0]
    dollars = find_quantities("$23 billion")[0]
    assert euros.value == dollars.value and not agree(euros, dollars)


def test_same_distance_across_languages_agrees() -> None:
    arabic = find_quantities("بعمق 15 كيلومترا", lang="ar")[0]
    english = find_quantities("15 kilometers deep")[0]
    spanish = find_quantities("11.000 metros", lang="es")[0]
    assert agree(arabic, english) and not agree(spanish, english)


@pytest.mark.parametrize(("text", "lang", "qualifier"), [
    ("al menos 16", "es", "at least"),
    ("plus de 100", "fr", "more than"),
    ("almeno 16", "it", "at least"),
    ("mindestens 16", "de", "at least"),
    ("بعد نحو 14", "ar", "about"),
    ("أكثر من 100", "ar", "more than"),
    ("at least 16", None, "at least"),
])
def test_qualifiers_by_language(text: str, lang: str | None, qualifier: str) -> None:
    found = qualifier_before(text, text.rindex(" ") + 1, lang)
    assert found is not None and found[0] == qualifier


def test_foreign_qualifier_sets_the_bound() -> None:
    (q,) = find_quantities("al menos 5 horas", lang="es")
    assert q.qualifier == "at least"
