"""Retraining from labels: the training function, atomic writes under kill, the reproducible tiny model, and the
acceptance scenario of issue 6 as a new user would run it."""

from __future__ import annotations

import filecmp
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from retrain_support import EXAMPLES, ROOT, cli, copy_model, small_corpus

from clusterer.labels import Label, labels_for, make_category, open_store, select_failures
from clusterer.model import Model, bundled_models_dir
from clusterer.registry import shared_heldout
from clusterer.train import label_rows, split_user_rows, train_from_store

TINY = bundled_models_dir() / "tiny"
#: Largest share of the shared held-out answers (#1-#7 and unrelated causes) that retraining with a few labels of
#: a new category may change: 5% (6 of the 124). Refitting the linear model with a ninth class moves the failures
#: that sit on a decision boundary both ways (measured: 4 of 124, two to "new", two from it); the macro-F1 bound
#: below (the CI gate's 0.02, enforced by activation) is what guards against a real regression.
TOLERANCE = 0.05


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    return small_corpus(tmp_path_factory.mktemp("corpus"))


def _labels_of(results: Path, tests: list[str], category: str) -> list[Label]:
    from clusterer.ingest import read_results

    runs = [read_results(results)]
    return labels_for(select_failures(runs, tests=tests), runs, category)


def test_label_rows_recompute_text_from_the_raw_failure():
    lab = Label(test="tests/a.py::test_x", text="exception: Old", category="8", traceback="E   ValueError: boom")
    row = label_rows([lab])[0]
    assert row["text"] == "E   ValueError: boom" and "canonical" not in row and row["library"] == "user:tests/a.py"
    bare = label_rows([Label(test="t", text="exception: Only", category="8")])[0]
    assert bare["canonical"] == "exception: Only"


def test_user_holdout_is_deterministic_and_keeps_small_categories_whole():
    rows = [{"id": f"r{i}", "category": "8", "text": "", "canonical": f"exception: E{i}"} for i in range(10)]
    rows += [{"id": f"s{i}", "category": "9", "text": "", "canonical": f"exception: F{i}"} for i in range(3)]
    _, held = split_user_rows(rows)
    assert len(held) == 2 and {r["category"] for r in held} == {"8"}
    assert split_user_rows(list(reversed(rows)))[1] == held
    # identical failures fall on the same side
    dup = [*rows, {"id": "r0-again", "category": "8", "text": "", "canonical": "exception: E0"}]
    _, h2 = split_user_rows(dup)
    assert ("r0" in {r["id"] for r in h2}) == ("r0-again" in {r["id"] for r in h2})


def test_train_from_store_writes_categories_labels_and_figures(tmp_path, corpus):
    store = open_store(tmp_path / "labels.db")
    store.add_category(make_category("8", "Decimal JSON serialization", ["Find => grep -rn json.dumps ."]))
    receipts = [f"tests/test_receipts.py::test_receipt_roundtrip[{i}]" for i in range(3)]
    store.add_labels(_labels_of(EXAMPLES / "large-run.json", receipts, "8"))
    others = [
        "tests/test_promotions.py::test_promo_active_window[FLASH0]",
        "tests/test_fx.py::test_price_endpoint_response[EUR]",
        "tests/test_catalog.py::test_price_reflects_update[SKU-1]",
        "tests/test_api.py::test_bulk_quotes",
        "tests/test_settings.py::test_eur_storefront_prices",
    ]
    store.add_labels(_labels_of(EXAMPLES / "large-run.json", others, "other"))
    dead = tmp_path / ".model.build-dead0000"  # what a training killed an hour ago left (no process claims it)
    (dead / "model").mkdir(parents=True)
    os.utime(dead, (time.time() - 3600,) * 2)
    report = train_from_store(store, tmp_path / "model", corpus=corpus[0], split=corpus[1])
    manifest = json.loads((tmp_path / "model" / "manifest.json").read_text())
    assert "8" in [c["id"] for c in manifest["categories"]] and "8" in report["categories"]
    assert manifest["training"]["user_labels"]["used"] == report["labels"]["used"] == 7
    assert report["labels"]["held_out"] == 1
    assert set(manifest["evaluation"]) >= {"heldout", "user_heldout", "calibration_out_of_fold"}
    assert manifest["evaluation"]["user_heldout"]["rows"] == 1
    model = Model.load(tmp_path / "model")
    assert model.categories["8"].playbook[0].command == "grep -rn json.dumps ."
    assert any(e["id"].startswith("label-") for e in model.exemplars)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no build leftovers, the dead one swept


