"""Figures of a model on labelled failures: per-category precision/recall/F1, the confusion matrix, wrong-known
rate, new-category precision/recall, how well unknown failures are grouped (adjusted Rand index), and a
reliability table (stated confidence against observed accuracy).

Labelled failures come either as corpus rows (JSONL: ``id``, ``category``, ``text``, optional ``message``,
``test``, ``cause``, ``library``) or as a results file plus a labels file keyed by test id
(:func:`rows_from_results`). ``category`` is a known id (``"1"``..``"7"``) or ``"other"``/``"new"`` for a failure
of no known category; a correct answer for those is ``new``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import adjusted_rand_score

from .classify import OTHER
from .cluster import group
from .errors import InputError
from .model import Model
from .normalize import canonicalize

NEW = "new"
#: Upper edges of the reliability bins (confidence is in [0, 1]).
RELIABILITY_EDGES = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
#: Figures the quality gate compares with the manifest: name -> True when higher is better.
GATED = {
    "macro_f1": True,
    "coverage_known": True,
    "wrong_known_rate": False,
    "new_precision": True,
    "new_recall": True,
    "ari_unknown": True,
}
_PARAM_RE = re.compile(r"\[.*\]$")


def row_text(row: dict[str, Any]) -> str:
    """Canonical text of a labelled corpus row (raw traceback + message + test id)."""
    return canonicalize(row.get("text", ""), row.get("message", ""), row.get("test", ""))


def _text(row: dict[str, Any]) -> str:
    return row.get("canonical") or row_text(row)


def predict_rows(
    model: Model, rows: Sequence[dict[str, Any]], texts: Sequence[str] | None = None
) -> tuple[Any, np.ndarray, np.ndarray]:
    """Embed and classify labelled rows one by one (``texts``: their canonical texts, when already made).

    Returns
    -------
    ``(X, pred, confidence)``: the embedding matrix, the answer per row (a category id or ``"new"``) and the
    confidence the model states for that answer (:attr:`clusterer.classify.Decision.confidence`).
    """
    texts = [_text(r) for r in rows] if texts is None else list(texts)
    X = model.embedder.embed(texts)
    clf = model.classifier
    if not texts:
        return X, np.array([], dtype=object), np.array([], dtype=float)
    s = clf.scores(X)
    decisions = [clf.decide(s.proba[i], s.best_sim[i]) for i in range(len(texts))]
    pred = np.array([d.category or NEW for d in decisions], dtype=object)
    conf = np.array([d.confidence for d in decisions], dtype=float)
    return X, pred, conf


def reliability(correct: np.ndarray, confidence: np.ndarray, edges: Sequence[float] = RELIABILITY_EDGES) -> dict:
    """Stated confidence against observed accuracy, in bins.

    Returns
    -------
    dict with ``bins`` (``lo``, ``hi``, ``n``, ``confidence`` mean, ``accuracy``) and ``ece`` (expected
    calibration error: the mean gap between confidence and accuracy, weighted by bin size).

    Examples
    --------
    >>> r = reliability(np.array([True, False, True, True]), np.array([0.95, 0.55, 0.92, 0.58]))
    >>> [(b["lo"], b["n"], b["accuracy"]) for b in r["bins"]]
    [(0.0, 0, None), (0.5, 2, 0.5), (0.6, 0, None), (0.7, 0, None), (0.8, 0, None), (0.9, 2, 1.0)]
    >>> r["ece"]
    0.065
    """
    bins = []
    gap = 0.0
    lo = 0.0
    for hi in edges:
        inside = (confidence >= lo) & ((confidence < hi) if hi < 1.0 else (confidence <= hi))
        n = int(inside.sum())
        acc = float(correct[inside].mean()) if n else None
        mean_conf = float(confidence[inside].mean()) if n else None
        if n:
            gap += n * abs(mean_conf - acc)  # type: ignore[operator]
        bins.append(
            {
                "lo": lo,
                "hi": hi,
                "n": n,
                "confidence": None if mean_conf is None else round(mean_conf, 4),
                "accuracy": None if acc is None else round(acc, 4),
            }
        )
        lo = hi
    return {"bins": bins, "ece": round(gap / max(1, len(correct)), 4)}


def score(
    truth: Sequence[str],
    pred: Sequence[str],
    confidence: Sequence[float] | None = None,
    causes: Sequence[str] | None = None,
    unknown_groups: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """Figures from answers alone (no model): the metric definitions of ``cluster eval``.

    Parameters
    ----------
    truth:
        Labels: a known category id, or ``"other"``/``"new"`` for a failure of no known category.
    pred:
        Answers: a known category id or ``"new"``.
    confidence:
        Confidence stated for each answer (for the reliability table).
    causes, unknown_groups:
        For the failures of no known category, their true cause and the group the model put them in: the
        adjusted Rand index of the two is ``ari_unknown``. Both are full-length sequences (entries of known
        failures are ignored).

    Returns
    -------
    dict with ``n``, ``per_category`` (precision/recall/f1/support of each known category), ``macro_f1`` (over
    the known categories present in ``truth``), ``accuracy_known``, ``coverage_known`` (share of known failures
    given a known category), ``wrong_known_rate`` (known failures given *another* known category),
    ``new_precision``, ``new_recall``, ``ari_unknown``, ``confusion`` (true -> answer -> count) and
    ``reliability``.

    Examples
    --------
    >>> f = score(["1", "1", "2", "other"], ["1", "new", "1", "new"])
    >>> f["per_category"]["1"]["precision"], f["wrong_known_rate"], f["new_precision"], f["new_recall"]
    (0.5, 0.3333333333333333, 0.5, 1.0)
    """
    t = np.array([OTHER if str(c) in (NEW, OTHER) else str(c) for c in truth], dtype=object)
    p = np.array([NEW if str(c) in (NEW, OTHER) else str(c) for c in pred], dtype=object)
    known_ids = sorted({c for c in t if c != OTHER} | {c for c in p if c != NEW}, key=_category_key)
    per: dict[str, dict[str, float]] = {}
    for c in known_ids:
        tp = int(((p == c) & (t == c)).sum())
        fp = int(((p == c) & (t != c)).sum())
        fn = int(((p != c) & (t == c)).sum())
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[c] = {
            "precision": prec,
            "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "support": int((t == c).sum()),
        }
    is_known = t != OTHER
    said_new = p == NEW
    wrong_known = is_known & ~said_new & (p != t)
    confusion: dict[str, dict[str, int]] = {}
    for a, b in zip(t.tolist(), p.tolist(), strict=True):
        confusion.setdefault(a, {}).setdefault(b, 0)
        confusion[a][b] += 1
    ari = None
    unknown = np.flatnonzero(~is_known).tolist()
    if causes is not None and unknown_groups is not None and len(unknown) > 1:
        ari = float(adjusted_rand_score([str(causes[i]) for i in unknown], [unknown_groups[i] for i in unknown]))
    supported = [c for c in per if per[c]["support"]]
    correct = (p == t) | (~is_known & said_new)
    out: dict[str, Any] = {
        "n": len(t),
        "per_category": per,
        "macro_f1": float(np.mean([per[c]["f1"] for c in supported])) if supported else 0.0,
        "accuracy_known": float((p[is_known] == t[is_known]).mean()) if is_known.any() else 0.0,
        "coverage_known": float((~said_new[is_known]).mean()) if is_known.any() else 0.0,
        "wrong_known_rate": float(wrong_known.sum() / max(1, is_known.sum())),
        "new_precision": float((~is_known & said_new).sum() / max(1, said_new.sum())),
        "new_recall": float((~is_known & said_new).sum() / max(1, (~is_known).sum())),
        "ari_unknown": ari,
        "confusion": confusion,
    }
    if confidence is not None:
        out["reliability"] = reliability(correct, np.asarray(confidence, dtype=float))
    return out


def _category_key(c: str) -> tuple[int, str]:
    return (int(c), "") if c.isdigit() else (1 << 30, c)


def evaluate(model: Model, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Evaluate ``model`` on labelled rows one failure at a time (see :func:`score` for the figures).

    Unknown failures (label ``other``) are grouped as the pipeline groups them (:func:`clusterer.cluster.group`,
    on the model's grouping view of their texts), and that grouping is compared with their ``cause``
    (``ari_unknown``).
    """
    return score(**answers(model, rows))


