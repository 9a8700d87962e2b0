"""Main text and metadata of an HTML page, with trafilatura.

A news page's main text is prose; reader comments are not part of it, and a precision-leaning pass
keeps teasers and widgets out.  When that pass finds nothing (some layouts defeat it), a
recall-leaning pass runs instead, so a page with an article never comes out empty.

Some layouts cut the article body into several containers of one class, with ads or embeds in
between; the extractor then keeps only one of them.  `recover_split_body` puts back the prose
paragraphs of the sibling containers.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace

import trafilatura
from lxml import etree
from trafilatura.settings import set_date_params

from newsfuse.stages.clean.lines import is_prose

# trafilatura logs every page it finds hard to parse; a batch reports skips itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Extraction:
    """What trafilatura found on a page: main text (one paragraph per line) and metadata."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None


def _run(html: str, url: str | None, **options: bool) -> Extraction | None:
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            with_metadata=True,
            # dates from the page's metadata and markup only, not guessed from its free text
            date_extraction_params=set_date_params(extensive=False),
            **options,
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    return Extraction(
        text=doc.text,
        title=doc.title or None,
        author=doc.author or None,
        date=doc.date or None,
        sitename=doc.sitename or None,
        description=doc.description or None,
    )


_SPACE = re.compile(r"\s+")
MIN_MATCHED = 2


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _class_of(element: etree._Element | None) -> tuple[str, str] | None:
    if element is None or not (element.get("class") or "").strip():
        return None
    return str(element.tag), _squeeze(element.get("class") or "")


def _after(lines: list[str], anchor: str | None) -> int | None:
    """The index just after the line `anchor` (0 with no anchor; None when it is not there)."""
    if anchor is None:
        return 0
    return next((i + 1 for i, x in enumerate(lines) if _squeeze(x) == anchor), None)


def recover_split_body(html: str, text: str) -> str:
    """`text` with the prose paragraphs (<p>) it misses from containers of the same class as the
    containers of its own paragraphs, each placed after the paragraph that precedes it on the page.

    Only containers other than the ones already used, holding at least two prose paragraphs, are
    taken: within a used container, what the extractor left out it left out on purpose.
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        return text
    lines = text.split("\n")
    have = {_squeeze(x) for x in lines if x.strip()}
    paragraphs = [(p, _squeeze(p.text_content())) for p in tree.iter("p")]
    matched = [(p, t) for p, t in paragraphs if t in have]
    if len(matched) < MIN_MATCHED:
        return text
    classes = Counter(_class_of(p.getparent()) for p, _ in matched)
    body_classes = {c for c, n in classes.items() if c is not None and n >= MIN_MATCHED}
    used = {p.getparent() for p, _ in matched}
    prose_per_parent = Counter(p.getparent() for p, t in paragraphs if is_prose(t))
    anchor: str | None = None
    for p, t in paragraphs:
        if t in have:
            anchor = t
            continue
        parent = p.getparent()
        if (
            _class_of(parent) in body_classes
            and parent not in used
            and prose_per_parent[parent] >= 2
            and is_prose(t)
        ):
            at = _after(lines, anchor)
            if at is not None:
                lines.insert(at, t)
                have.add(t)
                anchor = t
    return "\n".join(lines)


def extract_html(html: str, url: str | None = None) -> Extraction:
    """The main text and metadata of `html` (empty text when the page has no article)."""
    if not html.strip():
        return Extraction("")
    found = _run(html, url, favor_precision=True) or _run(html, url, favor_recall=True)
    if found is None:
        return Extraction("")
    return replace(found, text=recover_split_body(html, found.text))
