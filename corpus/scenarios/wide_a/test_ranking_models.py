"""Ranking, churn and text models loaded by the recommendation service at startup."""

from __future__ import annotations

import json

import numpy as np
import pytest

from wide_a.ml import seasonality

ml_failure = lambda library, shape, cause, dist=None: pytest.mark.failure(  # noqa: E731
    category="1", library=library, dist=dist or library, shape=shape, cause=cause
)


# ---------------------------------------------------------------- onnx ranker
def build_ranker(path, opset=17, external=False):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    w = numpy_helper.from_array(np.ones((4, 1), dtype=np.float32), name="w")
    node = helper.make_node("MatMul", ["features", "w"], ["score"])
    graph = helper.make_graph(
        [node],
        "ranker",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, [None, 4])],
        [helper.make_tensor_value_info("score", TensorProto.FLOAT, [None, 1])],
        initializer=[w],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    if external:
        onnx.save_model(model, str(path), save_as_external_data=True, location="ranker.weights", size_threshold=0)
    else:
        onnx.save(model, str(path))
    return model


def test_ranker_graph_is_valid(model_dir):
    import onnx

    build_ranker(model_dir / "ranker.onnx")
    onnx.checker.check_model(onnx.load(str(model_dir / "ranker.onnx")))


@ml_failure("onnx", "raised", "missing-model-file")
def test_ranker_loads_at_startup(model_dir):
    import onnx

    model = onnx.load(str(model_dir / "ranker.onnx"))
    assert model.graph.name == "ranker"


@ml_failure("onnx", "raised", "truncated-model-file")
def test_ranker_after_partial_download(model_dir):
    import onnx

    build_ranker(model_dir / "ranker.onnx")
    blob = (model_dir / "ranker.onnx").read_bytes()
    (model_dir / "ranker.onnx").write_bytes(blob[: len(blob) // 2])
    onnx.load(str(model_dir / "ranker.onnx"))


@ml_failure("onnx", "raised", "missing-external-weights")
def test_ranker_with_external_weights(model_dir):
    import onnx

    build_ranker(model_dir / "ranker.onnx", external=True)
    (model_dir / "ranker.weights").unlink()  # only the .onnx graph was copied into the image
    onnx.load(str(model_dir / "ranker.onnx"))


@ml_failure("onnx", "raised", "opset-version-unsupported")
def test_ranker_exported_by_newer_toolchain(model_dir):
    import onnx

    model = build_ranker(model_dir / "ranker.onnx")
    model.ir_version = 99  # exported with a newer onnx than the serving image has
    onnx.save(model, str(model_dir / "ranker.onnx"))
    onnx.checker.check_model(onnx.load(str(model_dir / "ranker.onnx")))


# ---------------------------------------------------------------- skops
def train_churn_pipeline():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    X = np.random.default_rng(0).normal(size=(40, 3))
    y = (X[:, 0] > 0).astype(int)
    return make_pipeline(FunctionTransformer(seasonality.log_spend), StandardScaler(), LogisticRegression()).fit(np.abs(X), y)


def test_churn_pipeline_secure_roundtrip(model_dir):
    import skops.io as sio

    sio.dump(train_churn_pipeline(), model_dir / "churn.skops")
    trusted = sio.get_untrusted_types(file=model_dir / "churn.skops")
    assert sio.load(model_dir / "churn.skops", trusted=trusted).predict(np.ones((1, 3))).shape == (1,)


@ml_failure("skops", "raised", "untrusted-types-in-model")
def test_churn_pipeline_loads_with_default_trust(model_dir):
    import skops.io as sio

    sio.dump(train_churn_pipeline(), model_dir / "churn.skops")
    model = sio.load(model_dir / "churn.skops")
    assert model.predict(np.ones((1, 3)))[0] in (0, 1)


@ml_failure("skops", "raised", "missing-model-file")
def test_churn_pipeline_present(model_dir):
    import skops.io as sio

    sio.load(model_dir / "churn.skops", trusted=["wide_a.ml.seasonality.log_spend"])


@ml_failure("skops", "raised", "corrupt-model-archive")
def test_churn_pipeline_from_pickle_artifact(model_dir):
    import pickle

    import skops.io as sio

    # the training job still writes plain pickles under the .skops name
    (model_dir / "churn.skops").write_bytes(pickle.dumps(train_churn_pipeline()))
    sio.load(model_dir / "churn.skops", trusted=["wide_a.ml.seasonality.log_spend"])


# ---------------------------------------------------------------- catboost
def train_catboost(path):
    from catboost import CatBoostClassifier

    X = np.random.default_rng(1).normal(size=(60, 5))
    y = (X[:, 1] > 0).astype(int)
    model = CatBoostClassifier(iterations=5, depth=2, verbose=False, allow_writing_files=False, thread_count=1)
    model.fit(X, y)
    model.save_model(str(path))
    return model


@ml_failure("catboost", "raised", "missing-model-file")
def test_upsell_model_loads(model_dir):
    from catboost import CatBoostClassifier

    model = CatBoostClassifier()
    model.load_model(str(model_dir / "upsell.cbm"))


@ml_failure("catboost", "raised", "truncated-model-file")
def test_upsell_model_after_interrupted_copy(model_dir):
    from catboost import CatBoostClassifier

    train_catboost(model_dir / "upsell.cbm")
    blob = (model_dir / "upsell.cbm").read_bytes()
    (model_dir / "upsell.cbm").write_bytes(blob[: len(blob) // 2])
    CatBoostClassifier().load_model(str(model_dir / "upsell.cbm"))


@ml_failure("catboost", "raised", "feature-count-mismatch")
def test_upsell_scores_with_current_features(model_dir):
    from catboost import CatBoostClassifier

    train_catboost(model_dir / "upsell.cbm")
    model = CatBoostClassifier().load_model(str(model_dir / "upsell.cbm"))
    features_v2 = np.ones((2, 3))  # two features were dropped from the feature store since training
    assert model.predict_proba(features_v2).shape == (2, 2)


# ---------------------------------------------------------------- scipy / pyarrow artefacts
@ml_failure("scipy", "raised", "missing-model-file")
def test_item_similarity_matrix_loads(model_dir):
    from scipy import sparse

    sim = sparse.load_npz(model_dir / "item_similarity.npz")
    assert sim.shape[0] == sim.shape[1]


@ml_failure("scipy", "raised", "truncated-model-file")
def test_embedding_matrix_from_matlab_export(model_dir):
    from scipy import io

    io.savemat(model_dir / "embeddings.mat", {"E": np.random.default_rng(2).normal(size=(200, 16))})
    blob = (model_dir / "embeddings.mat").read_bytes()
    (model_dir / "embeddings.mat").write_bytes(blob[:300])
    E = io.loadmat(model_dir / "embeddings.mat")["E"]
    assert E.shape == (200, 16)


@ml_failure("scipy", "raised", "model-file-wrong-format")
def test_item_similarity_saved_dense(model_dir):
    from scipy import sparse

    np.savez(model_dir / "item_similarity.npz", sim=np.eye(5))  # dense export from the notebook
    sparse.load_npz(model_dir / "item_similarity.npz")


@ml_failure("pyarrow", "raised", "truncated-model-file")
def test_feature_table_for_ranker(model_dir):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"item": list(range(100)), "score": [0.5] * 100}), model_dir / "features.parquet")
    blob = (model_dir / "features.parquet").read_bytes()
    (model_dir / "features.parquet").write_bytes(blob[:-20])
    pq.read_table(model_dir / "features.parquet")


@ml_failure("pyarrow", "raised", "feature-schema-mismatch")
def test_feature_table_schema_for_model_v3(model_dir):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"item": [1, 2], "score": [0.1, 0.2]}), model_dir / "features.parquet")
    pq.read_table(model_dir / "features.parquet", columns=["item", "score", "embedding_norm"])


