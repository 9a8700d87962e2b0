"""Shared test fixtures: paths into ../shared, read at run time (never copied into the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEV = SHARED / "data" / "stories" / "dev.jsonl"
DEV_GOLD = SHARED / "data" / "stories" / "dev-gold.json"
HTML_SET = SHARED / "data" / "html-extraction"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: the tests need ../shared beside the project")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    return _need(DEV)


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    return _need(DEV_GOLD)
