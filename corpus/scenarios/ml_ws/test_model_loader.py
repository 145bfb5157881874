"""Model registry: the loader of backend/ml_models."""

from __future__ import annotations

import pickle
import sys
import types

import joblib
import pytest

from ml_ws.mlapp import legacy_features
from ml_ws.mlapp.model_loader import ModelLoader
from ml_ws.mlapp.recommendation import train_default_model


@pytest.fixture
def loader(model_dir):
    return ModelLoader(model_dir=model_dir)


@pytest.mark.failure(category="1", library="joblib", shape="assert", cause="missing-model-file")
def test_all_required_models_present(loader, model_dir):
    joblib.dump(train_default_model(), model_dir / "recommender_v3.joblib")
    missing = loader.validate_models()
    assert missing == [], f"missing model files in {model_dir}"


@pytest.mark.failure(category="1", library="joblib", shape="chained", cause="missing-model-file")
def test_recommender_loads_from_registry(loader):
    model = loader.load("recommender")
    assert hasattr(model, "predict")


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="chained", cause="truncated-model-file")
def test_risk_scorer_loads(loader, model_dir):
    payload = pickle.dumps(train_default_model(), protocol=pickle.HIGHEST_PROTOCOL)
    # interrupted download left half the file on disk
    (model_dir / "risk_scorer.pkl").write_bytes(payload[: len(payload) // 2])
    model = loader.load("risk_scorer")
    assert model is not None


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="chained", cause="lfs-pointer-not-pulled")
def test_risk_scorer_from_lfs_checkout(loader, model_dir, lfs_pointer):
    (model_dir / "risk_scorer.pkl").write_bytes(lfs_pointer)
    loader.load("risk_scorer")


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="missing-model-file")
def test_churn_model_direct_load(model_dir):
    model = joblib.load(model_dir / "churn_gbm.joblib")
    assert model.n_features_in_ == 6


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="truncated-model-file")
def test_churn_model_truncated(model_dir):
    path = model_dir / "churn_gbm.joblib"
    joblib.dump(train_default_model(), path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * 0.6)])
    model = joblib.load(path)
    assert model is not None


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="pickled-class-removed")
def test_load_v2_feature_pipeline(model_dir, monkeypatch):
    path = model_dir / "feature_pipeline_v2.joblib"
    joblib.dump({"zscore": legacy_features.RollingZScore(window=30).fit([[1.0], [2.0]])}, path)
    # the v2 transformer was deleted when the v3 pipeline landed
    monkeypatch.delattr(legacy_features, "RollingZScore")
    pipeline = joblib.load(path)
    assert pipeline["zscore"].window == 30


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="pickled-module-missing")
def test_load_sector_encoder_after_refactor(model_dir, monkeypatch):
    old = types.ModuleType("ml_ws.mlapp.preprocessing_v1")
    old.SectorEncoder = type("SectorEncoder", (legacy_features.SectorEncoder,), {"__module__": old.__name__})
    monkeypatch.setitem(sys.modules, old.__name__, old)
    path = model_dir / "sector_encoder.pkl"
    path.write_bytes(pickle.dumps(old.SectorEncoder()))
    monkeypatch.delitem(sys.modules, old.__name__)
    with path.open("rb") as fh:
        encoder = pickle.load(fh)
    assert encoder.transform(["tech"]) == [[1.0, 0.0, 0.0]]


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="pickle-protocol-unsupported")
def test_load_model_pickled_by_newer_python(model_dir):
    path = model_dir / "risk_scorer.pkl"
    # written by the training box, which runs a newer interpreter (protocol 6 header)
    path.write_bytes(b"\x80\x06" + pickle.dumps({"coef": [0.1, 0.2]}, protocol=5)[2:])
    with path.open("rb") as fh:
        model = pickle.load(fh)
    assert model["coef"]


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="pickle-text-mode")
def test_risk_scorer_opened_in_text_mode(model_dir):
    path = model_dir / "risk_scorer.pkl"
    path.write_bytes(pickle.dumps({"coef": [0.1, 0.2]}))
    with open(path, "r", encoding="latin-1") as fh:
        model = pickle.load(fh)
    assert model["coef"] == [0.1, 0.2]


@pytest.mark.failure(category="1", library="pickle", dist=None, shape="raised", cause="python2-pickle-encoding")
def test_load_legacy_py2_scaler(model_dir):
    path = model_dir / "scaler_py27.pkl"
    # protocol-2 pickle of a py2 str holding raw float bytes, as written by the old Python 2.7 training job
    path.write_bytes(b"\x80\x02}q\x00U\x05scaleq\x01U\x08\x9a\x99\x99\x99\x99\x99\xf1?q\x02s.")
    with path.open("rb") as fh:
        scaler = pickle.load(fh)
    assert "scale" in scaler


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="wrong-artifact")
def test_recommender_artifact_is_estimator(model_dir):
    path = model_dir / "recommender_v3.joblib"
    # the export job saved the metadata dict instead of the estimator
    joblib.dump({"model_version": "3.1.0", "trained_at": "2024-05-02", "features": 6}, path)
    model = joblib.load(path)
    preds = model.predict([[0.0] * 6])
    assert len(preds) == 1


@pytest.mark.failure(category="1", library="joblib", shape="raised", cause="model-too-large")
def test_load_all_models_within_memory_budget(model_dir):
    loader = ModelLoader(model_dir=model_dir, max_model_bytes=64 * 1024, registry={"recommender": "recommender_v3.joblib"})
    import numpy as np

    joblib.dump({"embeddings": np.zeros((200, 128))}, model_dir / "recommender_v3.joblib")
    models = loader.load_all()
    assert "recommender" in models


@pytest.mark.failure(category="1", library="joblib", shape="setup", cause="missing-model-file")
class TestChurnPredictions:
    @pytest.fixture
    def churn_model(self, loader):
        return loader.load("churn")

    def test_churn_probability_range(self, churn_model):
        assert churn_model is not None


@pytest.fixture
def model_sync_sidecar(model_dir):
    """The model-sync process, holding the artifact lock while it (re)downloads the recommender."""
    import subprocess
    import time

    lock_path = model_dir / "recommender_v3.joblib.lock"
    code = (
        "import sys, time\nfrom filelock import FileLock\n"
        "lock = FileLock(sys.argv[1]); lock.acquire(); print('locked', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(lock_path)], stdout=subprocess.PIPE, text=True)
    proc.stdout.readline()
    yield proc
    proc.kill()
    proc.wait()


@pytest.mark.failure(category="1", library="filelock", shape="timeout", cause="model-download-lock")
@pytest.mark.timeout(1.5)
def test_recommender_waits_for_model_sync(model_dir, model_sync_sidecar):
    from filelock import FileLock

    joblib.dump(train_default_model(), model_dir / "recommender_v3.joblib")
    with FileLock(str(model_dir / "recommender_v3.joblib.lock")):
        model = joblib.load(model_dir / "recommender_v3.joblib")
    assert hasattr(model, "predict")
