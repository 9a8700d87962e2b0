"""Main-text extraction quality: newsfuse's cleaner beside plain trafilatura, in the same run.

Unpacks the html-extraction set (`../shared/data/html-extraction/html/KEY.html.gz`) to a temporary
directory as KEY.html, reads each page with the HTML reader, extracts it with `clean_all` and with
`trafilatura.extract(html)` (library defaults), writes both as JSONL ({"source", "text"}) and scores
both with the official `tools/html_eval.py` (shingle precision / recall / F1).

Run: `.venv/bin/python -m bench.html_extraction [SET_DIR] [--out DIR]`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import trafilatura

from newsfuse.ingest.html import read_html
from newsfuse.model import Document
from newsfuse.stages.clean import clean_all

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SET_DIR = SHARED / "data" / "html-extraction"
SCORER = SHARED / "tools" / "html_eval.py"
OUT_DIR = ROOT / "bench" / "out"


def unpack(set_dir: Path, into: Path) -> list[Path]:
    """Every `html/KEY.html.gz` of the set written as `into/KEY.html`."""
    pages = []
    for packed in sorted((set_dir / "html").glob("*.html.gz")):
        page = into / packed.name.removesuffix(".gz")
        page.write_bytes(gzip.decompress(packed.read_bytes()))
        pages.append(page)
    return pages


def read_pages(pages: Sequence[Path]) -> list[Document]:
    """Each page as the HTML reader makes it (encoding detected, address from the page)."""
    return [doc for page in pages for doc in read_html(str(page), page.read_bytes())]


def _newsfuse(docs: Sequence[Document]) -> list[str]:
    return [a.text for a in clean_all(docs)]


def _trafilatura(docs: Sequence[Document]) -> list[str]:
    return [trafilatura.extract(d.content) or "" for d in docs]


def score(set_dir: Path, extracted: Path) -> dict[str, float]:
    """The official scorer's numbers for one JSONL of extracted texts."""
    run = subprocess.run(
        [sys.executable, str(SCORER), str(set_dir), str(extracted)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def _measure(
    name: str,
    extractor: Callable[[Sequence[Document]], list[str]],
    docs: Sequence[Document],
    set_dir: Path,
    out_dir: Path,
) -> dict[str, float]:
    start = time.perf_counter()
    texts = extractor(docs)
    seconds = time.perf_counter() - start
    path = out_dir / f"html-{name}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for doc, text in zip(docs, texts, strict=True):
            f.write(json.dumps({"source": doc.source, "text": text}, ensure_ascii=False) + "\n")
    return {**score(set_dir, path), "seconds": round(seconds, 2)}


def run(set_dir: Path = SET_DIR, out_dir: Path = OUT_DIR) -> dict[str, dict[str, float]]:
    """Score newsfuse and plain trafilatura on the set; returns {system: {precision, recall, f1,
    pages, extracted, seconds}} and prints a table."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        docs = read_pages(unpack(set_dir, Path(tmp)))
        results = {
            "newsfuse": _measure("newsfuse", _newsfuse, docs, set_dir, out_dir),
            "trafilatura": _measure("trafilatura", _trafilatura, docs, set_dir, out_dir),
        }
    print(f"html extraction on {set_dir.name} ({len(docs)} pages)")
    print(f"{'system':<12} {'precision':>9} {'recall':>7} {'f1':>7} {'seconds':>8}")
    for system, r in results.items():
        print(f"{system:<12} {r['precision']:>9.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} {r['seconds']:>8.2f}")
    return results


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: optional set directory and output directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", nargs="?", type=Path, default=SET_DIR)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    run(args.set_dir, args.out)


if __name__ == "__main__":
    main()
