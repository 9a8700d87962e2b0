"""Story clustering: quality on the dev corpus and speed / memory on scale corpora, beside the
TF-IDF + average-link agglomerative recipe (bench/baselines.py) measured in the same run.

- Dev: the dev corpus goes through the real path (read -> clean -> cluster); both methods' stories
  are scored by ../shared/tools/stories_eval.py (B-cubed).  The baseline's distance threshold is
  tuned on the same dev corpus first, which flatters it.
- Checks on dev: the same stories on a second run and on shuffled input; clustering in two halves
  through a serialised `ClusterState` against one pass (B-cubed agreement, ids that survive).
- Scale: corpora made by ../shared/tools/scale_corpus.py (cached in bench/out/scale-N.jsonl).
  Each method runs in a child process of its own (`python -m bench.cluster_bench child ...`) that
  reads the JSONL records into articles (`published`: the URL's date, else a date line at the top
  of the text, as the cleaner reads them; no other cleaning), clusters them, and reports wall and
  CPU time (its feature-extraction workers' included).  Peak memory is the larger of the child's
  own peak resident set and the peak, sampled every quarter second, of the proportional set size
  (PSS) summed over the child and its workers (forked workers share the parent's pages; PSS
  counts a shared page once).  The baseline is not run when its n x n matrices would not fit in
  memory.

Usage: python -m bench.cluster_bench [N ...]   (default: 20000 200000)
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psutil

from bench.baselines import bcubed_f1, matrix_bytes, tfidf_agglomerative, tune_threshold
from bench.results import write_section

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
DEV = SHARED / "data" / "stories" / "dev.jsonl"
DEV_GOLD = SHARED / "data" / "stories" / "dev-gold.json"
SCORER = SHARED / "tools" / "stories_eval.py"
SCALER = SHARED / "tools" / "scale_corpus.py"
SIZES = (20_000, 200_000)
OURS, BASELINE = "newsfuse", "tfidf-agglomerative"
# The recipe holds the dense distance matrix, scikit-learn's condensed copy and its index arrays.
BASELINE_MATRICES = 3
MB = 1 << 20
SAMPLE_SECONDS = 0.25


def stories_doc(stories: Sequence[Any]) -> dict[str, Any]:
    """The `cluster --json` document of a list of `Story`s."""
    return {"stories": [s.to_dict() for s in stories]}


def labels_doc(ids: Sequence[str], labels: Sequence[int]) -> dict[str, Any]:
    """The `cluster --json` document of a baseline's labels."""
    members: dict[int, list[str]] = {}
    for i, label in zip(ids, labels, strict=True):
        members.setdefault(label, []).append(i)
    return {"stories": [{"id": f"b{k}", "title": "", "articles": v} for k, v in sorted(members.items())]}


def score(corpus: Path, gold: Path, doc: dict[str, Any], name: str) -> dict[str, Any]:
    """stories_eval.py's scores of a `cluster --json` document."""
    OUT.mkdir(parents=True, exist_ok=True)
    pred = OUT / f"{name}-stories.json"
    pred.write_text(json.dumps(doc), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCORER), str(corpus), str(gold), str(pred), "--json"],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def corpus(n: int) -> tuple[Path, Path]:
    """The n-article scale corpus and its gold file, made once and cached."""
    prefix = OUT / f"scale-{n}"
    jsonl, gold = prefix.with_suffix(".jsonl"), Path(f"{prefix}-gold.json")
    if not (jsonl.exists() and gold.exists()):
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(SCALER), str(DEV), str(DEV_GOLD), str(n), str(prefix)],
                       check=True, stdout=subprocess.DEVNULL)
    return jsonl, gold


def _assignment(doc: dict[str, Any]) -> dict[str, str]:
    return {a: s["id"] for s in doc["stories"] for a in s["articles"]}


