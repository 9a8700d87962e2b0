"""Which kind of event a story reports: taxonomy cues voted by the articles' leading sentences.

Every article's title and sentences are *units* weighted by position (news puts what happened in
the title and the lede; later sentences give background that often names other events). A cue
fires on a unit when its trigger occurs with one of its arguments within the window (so
"crashed" counts for a plane crash only near "plane", "flight", "airliner" ...). Each article
gives each type the weight of its best unit for that type, and the story's type is the one with
the most weight: the best-supported reading across outlets, not one outlet's phrasing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.model import AnalyzedArticle, Sentence
from newsfuse.stages.events.taxonomy import Cue, EventType, Taxonomy, load_taxonomy

_TOKEN = re.compile(r"\S+")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
_PASSIVE_BY = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?by\s+", re.IGNORECASE)
# "was captured", "had been seized", "is being retaken": what stands before is what was taken.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\bby\s+", re.IGNORECASE)
_AGENT_WORDS = 8


def position_weight(index: int) -> float:
    """Weight of a unit by position: title and first sentence, then the rest of the lede, then the
    body, then the tail (0 is the title or the first sentence)."""
    if index == 0:
        return 1.0
    if index <= 2:
        return 0.6
    if index <= 7:
        return 0.3
    return 0.1


@dataclass(frozen=True)
class Unit:
    """A sentence, or an article's title (`sentence` None: it is not part of the text)."""

    article: str
    text: str
    weight: float
    sentence: Sentence | None


@dataclass(frozen=True)
class Hit:
    """A cue of `type` firing in a unit: the trigger at `start:end` of the unit's text, and the
    words naming its agent at `agent` (offsets into the same text)."""

    type: str
    unit: Unit
    start: int
    end: int
    agent: tuple[int, int]

    @property
    def trigger(self) -> str:
        return self.unit.text[self.start:self.end]


@dataclass(frozen=True)
class Classification:
    """The story's event type and the hits of its cues (best first)."""

    type: EventType
    hits: tuple[Hit, ...]


def units_of(analyzed: Sequence[AnalyzedArticle]) -> list[Unit]:
    """Every article's title (if any) and sentences, weighted by position."""
    out: list[Unit] = []
    for a in analyzed:
        title = (a.article.title or "").strip()
        if title:
            out.append(Unit(a.article.id, title, position_weight(0), None))
        for i, s in enumerate(a.sentences):
            out.append(Unit(a.article.id, s.text, position_weight(i), s))
    return out


def _word_bounds(text: str, start: int, end: int, words: int) -> tuple[int, int]:
    """Offsets `words` words before `start` and after `end`."""
    before = [m.start() for m in _TOKEN.finditer(text, 0, start)]
    after = [m.end() for m in _TOKEN.finditer(text, end)]
    lo = before[-words] if len(before) >= words else 0
    hi = after[words - 1] if len(after) >= words else len(text)
    return lo, hi


def agent_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The words naming who did it: after the "by" of a passive ("was captured on Thursday by X",
    "retaken by X"; none if a passive has no "by"), else the clause before the trigger (at most a
    few words)."""
    stop = _CLAUSE_BREAK.search(text, end)
    clause_end = stop.start() if stop else len(text)
    by = _PASSIVE_BY.match(text, end)
    if by is None and _PASSIVE.search(text, 0, start):
        by = _BY.search(text, end, clause_end)
        if by is None:
            return start, start
    if by:
        return by.end(), min(clause_end, _word_bounds(text, by.end(), by.end(), _AGENT_WORDS)[1])
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)]
    lo = max(breaks[-1] if breaks else 0, _word_bounds(text, start, start, _AGENT_WORDS)[0])
    return lo, start


def _overlaps(pattern: re.Pattern[str] | None, text: str, start: int, end: int) -> bool:
    if pattern is None:
        return False
    lo, hi = _word_bounds(text, start, end, 3)
    return any(m.start() < end and start < m.end() for m in pattern.finditer(text, lo, hi))


def _argument_near(cue: Cue, unit: Unit, start: int, end: int, window: int) -> bool:
    """Whether an argument of `cue` (a phrase, or an entity of its labels) sits in the window."""
    lo, hi = _word_bounds(unit.text, start, end, window)

    def outside(a: int, b: int) -> bool:
        return lo <= a and b <= hi and (b <= start or a >= end)

    if cue.argument is not None and any(
        outside(m.start(), m.end()) for m in cue.argument.finditer(unit.text, lo, hi)
    ):
        return True
    s = unit.sentence
    return s is not None and any(
        e.label in cue.entities and outside(e.start - s.start, e.end - s.start) for e in s.entities
    )


def hits_in(unit: Unit, taxonomy: Taxonomy) -> list[Hit]:
    """Every cue of every type that fires in `unit`, with agent variants applied."""
    text = unit.text
    hits: list[Hit] = []
    previous: tuple[int, int] | None = None
    for event_type in taxonomy.ordered():
        for cue in event_type.cues:
            for m in cue.trigger.finditer(text):
                if _overlaps(event_type.exclude, text, m.start(), m.end()):
                    continue
                if cue.needs_argument and not _argument_near(cue, unit, m.start(), m.end(), taxonomy.window):
                    continue
                agent = agent_window(text, m.start(), m.end())
                # ", retaking ground": a participle takes the agent of the clause before it.
                if previous and previous[1] <= m.start() and not re.search(r"\w", text[agent[0]:agent[1]]):
                    agent = previous
                previous = agent
                kind = next(
                    (v.type for v in event_type.agent_variants if v.agent.search(text, *agent)), event_type.id
                )
                hits.append(Hit(kind, unit, m.start(), m.end(), agent))
    return hits


def best_per_sentence(hits: Sequence[Hit]) -> list[Hit]:
    """One hit per sentence (the first, i.e. the best-weighted one); title hits dropped."""
    seen: set[tuple[str, int]] = set()
    out = []
    for hit in hits:
        s = hit.unit.sentence
        if s is not None and (s.article, s.start) not in seen:
            seen.add((s.article, s.start))
            out.append(hit)
    return out


def classify(analyzed: Sequence[AnalyzedArticle], taxonomy: Taxonomy | None = None) -> Classification | None:
    """The best-supported event type of a story, or None when no cue fires anywhere."""
    taxonomy = taxonomy or load_taxonomy()
    best: dict[tuple[str, str], float] = {}
    by_type: dict[str, list[Hit]] = {}
    for unit in units_of(analyzed):
        for hit in hits_in(unit, taxonomy):
            key = (hit.type, unit.article)
            best[key] = max(best.get(key, 0.0), unit.weight)
            by_type.setdefault(hit.type, []).append(hit)
    if not by_type:
        return None
    scores: dict[str, float] = {}
    for (kind, _article), weight in best.items():
        scores[kind] = scores.get(kind, 0.0) + weight
    winner = max(scores, key=lambda k: (round(scores[k], 6), -taxonomy.types[k].rank))
    hits = sorted(by_type[winner], key=lambda h: -h.unit.weight)
    return Classification(taxonomy.types[winner], tuple(hits))
