"""The brief: an extractive, cited summary of one story, lede first, within a word budget.

Every brief sentence is a span of a source article (dateline trimmed), cited by offsets, with the
support of the claim it belongs to (every article stating the fact).  Selection:

1. **Lede**: among the first two complete news sentences of each article, the one whose claim is
   best supported, then the one that shares most words with the articles' headlines (what
   happened, to whom, where), then the one with the most widely reported content.
2. **Consensus**: greedy budgeted coverage of concepts (content terms, entity keys, agreeing
   quantities, and each claim itself), each weighted by the number of articles that mention it
   (a claim: that state it, so that a fact many outlets give in common words still counts): the
   sentence with the highest weight of concepts not yet covered per word is added next (Gillick
   & Favre's concept model solved greedily, as for budgeted maximum coverage), a quotation or a
   sentence that opens on a pronoun or a conjunction ("He spoke to ...", "But ...") at half its
   gain, since out of its article it says less.  A sentence that would align with one already
   chosen is skipped, so no two sentences say the same thing; a question states no fact and is
   never a candidate.
3. **Discrepancies**: for the most widely reported disagreements, a sentence carrying a value the
   brief does not show yet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsfuse.algorithms.similarity import terms
from newsfuse.model import Brief, BriefSentence, Discrepancy, Span
from newsfuse.stages.align import ALIGN_THRESHOLD, Alignment

_MIN_WORDS, _MAX_WORDS = 6, 60
_MIN_TERMS = 4
_END = re.compile(r"[.!][\"'”’)\]]*$")
_START = re.compile(r"^[\"'“‘(]?[A-Z0-9]")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
_LINK = re.compile(r"https?://|www\.|\S@\S|\.com\b", re.IGNORECASE)
_QUOTE_OPEN = re.compile(r"^[\"“‘']")
# A sentence opening on a pronoun, a demonstrative or a conjunction leans on the one before it in
# its article ("He spoke to ...", "That welcome news came ...", "But equally ..."): out of that
# context it says less.
_LEANING = re.compile(
    r"^[\"“‘(]?(?:he|she|it|they|him|them|his|her|its|their|this|that|these|those|but|and|so|yet)\b",
    re.IGNORECASE,
)
# "BEIRUT (Reuters) - ", "DAMASCUS (Sputnik) — ", "(AP) -- ", "PARIS: ": a dateline before the news;
# before an agency in brackets, a date a page put there ("date 2016-12 (AFP) - ").
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,3}\s*(?:\([^)]{1,40}\))?"
    r"|(?P<prefix>[^.!?()]{0,30}?)\s*\([A-Z][^)]{0,39}\))\s*(?:-{1,2}|—|–|:)\s*"
)
_DIGIT = re.compile(r"\d")
_LEAD_RANK = 2
# The gain of a sentence that needs what is around it: a quotation, one leaning on the sentence
# before.
_CONTEXT_DISCOUNT = 0.5
_DISCREPANCIES_SHOWN = 2


def is_news_sentence(text: str) -> bool:
    """Whether `text` reads as a complete news sentence: not a caption, headline, fragment (a
    piece of a quotation, a sentence of pronouns), link or reader-addressed boilerplate."""
    words = text.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or len(terms(text)) < _MIN_TERMS:
        return False
    if not (_END.search(text) and _START.match(text)) or "\n\n" in text:
        return False
    if _LINK.search(text) or text.count("“") != text.count("”") or text.count('"') % 2:
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return False
    return not (_SECOND_PERSON.search(text) and not re.search(r"[\"“”]", text))


def trim_dateline(text: str) -> int:
    """How many leading characters of `text` are a dateline (0 when there is none)."""
    m = _DATELINE.match(text)
    if m is None or m.end() >= len(text) or (m.group("prefix") and not _DIGIT.search(m.group("prefix"))):
        return 0  # "The group (ISIS) - which ...": words before a bracket are no dateline
    return m.end()


@dataclass(frozen=True)
class _Candidate:
    index: int
    span: Span
    text: str
    words: int
    concepts: frozenset[str]
    support: tuple[str, ...]
    claim: int
    position: float
    rank: int
    quote: bool
    leaning: bool

    @property
    def discounted(self) -> bool:
        """Whether the sentence needs more context than the brief gives it (see `_gain`)."""
        return self.quote or self.leaning


def _candidates(alignment: Alignment) -> list[_Candidate]:
    """The story's complete news sentences, datelines trimmed; `rank` counts them per article."""
    out: list[_Candidate] = []
    seen: Counter[str] = Counter()
    for i, s in enumerate(alignment.sentences):
        cut = trim_dateline(s.text)
        text = s.text[cut:]
        if not is_news_sentence(text):
            continue
        out.append(_Candidate(
            index=i, span=Span(s.article, s.start + cut, s.end), text=text, words=len(text.split()),
            concepts=frozenset((*alignment.terms[i], claim_concept(alignment.claim_of[i]))),
            support=alignment.support(i),
            claim=alignment.claim_of[i], position=alignment.positions[i], rank=seen[s.article],
            quote=bool(_QUOTE_OPEN.match(text)), leaning=bool(_LEANING.match(text)),
        ))
        seen[s.article] += 1
    return out


def claim_concept(claim: int) -> str:
    """The concept of claim number `claim`: the fact itself, beside the words that state it."""
    return f"!c{claim}"


def concept_weights(alignment: Alignment) -> Counter[str]:
    """Each concept's weight: the number of articles whose sentences mention it (a word, a name,
    a figure) or state it (a claim: a fact stated in common words still counts by its support)."""
    seen: dict[str, set[str]] = {}
    for s, sentence_terms in zip(alignment.sentences, alignment.terms, strict=True):
        for t in sentence_terms:
            seen.setdefault(t, set()).add(s.article)
    weights = Counter({t: len(arts) for t, arts in seen.items()})
    weights.update({claim_concept(k): len(c.support) for k, c in enumerate(alignment.claims)})
    return weights


