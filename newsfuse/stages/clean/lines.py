"""Line primitives shared by the cleaning rules: splitting a text into paragraph blocks of lines,
normalising a line for comparison, and telling prose (a news sentence) from a label."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

WORD = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)
# A sentence ends in . ! ? or … possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)
PROSE_WORDS = 8


@dataclass(frozen=True)
class Line:
    """One non-empty input line (stripped), its paragraph block and its position."""

    text: str
    block: int
    index: int


def split_lines(text: str, one_per_line: bool = False) -> list[Line]:
    """Split `text` into stripped non-empty lines; a blank line starts a new block (paragraph),
    and so does every line when `one_per_line` (extracted HTML: one paragraph per line)."""
    out: list[Line] = []
    block = 0
    gap = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        if (gap or one_per_line) and out:
            block += 1
        gap = False
        out.append(Line(stripped, block, len(out)))
    return out


def normalize(line: str) -> str:
    """A comparison key for a line: NFKC, case-folded, numbers as 0, spaces and edge punctuation
    squeezed, so that "12 Comments" and "3 comments:" compare equal."""
    s = unicodedata.normalize("NFKC", line).casefold()
    s = _DIGITS.sub("0", s)
    s = _EDGE_PUNCT.sub("", s)
    return _SPACE.sub(" ", s).strip()


def words(line: str) -> list[str]:
    """The words of a line (letters and digits, with inner apostrophes, dots and hyphens)."""
    return WORD.findall(line)


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (final . ! ? … before closing quotes/brackets)."""
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_prose(line: str) -> bool:
    """A line that reads as a news sentence: ends like a sentence and has enough words."""
    return ends_sentence(line) and len(words(line)) >= PROSE_WORDS


def is_label(line: str, max_words: int = 14) -> bool:
    """A short line that is not a sentence: a heading, a tag, a link text, a credit."""
    n = len(words(line))
    return 0 < n <= max_words and not ends_sentence(line)


def capitalized_share(line: str) -> float:
    """Share of the alphabetic words that start with a capital (1.0 for Title Case headings)."""
    alpha = [w for w in words(line) if w[0].isalpha()]
    if not alpha:
        return 0.0
    return sum(w[0].isupper() for w in alpha) / len(alpha)
