"""Lays out a story's provenance (who copies whom, wire families) for the inline SVG drawn by the
story template: one band per wire family, its likely origin first, then the articles that share no
text with anyone; copy edges as arcs, thicker the more text is shared.

Only geometry and labels are computed here; the template writes the SVG (and escapes every label).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newsfuse.model import JSON

NODE_W, NODE_H = 176, 44
GAP_X, GAP_Y = 28, 30
PER_LINE = 4
MARGIN, BAND_LABEL = 12, 56
BOW = 36  # the highest an arc rises above its row
PALETTE = 6


@dataclass(frozen=True)
class Node:
    """One article's box: position, outlet label, wire note, family colour class, origin flag."""

    article: str
    x: int
    y: int
    label: str
    wire: str
    family: str
    origin: bool


@dataclass(frozen=True)
class Edge:
    """One copy relation as an SVG path, its stroke width, whether it has a direction, a tooltip."""

    path: str
    width: float
    directed: bool
    title: str


@dataclass(frozen=True)
class Band:
    """A family's caption and where it is drawn."""

    y: int
    caption: str


@dataclass(frozen=True)
class Layout:
    """Everything the template needs to draw the graph."""

    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    bands: tuple[Band, ...]
    node_w: int = NODE_W
    node_h: int = NODE_H


def _wire_note(article: str, provenance: JSON) -> str:
    wire = (provenance.get("wire") or {}).get(article)
    if not wire:
        return ""
    basis = ((provenance.get("wire_basis") or {}).get(article) or {}).get("basis")
    return f"{wire} ({basis})" if basis else str(wire)


def _groups(story: JSON, provenance: JSON) -> list[tuple[str, list[str], str | None]]:
    """(caption, articles with the origin first, origin) per family, then the unrelated articles."""
    groups = []
    placed: set[str] = set()
    for n, family in enumerate(provenance.get("families") or ()):
        members = [a for a in family.get("articles", ()) if a not in placed]
        if not members:
            continue
        origin = family.get("origin") if family.get("origin") in members else None
        if origin:
            members.remove(origin)
            members.insert(0, origin)
        wire = family.get("wire")
        caption = f"{wire} family" if wire else f"family {n + 1}"
        groups.append((caption, members, origin))
        placed.update(members)
    linked = {e.get(k) for e in provenance.get("edges") or () for k in ("from", "to")}
    for caption, wanted in (("shares text", linked), ("independent", None)):
        rest = [a for a in story.get("articles", ()) if a not in placed and (wanted is None or a in wanted)]
        if rest:
            groups.append((caption, rest, None))
            placed.update(rest)
    return groups


def _arc(a: Node, b: Node) -> str:
    """A curved path from box `a` to box `b`: over the top within a row (higher the farther it
    goes, so arcs nest instead of crossing boxes), top to bottom between rows.  Each end sits off
    centre on the side facing the other box, so arcs in and out of one box do not share a point."""
    rightward = b.x > a.x or (b.x == a.x and b.y > a.y)
    x1 = a.x + NODE_W * (0.62 if rightward else 0.38)
    x2 = b.x + NODE_W * (0.38 if rightward else 0.62)
    if a.y == b.y:
        bow = -min(BOW, 8 + abs(x2 - x1) / 12)
        return f"M{x1:.0f},{a.y} Q{(x1 + x2) / 2:.0f},{a.y + 2 * bow:.0f} {x2:.0f},{b.y}"
    y1, y2 = (a.y + NODE_H, b.y) if a.y < b.y else (a.y, b.y + NODE_H)
    return f"M{x1:.0f},{y1} C{x1:.0f},{(y1 + y2) / 2:.0f} {x2:.0f},{(y1 + y2) / 2:.0f} {x2:.0f},{y2}"


def layout(story: JSON, labels: Mapping[str, str]) -> Layout | None:
    """The provenance graph of a story (None when the story has no provenance to draw)."""
    provenance = story.get("provenance") or {}
    if not provenance.get("edges") and not provenance.get("families"):
        return None
    nodes: dict[str, Node] = {}
    bands = []
    y = MARGIN
    for k, (caption, members, origin) in enumerate(_groups(story, provenance)):
        bands.append(Band(y + 14, caption))
        y += BAND_LABEL
        family = f"fam-{k % PALETTE}" if caption not in ("shares text", "independent") else "fam-none"
        for i, article in enumerate(members):
            x = MARGIN + (i % PER_LINE) * (NODE_W + GAP_X)
            row_y = y + (i // PER_LINE) * (NODE_H + GAP_Y)
            nodes[article] = Node(article, x, row_y, labels.get(article, article),
                                  _wire_note(article, provenance), family, article == origin)
        y += ((len(members) - 1) // PER_LINE + 1) * (NODE_H + GAP_Y)
    edges = []
    for e in provenance.get("edges") or ():
        a, b = nodes.get(e.get("from")), nodes.get(e.get("to"))
        if a is None or b is None:
            continue
        shared = float(e.get("shared") or 0.0)
        directed = bool(e.get("directed", True))
        verb = "copies" if directed else "shares text with"
        edges.append(Edge(_arc(a, b), round(1 + 4 * shared, 1), directed,
                          f"{b.label} {verb} {a.label}: {shared:.0%} of its text"))
    width = MARGIN * 2 + min(PER_LINE, max(1, len(nodes))) * (NODE_W + GAP_X) - GAP_X
    return Layout(width, y + MARGIN - GAP_Y + 10, tuple(nodes.values()), tuple(edges), tuple(bands))
