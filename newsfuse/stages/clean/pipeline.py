"""Document -> Article: main text without page chrome, with honest metadata.

`prepare` does the per-page work that does not depend on other pages (HTML extraction, splitting
into lines, the outlet); `learn_repeated_lines` looks across pages; `finish` removes boilerplate,
finds title, dek, byline, dateline, wire, date and language, and assembles the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import py3langid

from newsfuse.model import Article, Document, Removed
from newsfuse.stages.clean import attribution as attr
from newsfuse.stages.clean.boilerplate import classify
from newsfuse.stages.clean.headline import find_dek, find_title, strip_site_name
from newsfuse.stages.clean.html_text import Extraction, extract_html
from newsfuse.stages.clean.lines import Line, normalize, split_lines, words
from newsfuse.stages.clean.published import PUBLISHED_LINE, date_from_top_lines, date_from_url, first_date
from newsfuse.stages.clean.repeated import learn, repeated_key

_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
BYLINE_WINDOW = 6
TRAILER_LINES = 4
DATELINE_WINDOW = 3
LANG_SAMPLE = 5000
_NOT_EVIDENCE = frozenset({"caption", "photo-credit", "title", "related", "repeated"})


@dataclass(frozen=True)
class Prepared:
    """A document split into lines, with what its page says about itself."""

    doc: Document
    lines: tuple[Line, ...]
    url: str | None
    outlet: str | None
    extraction: Extraction | None = None


def url_host(url: str | None) -> str | None:
    """The host of `url` without "www." / "m." / "amp." (None when there is no usable host)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host


def prepare(doc: Document) -> Prepared:
    """Extract (HTML) and split a document; find its outlet (given, site name, URL host)."""
    url = doc.url or doc.fields.get("url") or None
    extraction = extract_html(doc.content, url) if doc.kind == "html" else None
    text = extraction.text if extraction else doc.content
    lines = tuple(split_lines(text, one_per_line=extraction is not None))
    outlet = doc.fields.get("outlet") or (extraction.sitename if extraction else None) or url_host(url)
    return Prepared(doc, lines, url, outlet or None, extraction)


def learn_repeated_lines(docs: Iterable[Document]) -> frozenset[str]:
    """Lines repeated on several pages of one outlet (page chrome), as keys for `clean`.

    The outlet of a page is its given outlet, else its site name, else its URL host; keys are
    scoped by outlet (see `repeated.repeated_key`).  HTML documents are extracted to find their
    lines; `clean_all` does this once for both steps.
    """
    return learn_prepared(prepare(d) for d in docs)


def learn_prepared(prepared: Iterable[Prepared]) -> frozenset[str]:
    """`learn_repeated_lines` over documents already prepared (extracted and split)."""
    return learn((p.outlet, [x.text for x in p.lines]) for p in prepared)


def clean(doc: Document, *, now: datetime | None = None, repeated: frozenset[str] = frozenset()) -> Article:
    """Clean one document into an article (see `finish`)."""
    return finish(prepare(doc), now=now, repeated=repeated)


def clean_all(docs: Sequence[Document], *, now: datetime | None = None) -> list[Article]:
    """Clean a batch: learn each outlet's repeated chrome across the batch, then clean every page
    (each HTML page is extracted once)."""
    prepared = [prepare(d) for d in docs]
    repeated = learn_prepared(prepared)
    return [finish(p, now=now, repeated=repeated) for p in prepared]


def _given_title(p: Prepared) -> str | None:
    """The title the source gives: its field, else the page's title without the site name."""
    if p.doc.fields.get("title"):
        return p.doc.fields["title"]
    if p.extraction is None or not p.extraction.title:
        return None
    host = url_host(p.url)
    return strip_site_name(p.extraction.title, [p.extraction.sitename, p.outlet, host])


def _byline(lines: Sequence[Line], reasons: list[str | None], start: int) -> str | None:
    """The name of the first byline line among the first kept lines from `start` (marked)."""
    seen = 0
    for i in range(start, len(lines)):
        if reasons[i] is not None:
            continue
        name = attr.parse_byline(lines[i].text)
        if name is not None:
            reasons[i] = "byline"
            return name
        seen += 1
        if seen >= BYLINE_WINDOW:
            break
    return None


def _lede(lines: Sequence[Line], body: list[int]) -> tuple[str, attr.Dateline | None]:
    """The lede paragraph and its dateline: the first body line's, or an agency dateline a few
    lines down (after a dek, a second headline or a caption left in the text)."""
    for n, i in enumerate(body[:DATELINE_WINDOW]):
        dateline = attr.parse_dateline(lines[i].text)
        if dateline is not None and (n == 0 or dateline.agency):
            return _paragraph(lines, body, i), dateline
    return (_paragraph(lines, body, body[0]) if body else ""), None


def _paragraph(lines: Sequence[Line], body: list[int], at: int) -> str:
    """The kept lines of the block of line `at`, joined."""
    return " ".join(lines[i].text for i in body if lines[i].block == lines[at].block)


