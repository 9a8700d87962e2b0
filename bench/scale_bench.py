"""Scale: ingest + cluster of N-article corpora, the embedded engine against Ray with 1 and 2 workers.

Corpora come from `../shared/tools/scale_corpus.py` (copies of the dev stories, each copy a new
story) and are cached in bench/out/scale-N.  Every configuration runs in a child process of its
own (`python -m bench.scale_bench child ...`), so that Ray starts afresh and memory is its own;
the parent samples the resident memory of the child and of every process under it (Ray's raylet,
GCS and workers; the processes the embedded clustering forks) and keeps each process's peak.
The child ingests the corpus into a new store and clusters the store (`newsfuse ingest` then
`newsfuse cluster --db`, the path that streams), timing the two separately, and writes the
stories, which `stories_eval.py` scores (B-cubed F1).  Rows measured before the store path
existed (path "memory": `api.extract` then clustering the articles in memory) stay in the table,
marked as such; the projection is made from them.

Every measured row is kept in bench/scale_results.json (a size measured once, such as a long
100,000-article run, stays in the table when a later run measures another size); RESULTS.md
gets the table of all rows and the extrapolation (section "scale").

Usage: python -m bench.scale_bench [N ...] [--only local,ray-2]   (default: 20000, every configuration)
"""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.results import write_section

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
SOURCE = SHARED / "data" / "stories" / "dev.jsonl"
SOURCE_GOLD = SHARED / "data" / "stories" / "dev-gold.json"
SIZES = (20_000,)
# (engine, Ray workers): the embedded engine, then Ray on one and on both cores.
CONFIGS = (("local", None), ("ray", 1), ("ray", 2))
SAMPLE_SECONDS = 0.25
MIB = 1 << 20
RECORD = ROOT / "bench" / "scale_results.json"
TARGET = 1_000_000
CONDITIONS = ("One run per row on this machine's 2 cores, which other jobs share (so ratios between rows are "
              "noisy); worker peak is the largest Ray worker, or for the embedded engine the largest process "
              "its clustering forks (resident memory, pages shared with the driver included).")


def corpus(n: int) -> tuple[Path, Path]:
    """The N-article corpus and its gold file, made once and cached."""
    prefix = OUT / f"scale-{n}"
    jsonl, gold = prefix.with_suffix(".jsonl"), Path(f"{prefix}-gold.json")
    if not (jsonl.exists() and gold.exists()):
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(SHARED / "tools" / "scale_corpus.py"), str(SOURCE),
                        str(SOURCE_GOLD), str(n), str(prefix)], check=True, stdout=subprocess.DEVNULL)
    return jsonl, gold


def child(engine_name: str, workers: str, corpus_path: str, pred_path: str) -> None:
    """Ingest the corpus into a new store, then cluster the store, on one engine; print the
    timings as JSON (run in its own process).  This is the path that streams: `ingest` cleans and
    commits a chunk of documents at a time and clustering reads the store, keeping only what it
    reads of each article, so the driver never holds the corpus."""
    from newsfuse import api
    from newsfuse.engines import make_engine

    db = Path(pred_path).with_suffix(".duckdb")
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    engine = make_engine(engine_name, address=None, workers=int(workers) if workers != "-" else None)
    ready = time.perf_counter()
    ingested = api.ingest([corpus_path], db, engine=engine)
    extracted = time.perf_counter()
    stories = api.cluster_store(db, engine=engine)
    done = time.perf_counter()
    Path(pred_path).write_text(json.dumps({"stories": [s.to_dict() for s in stories]}), encoding="utf-8")
    db.unlink()
    print(json.dumps({"path": "store", "articles": ingested.added, "skipped": len(ingested.skipped),
                      "stories": len(stories),
                      "startup_s": ready - started, "extract_s": extracted - ready,
                      "cluster_s": done - extracted}))


