"""Figures of a model on labelled failures: per-category precision/recall/F1, wrong-known rate, new-category
precision/recall, and how well unknown failures are grouped (adjusted Rand index)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import adjusted_rand_score

from .classify import OTHER
from .cluster import leader_cluster
from .model import Model
from .normalize import canonicalize


def row_text(row: dict[str, Any]) -> str:
    """Canonical text of a labelled corpus row (raw traceback + message + test id)."""
    return canonicalize(row.get("text", ""), row.get("message", ""), row.get("test", ""))


def evaluate(model: Model, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Evaluate ``model`` on labelled rows (``category`` is a known id or ``"other"``).

    Returns
    -------
    dict with ``n``, ``per_category`` (precision/recall/f1/support), ``macro_f1`` (over the known categories
    present), ``accuracy_known``, ``wrong_known_rate``, ``new_precision``, ``new_recall``, ``ari_unknown``,
    ``confusion`` (true -> predicted -> count).
    """
    texts = [row_text(r) for r in rows]
    truth = np.array([str(r["category"]) for r in rows], dtype=object)
    X = model.embedder.embed(texts)
    pred = model.classifier.predict(X)
    known_ids = sorted({c for c in truth if c != OTHER} | {c for c in pred if c not in ("new", OTHER)})
    per: dict[str, dict[str, float]] = {}
    for c in known_ids:
        tp = int(((pred == c) & (truth == c)).sum())
        fp = int(((pred == c) & (truth != c)).sum())
        fn = int(((pred != c) & (truth == c)).sum())
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per[c] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                  "support": int((truth == c).sum())}
    is_known = truth != OTHER
    said_new = pred == "new"
    wrong_known = is_known & ~said_new & (pred != truth)
    confusion: dict[str, dict[str, int]] = {}
    for t, p in zip(truth.tolist(), pred.tolist(), strict=True):
        confusion.setdefault(t, {}).setdefault(p, 0)
        confusion[t][p] += 1
    unknown = np.flatnonzero(~is_known)
    ari = None
    if len(unknown) > 1:
        causes = [str(rows[i].get("cause")) for i in unknown]
        labels = leader_cluster(X[unknown], np.ones(len(unknown)), threshold=model.cluster_threshold)
        ari = float(adjusted_rand_score(causes, labels))
    supported = [c for c in per if per[c]["support"]]
    return {
        "n": len(rows),
        "per_category": per,
        "macro_f1": float(np.mean([per[c]["f1"] for c in supported])) if supported else 0.0,
        "accuracy_known": float((pred[is_known] == truth[is_known]).mean()) if is_known.any() else 0.0,
        "coverage_known": float((~said_new[is_known]).mean()) if is_known.any() else 0.0,
        "wrong_known_rate": float(wrong_known.sum() / max(1, is_known.sum())),
        "new_precision": float((~is_known & said_new).sum() / max(1, said_new.sum())),
        "new_recall": float((~is_known & said_new).sum() / max(1, (~is_known).sum())),
        "ari_unknown": ari,
        "confusion": confusion,
    }