def answers(model: Model, rows: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    """The keyword arguments of :func:`score` for ``model`` on labelled rows: truth, answers, confidences, and the
    causes and model groups of the unknown failures. Answers of several models (folds) can be pooled by
    concatenating these lists, group ids made distinct per model."""
    texts = [_text(r) for r in rows]
    X, pred, conf = predict_rows(model, rows, texts)
    truth = [str(r["category"]) for r in rows]
    unknown = [i for i, c in enumerate(truth) if c in (OTHER, NEW)]
    groups: list[Any] = [None] * len(rows)
    if len(unknown) > 1:
        sub = X[unknown]
        new_by = model.new_grouping_vectors([texts[i] for i in unknown])
        labels = group(sub, np.ones(len(unknown)), model.classifier.scores(sub), model, new_vectors=new_by)
        for i, g in zip(unknown, labels, strict=True):
            groups[i] = int(g)
    causes = [str(r.get("cause")) for r in rows]
    return {
        "truth": truth,
        "pred": pred.tolist(),
        "confidence": conf.tolist(),
        "causes": causes,
        "unknown_groups": groups,
    }


# -- labelled inputs ------------------------------------------------------------------------------------------


def _norm_category(value: Any) -> str:
    if value is None:
        return OTHER
    s = str(value).strip()
    return OTHER if s.lower() in (NEW, OTHER, "") else s


def read_labels(path: Path) -> dict[str, dict[str, str]]:
    """Read a labels file keyed by test id: ``{test id: {"category": ..., "cause": ...}}``.

    Accepted shapes: ``{"failures": [{"test", "category", "cause"}, ...]}`` (the examples' ground truth),
    a mapping ``{test id: category}`` or ``{test id: {"category", "cause"}}``, or JSON lines with ``test`` (or
    ``id``) and ``category``. A category ``new``/``other``/``null`` marks a failure of no known category.

    Raises
    ------
    InputError
        On an unreadable file or an entry without a test id or category.
    """
    try:
        raw = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"unreadable labels file ({exc})", kind="unreadable") from None
    entries: list[Any]
    try:
        value = json.loads(raw)
        if isinstance(value, dict) and isinstance(value.get("failures"), list):
            entries = value["failures"]
        elif isinstance(value, dict):
            entries = [
                {"test": k, **(v if isinstance(v, dict) else {"category": v})}
                for k, v in value.items()
                if not k.startswith("_")
            ]
        elif isinstance(value, list):
            entries = value
        else:
            raise InputError(str(path), "labels must be a JSON object or list", kind="shape")
    except json.JSONDecodeError:
        try:
            entries = [json.loads(line) for line in raw.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"neither JSON nor JSON lines ({exc.msg})", kind="malformed") from None
    labels: dict[str, dict[str, str]] = {}
    for n, e in enumerate(entries, start=1):
        if not isinstance(e, dict) or not (e.get("test") or e.get("id")) or "category" not in e:
            raise InputError(str(path), f"entry {n}: needs a test id and a category", kind="shape")
        test = str(e.get("test") or e.get("id"))
        cat = _norm_category(e["category"])
        labels[test] = {"category": cat, "cause": str(e.get("cause") or f"{cat}:{test}")}
    return labels


