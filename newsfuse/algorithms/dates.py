"""Date and time expressions, resolved against the article's own date.

"Sunday" in an article of Monday 2015-11-02 is 2015-11-01 (the most recent Sunday on or before the
article date); "yesterday", "last week", "Nov. 1", "1 November 2015", "2015-11-01", "May 20", "in
November", "2015" and clock times ("2.15pm", "at 10.01", "12:35 GMT") are found with offsets.
Without an article date, relative expressions keep `value=None` and say what they were
(precision "weekday", "day", "week" ...).  A month or day written without its year takes the year
that puts it closest to the article date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from newsfuse.algorithms.numbers import CLOCK_RE, parse_number
from newsfuse.algorithms.years import reads_as_year
from newsfuse.model import DateMention

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}


def _names(words: object) -> str:
    # Capitalised or all-caps only: "may", "march" and "sun" are ordinary words in lower case.
    forms = sorted({f for w in words for f in (str(w).capitalize(), str(w).upper())}, key=len, reverse=True)
    return "|".join(forms)


_ABBREVIATED = [m for m in MONTHS if len(m) <= 4 and m not in ("june", "july")]
_MONTH = (r"(?P<month>" + _names(m for m in MONTHS if m not in _ABBREVIATED) + "|"
          + r"(?:" + _names(_ABBREVIATED) + r")\.?(?!\w))")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?P<weekday>" + _names(WEEKDAYS) + r")"
_REL = r"(?P<rel>last|next|this|past|coming)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("iso", r"\b" + _YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
        ("dmy", r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        ("mdy", r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
        ("my", r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b"),
        ("dm", r"\b" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?![A-Za-z])"),
        ("md", r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?![.:,]?\d)"),
        ("m", r"(?i:\b(?P<cue>in|since|until|till|by|from|during|through|throughout|early|late|mid|"
              r"last|next|this|of|end\s+of|beginning\s+of|start\s+of)[\s-]+)" + _MONTH + r"(?![A-Za-z])"),
        ("weekday", r"(?i:\b" + _REL + r"\s+)?\b" + _WEEKDAY + r"\b"),
        ("relative", r"(?i)\b(?P<word>yesterday|today|tonight|tomorrow|last\s+night|this\s+morning|"
                     r"this\s+afternoon|this\s+evening|the\s+day\s+before\s+yesterday)\b"),
        ("span", r"(?i)\b(?:earlier\s+)?(?P<rel>last|next|this|past)\s+(?P<span>week|month|year)\b"),
        ("ago", r"(?i)\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                r"(?P<span>day|week|month|year)s?\s+ago\b"),
        ("year", r"(?<![\d,./-])\b" + _YEAR + r"\b(?![\d/]|\s*[-–]\s*\d|-[A-Za-z]|\.\d)"
                 r"(?!\s+(?:feet|foot|ft|m|km|kilomet\w*|metres?|meters?|miles?|tons?|tonnes?|kg)\b)"),
    )
)
_NOON_RE = re.compile(r"(?i)\b(?:noon|midday|midnight)\b")
_CLOCK_PARTS_RE = re.compile(r"(?i)(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?")


def is_calendar_word(word: str) -> bool:
    """Whether a capitalised word names a month or weekday ("Nov.", "May", "Sunday")."""
    stripped = word.strip(".,;:")
    if not stripped or not stripped[0].isupper():
        return False
    return stripped.lower() in MONTHS or stripped.lower() in WEEKDAYS


def parse_anchor(published: str | date | None) -> date | None:
    """The article date from an ISO 8601 string ("2015-11-02T10:00:00Z", "2015-11-02"), or None."""
    if isinstance(published, datetime):
        return published.date()
    if published is None or isinstance(published, date):
        return published
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _closest_year(anchor: date, month: int, day: int) -> date | None:
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - anchor).days), default=None)


def _day(year: int | None, month: int, day: int, anchor: date | None) -> str | None:
    try:
        if year is not None:
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    resolved = _closest_year(anchor, month, day) if anchor else None
    return resolved.isoformat() if resolved else None


def _month_value(m: re.Match[str], anchor: date | None) -> str | None:
    """ "last November" is the latest November before the article's month, "next May" the first
    after it; a bare month is the one closest to the article date."""
    if anchor is None:
        return None
    month = MONTHS[m.group("month").lower().rstrip(".")]
    cue = (m.group("cue") or "").lower()
    if cue == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif cue == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        here = anchor.year * 12 + anchor.month
        year = min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: abs(y * 12 + month - here))
    return f"{year:04d}-{month:02d}"


def _weekday_value(m: re.Match[str], anchor: date | None) -> tuple[str | None, str]:
    if anchor is None:
        return None, "weekday"
    target = WEEKDAYS[m.group("weekday").lower()]
    rel = (m.group("rel") or "").lower()
    back = (anchor.weekday() - target) % 7
    if rel == "last" and back == 0:
        back = 7
    if rel in ("next", "coming"):
        return (anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)).isoformat(), "day"
    return (anchor - timedelta(days=back)).isoformat(), "day"


_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1,
                  "this morning": 0, "this afternoon": 0, "this evening": 0,
                  "the day before yesterday": -2}


def _shift(anchor: date, span: str, n: int) -> tuple[str, str]:
    """The day, week (its Monday), month or year `n` spans away from `anchor`."""
    if span == "day":
        return (anchor + timedelta(days=n)).isoformat(), "day"
    if span == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=n)
        return monday.isoformat(), "week"
    if span == "month":
        index = anchor.year * 12 + anchor.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return f"{anchor.year + n:04d}", "year"


def _resolve(kind: str, m: re.Match[str], anchor: date | None) -> tuple[str | None, str] | None:
    """Value and precision of one match, or None when it is not a real date (31 February)."""
    if kind == "iso":
        value = _day(int(m.group("year")), int(m.group("m")), int(m.group("d")), None)
        return (value, "day") if value else None
    if kind in ("dmy", "mdy", "dm", "md"):
        year = int(m.group("year")) if kind in ("dmy", "mdy") else None
        month, day = MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day"))
        if not 1 <= day <= 31:
            return None
        value = _day(year, month, day, anchor)
        return (value, "day") if value or year is None else None
    if kind == "my":
        return f"{int(m.group('year')):04d}-{MONTHS[m.group('month').lower().rstrip('.')]:02d}", "month"
    if kind == "m":
        return _month_value(m, anchor), "month"
    if kind == "weekday":
        return _weekday_value(m, anchor)
    if kind == "relative":
        offset = _RELATIVE_DAYS[re.sub(r"\s+", " ", m.group("word").lower())]
        return ((anchor + timedelta(days=offset)).isoformat() if anchor else None), "day"
    if kind == "span":
        step = {"last": -1, "past": -1, "next": 1, "this": 0}[m.group("rel").lower()]
        return _shift(anchor, m.group("span").lower(), step) if anchor else (None, m.group("span").lower())
    if kind == "ago":
        n = int(parse_number(m.group("n")) or 1) if m.group("n").lower() not in ("a", "an") else 1
        return _shift(anchor, m.group("span").lower(), -n) if anchor else (None, m.group("span").lower())
    return m.group("year"), "year"


def _clock_value(text: str) -> str | None:
    m = _CLOCK_PARTS_RE.search(text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    meridiem = (m.group(3) or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def find_dates(text: str, anchor: str | date | None = None) -> list[DateMention]:
    """Every date or time expression in `text`, resolved against `anchor` (the article's date)."""
    anchor_day = parse_anchor(anchor)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    for m in CLOCK_RE.finditer(text):
        value = _clock_value(m.group())
        if value:
            taken.append(m.span())
            found.append(DateMention(m.group(), m.start(), m.end(), value, "time"))
    for m in _NOON_RE.finditer(text):
        taken.append(m.span())
        value = "00:00" if m.group().lower() == "midnight" else "12:00"
        found.append(DateMention(m.group(), m.start(), m.end(), value, "time"))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start = m.start("month") if kind == "m" else m.start()
            if not free(start, m.end()) or (kind == "year" and not reads_as_year(text, start, m.end())):
                continue
            resolved = _resolve(kind, m, anchor_day)
            # an impossible date ("31 February") is still not read again as "February"
            taken.append((start, m.end()))
            if resolved is None:
                continue
            found.append(DateMention(text[start:m.end()], start, m.end(), resolved[0], resolved[1]))
    found.sort(key=lambda d: d.start)
    return found
