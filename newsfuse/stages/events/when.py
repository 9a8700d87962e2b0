"""When the event happened: the date the event's sentences give, voted across articles.

Mentions in the sentences whose trigger fired count fully; mentions in the rest of an article's
lede count half (they often date the event without naming it: "at the stadium on Saturday"),
and a date that dates a report rather than the event ("a monitor reported on Thursday") counts
half again. Each article offers its best mention of each precision: the heaviest, then the one
nearest the trigger ("began late on Saturday and by Sunday morning had taken over": Sunday).

A resolved day beats an unanchored weekday when the outlets that name a weekday without a date do
not outvote it with another weekday (those naming its own weekday back it), and a weekday beats a
month or a year; among equals the most supported value wins, then the earliest.

When articles carry publication dates, a day outside the week before the first of them (or after
the last) is another event's date ("the waves were detected on 14 September 2015" in news of
February 2016) and is set aside. Nothing is invented: a weekday with no article date to anchor it
stays the weekday.

A date standing at the very start of a text, alone or after a label ("date 2018-07-09 ...",
"Published: May 2, 2016"), is the page's date stamp: it dates the report, not the event, so it
does not vote; it bounds the news window like a publication date.

Some events are news when they are made public: a discovery is dated by its announcement ("scientists
announced Thursday the first observation of ..."), not by the observation it reports ("detected the
waves on September 14, 2015"). For those types (`DATED_BY_ANNOUNCEMENT`) the two roles swap: a date
after a reporting verb dates the event, and a date without one counts half, as background.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsfuse.model import Article, DateMention, EventDate, Evidence, Sentence
from newsfuse.stages.events.classify import Hit

# Lower is better; clock times say when in the day, not which day, and are skipped.
_PRECISION_RANK = {"day": 0, "weekday": 1, "week": 2, "month": 3, "year": 4}
_LEDE_SHARE = 0.5
_REPORT_SHARE = 0.5
_REPORTED = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|announces|told|confirmed|stated|added|claimed|"
    r"quoted|cited)\s+(?:on\s+|late\s+|early\s+|late\s+on\s+|early\s+on\s+)?$",
    re.IGNORECASE,
)
_NEWS_WINDOW = timedelta(days=7)
# Only label words (or nothing) stand before a date stamp at the start of a text.
_STAMP_LABEL = re.compile(
    r"\W*(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on|\s+at)?|dated?)?\W*",
    re.IGNORECASE,
)
# Event types whose date is the day they were made public (taxonomy ids).
DATED_BY_ANNOUNCEMENT = frozenset({"discovery"})
# A day mentioned only deep in the text (an old photo's caption, a background clause) does not take
# the votes of the outlets naming its weekday: it must be stated at least as prominently as a
# lede sentence does.
_BACKED_MIN = _LEDE_SHARE
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = re.compile("|".join(_WEEKDAYS), re.IGNORECASE)


@dataclass(frozen=True)
class _Candidate:
    order: tuple
    mention: DateMention
    sentence: Sentence
    weight: float


def _rank(m: DateMention) -> int:
    if m.value is None:
        return _PRECISION_RANK["weekday"] if m.precision == "weekday" else len(_PRECISION_RANK)
    return _PRECISION_RANK.get(m.precision, len(_PRECISION_RANK))


def _key(m: DateMention) -> tuple[int, str]:
    """What a mention votes for: its rank and its value (or, unanchored, its weekday: "Sunday")."""
    if m.value:
        return _rank(m), m.value
    weekday = _WEEKDAY.search(m.text)
    return _rank(m), weekday.group().capitalize() if weekday else m.text.strip()


def _usable(m: DateMention) -> bool:
    return m.precision in _PRECISION_RANK and (m.value is not None or m.precision == "weekday")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _is_stamp(m: DateMention, article: Article | None) -> bool:
    """Whether `m` is the date stamp opening its article's text ("date 2018-07-09 ..."): a written
    date, not a word ("Sunday's attack ..." opens with the event's day)."""
    return (article is not None and m.precision == "day" and any(c.isdigit() for c in m.text)
            and _STAMP_LABEL.fullmatch(article.text, 0, m.start) is not None)


def _news_window(days: Sequence[date]) -> tuple[date, date] | None:
    """The days a date of this news can fall on, from the days the reports were published."""
    return (min(days) - _NEWS_WINDOW, max(days)) if days else None


def _report_days(
    sentences: Sequence[tuple[Sentence, float]], articles: Mapping[str, Article]
) -> list[date]:
    """Each article's publication day, else the day its date stamp gives."""
    days = {i: d for i, a in articles.items() if (d := _day(a.published))}
    for s, _ in sentences:
        for m in s.dates:
            if s.article not in days and _is_stamp(m, articles.get(s.article)):
                stamped = _day(m.value)
                if stamped:
                    days[s.article] = stamped
    return list(days.values())


def _plausible(m: DateMention, window: tuple[date, date] | None) -> bool:
    day = _day(m.value) if m.precision == "day" else None
    return window is None or day is None or window[0] <= day <= window[1]


def _distance(m: DateMention, sentence: Sentence, trigger: tuple[int, int] | None) -> int:
    if trigger is None:
        return len(sentence.text)
    lo, hi = m.start - sentence.start, m.end - sentence.start
    return max(lo - trigger[1], trigger[0] - hi, 0)


def event_date(
    hits: Sequence[Hit],
    sentences: Sequence[tuple[Sentence, float]],
    articles: Mapping[str, Article],
) -> tuple[EventDate | None, tuple[Evidence, ...]]:
    """The event's date from its hits (one per sentence) and lede `sentences`, with evidence."""
    triggers = {(h.unit.article, h.unit.sentence.start): (h.start, h.end) for h in hits if h.unit.sentence}
    announced = bool(hits) and hits[0].type in DATED_BY_ANNOUNCEMENT
    window = _news_window(_report_days(sentences, articles))
    best: dict[tuple[str, int], _Candidate] = {}
    for s, weight in sentences:
        trigger = triggers.get((s.article, s.start))
        for m in s.dates:
            if not _usable(m) or not _plausible(m, window) or _is_stamp(m, articles.get(s.article)):
                continue
            w = weight * (1.0 if trigger else _LEDE_SHARE)
            if bool(_REPORTED.search(s.text[: m.start - s.start])) != announced:
                w *= _REPORT_SHARE
            order = (-w, _distance(m, s, trigger))
            current = best.get((s.article, _rank(m)))
            if current is None or order < current.order:
                best[(s.article, _rank(m))] = _Candidate(order, m, s, w)
    if not best:
        return None, ()
    votes: dict[tuple[int, str], float] = {}
    for c in best.values():
        votes[_key(c.mention)] = votes.get(_key(c.mention), 0.0) + c.weight
    rank, value = _choose(votes)
    chosen = [c for c in best.values() if _key(c.mention) in {(rank, value), *_consistent(rank, value)}]
    evidence = tuple(Evidence("when", value, c.sentence.span, c.mention.text) for c in chosen)
    precision = next(c.mention.precision for c in chosen if _key(c.mention) == (rank, value))
    return EventDate(value, precision), evidence


def _consistent(rank: int, value: str) -> set[tuple[int, str]]:
    """The unanchored weekday a resolved day agrees with (2015-11-01 and "Sunday")."""
    day = _day(value) if rank == _PRECISION_RANK["day"] else None
    return {(_PRECISION_RANK["weekday"], _WEEKDAYS[day.weekday()])} if day else set()


def _choose(votes: dict[tuple[int, str], float]) -> tuple[int, str]:
    """The (rank, value) to report. A resolved day is backed by the outlets that name its weekday
    without a date, and must not be outvoted by those naming another weekday; otherwise the finest
    precision with votes wins, the most supported value first, then the earliest."""
    def support(key: tuple[int, str]) -> float:
        if votes[key] < _BACKED_MIN:
            return votes[key]
        return votes[key] + sum(votes.get(k, 0.0) for k in _consistent(*key))

    day_rank, weekday_rank = _PRECISION_RANK["day"], _PRECISION_RANK["weekday"]
    days = sorted((k for k in votes if k[0] == day_rank), key=lambda k: (-support(k), k[1]))
    weekdays = sorted((k for k in votes if k[0] == weekday_rank), key=lambda k: (-votes[k], k[1]))
    if days:
        rivals = [k for k in weekdays if k not in _consistent(*days[0])]
        if not rivals or support(days[0]) >= votes[rivals[0]]:
            return days[0]
        return rivals[0]
    top = min(r for r, _ in votes)
    return min((k for k in votes if k[0] == top), key=lambda k: (-votes[k], k[1]))
