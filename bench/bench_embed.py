"""Benchmark the embedders: import + load time of each model and embedding throughput, side by side in one run.

Each model is measured in a fresh process: ``import`` (the modules its embedder needs, torch included for the
semantic ones, tokenizers for the static ones), ``load`` (``Model.load`` plus the first embedding, which loads
MiniLM's weights), then failures/s over the labelled corpus's canonical texts (all of them, distinct), first pass
(``cold``: includes one-off kernel set-up per batch shape) and best of the next passes (``warm``). The semantic
target is >= 150 failures/s on 2 cores. The ``torch`` column says whether torch ended up imported (it should not
for tiny and static). Not a test: run it by hand or in CI's log.

    python bench/bench_embed.py                      # tiny, static, tiny-static, semantic (+ float32), hybrid
    python bench/bench_embed.py --models tiny semantic --repeat 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
model_ref, precision, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.perf_counter()
import numpy, scipy.sparse, sklearn  # noqa: F401  the core every model needs
from clusterer.model import Model
kind = json.load(open(model_ref + "/manifest.json"))["embedder"]["kind"]
if kind in ("semantic", "hybrid"):
    import torch, sentence_transformers  # noqa: F401
    import clusterer.embed_semantic  # noqa: F401
if kind in ("static", "tiny-static"):
    import tokenizers  # noqa: F401
    import clusterer.embed_static  # noqa: F401
t_import = time.perf_counter() - t0
from clusterer.train import read_corpus
train, held, _ = read_corpus()
from clusterer.evaluate import row_text
texts = [row_text(r) for r in train + held]
t1 = time.perf_counter()
model = Model.load(model_ref)
emb = model.embedder
sem = getattr(emb, "semantic_", emb)
if precision != "model" and hasattr(sem, "precision"):
    sem.precision = precision
emb.embed(texts[:1])
t_load = time.perf_counter() - t1
t2 = time.perf_counter(); emb.embed(texts); cold = time.perf_counter() - t2
warm = float("inf")
for _ in range(repeat):
    t3 = time.perf_counter(); emb.embed(texts); warm = min(warm, time.perf_counter() - t3)
used = getattr(sem, "_precision", lambda: "-")()
threads = None
if kind in ("semantic", "hybrid"):
    threads = torch.get_num_threads()
print(json.dumps({"kind": kind, "precision": used, "torch": "torch" in sys.modules, "threads": threads,
                  "n": len(texts), "import_s": t_import,
                  "load_s": t_load, "cold_per_s": len(texts) / cold, "warm_per_s": len(texts) / warm,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: Path, precision: str, repeat: int) -> dict:
    """Run the child for one model artefact; returns its figures."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), precision, str(repeat)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    if out.returncode:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--models", nargs="+", default=["tiny", "static", "tiny-static", "semantic", "semantic:float32", "hybrid"]
    )
    ap.add_argument("--repeat", type=int, default=3, help="warm passes (best is kept)")
    ap.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    args = ap.parse_args()
    print(f"{os.cpu_count()} cores; corpus canonical texts, distinct; target semantic >= 150 failures/s", flush=True)
    header = (
        f"{'model':<18}{'precision':>10}{'import s':>10}{'load s':>8}{'cold/s':>9}{'warm/s':>9}{'RSS MB':>8}"
        f"{'torch':>7}"
    )
    if not args.json:
        print(header)
    for ref in args.models:
        name, _, precision = ref.partition(":")
        path = ROOT / "models" / name
        if not (path / "manifest.json").is_file():
            print(f"{ref:<18} no artefact at {path}")
            continue
        r = measure(path, precision or "model", args.repeat)
        if args.json:
            print(json.dumps({"model": ref} | r))
        elif "error" in r:
            print(f"{ref:<18} error: {r['error']}")
        else:
            print(
                f"{ref:<18}{r['precision']:>10}{r['import_s']:>10.2f}{r['load_s']:>8.2f}"
                f"{r['cold_per_s']:>9.0f}{r['warm_per_s']:>9.0f}{r['rss_mb']:>8.0f}"
                f"{'yes' if r['torch'] else 'no':>7}",
                flush=True,
            )


if __name__ == "__main__":
    main()
