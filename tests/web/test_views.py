"""Presentation helpers: labels, the claims matrix, timelines, the event card, text segments."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.web.views import (
    CONTRADICTS,
    SILENT,
    STATES,
    claim_matrix,
    event_evidence,
    event_rows,
    number,
    segments,
    source_labels,
    timeline,
)

from .conftest import bridge_story


def test_labels_are_outlets_hosts_or_ids_and_distinct() -> None:
    story = {"sources": {
        "a": {"outlet": "x.example"}, "b": {"outlet": "x.example"},
        "c": {"url": "https://news.example/p"}, "d": {"url": "javascript:alert(1)"}, "e": {}}}
    assert source_labels(story) == {
        "a": "x.example", "b": "x.example 2", "c": "news.example", "d": "d", "e": "e"}


def test_matrix_states_silent_and_contradicts() -> None:
    rows = claim_matrix(bridge_story())
    assert [r.claim for r in rows] == ["c1", "c2", "c3"]
    assert rows[0].cells == (STATES, STATES, STATES)
    assert rows[1].cells == (STATES, STATES, SILENT)
    # c3 states "15 people"; w1 gives the other value of that discrepancy (12 people).
    assert rows[2].cells == (CONTRADICTS, STATES, SILENT)


def test_matrix_without_discrepancies_never_contradicts() -> None:
    story = bridge_story() | {"discrepancies": []}
    assert all(CONTRADICTS not in r.cells for r in claim_matrix(story))


def test_timeline_orders_values_by_first_publication() -> None:
    d = {"values": [{"text": "late", "articles": ["b"]}, {"text": "undated", "articles": ["c"]},
                    {"text": "early", "articles": ["a", "b"]}]}
    sources = {"a": {"published": "2020-01-01T05:00:00Z"}, "b": {"published": "2020-01-03"}, "c": {}}
    assert [(p.day, p.text) for p in timeline(d, sources)] == [
        ("2020-01-01", "early"), ("2020-01-03", "late"), (None, "undated")]


def test_event_card_rows_and_evidence() -> None:
    event = bridge_story()["event"]
    rows = dict(event_rows(event))
    assert rows["type"] == "collapse (disaster)"
    assert rows["location"] == "Linden Falls (51.250, -1.500)"
    assert rows["when"] == "2024-03-04 (day)"
    assert rows["casualties"] == "12 injured (12-15 across outlets)"
    assert rows["according to"] == "officials, the fire service"
    assert "ACLED" not in rows and "evidence" not in rows
    assert [(f, e["article"]) for f, e in event_evidence(event)] == [("location", "w1")]


def test_event_card_of_a_minimal_event() -> None:
    assert event_rows({"type": "election", "when": "Sunday", "extra_note": ["a", "b"]}) == [
        ("type", "election"), ("when", "Sunday"), ("extra note", "a, b")]
    assert event_evidence({"evidence": "not a mapping"}) == []


def test_numbers_read_well() -> None:
    assert [number(v) for v in (20000.0, 13.7e9, 0.25, 12, "north", True)] == [
        "20,000", "13,700,000,000", "0.25", "12", "north", "True"]


TEXT = st.text(alphabet="ab \n.", max_size=60)


@st.composite
def articles_with_links(draw: st.DrawFn) -> dict:
    text = draw(TEXT)
    n = len(text)
    links = []
    for k in range(draw(st.integers(0, 4))):
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        links.append({"start": a, "end": b} | ({"claim": f"c{k}"} if k % 2 else {"brief": k}))
    return {"text": text, "links": links}


@given(articles_with_links())
def test_segments_cover_each_paragraph_exactly(article: dict) -> None:
    text = article["text"]
    for paragraph in segments(article):
        assert paragraph
        start = paragraph[0].start
        assert "".join(s.text for s in paragraph) == text[start:start + sum(len(s.text) for s in paragraph)]
        for s in paragraph:
            assert text[s.start:s.start + len(s.text)] == s.text
            if s.link is not None:
                assert s.link["start"] <= s.start and s.start + len(s.text) <= s.link["end"]
    nonblank = [line for line in text.split("\n") if line.strip()]
    assert ["".join(s.text for s in p) for p in segments(article)] == nonblank


def test_segments_use_given_paragraphs_and_prefer_claims() -> None:
    article = {"text": "One two. Three four.", "paragraphs": [[0, 8], [9, 20]],
               "links": [{"start": 0, "end": 8, "brief": 0}, {"start": 0, "end": 8, "claim": "c1"}]}
    first, second = segments(article)
    assert [(s.text, s.link and s.link.get("claim")) for s in first] == [("One two.", "c1")]
    assert [s.text for s in second] == ["Three four."]