def test_train_refuses_an_unknown_embedder(tmp_path, runner):
    from clusterer.cli import app

    res = runner.invoke(
        app, ["train", "--embedder", "semantic", "--db", str(tmp_path / "l.db"), "--out", str(tmp_path / "m")]
    )
    assert res.exit_code == 2 and "unknown embedder 'semantic'" in res.output


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _new(folder: Path, prefix: str, before: set[str]) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(prefix) and p.name not in before]


def _started(args: list[str], folder: Path, prefix: str) -> tuple[subprocess.Popen[bytes], set[str]]:
    """Start ``args`` and return once it has made a new ``prefix*`` entry in ``folder`` (its build has begun) or it
    exited; also the names that were there before (the leftovers of earlier kills)."""
    before = {p.name for p in folder.iterdir()}
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 600
    while proc.poll() is None and not _new(folder, prefix, before):
        assert time.monotonic() < deadline, f"{' '.join(args)} made no {prefix}* folder in 600 s"
        time.sleep(0.005)
    return proc, before


def _kill_when(args: list[str], folder: Path, prefix: str, offset: float) -> bool:
    """Start ``args``, wait for its build to begin (:func:`_started`), wait ``offset`` s more, SIGKILL it. Returns
    whether its build folder was still there at the kill (it was killed mid-build)."""
    proc, before = _started(args, folder, prefix)
    time.sleep(offset)
    building = bool(_new(folder, prefix, before))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    return building


def _build_seconds(args: list[str], folder: Path, prefix: str) -> float:
    """Run ``args`` to completion; seconds from its build's beginning (:func:`_started`) to its exit."""
    proc, _ = _started(args, folder, prefix)
    start = time.monotonic()
    assert proc.wait(timeout=600) == 0
    return time.monotonic() - start


@pytest.mark.slow
def test_killing_training_at_any_point_leaves_the_previous_model(tmp_path):
    """`cluster train --out DIR` killed at many points of training and of the final move: DIR is always the old
    model, byte for byte, or the complete new one; never a mix. The kill points are fractions of how long a build
    takes on this machine (measured first), so a fast machine is killed mid-build too."""
    out = copy_model(TINY, tmp_path / "model", "previous")
    before = _snapshot(out)
    db = str(tmp_path / "labels.db")
    open_store(db).add_labels(_labels_of(EXAMPLES / "run1.json", ["tests/test_orders.py::test_cancel_order"], "3"))
    args = [sys.executable, "-m", "clusterer.cli", "train", "--out", str(out), "--db", db]
    timing = [*args[:4], "--out", str(tmp_path / "timing"), "--db", db]
    build = _build_seconds(timing, tmp_path, ".timing.build-")
    Model.load(tmp_path / "timing")
    interrupted = 0
    points = [(".model.build-", f * build) for f in (0.0, 0.05, 0.15, 0.3, 0.5, 0.7, 0.85)] + [(".model.tmp-", 0.0)]
    for prefix, offset in points:
        interrupted += _kill_when(args, tmp_path, prefix, offset)
        now = _snapshot(out)
        Model.load(out)  # verifies every checksum
        if now != before:  # killed after the atomic rename: then it is the whole new model
            assert json.loads(now["manifest.json"])["name"] == "model"
            out = copy_model(TINY, tmp_path / "again", "previous")
            break
    assert interrupted >= 5
    # a registry build killed half-way: no new model appears and the active one is unchanged
    from clusterer.registry import Registry

    _kill_when([*args[:4], "--db", db], Registry().root.parent, "models", 3.0)
    assert Registry().ids() == [] and Registry().active_id() == "tiny"


