"""Measures in articles we do not parse (not English): Arabic words with their clitics, and the
word before a figure naming what it measures (invented fixtures)."""

from __future__ import annotations

from dataclasses import replace

from newsfuse.algorithms.quantities import find_quantities
from newsfuse.model import AnalyzedArticle
from newsfuse.stages.align import align, arabic_stem
from newsfuse.stages.reconcile import find_discrepancies
from newsfuse.stages.reconcile.slots import slot_values

from ..synthesis_helpers import analysed


def foreign(article_id: str, text: str, lang: str) -> AnalyzedArticle:
    """An analysed article in `lang`, its quantities read the way that language writes them."""
    a = analysed(article_id, text)
    sentences = tuple(replace(s, quantities=tuple(replace(q, start=q.start + s.start, end=q.end + s.start)
                                                  for q in find_quantities(s.text, lang=lang)))
                      for s in a.sentences)
    return AnalyzedArticle(replace(a.article, lang=lang), sentences)


def figures(articles: list[AnalyzedArticle]) -> list[set[float]]:
    found = find_discrepancies(align(articles), articles)
    return [{float(v.normalized or 0) for v in d.values} for d in found]


def test_arabic_clitics_are_stripped() -> None:
    assert arabic_stem("وبعمق") == arabic_stem("عمقه") == arabic_stem("عمقها") == "عمق"
    assert arabic_stem("للزلزال") == arabic_stem("الزلزال") == arabic_stem("زلزال")
    assert arabic_stem("وبلغ") == "بلغ"  # no stem of two letters is left


def test_two_arabic_articles_giving_one_depth_disagree_but_distances_from_two_places_do_not() -> None:
    a = foreign("a", "ضرب زلزال قوي المنطقة يوم السبت. وبلغ عمقه 12 كيلومترا، وهو زلزال ضحل. "
                     "وكان مركزه على بعد 50 كيلومترا شمال مدينة زندا.", "ar")
    b = foreign("b", "شعر السكان بالزلزال صباح السبت. ووقع الزلزال بقوة كبيرة وبعمق 20 كيلومترا، حسب المرصد. "
                     "ووقع على بعد 70 كيلومترا شرق بلدة ستريلساو الجبلية.", "ar")
    assert figures([a, b]) == [{12_000.0, 20_000.0}]


def test_the_word_before_a_figure_names_what_it_measures() -> None:
    a = foreign("a", "El avión volaba a una altura de 9.000 metros antes del accidente.", "es")
    [height] = [v for v in slot_values(align([a])) if v.kind == "quantity"]
    assert height.value == 9_000.0
    assert height.measured.head == "altura"
    assert {"ante", "accidente"} & height.measured.anchor


def test_two_spanish_articles_giving_one_height_disagree() -> None:
    a = foreign("a", "El avión volaba a una altura de 9.000 metros cuando perdió contacto.", "es")
    b = foreign("b", "Según la compañía, el aparato volaba a una altura de 11.000 metros.", "es")
    assert figures([a, b]) == [{9_000.0, 11_000.0}]