def dev_checks(articles: list[Any]) -> dict[str, Any]:
    """Determinism, shuffled order, and two halves through a serialised state against one pass."""
    from newsfuse.stages.cluster import ClusterState, cluster

    once = stories_doc(cluster(articles)[0])
    again = stories_doc(cluster(articles)[0])
    shuffled = list(articles)
    random.Random(5).shuffle(shuffled)
    reordered = stories_doc(cluster(shuffled)[0])
    half = len(articles) // 2
    first, state = cluster(articles[:half])
    second, _ = cluster(articles[half:], ClusterState.from_bytes(state.to_bytes()))
    before = {s.id: s.articles for s in first}
    after = {s.id: s.articles for s in second}
    untouched = [i for i, members in before.items() if after.get(i) == members]
    one_pass = {(s["id"], tuple(s["articles"])) for s in once["stories"]}
    return {
        "same_on_rerun": once == again,
        "same_on_shuffle": once == reordered,
        "dropped_articles": len({a.id for a in articles} - set(_assignment(once))),
        "halves_vs_one_pass_bcubed": round(bcubed_f1(_assignment(once), _assignment(stories_doc(second))), 4),
        "halves_identical_stories": round(
            len(one_pass & {(s.id, s.articles) for s in second}) / max(len(one_pass), 1), 4),
        "first_half_stories": len(before),
        "untouched_by_second_half": len(untouched),
        "untouched_ids_kept": all(i in after for i in untouched),
        "state_bytes": len(state.to_bytes()),
    }


def dev_quality() -> dict[str, Any]:
    """Both methods on the dev corpus through the real read -> clean path, and the checks."""
    from newsfuse import api
    from newsfuse.stages.cluster import cluster

    articles = api.extract([str(DEV)]).articles
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    ids = [a.id for a in articles]
    gold = json.loads(DEV_GOLD.read_text(encoding="utf-8"))["assignments"]
    started = time.perf_counter()
    ours = stories_doc(cluster(articles)[0])
    ours_seconds = time.perf_counter() - started
    threshold, _ = tune_threshold(ids, texts, gold)
    started = time.perf_counter()
    theirs = labels_doc(ids, tfidf_agglomerative(texts, threshold))
    theirs_seconds = time.perf_counter() - started
    return {
        OURS: score(DEV, DEV_GOLD, ours, "dev-newsfuse") | {"seconds": round(ours_seconds, 3)},
        BASELINE: score(DEV, DEV_GOLD, theirs, "dev-baseline") | {"seconds": round(theirs_seconds, 3),
                                                                  "threshold": threshold},
        "checks": dev_checks(articles),
    }


def read_scale(corpus_path: str) -> list[Any]:
    """A scale corpus's JSONL records as articles (`published`: the URL's date, else a date line
    at the top of the text, as the cleaner reads them; no other cleaning)."""
    from newsfuse.model import Article
    from newsfuse.stages.clean.published import date_from_top_lines, date_from_url

    articles = []
    with open(corpus_path, encoding="utf-8") as lines:
        for line in lines:
            r = json.loads(line)
            articles.append(Article(id=r["id"], source=corpus_path, text=r["text"], url=r.get("url"),
                                    outlet=r.get("outlet"),
                                    published=date_from_url(r.get("url")) or date_from_top_lines(
                                        r["text"].splitlines())))
    return articles


def child(method: str, corpus_path: str, pred_path: str, threshold: str) -> None:
    """Cluster one corpus with one method and print its costs as JSON (run in its own process).

    The timed part is reading the corpus and clustering it; imports (scikit-learn's, ours) are not.
    """
    from newsfuse.stages.cluster import cluster

    started, cpu = time.perf_counter(), time.process_time()
    articles = read_scale(corpus_path)
    if method == OURS:
        doc = stories_doc(cluster(articles)[0])
    else:
        labels = tfidf_agglomerative([a.text for a in articles], float(threshold))
        doc = labels_doc([a.id for a in articles], labels)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    Path(pred_path).write_text(json.dumps(doc), encoding="utf-8")
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "articles": len(articles), "stories": len(doc["stories"]), "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu + workers.ru_utime + workers.ru_stime, 2),
        "main_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


def _tree_pss(root: psutil.Process) -> int:
    """The PSS summed over a process and its descendants (bytes; 0 for those already gone)."""
    total = 0
    try:
        tree = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for proc in tree:
        try:
            total += proc.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def run_child(command: list[str]) -> tuple[dict[str, Any], int]:
    """Run a child benchmark command; its JSON report and the peak PSS of its process tree."""
    child_proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  cwd=ROOT)
    root, peak = psutil.Process(child_proc.pid), 0
    while child_proc.poll() is None:
        peak = max(peak, _tree_pss(root))
        time.sleep(SAMPLE_SECONDS)
    out, err = child_proc.communicate()
    if child_proc.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {err.strip()[-2000:]}")
    return json.loads(out.strip().splitlines()[-1]), peak


