"""Benchmark the embedders: import + load time of each model and embedding throughput, side by side in one run.

Each model is measured in a fresh process: ``import`` (the modules its embedder needs, torch included for the
semantic ones, tokenizers for the static ones), ``load`` (``Model.load`` plus the first embedding, which loads
MiniLM's weights), then failures/s over the labelled corpus's canonical texts (all of them, distinct), first pass
(``cold``: includes one-off kernel set-up per batch shape) and best of the next passes (``warm``). The semantic
target is >= 150 failures/s on 2 cores. The ``torch`` column says whether torch ended up imported (it should not
for tiny and static). Not a test: run it by hand or in CI's log.

Under each semantic row an ``encoder`` line gives the arithmetic behind its rate: padded tokens per failure (batches
of length-sorted texts, as sentence-transformers forms them) times the multiply-adds of MiniLM's linear layers, the
GFLOP/s that reaches, the GFLOP/s 150 failures/s would need, and what a bare float32 matmul of the encoder's widest
shape reaches on this machine. When the need is above the bare matmul, no float32 tuning of the encoder can get
there; only fewer tokens, fewer bits or a CPU with bfloat16 units can.

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
TARGET = 150  # semantic failures/s on 2 cores, the target

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
threads = tokens = gflop = matmul = None
if kind in ("semantic", "hybrid"):
    threads = torch.get_num_threads()
    # the encoder's work: padded tokens per failure (batches of length-sorted texts, as sentence-transformers
    # forms them) times the multiply-adds of its linear layers per token (attention scores left out: ~5% here)
    from clusterer.embed_semantic import window_text
    backend = sem._backend()
    ids = backend.tokenizer([window_text(t, sem.cut) for t in texts], truncation=True,
                            max_length=int(sem.max_tokens))["input_ids"]
    lens = sorted((len(x) for x in ids), reverse=True)
    padded = sum(max(lens[i:i + sem.batch_size]) * len(lens[i:i + sem.batch_size])
                 for i in range(0, len(lens), sem.batch_size))
    per_token = sum(2 * m.in_features * m.out_features for name, m in backend.named_modules()
                    if isinstance(m, torch.nn.Linear) and "pooler" not in name)
    tokens = padded / len(texts)
    gflop = tokens * per_token / 1e9
    # the machine's own ceiling for that work: a bare float32 matmul of the encoder's widest shape
    a, b = torch.randn(4096, 384), torch.randn(384, 1536)
    torch.mm(a, b); n_mm, t4 = 0, time.perf_counter()
    while time.perf_counter() - t4 < 1.0:
        torch.mm(a, b); n_mm += 1
    matmul = n_mm * 2 * 4096 * 384 * 1536 / (time.perf_counter() - t4) / 1e9
print(json.dumps({"kind": kind, "precision": used, "torch": "torch" in sys.modules, "threads": threads,
                  "tokens": tokens, "gflop": gflop, "matmul_gflops": matmul, "n": len(texts), "import_s": t_import,
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


def encoder_work(r: dict) -> str:
    """The encoder's arithmetic behind a semantic row: what one failure costs, the rate reached, the rate 150/s needs.

    >>> encoder_work({"tokens": 64.0, "gflop": 1.36, "warm_per_s": 50.0, "matmul_gflops": 100.0})
    'encoder: 64 tokens/failure x 1.36 GFLOP; reaches 68 GFLOP/s, 150/s needs 204; bare matmul here: 100 GFLOP/s'
    """
    reached = r["gflop"] * r["warm_per_s"]
    return (
        f"encoder: {r['tokens']:.0f} tokens/failure x {r['gflop']:.2f} GFLOP; reaches {reached:.0f} GFLOP/s, "
        f"{TARGET}/s needs {r['gflop'] * TARGET:.0f}; bare matmul here: {r['matmul_gflops']:.0f} GFLOP/s"
    )


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
            if r.get("gflop"):
                print(f"{'':<18}{encoder_work(r)}", flush=True)


if __name__ == "__main__":
    main()
