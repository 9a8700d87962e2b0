"""HTML pages: kept whole, decoded by their declared charset, addressed by canonical/og:url."""

from __future__ import annotations

from newsfuse.ingest.html import page_address, read_html


def test_page_is_kept_whole_with_its_canonical_address() -> None:
    page = ('<html><head><meta property="og:url" content="https://b.example/og">'
            '<link rel="canonical" href="https://a.example/story"></head><body><p>x</p></body></html>')
    (doc,) = read_html("p.html", page.encode())
    assert (doc.kind, doc.content, doc.url, doc.fields) == (
        "html", page, "https://a.example/story", {"url": "https://a.example/story"})


def test_og_url_when_there_is_no_canonical_and_relative_links_need_a_base() -> None:
    assert page_address('<meta property="og:url" content="https://b.example/og"><body>') == "https://b.example/og"
    assert page_address('<link rel="canonical" href="/story/1">') is None
    assert page_address('<link rel="canonical" href="/story/1">', "https://c.example/x") == "https://c.example/story/1"
    assert page_address("<body><link rel='canonical' href='https://late.example/'>") is None


def test_fetched_address_wins_over_what_the_page_says() -> None:
    page = b'<html><head><link rel="canonical" href="https://a.example/c"></head><body>x</body></html>'
    (doc,) = read_html("https://a.example/fetched", page, url="https://a.example/fetched")
    assert doc.url == "https://a.example/fetched"


def test_declared_legacy_charset_is_used() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    page += "</head><body><p>Il a dit \x93oui\x94 \x97 au café.</p></body></html>"
    (doc,) = read_html("p.htm", page.encode("latin-1"))
    assert "Il a dit “oui” — au café." in doc.content


def test_transport_charset_is_used_when_the_page_says_nothing() -> None:
    (doc,) = read_html("u", "<p>Ελλάδα</p><p>x</p>".encode("iso8859_7"), charset="iso-8859-7")
    assert "Ελλάδα" in doc.content
