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
    arrested ...), vague words read the ACLED way ("dozens" = 12) and flagged `vague`.

    `cls` folds outcome words together for comparison ("dead", "died" and "killed" are all
    `killed`); `word` keeps the one the text used, in lower case ("dead", "death toll").
    """

    text: str
    start: int
    end: int
    count: int
    cls: str
    qualifier: str | None = None
    vague: bool = False
    word: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date or time expression resolved against the article's date where it has one.

    `value` is ISO (YYYY-MM-DD, YYYY-MM or YYYY) or None when nothing anchors it; `precision` is
    "day", "week" ("last week": `value` is that week's Monday), "month", "year", "weekday" (a
    weekday with no anchor) or "time" (`value` is the clock time, HH:MM).
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


# --- synthesis: what `stages.synthesize` finds across the articles of one story ---


@dataclass(frozen=True)
class Claim:
    """A fact as one or more articles state it: the member sentences and the articles behind them.

    `text` is the member sentence that best represents the group; `support` lists every article
    with a member sentence, in story order.
    """

    id: str
    text: str
    support: tuple[str, ...]
    sentences: tuple[Span, ...]

    def to_dict(self) -> JSON:
        return {"id": self.id, "text": self.text, "support": list(self.support),
                "sentences": [s.to_dict() for s in self.sentences]}


@dataclass(frozen=True)
class DiscrepancyValue:
    """One side of a discrepancy: a value as stated, normalised (`normalized` in `unit`), and the
    articles (with the sentences) that give it."""

    text: str
    normalized: float | str | None
    unit: str | None
    articles: tuple[str, ...]
    sentences: tuple[Span, ...] = ()

    def to_dict(self) -> JSON:
        return {"text": self.text, "normalized": self.normalized, "unit": self.unit,
                "articles": list(self.articles), "sentences": [s.to_dict() for s in self.sentences]}


@dataclass(frozen=True)
class Discrepancy:
    """The same slot (a distance, a toll, a time, a count, a direction, a name ...) given different
    values by different articles.

    `evolving` marks a toll that rises over time; then `conservative` is the lowest figure and
    `latest` the one from the most recent report.
    """

    about: str
    kind: str
    values: tuple[DiscrepancyValue, ...]
    evolving: bool = False
    conservative: DiscrepancyValue | None = None
    latest: DiscrepancyValue | None = None

    def to_dict(self) -> JSON:
        d: JSON = {"about": self.about, "kind": self.kind, "values": [v.to_dict() for v in self.values],
                   "evolving": self.evolving}
        if self.conservative is not None:
            d["conservative"] = self.conservative.to_dict()
        if self.latest is not None:
            d["latest"] = self.latest.to_dict()
        return d


@dataclass(frozen=True)
class BriefSentence:
    """One sentence of a brief: exactly the text of its citation spans, and the articles stating it.

    `role` says why it is there: ``"lede"``, ``"consensus"``, ``"discrepancy"`` or ``"single"``.
    """

    text: str
    citations: tuple[Span, ...]
    support: tuple[str, ...]
    role: str

    def to_dict(self) -> JSON:
        return {"text": self.text, "citations": [c.to_dict() for c in self.citations],
                "support": list(self.support), "role": self.role}


@dataclass(frozen=True)
class Brief:
    """The cited, extractive brief of a story, lede first."""

    sentences: tuple[BriefSentence, ...]

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def to_dict(self) -> JSON:
        return {"sentences": [s.to_dict() for s in self.sentences]}


@dataclass(frozen=True)
class StorySynthesis:
    """Everything synthesis says about one story; `to_dict` gives the story fields of the contract
    (`brief`, `claims`, `discrepancies`, `unique`) that join the story's own `to_dict`."""

    story: str
    brief: Brief
    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...]
    unique: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> JSON:
        return {
            "brief": self.brief.to_dict(),
            "claims": [c.to_dict() for c in self.claims],
            "discrepancies": [d.to_dict() for d in self.discrepancies],
            "unique": {a: list(facts) for a, facts in self.unique.items()},
        }


# --- provenance and events: who copied whom (`stages.provenance`), what happened (`stages.events`) ---


