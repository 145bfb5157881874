"""Build the semantic and hybrid model artefacts, choosing their parameters by grouped CV on the training split.

Each candidate (embedder parameters x classifier C) is fitted on the training split only; its out-of-fold
calibration figures (folds leave whole libraries out) give a cost with the classifier's own rule: a wrong known
answer (a known failure given another category, or an unrelated failure given a known one) costs ``wrong_cost``,
a known failure answered "new" costs 1. The cheapest candidate is trained with :func:`clusterer.train.train_model`
(same calibration as the tiny model) and evaluated on the held-out split; the grid and the costs are recorded in
the manifest under ``training.selection``. The held-out split is never used to choose.

Needs the semantic extra; ``static`` and ``tiny-static`` also need ``model2vec[distill]`` at build time only (their
table is distilled from the same MiniLM weights once per run, at the largest PCA size of the grid; smaller sizes are
its leading columns). Usage (from the repository root)::

    python models/build.py semantic hybrid        # writes models/semantic, models/hybrid
    python models/build.py static tiny-static     # writes models/static, models/tiny-static
    python models/build.py hybrid --out /tmp/m    # elsewhere
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

GRIDS: dict[str, list[dict[str, Any]]] = {
    "semantic": [{"cut": cut} for cut in ("priority", "head")],
    "hybrid": [{"semantic_weight": w} for w in (0.1, 0.2, 0.35)],
    # "plain": the distilled table's mean as model2vec computes it; "idf": pieces weighed by their IDF over the
    # training texts and the mean training vector subtracted (StaticEmbedder idf=True, center=True)
    "static": [
        {"dims": d, "max_tokens": t, "weighting": w}
        for d in (64, 128)  # 256 scored a little better by CV but doubles the table (7.6 MB): kept small
        for t in (64, 128, 512)
        for w in ("plain", "idf")
    ],
    "tiny-static": [
        {"dims": d, "max_tokens": 128, "weighting": w, "static_weight": sw}
        for d in (64, 128)
        for w in ("plain", "idf")
        for sw in (0.1, 0.2, 0.35)
    ],
}
STATIC_PCA = 128  # distilled once at this size; a grid's smaller "dims" take its leading principal components
C_GRID = (10.0, 30.0, 100.0)


def make_embedder(kind: str, params: dict[str, Any]) -> Any:
    """An unfitted embedder of ``kind`` with ``params``."""
    if kind in ("static", "tiny-static"):
        from clusterer.embed_static import StaticEmbedder, TinyStaticEmbedder

        p = dict(params)
        table = static_table(int(p.pop("dims")))
        idf = p.pop("weighting") == "idf"
        static = StaticEmbedder(table=table, max_tokens=int(p.pop("max_tokens")), idf=idf, center=idf, dtype="int8")
        return static if kind == "static" else TinyStaticEmbedder(static=static, **p)
    from clusterer.embed_semantic import HybridEmbedder, SemanticEmbedder

    if kind == "semantic":
        return SemanticEmbedder(**params)
    return HybridEmbedder(semantic=SemanticEmbedder(cut=params.get("cut", "priority")), **params)


@lru_cache(maxsize=1)
def _distilled() -> dict[str, Any]:
    from clusterer.embed_static import distill_table

    return distill_table(pca_dims=STATIC_PCA)


def static_table(dims: int) -> dict[str, Any]:
    """The distilled MiniLM table cut to its ``dims`` leading principal components (PCA is ordered)."""
    t = _distilled()
    return t | {"vectors": t["vectors"][:, :dims].copy(), "source": t["source"] | {"pca_dims": dims}}


def select(kind: str, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], float, list[dict[str, Any]]]:
    """The cheapest (embedder params, C) of ``kind`` by grouped CV on ``rows``; returns it and the whole grid."""
    from threadpoolctl import threadpool_limits

    from clusterer.classify import OTHER, ExemplarClassifier, calibration_cost
    from clusterer.evaluate import row_text
    from clusterer.train import MESSAGE_SHAPE

    texts = [r.get("canonical") or row_text(r) for r in rows]
    labels = [str(r["category"]) for r in rows]
    groups = [f"{r['category']}:{r.get('library') or r['id']}" for r in rows]
    # as in train_model: bare library messages train, but only whole failures calibrate and are costed
    whole = [r.get("shape") != MESSAGE_SHAPE for r in rows]
    n_other = sum(1 for c, w in zip(labels, whole, strict=True) if w and c == OTHER)
    n_known = sum(whole) - n_other
    grid = []
    for params in GRIDS[kind]:
        with threadpool_limits(limits=1):
            X = make_embedder(kind, params).fit(texts).transform(texts)
            for C in C_GRID:
                # candidates are compared on one fold assignment (three cost three times as much); the chosen one
                # is trained by train_model with the classifier's default repeats
                clf = ExemplarClassifier(C=C, n_repeats=1).fit(X, labels, groups=groups, calibrate=whole)
                cost = calibration_cost(clf.calibration_, n_known, n_other, clf.wrong_cost)
                grid.append({"embedder": params, "C": C, "cv_cost": round(cost, 4)} | clf.calibration_)
                print(f"  {kind} {params} C={C:g}: CV cost {cost:.4f}", file=sys.stderr, flush=True)
    best = min(grid, key=lambda g: g["cv_cost"])
    return best["embedder"], float(best["C"]), grid


def build(
    kind: str, out: Path, corpus: Path = ROOT / "corpus" / "data", split: Path = ROOT / "corpus" / "split.json"
) -> dict[str, Any]:
    """Select, train and write one artefact; returns its held-out figures."""
    from clusterer.model import Model
    from clusterer.train import read_corpus, train_model

    train, heldout, spec = read_corpus(corpus, split)
    t0 = time.perf_counter()
    params, C, grid = select(kind, train)
    train_model(
        train,
        out,
        name=kind,
        heldout=heldout,
        split=spec,
        embedder=make_embedder(kind, params),
        classifier_params={"C": C},
        training_info={
            "selection": {
                "rule": "min out-of-fold cost (wrong_cost x wrong + declined) by GroupKFold over libraries, "
                "training split only",
                "chosen": {"embedder": params, "C": C},
                "grid": grid,
            }
        },
    )
    figures = Model.load(out).manifest["evaluation"]["heldout"]
    print(f"{kind}: {params} C={C:g} -> {out} in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    return figures


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kinds", nargs="+", choices=sorted(GRIDS))
    ap.add_argument("--out", type=Path, default=ROOT / "models", help="parent folder of the artefacts")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "data", help="labelled *.jsonl folder")
    ap.add_argument("--split", type=Path, default=ROOT / "corpus" / "split.json", help="held-out split")
    args = ap.parse_args()
    for kind in args.kinds:
        figures = build(kind, args.out / kind, args.corpus, args.split)
        keys = ("macro_f1", "wrong_known_rate", "coverage_known", "new_precision", "new_recall", "ari_unknown")
        print(json.dumps({"model": kind} | {k: figures.get(k) for k in keys}))


if __name__ == "__main__":
    main()
