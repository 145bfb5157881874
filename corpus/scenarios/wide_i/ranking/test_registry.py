import pickle
from dataclasses import dataclass

import joblib
import numpy as np
import pytest
import torch
from safetensors.torch import save_file
from skops import io as skops_io
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, StandardScaler
from sklearn.pipeline import make_pipeline

from . import registry

X = np.array([[0.1, 1.0, 3.0, 0.5], [0.9, 0.2, 1.0, 0.1], [0.3, 0.8, 2.5, 0.7], [0.8, 0.1, 0.9, 0.2]])
Y = np.array([1, 0, 1, 0])


@dataclass
class TrainingRun:
    epochs: int
    lr: float


def clip_amounts(values):
    return np.clip(values, 0.0, 5.0)


@pytest.fixture
def artefacts(tmp_path):
    d = tmp_path / "ml_models"
    d.mkdir()
    return d


def fitted():
    return LogisticRegression().fit(X, Y)


@pytest.mark.failure(category="1", library="joblib", shape="assert", cause="loader-swallows-missing-file")
def test_recommender_loads_from_artefacts(artefacts):
    joblib.dump(fitted(), artefacts / "recommender-v3.joblib")
    model = registry.load_model(artefacts / "recommender.joblib")
    assert model is not None
    assert model.predict(X[:1]).tolist() == [1]


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="assert", cause="git-lfs-pointer-instead-of-artefact")
def test_predictor_warm_up(artefacts):
    path = artefacts / "ranker.pkl"
    path.write_text(
        "version https://git-lfs.github.com/spec/v1\n"
        "oid sha256:4d7a2146a8b4c3f1b2ad8f0e8ec1f6b8e0a1f5d3c2b1a0f9e8d7c6b5a4f3e2d1\n"
        "size 48213\n"
    )
    predictor = registry.Predictor(path)
    predictor.warm_up()
    assert predictor.ready, predictor.error


@pytest.mark.failure(category="1", library="scikit-learn", shape="assert", cause="inconsistent-version-warning-on-unpickle")
def test_all_models_load_cleanly(artefacts):
    for name in ("churn", "upsell"):
        joblib.dump(fitted(), artefacts / f"{name}.joblib")
    raw = (artefacts / "upsell.joblib").read_bytes()
    import sklearn

    (artefacts / "upsell.joblib").write_bytes(raw.replace(sklearn.__version__.encode(), b"1.4.2"))
    models, report = registry.load_all(artefacts, ["churn", "upsell"])
    assert report.loaded == ["churn", "upsell"]
    assert report.warnings == []


@pytest.mark.failure(category="1", library="joblib", shape="assert", cause="empty-artefact-eof")
def test_health_lists_every_model(artefacts):
    joblib.dump(fitted(), artefacts / "churn.joblib")
    joblib.dump(fitted(), artefacts / "upsell.joblib")
    (artefacts / "winback.joblib").write_bytes(b"")
    models, report = registry.load_all(artefacts, ["churn", "upsell", "winback"])
    assert sorted(models) == ["churn", "upsell", "winback"]


@pytest.mark.failure(category="1", library="torch", shape="assert", cause="weights-only-unpickling-custom-class")
def test_ranker_checkpoint_status(artefacts):
    path = artefacts / "ranker.pt"
    torch.save({"state_dict": registry.TwoTower().state_dict(), "run": TrainingRun(epochs=3, lr=0.01)}, path)
    reg = registry.Registry()
    reg.load_checkpoint("ranker", path)
    assert reg.status["ranker"] == "ready"


@pytest.mark.failure(category="1", library="safetensors", shape="assert", cause="truncated-safetensors-upload")
def test_encoder_tensors_available(artefacts):
    path = artefacts / "encoder.safetensors"
    save_file(registry.TwoTower().state_dict(), str(path))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    reg = registry.Registry()
    reg.load_tensors("encoder", path)
    assert reg.status == {"encoder": "ready"}


