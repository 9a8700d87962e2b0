"""Alignment: sentences stating one fact across outlets become one claim (invented fixtures)."""

from __future__ import annotations

from newsfuse.stages.align import align, quantity_groups, sentence_terms

from .synthesis_helpers import analysed

ZENDA_A = analysed(
    "a",
    "Rebels seized the hill town of Zenda on Sunday after a night of heavy fighting. "
    "The local mayor fled to Strelsau with his family and two aides.",
)
ZENDA_B = analysed(
    "b",
    "On Sunday rebels seized Zenda, a hill town, after heavy fighting through the night. "
    "Grain prices in the capital markets doubled over the week.",
)


def test_paraphrases_in_two_articles_form_one_claim() -> None:
    alignment = align([ZENDA_A, ZENDA_B])
    top = alignment.claims[0]
    assert top.support == ("a", "b")
    assert {(s.article, s.start) for s in top.sentences} == {("a", 0), ("b", 0)}


def test_different_facts_stay_apart() -> None:
    alignment = align([ZENDA_A, ZENDA_B])
    singles = [c for c in alignment.claims if len(c.support) == 1]
    assert {c.text.split()[0] for c in singles} == {"The", "Grain"}


def test_spelling_variants_meet_through_alias_keys() -> None:
    a = analysed("a", "Islamic State fighters captured the town of Maheen after a suicide attack.")
    b = analysed("b", "ISIL fighters captured the town of Mahin after a suicide attack.")
    shared = set(sentence_terms(a.sentences[0])) & set(sentence_terms(b.sentences[0]))
    assert any(t.startswith("@") for t in shared)
    assert align([a, b]).claims[0].support == ("a", "b")


def test_converted_units_are_one_quantity_group() -> None:
    a = analysed("a", "The front line is within 20 km (13 miles) of the coast road.")
    b = analysed("b", "The front line is within 13 miles of the coast road.")
    c = analysed("c", "The front line is within 25 kilometers of the coast road.")
    groups = quantity_groups([*a.sentences, *b.sentences, *c.sentences])
    assert groups[0][0] == groups[0][1] == groups[1][0]
    assert groups[2][0] != groups[0][0]


def test_claim_spans_are_sentences_of_their_articles() -> None:
    articles = [ZENDA_A, ZENDA_B]
    texts = {a.article.id: a.article.text for a in articles}
    alignment = align(articles)
    for claim, members in zip(alignment.claims, alignment.members, strict=True):
        assert [alignment.sentences[i].span for i in members] == list(claim.sentences)
        assert claim.text in {texts[s.article][s.start:s.end] for s in claim.sentences}


def test_claims_are_ranked_by_support_and_numbered() -> None:
    alignment = align([ZENDA_A, ZENDA_B])
    supports = [len(c.support) for c in alignment.claims]
    assert supports == sorted(supports, reverse=True)
    assert [c.id for c in alignment.claims] == [f"c{k}" for k in range(1, len(supports) + 1)]
    assert all(alignment.claim_of[i] == k for k, m in enumerate(alignment.members) for i in m)


def test_alignment_is_deterministic() -> None:
    assert align([ZENDA_A, ZENDA_B]).claims == align([ZENDA_A, ZENDA_B]).claims


def test_the_threshold_decides_whether_two_sentences_align() -> None:
    a = analysed("a", "Rebels seized the town of Zenda on Sunday after a night of fighting.")
    b = analysed("b", "The rebel militia took control of Zenda on Sunday, witnesses reported.")
    similarity = float(align([a, b]).similarity[0, 1])
    assert 0.0 < similarity < 1.0
    assert len(align([a, b], threshold=similarity - 0.01).claims) == 1
    assert len(align([a, b], threshold=similarity + 0.01).claims) == 2


def test_an_empty_story_has_no_claims() -> None:
    assert align([]).claims == ()
