"""The data model every stage shares: frozen, typed records that flow through the pipeline.

Readers turn inputs into `Document`s (raw content plus whatever metadata the source gave);
`stages.clean` turns a `Document` into an `Article` (main text plus honest metadata); later stages
group articles into `Story`s.  References into an article are character offsets into its cleaned
`text` (`Span`), so a citation can always be checked against the source.

`to_dict`/`from_dict` give the JSON contract of DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

JSON = dict[str, Any]


@dataclass(frozen=True)
class Removed:
    """A line taken out of an article's text, and why (`newsletter`, `caption`, `comment` ...)."""

    text: str
    reason: str

    def to_dict(self) -> JSON:
        return {"text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: JSON) -> Removed:
        return cls(text=d["text"], reason=d["reason"])


@dataclass(frozen=True)
class Span:
    """A character range `[start, end)` of one article's cleaned text (a citation)."""

    article: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"article": self.article, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: JSON) -> Span:
        return cls(article=d["article"], start=int(d["start"]), end=int(d["end"]))


@dataclass(frozen=True)
class Document:
    """One input record as a reader found it, before cleaning.

    `kind` is ``"text"`` or ``"html"``; `fields` holds the metadata the source gave under the
    contract's names (`outlet`, `title`, `published`, `byline`, `url`); `extra` keeps any other
    field of the source untouched (never interpreted).
    """

    id: str
    source: str
    kind: str
    content: str
    url: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Skipped:
    """An input (or a record of one) that produced no document, with the reason, for the user."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Article:
    """A cleaned article: main text without the title, plus its metadata.

    `wire_evidence` is the text that shows the wire (a dateline "(AP)", "Reuters reports");
    `paragraphs` are `(start, end)` offsets into `text`; `published` is ISO 8601 or None.
    """

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    dek: str | None = None
    published: str | None = None
    byline: str | None = None
    dateline: str | None = None
    wire: str | None = None
    wire_evidence: str | None = None
    lang: str | None = None
    removed: tuple[Removed, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> JSON:
        d: JSON = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "removed":
                value = [r.to_dict() for r in value]
            elif f.name == "paragraphs":
                value = [list(p) for p in value]
            d[f.name] = value
        return d

    @classmethod
    def from_dict(cls, d: JSON) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in d.items() if k in known}
        kwargs["removed"] = tuple(Removed.from_dict(r) for r in d.get("removed", ()))
        kwargs["paragraphs"] = tuple((int(a), int(b)) for a, b in d.get("paragraphs", ()))
        kwargs["meta"] = dict(d.get("meta") or {})
        return cls(**kwargs)


@dataclass(frozen=True)
class Story:
    """One real-world event: the ids of its articles (in a stable order) and a headline."""

    id: str
    title: str
    articles: tuple[str, ...]

    def to_dict(self) -> JSON:
        return {"id": self.id, "title": self.title, "articles": list(self.articles)}

    @classmethod
    def from_dict(cls, d: JSON) -> Story:
        return cls(id=d["id"], title=d.get("title", ""), articles=tuple(d["articles"]))


# --- analysis: what `stages.analyze` finds in an article's text (offsets into `Article.text`) ---


@dataclass(frozen=True)
class Entity:
    """A named entity mention; `key` is its alias-normalised form (Maheen and Mahin share one)."""

    text: str
    start: int
    end: int
    label: str
    key: str


@dataclass(frozen=True)
class Quantity:
    """A measured amount normalised to a base unit: 20 km -> (20000, "m"); $13.7bn -> (1.37e10, "USD").

    `precision` is the step the text was stated at, in the base unit (13 miles -> 1609.344), so
    that two values that agree after rounding can be told apart from a real disagreement;
    `qualifier` keeps "at least", "more than", "around" ...
    """

    text: str
    start: int
    end: int
    value: float
    unit: str
    kind: str
    precision: float = 0.0
    qualifier: str | None = None


@dataclass(frozen=True)
class Casualty:
    """A count of people by class (killed, dead, wounded, injured, killed_or_wounded, missing,
    arrested ...), vague words read the ACLED way ("dozens" = 12) and flagged `vague`."""

    text: str
    start: int
    end: int
    count: int
    cls: str
    qualifier: str | None = None
    vague: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date or time expression resolved against the article's date where it has one.

    `value` is ISO (YYYY-MM-DD, YYYY-MM or YYYY) or None when nothing anchors it; `precision` is
    "day", "month", "year", "weekday" (a weekday with no anchor) or "time".
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article with what analysis found in it."""

    article: str
    start: int
    end: int
    text: str
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    dates: tuple[DateMention, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.article, self.start, self.end)


@dataclass(frozen=True)
class AnalyzedArticle:
    """An article with its sentences analysed."""

    article: Article
    sentences: tuple[Sentence, ...]
