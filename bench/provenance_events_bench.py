"""Provenance and event records on the dev corpus, with the GOLD story assignments as stories.

Measures:
- wire: on every article a gold `wire` map labels, whether provenance's wire (stated by the text,
  or inferred from the credited text it copies) is the gold set of agencies; each error with what
  the cleaner found (the cleaner's own accuracy is `bench/wire_accuracy.py`);
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
from collections import defaultdict
from datetime import date
from pathlib import Path

from bench.wire_accuracy import DEV, DEV_GOLD, load
from newsfuse.model import Article, Story
from newsfuse.stages.analyze import analyze_all
from newsfuse.stages.clean import clean_all
from newsfuse.stages.events import event
from newsfuse.stages.events.gazetteer import gazetteer
from newsfuse.stages.provenance import provenance

MAHEEN = "maheen-capture-2015"
MIN_ARTICLES = 3


def _agencies(value: str | None) -> frozenset[str]:
    return frozenset(a.strip() for a in (value or "").split(";") if a.strip())


def stories_of(gold: dict) -> list[tuple[dict, Story]]:
    """The gold stories, each with a `Story` of its articles."""
    members: dict[str, list[str]] = defaultdict(list)
    for article, story in gold["assignments"].items():
        members[story].append(article)
    return [(s, Story(s["story"], s["title"], tuple(sorted(members[s["story"]])))) for s in gold["stories"]]


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
    docs, _ = load(corpus, gold_path)
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
        for article, agency in gold_story["wire"].items():
            basis = prov["wire_basis"].get(article, {})
            wire_rows.append({
                "story": story.id, "article": article, "outlet": by_id[article].outlet,
                "gold": sorted(_agencies(agency)), "pred": sorted(_agencies(prov["wire"].get(article))),
                "basis": basis.get("basis"), "via": basis.get("via"),
                "cleaner": by_id[article].wire, "cleaner_evidence": by_id[article].wire_evidence,
            })
        if story.id == MAHEEN:
            families = ap_reuters_families(story, by_id, prov["families"], gold_story["wire"])
        story_rows.append({
            "story": story.id, "articles": len(story.articles), "type": record["type"],
            "location": record["location"], "actors": record["actors"], "when": record["when"],
            "when_precision": record["when_precision"], "gold_date": gold_story["date"],
            "when_match": _when_matches(record, gold_story["date"]),
            "casualties": record["casualties"], "according_to": record["according_to"],
        })
    right = [r for r in wire_rows if r["gold"] == r["pred"]]
    big = [r for r in story_rows if r["articles"] >= MIN_ARTICLES]
    return {
        "articles": len(articles),
        "stories": len(story_rows),
        "wire_labelled_articles": len(wire_rows),
        "wire_accuracy": round(len(right) / len(wire_rows), 4) if wire_rows else 0.0,
        "wire_right_stated": sum(r["basis"] == "stated" for r in right),
        "wire_right_inferred": sum(r["basis"] == "inferred" for r in right),
        "wire_errors": [r for r in wire_rows if r["gold"] != r["pred"]],
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
