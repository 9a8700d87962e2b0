"""Clustering on ../shared data, read at run time through the real read -> clean path: the two seed
articles are one story, and the dev corpus keeps its B-cubed F1 (scored by the official tool)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsfuse import api
from newsfuse.stages.cluster import cluster

# This version scores 0.922 (TF-IDF + average-link agglomerative, tuned on dev: 0.745); the floor
# below may only ever be raised.
DEV_BCUBED_FLOOR = 0.91


def test_the_two_seed_articles_form_one_story(seed_paths: list[Path]) -> None:
    articles = api.extract([str(p) for p in seed_paths]).articles
    assert len(articles) == 2
    stories, _ = cluster(articles)
    assert [len(s.articles) for s in stories] == [2]


def test_dev_corpus_bcubed(dev_corpus: Path, dev_gold: Path, tmp_path: Path) -> None:
    articles = api.extract([str(dev_corpus)]).articles
    stories, _ = cluster(articles)
    pred = tmp_path / "stories.json"
    pred.write_text(json.dumps({"stories": [s.to_dict() for s in stories]}), encoding="utf-8")
    scorer = dev_corpus.parents[2] / "tools" / "stories_eval.py"
    done = subprocess.run([sys.executable, str(scorer), str(dev_corpus), str(dev_gold), str(pred), "--json"],
                          check=True, capture_output=True, text=True)
    scores = json.loads(done.stdout.strip().splitlines()[-1])
    assert scores["dropped_articles"] == 0
    assert scores["bcubed_f1"] >= DEV_BCUBED_FLOOR