def _gain(c: _Candidate, weights: Counter[str], covered: set[str]) -> float:
    gain = sum(weights[t] for t in c.concepts - covered) / c.words
    return gain * _CONTEXT_DISCOUNT if c.discounted else gain


def _lede(cands: Sequence[_Candidate], weights: Counter[str], headlines: Counter[str]) -> _Candidate | None:
    lead = [c for c in cands if c.rank < _LEAD_RANK and not c.discounted] or list(cands)
    return max(lead, key=lambda c: (len(c.support), sum(headlines[t] for t in c.concepts),
                                    _gain(c, weights, set()), -c.position), default=None)


def _redundant(c: _Candidate, chosen: Sequence[_Candidate], alignment: Alignment) -> bool:
    return any(c.claim == o.claim or alignment.similarity[c.index, o.index] >= ALIGN_THRESHOLD
               for o in chosen)


def _citations(c: _Candidate, alignment: Alignment) -> tuple[Span, ...]:
    """The chosen span plus every claim member whose trimmed text is the same (wire copies)."""
    spans = [c.span]
    for j in alignment.members[c.claim]:
        s = alignment.sentences[j]
        cut = trim_dateline(s.text)
        if j != c.index and s.text[cut:] == c.text and s.article != c.span.article:
            spans.append(Span(s.article, s.start + cut, s.end))
    return tuple(spans)


def _discrepancy_picks(
    discrepancies: Sequence[Discrepancy], cands: Sequence[_Candidate], chosen: Sequence[_Candidate],
) -> list[_Candidate]:
    """For each discrepancy, the shortest candidate carrying a value no chosen sentence carries."""
    by_span = {(c.span.article, c.span.end): c for c in cands}
    shown = {(c.span.article, c.span.end) for c in chosen}
    picks: list[_Candidate] = []
    for d in discrepancies:
        missing = []
        for value in d.values:
            spans = {(s.article, s.end) for s in value.sentences}
            if not spans & shown:
                missing.extend(by_span[k] for k in spans if k in by_span)
        if missing:
            pick = min(missing, key=lambda c: (c.words, c.span.article, c.span.start))
            picks.append(pick)
            shown.add((pick.span.article, pick.span.end))
    return picks


def worth_showing(discrepancies: Sequence[Discrepancy]) -> list[Discrepancy]:
    """The discrepancies the brief shows (the first `_DISCREPANCIES_SHOWN`, most worth attention
    first): a toll that rises as counts come in, or a split where two or more outlets give one
    of the figures.  Otherwise one outlet against one other is the weakest evidence of a real
    split (a misreading on either side would make it), and is left to the discrepancy list."""
    return [d for d in discrepancies
            if d.evolving or any(len(v.articles) >= 2 for v in d.values)][:_DISCREPANCIES_SHOWN]


def _fill(
    cands: Sequence[_Candidate], chosen: list[tuple[_Candidate, str]], covered: set[str],
    weights: Counter[str], alignment: Alignment, budget: int,
) -> int:
    """Add the best concept gain per word until nothing fits `budget`; returns what is left."""
    while True:
        picked = [c for c, _ in chosen]
        pool = [c for c in cands if c.words <= budget and not _redundant(c, picked, alignment)]
        best = max(pool, key=lambda c: (_gain(c, weights, covered), len(c.support), -c.position),
                   default=None)
        if best is None or _gain(best, weights, covered) <= 0:
            return budget
        chosen.append((best, "consensus" if len(best.support) > 1 else "single"))
        budget -= best.words
        covered |= best.concepts


def write_brief(
    alignment: Alignment, discrepancies: Sequence[Discrepancy], *, titles: Sequence[str] = (),
    words: int = 200,
) -> Brief:
    """The brief of an aligned story within `words` words (whitespace-separated, as readers and
    scorers count them): lede, then the best-supported claims, then discrepancy sentences.
    `titles` are the articles' headlines, the best statement of what the story is about."""
    cands = _candidates(alignment)
    weights = concept_weights(alignment)
    headlines = Counter(t for title in titles for t in set(terms(title)))
    chosen: list[tuple[_Candidate, str]] = []
    lede = _lede([c for c in cands if c.words <= words], weights, headlines)
    if lede is not None:
        chosen.append((lede, "lede"))
    budget = words - (lede.words if lede else 0)
    covered = set(lede.concepts) if lede else set()
    # keep room for the sentences that would show the other side of the top discrepancies
    shown = worth_showing(discrepancies)
    wanted = _discrepancy_picks(shown, cands, [c for c, _ in chosen])
    reserve = min(budget // 4, sum(c.words for c in wanted))
    budget = _fill(cands, chosen, covered, weights, alignment, budget - reserve) + reserve
    # a sentence giving the other side may repeat a chosen one but for the value: that is the point
    for pick in _discrepancy_picks(shown, cands, [c for c, _ in chosen]):
        if pick.words <= budget and all(pick.text != c.text for c, _ in chosen):
            chosen.append((pick, "discrepancy"))
            budget -= pick.words
            covered |= pick.concepts
    _fill(cands, chosen, covered, weights, alignment, budget)
    head = chosen[:1] if lede else []
    body = sorted(chosen[len(head):], key=lambda x: (x[1] == "discrepancy", -len(x[0].support)))
    return Brief(tuple(
        BriefSentence(c.text, _citations(c, alignment), c.support, role) for c, role in head + body
    ))
