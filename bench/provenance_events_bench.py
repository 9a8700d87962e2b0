"""Provenance and event records on the dev corpus, with the GOLD story assignments as stories.

Measures:
- wire: on every article a gold `wire` map labels, whether provenance's wire (stated, outlet,
  inferred or cited: `stages.wire_basis`) is the gold set of agencies, each error with its reason
  (`bench/wire_accuracy.py` scores the strict `Article.wire` beside it);
- the Maheen story's families: the AP-derived copies (the gold AP articles and those writing
  "Mahin" and "25 kilometers") in one family, the Reuters-derived ones (gold Reuters) in another;
- events: each story's type, and `when` against the gold date (the day; or, with only a weekday in
  the text, that weekday);
- time per story (after analysis).

Run: `.venv/bin/python -m bench.provenance_events_bench`.
"""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from bench.wire_accuracy import DEV, DEV_GOLD, derived_report, load, stories_of, wire_row
from newsfuse.model import Article, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import clean_all
from newsfuse.stages.events import event
from newsfuse.stages.events.gazetteer import gazetteer
from newsfuse.stages.provenance import provenance

MAHEEN = "maheen-capture-2015"
MIN_ARTICLES = 3


def ap_reuters_families(story: Story, articles: dict[str, Article], families: list[dict],
                        gold_wire: dict[str, str]) -> dict[str, object]:
    """Whether the Maheen AP-derived and Reuters-derived copies form two separate families."""
    ap = {a for a in story.articles if gold_wire.get(a) == "AP"
          or ("Mahin" in articles[a].text and "25 kilometers" in articles[a].text)}
    reuters = {a for a in story.articles if gold_wire.get(a) == "Reuters"}
    home = {a: f["id"] for f in families for a in f["articles"]}
    ap_families = {home.get(a) for a in ap}
    reuters_families = {home.get(a) for a in reuters}
    ok = (len(ap_families) == 1 and None not in ap_families and len(reuters_families) == 1
          and None not in reuters_families and ap_families.isdisjoint(reuters_families))
    return {"ok": ok, "ap_derived": sorted(ap), "reuters_derived": sorted(reuters),
            "families": families}


def _when_matches(when: dict, gold_date: str) -> str:
    """"day" (right to the day), "weekday" (the weekday of the gold day), else "wrong"/"none"."""
    value, precision = when.get("when"), when.get("when_precision")
    if value is None:
        return "none"
    if precision == "day":
        return "day" if value == gold_date else "wrong"
    if precision == "weekday" and len(gold_date) == 10:
        return "weekday" if date.fromisoformat(gold_date).strftime("%A") == value else "wrong"
    return "coarse" if gold_date.startswith(value) else "wrong"


def run(corpus: Path = DEV, gold_path: Path = DEV_GOLD) -> dict:
    """Measure provenance and events on the dev corpus with gold stories."""
    docs, truth = load(corpus, gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    articles = clean_all(docs)
    analyzed = analyze_all(articles)
    prepared = time.perf_counter() - started
    started = time.perf_counter()
    gazetteer()
    gazetteer_load = time.perf_counter() - started
    by_id = {a.id: a for a in articles}
    wire_rows, story_rows, families = [], [], None
    prov_time = event_time = 0.0
    for gold_story, story in stories_of(gold):
        started = time.perf_counter()
        prov = provenance(story, articles).to_dict()["provenance"]
        prov_time += time.perf_counter() - started
        started = time.perf_counter()
        record = event(story, analyzed).to_dict()["event"]
        event_time += time.perf_counter() - started
        wire_rows.extend(wire_row(by_id[i], truth[i], prov) for i in story.articles if i in by_id)
        if story.id == MAHEEN:
            families = ap_reuters_families(story, by_id, prov["families"], gold_story["wire"])
        story_rows.append({
            "story": story.id, "articles": len(story.articles), "type": record["type"],
            "location": record["location"], "actors": record["actors"], "when": record["when"],
            "when_precision": record["when_precision"], "gold_date": gold_story["date"],
            "when_match": _when_matches(record, gold_story["date"]),
            "casualties": record["casualties"], "according_to": record["according_to"],
        })
    big = [r for r in story_rows if r["articles"] >= MIN_ARTICLES]
    wire = derived_report(wire_rows)
    return {
        "articles": len(articles),
        "stories": len(story_rows),
        "wire_labelled_articles": wire["labelled"],
        "wire_accuracy": wire["accuracy"],
        "wire_right_by_basis": wire["right_by_basis"],
        "wire_errors": wire["errors"],
        "wire_unlabelled_given_a_wire_by_basis": wire["unlabelled_with_wire_by_basis"],
        "maheen_families": families,
        "when_on_stories_with_3_or_more": {
            kind: sum(r["when_match"] == kind for r in big)
            for kind in ("day", "weekday", "coarse", "wrong", "none")
        },
        "stories_detail": story_rows,
        "seconds": {
            "clean_and_analyze": round(prepared, 2), "gazetteer_load": round(gazetteer_load, 2),
            "provenance_per_story": round(prov_time / len(story_rows), 4),
            "event_per_story": round(event_time / len(story_rows), 4),
        },
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=1, ensure_ascii=False))