@pytest.mark.slow
def test_tiny_model_rebuilds_byte_for_byte(tmp_path):
    """`cluster train-tiny` from the committed corpus gives exactly the committed models/tiny."""
    import numpy
    import scipy
    import sklearn

    manifest = json.loads((ROOT / "models" / "tiny" / "manifest.json").read_text())
    built_with = manifest["versions"]
    installed = {"numpy": numpy.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__}
    differ = {k: (built_with.get(k), v) for k, v in installed.items() if built_with.get(k) != v}
    if differ:
        pytest.skip(f"models/tiny was built with other library versions {differ}; bytes can only match with those")
    out = tmp_path / "tiny"
    cli(
        "train-tiny",
        "--corpus",
        str(ROOT / "corpus" / "data"),
        "--split",
        str(ROOT / "corpus" / "split.json"),
        "--out",
        str(out),
    )
    committed = ROOT / "models" / "tiny"
    # every artefact file (the model card README.md is written by people and carried over, not built)
    names = sorted(p.name for p in committed.iterdir() if p.name != "README.md")
    assert names == sorted(p.name for p in out.iterdir())
    _, mismatch, errors = filecmp.cmpfiles(committed, out, names, shallow=False)
    assert not errors
    assert not mismatch, (
        f"models/tiny is not what the committed corpus and code build: {mismatch} differ; "
        "rebuild it with `cluster train-tiny --out models/tiny` and commit it"
    )


def _classify(*files: Path) -> dict:
    return json.loads(cli("classify", *map(str, files), "--format", "json").stdout)


def _by_test(answer: dict) -> dict[str, str]:
    return {f"{f['test']}@{f['run']}": f["category"] if not f["is_new"] else "new" for f in answer["failures"]}


