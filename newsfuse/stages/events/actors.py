"""Who acted: the event's actors, alias-merged (Islamic State = ISIL = Daesh), agents first.

In each sentence whose trigger fired, the names in the words before the trigger (or after a
passive "by") are its agents; names shortly after it ("took from government forces", "shot down
a Russian jet") are the other party, counted at half weight. State forces are named by what they
are, not by one outlet's noun ("Syrian army", "government troops" and "regime forces" are one
actor, "Syrian government forces"). Every article votes once per actor; actors with a fair share
of the leader's votes are kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsfuse.model import Article, Entity, Evidence, Sentence
from newsfuse.stages.clean.agencies import canonical_agency
from newsfuse.stages.events.classify import Hit
from newsfuse.stages.events.gazetteer import gazetteer
from newsfuse.stages.events.location import clean_name, possessive_place
from newsfuse.stages.events.taxonomy import load_taxonomy
from newsfuse.stages.events.votes import Votes, merge_short_names, name_key, ranked

_AGENT_LABELS = frozenset({"ORG", "PERSON", "GPE", "NAME"})
_OTHER_LABELS = frozenset({"ORG", "PERSON", "NAME"})
_OTHER_WORDS = 6
_OTHER_SHARE = 0.5
_KEEP_SHARE = 0.3
_MAX_ACTORS = 4
_STATE_KEY = "government forces"
_COMMON = frozenset({"today", "just", "yesterday", "tonight", "now", "here", "there", "then", "also",
                     "but", "and", "after", "before", "when", "while", "meanwhile", "however"})
_DEMONYM_BEFORE = re.compile(r"([A-Z][\w'’-]+)\s+$")


def _state_forces(hit: Hit, lo: int, hi: int) -> list[tuple[str, str]]:
    """(key, name) of state forces named in `text[lo:hi]` of the hit's sentence."""
    text = hit.unit.text
    found = []
    for m in load_taxonomy().state_forces.finditer(text, lo, hi):
        demonym = _DEMONYM_BEFORE.search(text, max(0, m.start() - 30), m.start())
        iso = gazetteer().country(demonym.group(1)) if demonym else None
        found.append((f"{_STATE_KEY} {iso}" if iso else _STATE_KEY,
                      f"{demonym.group(1)} {_STATE_KEY}" if iso and demonym else _STATE_KEY))
    return found


def _other_party_window(hit: Hit) -> tuple[int, int]:
    """From inside the trigger ("drove X from") to a few words after it."""
    text = hit.unit.text
    words = list(re.finditer(r"\S+", text[hit.end:]))
    hi = hit.end + words[_OTHER_WORDS - 1].end() if len(words) >= _OTHER_WORDS else len(text)
    return hit.start + 1, hi


def _share(e: Entity, s: Sentence, agent: tuple[int, int], other: tuple[int, int]) -> float:
    """How much a name counts as an actor: an agent fully, the other party by half, else not."""
    lo, hi = e.start - s.start, e.end - s.start
    if possessive_place(e, s):
        return 0.0
    if agent[0] <= lo and hi <= agent[1] and e.label in _AGENT_LABELS:
        return 1.0
    # A place after the trigger is where it happened ("shot down over Syria"), not a party.
    if other[0] <= lo and hi <= other[1] and e.label in _OTHER_LABELS and not _is_place(e.text):
        return _OTHER_SHARE
    return 0.0


def _is_place(name: str) -> bool:
    gaz = gazetteer()
    return bool(gaz.country(name) or gaz.places(name, close=True))


def _common_word(e: Entity, s: Sentence) -> bool:
    """A lone capitalised word of unknown kind that is an ordinary word ("Today", "Just")."""
    word = e.text.strip()
    return e.label == "NAME" and " " not in word and (word.lower() in _COMMON or e.start == s.start)


def _merge_unqualified(votes: dict[str, Votes]) -> None:
    """Unqualified "government forces" join the best-supported country's forces, if any."""
    qualified = [k for k in votes if k.startswith(_STATE_KEY + " ")]
    if _STATE_KEY in votes and qualified:
        target = max(qualified, key=lambda k: votes[k].score)
        votes[target].absorb(votes.pop(_STATE_KEY))


def find_actors(
    hits: Sequence[Hit],
    articles: Mapping[str, Article],
    places: frozenset[str] = frozenset(),
    *,
    armed: bool = False,
) -> tuple[dict[str, str], tuple[Evidence, ...]]:
    """The actors (name key -> name, best first) of the hits (one per sentence), with evidence;
    names whose key is in `places` are where it happened, not who acted. State forces count as an
    actor only in an `armed` event (police at a fire are not a party to it)."""
    votes: dict[str, Votes] = {}
    for hit in hits:
        s = hit.unit.sentence
        if s is None:
            continue
        weight = hit.unit.weight
        agent = hit.agent
        other = _other_party_window(hit)
        # Another language's names are capitalised runs of unknown kind: too unsure to be actors.
        english = (articles[s.article].lang or "en").startswith("en")
        for e in s.entities:
            name = clean_name(e.text)
            key = name_key(name)
            share = _share(e, s, agent, other) if english or e.label != "NAME" else 0.0
            if share and key not in places and not canonical_agency(name) and not _common_word(e, s):
                votes.setdefault(key, Votes()).add(s.article, weight * share, name, s)
        for (lo, hi), share in ((agent, 1.0), (other, _OTHER_SHARE)) if armed else ():
            for key, name in _state_forces(hit, lo, hi):
                votes.setdefault(key, Votes()).add(s.article, weight * share, name, s)
    _merge_unqualified(votes)
    merge_short_names(votes)
    kept = ranked(votes, share=_KEEP_SHARE, limit=_MAX_ACTORS)
    actors = {key: v.name for key, v in kept}
    evidence = tuple(e for _, v in kept if (e := v.evidence("actors")))
    return actors, evidence
