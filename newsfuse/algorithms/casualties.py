"""Counts of people by what happened to them: killed, wounded, killed_or_wounded, missing ...

Three shapes cover how news states a toll:

- the count first, the outcome after: "at least 37 pro-government forces were killed", "Some 50
  fighters on the government side were killed or wounded", "dozens of people were injured";
- the outcome first, as an active verb: "the bombing killed 224 people", "wounding 40 others";
- a toll: "the death toll rose to 48", "a toll of at least 16".

Outcome words are folded into classes so that outlets can be compared: "dead", "died", "deaths",
"fatalities" and "bodies" are `killed`; "injured" and "hurt" are `wounded`; "killed or wounded"
and "casualties" are `killed_or_wounded` (never a death toll); `Casualty.word` keeps the word as
written.  "No one was hurt" is a count of 0.  Vague words are read the ACLED way (`numbers.VAGUE`:
"dozens" = 12) and flagged `vague`.  In "one of the two pilots was killed" the count is the part
(1), not the group it is taken from; groups joined by "and" add up ("two police officers and a
firefighter were injured" is 3); a "toll road" or a "toll-free" number is no death toll.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsfuse.algorithms.numbers import QUALIFIERS, NumberMention, alternation, find_numbers, qualifier_before
from newsfuse.algorithms.quantities import find_quantities, is_label
from newsfuse.model import Casualty, Quantity

# Words stating an outcome after the count ("50 were killed", "12 missing"), by class.
_OUTCOMES: dict[str, tuple[str, ...]] = {
    "killed_or_wounded": (
        "killed or wounded", "killed and wounded", "killed or injured", "killed and injured",
        "dead or wounded", "dead and wounded", "dead or injured", "dead and injured", "casualties",
        "killed or hurt", "dead or hurt",
    ),
    "killed": ("killed", "dead", "died", "deaths", "fatalities", "bodies", "lost their lives",
               "perished", "slain", "executed", "lives"),
    "wounded": ("wounded", "injured", "hurt", "injuries"),
    "missing": ("missing", "unaccounted for"),
    "arrested": ("arrested", "detained", "apprehended", "taken into custody", "arrests"),
    "displaced": ("displaced", "made homeless", "forced from their homes", "fled their homes",
                  "left homeless"),
    "rescued": ("rescued", "pulled out alive", "freed"),
    "evacuated": ("evacuated",),
    "kidnapped": ("kidnapped", "abducted", "taken hostage"),
}
# Active verbs written before the count ("killed 224 people"), by class.
_VERBS: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "kills", "kill", "killing", "claimed the lives of", "claiming the lives of",
               "left dead", "executed", "executing"),
    "wounded": ("wounded", "wounding", "wounds", "injured", "injuring", "injures", "injure"),
    "arrested": ("arrested", "arresting", "arrests", "arrest", "detained", "detaining", "detains"),
    "rescued": ("rescued", "rescuing", "rescues", "rescue"),
    "evacuated": ("evacuated", "evacuating", "evacuates", "evacuate"),
    "displaced": ("displaced", "displacing", "displaces"),
    "kidnapped": ("kidnapped", "kidnapping", "abducted", "abducting"),
}


def _classes(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {form: cls for cls, forms in table.items() for form in forms}


_OUTCOME_OF = _classes(_OUTCOMES)
_VERB_OF = _classes(_VERBS)


_MAX_GAP_WORDS = 8
_GAP_WORD = r"(?:\w[\w'’-]*|\([^()]{0,40}\))"
# After the count: a few words naming who ("fighters on the government side"), auxiliaries, then
# the outcome.  The gap never crosses a sentence break or starts with punctuation ("Ali, 24, was").
_AFTER_RE = re.compile(
    r"(?:\s+|-)?(?P<gap>(?:" + _GAP_WORD + r",?\s+){0," + str(_MAX_GAP_WORDS) + r"}?)"
    r"(?P<outcome>" + alternation(_OUTCOME_OF) + r")\b",
    re.IGNORECASE,
)
# Nouns that make "toll" a fee rather than a count of the dead ("toll road", "toll-free number").
_TOLL_COMPOUNDS = ("free", "road", "roads", "booth", "booths", "plaza", "plazas", "gate", "gates", "bridge",
                   "bridges", "way", "ways", "lane", "lanes", "charge", "charges", "fee", "fees", "house",
                   "collector", "collectors", "tag", "tags", "station", "stations", "operator", "operators",
                   "number", "numbers", "line", "lines", "call", "calls", "rate", "rates", "revenue",
                   "revenues", "payment", "payments")
# The outcome before the count: an active verb ("killing at least 20") or a toll ("the death
# toll rose to 48", "the deaths of 9").
_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?P<verb>" + alternation(_VERB_OF) + r")\s+"
    r"(?:(?:all|another|an\s+additional|a\s+further|a\s+total\s+of)\s+)?"
    r"|(?P<noun>\b(?:death\s+)?toll\b(?!-|\s+(?:" + alternation(_TOLL_COMPOUNDS) + r")\b)"
    r"|\bdeaths?(?=\s+of)|\blives(?=\s+of))"
    r"(?:[^.;:!?\d]{0,40}?\b(?:to|at|of|reached|hit|passed|topped|exceeded|is|was|stands|stood))?\s+)$"
)
_NONE_RE = re.compile(
    r"(?i)\bno(?:\s+one|body|ne)?\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been|is|are|being)\s+)?"
    r"(?:(?:immediately|yet|reportedly)\s+)?(?P<outcome>" + alternation(_OUTCOME_OF) + r")\b"
)
# What may stand between an active verb and its count: "killed at least", "wounding another".
_LEAD_RE = re.compile(
    r"\s+(?:(?:" + alternation([*QUALIFIERS, "all", "another", "an additional", "a further", "a total of"])
    + r")\s+)*",
    re.IGNORECASE,
)


# A verb inside the gap means the count is the subject of another clause ("Several vehicles were
# seen entering the city, carrying wounded soldiers"); "many of the injured" is not a count.
_VERB_IN_GAP_RE = re.compile(
    r"(?i)(?:,\s*|\bseen\s+)(?!including\b)\w+ing\b|\b(?:said|says|told|say)\b(?!\s+to\b)|\bseen\b"
)
_PARTITIVE_RE = re.compile(r"(?i)of\s+(?:the|those|them|whom|these)\b")
# "two of the five climbers": a part ("two", "some") taken from a group ("five climbers").
_OF_GROUP = r"\s+of\s+(?:(?:the|those|these|its|their|our|his|her)\s+)?"
_OF_GROUP_RE = re.compile(r"(?i)" + _OF_GROUP)
_PART_WORD_RE = re.compile(r"(?i)\b(?:some|most|none|half|few|neither|either|any)" + _OF_GROUP + "$")
# The outcome is said of the part when a verb stands between the group and it ("one of the two
# pilots was killed", "two of the five climbers died"), of the group when it only qualifies the
# group ("one of the 12 killed was a child").
_PREDICATE_RE = re.compile(r"(?i)\b(?:was|were|is|are|has|have|had|been|being|be|got|remains?|remained)\b")
_FINITE_OUTCOMES = frozenset({"died", "perished", "lost their lives"})
_PREPOSITION_RE = re.compile(r"(?i)\b(?:in|from|at|near|across|inside|to|into|by|on)\s+$")
# Groups joined to the counted one: "and 3 firefighters", "and a firefighter" (one more person;
# not "and a number of", "and a few" ...).
_AND_BEFORE_RE = re.compile(r"(?i)\band\s+$")
_AND_ONE_RE = re.compile(
    r"(?i)\band\s+(?:a|an|one)\s+(?!(?:number|few|lot|lots|handful|dozen|score|couple|host|group|total|"
    r"further|other|additional|more)\b)[a-z]"
)


def _qualifier(text: str, number: NumberMention, not_before: int) -> tuple[str | None, int]:
    """The qualifier before a count (if it lies after `not_before`) and where the mention starts."""
    if number.low is not None:
        return "between", number.start
    found = qualifier_before(text, number.start)
    if found and found[1] >= not_before:
        return found
    return None, number.start


def _count(number: NumberMention) -> int:
    return round(number.low if number.low is not None else number.value)


class _Numbers:
    """The candidate counts of a text in order, searchable by where they start."""

    def __init__(self, numbers: list[NumberMention]) -> None:
        self.all = numbers
        self.starts = [n.start for n in numbers]

    def starting_in(self, lo: int, hi: int) -> list[NumberMention]:
        return self.all[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


def _active_after(text: str, end: int, numbers: _Numbers) -> bool:
    """Whether an outcome word ending at `end` is an active verb with its own count after it
    ("16 people and wounded 40"): then it does not describe the count before it."""
    return any(_LEAD_RE.fullmatch(text, end, n.start) for n in numbers.starting_in(end, end + 40))


def _word(m: re.Match[str], group: str) -> str:
    return re.sub(r"\s+", " ", m.group(group).lower())


def _outcome_first(text: str, number: NumberMention) -> Casualty | None:
    head_start = max(0, number.start - 60)
    qualifier, start = _qualifier(text, number, head_start)
    m = _BEFORE_RE.search(text, head_start, start)
    if not m:
        return None
    verb = m.group("verb")
    word = _word(m, "verb" if verb else "noun")
    return Casualty(text=text[m.start():number.end], start=m.start(), end=number.end,
                    count=_count(number), cls=_VERB_OF[word] if verb else "killed", qualifier=qualifier,
                    vague=number.vague, word=word)


def _in_phrase(text: str, number: NumberMention) -> bool:
    """Whether a number sits in a prepositional phrase ("in three countries"): not a subject."""
    found = qualifier_before(text, number.start)
    start = found[1] if found else number.start  # "up to 180": the "to" is the qualifier's
    return bool(_PREPOSITION_RE.search(text, max(0, start - 12), start))


def _said_of_part(text: str, part_end: int, group: NumberMention, outcome: re.Match[str]) -> bool:
    """Whether `outcome`, written after `group`, is said of a part ending at `part_end` and taken
    from that group ("one of the two pilots was killed"; not "one of the 12 killed was a child")."""
    if not _OF_GROUP_RE.fullmatch(text, part_end, group.start):
        return False
    between = text[group.end:outcome.start("outcome")]
    return bool(_PREDICATE_RE.search(between)) or _word(outcome, "outcome") in _FINITE_OUTCOMES


def _is_group(text: str, number: NumberMention, numbers: _Numbers, outcome: re.Match[str]) -> bool:
    """Whether `number` counts the group a part of which the outcome is said of ("five" in "two of
    the five climbers died", "12" in "some of the 12 hostages were killed")."""
    head_start = max(0, number.start - 40)
    parts = [n.end for n in numbers.starting_in(head_start, number.start)]
    word = _PART_WORD_RE.search(text, head_start, number.start)
    if word:
        parts.append(word.start() + len(word.group().split()[0]))
    return any(_said_of_part(text, end, number, outcome) for end in parts)


def _count_first(text: str, number: NumberMention, numbers: _Numbers) -> Casualty | None:
    if _in_phrase(text, number):
        return None
    m = _AFTER_RE.match(text, number.end)
    if not m or _active_after(text, m.end(), numbers) or _is_group(text, number, numbers, m):
        return None
    gap = m.group("gap")
    if _VERB_IN_GAP_RE.search(gap) or (number.vague and _PARTITIVE_RE.match(gap)):
        return None
    inner = [n for n in numbers.starting_in(m.start(), m.end("gap")) if not _in_phrase(text, n)]
    # "two police officers and three firefighters were injured": both groups are counted
    joined = [n for n in inner if not n.vague and _AND_BEFORE_RE.search(text, m.start(), n.start)]
    inner = [n for n in inner if n not in joined]
    if inner and not (len(inner) == 1 and _said_of_part(text, number.end, inner[0], m)):
        return None
    word = _word(m, "outcome")
    qualifier, start = _qualifier(text, number, 0)
    count = _count(number) + sum(map(_count, joined)) + len(_AND_ONE_RE.findall(gap))
    return Casualty(text=text[start:m.end()], start=start, end=m.end(), count=count,
                    cls=_OUTCOME_OF[word], qualifier=qualifier, vague=number.vague, word=word)


def find_casualties(
    text: str, quantities: list[Quantity] | None = None, *, lang: str | None = None
) -> list[Casualty]:
    """Every count of people by outcome in `text`, with offsets into it, in order.

    `quantities` (from `find_quantities(text, lang=lang)`) may be passed when already computed;
    `lang` is the text's language (`Article.lang`), for how its numbers are written.
    """
    measured = find_quantities(text, lang=lang) if quantities is None else quantities
    found = [Casualty(text=m.group(), start=m.start(), end=m.end(), count=0,
                      cls=_OUTCOME_OF[_word(m, "outcome")], word=_word(m, "outcome"))
             for m in _NONE_RE.finditer(text)]
    everything = _Numbers(find_numbers(text, vague=True, lang=lang))
    # numbers inside a measure ("20 km", "45 minutes") or a "no one was hurt" are no head counts
    covered = {id(n) for span in [*((q.start, q.end) for q in measured if q.kind != "count"),
                                  *((c.start, c.end) for c in found)]
               for n in everything.starting_in(*span)}
    numbers = _Numbers([n for n in everything.all if id(n) not in covered and not is_label(text, n)])
    for number in numbers.all:
        if (number.value if number.low is None else number.low) % 1:
            continue  # people are counted in whole numbers: "1.3" is a measure or a misread
        if any(c.start <= number.start < c.end for c in found):
            continue  # a group joined to a count already read ("two officers and three firefighters")
        casualty = _outcome_first(text, number) or _count_first(text, number, numbers)
        if casualty is not None:
            found.append(casualty)
    found.sort(key=lambda c: c.start)
    return found
