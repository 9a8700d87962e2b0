"""Votes for one name across a story's articles, shared by the event's fields.

Each article votes once per name (its best weight), so ten sentences of one outlet do not outweigh
three outlets; the surface forms are tallied to choose the name shown, and the best sentence is
kept as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfuse.algorithms.aliases import alias_key
from newsfuse.model import Evidence, Sentence

_ACRONYM_DOTS = re.compile(r"(?<=\b[A-Z])\.")
_INITIAL = re.compile(r"\s[A-Z]\.?(?=\s)")


def is_acronym(name: str) -> bool:
    """"ISIL", "U.S.", "SOHR": a name written as capitals only."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and " " not in name.strip()


def name_key(name: str) -> str:
    """`alias_key` of a name with acronym dots and middle initials dropped ("U.S. EPA" = "US EPA",
    "Barry C. Barish" = "Barry Barish")."""
    return alias_key(_INITIAL.sub("", _ACRONYM_DOTS.sub("", name)))


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


@dataclass
class Votes:
    """The votes for one alias key: best weight per article, weight per surface form, evidence."""

    weights: dict[str, float] = field(default_factory=dict)
    forms: dict[str, float] = field(default_factory=dict)
    best: tuple[float, Sentence, str] | None = None

    def add(
        self, article: str, weight: float, form: str, sentence: Sentence | None, quote: str | None = None
    ) -> None:
        """One mention of the name, as `form`, in `sentence` of `article`, with `weight`; `quote` is
        the words that show it (the form itself by default)."""
        self.weights[article] = max(self.weights.get(article, 0.0), weight)
        self.forms[form] = self.forms.get(form, 0.0) + weight
        if sentence is not None and (self.best is None or weight > self.best[0]):
            self.best = (weight, sentence, quote or form)

    def absorb(self, other: Votes) -> None:
        """Take `other`'s votes: it names the same thing."""
        for article, weight in other.weights.items():
            self.weights[article] = max(self.weights.get(article, 0.0), weight)

    @property
    def score(self) -> float:
        return sum(self.weights.values())

    @property
    def name(self) -> str:
        """The form to show: spelled out before an acronym, a name of several words before one of
        one word ("Islamic State" before "Daesh", "Martin Winterkorn" before "Winterkorn"), then
        the most used, then the shortest."""
        return max(self.forms, key=lambda f: (not is_acronym(f), " " in f.strip(), self.forms[f], -len(f)))

    def evidence(self, field_name: str) -> Evidence | None:
        """The best sentence naming it, as evidence for `field_name`."""
        if self.best is None:
            return None
        _, sentence, quote = self.best
        return Evidence(field_name, self.name, sentence.span, quote)


def ranked(votes: dict[str, Votes], *, share: float, limit: int) -> list[tuple[str, Votes]]:
    """The keys with at least `share` of the top score, best first, at most `limit`."""
    order = sorted(votes.items(), key=lambda kv: (-kv[1].score, kv[1].name))
    if not order:
        return []
    floor = order[0][1].score * share
    return [kv for kv in order if kv[1].score >= floor][:limit]


def merge_short_names(votes: dict[str, Votes]) -> None:
    """Fold a one-word name into the one longer name it abbreviates: a word of it ("Winterkorn" ->
    "Martin Winterkorn", "Observatory" -> "Syrian Observatory for Human Rights") or its initials
    ("EPA" -> "Environmental Protection Agency"). Ambiguous short names stay as they are."""
    for key in [k for k, v in votes.items() if " " not in v.name.strip()]:
        word = votes[key].name.replace(".", "")
        longer = []
        for k, v in votes.items():
            words = v.name.replace(".", "").split()
            if k == key or len(words) < 2:
                continue
            caps = _initials(words)
            if word.lower() in (w.lower() for w in words) or (is_acronym(word) and caps.endswith(word)):
                longer.append(k)
        if len(longer) == 1:
            votes[longer[0]].absorb(votes.pop(key))
