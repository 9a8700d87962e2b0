"""Wire-agency detection against the dev gold: every dev article cleaned, its `wire` compared with
the gold `wire` maps of dev-gold.json (an article absent from every map is not wire copy).

A prediction is right when its set of agencies ("AFP; AP") equals the gold set.  Prints accuracy,
precision and recall of "is wire copy", and each error with the evidence found.

Run: `.venv/bin/python -m bench.wire_accuracy [CORPUS.jsonl GOLD.json]`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsfuse.model import Article, Document
from newsfuse.stages.clean import clean_all

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "stories" / "dev.jsonl"
DEV_GOLD = ROOT.parent / "shared" / "data" / "stories" / "dev-gold.json"


def _agencies(value: str | None) -> frozenset[str]:
    return frozenset(a.strip() for a in (value or "").split(";") if a.strip())


def load(corpus: Path, gold: Path) -> tuple[list[Document], dict[str, frozenset[str]]]:
    """The corpus as text documents (url and outlet as given) and the gold agencies per article."""
    docs = []
    with corpus.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            fields = {k: row[k] for k in ("url", "outlet", "title", "published") if row.get(k)}
            docs.append(
                Document(
                    id=row["id"],
                    source=f"{corpus.name}:{n}",
                    kind="text",
                    content=row["text"],
                    url=row.get("url"),
                    fields=fields,
                )
            )
    stories = json.loads(gold.read_text(encoding="utf-8"))["stories"]
    wires = {aid: _agencies(agency) for story in stories for aid, agency in story.get("wire", {}).items()}
    return docs, {d.id: wires.get(d.id, frozenset()) for d in docs}


def evaluate(articles: list[Article], gold: dict[str, frozenset[str]]) -> dict[str, object]:
    """Accuracy of the agency sets, and precision/recall of flagging an article as wire copy."""
    errors = []
    tp = fp = fn = right = 0
    for a in articles:
        pred, true = _agencies(a.wire), gold[a.id]
        right += pred == true
        tp += bool(pred) and bool(true)
        fp += bool(pred) and not true
        fn += bool(true) and not pred
        if pred != true:
            errors.append(
                {
                    "id": a.id,
                    "outlet": a.outlet,
                    "gold": sorted(true),
                    "pred": sorted(pred),
                    "evidence": a.wire_evidence,
                }
            )
    return {
        "articles": len(articles),
        "accuracy": round(right / len(articles), 4) if articles else 0.0,
        "wire_precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "wire_recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "gold_wire_articles": sum(bool(v) for v in gold.values()),
        "errors": errors,
    }


def run(corpus: Path = DEV, gold: Path = DEV_GOLD) -> dict[str, object]:
    """Clean the corpus, score its wire labels, print a summary and the errors."""
    docs, truth = load(corpus, gold)
    result = evaluate(clean_all(docs), truth)
    print(
        f"wire on {corpus.name}: accuracy {result['accuracy']:.4f} over {result['articles']} articles; "
        f"wire copy precision {result['wire_precision']:.4f} recall {result['wire_recall']:.4f} "
        f"({result['gold_wire_articles']} gold wire articles)"
    )
    for e in result["errors"]:  # type: ignore[union-attr]
        print(f"  {e['id']} {e['outlet']}: gold {e['gold']} pred {e['pred']} evidence {e['evidence']!r}")
    return result


def main() -> None:
    """Command line: optional corpus and gold paths."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEV)
    parser.add_argument("gold", nargs="?", type=Path, default=DEV_GOLD)
    args = parser.parse_args()
    run(args.corpus, args.gold)


if __name__ == "__main__":
    main()
