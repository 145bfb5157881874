#!/usr/bin/env python3
"""Validate library-messages.jsonl; exit 1 on any problem.

Checks: schema (exact keys and types), id = <category>-<library>-<slug> and unique,
rows sorted by id, category in 1..7|other, no held-out (evaluation) library,
source = <path>:<line>, and minimum counts per category / libraries per category.
"""

import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "library-messages.jsonl")
KEYS = ["id", "category", "cause", "library", "dist", "version", "exception", "message", "source"]
CATEGORIES = {"1", "2", "3", "4", "5", "6", "7", "other"}
# evaluation set: never harvest from these (module names and PyPI dists)
HELD_OUT = {
    "onnxruntime",
    "keras",
    "h5py",
    "tornado",
    "wsproto",
    "simple_websocket",
    "simple-websocket",
    "asyncpg",
    "peewee",
    "playhouse",
    "dogpile",
    "dogpile.cache",
    "diskcache",
    "requests_cache",
    "requests-cache",
    "anyio",
    "trio",
    "vcr",
    "vcrpy",
    "aioresponses",
    "flask_limiter",
    "flask-limiter",
    "aiolimiter",
    "pandas",
    "jinja2",
    "PIL",
    "pillow",
    "networkx",
    "syrupy",
    "lxml",
}
# minimum rows and distinct libraries per category. Category 4 (cache/state) is
# lower on purpose: cache libraries rarely raise about stale state (see README).
MIN_ROWS = {"1": 30, "2": 30, "3": 30, "4": 20, "5": 30, "6": 30, "7": 30, "other": 120}
MIN_LIBS = {"1": 8, "2": 8, "3": 8, "4": 8, "5": 8, "6": 8, "7": 8, "other": 20}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def main():
    problems = []
    rows = []
    with open(PATH, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                problems.append(f"line {n}: not JSON ({e})")
    ids = []
    for n, r in rows:
        where = f"line {n} ({r.get('id')})"
        if list(r.keys()) != KEYS:
            problems.append(f"{where}: keys {list(r.keys())} != {KEYS}")
            continue
        for k in ["id", "category", "cause", "library", "version", "message", "source"]:
            if not isinstance(r[k], str) or not r[k].strip():
                problems.append(f"{where}: {k} must be a non-empty string")
        for k in ["dist", "exception"]:  # dist null = stdlib; exception null = logged/returned, not raised
            if r[k] is not None and (not isinstance(r[k], str) or not r[k]):
                problems.append(f"{where}: {k} must be a non-empty string or null")
        if r["category"] not in CATEGORIES:
            problems.append(f"{where}: bad category {r['category']!r}")
        prefix = f"{r['category']}-{r['library']}-"
        if not r["id"].startswith(prefix) or not SLUG.match(r["id"][len(prefix) :]):
            problems.append(f"{where}: id must be <category>-<library>-<slug>")
        if not SLUG.match(r["cause"]):
            problems.append(f"{where}: cause must be a slug")
        top = r["library"].split(".")[0]
        if r["library"] in HELD_OUT or top in HELD_OUT or (r["dist"] or "") in HELD_OUT:
            problems.append(f"{where}: held-out library {r['library']}/{r['dist']}")
        first = r["source"].lstrip("/").split("/")[0].split(".")[0]
        if first in HELD_OUT:
            problems.append(f"{where}: source in held-out package {r['source']}")
        if not re.match(r"^.+:\d+$", r["source"]):
            problems.append(f"{where}: source must be <path>:<line>")
        if r["dist"] is None and r["version"] != r["version"].strip():
            problems.append(f"{where}: bad version")
        ids.append(r["id"])
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        problems.append(f"duplicate ids: {dup}")
    if ids != sorted(ids):
        problems.append("rows are not sorted by id")
    cats = collections.Counter(r["category"] for _, r in rows)
    libs = collections.defaultdict(set)
    for _, r in rows:
        libs[r["category"]].add(r["library"])
    print(f"{len(rows)} rows")
    for c in sorted(CATEGORIES, key=lambda x: (x == "other", x)):
        print(f"  {c:>5}: {cats[c]:3d} rows, {len(libs[c]):2d} libraries")
        if cats[c] < MIN_ROWS[c]:
            problems.append(f"category {c}: {cats[c]} rows < {MIN_ROWS[c]}")
        if len(libs[c]) < MIN_LIBS[c]:
            problems.append(f"category {c}: {len(libs[c])} libraries < {MIN_LIBS[c]}")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
