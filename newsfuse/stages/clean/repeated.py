"""Learned repetition: a short line that comes back on several pages of one outlet is page chrome
(a section name, a subscription prompt, a footer), whatever its wording.

Keys are scoped by outlet ("outlet<TAB>normalised line"), so one outlet's chrome never removes
another outlet's text.  Learning is one pass with a Counter: linear in the number of lines.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from newsfuse.stages.clean.lines import is_prose, normalize, words

MIN_PAGES = 3
MIN_SHARE = 0.05
MAX_WORDS = 14


def repeated_key(outlet: str, line: str) -> str:
    """The key of `line` on `outlet`'s pages in a learned set."""
    return f"{outlet.casefold()}\t{normalize(line)}"


def candidate(line: str) -> bool:
    """Only short lines that are not sentences can be learned as chrome (a news sentence that an
    outlet repeats in its background paragraphs must survive)."""
    n = len(words(line))
    return 0 < n <= MAX_WORDS and not is_prose(line)


def learn(pages: Iterable[tuple[str | None, Sequence[str]]]) -> frozenset[str]:
    """Keys of the lines seen on at least `MIN_PAGES` pages (and `MIN_SHARE` of the pages) of one
    outlet, from (outlet, lines) pairs; pages without an outlet teach nothing."""
    counts: Counter[str] = Counter()
    pages_per_outlet: Counter[str] = Counter()
    for outlet, lines in pages:
        if not outlet:
            continue
        pages_per_outlet[outlet.casefold()] += 1
        counts.update({repeated_key(outlet, x) for x in lines if candidate(x)})
    learned = set()
    for key, n in counts.items():
        outlet = key.split("\t", 1)[0]
        if n >= max(MIN_PAGES, math.ceil(MIN_SHARE * pages_per_outlet[outlet])):
            learned.add(key)
    return frozenset(learned)
