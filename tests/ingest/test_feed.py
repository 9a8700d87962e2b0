"""RSS/Atom feeds: one document per entry, with only the metadata the feed gives."""

from __future__ import annotations

import pytest

from newsfuse.errors import InputError
from newsfuse.ingest.feed import read_feed
from newsfuse.model import Document, Skipped

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Courier</title><link>https://www.courier.example/</link>
<item><title>River rises</title><link>https://www.courier.example/river</link><guid>river-1</guid>
<pubDate>Tue, 03 Oct 2017 10:00:00 +0200</pubDate><author>desk@courier.example (Ann Lee)</author>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The river <b>rose</b> overnight.</p><p>Roads closed.</p>]]>
</content:encoded></item>
<item><title>Plain one</title><description>Only a summary &amp; nothing else.</description></item>
<item><title>Empty</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>No Link Daily</title>
<entry><title>Atom story</title><link href="/s/1"/><id>tag:x,2020:1</id>
<updated>2020-05-01T12:30:00-04:00</updated><summary type="text">Plain summary.</summary></entry>
</feed>"""


def test_rss_entries_content_else_summary() -> None:
    items = list(read_feed("f.rss", RSS))
    first, second, third = items
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(third, Skipped)
    assert first.kind == "html" and "<b>rose</b>" in first.content
    assert first.source == "f.rss#1" and first.url == "https://www.courier.example/river"
    assert first.fields == {"url": "https://www.courier.example/river", "title": "River rises",
                            "published": "2017-10-03T08:00:00Z", "byline": "Ann Lee",
                            "outlet": "courier.example"}
    assert (second.kind, second.content) == ("text", "Only a summary & nothing else.")
    assert "url" not in second.fields and "published" not in second.fields
    assert third.source == "f.rss#3"


def test_entry_ids_survive_a_refetch_that_shifts_positions() -> None:
    (first, *_) = read_feed("a.rss", RSS)
    shifted = RSS.replace(b"<item><title>River", b"<item><title>New</title><description>n</description>"
                                                 b"</item><item><title>River", 1)
    again = [d for d in read_feed("a.rss", shifted)
             if isinstance(d, Document) and d.fields.get("title") == "River rises"]
    assert isinstance(first, Document) and again[0].id == first.id and again[0].source == "a.rss#2"


def test_atom_relative_links_resolve_against_the_fetch_address_and_title_is_the_outlet() -> None:
    (doc,) = read_feed("https://n.example/atom", ATOM, url="https://n.example/atom")
    assert isinstance(doc, Document)
    assert doc.url == "https://n.example/s/1"
    assert doc.fields["published"] == "2020-05-01T16:30:00Z"
    assert doc.fields["outlet"] == "No Link Daily"
    assert doc.kind == "text"


@pytest.mark.parametrize("data", [b"just words", b"<html><body><p>page</p></body></html>",
                                  b'<rss version="2.0"><channel><title>t</title></channel></rss>'])
def test_not_a_feed_or_no_entries(data: bytes) -> None:
    with pytest.raises(InputError, match="feed"):
        list(read_feed("x.xml", data))