@dataclass
class Peaks:
    """The peak resident memory of each process of a tree, sampled, by pid."""

    rss: dict[int, int] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)

    def sample(self, root: psutil.Process) -> None:
        try:
            tree = [root, *root.children(recursive=True)]
            command = root.cmdline()
        except psutil.NoSuchProcess:
            return
        for proc in tree:
            try:
                rss = proc.memory_info().rss
                if proc.pid not in self.roles:
                    self.roles[proc.pid] = "driver" if proc.pid == root.pid else _role(proc, command)
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            self.rss[proc.pid] = max(rss, self.rss.get(proc.pid, 0))

    def peak_mib(self, role: str) -> float:
        """The largest peak among the processes of `role` (0 when there is none)."""
        return round(max((r for p, r in self.rss.items() if self.roles[p] == role), default=0) / MIB)

    def count(self, role: str) -> int:
        return sum(1 for r in self.roles.values() if r == role)


def _role(proc: psutil.Process, driver: list[str]) -> str:
    """"worker" for a Ray worker or a process forked from the driver (the embedded engine's pool),
    "ray" for Ray's own services (raylet, GCS ...), "other" for anything else."""
    command = proc.cmdline()
    line = " ".join(command)
    if command == driver or "ray::" in line or "default_worker.py" in line:
        return "worker"
    return "ray" if "ray" in line.split("/") or "raylet" in line or "gcs_server" in line else "other"


def measure(engine_name: str, workers: int | None, n: int) -> dict:
    """One configuration on the N-article corpus: timings, peak memory per process, B-cubed F1."""
    jsonl, gold = corpus(n)
    name = label(engine_name, workers)
    pred = OUT / f"scale-{n}-{name}-stories.json"
    command = [sys.executable, "-m", "bench.scale_bench", "child", engine_name,
               str(workers) if workers else "-", str(jsonl), str(pred)]
    log = OUT / f"scale-{n}-{name}.log"
    peaks = Peaks()
    with log.open("w") as errors, subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=errors,
                                                  text=True) as proc:
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            peaks.sample(root)
            time.sleep(SAMPLE_SECONDS)
        output = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise RuntimeError(f"{name} on {n} articles failed (exit {proc.returncode}):\n{tail}")
    timings = json.loads(output.strip().splitlines()[-1])
    scored = subprocess.run([sys.executable, str(SHARED / "tools" / "stories_eval.py"), str(jsonl), str(gold),
                             str(pred), "--json"], check=True, capture_output=True, text=True)
    work = timings["extract_s"] + timings["cluster_s"]
    return {
        "n": n, "engine": name,
        **{k: round(v, 2) if isinstance(v, float) else v for k, v in timings.items()},
        "articles_per_s": round(timings["articles"] / work, 1),
        "driver_peak_mib": peaks.peak_mib("driver"), "worker_peak_mib": peaks.peak_mib("worker"),
        "ray_services_peak_mib": peaks.peak_mib("ray"), "worker_processes": peaks.count("worker"),
        "bcubed_f1": json.loads(scored.stdout)["bcubed_f1"],
        "stories_sha1": hashlib.sha1(pred.read_bytes()).hexdigest()[:12],
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip() or None,
    }


