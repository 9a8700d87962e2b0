"""Who wrote the story and from where: the dateline, the byline and the wire agency with the text
that proves it.

Wire copy is only claimed on positive evidence of authorship: an agency in the dateline
("BEIRUT (AP) --", "KATHMANDU – Reuters"), a lede sentence ending "Reuters reports", a byline naming
an agency, a trailing credit ("(c) AFP", "— KYODO", "(Reporting by ...; Editing by ...)",
"Associated Press writers ... contributed").  A citation ("told AFP", "according to Reuters",
"Anadolu Agency said", "the RIA news agency reported") or a photo credit never counts: citations
are read by `citations` for provenance, which keeps the two apart. A picture credit says who
took the picture; it credits words only when it closes the caption it belongs to
(`caption_credits`), and provenance reads that only where the caption is the article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.stages.clean.agencies import AGENCY, canonical_agency
from newsfuse.stages.clean.lines import capitalized_share, ends_sentence, words
from newsfuse.stages.clean.published import MONTH

_DATE_SEGMENT = re.compile(rf"^(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:\s*,?\s*(\d{{4}}))?$")
_YEAR = re.compile(r"^\d{4}$")
# A head ("PLACE, Region, Month Day") then "(Agency)" and an optional separator (Spanish and
# Catalan copy writes "Barcelona (EFE).-"), or a separator alone; the head is validated in code
# (`parse_dateline`).
_HEAD = r"^(?P<head>[^\W\d_][^()\n]{0,70}?)"
_WITH_AGENCY = re.compile(_HEAD + r"\s*\((?P<agency>[^()\n]{2,40})\)\s*(?P<sep>\.?(?:--|—|–|-)|:)?\s*")
_WITH_SEP = re.compile(_HEAD + r"(?:\s*(?P<sep>--|—|–|:)|\s+-(?=\s))\s*")
# Old Reuters style without a separator: "ANKARA Nov 24 The warplane ..."
_BARE_DATED = re.compile(rf"^(?P<head>[A-Z][A-Z .'’-]{{1,40}},?\s+{MONTH}\s+\d{{1,2}})\s+(?=[A-Z])")
# Upper-case kickers that open a lede like a place but are labels ("UPDATE:", "NEWS DESK (DİHA) -").
_KICKERS = frozenset(
    ("UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "WATCH", "VIDEO", "LIVE", "OPINION",
     "ANALYSIS", "EDITORIAL", "COMMENT", "NEWS", "NEWS DESK", "PHOTOS", "REVIEW", "INTERVIEW", "FACT CHECK",
     "EXPLAINER", "FEATURE")
)  # fmt: skip
_BYLINE = re.compile(r"^(?:by|written by|story by|words by|reporting by)[:\s]+(?P<name>.{2,100})$", re.I)
_LEDE_REPORTS = re.compile(
    rf"(?<![Tt]he )(?<!told )(?<![Tt]o )\b(?P<agency>{AGENCY})\s+(?:reports|reported|writes|wrote)\W*$"
)
_TRAILING = (
    re.compile(rf"^\(?\s*(?:\(c\)|©|copyright)\s*(?:\d{{4}}\s*)?(?P<agency>{AGENCY})\b", re.I),
    re.compile(rf"(?:\(c\)|©)\s*(?:\d{{4}}\s*)?(?P<agency>{AGENCY})(?:\s*\d{{4}})?\s*\)?\.?$"),
    re.compile(rf"(?:^|\s)[—–-]+\s*(?P<agency>{AGENCY})\s*\)?$"),
    re.compile(rf"\((?:sources?|via|with inputs? from|inputs)\s*:?\s*(?P<agency>{AGENCY})\s*\)", re.I),
    re.compile(rf"^\(?\s*(?P<agency>{AGENCY})\s*\)?$"),
)
_REUTERS_CREDIT = re.compile(
    r"\((?:Additional )?(?:Reporting|Writing) by [^)]*?(?:;|Editing by)[^)]*\)?", re.I
)
# A picture credit: "REUTERS/Jane Roe", "AP Photo/Jane Roe", "AFP PHOTO / JANE ROE".
PICTURE_CREDIT = re.compile(rf"(?<![\w-])(?P<agency>{AGENCY})(?:\s+(?i:photo))?\s*/\s*(?=[A-Z])")
# ... closing a paragraph: the photographer's name (a few capitalised words, maybe "/File"), an
# optional bracket, the end.
_CLOSING_CREDIT = re.compile(
    rf"\(?{PICTURE_CREDIT.pattern}[A-Z][\w.'’-]*(?:[ \t/]+[A-Z][\w.'’-]*){{0,4}}\)?[ \t]*$", re.MULTILINE
)
_AP_CONTRIB = re.compile(
    r"\b(?:The )?Associated Press (?:writers?|reporters?|correspondents?)\b.{0,300}?\bcontributed", re.I
)


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline: the place (or None), its date text, its agency and the matched text."""

    place: str | None
    date: str | None
    agency: str | None
    text: str


