"""Wire agencies against the dev gold, in both views newsfuse gives:

- **strict** `Article.wire` (the cleaner): wire copy only (dateline, "Reuters reports", byline,
  trailing credit); every dev article is scored, one absent from every gold `wire` map counting as
  "not wire copy" (accuracy, precision and recall of "is wire copy");
- **derived** `provenance.wire` (with the gold stories as stories): the agency each article's
  content derives from, with its basis (stated, outlet, inferred, cited). Scored on the articles
  the gold `wire` maps label; the articles the gold leaves unlabelled that get a derived wire are
  listed by basis (the gold labels the articles it judges derived, not every citation).

A prediction is right when its set of agencies equals the gold set; gold names go through the
agency table ("ACN (Catalan News Agency)" -> "ACN"). Every error is listed with its reason. The
photo-credit check measures how often an agency photo credit names the article's gold agency (why
photo credits are not a basis, unless the caption they close is the article's text).

Run: `.venv/bin/python -m bench.wire_accuracy [CORPUS.jsonl GOLD.json]`.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from newsfuse.model import Article, Document, Story
from newsfuse.stages.clean import clean_all
from newsfuse.stages.clean.agencies import AGENCY, canonical_agency
from newsfuse.stages.clean.attribution import PICTURE_CREDIT
from newsfuse.stages.provenance import provenance

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "stories" / "dev.jsonl"
DEV_GOLD = ROOT.parent / "shared" / "data" / "stories" / "dev-gold.json"
_PHOTO_REASONS = frozenset({"photo-credit", "caption"})
_NAMED = re.compile(rf"(?<![\w-])({AGENCY})(?![\w-])")


def agencies(value: str | None) -> frozenset[str]:
    """The set of agencies of a wire value ("AP; AFP"), each under its canonical name."""
    out = set()
    for part in (value or "").split(";"):
        part = part.strip()
        if part:
            out.add(canonical_agency(part, credit=True) or canonical_agency(part.split(" (")[0], credit=True)
                    or part)
    return frozenset(out)


def load(corpus: Path, gold: Path) -> tuple[list[Document], dict[str, frozenset[str]]]:
    """The corpus as text documents (url and outlet as given) and the gold agencies per article."""
    docs = []
    with corpus.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            fields = {k: row[k] for k in ("url", "outlet", "title", "published") if row.get(k)}
            docs.append(Document(id=row["id"], source=f"{corpus.name}:{n}", kind="text", content=row["text"],
                                 url=row.get("url"), fields=fields))
    stories = json.loads(gold.read_text(encoding="utf-8"))["stories"]
    wires = {aid: agencies(agency) for story in stories for aid, agency in story.get("wire", {}).items()}
    return docs, {d.id: wires.get(d.id, frozenset()) for d in docs}


def stories_of(gold: dict) -> list[tuple[dict, Story]]:
    """The stories of a gold document, each with a `Story` of its articles."""
    members: dict[str, list[str]] = defaultdict(list)
    for article, story in gold["assignments"].items():
        members[story].append(article)
    return [(s, Story(s["story"], s["title"], tuple(sorted(members[s["story"]])))) for s in gold["stories"]]


def photo_agencies(article: Article) -> frozenset[str]:
    """The agencies named by the article's photo credits: removed credit and caption lines, and
    picture credits left in its text ("REUTERS/Jane Roe")."""
    credits = [r.text for r in article.removed if r.reason in _PHOTO_REASONS]
    names = [m.group(1) for text in credits for m in _NAMED.finditer(text)]
    names += [m.group("agency") for m in PICTURE_CREDIT.finditer(article.text)]
    return frozenset(agency for name in names if (agency := canonical_agency(name, credit=True)))


def _miss_reason(article: Article, missing: frozenset[str]) -> str:
    photo = photo_agencies(article) & missing
    if photo:
        return (f"only a photo credit names {', '.join(sorted(photo))} (photo credits are not read, "
                "unless the caption they close is the article's text)")
    return "no wire copy, agency site, copying or citation found for it"


def strict_report(
    articles: list[Article], truth: dict[str, frozenset[str]], derived: dict[str, dict[str, object]]
) -> dict[str, object]:
    """`Article.wire` against the gold over every article (unlabelled = not wire copy); a miss is
    explained by what provenance derived for the article (`derived`: article id -> `wire_row`)."""
    errors = []
    tp = fp = fn = right = labelled_right = 0
    for a in articles:
        pred, true = agencies(a.wire), truth[a.id]
        right += pred == true
        labelled_right += bool(true) and pred == true
        tp += bool(pred) and bool(true)
        fp += bool(pred) and not true
        fn += bool(true) and not pred
        if pred != true:
            row = derived.get(a.id, {})
            if pred:
                reason = f"wire copy evidence {a.wire_evidence!r}"
            elif row.get("pred"):
                found = row["evidence"] or row["via"]
                reason = f"not wire copy; provenance: {row['pred']} {row['basis']} ({found})"
            else:
                reason = _miss_reason(a, true)
            errors.append({"id": a.id, "outlet": a.outlet, "gold": sorted(true), "pred": sorted(pred),
                           "reason": reason})
    labelled = sum(bool(v) for v in truth.values())
    return {
        "articles": len(articles),
        "accuracy": round(right / len(articles), 4) if articles else 0.0,
        "labelled": labelled,
        "labelled_accuracy": round(labelled_right / labelled, 4) if labelled else 0.0,
        "wire_precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "wire_recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "errors": errors,
    }


def wire_row(article: Article, gold: frozenset[str], prov: dict) -> dict[str, object]:
    """One article's derived wire (from a story's `provenance` dict) beside its gold agencies."""
    basis = prov["wire_basis"].get(article.id, {})
    pred = agencies(prov["wire"].get(article.id))
    row: dict[str, object] = {"article": article.id, "outlet": article.outlet, "gold": sorted(gold),
                              "pred": sorted(pred), "basis": basis.get("basis"),
                              "evidence": basis.get("evidence"), "via": basis.get("via")}
    if pred != gold:
        row["reason"] = (f"{basis['basis']}: {basis.get('evidence') or ''} {basis.get('via') or ''}".strip()
                         if pred else _miss_reason(article, gold))
    return row


def derived_report(rows: list[dict[str, object]]) -> dict[str, object]:
    """Accuracy of the derived wire on the gold-labelled rows; the unlabelled rows given a wire."""
    labelled = [r for r in rows if r["gold"]]
    right = [r for r in labelled if r["gold"] == r["pred"]]
    extra = [r for r in rows if not r["gold"] and r["pred"]]
    return {
        "labelled": len(labelled),
        "accuracy": round(len(right) / len(labelled), 4) if labelled else 0.0,
        "right_by_basis": dict(Counter(str(r["basis"]) for r in right)),
        "errors": [r for r in labelled if r["gold"] != r["pred"]],
        "unlabelled_with_wire_by_basis": dict(Counter(str(r["basis"]) for r in extra)),
        "unlabelled_with_wire": extra,
    }


def photo_check(articles: list[Article], truth: dict[str, frozenset[str]]) -> dict[str, int]:
    """How often an agency photo credit names the gold agency of its article."""
    with_credit = [(photo_agencies(a), truth[a.id]) for a in articles if photo_agencies(a)]
    return {
        "articles_with_agency_photo_credit": len(with_credit),
        "labelled": sum(bool(g) for _, g in with_credit),
        "credit_names_a_gold_agency": sum(bool(p & g) for p, g in with_credit),
        "unlabelled": sum(not g for _, g in with_credit),
    }


def run(corpus: Path = DEV, gold: Path = DEV_GOLD) -> dict[str, object]:
    """Clean the corpus, score both wire views, print a summary and every error."""
    docs, truth = load(corpus, gold)
    articles = clean_all(docs)
    by_id = {a.id: a for a in articles}
    rows = []
    for _, story in stories_of(json.loads(gold.read_text(encoding="utf-8"))):
        prov = provenance(story, articles).to_dict()["provenance"]
        rows.extend(wire_row(by_id[i], truth[i], prov) for i in story.articles if i in by_id)
    result = strict_report(articles, truth, {str(r["article"]): r for r in rows})
    result["derived"] = derived = derived_report(rows)
    result["photo_credits"] = photo = photo_check(articles, truth)
    print(f"strict Article.wire on {corpus.name}: {result['labelled_accuracy']:.4f} of {result['labelled']} "
          f"labelled; accuracy {result['accuracy']:.4f} over {result['articles']} articles; wire copy "
          f"precision {result['wire_precision']:.4f} recall {result['wire_recall']:.4f}")
    for e in result["errors"]:  # type: ignore[attr-defined]
        print(f"  {e['id']} {e['outlet']}: gold {e['gold']} pred {e['pred']}: {e['reason']}")
    print(f"derived provenance wire: {derived['accuracy']:.4f} of {derived['labelled']} labelled; right by "
          f"basis {derived['right_by_basis']}")
    for e in derived["errors"]:  # type: ignore[attr-defined]
        print(f"  {e['article']} {e['outlet']}: gold {e['gold']} pred {e['pred']}: {e['reason']}")
    print(f"unlabelled articles given a derived wire, by basis: {derived['unlabelled_with_wire_by_basis']}")
    for e in derived["unlabelled_with_wire"]:  # type: ignore[attr-defined]
        print(f"  {e['article']} {e['outlet']}: {e['pred']} {e['basis']}: {e['evidence'] or e['via']}")
    print(f"photo credits: {photo}")
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