def rows_from_results(results: Iterable[Path], labels: Mapping[str, dict[str, str]]) -> tuple[list, list[str]]:
    """Labelled rows from results files and labels keyed by test id.

    A failing test matches its own id, or its id without the parameter suffix (``test_x[3]`` -> ``test_x``).

    Returns
    -------
    ``(rows, unlabelled)``: one row per failing test of every run, and the ids of failures with no label.
    """
    from .ingest import read_results
    from .normalize import canonical_text

    rows: list[dict[str, Any]] = []
    unlabelled: list[str] = []
    for index, path in enumerate(results):
        run = read_results(path, index=index)
        for case in run.failures:
            label = labels.get(case.test) or labels.get(_PARAM_RE.sub("", case.test))
            if label is None:
                unlabelled.append(case.test)
                continue
            rows.append(
                {
                    "id": f"{index}:{case.test}",
                    "category": label["category"],
                    "cause": label["cause"],
                    "test": case.test,
                    "canonical": canonical_text(case),
                }
            )
    return rows, unlabelled


# -- quality gate -----------------------------------------------------------------------------------------------


def gate(figures: Mapping[str, Any], recorded: Mapping[str, Any], tolerance: float = 0.02) -> list[str]:
    """Compare figures with the ones recorded in a manifest; returns one line per figure that dropped.

    A figure fails when it is worse than the recorded one by more than ``tolerance`` (higher is better for all
    but ``wrong_known_rate``). Figures missing on either side are not compared.

    Examples
    --------
    >>> gate({"macro_f1": 0.60, "wrong_known_rate": 0.03}, {"macro_f1": 0.64, "wrong_known_rate": 0.035})
    ['macro_f1 0.6000 < recorded 0.6400 - 0.02']
    """
    failures = []
    for name, higher_better in GATED.items():
        now, then = figures.get(name), recorded.get(name)
        if now is None or then is None:
            continue
        if higher_better and now < then - tolerance - 1e-9:
            failures.append(f"{name} {now:.4f} < recorded {then:.4f} - {tolerance:g}")
        if not higher_better and now > then + tolerance + 1e-9:
            failures.append(f"{name} {now:.4f} > recorded {then:.4f} + {tolerance:g}")
    return failures