@dataclass(frozen=True)
class Wire:
    """A wire agency (or several, "AFP; AP") and the exact texts that show it."""

    agency: str
    evidence: str


def _is_caps_place(seg: str) -> bool:
    letters = [c for c in seg if c.isalpha()]
    return len(letters) >= 2 and seg.isupper() and len(words(seg)) <= 4 and seg.strip() not in _KICKERS


def _is_named(seg: str, max_words: int = 3) -> bool:
    ws = words(seg)
    return 0 < len(ws) <= max_words and all(w[0].isupper() for w in ws)


def _split_head(head: str) -> tuple[str | None, list[str], str | None]:
    """(place, region segments, date text) of a dateline head "PLACE, Region, Month Day, Year"."""
    segs = [s.strip() for s in head.split(",") if s.strip()]
    date_parts: list[str] = []
    while segs and (_DATE_SEGMENT.match(segs[-1]) or _YEAR.match(segs[-1])):
        date_parts.insert(0, segs.pop())
    if segs:
        # "ANKARA Nov 24" keeps its date inside the place segment.
        m = re.search(rf"\s+({MONTH}\s+\d{{1,2}})$", segs[0])
        if m and len(segs) == 1:
            date_parts.insert(0, m.group(1))
            segs[0] = segs[0][: m.start()]
    date = ", ".join(date_parts) or None
    if not segs:
        return None, [], date
    return segs[0], segs[1:], date


def _valid_place(place: str, regions: list[str], relaxed: bool) -> bool:
    """An upper-case place ("MAE SAI", "KATHMANDU, Nepal"), or a capitalised one when `relaxed`
    (an agency or a region-and-dash vouches for it: "Wolfsburg (AFP)", "Dekalb, Ill. —")."""
    if not all(_is_caps_place(r) or _is_named(r) for r in regions):
        return False
    return _is_caps_place(place) or (relaxed and _is_named(place))


def parse_dateline(line: str) -> Dateline | None:
    """The dateline at the start of a body line, or None.

    Accepts an upper-case place with an optional region, date and "(Agency)" followed by a dash or
    colon ("BEIRUT (AP) --", "LONDON, Nov 1 (Reuters) -", "MAE SAI, Thailand:"), a capitalised
    place vouched for by an agency or a region ("Wolfsburg (AFP)", "Dekalb, Ill. —"), a known agency
    after any short head ("July 2 (UPI) —") and the agency after the dash ("KATHMANDU – Reuters").
    """
    m = _BARE_DATED.match(line)
    if m:
        place, _, date = _split_head(m.group("head"))
        if place and _is_caps_place(place):
            return Dateline(place.strip(), date, None, m.group(0).strip())
    m = _WITH_AGENCY.match(line)
    if m:
        agency = canonical_agency(m.group("agency"), credit=True)
        place, regions, date = _split_head(m.group("head"))
        if place is not None and not _valid_place(place, regions, relaxed=agency is not None):
            place = None
        if agency is not None or (place is not None and m.group("sep")):
            return Dateline(place, date, agency, m.group(0).strip())
    m = _WITH_SEP.match(line)
    if m is None:
        return None
    place, regions, date = _split_head(m.group("head"))
    dash = m.group("sep") in {"—", "–", "--"}
    if place is None or not _valid_place(place, regions, relaxed=dash and bool(regions)):
        return None
    rest = line[m.end() :].strip()
    # "KATHMANDU – Reuters": the agency follows the separator and ends the line.
    tail = canonical_agency(rest, credit=True) if rest and len(words(rest)) <= 4 else None
    text = line.strip() if tail else m.group(0).strip()
    return Dateline(place, date, tail, text)


