"""Churn and default-risk models trained with XGBoost / LightGBM, and legacy h5 weights."""

from __future__ import annotations

import h5py
import lightgbm as lgb
import numpy as np
import pytest
import xgboost as xgb


def _data(n_features=5):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(80, n_features))
    return X, (X[:, 0] + X[:, 1] > 0).astype(int)


@pytest.fixture
def xgb_model_path(model_dir):
    X, y = _data()
    booster = xgb.train({"max_depth": 2, "objective": "binary:logistic"}, xgb.DMatrix(X, label=y,
                        feature_names=["tenure", "balance", "products", "age", "activity"]), num_boost_round=3)
    path = model_dir / "churn_xgb.json"
    booster.save_model(str(path))
    return path


@pytest.mark.failure(category="1", library="xgboost", shape="raised", cause="missing-model-file")
def test_churn_xgb_booster_loads(model_dir):
    booster = xgb.Booster(model_file=str(model_dir / "churn_xgb.json"))
    assert booster.num_features() == 5


@pytest.mark.failure(category="1", library="xgboost", shape="raised", cause="truncated-model-file")
def test_churn_xgb_truncated_json(xgb_model_path):
    text = xgb_model_path.read_text()
    xgb_model_path.write_text(text[: len(text) // 2])
    booster = xgb.Booster()
    booster.load_model(str(xgb_model_path))


@pytest.mark.failure(category="1", library="xgboost", shape="raised", cause="feature-mismatch")
def test_churn_xgb_feature_names(xgb_model_path):
    booster = xgb.Booster(model_file=str(xgb_model_path))
    dm = xgb.DMatrix(np.zeros((1, 5)), feature_names=["tenure", "balance", "n_products", "age", "activity"])
    assert booster.predict(dm).shape == (1,)


@pytest.mark.failure(category="1", library="xgboost", shape="raised", cause="wrong-serialization-format")
def test_churn_xgb_pickled_model(model_dir):
    import pickle

    X, y = _data()
    path = model_dir / "churn_xgb.json"
    path.write_bytes(pickle.dumps(xgb.XGBClassifier(n_estimators=2, max_depth=2).fit(X, y)))  # saved with pickle
    booster = xgb.Booster(model_file=str(path))
    assert booster.num_boosted_rounds() == 2


@pytest.mark.failure(category="1", library="lightgbm", shape="raised", cause="missing-model-file")
def test_default_risk_lgb_loads(model_dir):
    booster = lgb.Booster(model_file=str(model_dir / "default_risk.txt"))
    assert booster.num_feature() == 5


@pytest.mark.failure(category="1", library="lightgbm", shape="raised", cause="lfs-pointer-not-pulled")
def test_default_risk_lgb_from_lfs(model_dir, lfs_pointer):
    path = model_dir / "default_risk.txt"
    path.write_bytes(lfs_pointer)
    booster = lgb.Booster(model_file=str(path))
    assert booster.num_trees() > 0


@pytest.mark.failure(category="1", library="lightgbm", shape="raised", cause="feature-mismatch")
def test_default_risk_lgb_feature_count(model_dir):
    X, y = _data(n_features=7)
    booster = lgb.train({"objective": "binary", "verbose": -1, "num_leaves": 4}, lgb.Dataset(X, y), num_boost_round=2)
    path = model_dir / "default_risk.txt"
    booster.save_model(str(path))
    loaded = lgb.Booster(model_file=str(path))
    assert loaded.predict(np.zeros((3, 5))).shape == (3,)


@pytest.mark.failure(category="1", library="h5py", shape="raised", cause="missing-model-file")
def test_legacy_lstm_weights_open(model_dir):
    with h5py.File(model_dir / "lstm_weights.h5", "r") as fh:
        assert "dense_1" in fh


@pytest.mark.failure(category="1", library="h5py", shape="raised", cause="lfs-pointer-not-pulled")
def test_legacy_lstm_weights_lfs(model_dir, lfs_pointer):
    (model_dir / "lstm_weights.h5").write_bytes(lfs_pointer)
    with h5py.File(model_dir / "lstm_weights.h5", "r") as fh:
        assert fh.keys()


@pytest.mark.failure(category="1", library="h5py", shape="raised", cause="missing-tensor-key")
def test_legacy_lstm_dense_layer(model_dir):
    with h5py.File(model_dir / "lstm_weights.h5", "w") as fh:
        fh.create_dataset("model_weights/lstm/kernel", data=np.zeros((4, 16)))
    with h5py.File(model_dir / "lstm_weights.h5", "r") as fh:
        kernel = fh["model_weights/dense_1/kernel"][()]
    assert kernel.shape == (16, 1)
