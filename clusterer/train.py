"""Build a model artefact from labelled failures: embed, fit, calibrate, evaluate, write atomically.

Same inputs give the same bytes: rows are sorted, every estimator is deterministic, single-threaded BLAS is used
while fitting, and nothing time-dependent is recorded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import adjusted_rand_score

from . import __version__
from .categories import builtin_categories
from .classify import OTHER, ExemplarClassifier
from .cluster import leader_cluster
from .embed import TinyEmbedder
from .errors import InputError
from .evaluate import row_text
from .model import write_artefact

REQUIRED = ("id", "category", "text")


def read_labelled(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Read labelled JSONL files (corpus rows); rows are sorted by id for reproducibility.

    Raises
    ------
    InputError
        On an unreadable line or a row without ``id``, ``category`` or ``text``.
    """
    rows: list[dict[str, Any]] = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"line {n}: malformed JSON ({exc.msg})") from None
            missing = [k for k in REQUIRED if k not in row]
            if missing:
                raise InputError(str(path), f"line {n}: missing {', '.join(missing)}")
            row["category"] = str(row["category"])
            rows.append(row)
    rows.sort(key=lambda r: str(r["id"]))
    return rows


def split_heldout(rows: Sequence[dict[str, Any]], heldout_libraries: dict[str, list[str]]) -> tuple[list, list]:
    """Split rows by library: rows whose (category, library) is listed are held out, the rest train."""
    held = {(c, lib) for c, libs in heldout_libraries.items() for lib in libs}
    train = [r for r in rows if (r["category"], r.get("library")) not in held]
    test = [r for r in rows if (r["category"], r.get("library")) in held]
    return train, test


def digest(rows: Sequence[dict[str, Any]]) -> str:
    """sha256 over the rows' ids, labels and texts: the training-data digest recorded in the manifest."""
    h = hashlib.sha256()
    for r in rows:
        h.update(json.dumps([r["id"], r["category"], r["text"]], ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def _cluster_threshold(X: Any, causes: Sequence[str]) -> tuple[float, float]:
    """The leader-clustering threshold that best recovers the causes of the training rows (ARI)."""
    best = (0.6, -1.0)
    for t in np.round(np.arange(0.30, 0.91, 0.05), 2):
        ari = adjusted_rand_score(list(causes), leader_cluster(X, np.ones(X.shape[0]), float(t)))
        if ari > best[1] + 1e-9:
            best = (float(t), float(ari))
    return best


def train_model(
    rows: Sequence[dict[str, Any]],
    out: Path,
    *,
    name: str = "tiny",
    heldout: Sequence[dict[str, Any]] = (),
    split: dict[str, Any] | None = None,
    embedder_params: dict[str, Any] | None = None,
    classifier_params: dict[str, Any] | None = None,
) -> Path:
    """Fit a tiny model on ``rows`` and write its artefact to ``out`` atomically.

    Parameters
    ----------
    rows:
        Labelled failures (``id``, ``category`` in ``"1"``..``"7"`` or ``"other"``, ``text``, optional
        ``message``, ``test``, ``library``, ``cause``, ``shape``).
    out:
        Artefact directory (replaced atomically).
    heldout:
        Labelled failures never used for fitting or calibration; the model's figures on them go in the manifest.
    split:
        The split description recorded in the manifest.

    Returns
    -------
    The artefact path.
    """
    from threadpoolctl import threadpool_limits

    from .evaluate import evaluate
    from .model import Model

    rows = sorted(rows, key=lambda r: str(r["id"]))
    texts = [row_text(r) for r in rows]
    labels = [str(r["category"]) for r in rows]
    groups = [f"{r['category']}:{r.get('library') or r['id']}" for r in rows]
    with threadpool_limits(limits=1):
        embedder = TinyEmbedder(**(embedder_params or {})).fit(texts)
        X = embedder.transform(texts)
        clf = ExemplarClassifier(**(classifier_params or {})).fit(X, labels, groups=groups)
        cluster_t, cluster_ari = _cluster_threshold(X, [f"{r['category']}:{r.get('cause')}" for r in rows])
    emb_params, emb_arrays = embedder.to_state()
    clf_params, clf_arrays = clf.to_state()
    exemplars = [
        {k: r.get(k) for k in ("id", "category", "library", "cause", "shape", "message")} | {"text": t}
        for r, t in zip(rows, texts, strict=True)
    ]
    import scipy
    import sklearn

    counts: dict[str, int] = {}
    for c in labels:
        counts[c] = counts.get(c, 0) + 1
    manifest: dict[str, Any] = {
        "name": name,
        "embedder": emb_params,
        "categories": [c.to_dict() for c in builtin_categories()],
        "thresholds": {
            "probability": clf.proba_threshold_,
            "similarity": clf.sim_threshold_,
            "cluster": cluster_t,
        },
        "training": {
            "rows": len(rows),
            "per_label": dict(sorted(counts.items())),
            "libraries": len({g for g in groups}),
            "digest": digest(rows),
            "split": split or {},
        },
        "evaluation": {"calibration_out_of_fold": clf.calibration_, "cluster_ari_train": cluster_ari},
        "versions": {
            "clusterer": __version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
    }
    arrays = {f"embedder.{k}": v for k, v in emb_arrays.items()} | {f"classifier.{k}": v for k, v in clf_arrays.items()}
    documents = {"embedder": emb_params, "classifier": clf_params}
    write_artefact(out, manifest, documents, arrays, exemplars)
    if heldout:
        figures = evaluate(Model.load(out), heldout)
        figures.pop("confusion", None)
        manifest["evaluation"]["heldout"] = _rounded(figures) | {"rows": len(heldout)}
        write_artefact(out, manifest, documents, arrays, exemplars)
    return out


def _rounded(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj


__all__ = ["read_labelled", "split_heldout", "train_model", "digest", "OTHER"]
