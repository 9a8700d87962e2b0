"""Property tests of the cleaner: it never crashes, and it loses no line of its input."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.model import Article, Document
from newsfuse.stages.clean import clean, clean_all
from newsfuse.stages.clean.lines import normalize, split_lines
from newsfuse.stages.clean.published import date_from_url, parse_date

NOW = datetime(2020, 6, 1, tzinfo=UTC)

# Lines shaped like what pages hold: chrome, credits, datelines, bylines, headlines, sentences.
SHAPED = st.sampled_from(
    [
        "Leave a comment",
        "3 comments",
        "Sign up for our daily newsletter",
        "Related:",
        "Harbour, Shipping",
        "Share this article",
        "© 2019 Example Media",
        "Home > World > Europe",
        "Jane Roe / Example Agency / Getty Images",
        "(AP Photo/Jane Roe)",
        "By Jane Roe, Associated Press",
        "OSLO (Reuters) - The harbour reopened on Monday after a week of repairs to the quay.",
        "Crane collapse closes northern quay",
        "Workers at the port said the crane had been inspected only a week before the accident.",
        "A crane lies across the deck of a cargo ship at the northern quay on Tuesday",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Published March 3, 2019 10:15AM (EST)",
        "Officials promised a full inquiry, Reuters reports.",
    ]
)
LINE = st.one_of(
    SHAPED, st.text(max_size=120), st.text(alphabet="abcXYZ .,:;!?-|/>©()[]'\"0123456789", max_size=80)
)
TEXT = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\r\n", "\n\n\n"])), max_size=25).map(
    lambda parts: "".join(line + sep for line, sep in parts)
)


def _accounted(content: str, article: Article) -> None:
    removed = {r.text for r in article.removed}
    kept = {x.text for x in split_lines(article.text)}
    heading = {normalize(t) for t in (article.title, article.dek) if t}
    for line in split_lines(content):
        assert line.text in kept or line.text in removed or normalize(line.text) in heading, line.text


def _paragraphs_cut_text(article: Article) -> None:
    assert "\n\n".join(article.text[a:b] for a, b in article.paragraphs) == article.text
    assert all(a < b for a, b in article.paragraphs)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_text_cleaning_loses_no_line(content: str) -> None:
    article = clean(Document(id="p", source="p.txt", kind="text", content=content), now=NOW)
    _accounted(content, article)
    _paragraphs_cut_text(article)
    assert article.title is None or article.title not in {x.text for x in split_lines(article.text)}


@settings(max_examples=40, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=5), st.sampled_from([None, "example.com"]))
def test_batches_lose_no_line(contents: list[str], outlet: str | None) -> None:
    fields = {"outlet": outlet} if outlet else {}
    docs = [
        Document(id=str(i), source=f"{i}.txt", kind="text", content=c, fields=fields)
        for i, c in enumerate(contents)
    ]
    for content, article in zip(contents, clean_all(docs, now=NOW), strict=True):
        _accounted(content, article)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.sampled_from([None, "https://www.example.com/2015/11/01/a", "not a url ::"]))
def test_html_never_crashes(markup: str, url: str | None) -> None:
    for content in (markup, f"<html><body><article><p>{markup}</p></article></body></html>"):
        article = clean(Document(id="h", source="h.html", kind="html", content=content, url=url), now=NOW)
        _paragraphs_cut_text(article)


@given(st.text(max_size=60))
def test_dates_are_never_later_than_now(text: str) -> None:
    for iso in (parse_date(text, NOW), date_from_url("https://example.com/" + text, NOW)):
        assert iso is None or iso[:10] <= NOW.date().isoformat()
