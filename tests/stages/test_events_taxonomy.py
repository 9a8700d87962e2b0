"""The event taxonomy's phrase language, its loader, the offline gazetteer, and robustness."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.algorithms.aliases import alias_key
from newsfuse.model import Article, Sentence, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.events import event
from newsfuse.stages.events.classify import Unit, hits_in
from newsfuse.stages.events.gazetteer import block_key, gazetteer
from newsfuse.stages.events.taxonomy import compile_phrases, load_taxonomy, parse_taxonomy, phrase_pattern


@pytest.mark.parametrize(("phrase", "text", "found"), [
    ("captur*", "rebels captured the town", "captured"),
    ("captur*", "the capture of the town", "capture"),
    ("car bomb*", "two car-bombs exploded", "car-bombs"),
    ("drove ~ from", "fighters drove troops from the town", "drove troops from"),
    ("fire", "a ceasefire was agreed", None),
    ("fire", "a cease-fire was agreed", None),
    ("fire", "they fired rockets", None),
    ("su-*", "a Russian Su-24 jet", "Su-24"),
])
def test_phrase_language(phrase: str, text: str, found: str | None) -> None:
    m = re.search(phrase_pattern(phrase), text, re.IGNORECASE)
    assert (m.group() if m else None) == found


@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=8), min_size=1, max_size=4))
def test_a_phrase_finds_itself(words: list[str]) -> None:
    phrase = " ".join(words)
    pattern = compile_phrases([phrase])
    assert pattern is not None and pattern.search(f"so {phrase} then")


def test_the_shipped_taxonomy_loads_with_acled_types() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.types["capture"].acled == "Battles: Non-state actor overtakes territory"
    assert {t.category for t in taxonomy.types.values()} == {
        "conflict", "disaster", "politics", "business", "science", "sports"}
    ranks = [t.rank for t in taxonomy.ordered()]
    assert ranks == sorted(ranks)


def test_taxonomy_references_are_checked() -> None:
    data = {"window": 8, "state_forces": ["army"], "types": [
        {"id": "capture", "category": "conflict", "label": "x", "cues": [{"trigger": ["seized"]}],
         "agent_variants": [{"agent": "state_forces", "type": "nowhere"}]}]}
    with pytest.raises(ValueError, match="unknown type"):
        parse_taxonomy(data)
    data["types"][0]["cues"] = [{"trigger": []}]
    with pytest.raises(ValueError, match="no trigger"):
        parse_taxonomy(data)


def _types(text: str) -> set[str]:
    return {h.type for h in hits_in(Unit("a", text, 1.0, None), load_taxonomy())}


def test_arguments_keep_a_trigger_to_its_sense() -> None:
    assert "plane_crash" in _types("The airliner crashed shortly after take-off.")
    assert "plane_crash" not in _types("The stock market crashed on Monday.")
    assert "capture" not in _types("The captured soldiers were paraded on television.")


def test_a_passive_agent_decides_the_variant() -> None:
    assert "territory_regained" in _types("The town was retaken by the army on Friday.")
    assert "capture" in _types("The town was seized by rebels on Friday.")


def test_gazetteer_spellings_synonyms_and_countries() -> None:
    gaz = gazetteer()
    assert [p.name for p in gaz.places("Maheen", "SY")][:1] == ["Mahīn"]
    assert gaz.places("Maheen") == []  # no country: only close spellings count
    assert gaz.places("Palmyra", "SY")[0].name == "Tadmur"
    assert gaz.places("Kathmandu")[0].country == "NP"
    assert gaz.country("Syrian") == "SY"
    assert gaz.country("Italian") == "IT"
    assert gaz.country("UK") == "GB"
    assert gaz.country("Thai") == "TH"
    assert gaz.country("Homs") is None
    assert gaz.country_name("NL") == "Netherlands"
    assert gaz.us_state("texas") == "Texas"


_VOWELS = "aeiou"


@settings(max_examples=200)
@given(st.text(alphabet="bdfklmnrst" + _VOWELS, min_size=3, max_size=12), st.data())
def test_block_key_is_shared_by_spellings_alias_key_joins(name: str, data: st.DataObject) -> None:
    # Other vowels after the first letter: a transliteration's usual disagreement.
    variant = "".join(data.draw(st.sampled_from(_VOWELS)) if c in _VOWELS and i else c
                      for i, c in enumerate(name))
    assert alias_key(name) != alias_key(variant) or block_key(name) == block_key(variant)


def test_a_story_with_nothing_to_read_is_other() -> None:
    record = event(Story("s", "t", ("a",)), [analyze_all([Article(id="a", source="a", text="")])[0]])
    assert record.type == "other" and record.location is None and record.when is None


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=300))
def test_event_never_fails_and_evidence_points_into_the_text(text: str) -> None:
    analysed = analyze_all([Article(id="a", source="a", text=text, lang="en")])
    record = event(Story("s", "t", ("a",)), analysed)
    for e in record.evidence:
        assert 0 <= e.span.start <= e.span.end <= len(text)
    assert all(isinstance(s, Sentence) for s in analysed[0].sentences)