def scale(n: int, threshold: float | None) -> dict[str, Any]:
    """Both methods on the n-article corpus, each in its own process (the baseline if it fits)."""
    jsonl, gold = corpus(n)
    out: dict[str, Any] = {}
    need = BASELINE_MATRICES * matrix_bytes(n)
    methods = [OURS]
    if threshold is not None:
        if need < 0.8 * psutil.virtual_memory().available:
            methods.append(BASELINE)
        else:
            out[BASELINE] = {"not_run": f"needs {need / 1e9:.0f} GB for its n x n matrices "
                                        f"({psutil.virtual_memory().available / 1e9:.0f} GB available)"}
    for method in methods:
        pred = OUT / f"scale-{n}-{method}-stories.json"
        command = [sys.executable, "-m", "bench.cluster_bench", "child", method, str(jsonl), str(pred),
                   str(threshold)]
        costs, pss = run_child(command)
        costs["peak_memory_mb"] = max(costs["main_peak_rss_mb"], round(pss / MB))
        scores = score(jsonl, gold, json.loads(pred.read_text(encoding="utf-8")), f"scale-{n}-{method}")
        out[method] = costs | {key: scores[key] for key in ("bcubed_f1", "dropped_articles")}
    return out


def _row(label: str, r: dict[str, Any]) -> str:
    if "not_run" in r:
        return f"| {label} | not run: {r['not_run']} | | | |"
    return (f"| {label} | {r['bcubed_f1']:.4f} | {r['seconds']:.1f} s ({r['cpu_seconds']:.1f} s CPU) | "
            f"{r['peak_memory_mb']} MB | {r['stories']} |")


def table(result: dict[str, Any]) -> str:
    """The markdown summary of a run."""
    dev = result["dev"]
    ours, theirs = dev[OURS], dev[BASELINE]
    lines = [
        "## Story clustering (`python -m bench.cluster_bench`)", "",
        "| corpus / method | B-cubed F1 | time | peak memory | stories |", "|---|---|---|---|---|",
        f"| dev / {OURS} | {ours['bcubed_f1']:.4f} | {ours['seconds']:.2f} s | | {ours['pred_stories']} |",
        f"| dev / {BASELINE} (threshold {theirs['threshold']} tuned on dev) | {theirs['bcubed_f1']:.4f} | "
        f"{theirs['seconds']:.2f} s | | {theirs['pred_stories']} |",
    ]
    for n, runs in result["scale"].items():
        lines += [_row(f"{n} / {method}", r) for method, r in runs.items()]
        if "not_run" not in runs.get(BASELINE, {"not_run": ""}):
            a, b = runs[OURS], runs[BASELINE]
            lines.append(f"| {n}: {OURS} against the baseline | | {b['seconds'] / a['seconds']:.1f}x faster "
                         f"({b['cpu_seconds'] / a['cpu_seconds']:.1f}x less CPU) | "
                         f"{b['peak_memory_mb'] / a['peak_memory_mb']:.1f}x less | |")
    sizes = sorted(result["scale"], key=int)
    if len(sizes) > 1:
        small, big = result["scale"][sizes[0]][OURS], result["scale"][sizes[-1]][OURS]
        ratio = big["seconds"] / small["seconds"]
        lines.append(f"| {OURS}: time({sizes[-1]}) / time({sizes[0]}) | | {ratio:.1f} | | |")
    checks = dev["checks"]
    lines += ["", "Dev checks: " + ", ".join(f"{k} = {v}" for k, v in checks.items()) + ".",
              "", f"Machine: {result['cpus']} CPUs, load average {result['load_average']} at the end of the "
              "run (shared with other jobs: wall times vary with it, CPU times less)."]
    return "\n".join(lines)


def run(sizes: Sequence[int] = SIZES, baseline: bool = True) -> dict[str, Any]:
    """The whole benchmark; prints the table and keeps it in bench/RESULTS.md."""
    dev = dev_quality()
    threshold = dev[BASELINE]["threshold"] if baseline else None
    result = {"dev": dev, "scale": {str(n): scale(n, threshold) for n in sizes},
              "load_average": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count()}
    markdown = table(result)
    print(markdown)
    write_section("cluster", markdown)
    return result


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:6])
    else:
        print(json.dumps(run([int(n) for n in sys.argv[1:]] or SIZES), indent=1))
