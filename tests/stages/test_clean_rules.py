"""The cleaner's rules on small fixtures of our own: boilerplate lines, title and dek, datelines,
bylines, wire evidence against citations, dates, outlet and language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsfuse.model import Article, Document
from newsfuse.stages.clean import clean, clean_all, learn_repeated_lines
from newsfuse.stages.clean.attribution import parse_byline, parse_dateline
from newsfuse.stages.clean.boilerplate import match_rule
from newsfuse.stages.clean.headline import strip_site_name
from newsfuse.stages.clean.html_text import recover_split_body
from newsfuse.stages.clean.published import date_from_url, parse_date

NOW = datetime(2020, 6, 1, 12, 0, tzinfo=UTC)
BODY = (
    "The harbour authority closed the northern quay on Tuesday after a crane collapsed onto two ships.",
    "Workers at the port said the crane had been inspected only a week before the accident happened.",
    "Officials promised a full inquiry and said the quay would reopen once the wreck was cleared away.",
)


def text_doc(*lines: str, **fields: str) -> Document:
    url = fields.pop("url", None)
    return Document(id="t", source="t.txt", kind="text", content="\n\n".join(lines), url=url, fields=fields)


def removed(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("12 Comments", "comment"),
        ("Post a comment", "comment"),
        ("Share this article", "share"),
        ("Follow us on Twitter", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Home > World > Middle East", "navigation"),
        ("© 2019 Example Media Group", "copyright"),
        ("Copyright 2018 Harbour Times. All rights reserved.", "copyright"),
        ("Subscribe to our daily newsletter", "newsletter"),
        ("Get breaking news alerts in your inbox", "newsletter"),
        ("Watch: the moment the crane fell", "promo"),
        ("Download our app for the latest headlines", "promo"),
        ("Find Harbour TV on your TV", "promo"),
        ("Advertisement", "promo"),
        ("Read more: Port strike enters second week", "related"),
        ("Related Stories", "related"),
        ("Photo: Jane Roe/Example Pictures", "photo-credit"),
        ("(AP Photo/Jane Roe)", "photo-credit"),
        ("Jane Roe / Example Agency / Getty Images", "photo-credit"),
        ("Dock workers watch the salvage on Wednesday. Photo by Jane Roe/Example", "caption"),
        ("Published March 3, 2019 10:15AM (EST)", "metadata"),
        ("Monday, March 4, 2019", "metadata"),
        ("(Reporting by Jane Roe; Editing by John Doe)", "credit"),
    ],
)
def test_boilerplate_shapes(line: str, reason: str) -> None:
    assert match_rule(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Share prices of the port operator fell 3% on Monday after the announcement.",
        "Like them, many residents fled the town before the attack began on Sunday.",
        "Copyright lawyers for the port said the logo had been used without permission.",
        "Related companies in the harbour also suspended their operations for the day.",
        "Watch officers were posted at every gate of the harbour overnight.",
        "By contrast, the southern quay stayed open for the whole week.",
        *BODY,
    ],
)
def test_news_sentences_match_no_rule(line: str) -> None:
    assert match_rule(line) is None


def test_related_header_takes_the_links_under_it_and_stops_at_prose() -> None:
    a = clean(
        text_doc(BODY[0], BODY[1], "Related:", "Port strike enters second week", "Harbour, Shipping", BODY[2])
    )
    assert removed(a) == {
        "Related:": "related",
        "Port strike enters second week": "related",
        "Harbour, Shipping": "related",
    }
    assert BODY[2] in a.text


def test_a_repeat_of_a_removed_line_gets_its_reason() -> None:
    a = clean(
        text_doc(
            *BODY, "Sign up for our weekly newsletter", "Harbour News", "Sign up for our weekly newsletter"
        )
    )
    assert [r.reason for r in a.removed if r.text.startswith("Sign up")] == ["newsletter", "newsletter"]


def test_caption_inside_text_goes_as_caption() -> None:
    caption = "A crane lies across the deck of a cargo ship at the northern quay Tuesday"
    a = clean(text_doc(BODY[0] + " " + BODY[1], caption, BODY[2]))
    assert removed(a) == {caption: "caption"}


def test_title_and_dek_from_text() -> None:
    title = "Crane collapse closes northern quay"
    dek = "Two ships were damaged and the harbour authority has opened an inquiry"
    a = clean(text_doc(title, dek, *BODY))
    assert (a.title, a.dek) == (title, dek)
    assert title not in a.text
    assert a.text.startswith(dek)


def test_title_skips_a_photo_credit_line() -> None:
    a = clean(
        text_doc("Jane Roe / Example Agency / Getty Images", "Crane collapse closes northern quay", *BODY)
    )
    assert a.title == "Crane collapse closes northern quay"


def test_a_long_sentence_is_not_a_title_and_nothing_is_invented() -> None:
    a = clean(text_doc(*BODY))
    assert a.title is None and a.dek is None and a.published is None and a.outlet is None
    assert a.text == "\n\n".join(BODY)


def test_source_title_wins_and_its_line_leaves_the_text() -> None:
    a = clean(
        text_doc("Crane collapse closes northern quay", *BODY, title="Crane collapse closes northern quay")
    )
    assert a.title == "Crane collapse closes northern quay"
    assert not a.text.startswith("Crane collapse")
    b = clean(text_doc("Quay closed", *BODY, title="Harbour disaster"))
    assert b.title == "Harbour disaster"


@pytest.mark.parametrize(
    ("line", "place", "agency"),
    [
        ("BEIRUT (AP) -- The crane fell.", "BEIRUT", "AP"),
        ("DAMASCUS – The crane fell.", "DAMASCUS", None),
        ("LONDON, Nov 1 (Reuters) - The crane fell.", "LONDON", "Reuters"),
        ("PORT LOUIS, Mauritius, May 3, 2019 (AFP) : The crane fell.", "PORT LOUIS", "AFP"),
        ("Hamburg (dpa) Der Kran fiel.", "Hamburg", "DPA"),
        ("ROTTERDAM — Reuters", "ROTTERDAM", "Reuters"),
        ("OSLO—The crane fell.", "OSLO", None),
    ],
)
def test_datelines(line: str, place: str, agency: str | None) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)


@pytest.mark.parametrize(
    "line",
    [
        "The crane fell - nobody was hurt.",
        "UPDATE: The quay reopened.",
        "Harbour chief: we will rebuild",
        *BODY,
    ],
)
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


def test_dateline_is_recorded_and_kept_in_text() -> None:
    a = clean(text_doc("ROTTERDAM (AP) -- " + BODY[0], BODY[1]))
    assert (a.dateline, a.wire, a.wire_evidence) == ("ROTTERDAM", "AP", "ROTTERDAM (AP) --")
    assert a.text.startswith("ROTTERDAM (AP) -- ")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Roe", "Jane Roe"),
        ("By JANE ROE and JOHN DOE", "JANE ROE and JOHN DOE"),
        ("By Jane Roe, Associated Press", "Jane Roe, Associated Press"),
        ("By contrast, the quay stayed open.", None),
        ("By the time the crane fell, the ships had left.", None),
    ],
)
def test_bylines(line: str, name: str | None) -> None:
    assert parse_byline(line) == name


def test_byline_line_is_removed_and_an_agency_byline_is_wire() -> None:
    a = clean(text_doc("Crane collapse closes northern quay", "By Jane Roe, Associated Press", *BODY))
    assert (a.byline, a.wire) == ("Jane Roe, Associated Press", "AP")
    assert removed(a) == {"By Jane Roe, Associated Press": "byline"}


@pytest.mark.parametrize(
    ("lines", "wire"),
    [
        ((BODY[0][:-1] + ", Reuters reports.", *BODY[1:]), "Reuters"),
        ((*BODY, "(Reporting by Jane Roe; Editing by John Doe)"), "Reuters"),
        ((*BODY, "Officials spoke at the quay. (c) AFP 2019"), "AFP"),
        ((*BODY, "Associated Press writer Jane Roe in Oslo contributed to this report."), "AP"),
        ((*BODY, "The inquiry opens next week. — KYODO"), "Kyodo"),
        (("OSLO (AP) -- " + BODY[0], *BODY[1:], "(c) AFP"), "AP; AFP"),
    ],
)
def test_wire_evidence(lines: tuple[str, ...], wire: str) -> None:
    assert clean(text_doc(*lines)).wire == wire


@pytest.mark.parametrize(
    "line",
    [
        "A port official told the Press Association the crane was new.",
        "According to Reuters, the crane had been inspected last week.",
        "Anadolu Agency said two sailors were hurt in the collapse.",
        "A harbour pilot told AFP that the wind had picked up suddenly.",
        "The state news agency reported that the owner had been questioned.",
    ],
)
def test_citations_are_not_wire(line: str) -> None:
    a = clean(text_doc(BODY[0], line, *BODY[1:]))
    assert a.wire is None and a.wire_evidence is None


def test_photo_credit_naming_an_agency_is_not_wire() -> None:
    a = clean(text_doc("Jane Roe / Anadolu Agency / Getty Images", *BODY))
    assert a.wire is None


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://example.com/news/2015/11/01/crane-collapse", "2015-11-01"),
        ("https://example.com/world/2015/nov/2/crane-collapse", "2015-11-02"),
        ("https://example.com/article/crane-collapse-20151103", "2015-11-03"),
        ("https://example.com/news/2015-11/04/crane", "2015-11-04"),
        ("https://example.com/2015/13/40/crane", None),
        ("https://example.com/story/4244754002/", None),
        ("https://example.com/2031/01/01/future-story", None),
        (None, None),
    ],
)
def test_dates_from_urls(url: str | None, date: str | None) -> None:
    assert date_from_url(url, NOW) == date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2015-11-01T10:00:00+02:00", "2015-11-01T08:00:00Z"),
        ("2015-11-01", "2015-11-01"),
        ("Sun, 01 Nov 2015 10:00:00 GMT", "2015-11-01T10:00:00Z"),
        ("Published April 25, 2015 12:08PM (EDT)", "2015-04-25"),
        ("Nov 1", None),
        ("sometime last week", None),
        ("2021-01-01", None),
        ("2020-06-01T13:00:00Z", None),
    ],
)
def test_parse_date_never_completes_or_accepts_the_future(text: str, iso: str | None) -> None:
    assert parse_date(text, NOW) == iso


def test_published_sources_in_order_and_never_future() -> None:
    url = "https://www.example.com/2015/11/01/crane"
    assert clean(text_doc(*BODY, url=url, published="2015-10-31"), now=NOW).published == "2015-10-31"
    assert clean(text_doc(*BODY, url=url, published="2031-10-31"), now=NOW).published == "2015-11-01"
    assert clean(text_doc(*BODY, url=url), now=NOW).published == "2015-11-01"
    dated = clean(text_doc("OSLO, May 3, 2015 (AFP) - " + BODY[0], *BODY[1:]), now=NOW)
    assert dated.published == "2015-05-03"
    assert (
        clean(text_doc(*BODY, url="https://example.com/2015/11/01/x"), now=datetime(2015, 10, 1)).published
        is None
    )


def test_outlet_from_field_then_url_host_never_invented() -> None:
    assert (
        clean(text_doc(*BODY, outlet="Harbour Times", url="https://www.example.com/a")).outlet
        == "Harbour Times"
    )
    assert clean(text_doc(*BODY, url="https://www.example.com/a")).outlet == "example.com"
    assert clean(text_doc(*BODY, url="https://m.example.co.uk/a")).outlet == "example.co.uk"
    assert clean(text_doc(*BODY)).outlet is None


def test_language() -> None:
    spanish = "La autoridad portuaria cerró el muelle norte el martes tras la caída de una grúa."
    assert clean(text_doc(*BODY)).lang == "en"
    assert clean(text_doc(spanish)).lang == "es"
    assert clean(text_doc("")).lang is None


def test_learned_repetition_is_per_outlet_and_spares_sentences() -> None:
    chrome = "Harbour Times Morning Briefing"
    shared_sentence = "The harbour has been run by the city since the old company went bankrupt in 1998."

    def page(n: int, outlet: str) -> Document:
        content = "\n\n".join([BODY[n % 3], chrome, shared_sentence, BODY[(n + 1) % 3]])
        return Document(
            id=f"{outlet}{n}",
            source=f"{outlet}{n}.txt",
            kind="text",
            content=content,
            fields={"outlet": outlet},
        )

    docs = [page(n, "harbour-times") for n in range(3)] + [page(0, "other-paper")]
    assert learn_repeated_lines(docs) == frozenset({"harbour-times\tharbour times morning briefing"})
    articles = clean_all(docs)
    for a in articles[:3]:
        assert removed(a) == {chrome: "repeated"}
        assert shared_sentence in a.text
    assert chrome in articles[3].text


HTML_PAGE = """<html><head><title>Crane collapse closes northern quay | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2019-03-05T09:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Crane collapse closes northern quay</h1>
<p>{0}</p><p>{1}</p><p>{2}</p>
<p>Sign up for our weekly newsletter</p></article>
<div class="comments"><h3>3 comments</h3>
<p>What a terrible accident, I hope everyone is fine and the port reopens soon.</p></div>
</body></html>"""


def test_html_page() -> None:
    doc = Document(
        id="h",
        source="h.html",
        kind="html",
        content=HTML_PAGE.format(*BODY),
        url="https://www.harbourtimes.example/2019/03/05/crane",
    )
    a = clean(doc, now=NOW)
    assert a.title == "Crane collapse closes northern quay"
    assert all(s in a.text for s in BODY)
    assert "terrible accident" not in a.text and "Sign up" not in a.text
    assert (a.outlet, a.published, a.lang) == ("Harbour Times", "2019-03-05", "en")
    assert not a.text.startswith("Crane collapse")


def test_html_without_an_article_gives_empty_text() -> None:
    doc = Document(
        id="e",
        source="e.html",
        kind="html",
        content="<html><body><script>var x = 1;</script><nav><a href='/'>Home</a></nav></body></html>",
    )
    a = clean(doc)
    assert (a.text, a.paragraphs, a.title, a.lang) == ("", (), None, None)


SPLIT_PAGE = """<html><body><article>
<div class="story-body"><p>{0}</p><p>{1}</p></div>
<div class="ad-slot"><p>Advertisement</p></div>
<div class="story-body"><p>{2}</p><p>{3}</p></div>
<div class="story-body"><p>{4}</p></div>
</article></body></html>"""
MORE = (
    "The salvage team expects to lift the crane off the first ship by the end of the week.",
    "Insurers said the damage to the two vessels could run into several million euros.",
)


def test_split_body_containers_are_put_back_in_page_order() -> None:
    page = SPLIT_PAGE.format(BODY[0], BODY[1], BODY[2], MORE[0], MORE[1])
    recovered = recover_split_body(page, f"{BODY[0]}\n{BODY[1]}")
    # the lone paragraph of the last container is not a body section (one prose paragraph)
    assert recovered.split("\n") == [BODY[0], BODY[1], BODY[2], MORE[0]]


def test_split_body_leaves_a_used_container_alone() -> None:
    page = SPLIT_PAGE.format(BODY[0], BODY[1], BODY[2], MORE[0], MORE[1])
    assert recover_split_body(page, f"{BODY[0]}\n{BODY[2]}") == f"{BODY[0]}\n{BODY[2]}"
    assert recover_split_body(page, BODY[0]) == BODY[0]


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Crane collapse closes northern quay | Harbour Times", "Crane collapse closes northern quay"),
        ("Harbour Times - Crane collapse closes northern quay", "Crane collapse closes northern quay"),
        ("Crane collapse closes northern quay", "Crane collapse closes northern quay"),
        ("Harbour Times", "Harbour Times"),
    ],
)
def test_site_name_leaves_the_title(title: str, stripped: str) -> None:
    assert strip_site_name(title, [None, "Harbour Times"]) == stripped
