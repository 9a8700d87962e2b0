"""Golden test of the JSON contract: a small invented story, analysed and synthesised end to end,
compared with the checked-in `flood_story.expected.json`.

Regenerate the expected file after an intended change with
`NEWSFUSE_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/golden`, and review its diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from newsfuse.model import Article, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.synthesize import synthesize

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "flood_story.json"
EXPECTED = HERE / "flood_story.expected.json"


def _story_document() -> dict:
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    articles = [Article(source=f"{a['id']}.txt", **a) for a in fixture["articles"]]
    story = Story(articles=tuple(a.id for a in articles), **fixture["story"])
    return story.to_dict() | synthesize(story, analyze_all(articles)).to_dict()


def test_synthesis_matches_the_golden_file() -> None:
    document = _story_document()
    if os.environ.get("NEWSFUSE_REGEN_GOLDEN"):
        EXPECTED.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert document == json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_golden_citations_are_exact_spans() -> None:
    texts = {a["id"]: a["text"] for a in json.loads(FIXTURE.read_text(encoding="utf-8"))["articles"]}
    for sentence in _story_document()["brief"]["sentences"]:
        for c in sentence["citations"]:
            assert texts[c["article"]][c["start"]:c["end"]] == sentence["text"]
