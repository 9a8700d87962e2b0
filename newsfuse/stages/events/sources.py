"""Who the facts are attributed to (`according_to`): "the Britain-based Syrian Observatory for Human
Rights said", "Islamic State issued a statement", "according to the ministry", "state media
reported", "Turkish officials told reporters".

Read from the event's sentences (those whose trigger fired, and every article's lede): a name
right before a reporting verb (allowing an appositive: "X, the monitoring group, said"), right
after an inverted one ("..., said X"), after "according to" or "a statement by", before "issued a
statement"; "state media" and plain sources such as police, officials or witnesses (with their
nationality when given). A negated report ("state media made no mention") is not a source, and
neither is the article's own wire credit ("..., Reuters reports"): that says who wrote the copy,
not who the facts come from. A one-word source that abbreviates a longer one ("the Observatory", "EPA")
joins it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from newsfuse.model import Article, Entity, Evidence, Sentence
from newsfuse.stages.clean.agencies import canonical_agency
from newsfuse.stages.events.location import clean_name
from newsfuse.stages.events.votes import Votes, merge_short_names, name_key, ranked

_SOURCE_LABELS = frozenset({"ORG", "PERSON", "NAME", "GPE"})
_VERB = (r"(?:said|says|say|reported|reports|report|claimed|claims|confirmed|confirms|announced|"
         r"announces|stated|states|told|tells|added|adds|quoted|cited|showed|broadcast|published)\b")
_VERB_AFTER = re.compile(r"(?P<gap>\s*(?:,[^,]{1,80},\s*)?(?:(?:has|have|had|also|later|earlier|then|"
                         r"previously|again|separately|on\s+\w+|in\s+a\s+statement|in\s+statements)\s+)*)"
                         + _VERB, re.IGNORECASE)
# "..., said X" (but "..., told X": X heard it, and is no source).
_VERB_BEFORE = re.compile(r"(?:,\s*|\bas\s+)(?!told|tells)" + _VERB + r"\s+(?:by\s+)?(?:the\s+)?$",
                          re.IGNORECASE)
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|quoting)\s+(?:a\s+|an\s+)?(?:the\s+)?$", re.IGNORECASE)
_STATEMENT_BY = re.compile(r"\bstatement\s+(?:from|by|issued\s+by|released\s+by|of)\s+(?:the\s+)?$",
                           re.IGNORECASE)
_ISSUED = re.compile(r"\s+(?:has\s+|had\s+)?(?:issued|released|published|put\s+out)\s+(?:a\s+)?statements?\b",
                     re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:no|not|never|nor|neither|denied|declined|refused|without)\b", re.IGNORECASE)
_PLAIN = re.compile(
    r"\b(?:(?P<adj>[A-Z][\w'’-]+)\s+)?(?P<who>state\s+(?:media|television|TV|news\s+agency|radio)|"
    r"official\s+media|police|officials|activists|witnesses|residents|rescuers|authorities|medics|"
    r"doctors|prosecutors|investigators)\s+(?P<gap>(?:have\s+|had\s+|also\s+)?)" + _VERB
)
_KEEP_SHARE = 0.2
_MAX_SOURCES = 5


def _window(text: str, end: int, size: int = 60) -> str:
    return text[max(0, end - size):end]


def _entity_cue(e: Entity, s: Sentence) -> str | None:
    """The words that make `e` a source in `s`, or None."""
    text = s.text
    lo, hi = e.start - s.start, e.end - s.start
    after = _VERB_AFTER.match(text, hi)
    gap = after.group("gap") if after else ""
    # A place is a source only as a government speaking for itself: "Turkey said".
    if after and not _NEGATED.search(gap) and (e.label != "GPE" or not gap.strip()):
        return text[lo:after.end()]
    issued = _ISSUED.match(text, hi)
    if issued:
        return text[lo:issued.end()]
    if e.label == "GPE":
        return None
    before = _window(text, lo)
    for pattern in (_VERB_BEFORE, _ACCORDING, _STATEMENT_BY):
        m = pattern.search(before)
        if m:
            return text[lo - (len(before) - m.start()):hi]
    return None


def _own_wire(e: Entity, s: Sentence, article: Article) -> bool:
    """Whether `e` is the article's own wire credit ("Reuters reports" closing its lede)."""
    agency = canonical_agency(e.text)
    if not agency or not article.wire or agency not in article.wire.split("; "):
        return False
    evidence = article.wire_evidence or ""
    return any(part and part in s.text for part in evidence.split(" | "))


def according_to(
    sentences: Sequence[tuple[Sentence, float]], articles: Mapping[str, Article]
) -> tuple[tuple[str, ...], tuple[Evidence, ...]]:
    """The sources the event's facts are attributed to, best supported first, with evidence."""
    votes: dict[str, Votes] = {}
    for s, weight in sentences:
        article = articles[s.article]
        for e in s.entities:
            if e.label not in _SOURCE_LABELS or _own_wire(e, s, article):
                continue
            cue = _entity_cue(e, s)
            if cue:
                name = clean_name(e.text)
                votes.setdefault(name_key(name), Votes()).add(s.article, weight, name, s, cue)
        for m in _PLAIN.finditer(s.text):
            if _NEGATED.search(m.group("gap")):
                continue
            who = re.sub(r"\s+", " ", m.group("who").lower())
            adj = m.group("adj")
            name = f"{adj} {who}" if adj and adj.lower() not in {"the", "a", "an"} else who
            votes.setdefault(name_key(name), Votes()).add(s.article, weight, name, s, m.group())
    merge_short_names(votes)
    kept = ranked(votes, share=_KEEP_SHARE, limit=_MAX_SOURCES)
    evidence = tuple(e for _, v in kept if (e := v.evidence("according_to")))
    return tuple(v.name for _, v in kept), evidence
