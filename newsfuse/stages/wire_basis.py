"""Which agency an article's content derives from, and how we know it (provenance's `wire` map and
`wire_basis`).

- **stated**: the text shows it is wire copy (dateline "(AP)", "Reuters reports" closing the lede,
  an agency byline, a trailing credit): the cleaner's `Article.wire`, strict on purpose; or the
  text is an agency's picture caption (a photo page): the paragraph holding most of its words
  closes with the agency's picture credit ("... in Montabaur. REUTERS/Jane Roe");
- **outlet**: the article is on the agency's own site (uk.reuters.com, apnews.com);
- **inferred**: it copies the words of an article of its story that is wire copy (stated or
  outlet): `via` names that article (provenance decides what counts as copying);
- **cited**: it relays the agency's reporting: "told AFP", "Reuters reported", "according to the
  Associated Press", "لرويترز" (`clean.citations`). A citation is not wire copy, and the basis
  keeps the difference.

Wire copy settles it: the citations inside wire copy are the agency's own sourcing (a Reuters story
saying "the RIA news agency reported" is Reuters copy, not RIA's), so a stated or outlet article
keeps that wire alone. Otherwise the copied wire and the cited agencies are joined in the order
their first evidence appears in the text ("Reuters; Anadolu" for a rewrite of Reuters copy that
adds "Anadolu Agency said"), with `basis` per agency when they differ ("inferred; cited").

Photo credits are not read otherwise: they say where the picture came from, not the words. On
the dev corpus 11 articles carry an agency photo credit: 5 of them are not derived from any
agency, and of the 6 that are, the credit names another agency than the text's on 2
(bench/wire_accuracy.py measures it). Only a caption that is the article's text is the agency's
words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.model import Article, WireCredit
from newsfuse.stages.clean.agencies import agency_of_host
from newsfuse.stages.clean.attribution import Wire, caption_credits
from newsfuse.stages.clean.citations import cited_agencies
from newsfuse.stages.clean.pipeline import url_host


@dataclass(frozen=True)
class Copied:
    """Wire copy that an article copies: the source article, its wire, and where (a character
    offset into the copying article's text) the first copied passage starts."""

    source: str
    wire: str
    start: int


# A caption is the article's text when its paragraph holds at least this share of the words.
CAPTION_MIN = 0.5
# A paragraph of a text without paragraph offsets: lines up to a blank line.
_PARAGRAPH = re.compile(r"(?:[^\n]|\n(?!\n))+")


def caption_of(article: Article) -> Wire | None:
    """The agency whose picture caption is the article's text: a picture credit closing a line,
    after words of its paragraph that hold most of the article's (a photo page); else None."""
    total = len(article.text.split())
    paragraphs = article.paragraphs or tuple(m.span() for m in _PARAGRAPH.finditer(article.text))
    for start, end in paragraphs:
        for credit_end, credit in caption_credits(article.text[start:end]):
            if len(article.text[start:start + credit_end].split()) >= CAPTION_MIN * total:
                return credit
    return None


def own_wire(article: Article) -> WireCredit | None:
    """The article's wire when it is wire copy itself: stated by its text (or its text is the
    agency's picture caption), else its site's agency."""
    if article.wire:
        return WireCredit(article.id, article.wire, "stated", evidence=article.wire_evidence)
    caption = caption_of(article)
    if caption is not None:
        return WireCredit(article.id, caption.agency, "stated", evidence=caption.evidence)
    host = url_host(article.url) or (article.outlet or "").lower() or None
    agency = agency_of_host(host)
    return WireCredit(article.id, agency, "outlet", evidence=host) if agency else None


def derived_wire(article: Article, copied: Copied | None) -> WireCredit | None:
    """The wire of an article that is not wire copy itself: the wire of the text it copies and the
    agencies it cites, in order of first evidence (None when there is neither)."""
    found: list[tuple[int, str, str, str | None]] = []
    if copied is not None:
        found.extend((copied.start, agency, "inferred", None) for agency in copied.wire.split("; "))
    found.extend((c.start, c.agency, "cited", c.text) for c in cited_agencies(article.text, article.lang))
    agencies: dict[str, str] = {}
    evidence: list[str] = []
    for _, agency, basis, text in sorted(found, key=lambda f: f[0]):
        if agency not in agencies:
            agencies[agency] = basis
            if text is not None:
                evidence.append(text)
    if not agencies:
        return None
    bases = list(agencies.values())
    basis = bases[0] if len(set(bases)) == 1 else "; ".join(bases)
    return WireCredit(
        article.id,
        "; ".join(agencies),
        basis,
        evidence=" | ".join(evidence) or None,
        via=copied.source if copied is not None and "inferred" in bases else None,
    )
