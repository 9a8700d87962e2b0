"""`.html`/`.htm` inputs: one page per file, kept whole (main-text extraction is the cleaner's
job); its address is taken from `<link rel=canonical>` or `og:url` when the page gives one."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from newsfuse.ingest.decode import decode
from newsfuse.ingest.ids import document_id
from newsfuse.model import Document

_HEAD_SCAN = 1 << 18


class _AddressFinder(HTMLParser):
    """Collects the canonical link and og:url of a page's head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        values = {name.lower(): (value or "").strip() for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href") or None
        elif tag == "meta" and values.get("property", values.get("name", "")).lower() == "og:url":
            self.og_url = self.og_url or values.get("content") or None
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.done = True


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    url = urljoin(base, url) if base else url
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def page_address(html: str, base: str | None = None) -> str | None:
    """The absolute http(s) address a page declares for itself (canonical link, else og:url)."""
    finder = _AddressFinder()
    for start in range(0, min(len(html), _HEAD_SCAN), 8192):
        finder.feed(html[start : start + 8192])
        if finder.done:
            break
    finder.close()
    return _absolute(finder.canonical, base) or _absolute(finder.og_url, base)


def html_document(source: str, html: str, *, url: str | None = None) -> Document:
    """A page as a document; `url` is where it was fetched from, when known (else what the page
    declares)."""
    url = url or page_address(html)
    return Document(
        id=document_id(source, html), source=source, kind="html", content=html, url=url,
        fields={"url": url} if url else {},
    )


def read_html(source: str, data: bytes, *, url: str | None = None, charset: str | None = None,
              ) -> Iterator[Document]:
    """One HTML file (or fetched page) as one document; `charset` is the transport's, if any."""
    yield html_document(source, decode(data, declared=charset, markup=True), url=url)
