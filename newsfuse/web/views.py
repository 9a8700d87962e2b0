"""Shapes the data functions' JSON into what the HTML templates lay out: column labels, the claims x
outlets matrix, discrepancy timelines, event card rows, and article text cut into linked segments.

Pure functions over JSON; no escaping here (the templates autoescape everything).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from newsfuse.model import JSON
from newsfuse.web.data import day_of

STATES, SILENT, CONTRADICTS = "states", "silent", "contradicts"
LABEL_SIZE = 28


def _short(text: str, size: int = LABEL_SIZE) -> str:
    return text if len(text) <= size else text[:size - 1].rstrip() + "…"


def source_labels(story: JSON) -> dict[str, str]:
    """A short, distinct label per article of a story: its outlet, else its URL's host, else its
    title, else its file name, else its id; a second article of one outlet gets " 2", and so on."""
    sources = story.get("sources") or {}
    labels: dict[str, str] = {}
    used: dict[str, int] = {}
    for article in sources:
        meta = sources[article]
        base = _short(meta.get("outlet") or urlsplit(meta.get("url") or "").hostname or meta.get("title")
                      or PurePath(meta.get("source") or "").name or article)
        used[base] = used.get(base, 0) + 1
        labels[article] = base if used[base] == 1 else f"{base} {used[base]}"
    return labels


@dataclass(frozen=True)
class MatrixRow:
    """One claim and, per article column, whether the article states it, is silent or contradicts."""

    claim: str
    text: str
    cells: tuple[str, ...]
    support: int


def _contradicting(claim: JSON, discrepancies: Sequence[JSON]) -> set[str]:
    """Articles giving another value of a discrepancy whose value this claim states."""
    text = (claim.get("text") or "").casefold()
    support = set(claim.get("support", ()))
    out: set[str] = set()
    for d in discrepancies:
        values = d.get("values", ())
        stated = [v for v in values if v.get("text") and v["text"].casefold() in text]
        if not stated:
            continue
        for v in values:
            if v not in stated:
                out.update(a for a in v.get("articles", ()) if a not in support)
    return out


def claim_matrix(story: JSON) -> list[MatrixRow]:
    """The claims x articles matrix, in the story's article order (the columns)."""
    columns = list(story.get("articles", ()))
    discrepancies = story.get("discrepancies") or ()
    rows = []
    for n, claim in enumerate(story.get("claims") or ()):
        support = set(claim.get("support", ()))
        against = _contradicting(claim, discrepancies)
        cells = tuple(STATES if a in support else CONTRADICTS if a in against else SILENT for a in columns)
        rows.append(MatrixRow(claim.get("id") or f"c{n}", claim.get("text", ""), cells, len(support)))
    return rows


@dataclass(frozen=True)
class TimelinePoint:
    """One value of an evolving figure, at the earliest date of the articles that give it."""

    day: str | None
    text: str
    articles: tuple[str, ...]


def timeline(discrepancy: JSON, sources: Mapping[str, JSON]) -> list[TimelinePoint]:
    """The values of a discrepancy in the order they were published (undated ones last)."""
    points = []
    for value in discrepancy.get("values", ()):
        ids = tuple(value.get("articles", ()))
        days = sorted(d for a in ids if (d := day_of((sources.get(a) or {}).get("published"))))
        points.append(TimelinePoint(days[0] if days else None, value.get("text", ""), ids))
    return sorted(points, key=lambda p: (p.day is None, p.day or ""))


def number(value: Any) -> str:
    """A normalised value for reading: 20000.0 -> "20,000", 0.25 -> "0.25"; text stays text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def plain(value: Any) -> str:
    """A JSON value as one line of text: lists joined by commas, records as `key: value`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Mapping):
        return "; ".join(f"{k.replace('_', ' ')}: {plain(v)}" for k, v in value.items()
                         if v not in (None, "", [], {}))
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value if v not in (None, ""))
    return str(value)


def _casualty(cls: str, detail: JSON) -> str:
    text = f"{plain(detail.get('count'))} {cls.replace('_', ' ')}"
    low, high = [*(detail.get("range") or ()), None, None][:2]
    notes = [f"{plain(low)}-{plain(high)} across outlets" if low is not None and low != high else "",
             f"{detail['side']} side" if detail.get("side") else "",
             str(detail.get("victims") or ""), "vague words" if detail.get("vague") else ""]
    notes = [n for n in notes if n]
    return f"{text} ({'; '.join(notes)})" if notes else text


def _bracketed(value: object) -> str:
    return f"({value})" if value else ""


def _joined(*parts: object) -> str:
    return " ".join(str(p) for p in parts if p not in (None, ""))


def event_rows(event: JSON) -> list[tuple[str, str]]:
    """The event card: (label, text) per present field; `evidence` is listed apart."""
    where = event.get("where") or {}
    lat, lon = where.get("lat"), where.get("lon")
    located = isinstance(lat, float | int) and isinstance(lon, float | int)
    coords = f"({lat:.3f}, {lon:.3f})" if located else ""
    details = event.get("casualty_detail") or {}
    counts = event.get("casualties") or {}
    known = {
        "type": _joined(event.get("type"), _bracketed(event.get("category"))),
        "ACLED": event.get("acled"),
        "location": _joined(event.get("location") or plain(where), coords),
        "when": _joined(event.get("when"), _bracketed(event.get("when_precision"))),
        "casualties": "; ".join(_casualty(c, details.get(c) or {"count": n}) for c, n in counts.items()),
    }
    consumed = {"type", "category", "acled", "location", "where", "when", "when_precision", "casualties",
                "casualty_detail", "evidence"}
    rows = [(label, plain(value)) for label, value in known.items()]
    rows += [(key.replace("_", " "), plain(value)) for key, value in event.items() if key not in consumed]
    return [(label, text) for label, text in rows if text]


def event_evidence(event: JSON) -> list[tuple[str, JSON]]:
    """(field, evidence record with `article`, `start`, `end`, `quote`) for the event card."""
    evidence = event.get("evidence") or {}
    if not isinstance(evidence, Mapping):
        return []
    return [(field.replace("_", " "), item) for field, items in evidence.items() for item in items
            if isinstance(item, Mapping) and item.get("article")]


@dataclass(frozen=True)
class Segment:
    """A run of article text, with the link (claim or brief sentence) that covers it, if any."""

    text: str
    start: int
    link: JSON | None = None


def _paragraphs(article: JSON) -> list[tuple[int, int]]:
    text = article.get("text") or ""
    given = [(int(a), int(b)) for a, b in article.get("paragraphs") or () if 0 <= a < b <= len(text)]
    if given:
        return given
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def segments(article: JSON) -> list[list[Segment]]:
    """The article's paragraphs, each cut into segments at the edges of its `links` spans (a claim
    link wins over a brief citation where both cover the same text)."""
    text = article.get("text") or ""
    links = sorted(article.get("links") or (), key=lambda x: ("claim" not in x, x["start"]))
    out = []
    for p_start, p_end in _paragraphs(article):
        cuts = {p_start, p_end}
        for link in links:
            cuts.update(c for c in (link["start"], link["end"]) if p_start < c < p_end)
        edges = sorted(cuts)
        paragraph = []
        for a, b in pairwise(edges):
            link = next((x for x in links if x["start"] <= a and b <= x["end"]), None)
            paragraph.append(Segment(text[a:b], a, link))
        out.append(paragraph)
    return out