# ---------------------------------------------------------------- hub / tokenizers / sentencepiece
@ml_failure("huggingface_hub", "raised", "offline-model-not-cached", dist="huggingface_hub")
def test_sentiment_checkpoint_resolves_offline(tmp_path, monkeypatch):
    from huggingface_hub import hf_hub_download

    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    hf_hub_download("acme/review-sentiment-small", "model.safetensors", cache_dir=tmp_path / "hf")


@ml_failure("huggingface_hub", "raised", "offline-model-not-cached", dist="huggingface_hub")
def test_reranker_snapshot_available(tmp_path):
    from huggingface_hub import snapshot_download

    snapshot_download("acme/cross-encoder-reranker", cache_dir=tmp_path / "hf", local_files_only=True)


@ml_failure("tokenizers", "raised", "missing-tokenizer-file")
def test_query_tokenizer_loads(model_dir):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    assert tok.get_vocab_size() > 0


@ml_failure("tokenizers", "raised", "corrupt-tokenizer-file")
def test_query_tokenizer_from_old_export(model_dir):
    from tokenizers import Tokenizer

    (model_dir / "tokenizer.json").write_text(json.dumps({"version": "1.0", "model": {"type": "WordPiece"}}))
    Tokenizer.from_file(str(model_dir / "tokenizer.json"))


@ml_failure("sentencepiece", "raised", "missing-model-file")
def test_title_normaliser_spm_loads(model_dir):
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model_dir / "titles.model"))
    assert sp.encode("red running shoes")


@ml_failure("sentencepiece", "raised", "lfs-pointer-not-pulled")
def test_title_normaliser_from_fresh_clone(model_dir):
    import sentencepiece as spm

    (model_dir / "titles.model").write_text(
        "version https://git-lfs.github.com/spec/v1\n"
        "oid sha256:1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6\nsize 238104\n"
    )
    spm.SentencePieceProcessor(model_file=str(model_dir / "titles.model"))
