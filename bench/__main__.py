"""`make bench`: run every benchmark (or those named), print their numbers, keep bench/RESULTS.md.

Each benchmark's whole result goes to bench/out/NAME.json; RESULTS.md keeps the sections the
benchmarks write themselves and, per benchmark, a table of its headline numbers (the scalars of
its result, one level of nesting deep), so that it stays readable.

Usage: python -m bench [NAME ...]   (names: see BENCHMARKS)
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.results import write_section

OUT = Path(__file__).resolve().parent / "out"

BENCHMARKS = [
    "html_extraction", "wire_accuracy", "cluster_bench", "synthesis_bench",
    "provenance_events_bench", "end_to_end", "web_load", "scale_bench",
    # skips (and says why) when the optional `semantic` extra is not installed
    "semantic_bench",
]


def headline(result: Any, prefix: str = "", depth: int = 1) -> list[tuple[str, object]]:
    """The scalar numbers, flags and short strings of a result, nested dicts `depth` levels deep."""
    if not isinstance(result, dict):
        return []
    rows: list[tuple[str, object]] = []
    for key, value in result.items():
        if isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) <= 80):
            rows.append((prefix + str(key), value))
        elif isinstance(value, dict) and depth > 0:
            rows.extend(headline(value, f"{prefix}{key}.", depth - 1))
    return rows


def main(names: list[str]) -> int:
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        choices = ", ".join(BENCHMARKS)
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {choices}", file=sys.stderr)
        return 2
    for name in names or BENCHMARKS:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        result = importlib.import_module(f"bench.{name}").run()
        seconds = time.perf_counter() - started
        whole = json.dumps(result, indent=1, default=str)
        print(whole)
        OUT.mkdir(exist_ok=True)
        (OUT / f"{name}.json").write_text(whole + "\n", encoding="utf-8")
        table = "\n".join(f"| {key} | {value} |" for key, value in headline(result))
        write_section(f"{name}-raw", f"### {name} ({seconds:.0f} s; whole result: bench/out/{name}.json)\n\n"
                      f"| measure | value |\n|---|---|\n{table}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
