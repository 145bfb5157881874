"""`cluster eval`: metric definitions, reliability table, labels files, the quality gate (tiny model, fast)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from clusterer.cli import app
from clusterer.evaluate import evaluate, gate, read_labels, reliability, rows_from_results, score

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "data"
SPLIT = ROOT / "corpus" / "split.json"


def test_score_definitions():
    truth = ["1", "1", "2", "2", "other", "other", "new"]
    pred = ["1", "new", "1", "2", "new", "3", "new"]
    f = score(truth, pred)
    assert f["per_category"]["1"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert f["per_category"]["3"]["support"] == 0 and f["per_category"]["3"]["precision"] == 0.0
    # macro-F1 over the categories present in the truth only (1 and 2)
    assert f["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 2)
    # a known failure given another known category: the "2" answered "1"; "new" answers are not wrong-known
    assert f["wrong_known_rate"] == pytest.approx(1 / 4)
    assert f["coverage_known"] == pytest.approx(3 / 4)
    assert f["new_precision"] == pytest.approx(2 / 3)
    assert f["new_recall"] == pytest.approx(2 / 3)
    assert f["confusion"]["other"] == {"new": 2, "3": 1}


def test_ari_of_unknowns_ignores_known_rows():
    truth = ["1", "other", "other", "other", "other"]
    causes = ["a", "x", "x", "y", "y"]
    f = score(truth, ["1", "new", "new", "new", "new"], causes=causes, unknown_groups=[9, 0, 0, 1, 1])
    assert f["ari_unknown"] == pytest.approx(1.0)
    f = score(truth, ["1", "new", "new", "new", "new"], causes=causes, unknown_groups=[9, 0, 1, 0, 1])
    assert f["ari_unknown"] < 0.1


def test_reliability_bins_and_ece():
    correct = np.array([True] * 9 + [False])
    conf = np.full(10, 0.9)
    r = reliability(correct, conf)
    top = r["bins"][-1]
    assert (top["n"], top["accuracy"], top["confidence"]) == (10, 0.9, 0.9)
    assert r["ece"] == pytest.approx(0.0)
    assert sum(b["n"] for b in r["bins"]) == 10


def test_gate_flags_each_dropped_figure():
    recorded = {"macro_f1": 0.80, "wrong_known_rate": 0.02, "new_recall": 1.0, "ari_unknown": None}
    assert gate({"macro_f1": 0.79, "wrong_known_rate": 0.03, "new_recall": 0.99}, recorded) == []
    failed = gate({"macro_f1": 0.70, "wrong_known_rate": 0.05, "new_recall": 1.0}, recorded)
    assert [f.split()[0] for f in failed] == ["macro_f1", "wrong_known_rate"]


@pytest.mark.parametrize("shape", ["failures", "mapping", "nested", "jsonl"])
def test_labels_file_shapes(tmp_path, shape):
    path = tmp_path / "labels.json"
    if shape == "failures":
        path.write_text(
            json.dumps(
                {"failures": [{"test": "t::a", "category": 3, "cause": "pool"}, {"test": "t::b", "category": "new"}]}
            )
        )
    elif shape == "mapping":
        path.write_text(json.dumps({"t::a": "3", "t::b": None}))
    elif shape == "nested":
        path.write_text(json.dumps({"t::a": {"category": 3, "cause": "pool"}, "t::b": {"category": "other"}}))
    else:
        path.write_text('{"test": "t::a", "category": 3}\n{"id": "t::b", "category": "new"}\n')
    labels = read_labels(path)
    assert labels["t::a"]["category"] == "3" and labels["t::b"]["category"] == "other"


def test_results_plus_labels_match_parametrized_ids(examples):
    labels = read_labels(ROOT / "examples" / "expected.json")
    rows, unlabelled = rows_from_results([examples / "run1.json"], labels)
    assert rows and not unlabelled
    assert all(r["canonical"] for r in rows)
    assert {r["category"] for r in rows} <= {str(c) for c in range(1, 8)} | {"other"}


def test_evaluate_tiny_on_heldout_matches_manifest(tiny):
    from clusterer.train import read_labelled, split_heldout

    rows = read_labelled(sorted(CORPUS.glob("*.jsonl")))
    held = split_heldout(rows, json.loads(SPLIT.read_text())["heldout_libraries"])[1]
    f = evaluate(tiny, held)
    recorded = tiny.manifest["evaluation"]["heldout"]
    assert f["n"] == recorded["n"]
    assert f["macro_f1"] == pytest.approx(recorded["macro_f1"], abs=1e-3)
    assert sum(b["n"] for b in f["reliability"]["bins"]) == f["n"]


def test_cli_gate_passes_on_the_bundled_tiny_model(runner):
    res = runner.invoke(app, ["eval", "--gate", "--model", "tiny"])
    assert res.exit_code == 0, res.output
    assert "gate: passed" in res.output
    assert "macro-F1" in res.output and "reliability" in res.output and "confusion" in res.output


def test_cli_gate_fails_when_figures_drop(runner, tmp_path):
    model = tmp_path / "tiny"
    shutil.copytree(ROOT / "models" / "tiny", model)
    manifest = json.loads((model / "manifest.json").read_text())
    manifest["evaluation"]["heldout"]["macro_f1"] = 0.999
    (model / "manifest.json").write_text(json.dumps(manifest))
    res = runner.invoke(app, ["eval", "--gate", "--model", str(model), "--format", "json"])
    assert res.exit_code == 1
    doc = json.loads(res.output)
    assert doc["gate"]["passed"] is False and doc["gate"]["failures"][0].startswith("macro_f1")


def test_cli_compares_models_side_by_side_and_gates_each(runner, tmp_path):
    worse = tmp_path / "worse"
    shutil.copytree(ROOT / "models" / "tiny", worse)
    manifest = json.loads((worse / "manifest.json").read_text())
    manifest["name"] = "tiny-copy"
    manifest["evaluation"]["heldout"]["macro_f1"] = 0.999
    (worse / "manifest.json").write_text(json.dumps(manifest))
    res = runner.invoke(app, ["eval", "--gate", "-m", "tiny", "-m", str(worse)])
    assert res.exit_code == 1, res.output  # the second model's gate fails, so the command does
    assert res.output.count("gate: passed") == 1 and "gate: FAILED macro_f1" in res.output
    table = res.output[res.output.index("comparison on") :].splitlines()
    assert table[1].split()[:2] == ["model", "macro-F1"]
    rows = {line.split()[0]: line.split()[1:] for line in table[2:] if line.strip()}
    assert set(rows) == {"tiny", "tiny-copy"} and rows["tiny"] == rows["tiny-copy"]  # same artefact, same rows
    res = runner.invoke(app, ["eval", "-m", "tiny", "-m", str(worse), "--format", "json"])
    doc = json.loads(res.output)
    assert [d["model"]["name"] for d in doc["models"]] == ["tiny", "tiny-copy"]
    assert doc["models"][0]["figures"] == doc["models"][1]["figures"]


def test_cli_json_on_jsonl_and_results(runner, examples, tmp_path):
    rows = [json.loads(line) for line in (CORPUS / "async-api-rl.jsonl").read_text().splitlines()[:30]]
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    res = runner.invoke(app, ["eval", str(path), "--model", "tiny", "--format", "json"])
    assert res.exit_code == 0, res.output
    figures = json.loads(res.output)["figures"]
    assert figures["n"] == 30 and {"macro_f1", "wrong_known_rate", "reliability", "confusion"} <= set(figures)
    res = runner.invoke(
        app,
        ["eval", str(examples / "run1.json"), "--labels", str(ROOT / "examples" / "expected.json"), "--model", "tiny"],
    )
    assert res.exit_code == 0, res.output
    assert "new precision" in res.output


def test_cli_bad_input_is_one_line(runner, tmp_path):
    res = runner.invoke(app, ["eval", str(tmp_path), "--model", "tiny"])
    assert res.exit_code == 2
    assert "no labelled" in res.output
    res = runner.invoke(app, ["eval", str(CORPUS), "--heldout-only", "--model", "tiny"])
    assert res.exit_code == 2