def parse_byline(line: str) -> str | None:
    """The name(s) of a byline line ("By Jane Doe, Associated Press" -> "Jane Doe, Associated Press")."""
    m = _BYLINE.match(line.strip())
    if m is None:
        return None
    name = m.group("name").strip()
    ws = words(name)
    if not 1 <= len(ws) <= 10 or (ends_sentence(name) and not name.endswith(("Jr.", "Sr."))):
        return None
    named = [w for w in ws if w.casefold() not in {"and", "of", "the", "in", "de", "van", "von", "al"}]
    if not named or capitalized_share(" ".join(named)) < 0.75:
        return None
    return name


def byline_agency(byline: str) -> str | None:
    """The agency a byline names as a whole or as its affiliation ("Jane Doe, Associated Press")."""
    whole = canonical_agency(byline, credit=True)
    if whole is not None:
        return whole
    m = re.search(rf"(?:,|\||/|\band\b|\bfor\b)\s*(?:the\s+)?({AGENCY})\s*$", byline)
    return canonical_agency(m.group(1), credit=True) if m else None


# A sentence end: not after an initial or a capital abbreviation ("U.S.", "J."), nor after a title.
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bGen)(?<!\bGov)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bCol)(?<!\bSgt)(?<!\bProf)[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])"
)


def first_sentence(paragraph: str) -> str:
    """The first sentence of a paragraph (up to the first . ! ? that ends a sentence)."""
    m = _SENTENCE_END.search(paragraph)
    return paragraph[: m.end()].strip() if m else paragraph.strip()


def lede_wire(paragraph: str) -> Wire | None:
    """'... , Reuters reports.' closing the lede's first sentence: the agency writing the story."""
    m = _LEDE_REPORTS.search(first_sentence(paragraph))
    if m is None:
        return None
    agency = canonical_agency(m.group("agency"), credit=True)
    return Wire(agency, m.group(0).strip(" ,.;:")) if agency else None


def trailing_wire(line: str) -> Wire | None:
    """A closing credit line naming the agency ("(c) AFP 2015", "— KYODO", "(Source: IANS)",
    Reuters' "(Reporting by ...; Editing by ...)", "Associated Press writers ... contributed")."""
    m = _REUTERS_CREDIT.search(line)
    if m:
        return Wire("Reuters", m.group(0))
    m = _AP_CONTRIB.search(line)
    if m:
        return Wire("AP", m.group(0))
    for pattern in _TRAILING:
        m = pattern.search(line)
        if m:
            agency = canonical_agency(m.group("agency"), credit=True)
            if agency:
                return Wire(agency, m.group(0).strip())
    return None


def caption_credits(text: str) -> list[tuple[int, Wire]]:
    """Every picture credit closing a line of `text` ("... in Montabaur, March 26, 2015.
    REUTERS/Jane Roe"), with the offset where it ends: what comes before it on its paragraph is
    the caption the agency wrote for its picture."""
    found = []
    for m in _CLOSING_CREDIT.finditer(text):
        agency = canonical_agency(m.group("agency"), credit=True)
        if agency:
            found.append((m.end(), Wire(agency, m.group(0).strip())))
    return found


def merge_wires(found: list[Wire]) -> Wire | None:
    """One `Wire` from several pieces of evidence, agencies in order of first appearance."""
    agencies: list[str] = []
    evidence: list[str] = []
    for w in found:
        if w.agency not in agencies:
            agencies.append(w.agency)
            evidence.append(w.evidence)
    if not agencies:
        return None
    return Wire("; ".join(agencies), " | ".join(evidence))