def table(rows: list[dict]) -> str:
    """The results as a Markdown table; the last column says whether the stories are exactly the
    embedded engine's on the same corpus."""
    head = ("| articles | engine | path | read + clean s | cluster s | articles/s | driver peak MiB "
            "| worker peak MiB | Ray services peak MiB | B-cubed F1 | stories = embedded |\n"
            "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    local = {(r["n"], path(r)): r.get("stories_sha1") for r in rows if r["engine"] == "local"}
    lines = [f"| {r['n']:,} | {r['engine']} | {path(r)} | {r['extract_s']:.0f} | {r['cluster_s']:.0f} "
             f"| {r['articles_per_s']:.0f} | {r['driver_peak_mib']:,} | {r['worker_peak_mib'] or '-'} "
             f"| {r['ray_services_peak_mib'] or '-'} | {r['bcubed_f1']:.4f} "
             f"| {'yes' if r.get('stories_sha1') == local.get((r['n'], path(r))) else 'NO'} |" for r in rows]
    return "\n".join([head, *lines])


def path(row: dict) -> str:
    """How a row's run read and clustered: "store" (ingest + cluster --db, streaming) or "memory"."""
    return str(row.get("path", "memory"))


def _by(rows: list[dict], n: int) -> dict[str, dict]:
    return {r["engine"]: r for r in rows if r["n"] == n}


def store_runs(rows: list[dict]) -> str:
    """What the streaming store path measured: rate and peak memory per article at each size."""
    runs = [r for r in rows if path(r) == "store"]
    if not runs:
        return ""
    said = "; ".join(
        f"{r['engine']} on {r['n']:,} articles: {r['extract_s'] / 60:.0f} min ingest + "
        f"{r['cluster_s'] / 60:.0f} min cluster ({r['articles_per_s']:.0f} articles/s), "
        f"driver peak {r['driver_peak_mib']:,} MiB "
        f"({r['driver_peak_mib'] * 1024 / r['n']:.1f} KiB per article), B-cubed F1 {r['bcubed_f1']:.4f}"
        + (f" (clustering code of commit {r['commit']})" if r.get("commit") else "")
        for r in runs)
    return ("**The store path** (`ingest` commits 2,000 documents at a time; `cluster --db` streams the "
            "store and keeps only each article's prepared features): " + said + ".")


def _growth(rows: list[dict], sizes: list[int], engine: str) -> float:
    """The exponent b of clustering time ~ n^b between the two largest sizes (1: linear)."""
    if len(sizes) < 2:
        return 1.0
    (m, n) = sizes[-2:]
    return math.log(_by(rows, n)[engine]["cluster_s"] / _by(rows, m)[engine]["cluster_s"]) / math.log(n / m)


def extrapolation(rows: list[dict], target: int = TARGET) -> str:
    """Where the time goes, what scales and what does not, and the projection to `target` articles
    on this machine and on a cluster, from the in-memory rows (models and assumptions stated), then
    what the store path measured."""
    measured = {r["engine"] for r in rows if r["n"] >= target}
    measured_rows, rows = rows, [r for r in rows if path(r) == "memory"]
    sizes = sorted({r["n"] for r in rows if {"local", "ray-2"} <= _by(rows, r["n"]).keys()})
    if not sizes:
        return ""
    n = sizes[-1]
    local, ray2 = _by(rows, n)["local"], _by(rows, n)["ray-2"]
    rate = n / local["extract_s"]
    cluster_share = local["cluster_s"] / (local["extract_s"] + local["cluster_s"])
    growth = _growth(rows, sizes, "local")
    per_article = ", ".join(f"{_by(rows, m)['local']['cluster_s'] / m * 1000:.2f} ms at {m:,}" for m in sizes)

    def projected(row: dict) -> tuple[float, float]:
        """Minutes of extract (linear) and of clustering (n^growth) at `target`."""
        return row["extract_s"] * target / n / 60, row["cluster_s"] * (target / n) ** growth / 60

    clean_local, cluster_local = projected(local)
    clean_ray, cluster_ray = projected(ray2)
    lines = [
        f"**Where the time goes** ({n:,} articles): the embedded engine spends {local['extract_s']:.0f} s "
        f"reading and cleaning ({rate:.0f} articles/s on one core) and {local['cluster_s']:.0f} s clustering "
        f"({cluster_share:.0%} of the work).  Ray on both cores cleans "
        f"{local['extract_s'] / ray2['extract_s']:.2f}x as fast: its driver only reads the input, merges the "
        "pages' chrome-line candidates and receives the articles, and the two workers share the two cores "
        "with it (and with whatever else runs on this shared machine).",
        "",
        "**What scales linearly:** cleaning, analysis and synthesis are per document or per story, and so is "
        "the reading of each article for clustering (features, hashing).  The one global step of cleaning, "
        "learning each outlet's repeated lines, needs only the short non-sentence lines of each page on the "
        "driver (a Counter), so their time divides by the number of workers until the driver's reading and "
        "(de)serialisation saturate it.",
        "",
        "**What does not:** the story decision is one ordered pass on the driver, because where an article "
        "goes depends on every article placed before it; it runs at one core's speed whatever the cluster.  "
        f"Clustering costs {per_article} per article (time ~ n^{growth:.2f} between the two largest sizes; "
        "more stories means longer candidate lists).  Memory: on the in-memory path `api.extract` holds "
        "every document and article on the driver, so the driver's peak grows with the corpus (see the "
        "table and below); the store path streams instead (below).",
        "",
        f"**Projection to {target:,} articles** (cleaning linear, clustering ~ n^{growth:.2f}, from the "
        f"{n:,}-article rows): embedded {clean_local:.0f} min cleaning + {cluster_local:.0f} min clustering; "
        f"Ray on 2 cores {clean_ray:.0f} + {cluster_ray:.0f} min.  On a cluster of W cores, cleaning takes "
        f"about {clean_local:.0f} / W min (plus the driver's reading) while clustering stays about "
        f"{cluster_local:.0f} min (its per-article part divides by W, the placement pass does not), so the "
        "whole run cannot drop below the placement pass: at most "
        f"{(clean_local + cluster_local) / cluster_local:.1f}x faster than the embedded engine here, "
        "counting all of clustering as serial.",
    ]
    if len(sizes) > 1:
        small = _by(rows, sizes[0])["local"]
        slope = (local["driver_peak_mib"] - small["driver_peak_mib"]) / (n - sizes[0])
        memory = (local["driver_peak_mib"] + slope * (target - n)) / 1024
        lines += ["", f"Driver memory grows by {slope * 1000:.0f} MiB per 1,000 articles (from "
                  f"{sizes[0]:,} to {n:,}): about {memory:.0f} GiB at {target:,} for the embedded engine, "
                  "the Ray driver alike (it holds the same documents and articles; the prepared pages wait "
                  "in Ray's object store, which spills to disk)."]
    missing = sorted({label(e, w) for e, w in CONFIGS} - measured)
    if missing:
        lines += ["", f"Not yet measured at {target:,} articles: {', '.join(missing)} (`python -m "
                  f"bench.scale_bench {target} --only {','.join(missing)}`; by the projection above, about "
                  f"{(clean_local + cluster_local) / 60:.1f} h for the embedded engine on this machine)."]
    return "\n".join([*lines, "", store_runs(measured_rows)])


def recorded() -> list[dict]:
    """Every row measured so far (a big size is measured once and kept)."""
    return json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else []


def record(rows: list[dict]) -> list[dict]:
    """Keep `rows`, replacing earlier rows of the same size, engine and path; all rows, sorted."""
    fresh = {(r["n"], r["engine"], path(r)) for r in rows}
    kept = [r for r in recorded() if (r["n"], r["engine"], path(r)) not in fresh] + rows
    kept.sort(key=lambda r: (r["n"], path(r), [e for e, _ in CONFIGS].index(r["engine"].split("-")[0]),
                             r["engine"]))
    RECORD.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")
    return kept


def label(engine: str, workers: int | None) -> str:
    """A configuration's name in the table: `local`, `ray-1`, `ray-2`."""
    return engine if workers is None else f"{engine}-{workers}"


def run(sizes: tuple[int, ...] = SIZES, only: frozenset[str] | None = None) -> dict:
    """Every configuration (or those named in `only`) on every size; RESULTS.md gets the table of
    all recorded rows and the extrapolation (section "scale")."""
    configs = [(e, w) for e, w in CONFIGS if only is None or label(e, w) in only]
    rows = record([measure(engine, workers, n) for n in sizes for engine, workers in configs])
    write_results(rows)
    return {"rows": rows}


def write_results(rows: list[dict]) -> None:
    """The table and the extrapolation into RESULTS.md (section "scale")."""
    write_section("scale", "### Scale: ingest + cluster --db, embedded vs Ray (bench/scale_bench.py)\n\n"
                  + table(rows) + "\n\n" + CONDITIONS + "\n\n" + extrapolation(rows))


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:6])
    else:
        args = sys.argv[1:]
        chosen = frozenset(args[args.index("--only") + 1].split(",")) if "--only" in args else None
        sizes = tuple(int(a) for a in args if a.isdigit()) or SIZES
        print(json.dumps(run(sizes, chosen), indent=1))
