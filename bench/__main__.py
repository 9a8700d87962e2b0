"""`make bench`: run every benchmark (or those named), print their numbers, keep bench/RESULTS.md.

Usage: python -m bench [NAME ...]   (names: see BENCHMARKS)
"""

from __future__ import annotations

import importlib
import json
import sys
import time

from bench.results import write_section

BENCHMARKS = [
    "html_extraction", "wire_accuracy", "cluster_bench", "synthesis_bench",
    "provenance_events_bench", "end_to_end", "web_load", "scale_bench",
]


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
        print(json.dumps(result, indent=1, default=str))
        write_section(f"{name}-raw", f"### {name} (raw, {seconds:.0f} s)\n\n```json\n"
                      f"{json.dumps(result, indent=1, default=str)}\n```")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
