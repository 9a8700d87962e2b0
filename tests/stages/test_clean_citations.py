"""Citations of news agencies in running text (the "cited" wire basis), in every language newsfuse
reads, against bare mentions and credits that are no citation. Sentences are our own inventions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.stages.clean.agencies import AGENCIES
from newsfuse.stages.clean.citations import cited_agencies


@pytest.mark.parametrize(
    ("text", "lang", "cited"),
    [
        ("A harbour pilot told AFP that the wind had turned.", "en", [("AFP", "told AFP")]),
        ("The mayor spoke to The Associated Press by phone.", "en",
         [("AP", "spoke to The Associated Press")]),
        ("Two cranes fell overnight, Reuters reported.", "en", [("Reuters", "Reuters reported")]),
        ("The quay was shut, according to Russia's state-run news agency RIA Novosti.", "en",
         [("RIA", "according to Russia's state-run news agency RIA Novosti")]),
        ("Turkey's state-run Anadolu Agency said two sailors were hurt.", "en",
         [("Anadolu", "Anadolu Agency said")]),
        ("A Reuters witness saw smoke over the docks.", "en", [("Reuters", "Reuters witness")]),
        ("The owner told the PA news agency the crane was new.", "en", [("PA", "told the PA")]),
        ("Dock workers told Reuters and AFP they had been warned.", "en",
         [("Reuters", "told Reuters"), ("AFP", "AFP")]),
        ("قال مسؤول في الميناء لرويترز إن الرافعة سقطت.", "ar", [("Reuters", "لرويترز")]),
        ("وحسب وكالة الأناضول، أصيب بحاران.", "ar", [("Anadolu", "وحسب وكالة الأناضول")]),
        ('ونقلت "رويترز" عن مسؤول قوله إن الرصيف أغلق.', "ar", [("Reuters", 'ونقلت "رويترز"')]),
        ("Le maire a déclaré à l'AFP que le quai restait fermé.", "fr", [("AFP", "à l'AFP")]),
        ("Selon l'agence Reuters, deux grues sont tombées.", "fr", [("Reuters", "Selon l'agence Reuters")]),
        ("El alcalde dijo a Efe que el muelle seguía cerrado.", "es", [("EFE", "a Efe")]),
        ("Según la agencia AP, dos grúas cayeron.", "es", [("AP", "Según la agencia AP")]),
        ("Il sindaco ha detto all'Ansa che il molo resta chiuso.", "it", [("ANSA", "all'Ansa")]),
        ("Lo riferisce l'Afp citando fonti portuali.", "it", [("AFP", "riferisce l'Afp")]),
        ("Das sagte der Hafenchef der Nachrichtenagentur dpa.", "de",
         [("DPA", "der Nachrichtenagentur dpa")]),
        ("Wie die Agentur Reuters meldete, fielen zwei Kräne.", "de", [("Reuters", "die Agentur Reuters")]),
    ],
)
def test_citations(text: str, lang: str, cited: list[tuple[str, str]]) -> None:
    assert [(c.agency, c.text) for c in cited_agencies(text, lang)] == cited


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("A crane lies on the quay. AP Photo/Jane Roe", "en"),
        ("A video released by Anadolu Agency shows the crane falling.", "en"),
        ("The PA said it would send engineers to the port.", "en"),  # the Palestinian Authority
        ("Thomson Reuters said its quarterly profit rose.", "en"),  # the company, not the agency
        ("Tourists returned to Petra after the storm.", "en"),
        ("Officials said 40 per cent of AP shares changed hands.", "en"),
        ("سقطت الرافعة قرب جبال الألب الفرنسية.", "ar"),  # "French", not AFP
        ("تقع الأناضول في آسيا الصغرى.", "ar"),  # Anatolia, not the Anadolu agency
        ("Une photo de l'AFP montre la grue.", "fr"),
    ],
)
def test_mentions_that_are_not_citations(text: str, lang: str) -> None:
    assert cited_agencies(text, lang) == []


def test_cues_of_another_language_do_not_apply() -> None:
    text = "La grue est tombée selon Reuters."
    assert [c.agency for c in cited_agencies(text, "fr")] == ["Reuters"]
    assert cited_agencies(text, "en") == []


_NAMES = [n for a in AGENCIES for n in (*a.aliases, *a.ambiguous)]
_PIECES = st.sampled_from([*_NAMES, "told", "according to", "reported", "said", "selon", "a", "all'",
                           "laut", "ل", "حسب", "news agency", ",", ".", '"', "the", "photo", "\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30),
       st.sampled_from([None, "en", "ar", "fr", "es", "it", "de"]))
def test_citations_slice_the_text_in_order(pieces: list[str], lang: str | None) -> None:
    text = " ".join(pieces)
    canonical = {a.name for a in AGENCIES}
    found = cited_agencies(text, lang)
    assert [c.start for c in found] == sorted(c.start for c in found)
    for c in found:
        assert c.agency in canonical
        assert 0 <= c.start < c.end <= len(text)
        assert c.text == " ".join(text[c.start:c.end].split())