def _lang(text: str) -> str | None:
    """ISO 639-1 code of the text's language (its opening is enough), None for under 3 words."""
    sample = text[:LANG_SAMPLE]
    if len(words(sample)) < 3:
        return None
    code, _ = py3langid.classify(sample)
    return code or None


def _assemble(lines: Sequence[Line], keep: Sequence[bool]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Kept lines joined: lines of one block by a newline, blocks by a blank line."""
    blocks: list[list[str]] = []
    last_block = None
    for line, k in zip(lines, keep, strict=True):
        if not k:
            continue
        if line.block != last_block:
            blocks.append([])
            last_block = line.block
        blocks[-1].append(line.text)
    text, spans, pos = [], [], 0
    for block in blocks:
        para = "\n".join(block)
        if text:
            pos += 2
        spans.append((pos, pos + len(para)))
        text.append(para)
        pos += len(para)
    return "\n\n".join(text), tuple(spans)


def finish(p: Prepared, *, now: datetime | None = None, repeated: frozenset[str] = frozenset()) -> Article:
    """Remove boilerplate lines (each kept in `removed` with its reason), take out the title, and
    read dek, byline, dateline, wire, date and language from what is left."""
    doc, lines, outlet = p.doc, p.lines, p.outlet
    reasons = classify(
        lines,
        lambda text: bool(outlet) and repeated_key(outlet, text) in repeated,
        captions=p.extraction is None,
    )
    title, title_text = _title(p, reasons)
    given_dek = doc.fields.get("dek") or (p.extraction.description if p.extraction else None)
    dek = find_dek(lines, [r is None for r in reasons], title, given_dek, detect=p.extraction is None)
    found_byline = _byline(lines, reasons, 0 if title is None else title + 1)
    given_byline = doc.fields.get("byline") or (p.extraction.author if p.extraction else None)

    keep = [r is None and i != title for i, r in enumerate(reasons)]
    body = [i for i, k in enumerate(keep) if k]
    lede, dateline = _lede(lines, body)
    closing = [i for i, r in enumerate(reasons) if r not in _NOT_EVIDENCE and i != title][-TRAILER_LINES:]
    wire = _wire(
        [b for b in (given_byline, found_byline) if b], dateline, lede, [lines[i].text for i in closing]
    )
    text, paragraphs = _assemble(lines, keep)
    return Article(
        id=doc.id,
        source=doc.source,
        text=text,
        url=p.url,
        outlet=outlet,
        title=title_text,
        dek=doc.fields.get("dek") or (lines[dek].text if dek is not None else None),
        published=_published(p, dateline, lines, reasons, now),
        byline=given_byline or found_byline,
        dateline=dateline.place if dateline else None,
        wire=wire.agency if wire else None,
        wire_evidence=wire.evidence if wire else None,
        lang=_lang(text or title_text or ""),
        removed=tuple(Removed(x.text, r) for x, r in zip(lines, reasons, strict=True) if r is not None),
        paragraphs=paragraphs,
        meta=dict(doc.extra),
    )


def _title(p: Prepared, reasons: list[str | None]) -> tuple[int | None, str | None]:
    """The title line (None when the title is not in the text) and the title; repeats of the title
    further down are marked as such."""
    given = _given_title(p)
    title = find_title(p.lines, [r is None for r in reasons], given, detect=p.extraction is None)
    text = given or (p.lines[title].text if title is not None else None)
    if text:
        key = normalize(text)
        for i, line in enumerate(p.lines):
            if i != title and reasons[i] is None and normalize(line.text) == key:
                reasons[i] = "title"
    return title, text


def _published(
    p: Prepared,
    dateline: attr.Dateline | None,
    lines: Sequence[Line],
    reasons: list[str | None],
    now: datetime | None,
) -> str | None:
    """The first date that the source field, page metadata, URL, dateline, a "Published ..."
    line or a date line at the top of the page gives."""
    stamps = [
        x.text
        for x, r in zip(lines, reasons, strict=True)
        if r == "metadata" and PUBLISHED_LINE.match(x.text)
    ]
    return (
        first_date([p.doc.fields.get("published"), p.extraction.date if p.extraction else None], now)
        or date_from_url(p.url, now)
        or first_date([dateline.date if dateline else None], now)
        or first_date(stamps, now)
        or date_from_top_lines([x.text for x in lines], now)
    )


def _wire(
    bylines: Sequence[str], dateline: attr.Dateline | None, lede: str, closing: Sequence[str]
) -> attr.Wire | None:
    """Every piece of wire evidence, in order: dateline, byline, lede, closing credits."""
    found: list[attr.Wire | None] = []
    if dateline is not None and dateline.agency:
        found.append(attr.Wire(dateline.agency, dateline.text))
    for byline in bylines:
        agency = attr.byline_agency(byline)
        found.append(attr.Wire(agency, byline) if agency else None)
    found.append(attr.lede_wire(lede))
    found.extend(attr.trailing_wire(line) for line in closing)
    return attr.merge_wires([w for w in found if w is not None])
