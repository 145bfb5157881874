"""Throughput of :func:`clusterer.normalize.canonicalize`, printed beside baselines measured in the same run.

Usage: ``python bench/bench_normalize.py [--n 20000] [--repeat 3]``

The texts are real tracebacks: the labelled corpus ``corpus/data/*.jsonl`` when it is there (``--source corpus``,
the default), else the samples of ``tests/data/normalize`` (``--source samples``: pytest long/short/auto/native,
exception groups, Java, Node). Each is copied with its hex addresses and numbers re-randomised, and the cache of
masked messages is cleared before every timed run, so repeated runs cannot serve each other (messages that
really repeat, such as ``Event loop is closed``, still hit it within a run, as they would in CI).

Figures are the best of ``--repeat`` runs, in texts per second on one core. Baselines: ``str.split`` and one
``re.findall`` of ``\\w+`` over the same texts (the cost of merely touching every character), and
:func:`clusterer.normalize.mask` over the whole text (what a naive "mask everything" normaliser costs).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clusterer import normalize  # noqa: E402
from clusterer.normalize import canonicalize, mask  # noqa: E402

DATA = ROOT / "tests" / "data" / "normalize"
CORPUS = ROOT / "corpus" / "data"
# Addresses, and numbers outside paths (line numbers, ids, ports, counts); paths stay as they are on one machine.
_VARYING = re.compile(r"0x[0-9a-f]+|(?<![\w./-])\d+(?![\w./-])")
_WORD = re.compile(r"\w+")


def _vary(text: str, rng: random.Random) -> str:
    """Re-randomise what varies from run to run: addresses, and numbers outside paths."""

    def repl(m: re.Match[str]) -> str:
        s = m.group()
        if s.startswith("0x"):
            return hex(rng.getrandbits(48))
        return str(rng.randrange(10 ** (len(s) - 1) if len(s) > 1 else 0, 10 ** len(s)))

    return _VARYING.sub(repl, text)


def load_texts(n: int, seed: int = 0, source: str = "samples") -> list[str]:
    """``n`` texts: real tracebacks, cycled, each with re-randomised addresses and numbers.

    Parameters
    ----------
    n:
        How many texts to make.
    seed:
        Seed of the randomisation.
    source:
        ``corpus`` (the ``text`` of every row of ``corpus/data/*.jsonl``) or ``samples`` (``tests/data/normalize``).

    Returns
    -------
    list[str]
        The texts.
    """
    if source == "corpus":
        samples = [
            json.loads(line)["text"]
            for path in sorted(CORPUS.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    else:
        samples = sorted(p.read_text(encoding="utf-8") for p in DATA.glob("*.txt"))
    rng = random.Random(seed)
    return [_vary(samples[i % len(samples)], rng) for i in range(n)]


def rate(func: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """Best texts/s of ``func`` over ``texts`` in ``repeat`` runs.

    Parameters
    ----------
    func:
        Called once per text.
    texts:
        The inputs.
    repeat:
        Number of timed runs.

    Returns
    -------
    float
        Texts per second of the fastest run.
    """
    best = float("inf")
    for _ in range(repeat):
        normalize._mask_piece.cache_clear()  # a run must not reuse the previous run's masked messages
        start = time.perf_counter()
        for text in texts:
            func(text)
        best = min(best, time.perf_counter() - start)
    return len(texts) / best


def main(argv: list[str] | None = None) -> None:
    """Print the figures.

    Parameters
    ----------
    argv:
        Command-line arguments (default: ``sys.argv[1:]``).
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--source", choices=("corpus", "samples"), default="corpus" if any(CORPUS.glob("*.jsonl")) else "samples"
    )
    args = parser.parse_args(argv)
    texts = load_texts(args.n, source=args.source)
    sizes = [len(t) for t in texts]
    print(
        f"{len(texts)} texts from {args.source}, median {statistics.median(sizes) / 1000:.1f} KB, "
        f"mean {statistics.mean(sizes) / 1000:.1f} KB, max {max(sizes) / 1000:.1f} KB; best of {args.repeat}"
    )
    print(f"{'str.split (baseline)':34} {rate(str.split, texts, args.repeat):>12,.0f} texts/s")
    print(f"{'re.findall(w+) (baseline)':34} {rate(_WORD.findall, texts, args.repeat):>12,.0f} texts/s")
    print(f"{'mask(whole text) (naive)':34} {rate(mask, texts, args.repeat):>12,.0f} texts/s")
    print(f"{'canonicalize':34} {rate(canonicalize, texts, args.repeat):>12,.0f} texts/s")
    typical = [t for t in texts if 2_000 <= len(t) <= 5_000]
    if typical:
        print(f"{'canonicalize, 2-5 KB texts only':34} {rate(canonicalize, typical, args.repeat):>12,.0f} texts/s")


if __name__ == "__main__":
    main()
