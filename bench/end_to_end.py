"""End to end, as a user runs it: `newsfuse brief dev.jsonl --json --words 200`, timed, scored.

Clustering, synthesis, provenance and events all come from the real command (no gold stories),
and the official `tools/stories_eval.py` scores the document: B-cubed, nugget recall, faithful
sentences, discrepancy recall and `consistent_flagged` (false alarms on annotated consistent
variants, which must be 0).  Beside the scorer's `consistent_flagged`, which reads a variant list
such as `"20 km" = "13 miles"; "25 km" = "15 miles"` as one chain (so that any report of 20 km vs
25 km counts as a false alarm), `consistent_violations` is our own check of the same variants
(`synthesis_bench.consistent_violations`), on each gold story's best-overlapping reported story.
The seeds run the same way.

Run: `.venv/bin/python -m bench.end_to_end`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.results import write_section
from bench.synthesis_bench import consistent_violations

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "stories" / "dev.jsonl"
GOLD = SHARED / "data" / "stories" / "dev-gold.json"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
SCORER = SHARED / "tools" / "stories_eval.py"
OUT = ROOT / "bench" / "out"
NEWSFUSE = [sys.executable, "-m", "newsfuse.cli"]


def brief(inputs: list[Path], out: Path, words: int) -> float:
    """Run `newsfuse brief INPUTS --json --words N` into `out`; returns the wall time."""
    started = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([*NEWSFUSE, "brief", *map(str, inputs), "--json", "--words", str(words), "--quiet"],
                       stdout=f, check=True)
    return time.perf_counter() - started


def seeds_summary(doc: dict[str, Any]) -> dict[str, Any]:
    """The seeds' acceptance figures: one story, support of both, Maheen named, exact citations."""
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    story = doc["stories"][0]
    sentences = story["brief"]["sentences"]
    return {
        "stories": len(doc["stories"]),
        "claims_supported_by_both": sum(1 for c in story["claims"] if len(c["support"]) >= 2),
        "brief_sentences_supported_by_both": sum(1 for s in sentences if len(s["support"]) >= 2),
        "brief_names_maheen": any("Maheen" in s["text"] for s in sentences),
        "citations_exact": all(texts[c["article"]][c["start"]:c["end"]] == s["text"]
                               for s in sentences for c in s["citations"]),
        "discrepancies": [d.get("about") for d in story["discrepancies"]],
        "unique_facts_per_article": {a: len(f) for a, f in story["unique"].items()},
    }


def as_gold_stories(doc: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """`doc` with, for every gold story, the reported story sharing most articles with it,
    renamed to the gold story's name (as the scorer pairs them)."""
    members = {s["id"]: {a.split("#")[0] for a in s["articles"]} for s in doc["stories"]}
    by_id = {s["id"]: s for s in doc["stories"]}
    gold_members: dict[str, set[str]] = {}
    for article, story in gold["assignments"].items():
        gold_members.setdefault(story, set()).add(article)
    paired = []
    for name, articles in gold_members.items():
        best = max(members, key=lambda k: len(members[k] & articles), default=None)
        if best is not None and members[best] & articles:
            paired.append(by_id[best] | {"id": name})
    return {"articles": doc["articles"], "stories": paired}


def run(words: int = 200) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    dev_out, seeds_out = OUT / "brief_dev.json", OUT / "brief_seeds.json"
    dev_seconds = brief([DEV], dev_out, words)
    scores = json.loads(subprocess.run([sys.executable, str(SCORER), str(DEV), str(GOLD), str(dev_out),
                                        "--words", str(words), "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    paired = as_gold_stories(json.loads(dev_out.read_text(encoding="utf-8")), gold)
    violations = consistent_violations(paired, gold)
    scores["consistent_violations"] = len(violations)
    seeds_seconds = brief(SEEDS, seeds_out, words)
    seeds = seeds_summary(json.loads(seeds_out.read_text(encoding="utf-8")))
    result = {"dev": scores | {"seconds": round(dev_seconds, 1)},
              "seeds": seeds | {"seconds": round(seeds_seconds, 1)}}
    rows = "\n".join(f"| {k} | {v} |" for k, v in result["dev"].items())
    write_section("end-to-end", "### End to end: `newsfuse brief dev.jsonl --json --words 200`\n\n"
                  f"| measure | value |\n|---|---|\n{rows}\n\nSeeds: `{json.dumps(seeds)}`")
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
