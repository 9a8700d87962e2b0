"""The provenance graph layout."""

from __future__ import annotations

from newsfuse.web.graph import NODE_H, NODE_W, layout

from .conftest import bridge_story

LABELS = {"w1": "riverpost", "w2": "ledger", "w3": "evil"}


def test_no_provenance_no_graph() -> None:
    story = bridge_story()
    del story["provenance"]
    assert layout(story, LABELS) is None
    assert layout(story | {"provenance": {"edges": [], "families": []}}, LABELS) is None


def test_families_first_with_origin_then_the_rest() -> None:
    graph = layout(bridge_story(), LABELS)
    assert graph is not None
    assert [b.caption for b in graph.bands] == ["Reuters family", "independent"]
    nodes = {n.article: n for n in graph.nodes}
    assert nodes["w1"].origin and not nodes["w3"].origin
    assert nodes["w1"].x < nodes["w3"].x and nodes["w1"].y == nodes["w3"].y < nodes["w2"].y
    assert nodes["w1"].family == nodes["w3"].family != nodes["w2"].family
    assert nodes["w1"].wire == "Reuters (stated)" and nodes["w2"].wire == ""
    (edge,) = graph.edges
    assert edge.directed and edge.title == "evil copies riverpost: 40% of its text"


def test_many_articles_wrap_without_overlap_and_fit() -> None:
    ids = [f"a{i}" for i in range(11)]
    story = {"articles": ids, "provenance": {
        "families": [{"id": "f", "articles": ids[:9], "origin": "a4", "wire": None}],
        "edges": [{"from": "a4", "to": a, "shared": 0.5, "directed": False} for a in ids[:9] if a != "a4"]
        + [{"from": "a9", "to": "a10", "shared": 1.0}, {"from": "a9", "to": "missing", "shared": 1.0}]}}
    graph = layout(story, {})
    assert graph is not None
    assert [b.caption for b in graph.bands] == ["family 1", "shares text"]
    assert graph.nodes[0].article == "a4"
    boxes = {(n.x, n.y) for n in graph.nodes}
    assert len(boxes) == len(graph.nodes) == 11
    assert all(n.x + NODE_W <= graph.width and n.y + NODE_H <= graph.height for n in graph.nodes)
    assert len(graph.edges) == 9 and not graph.edges[0].directed
