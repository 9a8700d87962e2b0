"""Title and dek (standfirst) at the top of an article's lines.

A title is the first line left after the page chrome when it reads as a headline: short, no final
period, starting like a heading.  A dek is the next line when it reads as a standfirst: a longer
summary line without a final period (so a news sentence is never taken for one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.stages.clean.attribution import parse_byline, parse_dateline
from newsfuse.stages.clean.lines import Line, capitalized_share, normalize, words

_OPENING = re.compile(r"^[\"'“‘(\[]?[^\W_a-z]", re.UNICODE)
_NO_END = (".", ",", ";", ":", "-", "–", "—", "|", "/")
TITLE_WORDS = (4, 25)
DEK_WORDS = (6, 50)


def _starts_body(text: str) -> bool:
    return parse_dateline(text) is not None or parse_byline(text) is not None


def looks_like_title(text: str) -> bool:
    """A headline: 4-25 words, opens like a heading, no final period or dangling punctuation."""
    n = len(words(text))
    return (
        TITLE_WORDS[0] <= n <= TITLE_WORDS[1]
        and len(text) <= 220
        and bool(_OPENING.match(text))
        and not text.rstrip().endswith(_NO_END)
        and not _starts_body(text)
    )


def looks_like_dek(text: str) -> bool:
    """A standfirst: a summary line of 6-50 words in sentence case without a final period."""
    n = len(words(text))
    return (
        DEK_WORDS[0] <= n <= DEK_WORDS[1]
        and bool(_OPENING.match(text))
        and not text.rstrip().endswith((*_NO_END, "!", "?", "…", '"', "”"))
        and capitalized_share(text) < 0.6
        and not _starts_body(text)
    )


def find_title(
    lines: Sequence[Line], kept: Sequence[bool], given_title: str | None = None, detect: bool = True
) -> int | None:
    """Index of the title line: the first kept line when it equals `given_title` (from the
    source), or, with no given title and `detect`, when it looks like a headline."""
    first = next((i for i, k in enumerate(kept) if k), None)
    if first is None:
        return None
    if given_title:
        return first if normalize(lines[first].text) == normalize(given_title) else None
    return first if detect and looks_like_title(lines[first].text) else None


def find_dek(
    lines: Sequence[Line],
    kept: Sequence[bool],
    title: int | None,
    given_dek: str | None = None,
    detect: bool = True,
) -> int | None:
    """Index of the dek line: the first kept line after the title, in another paragraph and with
    more text after it, when it equals `given_dek` or (with `detect` and a title) looks like a
    standfirst."""
    rest = [i for i, k in enumerate(kept) if k and (title is None or i > title)]
    if len(rest) < 2 or (title is not None and lines[rest[0]].block == lines[title].block):
        return None
    candidate = lines[rest[0]].text
    if given_dek:
        return rest[0] if normalize(candidate) == normalize(given_dek) else None
    return rest[0] if detect and title is not None and looks_like_dek(candidate) else None


_SEPARATORS = r"\s*[|–—:·»\-]\s*"


def strip_site_name(title: str, names: Sequence[str | None]) -> str:
    """`title` without a leading or trailing site name ("Story title | Site" -> "Story title")."""
    for name in names:
        if not name:
            continue
        escaped = re.escape(name.strip())
        for pattern in (rf"^{escaped}{_SEPARATORS}(?=\S)", rf"(?<=\S){_SEPARATORS}{escaped}$"):
            stripped = re.sub(pattern, "", title, flags=re.IGNORECASE).strip()
            if stripped != title and len(words(stripped)) >= 2:
                return stripped
    return title
