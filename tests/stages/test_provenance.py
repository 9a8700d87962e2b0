"""Provenance: copy graph, direction, wire (stated / inferred / citation), families, origin.

Fixtures are our own invented reports; the seeds and the dev corpus are read from ../shared at
run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.provenance_events_bench import MAHEEN, ap_reuters_families, stories_of
from newsfuse.model import Article, Document, Story
from newsfuse.stages.clean import clean, clean_all
from newsfuse.stages.provenance import EDGE_MIN, copy_graph, provenance

# An invented wire story (three sentences) and a second, unrelated wire story on the same event.
FLOOD = (
    "Floodwaters from the swollen river Semois forced the evacuation of four hundred residents from "
    "the old quarter of the town on Tuesday, local officials said. The river rose by nearly two metres "
    "overnight after three days of heavy rain across the Ardennes hills, cutting the main road to the "
    "regional hospital. Firefighters used small boats to reach elderly people trapped on upper floors, "
    "and a school gymnasium was opened as a shelter for families who could not stay with relatives."
)
OTHER_WIRE = (
    "Hundreds of people left their homes in a riverside district after the Semois burst its banks, "
    "the regional governor told reporters at an emergency meeting in the provincial capital. Army "
    "trucks carried sandbags to the embankment while volunteers filled them in the market square, "
    "and the weather service warned that more rain was expected over the weekend in the south."
)
LOCAL = "Our reporter saw shops boarded up along the high street as the water kept rising."
LOCAL_2 = "The mayor said the town council would meet on Thursday to discuss compensation."


def _article(aid: str, text: str, **kwargs: str) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, **kwargs)


def _story(*articles: Article) -> Story:
    return Story("s1", "flood", tuple(a.id for a in articles))


def _edge(prov: dict, a: str, b: str) -> dict:
    edges = [e for e in prov["edges"] if {e["from"], e["to"]} == {a, b}]
    assert len(edges) == 1, prov["edges"]
    return edges[0]


def test_credited_source_and_uncredited_copy_with_additions() -> None:
    wire = _article("w", FLOOD, wire="AP", wire_evidence="ARLON (AP) --")
    copy = _article("c", FLOOD + "\n\n" + LOCAL)
    prov = provenance(_story(wire, copy), [wire, copy]).to_dict()["provenance"]
    edge = _edge(prov, "w", "c")
    assert (edge["from"], edge["to"], edge["basis"]) == ("w", "c", "credit")
    assert edge["reverse"] == pytest.approx(1.0)
    assert 0.7 < edge["shared"] < 1.0  # the local sentence is the copy's own
    assert prov["wire_basis"]["w"] == {"wire": "AP", "basis": "stated", "evidence": "ARLON (AP) --"}
    assert prov["wire_basis"]["c"] == {"wire": "AP", "basis": "inferred", "via": "w"}
    assert prov["families"] == [{"id": "f1", "articles": ["w", "c"], "wire": "AP", "origin": "w"}]


def test_copied_spans_slice_the_copied_passage() -> None:
    wire = _article("w", FLOOD, wire="AP", wire_evidence="(AP)")
    copy = _article("c", LOCAL + "\n\n" + FLOOD)
    edge = _edge(provenance(_story(wire, copy), [wire, copy]).to_dict()["provenance"], "w", "c")
    (span,) = edge["spans"]
    assert copy.text[span["start"]:span["end"]] == FLOOD.removesuffix(".")


def test_direction_by_date_beats_credit() -> None:
    early = _article("a", FLOOD, published="2020-02-03T08:00:00Z")
    late = _article("b", FLOOD + " " + LOCAL, published="2020-02-04", wire="Reuters",
                    wire_evidence="(Reuters)")
    edge = _edge(provenance(_story(early, late), [early, late]).to_dict()["provenance"], "a", "b")
    assert (edge["from"], edge["to"], edge["basis"]) == ("a", "b", "date")


def test_direction_by_containment_excerpt_comes_from_the_full_text() -> None:
    full = _article("full", FLOOD + " " + OTHER_WIRE)
    excerpt = _article("ex", FLOOD.split(". ")[0] + ". " + FLOOD.split(". ")[1] + ".")
    edge = _edge(provenance(_story(excerpt, full), [excerpt, full]).to_dict()["provenance"], "full", "ex")
    assert (edge["from"], edge["to"], edge["basis"]) == ("full", "ex", "containment")
    assert edge["shared"] == pytest.approx(1.0)


def test_identical_texts_without_dates_or_credit_stay_undirected() -> None:
    a, b = _article("a", FLOOD), _article("b", FLOOD)
    edge = _edge(provenance(_story(a, b), [a, b]).to_dict()["provenance"], "a", "b")
    assert (edge["basis"], edge["directed"]) == ("none", False)


def test_citation_is_not_wire_copy_but_copying_a_credited_text_is() -> None:
    credited = clean(Document(id="w", source="w.txt", kind="text", content="PARIS (AFP) - " + FLOOD))
    citing = clean(Document(id="q", source="q.txt", kind="text", content=(
        "Rescue teams worked through the night in the flooded old quarter, a spokesman for the fire "
        "service told AFP. Schools in the valley will stay closed until Friday.")))
    copying = clean(Document(id="c", source="c.txt", kind="text", content=FLOOD + "\n\n" + LOCAL))
    assert (credited.wire, citing.wire, copying.wire) == ("AFP", None, None)
    arts = [credited, citing, copying]
    prov = provenance(_story(*arts), arts).to_dict()["provenance"]
    assert prov["wire"] == {"w": "AFP", "c": "AFP", "q": "AFP"}
    assert prov["wire_basis"]["c"]["basis"] == "inferred"
    # The citing article relays AFP's reporting: its basis says so, and it copies nothing.
    assert prov["wire_basis"]["q"] == {"wire": "AFP", "basis": "cited", "evidence": "told AFP"}
    assert all("q" not in (e["from"], e["to"]) for e in prov["edges"])


def test_a_blend_of_two_wires_joins_one_family_without_chaining_them() -> None:
    ap = _article("ap", FLOOD, wire="AP", wire_evidence="(AP)")
    rt = _article("rt", OTHER_WIRE, wire="Reuters", wire_evidence="(Reuters)")
    ap_copies = [_article("a1", FLOOD + " " + LOCAL), _article("a2", LOCAL_2 + " " + FLOOD)]
    rt_copy = _article("r1", OTHER_WIRE)
    halves = FLOOD.split(". ")
    blend = _article("blend", halves[0] + ". " + halves[1] + ". " + OTHER_WIRE.split(", the")[0] + ".")
    arts = [ap, rt, *ap_copies, rt_copy, blend]
    prov = provenance(_story(*arts), arts).to_dict()["provenance"]
    families = {f["wire"]: set(f["articles"]) for f in prov["families"]}
    assert families["AP"] >= {"ap", "a1", "a2"}
    assert families["Reuters"] >= {"rt", "r1"}
    assert families["AP"].isdisjoint(families["Reuters"])
    assert sum("blend" in members for members in families.values()) == 1


def test_origin_prefers_the_credited_then_the_earliest_text() -> None:
    a = _article("a", FLOOD + " " + LOCAL, published="2020-02-05")
    b = _article("b", FLOOD, published="2020-02-04")
    c = _article("c", FLOOD, published="2020-02-06", wire="DPA", wire_evidence="(dpa)")
    prov = provenance(_story(a, b, c), [a, b, c]).to_dict()["provenance"]
    assert prov["origin"]["f1"]["article"] == "c"
    prov = provenance(_story(a, b), [a, b]).to_dict()["provenance"]
    assert prov["origin"]["f1"] == {"article": "b", "reasons": ["earliest published (2020-02-04)"]}
    later = _article("b", FLOOD, published="2020-02-07")
    prov = provenance(_story(a, later), [a, later]).to_dict()["provenance"]
    assert prov["origin"]["f1"]["article"] == "a"  # the earliest, and it holds all of b


def test_unrelated_articles_share_nothing() -> None:
    a, b = _article("a", FLOOD), _article("b", OTHER_WIRE)
    prov = provenance(_story(a, b), [a, b])
    assert (prov.edges, prov.wire, prov.families) == ((), (), ())


def test_only_the_story_articles_count() -> None:
    a, b, c = _article("a", FLOOD), _article("b", FLOOD), _article("c", FLOOD)
    prov = provenance(Story("s", "t", ("a", "b")), [a, b, c])
    assert {e.source for e in prov.edges} | {e.target for e in prov.edges} == {"a", "b"}


_WORDS = st.sampled_from(["river", "town", "rain", "road", "water", "people", "night", "the", "of", "in"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=0, max_size=60), min_size=1, max_size=5))
def test_shares_are_fractions_and_spans_slice_the_target(texts: list[list[str]]) -> None:
    arts = [_article(f"a{n}", " ".join(words)) for n, words in enumerate(texts)]
    edges, shares = copy_graph(arts)
    assert all(0.0 <= v <= 1.0 for v in shares.values())
    by_id = {a.id: a for a in arts}
    for e in edges:
        assert max(e.shared, e.reverse) >= EDGE_MIN - 1e-3
        for span in e.spans:
            assert span.article == e.target
            assert 0 <= span.start < span.end <= len(by_id[e.target].text)


def test_seeds_wire_of_000_is_reuters_with_evidence(seed_paths: list[Path]) -> None:
    docs = [Document(id=p.name[:3], source=str(p), kind="text", content=p.read_text(encoding="utf-8"))
            for p in seed_paths]
    arts = clean_all(docs)
    prov = provenance(Story("seeds", "", tuple(a.id for a in arts)), arts).to_dict()["provenance"]
    assert prov["wire"]["000"] == "Reuters"
    assert prov["wire_basis"]["000"]["basis"] == "stated"
    assert "Reuters reports" in prov["wire_basis"]["000"]["evidence"]
    # 001 rewrites the Reuters copy of 000 and adds one fact "Anadolu Agency said": neither is stated
    # wire copy; its content derives from Reuters (copied lede first) and it cites Anadolu.
    assert prov["wire_basis"]["001"] == {"wire": "Reuters; Anadolu", "basis": "inferred; cited",
                                         "evidence": "Anadolu Agency said", "via": "000"}


def test_dev_maheen_ap_and_reuters_copies_form_two_families(dev_corpus: Path, dev_gold: Path) -> None:
    gold = json.loads(dev_gold.read_text(encoding="utf-8"))
    gold_story, story = next((g, s) for g, s in stories_of(gold) if s.id == MAHEEN)
    rows = [json.loads(line) for line in dev_corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [Document(id=r["id"], source=r["url"], kind="text", content=r["text"], url=r["url"],
                     fields={"outlet": r["outlet"]}) for r in rows if r["id"] in story.articles]
    arts = clean_all(docs)
    prov = provenance(story, arts).to_dict()["provenance"]
    check = ap_reuters_families(story, {a.id: a for a in arts}, prov["families"], gold_story["wire"])
    assert check["ok"], check
    assert len(check["ap_derived"]) >= 4
