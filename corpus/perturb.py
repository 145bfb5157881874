"""Is a change bigger than training noise? Train a recipe on the corpus and on perturbed copies, score them all.

Dropping 4 random failures of the 2,153 training rows and retraining tiny moves its probability threshold by up to
0.045 and its summed cost on held-out + wide-c/f/i by up to 8 failures (session 17): the calibration's folds and the
stacked confidence are refitted, and the cost curve is flat near its minimum. A change judged on one training run
can win or lose by that much for no reason of its own. This script trains ``--copies`` models of one recipe: the
first on the training split as it is, each other one with ``--drop`` random whole failures left out (seeded by the
copy's number, so two recipes compared with the same options see the same perturbations). It scores each model on
the held-out split and the validation sets (held-out + wide-c/f/i are the "synthetic" column; wide-j's logic bugs a
column of their own) and, given rebuilt copies of the real-project lists (``corpus/realworld/README.md``), on their
read and unread halves, and prints one row per model and the mean and standard deviation of each column: the cost
summed over failures at the product's 3:1 (:func:`clusterer.registry.heldout_cost`) and the probability threshold.

Usage (repository root, dev install)::

    python corpus/perturb.py                                          # tiny's recipe, 5 models
    python corpus/perturb.py --classifier '{"folds": "hash"}' --real /work/realworld/*.jsonl
    python corpus/perturb.py --copies 8 --drop 10 --keep /tmp/models  # keep the trained models

Two models are trained at a time (about 4 minutes per pair for tiny on two cores).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SYNTHETIC = ("wide-c", "wide-f", "wide-i")
#: unrelated failures from plain logic bugs: their cost is 3 per known answer given (a column of its own, so that the
#: synthetic column stays comparable with the figures of sessions before 19)
LOGIC_BUGS = "wide-j"
COLUMNS = ("synthetic", "logic bugs", "real read", "real unread")


def perturbed(rows: Sequence[dict[str, Any]], copy: int, drop: int) -> list[dict[str, Any]]:
    """The training rows of copy ``copy``: all of them for copy 0, else without ``drop`` whole failures chosen by
    a generator seeded with ``copy`` (library messages and stored labels are never dropped).

    >>> rows = [{"id": str(i), "shape": "message" if i % 2 else "raised"} for i in range(10)]
    >>> len(perturbed(rows, 0, 3)), len(perturbed(rows, 1, 3))
    (10, 7)
    >>> sorted({r["shape"] for r in rows if r not in perturbed(rows, 2, 5)})
    ['raised']
    >>> perturbed(rows, 1, 3) == perturbed(rows, 1, 3)
    True
    """
    from clusterer.train import MESSAGE_SHAPE, USER_SHAPE

    if copy == 0 or drop <= 0:
        return list(rows)
    whole = [i for i, r in enumerate(rows) if r.get("shape") not in (MESSAGE_SHAPE, USER_SHAPE)]
    gone = set(random.Random(copy).sample(whole, min(drop, len(whole))))
    return [r for i, r in enumerate(rows) if i not in gone]


def summary(values: Sequence[float], digits: int = 1) -> str:
    """``mean ± sd`` of a column (sd 0 for one value).

    >>> summary([216, 224, 219]), summary([0.7, 0.745, 0.72], digits=3)
    ('219.7 ± 4.0', '0.722 ± 0.023')
    """
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.fmean(values):.{digits}f} ± {sd:.{digits}f}"


def _train(args: tuple[int, int, str, str, str]) -> str:
    copy, drop, classifier, embedder, out = args
    from clusterer.train import read_corpus, train_model

    train, held, spec = read_corpus()
    train_model(
        perturbed(train, copy, drop),
        Path(out),
        heldout=held,
        split=spec,
        classifier_params=json.loads(classifier) or None,
        embedder_params=json.loads(embedder) or None,
    )
    return out


def score_sets(real: Sequence[Path]) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    """The sets every model is scored on: ``{name: (column, rows)}``, column ``synthetic``, ``logic bugs``
    (wide-j), ``real read`` or ``real unread`` (a list's ``test`` half, which no session read)."""
    from clusterer.train import read_corpus, read_labelled

    _, held, _ = read_corpus()
    sets = {"held-out": ("synthetic", held)}
    for name in SYNTHETIC:
        sets[name] = ("synthetic", read_labelled([HERE / "validation" / f"{name}.jsonl"]))
    sets[LOGIC_BUGS] = ("logic bugs", read_labelled([HERE / "validation" / f"{LOGIC_BUGS}.jsonl"]))
    if real:
        sys.path.insert(0, str(HERE / "realworld"))
        import score  # corpus/realworld/score.py

        rebuilt = [row for path in real for row in score.read_jsonl(path)]
        # session 9's list is kept out of summed costs (its negatives carry the same messages outside a test run)
        lists = [(n, score.read_jsonl(HERE / "realworld" / f)) for f, n in score.LISTS if n != "session 9"]
        groups, report = score.assemble(rebuilt, lists)
        print("\n".join(report))
        for group, rows in groups.items():
            sets[group] = ("real unread" if group.endswith(" test") else "real read", rows)
    return sets


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=5, help="models to train (the first unperturbed); default 5")
    ap.add_argument("--drop", type=int, default=4, help="whole failures left out of each perturbed copy")
    ap.add_argument("--classifier", default="{}", help="ExemplarClassifier parameters as JSON")
    ap.add_argument("--embedder", default="{}", help="TinyEmbedder parameters as JSON")
    ap.add_argument("--real", nargs="*", type=Path, default=[], help="rebuilt real-project lists (JSONL)")
    ap.add_argument("--keep", type=Path, help="folder to keep the trained models in (default: a temporary one)")
    args = ap.parse_args(argv)
    for flag, value in (("--classifier", args.classifier), ("--embedder", args.embedder)):
        try:  # refuse malformed parameters before training anything
            if not isinstance(json.loads(value), dict):
                ap.error(f"{flag}: expected a JSON object, got {value!r}")
        except json.JSONDecodeError as exc:
            ap.error(f"{flag}: malformed JSON ({exc.msg})")

    from clusterer.evaluate import evaluate
    from clusterer.model import Model
    from clusterer.registry import heldout_cost

    sets = score_sets(args.real)
    columns = sorted({col for col, _ in sets.values()}, key=COLUMNS.index)
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        jobs = [(c, args.drop, args.classifier, args.embedder, str(root / f"copy{c}")) for c in range(args.copies)]
        with ProcessPoolExecutor(max_workers=2) as pool:
            outs = list(pool.map(_train, jobs))
        print("| model | threshold | " + " | ".join(columns) + " |")
        print("| --- |" + " --- |" * (len(columns) + 1))
        table: dict[str, list[float]] = {col: [] for col in ["threshold", *columns]}
        for copy, out in enumerate(outs):
            model = Model.load(out)
            totals = dict.fromkeys(columns, 0.0)
            for col, rows in sets.values():
                figures = evaluate(model, rows)
                totals[col] += heldout_cost(figures) * figures["n"]
            table["threshold"].append(model.classifier.proba_threshold_)
            for col in columns:
                table[col].append(totals[col])
            name = "as is" if copy == 0 else f"{args.drop} dropped (seed {copy})"
            cells = [f"{model.classifier.proba_threshold_:.3f}", *(f"{totals[c]:.0f}" for c in columns)]
            print(f"| {name} | " + " | ".join(cells) + " |")
        cells = [summary(table["threshold"], digits=3), *(summary(table[c]) for c in columns)]
        print("| mean ± sd | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
