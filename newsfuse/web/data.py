"""The data functions behind every page: each returns the JSON that `/api/...` sends and that the
matching HTML template renders (one data function, two renderers).

A story is the contract's story object with two additions: `sources` (each article's outlet, title,
URL, date, wire) and a `quote` on every brief citation (the cited text itself), so a reader sees
where a sentence comes from without a second request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from newsfuse.model import JSON
from newsfuse.web.library import ArticleMeta, Library, Snapshot

PAGE_SIZE = 50


@dataclass(frozen=True)
class StoryQuery:
    """The filters of the stories list: words to search, one outlet, a date range, a page."""

    q: str = ""
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = PAGE_SIZE
    offset: int = 0

    def to_dict(self) -> JSON:
        d = asdict(self)
        d["since"] = self.since.isoformat() if self.since else None
        d["until"] = self.until.isoformat() if self.until else None
        return d


def day_of(stamp: object) -> str | None:
    """The YYYY-MM-DD day of an ISO 8601 date or timestamp, or None when it is not one."""
    if not isinstance(stamp, str):
        return None
    try:
        return date.fromisoformat(stamp[:10]).isoformat()
    except ValueError:
        return None


def _names(value: Any) -> list[str]:
    """The display names in an event field: a string, a list of them, or records with a name."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, Mapping):
        for key in ("name", "place", "text"):
            if isinstance(value.get(key), str):
                return _names(value[key])
        return []
    if isinstance(value, Iterable):
        return [n for item in value for n in _names(item)]
    return []


def _summary(story: JSON, meta: Mapping[str, ArticleMeta]) -> JSON:
    ids = list(story.get("articles", ()))
    known = [meta[i] for i in ids if i in meta]
    days = sorted(d for m in known if (d := day_of(m.published)))
    event = story.get("event") or {}
    brief = (story.get("brief") or {}).get("sentences") or []
    return {
        "id": story["id"],
        "title": story.get("title") or "",
        "articles": len(ids),
        "outlets": sorted({m.outlet for m in known if m.outlet}),
        "first": days[0] if days else None,
        "last": days[-1] if days else None,
        "entities": list(dict.fromkeys(_names(event.get("actors")) + _names(event.get("location")))),
        "lede": brief[0].get("text") if brief else None,
        "discrepancies": len(story.get("discrepancies") or ()),
    }


def _summaries(snap: Snapshot) -> list[tuple[JSON, str]]:
    """Every story's summary with its search text, newest first (undated stories last)."""
    rows = []
    for story in snap.stories:
        s = _summary(story, snap.articles)
        haystack = " ".join([s["title"], s["lede"] or "", *s["outlets"], *s["entities"]]).casefold()
        rows.append((s, haystack))
    rows.sort(key=lambda r: (r[0]["last"] or "", r[0]["first"] or ""), reverse=True)
    return rows


def _matches(summary: JSON, haystack: str, query: StoryQuery) -> bool:
    if any(word not in haystack for word in query.q.casefold().split()):
        return False
    if query.outlet and query.outlet not in summary["outlets"]:
        return False
    if query.since or query.until:
        if summary["first"] is None:
            return False
        if query.since and summary["last"] < query.since.isoformat():
            return False
        if query.until and summary["first"] > query.until.isoformat():
            return False
    return True


def list_stories(lib: Library, query: StoryQuery) -> JSON:
    """The stories list: the page of matching story summaries, newest first, with the total and
    every outlet of the store (for the filter)."""
    rows = lib.memo("summaries", "", _summaries)
    matched = [s for s, haystack in rows if _matches(s, haystack, query)]
    outlets = lib.memo("outlets", "", lambda snap: sorted({m.outlet for m in snap.articles.values()
                                                            if m.outlet}))
    return {
        "total": len(matched),
        "query": query.to_dict(),
        "stories": matched[query.offset:query.offset + query.limit],
        "outlets": outlets,
    }


def _quoted(spans: Sequence[JSON], texts: Mapping[str, str]) -> list[JSON]:
    out = []
    for span in spans:
        text = texts.get(span.get("article", ""))
        start, end = span.get("start"), span.get("end")
        ok = text is not None and isinstance(start, int) and isinstance(end, int)
        out.append({**span, "quote": text[start:end] if ok else None})
    return out


def _story_detail(lib: Library, snap: Snapshot, story_id: str) -> JSON:
    story = snap.story(story_id)
    sentences = (story.get("brief") or {}).get("sentences") or []
    cited = {c["article"] for s in sentences for c in s.get("citations", ())}
    ids = list(dict.fromkeys([*story.get("articles", ()), *sorted(cited)]))
    texts = {a.id: a.text for a in lib.articles(ids).values()}
    detail = dict(story)
    if sentences:
        detail["brief"] = {**story["brief"], "sentences": [
            {**s, "citations": _quoted(s.get("citations", ()), texts)} for s in sentences]}
    detail["sources"] = {i: (snap.articles.get(i) or ArticleMeta.unknown(i)).to_dict() for i in ids}
    return detail


def story_detail(lib: Library, story_id: str) -> JSON:
    """One story: the contract's story object plus `sources` and citation quotes (`NotFound` if
    the store has no such story)."""
    return lib.memo("story", story_id, lambda snap: _story_detail(lib, snap, story_id))


def skipped_inputs(lib: Library) -> JSON:
    """The inputs ingest had to skip, each with its reason, oldest first."""
    items = lib.memo("skipped", "", lambda _: lib.skipped())
    return {"skipped": [{"source": s.source, "reason": s.reason} for s in items]}


def _links(story: JSON, article_id: str) -> list[JSON]:
    """The spans of one article that a claim or the brief of its story uses."""
    links: list[JSON] = []
    for n, claim in enumerate(story.get("claims") or ()):
        for span in claim.get("sentences", ()):
            if span.get("article") == article_id:
                links.append({"start": span["start"], "end": span["end"], "claim": claim.get("id") or f"c{n}",
                              "text": claim.get("text", ""), "support": list(claim.get("support", ()))})
    for n, sentence in enumerate((story.get("brief") or {}).get("sentences") or ()):
        for span in sentence.get("citations", ()):
            if span.get("article") == article_id:
                links.append({"start": span["start"], "end": span["end"], "brief": n})
    links.sort(key=lambda link: (link["start"], link["end"]))
    return links


def article_detail(lib: Library, article_id: str) -> JSON:
    """One article as the contract gives it, plus its `story` (id and title) and the `links` of its
    spans to the story's claims and brief (`NotFound` if the store has no such article)."""
    article = lib.article(article_id)
    snap = lib.snapshot()
    story = snap.by_id.get(snap.story_of.get(article_id, ""))
    return {
        **article.to_dict(),
        "story": {"id": story["id"], "title": story.get("title") or ""} if story else None,
        "links": _links(story, article_id) if story else [],
    }
