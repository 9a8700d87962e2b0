"""A small store written by hand for the web tests: one invented story with every contract field
(brief, claims, discrepancies with an evolving toll, unique facts, provenance, event), one article
full of markup and a `javascript:` URL, and a second story that was clustered but not briefed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse.model import Article, Removed, Skipped, Story
from newsfuse.store import Store
from newsfuse.web.app import create_app

SCRIPT = '<script>alert("x")</script>'
BASE = "http://127.0.0.1:8000"
HOSTILE_TEXT = ("The town library of Pemberton reopened on Friday after a two-year renovation, "
                f"the council said. {SCRIPT} Visitors queued from early morning for the new reading room.\n"
                "The reading room seats eighty people and stays open until nine in the evening.")


TEXTS = {
    "w1": ("A pedestrian bridge collapsed in Linden Falls on Monday, injuring 12 people, officials said.\n"
           "The span crossed the Arden river about 3 km (2 miles) north of the town centre.\n"
           "The mayor ordered an inspection of every footbridge in the district."),
    "w2": ("A footbridge collapsed in Linden Falls on Monday, injuring 15 people, the fire service said.\n"
           "The bridge crossed the Arden river about 2 miles north of the centre.\n"
           "Engineers blamed corrosion in the steel cables."),
    "w3": (f"A bridge collapsed in Linden Falls on Monday. {SCRIPT}\n"
           "Witnesses heard a loud crack before the fall."),
    "x1": "Voters in Marlow Bay approved a new harbour tax on Tuesday by a narrow margin.",
}


def span(article: str, words: str) -> dict[str, Any]:
    """The citation of `words` in one of the articles above."""
    start = TEXTS[article].index(words)
    return {"article": article, "start": start, "end": start + len(words)}


def articles() -> list[Article]:
    return [
        Article(id="w1", source="https://riverpost.example/2024/03/04/bridge", text=TEXTS["w1"],
                url="https://riverpost.example/2024/03/04/bridge", outlet="riverpost.example",
                title="Footbridge collapses in Linden Falls", published="2024-03-04T09:00:00Z",
                wire="Reuters", wire_evidence="(Reuters)"),
        Article(id="w2", source="https://dailyledger.example/bridge", text=TEXTS["w2"],
                url="https://dailyledger.example/bridge", outlet="dailyledger.example",
                title="Bridge falls, 15 hurt", published="2024-03-05T10:00:00Z"),
        Article(id="w3", source="upload.txt", text=TEXTS["w3"], url="javascript:alert(1)",
                outlet="<b>evil</b>.example", title="<img src=x onerror=alert(1)>",
                published="2024-03-06", removed=(Removed(f"{SCRIPT} Subscribe now", "newsletter"),)),
        Article(id="x1", source="x1.txt", text=TEXTS["x1"], outlet="harbourgazette.example",
                published="2023-01-10T08:00:00Z"),
    ]


def bridge_story() -> dict[str, Any]:
    """The contract story object of the bridge story."""
    crossing = "The bridge crossed the Arden river about 2 miles north of the centre."
    lede = "A pedestrian bridge collapsed in Linden Falls on Monday, injuring 12 people, officials said."
    script_sentence = f"A bridge collapsed in Linden Falls on Monday. {SCRIPT}"
    injured = [("12 people", 12, ["w1"]), ("15 people", 15, ["w2"])]
    values = [{"text": t, "normalized": n, "unit": "person", "articles": a,
               "sentences": [span(a[0], t)]} for t, n, a in injured]
    return {
        "id": "s1", "title": f"Linden Falls bridge {SCRIPT}", "articles": ["w1", "w2", "w3"],
        "brief": {"sentences": [
            {"text": lede, "citations": [span("w1", lede)], "support": ["w1", "w2", "w3"], "role": "lede"},
            {"text": script_sentence, "citations": [span("w3", script_sentence)], "support": ["w3"],
             "role": "single"},
        ]},
        "claims": [
            {"id": "c1", "text": lede, "support": ["w1", "w2", "w3"],
             "sentences": [span("w1", lede), span("w3", "A bridge collapsed in Linden Falls on Monday.")]},
            {"id": "c2", "text": crossing, "support": ["w1", "w2"], "sentences": [span("w2", crossing)]},
            {"id": "c3", "text": "injuring 15 people, the fire service said", "support": ["w2"],
             "sentences": [span("w2", "injuring 15 people, the fire service said")]},
        ],
        "discrepancies": [{"about": "people injured", "kind": "count", "values": values, "evolving": True,
                           "conservative": values[0], "latest": values[1]}],
        "unique": {"w2": ["Engineers blamed corrosion in the steel cables."],
                   "w3": ["Witnesses heard a loud crack before the fall."]},
        "provenance": {
            "edges": [{"from": "w1", "to": "w3", "shared": 0.4, "reverse": 0.2, "directed": True,
                       "basis": "date", "spans": []}],
            "wire": {"w1": "Reuters", "w3": "Reuters"},
            "wire_basis": {"w1": {"wire": "Reuters", "basis": "stated", "evidence": "(Reuters)"},
                           "w3": {"wire": "Reuters", "basis": "inferred", "via": "w1"}},
            "families": [{"id": "f1", "articles": ["w1", "w3"], "wire": "Reuters", "origin": "w1"}],
            "origin": {"f1": {"article": "w1", "reasons": ["stated wire", "earliest"]}},
        },
        "event": {
            "type": "collapse", "category": "disaster", "acled": None, "actors": ["Linden Falls council"],
            "location": "Linden Falls", "where": {"place": "Linden Falls", "admin": None, "country": None,
                                                  "lat": 51.25, "lon": -1.5},
            "when": "2024-03-04", "when_precision": "day", "casualties": {"injured": 12},
            "casualty_detail": {"injured": {"count": 12, "range": [12, 15], "articles": ["w1", "w2"],
                                            "victims": None, "side": None, "vague": False}},
            "according_to": ["officials", "the fire service"],
            "evidence": {"location": [{"value": "Linden Falls", **span("w1", lede),
                                       "quote": "Linden Falls"}]},
        },
    }


def build_store(path: Path) -> Path:
    """Write the hand-made store to `path`."""
    with Store.open(path) as store:
        store.add_articles(articles())
        store.save_stories([Story("s1", bridge_story()["title"], ("w1", "w2", "w3")),
                            Story("s2", "Harbour tax vote", ("x1",))], None)
        store.save_story_docs({"s1": bridge_story()})
        store.record_skipped([Skipped("feed.jsonl:3", f"no 'text' field {SCRIPT}")])
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "news.duckdb")


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """A stored run (ingest, cluster, brief) of the seeds plus one article full of markup whose URL
    is a `javascript:` URL."""
    from newsfuse import api

    folder = tmp_path_factory.mktemp("seeds")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps({"id": "hostile", "url": "javascript:alert(1)", "outlet": "prank.example",
                                   "title": f"Library reopens {SCRIPT}", "text": HOSTILE_TEXT}) + "\n")
    db = folder / "seeds.duckdb"
    api.ingest([*map(str, seed_paths), str(hostile)], db)
    api.brief_store(db)
    return db
