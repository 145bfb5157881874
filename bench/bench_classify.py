"""Benchmark `cluster classify`: cold CLI start, end-to-end throughput, peak memory, and how time grows.

Prints figures, each beside a baseline measured in the same run (``json.load`` of the same file), so the ratios
travel between machines. Not a test: run it by hand or in CI's log.

    python bench/bench_classify.py            # 1k/5k/20k/100k scaling included
    python bench/bench_classify.py --quick    # skip 100k
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from make_results import make_report  # noqa: E402

CHILD = r"""
import json, resource, sys, time
path, mode = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if mode == "json":
    with open(path, "rb") as fh:
        json.load(fh)
else:
    from clusterer.ingest import read_results
    from clusterer.model import Model
    from clusterer.pipeline import classify_runs
    t0 = time.perf_counter()  # imports excluded: measured separately by the cold CLI figure
    result = classify_runs([read_results(path, max_bytes=1 << 34)], Model.load("tiny"))
elapsed = time.perf_counter() - t0
print(json.dumps({"seconds": elapsed, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child(path: Path, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def wall(cmd: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the 100k point")
    args = ap.parse_args()
    large = ROOT / "examples" / "results" / "large-run.json"
    doc = json.loads(large.read_text())
    n_fail = sum(1 for t in doc["tests"] if t["outcome"] in ("failed", "error"))
    cluster = str(Path(sys.executable).with_name("cluster"))
    cli = wall([cluster, "classify", str(large), "--format", "json"])
    py = wall([sys.executable, "-c", f"import json; json.load(open({str(large)!r}))"])
    print(
        f"cold `cluster classify` on {large.name} ({len(doc['tests'])} tests, {n_fail} failures): "
        f"{cli:.2f} s wall (target < 1.5 s); python + json.load of the same file: {py:.2f} s; ratio {cli / py:.1f}x"
    )

    sizes = [1_000, 5_000, 20_000] + ([] if args.quick else [100_000])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"r{n}.json"
            path.write_text(json.dumps(make_report(n, seed=n)))
            base = child(path, "json")
            run = child(path, "classify")
            rows.append((n, path.stat().st_size / 1e6, run, base))
            os.unlink(path)
    print(
        f"\n{'failures':>9} {'MB':>7} {'classify s':>11} {'failures/s':>11} {'peak RSS MB':>12} "
        f"{'json.load s':>12} {'ratio':>6} {'s per 1k vs 1k':>15}"
    )
    per_k0 = rows[0][2]["seconds"] / rows[0][0] * 1000
    for n, mb, run, base in rows:
        per_k = run["seconds"] / n * 1000
        print(
            f"{n:>9} {mb:>7.1f} {run['seconds']:>11.2f} {n / run['seconds']:>11.0f} {run['rss_mb']:>12.0f} "
            f"{base['seconds']:>12.2f} {run['seconds'] / base['seconds']:>6.1f} {per_k / per_k0:>15.2f}"
        )
    print("\ntargets: >= 5,000 failures/s and peak RSS < 400 MB at 20k; time per 1k roughly constant (linear)")


if __name__ == "__main__":
    main()
