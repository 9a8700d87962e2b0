"""Synthesis quality and speed: briefs, claims and discrepancies on the dev stories and the seeds.

Uses the gold story assignments as stories (so clustering is not measured here), runs clean ->
analyze -> synthesize on `../shared/data/stories/dev.jsonl`, writes the `brief --json` document
to `bench/out/synthesis_dev.json` and scores it with the official `tools/stories_eval.py`
(nugget recall, faithful sentences, discrepancy recall, consistent_flagged).  Beside it:

- `consistent_violations`: our own reading of the gold `consistent_variants`: a reported
  discrepancy is a false alarm when two of its values carry figures the annotators called the
  same (their lists are split at ";" into groups, each group at "=", "/", "vs" into equal sides);
- `discrepancies_unmatched`: the reported discrepancies that match no gold discrepancy the way
  the scorer matches them (values carrying two of its versions), listed for eyeballing: the
  precision side of discrepancy recall (an unmatched one may still be a true disagreement the
  annotators did not list);
- the seeds' acceptance checks;
- the alignment threshold's evidence: sentence pairs of *sibling* stories (same place or actors,
  different event) that pass it, against pairs within one story;
- speed: a 20-article story (analysis with the model loaded, and synthesis alone), and the whole
  dev corpus end to end.

Run: `.venv/bin/python -m bench.synthesis_bench [--words N]`.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsfuse.algorithms.similarity import terms
from newsfuse.ingest import read_inputs
from newsfuse.model import AnalyzedArticle, Article, Document, Story
from newsfuse.nlp import english
from newsfuse.stages.align import ALIGN_THRESHOLD, align
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import clean_all
from newsfuse.stages.synthesize import synthesize

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "stories" / "dev.jsonl"
GOLD = SHARED / "data" / "stories" / "dev-gold.json"
SEEDS = SHARED / "seeds"
SCORER = SHARED / "tools" / "stories_eval.py"
OUT_DIR = ROOT / "bench" / "out"
SPEED_ARTICLES = 20
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
_NUM = re.compile(r"\d[\d,.]*")
_SIDES = re.compile(r"\s+/\s+|\s+vs\.?\s+|\s+=\s+|\s+≈\s+")


def read_articles(paths: Sequence[Path]) -> list[Article]:
    """Ingest and clean inputs as `newsfuse extract` does."""
    return clean_all([d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)])


def gold_stories(gold: dict[str, Any]) -> list[Story]:
    """The gold assignments as stories, articles in assignment order."""
    members: dict[str, list[str]] = {}
    for article, story in gold["assignments"].items():
        members.setdefault(story, []).append(article)
    titles = {s["story"]: s.get("title", "") for s in gold["stories"]}
    return [Story(name, titles.get(name, ""), tuple(ids)) for name, ids in members.items()]


def brief_document(articles: Sequence[Article], stories: Sequence[Story],
                   analyzed: dict[str, AnalyzedArticle], words: int) -> dict[str, Any]:
    """The `brief --json` document of `stories`."""
    return {
        "articles": [a.to_dict() for a in articles],
        "stories": [s.to_dict() | synthesize(s, [analyzed[i] for i in s.articles], words=words).to_dict()
                    for s in stories],
    }


def _numbers(text: str) -> frozenset[float]:
    out = set()
    for m in _NUM.findall(text):
        try:
            out.add(float(m.rstrip(".,").replace(",", "")))
        except ValueError:
            continue
    return frozenset(out)


def _words(text: str) -> frozenset[str]:
    return frozenset(t for t in terms(text) if not t.startswith("#"))


JSON = dict[str, Any]


def _scored(document: JSON, gold: JSON) -> Iterator[tuple[JSON, JSON]]:
    """(gold story, reported story) for every gold story the document reports."""
    stories = {s["id"]: s for s in document["stories"]}
    for g in gold["stories"]:
        if g["story"] in stories:
            yield g, stories[g["story"]]


def consistent_violations(document: dict[str, Any], gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Reported discrepancies two of whose values carry figures that a gold consistent variant
    equates, each value sharing a word with its side ("13 miles" with '"13 miles"', not with
    "worst in 80 years")."""
    found = []
    for g, story in _scored(document, gold):
        for variant in g.get("consistent_variants") or []:
            for group in str(variant).split(";"):
                sides = [(n, _words(x)) for x in _SIDES.split(group) if (n := _numbers(x))]
                for d in story["discrepancies"]:
                    values = [(_numbers(v["text"]), _words(v["text"])) for v in d["values"]]

                    def fits(value: tuple[frozenset[float], frozenset[str]],
                             side: tuple[frozenset[float], frozenset[str]]) -> bool:
                        return bool(value[0] & side[0]) and (not side[1] or bool(value[1] & side[1]))

                    pairs = [(a, b) for i, a in enumerate(values) for b in values[i + 1:]]
                    if any(fits(a, sa) and fits(b, sb) and sa[0] != sb[0]
                           for a, b in pairs for sa in sides for sb in sides):
                        found.append({"story": g["story"], "variant": group.strip(),
                                      "values": [v["text"] for v in d["values"]]})
    return found


def _matches(discrepancy: dict[str, Any], versions: Sequence[dict[str, Any]]) -> bool:
    """Whether a reported discrepancy carries two versions of a gold one, as the scorer reads
    them: shared numbers, or for a version without digits, its words inside a value's text."""
    values = [" ".join(str(v.get("text", "")).lower().split()) + " " + str(v.get("normalized", ""))
              for v in discrepancy["values"]]
    matched = set()
    for k, version in enumerate(versions):
        text = " ".join(str(version.get("value", "")).lower().split())
        numbers = _numbers(text)
        if any((numbers and numbers & _numbers(v)) or (not numbers and text in v) for v in values):
            matched.add(k)
    return len(matched) >= 2


