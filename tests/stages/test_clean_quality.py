"""Quality gates of the cleaner on the shared evaluation sets (read at run time): minimum scores
that may only be raised, never lowered silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import html_extraction, wire_accuracy

HTML_F1_FLOOR = 0.965
WIRE_PRECISION_FLOOR = 0.9
WIRE_ACCURACY_FLOOR = 0.9


@pytest.mark.slow
def test_html_extraction_beats_the_floor_and_plain_trafilatura(tmp_path: Path) -> None:
    if not html_extraction.SET_DIR.exists():
        pytest.fail(f"{html_extraction.SET_DIR} is missing: the tests need ../shared beside the project")
    results = html_extraction.run(html_extraction.SET_DIR, tmp_path)
    ours, plain = results["newsfuse"], results["trafilatura"]
    assert ours["extracted"] == ours["pages"]
    assert ours["f1"] >= HTML_F1_FLOOR
    assert ours["f1"] > plain["f1"]


@pytest.mark.slow
def test_wire_labels_on_the_dev_corpus(dev_corpus: Path, dev_gold: Path) -> None:
    result = wire_accuracy.run(dev_corpus, dev_gold)
    assert result["wire_precision"] >= WIRE_PRECISION_FLOOR
    assert result["accuracy"] >= WIRE_ACCURACY_FLOOR