# -- rendering --------------------------------------------------------------------------------------------------


def _f(v: Any) -> str:
    return "-" if v is None else f"{v:.3f}"


_COMPARED = (
    ("macro-F1", "macro_f1"),
    ("acc. known", "accuracy_known"),
    ("coverage", "coverage_known"),
    ("wrong-known", "wrong_known_rate"),
    ("new P", "new_precision"),
    ("new R", "new_recall"),
    ("ARI", "ari_unknown"),
)


def render_comparison(results: Sequence[tuple[str, Mapping[str, Any]]], source: str = "") -> str:
    """One row of headline figures per model, for models evaluated on the same rows.

    >>> f = score(["1", "other"], ["1", "new"])
    >>> print(render_comparison([("a", f), ("b", f)]).splitlines()[2])
    a                    1.000       1.000       1.000       0.000       1.000       1.000           -       -
    >>> render_comparison([("library-messages", f)]).splitlines()[2].split()[0]  # never cut
    'library-messages'
    """
    width = max([14, *(len(name) + 1 for name, _ in results)])  # whole names: a model path, a corpus group
    head = f"{'model':<{width}}" + "".join(f"{label:>12}" for label, _ in _COMPARED) + f"{'ECE':>8}"
    lines = [f"comparison on {source}" if source else "comparison", head]
    for name, figures in results:
        ece = (figures.get("reliability") or {}).get("ece")
        lines.append(
            f"{name:<{width}}" + "".join(f"{_f(figures.get(key)):>12}" for _, key in _COMPARED) + f"{_f(ece):>8}"
        )
    return "\n".join(lines) + "\n"


def render_text(figures: Mapping[str, Any], title: str = "") -> str:
    """The figures as plain-text tables (per category, confusion matrix, summary, reliability)."""
    lines: list[str] = []
    if title:
        lines += [title, ""]
    per = figures["per_category"]
    lines.append(f"{'category':<10}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")
    for c, v in per.items():
        lines.append(f"{c:<10}{_f(v['precision']):>10}{_f(v['recall']):>10}{_f(v['f1']):>10}{v['support']:>10}")
    lines.append("")
    conf = figures["confusion"]
    truths = sorted(conf, key=_category_key)
    answers = sorted({a for row in conf.values() for a in row} | {c for c in per}, key=_category_key)
    lines.append("confusion (rows: truth, columns: answer)")
    lines.append(f"{'':<8}" + "".join(f"{a:>7}" for a in answers))
    for t in truths:
        lines.append(f"{t:<8}" + "".join(f"{conf[t].get(a, 0) or '.':>7}" for a in answers))
    lines.append("")
    summary = [
        ("failures", str(figures["n"])),
        ("macro-F1 (known categories)", _f(figures["macro_f1"])),
        ("accuracy on known", _f(figures["accuracy_known"])),
        ("coverage of known", _f(figures["coverage_known"])),
        ("wrong-known rate", _f(figures["wrong_known_rate"])),
        ("new precision", _f(figures["new_precision"])),
        ("new recall", _f(figures["new_recall"])),
        ("ARI of unknown groups", _f(figures["ari_unknown"])),
    ]
    lines += [f"{k:<30}{v:>8}" for k, v in summary]
    rel = figures.get("reliability")
    if rel:
        lines += ["", f"reliability (ECE {rel['ece']:.3f})", f"{'confidence':<14}{'n':>6}{'stated':>9}{'observed':>10}"]
        for b in rel["bins"]:
            rng = f"[{b['lo']:.1f}, {b['hi']:.1f}{']' if b['hi'] >= 1.0 else ')'}"
            lines.append(f"{rng:<14}{b['n']:>6}{_f(b['confidence']):>9}{_f(b['accuracy']):>10}")
    return "\n".join(lines) + "\n"
