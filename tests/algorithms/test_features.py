"""Story features: names keyed by alias, words, numbers and codes, anchors, stop-word language."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.algorithms.features import NUMBER, STOPWORDS, extract, number_key, stopword_language


def _names(text: str) -> set[str]:
    return {k for k in extract(text).keys if k.startswith("n:")}


def test_spelling_variants_of_a_name_share_a_key() -> None:
    assert _names("Fighters entered Maheen on Sunday.") & _names("Fighters entered Mahin on Sunday.")
    english = "{} said that it was behind the attack on the town and that it would go on."
    assert _names(english.format("Daesh")) & _names(english.format("The Islamic State"))


def test_a_stop_word_of_another_language_can_be_a_name() -> None:
    # "state" is an Italian stop word: in an English text it stays a word of a name.
    text = "The State Department said that it was not over and that they would act."
    assert "n:stVtV" in extract(text).keys


def test_a_capitalised_word_written_in_lower_case_elsewhere_is_a_word() -> None:
    features = extract("Rescuers reached the cave. The rescuers were tired.")
    assert "w:rescuer" in features.keys
    assert not any(k.startswith("n:") for k in features.keys)


def test_stop_words_days_and_reporting_verbs_give_no_key() -> None:
    assert extract("The minister said on Monday that they would go.").keys == {"w:minister"}


def test_numbers_codes_and_short_names_never_anchor() -> None:
    features = extract("IS fighters hit 24 towns with Su-24 jets; US and EPA officials counted 1,200 dead.")
    assert {"#:24", "#:1200", "c:su24"} <= features.keys
    assert not {"#:24", "#:1200", "c:su24"} & features.anchors
    assert not any(k.startswith("n:") for k in features.anchors)
    assert "w:fighter" in features.anchors


def test_a_long_word_carrying_digits_stays_a_word_and_a_short_one_is_a_code() -> None:
    features = extract("Valmorax1 troopsx1 took it, A320 jets flew.")
    assert {"n:valmorax1", "w:troopsx1", "c:a320"} <= features.keys
    assert "c:a320" not in features.anchors and "w:troopsx1" in features.anchors


def test_possessives_and_elisions_are_stripped() -> None:
    assert _names("Valmora's mayor spoke.") == _names("The mayor of Valmora spoke.")
    assert _names("L'Airbus s'est écrasé.") & _names("The Airbus crashed.")


def test_arabic_words_give_skeleton_guesses_not_keys() -> None:
    features = extract("قال ماكرون إن الكاتدرائية ستبنى")
    assert "s:mkrn" in features.guesses
    assert not any(k.startswith("s:") for k in features.keys)


def test_latin_names_give_skeletons_that_meet_the_arabic_guess() -> None:
    assert "s:mkrn" in extract("President Macron spoke in Paris.").keys


def test_a_name_carrying_a_number_meets_its_arabic_spelling_with_that_number() -> None:
    assert "s:mkrn7" in extract("President Macron7 spoke in Paris7.").keys
    assert "s:mkrn7" in extract("قال ماكرون7 إن الكاتدرائية7 ستبنى").guesses
    assert "s:mkrn8" not in extract("President Macron7 spoke.").keys


def test_the_lead_keys_are_those_of_the_first_characters() -> None:
    text = "Kessington swamped by floodwaters\nThe mayor of Brenmoor later praised volunteers."
    features = extract(text, lead=len("Kessington swamped by floodwaters"))
    assert {"w:floodwater", "w:swamp"} <= features.lead and any(k.startswith("n:") for k in features.lead)
    assert "w:volunteer" in features.keys - features.lead
    assert extract(text).lead == frozenset()


def _words(text: str) -> set[str]:
    return set(text.split())


def test_stopword_language() -> None:
    assert stopword_language(_words("the fire was in the old city and it was over")) == "en"
    assert stopword_language(_words("le feu était dans la vieille ville et il est mort")) == "fr"
    assert stopword_language({"valmora"}) is None


@given(st.integers(min_value=10, max_value=10**9))
def test_grouped_and_plain_numbers_share_a_key(n: int) -> None:
    assert number_key(f"{n:,}") == number_key(str(n)) == NUMBER + str(n)


@given(st.integers(min_value=0, max_value=9))
def test_single_digits_give_no_key(n: int) -> None:
    assert number_key(str(n)) is None


def test_decimal_comma_is_a_point() -> None:
    assert number_key("7,8") == number_key("7.8") == "#:7.8"


@given(st.text(max_size=200))
def test_extract_never_fails_and_anchors_are_keys(text: str) -> None:
    features = extract(text, lead=len(text) // 2)
    assert features.anchors <= features.keys and features.lead <= features.keys
    assert all(k[:2] in {"n:", "w:", "#:", "c:", "s:"} for k in features.keys | features.guesses)
    assert not any(k[2:] in STOPWORDS for k in features.keys if k.startswith("w:"))