@dataclass(frozen=True)
class CopyEdge:
    """Text of `target` found in `source`: `shared` is the fraction of the target's word shingles
    that appear in the source, `reverse` the fraction of the source's found in the target.

    `basis` tells how the direction was decided ("date": published earlier; "credit": the source
    states the wire; "containment": the target is an excerpt of the source; "none": undirected,
    `source`/`target` then in id order); `spans` are the copied passages of the target.
    """

    source: str
    target: str
    shared: float
    reverse: float
    basis: str
    spans: tuple[Span, ...] = ()

    @property
    def directed(self) -> bool:
        return self.basis != "none"

    def to_dict(self) -> JSON:
        return {
            "from": self.source, "to": self.target, "shared": self.shared, "reverse": self.reverse,
            "directed": self.directed, "basis": self.basis, "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True)
class WireCredit:
    """The wire an article's text comes from: `basis` "stated" (the text shows it: `evidence`),
    "outlet" (the agency's own site: `evidence` is the host), "inferred" (it copies `via`, wire copy
    of its story) or "cited" (it relays the agency's reporting: `evidence` "told AFP"); with several
    agencies ("Reuters; Anadolu") of different bases, `basis` gives one per agency ("inferred; cited")
    (see `stages.wire_basis`)."""

    article: str
    wire: str
    basis: str
    evidence: str | None = None
    via: str | None = None

    def to_dict(self) -> JSON:
        d: JSON = {"wire": self.wire, "basis": self.basis}
        if self.evidence is not None:
            d["evidence"] = self.evidence
        if self.via is not None:
            d["via"] = self.via
        return d


@dataclass(frozen=True)
class Family:
    """Articles deriving from the same wire text, with the family's wire (if any is known) and its
    likely origin article and why (`reasons`: "stated wire", "earliest", "most complete" ...)."""

    id: str
    articles: tuple[str, ...]
    origin: str
    reasons: tuple[str, ...] = ()
    wire: str | None = None

    def to_dict(self) -> JSON:
        return {"id": self.id, "articles": list(self.articles), "wire": self.wire, "origin": self.origin}


@dataclass(frozen=True)
class Provenance:
    """A story's copy graph, the wire of each article, and its wire families.

    `to_dict` gives the story field `provenance` of the contract: `edges`, `wire` (article ->
    agency its content derives from: stated, outlet, inferred or cited), plus `wire_basis` (how
    each was found), `families` and `origin` (family id -> its likely origin article and the
    reasons).
    """

    story: str
    edges: tuple[CopyEdge, ...] = ()
    wire: tuple[WireCredit, ...] = ()
    families: tuple[Family, ...] = ()

    def to_dict(self) -> JSON:
        return {"provenance": {
            "edges": [e.to_dict() for e in self.edges],
            "wire": {w.article: w.wire for w in self.wire},
            "wire_basis": {w.article: w.to_dict() for w in self.wire},
            "families": [f.to_dict() for f in self.families],
            "origin": {f.id: {"article": f.origin, "reasons": list(f.reasons)} for f in self.families},
        }}


@dataclass(frozen=True)
class Evidence:
    """Where an event field's value was read: the sentence (`span`) and the words in it (`quote`)."""

    field: str
    value: str
    span: Span
    quote: str

    def to_dict(self) -> JSON:
        return {"value": self.value, **self.span.to_dict(), "quote": self.quote}


@dataclass(frozen=True)
class Location:
    """Where an event happened: the place, its admin area and country, and the gazetteer's
    coordinates of the place when it knows it."""

    place: str | None = None
    admin: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def label(self) -> str:
        """"Maheen, Homs, Syria": the known parts, most specific first."""
        return ", ".join(p for p in (self.place, self.admin, self.country) if p)

    def to_dict(self) -> JSON:
        return {"place": self.place, "admin": self.admin, "country": self.country,
                "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class EventDate:
    """When an event happened: `value` is ISO (YYYY-MM-DD, YYYY-MM, YYYY) or, when nothing anchors
    it, the words themselves ("Sunday"); `precision` is "day", "month", "year" or "weekday"."""

    value: str
    precision: str

    def to_dict(self) -> JSON:
        return {"value": self.value, "precision": self.precision}


@dataclass(frozen=True)
class CasualtyFigure:
    """People of one class (killed, wounded, killed_or_wounded ...) across outlets: the
    conservative figure (`count`), the range (`low`, `high`) of the articles' figures, who they
    were (`victims`, `side` such as "government"), whether only vague words gave it, and from which
    articles."""

    cls: str
    count: int
    low: int
    high: int
    articles: tuple[str, ...]
    victims: str | None = None
    side: str | None = None
    vague: bool = False

    def to_dict(self) -> JSON:
        return {"count": self.count, "range": [self.low, self.high], "articles": list(self.articles),
                "victims": self.victims, "side": self.side, "vague": self.vague}


@dataclass(frozen=True)
class Event:
    """A story's event as a record, each field traced to sentences (`evidence`).

    `type` is a leaf of the event taxonomy (newsfuse/data/event_taxonomy.json, docs/events.md),
    `category` its branch and `acled` the ACLED event type / sub-event type where there is one.
    `to_dict` gives the story field `event` of the contract.
    """

    story: str
    type: str
    category: str
    acled: str | None = None
    actors: tuple[str, ...] = ()
    location: Location | None = None
    when: EventDate | None = None
    casualties: tuple[CasualtyFigure, ...] = ()
    according_to: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> JSON:
        evidence: dict[str, list[JSON]] = {}
        for e in self.evidence:
            evidence.setdefault(e.field, []).append(e.to_dict())
        return {"event": {
            "type": self.type,
            "category": self.category,
            "acled": self.acled,
            "actors": list(self.actors),
            "location": self.location.label if self.location else None,
            "where": self.location.to_dict() if self.location else None,
            "when": self.when.value if self.when else None,
            "when_precision": self.when.precision if self.when else None,
            "casualties": {c.cls: c.count for c in self.casualties},
            "casualty_detail": {c.cls: c.to_dict() for c in self.casualties},
            "according_to": list(self.according_to),
            "evidence": evidence,
        }}