def unmatched_discrepancies(document: dict[str, Any], gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Reported discrepancies of the gold stories that match none of the story's gold ones."""
    found = []
    for g, story in _scored(document, gold):
        versions = [d.get("versions", []) for d in g.get("discrepancies", [])]
        for d in story["discrepancies"]:
            if not any(_matches(d, v) for v in versions):
                found.append({"story": g["story"], "about": d["about"],
                              "values": [f"{v['text']} = {v['normalized']} {v['unit'] or ''}".strip()
                                         for v in d["values"]]})
    return found


def official_scores(document: dict[str, Any], words: int) -> dict[str, Any]:
    """`tools/stories_eval.py --json` on the document."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / "synthesis_dev.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORER), str(DEV), str(GOLD), str(path), "--json",
                           "--words", str(words)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def seed_checks() -> dict[str, Any]:
    """The seeds' acceptance numbers."""
    analyzed = analyze_all(read_articles(sorted(SEEDS.glob("*.txt"))))
    story = Story("seeds", "seeds", tuple(a.article.id for a in analyzed))
    result = synthesize(story, analyzed)
    texts = {a.article.id: a.article.text for a in analyzed}
    brief = result.brief.sentences
    return {
        "claims_supported_by_both": sum(len(c.support) == 2 for c in result.claims),
        "brief_sentences_supported_by_both": sum(len(s.support) == 2 for s in brief),
        "brief_names_maheen": any("Maheen" in s.text for s in brief),
        "citations_exact": all(texts[c.article][c.start:c.end] == s.text for s in brief for c in s.citations),
        "discrepancies": [[v.text for v in d.values] for d in result.discrepancies],
        "unique_per_article": {a: len(f) for a, f in result.unique.items()},
    }


def threshold_evidence(gold: dict[str, Any], stories: Sequence[Story],
                       analyzed: dict[str, AnalyzedArticle]) -> dict[str, Any]:
    """How many cross-article sentence pairs pass each threshold within one story and across
    sibling stories (same place or actors, another event: pairs that cannot state one fact),
    each sibling pair aligned as if it were one story.  `false_share` is the part of the passing
    pairs that cross stories: the rate of wrong alignments the threshold lets through."""
    by_name = {s.id: s for s in stories}
    within: list[float] = []
    across: list[float] = []
    for g in gold["stories"]:
        sibling = g.get("sibling_of")
        if not sibling or sibling not in by_name:
            continue
        story_of = {a: g["story"] for a in by_name[g["story"]].articles}
        story_of |= {a: sibling for a in by_name[sibling].articles}
        alignment = align([analyzed[a] for a in story_of])
        sentences = alignment.sentences
        for i in range(len(sentences)):
            for j in range(i + 1, len(sentences)):
                if sentences[i].article != sentences[j].article:
                    same = story_of[sentences[i].article] == story_of[sentences[j].article]
                    (within if same else across).append(float(alignment.similarity[i, j]))
    out: dict[str, Any] = {"chosen": ALIGN_THRESHOLD, "pairs_within": len(within),
                           "pairs_across": len(across)}
    for threshold in THRESHOLDS:
        passing_within = sum(x >= threshold for x in within)
        passing_across = sum(x >= threshold for x in across)
        total = passing_within + passing_across
        out[f"{threshold:.2f}"] = {"within": passing_within, "across": passing_across,
                                   "false_share": round(passing_across / total, 4) if total else 0.0}
    return out


def speed(articles: dict[str, Article], stories: Sequence[Story]) -> dict[str, float]:
    """Seconds for one 20-article story (model already loaded): analysis + synthesis, and
    synthesis alone (median of three runs)."""
    big = max(stories, key=lambda s: len(s.articles))
    story = Story(big.id, big.title, big.articles[:SPEED_ARTICLES])
    members = [articles[a] for a in story.articles]
    full, alone = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        analyzed = analyze_all(members)
        t1 = time.perf_counter()
        synthesize(story, analyzed)
        t2 = time.perf_counter()
        full.append(t2 - t0)
        alone.append(t2 - t1)
    return {"articles": len(members), "analyze_and_synthesize_s": round(statistics.median(full), 3),
            "synthesize_s": round(statistics.median(alone), 3)}


def run(words: int = 200) -> dict[str, Any]:
    """Every measurement, as one dict."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    english()
    t1 = time.perf_counter()
    articles = read_articles([DEV])
    analyzed = {a.article.id: a for a in analyze_all(articles)}
    stories = gold_stories(gold)
    document = brief_document(articles, stories, analyzed, words)
    t2 = time.perf_counter()
    violations = consistent_violations(document, gold)
    unmatched = unmatched_discrepancies(document, gold)
    return {
        "dev": official_scores(document, words) | {
            "consistent_violations": len(violations), "violations": violations,
            "discrepancies_unmatched": len(unmatched), "unmatched": unmatched,
            "articles": len(articles), "stories": len(stories),
            "model_load_s": round(t1 - t0, 2), "end_to_end_s": round(t2 - t1, 2),
        },
        "seeds": seed_checks(),
        "alignment": threshold_evidence(gold, stories, analyzed),
        "speed": speed({a.id: a for a in articles}, stories),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200)
    print(json.dumps(run(parser.parse_args().words), indent=2))


if __name__ == "__main__":
    main()
