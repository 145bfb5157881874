"""Score models on rebuilt copies of the real-project lists (the texts live outside the repository).

Each list in this folder (``sources*.jsonl``) names threads, labels and the sha256 of the excerpt a past session
scored, not the text. A rebuilt copy is any JSONL file of rows ``{"id", "text", ...}`` (README.md says how to
rebuild one). This script matches rebuilt rows to the lists by ``id``, takes ``category``, ``cause``, ``library``
and ``half`` from the list (so a copy cannot relabel a row), reports how many rows of each list were rebuilt and
how many are byte-identical to the scored excerpt, and prints one table row per model: the cost per failure at
the product's 3:1 (:func:`clusterer.registry.heldout_cost`) with macro-F1 / coverage / wrong-known, for each list
and half, and the cost summed over all of them.

Usage (repository root)::

    python corpus/realworld/score.py /work/realworld/*.jsonl -m tiny -m hybrid -m tiny-static
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: the lists, in the order of the table's columns: (file, short name)
LISTS = (
    ("sources-session7.jsonl", "session 7"),
    ("sources-session10.jsonl", "session 10"),
    ("sources.jsonl", "session 6"),
    ("sources-session9.jsonl", "session 9"),
    ("sources-session17.jsonl", "session 17"),
)
LABEL_FIELDS = ("category", "cause", "library", "half")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def assemble(
    rebuilt: Iterable[dict[str, Any]], lists: Sequence[tuple[str, Sequence[dict[str, Any]]]]
) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """Rebuilt rows grouped by list and half (``"session 7 dev"``, ``"session 6"``...), labelled by the lists.

    Returns
    -------
    ``(groups, report)``: the rows to score per group, in the lists' order, and one line per list: rows rebuilt of
    rows listed, and how many are byte-identical to the excerpt the list's checksum names.

    >>> listed = [("session 7", [{"id": "a", "category": "2", "half": "dev", "text_sha256": sha256("x")},
    ...                          {"id": "b", "category": "other", "half": "test", "text_sha256": "0"}])]
    >>> groups, report = assemble([{"id": "a", "text": "x", "category": "7"}, {"id": "b", "text": "y"}], listed)
    >>> [(g, [(r["id"], r["category"]) for r in rows]) for g, rows in groups.items()]
    [('session 7 dev', [('a', '2')]), ('session 7 test', [('b', 'other')])]
    >>> report
    ['session 7: 2 of 2 rows rebuilt, 1 byte-identical']
    """
    texts: dict[str, str] = {}
    for row in rebuilt:
        if row.get("text"):
            texts.setdefault(str(row["id"]), str(row["text"]))
    groups: dict[str, list[dict[str, Any]]] = {}
    report = []
    for name, rows in lists:
        found = identical = 0
        for src in rows:
            text = texts.get(str(src["id"]))
            if text is None:
                continue
            found += 1
            identical += sha256(text) == src.get("text_sha256")
            row = {"id": src["id"], "text": text, **{k: src[k] for k in LABEL_FIELDS if k in src}}
            group = f"{name} {src['half']}" if src.get("half") else name
            groups.setdefault(group, []).append(row)
        if rows:
            report.append(f"{name}: {found} of {len(rows)} rows rebuilt, {identical} byte-identical")
    return groups, report


def score_table(groups: dict[str, list[dict[str, Any]]], models: Sequence[str]) -> list[str]:
    """Markdown rows: per model, cost (macro-F1 / coverage / wrong-known) per group and failures x cost overall."""
    from clusterer.evaluate import evaluate
    from clusterer.model import Model
    from clusterer.registry import heldout_cost

    names = list(groups)
    lines = [
        "| model | " + " | ".join(f"{g} ({len(groups[g])})" for g in names) + " | failures x cost |",
        "| --- |" + " --- |" * (len(names) + 1),
    ]
    for name in models:
        model = Model.load(name)
        cells, total = [], 0.0
        for g in names:
            f = evaluate(model, groups[g])
            cost = heldout_cost(f)
            total += cost * f["n"]
            cells.append(f"{cost:.3f} ({f['macro_f1']:.3f} / {f['coverage_known']:.2f} / {f['wrong_known_rate']:.1%})")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {total:.0f} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rebuilt", nargs="+", type=Path, help="rebuilt JSONL files (rows with id and text)")
    ap.add_argument("-m", "--model", action="append", default=[], help="model to score (repeatable; default tiny)")
    args = ap.parse_args(argv)
    rebuilt = [row for path in args.rebuilt for row in read_jsonl(path)]
    lists = [(name, read_jsonl(HERE / file)) for file, name in LISTS if (HERE / file).is_file()]
    groups, report = assemble(rebuilt, lists)
    print("\n".join(report))
    if not groups:
        print("no rebuilt row matches a listed id")
        return 1
    print("\n".join(score_table(groups, args.model or ["tiny"])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
