"""The event taxonomy, read from newsfuse/data/event_taxonomy.json (documented in docs/events.md).

The data holds phrases, not regular expressions, so that it stays readable: words separated by
spaces (a space also matches a hyphen: "car bomb" finds "car-bomb"), matched case-insensitively on
word boundaries; a trailing ``*`` matches any word ending and a lone ``~`` any one word.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD = r"[\w'’]+"


def phrase_pattern(phrase: str) -> str:
    """The regular expression of one taxonomy phrase ("captur*", "drove ~ from")."""
    parts = []
    for token in phrase.split():
        if token == "~":
            parts.append(_WORD)
        elif token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"[\w'’-]*")
        else:
            parts.append(re.escape(token))
    return r"(?<![\w-])" + r"[\s-]+".join(parts) + r"(?![\w])"


def compile_phrases(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of `phrases`, longest first; None if empty."""
    if not phrases:
        return None
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(phrase_pattern(p) for p in ordered), re.IGNORECASE)


@dataclass(frozen=True)
class Cue:
    """A trigger, and the arguments one of which must sit within the window around it (if any):
    phrases, or named entities with one of the labels in `entities`."""

    trigger: re.Pattern[str]
    argument: re.Pattern[str] | None
    entities: frozenset[str] = frozenset()

    @property
    def needs_argument(self) -> bool:
        return self.argument is not None or bool(self.entities)


@dataclass(frozen=True)
class AgentVariant:
    """When the agent of a trigger matches `agent`, the event is of type `type` instead."""

    agent: re.Pattern[str]
    type: str


@dataclass(frozen=True)
class EventType:
    """One leaf of the taxonomy; `rank` is its position (earlier wins ties)."""

    id: str
    category: str
    label: str
    acled: str | None
    rank: int
    cues: tuple[Cue, ...]
    exclude: re.Pattern[str] | None
    agent_variants: tuple[AgentVariant, ...]


@dataclass(frozen=True)
class Taxonomy:
    """All event types by id, in rank order, with the cue window (in words)."""

    types: dict[str, EventType]
    window: int
    state_forces: re.Pattern[str]

    def ordered(self) -> list[EventType]:
        """The types in rank order."""
        return sorted(self.types.values(), key=lambda t: t.rank)


def _named_pattern(name: str, groups: dict[str, list[str]]) -> re.Pattern[str]:
    pattern = compile_phrases(groups[name])
    if pattern is None:
        raise ValueError(f"event taxonomy: phrase group {name!r} is empty")
    return pattern


def parse_taxonomy(data: dict) -> Taxonomy:
    """Build a `Taxonomy` from its JSON form, checking references between types."""
    groups = {"state_forces": list(data["state_forces"])}
    types: dict[str, EventType] = {}
    for rank, entry in enumerate(data["types"]):
        cues = []
        for cue in entry["cues"]:
            trigger = compile_phrases(cue["trigger"])
            if trigger is None:
                raise ValueError(f"event taxonomy: a cue of {entry['id']!r} has no trigger")
            cues.append(Cue(trigger, compile_phrases(cue.get("argument", [])),
                            frozenset(cue.get("argument_entities", ()))))
        variants = tuple(
            AgentVariant(_named_pattern(v["agent"], groups), v["type"])
            for v in entry.get("agent_variants", ())
        )
        types[entry["id"]] = EventType(
            id=entry["id"], category=entry["category"], label=entry["label"], acled=entry.get("acled"),
            rank=rank, cues=tuple(cues), exclude=compile_phrases(entry.get("exclude", [])),
            agent_variants=variants,
        )
    for t in types.values():
        for v in t.agent_variants:
            if v.type not in types:
                raise ValueError(f"event taxonomy: {t.id!r} refers to unknown type {v.type!r}")
    state_forces = _named_pattern("state_forces", groups)
    return Taxonomy(types=types, window=int(data["window"]), state_forces=state_forces)


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with newsfuse (read once)."""
    text = resources.files("newsfuse").joinpath("data/event_taxonomy.json").read_text(encoding="utf-8")
    return parse_taxonomy(json.loads(text))
