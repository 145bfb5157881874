"""Helpers shared by the label, registry and retraining tests (not a test module)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "data"
SPLIT = ROOT / "corpus" / "split.json"
EXAMPLES = ROOT / "examples" / "results"
#: A PostgreSQL the slow tests may use; .ci/run creates this role and database.
PG_URL = os.environ.get("CLUSTERER_TEST_POSTGRES", "postgresql://clusterer:clusterer@127.0.0.1:5432/clusterer_test")


def small_corpus(dest: Path, per_label: int = 14, heldout_per_label: int = 3) -> tuple[Path, Path]:
    """A small slice of the shared corpus (same split rule) so a model trains in a couple of seconds."""
    from clusterer.train import read_labelled, split_heldout

    spec = json.loads(SPLIT.read_text("utf-8"))
    rows = read_labelled(sorted(CORPUS.glob("*.jsonl")))
    train, held = split_heldout(rows, spec["heldout_libraries"])
    keep: list[dict] = []
    for pool, n in ((train, per_label), (held, heldout_per_label)):
        seen: dict[str, int] = {}
        for r in pool:
            if seen.get(r["category"], 0) < n:
                seen[r["category"]] = seen.get(r["category"], 0) + 1
                keep.append(r)
    data = dest / "data"
    data.mkdir(parents=True)
    with (data / "small.jsonl").open("w", encoding="utf-8") as fh:
        for r in keep:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    (dest / "split.json").write_text(json.dumps(spec), encoding="utf-8")
    return data, dest / "split.json"


def copy_model(src: Path, dest: Path, name: str) -> Path:
    """A copy of a model artefact under another name (the manifest's name is not checksummed)."""
    shutil.copytree(src, dest)
    manifest = json.loads((dest / "manifest.json").read_text("utf-8"))
    manifest["name"] = name
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return dest


def register_copy(registry, src: Path) -> str:  # type: ignore[no-untyped-def]
    """Register a renamed copy of ``src`` as the next version; returns its id."""
    model_id, path = registry.reserve()
    copy_model(src, path, model_id)
    registry.registered(model_id)
    return model_id


def cli(*args: str, env: dict | None = None, check: bool = True, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``cluster ARGS`` in a fresh process (what a user types)."""
    proc = subprocess.run(
        [sys.executable, "-m", "clusterer.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        cwd=ROOT,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"cluster {' '.join(args)} exited {proc.returncode}: {proc.stderr}")
    return proc


def postgres_schema_url() -> tuple[str, str]:
    """A fresh schema in the test PostgreSQL: ``(url whose search_path is that schema, schema name)``.

    Raises ``pytest.skip`` with the reason when no server is reachable or psycopg is missing.
    """
    import pytest

    psycopg = pytest.importorskip("psycopg", reason="psycopg 3 is not installed (pip install 'clusterer[postgres]')")
    try:
        conn = psycopg.connect(PG_URL, connect_timeout=3, autocommit=True)
    except psycopg.Error as exc:
        pytest.skip(
            f"no PostgreSQL reachable at {PG_URL} (set CLUSTERER_TEST_POSTGRES): "
            f"{str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}"
        )
    schema = f"t_{uuid.uuid4().hex[:10]}"
    with conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", schema


def drop_postgres_schema(schema: str) -> None:
    """Drop a schema made by :func:`postgres_schema_url`."""
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
