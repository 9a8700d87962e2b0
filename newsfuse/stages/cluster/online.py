"""The clustering loop: each article joins the best candidate story or founds a new one, a sweep
moves every article to the story that suits it best now that all are placed, and a last pass
joins groups of reports in one language to their story in another.

Articles come in the canonical order.  An article is scored only against the stories of the
earlier articles that share the most anchor weight with it (`index.py`), and only against those
whose dated reports lie within `window_days` of its own date.  It joins the one with the highest
cosine to its centroid when that cosine reaches `threshold`, else it founds a new story.  A sweep
then compares each article's cosine to its own story without it with its best other candidate:
it moves when another story suits it better, and leaves to found its own when no story reaches
`threshold` any more (all moves decided on the stories as the pass left them, so the decisions
can be spread over processes).  Last, each story whose languages another story lacks may join
it whole, smallest stories first, when their centroids reach `threshold` in the entity space
(names, numbers, codes, skeletons) and their dates are near.  A story's id is a hash of its
first article, so it keeps its id as long as that article stays first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import xxhash

from newsfuse.model import Story
from newsfuse.stages.cluster import titles
from newsfuse.stages.cluster.index import AnchorIndex
from newsfuse.stages.cluster.parallel import fork_chunks
from newsfuse.stages.cluster.profiles import Profile
from newsfuse.stages.cluster.titles import Headline
from newsfuse.stages.cluster.vectors import Vector

_ID_HEX = 12


@dataclass(frozen=True)
class ClusterParams:
    """The decision rule's settings (see `newsfuse.stages.cluster` for why these values).

    `threshold`: the least cosine between an article and a story's centroid for it to join;
    `window_days`: how far (in days) an article's date may lie from the dates of a story's
    reports; `candidates`: how many stories (those sharing the most anchor weight) are scored;
    `lookup_anchors`: how many of an article's anchors (the heaviest) find and index it;
    `max_postings`: anchors held by more articles than this are not looked up; `sweeps`: at most
    how many times every article is reconsidered after the first pass; `profile_limit`: how
    many keys a story's profile keeps; `workers`: processes for feature extraction (None: as
    many as the machine has, up to four, for batches of thousands); `semantic_weight` (w, off at
    0): with w > 0 an article's score against a story that holds its language is
    (1 - w) * that cosine + w * (s - `semantic_floor`) / (1 - `semantic_floor`), s being the
    cosine of its sentence embedding to the story's mean embedding (the optional `semantic`
    extra, `semantic.py`), so that a semantic cosine at the floor adds nothing.
    """

    threshold: float = 0.1
    window_days: int = 3
    candidates: int = 6
    lookup_anchors: int = 64
    max_postings: int = 5000
    sweeps: int = 1
    profile_limit: int = 512
    workers: int | None = None
    semantic_weight: float = 0.0
    semantic_floor: float = 0.0


def story_id(founder: str) -> str:
    """The id of a story whose first article is `founder`."""
    return "s-" + xxhash.xxh3_64_hexdigest(founder.encode("utf-8"))[:_ID_HEX]


def _heaviest_anchors(anchor: np.ndarray, weights: np.ndarray, limit: int) -> np.ndarray:
    """Where the `limit` heaviest anchors are among an article's or a profile's keys (in key order)."""
    at = np.flatnonzero(anchor)
    if len(at) > limit:
        at = np.sort(at[np.argsort(-weights[at], kind="stable")[:limit]])
    return at


def _near(story: tuple[int, int] | None, article: tuple[int, int] | None, window: int) -> bool:
    if story is None or article is None:
        return True
    return max(0, article[0] - story[1], story[0] - article[1]) <= window


@dataclass
class _Story:
    members: list[int] = field(default_factory=list)
    langs: dict[str, int] = field(default_factory=dict)
    days: tuple[int, int] | None = None
    profile: Profile = field(default_factory=Profile)
    meaning: np.ndarray | None = None


def _proposals_of(clusterer: Clusterer, start: int, stop: int) -> list[list[int]]:
    return clusterer.proposals(range(start, stop))


class Clusterer:
    """Places articles, given as vectors in the canonical order, into stories."""

    def __init__(self, ids: Sequence[str], vectors: Sequence[Vector], headlines: Sequence[Headline],
                 params: ClusterParams, workers: int = 1, embeddings: np.ndarray | None = None) -> None:
        """`embeddings`: the articles' unit sentence embeddings (one row each), which the score
        blends in when `params.semantic_weight` is above 0."""
        self.ids, self.vectors, self.headlines, self.params = ids, vectors, headlines, params
        self.embeddings = embeddings if params.semantic_weight > 0 else None
        self.workers = workers
        self.lookups = [_heaviest_anchors(v.anchor, v.full, params.lookup_anchors).astype(np.uint16)
                        for v in vectors]
        self.index = AnchorIndex([v.keys[at] for v, at in zip(vectors, self.lookups, strict=True)],
                                 params.max_postings)
        self.story_of = np.full(len(vectors), -1, dtype=np.int64)
        self.stories: list[_Story] = []

    def _score(self, number: int, m: int, *, own: bool = False) -> float:
        """Article `m`'s score against story `number` (`own`: the story holds `m`, left out)."""
        story, vector = self.stories[number], self.vectors[m]
        others = story.langs.get(vector.lang, 0) - (1 if own else 0)
        lexical = story.profile.cosine(vector, entity=others <= 0, without=own)
        if self.embeddings is None or others <= 0 or story.meaning is None:
            return lexical
        mine = self.embeddings[m]
        mean = story.meaning - mine if own else story.meaning
        norm = float(np.sqrt(mean @ mean))
        semantic = float(mine @ mean) / norm if norm > 1e-12 else 0.0
        w, floor = self.params.semantic_weight, self.params.semantic_floor
        return (1 - w) * lexical + w * (semantic - floor) / (1 - floor)

    def _best(self, m: int, before: int, exclude: int = -1) -> tuple[int | None, float]:
        vector, at = self.vectors[m], self.lookups[m]
        best, best_score = None, self.params.threshold
        for number in self.index.candidates(vector.keys[at], vector.full[at], self.story_of, before,
                                            self.params.candidates):
            story = self.stories[number]
            if number == exclude or not story.members or not _near(story.days, vector.days,
                                                                   self.params.window_days):
                continue
            score = self._score(number, m)
            if score > best_score or (best is None and score == best_score):
                best, best_score = number, score
        return best, best_score

    def _join(self, m: int, number: int) -> None:
        vector, story = self.vectors[m], self.stories[number]
        self.story_of[m] = number
        story.members.append(m)
        story.langs[vector.lang] = story.langs.get(vector.lang, 0) + 1
        if vector.days is not None:
            story.days = vector.days if story.days is None else (
                min(story.days[0], vector.days[0]), max(story.days[1], vector.days[1]))
        story.profile.add(vector, self.params.profile_limit)
        if self.embeddings is not None:
            mine = self.embeddings[m].astype(np.float64)
            story.meaning = mine if story.meaning is None else story.meaning + mine

    def _leave(self, m: int) -> None:
        vector = self.vectors[m]
        story = self.stories[int(self.story_of[m])]
        story.members.remove(m)
        story.langs[vector.lang] -= 1
        story.profile.remove(vector)
        if story.meaning is not None and self.embeddings is not None:
            story.meaning = story.meaning - self.embeddings[m]
        days = [d for i in story.members if (d := self.vectors[i].days) is not None]
        story.days = (min(d[0] for d in days), max(d[1] for d in days)) if days else None

    def _new_story(self) -> int:
        self.stories.append(_Story())
        return len(self.stories) - 1

    def proposals(self, articles: range) -> list[list[int]]:
        """For each of `articles`, the story it would move to now (empty: none; -1: a story of
        its own): the best other story if it suits the article better than its own does without
        it, or out if its own no longer reaches the threshold."""
        out: list[list[int]] = []
        for m in articles:
            current = int(self.story_of[m])
            alone = len(self.stories[current].members) == 1
            own = -1.0 if alone else self._score(current, m, own=True)
            best, score = self._best(m, len(self.vectors), exclude=current)
            if best is not None and score > own:
                out.append([best])
            elif own < self.params.threshold and not alone:
                out.append([-1])
            else:
                out.append([])
        return out

    def _sweep(self) -> int:
        """Move every article that wants to, all decided on the stories as they stand (so the
        decisions can be taken in parallel and do not depend on each other's order)."""
        moves = fork_chunks(_proposals_of, self, len(self.vectors), self.workers)
        moved = 0
        for m, move in enumerate(moves):
            for target in move:
                self._leave(m)
                self._join(m, self._new_story() if target < 0 else target)
                moved += 1
        return moved

    def _story_candidates(self, number: int) -> list[int]:
        """The stories whose articles share the most anchor weight with story `number`'s profile."""
        profile = self.stories[number].profile
        at = _heaviest_anchors(profile.anchor, profile.full, self.params.lookup_anchors)
        return self.index.candidates(profile.keys[at], profile.full[at], self.story_of, len(self.vectors),
                                     self.params.candidates + 1)

    def _merge_across_languages(self) -> None:
        """Join each story to the best bigger story, within the time window, that holds none of its
        languages, when their centroids reach `threshold` in the entity space (smallest stories
        first).  Reports in one language meet each other on their words before they meet their
        story on its names: the group then holds together and the sweep moves none of them."""
        order = sorted((n for n, s in enumerate(self.stories) if s.members),
                       key=lambda n: (len(self.stories[n].members), self.stories[n].members[0]))
        for n in order:
            story = self.stories[n]
            mine = {lang for lang, k in story.langs.items() if k > 0}
            best, best_score = None, self.params.threshold
            for t in self._story_candidates(n):
                other = self.stories[t]
                if (t == n or len(other.members) < len(story.members)
                        or any(other.langs.get(lang, 0) > 0 for lang in mine)
                        or not _near(story.days, other.days, self.params.window_days)):
                    continue
                score = story.profile.similarity(other.profile, entity=True)
                if score > best_score:
                    best, best_score = t, score
            if best is not None:
                for m in list(story.members):
                    self._leave(m)
                    self._join(m, best)

    def _title(self, story: _Story) -> str:
        """The headline of the story's most central report in its most common language."""
        lang = max(story.langs, key=lambda k: (story.langs[k], k))
        members = [i for i in story.members if self.vectors[i].lang == lang]
        number = int(self.story_of[members[0]])
        central = [self._score(number, i, own=len(story.members) > 1) for i in members]
        return titles.best([self.headlines[i] for i in members], central).text

    def run(self) -> list[Story]:
        """Place every article, sweep, and return the stories, titled, biggest first (ties: the
        earliest first article)."""
        for m in range(len(self.vectors)):
            number, _ = self._best(m, m)
            self._join(m, self._new_story() if number is None else number)
        for _ in range(self.params.sweeps):
            if not self._sweep():
                break
        self._merge_across_languages()
        stories = [s for s in self.stories if s.members]
        for story in stories:
            story.members.sort()
        stories.sort(key=lambda s: (-len(s.members), s.members[0]))
        out: list[Story] = []
        used: set[str] = set()
        for s in stories:
            base = sid = story_id(self.ids[s.members[0]])
            n = 1
            while sid in used:
                n += 1
                sid = f"{base}-{n}"
            used.add(sid)
            title = self._title(s)
            out.append(Story(sid, title, tuple(self.ids[i] for i in s.members)))
        return out