@pytest.mark.failure(category="1", library="numpy", shape="assert", cause="object-array-allow-pickle-false")
def test_item_embeddings_loaded(artefacts):
    path = artefacts / "items.npy"
    np.save(path, np.array([{"sku": "A1", "vec": [0.1, 0.2]}, {"sku": "B2", "vec": [0.3, 0.4]}], dtype=object))
    reg = registry.Registry()
    emb = reg.load_embeddings("items", path)
    assert reg.status["items"] == "ready"
    assert emb.shape[0] == 2


@pytest.mark.failure(category="1", library="skops", shape="assert", cause="untrusted-type-fallback-model")
def test_fraud_classifier_is_pipeline(artefacts):
    pipe = Pipeline([("clip", FunctionTransformer(clip_amounts)), ("clf", LogisticRegression())]).fit(X, Y)
    skops_io.dump(pipe, artefacts / "fraud.skops")
    model = registry.load_classifier(artefacts / "fraud.skops")
    assert isinstance(model, Pipeline)


@pytest.mark.failure(category="1", library="scikit-learn", shape="assert", cause="feature-count-skew-after-retrain")
def test_score_checkout_session(artefacts):
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X, Y)
    joblib.dump(model, artefacts / "conversion.joblib")
    scorer = registry.Scorer(registry.load_model(artefacts / "conversion.joblib"))
    result = scorer.score([0.2, 0.9, 2.0])
    assert result.get("error") is None
    assert 0.0 <= result["score"] <= 1.0


@pytest.mark.failure(category="1", library="torch", shape="assert", cause="checkpoint-label-count-skew")
def test_tagger_outputs_one_score_per_label(artefacts):
    labels = ["electronics", "garden", "toys", "books", "sports"]
    old = registry.TwoTower(n_features=8, n_labels=3)
    torch.save({"n_features": 8, "n_labels": 3, "state_dict": old.state_dict()}, artefacts / "tagger.pt")
    model = registry.build_from_checkpoint(artefacts / "tagger.pt")
    with torch.no_grad():
        scores = model(torch.ones(2, 8))
    assert scores.shape == (2, len(labels))


@pytest.mark.failure(category="1", library="torch", shape="assert", cause="dataparallel-prefix-missing-keys")
def test_restore_ranker_weights(artefacts):
    trained = torch.nn.DataParallel(registry.TwoTower())
    torch.save(trained.state_dict(), artefacts / "ranker-weights.pt")
    model = registry.TwoTower()
    result = registry.restore_weights(model, artefacts / "ranker-weights.pt")
    assert not result.missing_keys


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="assert", cause="protocol-5-artefact-truncated-buffer")
def test_predictor_ready_after_deploy(artefacts):
    path = artefacts / "ranker.pkl"
    payload = pickle.dumps(fitted(), protocol=5)
    path.write_bytes(payload[:-40])
    predictor = registry.Predictor(path)
    predictor.warm_up()
    assert predictor.ready is True


@pytest.fixture
def ready_predictor(artefacts):
    path = artefacts / "ranker.pkl"
    joblib.dump(fitted(), path, compress=3)
    predictor = registry.Predictor(path)
    predictor.warm_up()
    assert predictor.ready, predictor.error
    return predictor


@pytest.mark.failure(category="1", library="joblib", shape="setup", cause="compressed-joblib-read-with-pickle")
def test_ranker_orders_candidates(ready_predictor):
    assert ready_predictor.model.predict(X).tolist() == Y.tolist()


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="attributeerror-on-none-model")
def test_churn_model_predicts(artefacts):
    model = registry.load_model(artefacts / "churn-2026-01.joblib")
    assert model.predict(X).tolist() == Y.tolist()


@pytest.mark.failure(category="other", library="scikit-learn", shape="assert", cause="expected-labels-swapped")
def test_churn_labels_for_known_accounts():
    model = fitted()
    assert model.predict(X).tolist() == [0, 1, 0, 1]
