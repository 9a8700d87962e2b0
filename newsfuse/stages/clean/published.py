"""The publication date: read from what the source says, never guessed, never after ingestion.

Sources in order of trust: the source's own field, the page metadata, the URL path
(/2015/11/01/, 20151101, /2015/nov/2/), a dateline with a full date, a "Published ..." line,
and last a date line near the top of the page (`date_from_top_lines`).  A date missing its year,
month or day is not completed from today's date: it is no date.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from dateutil import parser as dateutil_parser

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
# A line that is a date and little else ("November 1, 2015 Updated: November 1, 2015").
DATE_LINE = re.compile(
    rf"^\(?{_WEEKDAY}(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
    r"\b[^.!?]{0,50}$",
    re.IGNORECASE,
)
_DATE_PHRASE = re.compile(
    rf"{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
    re.IGNORECASE,
)
# "Published April 25, 2015 12:08PM", "Posted By: X on May 12, 2015": a page's own date stamp
# (a bare date line may be the day the page was crawled, so it is not one).
PUBLISHED_LINE = re.compile(r"^\W*(?:first )?(?:published|posted)\b", re.IGNORECASE)
# A page states its date under the title, before the story: "June 28, 2017", "By A. Writer, May 20,
# 2015", "date 2019-04-15 Fire engulfs...", "Agencies · PARIS · 25 MARCH 2015 · 15:20 CET".  Only
# a line that starts with the date (after bullets or a label) or a short line holding one counts:
# further in, a date is the event's own ("On September 14, 2015 the detectors...").
TOP_LINES = 5
SHORT_LINE = 60
_FULL_DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4})(?![\d/.-]\d)"
)
_ANY_DATE = re.compile(rf"(?<![\w/.-]){_FULL_DATE}", re.IGNORECASE)
_DATE_FIRST = re.compile(
    rf"^[\W_]*(?:(?:date|published|posted|updated)\b[\W_]*)?{_WEEKDAY}{_FULL_DATE}", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)[/_.-](0?[1-9]|1[0-2])[/_.-](0?[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)/([a-z]{3})[a-z]*/(0?[1-9]|[12]\d|3[01])(?!\d)", re.IGNORECASE),
    re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
)
_LEADING_WORDS = re.compile(
    r"^\W*(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?|date)\b\W*", re.IGNORECASE
)
# Two far-apart defaults: a part the text does not give comes out different under each.
_DEFAULTS = (datetime(1901, 1, 1, 0, 0), datetime(1902, 2, 2, 3, 7))
MIN_YEAR = 1900


def _ensure_utc(now: datetime | None) -> datetime:
    """`now` as an aware datetime: the current time when None, UTC when naive."""
    now = now or datetime.now(UTC)
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def _iso(moment: datetime | date, now: datetime) -> str | None:
    """ISO 8601 of `moment` (a date, or a UTC datetime with Z), or None when later than `now`."""
    if isinstance(moment, datetime):
        utc = moment.astimezone(UTC)
        return None if utc > now or utc.year < MIN_YEAR else utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    return None if moment > now.date() or moment.year < MIN_YEAR else moment.isoformat()


def parse_date(text: str | None, now: datetime | None = None) -> str | None:
    """ISO 8601 of a date written in `text` ("2015-11-01T10:00:00+02:00", "April 25, 2015 12:08PM"),
    or None when it lacks a full day, cannot be read, or is later than `now`.  When the whole text
    does not read as one date, its first date phrase is tried."""
    if not text or not text.strip():
        return None
    now = _ensure_utc(now)
    iso = _parse_whole(_LEADING_WORDS.sub("", text.strip())[:80], now)
    if iso is None:
        phrase = _DATE_PHRASE.search(text)
        iso = _parse_whole(phrase.group(0), now) if phrase else None
    return iso


def _parse_whole(cleaned: str, now: datetime) -> str | None:
    parsed: list[datetime] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for default in _DEFAULTS:
            try:
                parsed.append(dateutil_parser.parse(cleaned, default=default, fuzzy=True))
            except (ValueError, OverflowError, TypeError):
                return None
    a, b = parsed
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None
    has_time = (a.hour, a.minute) == (b.hour, b.minute)
    if has_time and a.tzinfo is not None:
        return _iso(a, now)
    return _iso(a.date(), now)


def _month_number(month: str) -> int:
    """1-12 from "11", "nov" or "November" (0, an invalid month, when it is neither)."""
    if month.isdigit():
        return int(month)
    name = month[:3].lower()
    return _MONTHS.index(name) + 1 if name in _MONTHS else 0


def date_from_url(url: str | None, now: datetime | None = None) -> str | None:
    """The date a URL path spells (/2015/11/01/, /2015-09/23/, /2015/nov/2/, 20151101), or None."""
    if not url:
        return None
    parts = urlsplit(url)
    where = parts.path + ("?" + parts.query if parts.query else "")
    now = _ensure_utc(now)
    for pattern in _URL_DATES:
        for m in pattern.finditer(where):
            year, month, day = m.groups()
            try:
                found = date(int(year), _month_number(month), int(day))
            except ValueError:
                continue
            iso = _iso(found, now)
            if iso is not None:
                return iso
    return None


def _numeric_date(phrase: str, now: datetime) -> str | None:
    """ISO of "27.3.2015" or "03/27/2015": day and month told apart by the one above 12; a date
    that reads both ways ("03/04/2015") is no date."""
    m = _NUMERIC_DATE.fullmatch(phrase)
    if m is None:
        return None
    a, b, year = (int(g) for g in m.groups())
    if a != b and a <= 12 and b <= 12:
        return None
    day, month = (a, b) if a > 12 else (b, a)
    try:
        return _iso(date(year, month, day), now)
    except ValueError:
        return None


def _line_dates(line: str, now: datetime) -> list[str]:
    """The dates a top line states: the one it starts with, or any in a short line."""
    if _DATE_FIRST.match(line):
        first = _ANY_DATE.search(line)
        found = [first] if first else []
    elif len(line.strip()) <= SHORT_LINE:
        found = list(_ANY_DATE.finditer(line))
    else:
        return []
    out = []
    for m in found:
        phrase = m.group(0)
        iso = _numeric_date(phrase, now) if _NUMERIC_DATE.fullmatch(phrase) else parse_date(phrase, now)
        if iso is not None:
            out.append(iso)
    return out


def date_from_top_lines(lines: Sequence[str], now: datetime | None = None) -> str | None:
    """The date a page states near its top: the earliest date of its first `TOP_LINES` non-empty
    lines, from a line that starts with it or a short line that holds it (the earliest, because
    the later stamps of a page are its updates or the day it was saved)."""
    now = _ensure_utc(now)
    top = [line for line in lines if line.strip()][:TOP_LINES]
    found = [iso for line in top for iso in _line_dates(line, now)]
    return min(found, key=lambda iso: iso[:10]) if found else None


def first_date(candidates: Iterable[str | None], now: datetime | None = None) -> str | None:
    """The first candidate text that reads as a full, not-future date, as ISO 8601."""
    for text in candidates:
        iso = parse_date(text, now)
        if iso is not None:
            return iso
    return None
