"""Latency and throughput of ``POST /v1/classify`` against ``cluster serve``, beside in-process classify time.

Usage: ``python bench/bench_service.py [--file examples/results/large-run.json] [--workers 2] [--requests 200]
[--concurrency 1 8 32]``

Starts ``cluster serve --workers N`` on 127.0.0.1 (a free port), waits for ``/readyz``, warms every worker up,
then for each concurrency level sends ``--requests`` requests of the whole results file from that many concurrent
clients (one asyncio httpx client, keep-alive connections) and prints p50/p99 latency, throughput and the number of
errors (any answer other than 200 with the expected bytes, or a transport error). The in-process figure is
``parse_results`` + ``classify_runs`` + ``render_json`` on a loaded model in this process, the floor the service
adds HTTP, parsing of the upload and queueing to. The client runs on the same machine and takes CPU from the
server: on 2 cores the figures are pessimistic for the server. Needs the service extra.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def in_process(path: Path, repeat: int, model_dir: Path) -> list[float]:
    """Seconds per classify of ``path`` with a model loaded once, as the service does it."""
    from clusterer.ingest import parse_results
    from clusterer.model import Model
    from clusterer.pipeline import classify_runs
    from clusterer.report import render_json

    model = Model.load(model_dir)
    data = path.read_bytes()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        render_json(classify_runs([parse_results(data, source=str(path))], model))
        times.append(time.perf_counter() - start)
    return times


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def level(url: str, data: bytes, source: str, expected: bytes, concurrency: int, n: int) -> dict[str, Any]:
    """Send ``n`` requests from ``concurrency`` concurrent clients; latency, throughput and errors."""
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    todo = iter(range(n))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            for _ in todo:
                start = time.perf_counter()
                try:
                    r = await client.post(
                        "/v1/classify",
                        params={"source": source},
                        content=data,
                        headers={"Content-Type": "application/json"},
                    )
                    if r.status_code != 200:
                        errors[str(r.status_code)] += 1
                    elif r.content != expected:
                        errors["different answer"] += 1
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - start)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - start
    return {
        "p50": percentile(latencies, 0.5),
        "p99": percentile(latencies, 0.99),
        "rps": n / wall,
        "errors": sum(errors.values()),
        "n": n,
        "why": ", ".join(f"{k}: {v}" for k, v in errors.items()),
    }


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=ROOT / "examples/results/large-run.json")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=200, help="requests per concurrency level")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--repeat", type=int, default=30, help="in-process classify repetitions")
    parser.add_argument(
        "--model",
        type=Path,
        default=ROOT / "models/tiny",
        help="model directory; served (and used in process) from a private copy",
    )
    args = parser.parse_args()

    from clusterer.ingest import parse_results

    data = args.file.read_bytes()
    run = parse_results(data, source=str(args.file))
    source = str(args.file)
    print(
        f"file {args.file.relative_to(ROOT) if args.file.is_relative_to(ROOT) else args.file}: "
        f"{len(data) / 1024:.0f} KiB, {len(run.tests)} tests, {len(run.failures)} failures; "
        f"{os.cpu_count()} CPUs; python {sys.version.split()[0]}"
    )
    scratch = tempfile.TemporaryDirectory(prefix="bench-service-")
    model = Path(scratch.name) / args.model.name
    shutil.copytree(args.model, model)  # a retraining in another checkout cannot change the model mid-run
    times = in_process(args.file, args.repeat, model)
    print(
        f"in-process classify (parse + classify + render_json, model loaded once): "
        f"median {statistics.median(times) * 1000:.1f} ms, p99 {percentile(times, 0.99) * 1000:.1f} ms, "
        f"{1 / statistics.median(times):.1f}/s on one core"
    )

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "clusterer.cli",
                "serve",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
                "--model",
                str(model),
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            while True:
                try:
                    if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.perf_counter() - started > 60:
                    log.seek(0)
                    sys.exit(f"cluster serve did not become ready:\n{log.read().decode(errors='replace')}")
                time.sleep(0.1)
            print(f"cluster serve --workers {args.workers}: ready in {time.perf_counter() - started:.1f} s")
            first = httpx.post(
                url + "/v1/classify",
                params={"source": source},
                content=data,
                headers={"Content-Type": "application/json"},
                timeout=120,
            )
            if first.status_code != 200:
                sys.exit(f"first answer: HTTP {first.status_code} {first.text[:300]}")
            expected = first.content
            asyncio.run(level(url, data, source, expected, max(args.concurrency), 4 * max(args.concurrency)))
            print(f"{'concurrency':>11} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>7} {'errors':>6}")
            for c in args.concurrency:
                f = asyncio.run(level(url, data, source, expected, c, args.requests))
                print(
                    f"{c:>11} {f['n']:>8.0f} {f['p50'] * 1000:>8.1f} {f['p99'] * 1000:>8.1f} {f['rps']:>7.1f} "
                    f"{f['errors']:>6.0f}  {f['why']}"
                )
        finally:
            proc.terminate()
            proc.wait(20)
            scratch.cleanup()


if __name__ == "__main__":
    main()