@pytest.mark.slow
def test_acceptance_label_a_new_cluster_retrain_and_roll_back(tmp_path):
    """Issue 6, done when: a results file shows a new cluster; three of its failures labelled as a new category 8
    (from two processes at once) and a retrain make classify put the rest of that cluster, and the same failures
    of other runs, in category 8, while the shared held-out answers move by at most the tolerance; rollback
    restores the previous answers."""
    env = {"CLUSTERER_DB": str(tmp_path / "labels.db")}
    large, run1, run2 = EXAMPLES / "large-run.json", EXAMPLES / "run1.json", EXAMPLES / "run2.json"
    # the team's current model: the bundled exemplars retrained with today's code (forced in: the committed tiny
    # may predate a normaliser change, which is what the byte-for-byte test is for)
    cli("train", "--no-activate", env=env)
    cli("models", "activate", "v1", "--force", env=env)
    before = {f: _classify(f) for f in (large, run1, run2)}
    assert before[large]["model"]["name"] == "v1"
    new = [c for c in before[large]["clusters"] if c["is_new"] and "JSON serializable" in c["name"]]
    assert len(new) == 1 and new[0]["size"] >= 10
    cluster = new[0]
    cli(
        "categories",
        "add",
        "8",
        "--name",
        "Decimal JSON serialization",
        "--playbook",
        "Find the json.dumps calls that get Decimal values => grep -rn 'json.dumps' .",
        env=env,
    )
    # three of its failures, labelled by two people at once
    first, second, third = cluster["members"][:3]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "clusterer.cli", "label", str(large), *tests, "-c", "8", "--by", who],
            env={**os.environ, **env},
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        for who, tests in (("ann", ["--test", first, "--test", second]), ("bob", ["--test", third]))
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    stored = json.loads(cli("labels", "list", "--json", env=env).stdout)
    assert sorted(r["test"] for r in stored) == sorted([first, second, third])
    assert {r["author"] for r in stored} == {"ann", "bob"}

    report = json.loads(cli("train", "--json", env=env).stdout)
    assert report["id"] == "v2" and report["activated"] is True, report.get("refused")
    assert report["labels"]["used"] == 3 and "8" in report["categories"]
    cmp = report["comparison"]
    assert cmp["changed"] <= TOLERANCE, cmp
    # per category: no category loses more than one answer's worth of F1, which is at most 2 / (n + 1) in a
    # category of n held-out failures (0.13 for 14, 0.22 for 8); gains are fine
    support = Counter(str(r["category"]) for r in shared_heldout())
    for c in "1234567":
        lost = cmp["before"]["per_category_f1"][c] - cmp["after"]["per_category_f1"][c]
        assert lost <= 2 / (support[c] + 1) + 1e-4, (c, cmp)

    after = {f: _classify(f) for f in (large, run1, run2)}
    assert after[large]["model"]["name"] == "v2"
    moved = [c for c in after[large]["clusters"] if set(c["members"]) & set(cluster["members"])]
    assert len(moved) == 1 and moved[0]["category"] == "8" and moved[0]["category_name"] == "Decimal JSON serialization"
    assert set(cluster["members"]) <= set(moved[0]["members"])
    assert moved[0]["playbook"][0]["command"] == "grep -rn 'json.dumps' ."
    for f in (run1, run2):  # the same failure in other runs
        receipts = [x for x in after[f]["failures"] if x["test"].startswith("tests/test_receipts.py")]
        assert receipts and {x["category"] for x in receipts} == {"8"}
    for f in (large, run1, run2):  # every other answer stays what it was
        old, now = _by_test(before[f]), _by_test(after[f])
        changed = {t for t in old if old[t] != now[t] and not t.startswith("tests/test_receipts.py")}
        assert not changed, {t: (old[t], now[t]) for t in changed}

    cli("models", "rollback", env=env)
    restored = {f: _classify(f) for f in (large, run1, run2)}
    for f in (large, run1, run2):
        assert _by_test(restored[f]) == _by_test(before[f])
        assert restored[f]["model"]["name"] == "v1"


@pytest.mark.slow
def test_service_retrain_job(tmp_path, corpus, monkeypatch):
    """POST /v1/retrain runs in the background; GET /v1/jobs/{id} reports it; the worker swaps to the new model."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    import clusterer.train as train_module
    from clusterer.service.app import create_app
    from clusterer.service.retrain import mount
    from clusterer.service.settings import Settings

    monkeypatch.setattr(train_module, "bundled_corpus", lambda: corpus)
    monkeypatch.setenv("CLUSTERER_DB", str(tmp_path / "labels.db"))
    auth = {"Authorization": "Bearer t"}
    with TestClient(mount(create_app(Settings(token="t")))) as client:
        assert client.post("/v1/retrain", headers=auth, json={"embedder": "semantic"}).status_code == 422
        res = client.post(
            "/v1/labels",
            headers=auth,
            json={
                "labels": [
                    {
                        "test": "tests/test_x.py::test_a",
                        "traceback": "E   TypeError: Object of type Decimal is not JSON serializable",
                        "category": "other",
                    }
                ]
            },
        )
        assert res.status_code == 201
        res = client.post("/v1/retrain", headers=auth, json={"force": True})
        assert res.status_code == 202
        job = res.json()
        assert job["status"] in ("queued", "running") and job["url"] == f"/v1/jobs/{job['id']}"
        deadline = time.monotonic() + 240
        while job["status"] in ("queued", "running"):
            assert time.monotonic() < deadline
            time.sleep(0.5)
            job = client.get(job["url"], headers=auth).json()
        assert job["status"] == "done", job
        assert job["result"]["id"] == "v1" and job["result"]["activated"] is True
        assert job["result"]["service"] == {"swapped": True}
        assert client.get("/v1/models", headers=auth).json()["serving"]["name"] == "v1"
        assert client.get("/v1/jobs/nope", headers=auth).status_code == 404
