"""Acceptance of the cleaner on the two seed articles (read from ../shared/seeds at run time)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfuse.model import Article, Document
from newsfuse.stages.clean import clean, clean_all

BOILERPLATE = (
    "Leave a comment",
    "Your email address will not be published. Required fields are marked *",
    "Related News",
    "Find Al Jazeera America on your TV",
    "Get email updates from Al Jazeera America",
    "Sign up for our weekly newsletter",
    "Muhammed Khair / Anadolu Agency / Getty Images",
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])")
_FINAL = re.compile(r"[.!?][\"'”’)]*$")


def _document(path: Path) -> Document:
    return Document(id=path.stem, source=str(path), kind="text", content=path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> dict[str, tuple[str, Article]]:
    assert len(seed_paths) == 2
    return {p.name[:3]: (p.read_text(encoding="utf-8"), clean(_document(p))) for p in seed_paths}


def _sentences(content: str) -> list[str]:
    """Sentences of 8+ words ending with final punctuation, line by line."""
    out = []
    for line in content.splitlines():
        for piece in _SENTENCE_SPLIT.split(line.strip()):
            piece = piece.strip()
            if len(piece.split()) >= 8 and _FINAL.search(piece):
                out.append(piece)
    return out


def test_every_boilerplate_line_is_removed_with_a_reason(seeds: dict[str, tuple[str, Article]]) -> None:
    for line in BOILERPLATE:
        holders = [(content, a) for content, a in seeds.values() if line in content]
        assert holders, f"no seed holds {line!r}"
        for _, article in holders:
            assert line not in article.text
            reasons = [r.reason for r in article.removed if r.text == line]
            assert reasons and all(reasons), line


def test_every_news_sentence_is_kept(seeds: dict[str, tuple[str, Article]]) -> None:
    for content, article in seeds.values():
        sentences = _sentences(content)
        assert len(sentences) > 10
        for s in sentences:
            captions = [r.text for r in article.removed if r.reason == "caption"]
            assert s in article.text or any(s in c for c in captions), s
            assert not any(s in r.text for r in article.removed if r.reason != "caption"), s


def test_seed_001_title_dek_and_photo_credit(seeds: dict[str, tuple[str, Article]]) -> None:
    _, article = seeds["001"]
    assert article.title == "ISIL captures town in western Syria"
    assert article.title not in article.text
    assert article.dek is not None and article.dek.startswith("The attack may be")
    credit = [r for r in article.removed if r.text == "Muhammed Khair / Anadolu Agency / Getty Images"]
    assert [r.reason for r in credit] == ["photo-credit"]


def test_seed_000_has_no_invented_title_and_its_lede_is_text(seeds: dict[str, tuple[str, Article]]) -> None:
    content, article = seeds["000"]
    lede = content.splitlines()[0].strip()
    assert article.title is None
    assert article.text.startswith(lede)


def test_wire_reuters_for_000_and_none_for_001(seeds: dict[str, tuple[str, Article]]) -> None:
    assert seeds["000"][1].wire == "Reuters"
    assert seeds["000"][1].wire_evidence == "Reuters reports"
    # 001 cites "Anadolu Agency said" and has an Anadolu photo credit: neither is wire copy.
    assert seeds["001"][1].wire is None
    assert seeds["001"][1].wire_evidence is None


def test_nothing_is_invented(seeds: dict[str, tuple[str, Article]]) -> None:
    for _, article in seeds.values():
        assert article.outlet is None
        assert article.url is None
        assert article.published is None
        assert article.lang == "en"


def test_paragraph_offsets_cut_the_text(seeds: dict[str, tuple[str, Article]]) -> None:
    for content, article in seeds.values():
        paragraphs = [article.text[a:b] for a, b in article.paragraphs]
        assert "\n\n".join(paragraphs) == article.text
        assert all(p and p in content for p in paragraphs)


def test_clean_all_matches_clean(seed_paths: list[Path]) -> None:
    docs = [_document(p) for p in seed_paths]
    assert clean_all(docs) == [clean(d) for d in docs]
