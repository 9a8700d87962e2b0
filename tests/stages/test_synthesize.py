"""Per-story synthesis: the seeds' acceptance checks end to end, and the entry point's contract."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsfuse.ingest import read_inputs
from newsfuse.model import AnalyzedArticle, Document, Story, StorySynthesis
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import clean_all
from newsfuse.stages.synthesize import synthesize

from .synthesis_helpers import analysed


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> tuple[list[AnalyzedArticle], StorySynthesis]:
    docs = [d for d in read_inputs([str(p) for p in seed_paths]) if isinstance(d, Document)]
    analyzed = analyze_all(clean_all(docs))
    story = Story("s1", "seeds", tuple(a.article.id for a in analyzed))
    return analyzed, synthesize(story, analyzed)


def _by_file(analyzed: list[AnalyzedArticle], prefix: str) -> str:
    return next(a.article.id for a in analyzed if Path(a.article.source).name.startswith(prefix))


def test_seeds_share_at_least_four_claims(seeds: tuple[list[AnalyzedArticle], StorySynthesis]) -> None:
    _, result = seeds
    assert sum(len(c.support) == 2 for c in result.claims) >= 4


Seeds = tuple[list[AnalyzedArticle], StorySynthesis]


def test_seed_brief_is_cited_shared_and_names_maheen(seeds: Seeds) -> None:
    analyzed, result = seeds
    texts = {a.article.id: a.article.text for a in analyzed}
    sentences = result.brief.sentences
    assert sum(len(s.support) == 2 for s in sentences) >= 2
    assert "Maheen" in " ".join(s.text for s in sentences)
    assert all(texts[c.article][c.start:c.end] == s.text for s in sentences for c in s.citations)
    assert result.brief.words <= 200


def test_seeds_raise_no_false_discrepancy(seeds: tuple[list[AnalyzedArticle], StorySynthesis]) -> None:
    _, result = seeds
    said = " | ".join(v.text for d in result.discrepancies for v in d.values)
    for agreeing in ("20 km", "13 miles", "fifth year", "four-year", "250,000"):
        assert agreeing not in said


def test_seed_unique_facts(seeds: tuple[list[AnalyzedArticle], StorySynthesis]) -> None:
    analyzed, result = seeds
    reuters, aljazeera = _by_file(analyzed, "000"), _by_file(analyzed, "001")
    assert len(result.unique[reuters]) >= 2 and len(result.unique[aljazeera]) >= 2
    own = {article: " ".join(facts) for article, facts in result.unique.items()}
    assert "two suicide car bombs" in own[aljazeera]
    assert "50 fighters on the government side were killed or wounded" in own[aljazeera]
    assert "Zarif" in own[reuters]
    assert "17 countries" in own[reuters]


STORY = [
    analysed("a", "Rebels seized the hill town of Zenda on Sunday after a night of heavy fighting. "
                  "The mayor of Zenda fled to Strelsau with his family and two aides."),
    analysed("b", "On Sunday rebels seized Zenda, a hill town, after heavy fighting through the night. "
                  "The rebels are now within 25 kilometers of the coastal highway."),
    analysed("c", "Rebels took the hill town of Zenda on Sunday after fighting through the night. "
                  "The rebels are now within 20 km of the coastal highway."),
]


def test_result_follows_the_story_not_the_caller() -> None:
    story = Story("s1", "Zenda", ("a", "b", "c"))
    shuffled = random.Random(7).sample(STORY, len(STORY))
    stray = analysed("x", "An unrelated report about the price of grain in Strelsau markets this week.")
    assert synthesize(story, [*shuffled, stray]) == synthesize(story, STORY)


def test_to_dict_gives_the_contract_story_fields() -> None:
    result = synthesize(Story("s1", "Zenda", ("a", "b", "c")), STORY, words=60).to_dict()
    assert set(result) == {"brief", "claims", "discrepancies", "unique"}
    assert sum(len(s["text"].split()) for s in result["brief"]["sentences"]) <= 60
    assert {"text", "support", "sentences"} <= set(result["claims"][0])
    assert {"about", "values"} <= set(result["discrepancies"][0])
    assert {"text", "normalized", "unit", "articles"} <= set(result["discrepancies"][0]["values"][0])
    assert result["unique"]["a"] == ["The mayor of Zenda fled to Strelsau with his family and two aides."]
