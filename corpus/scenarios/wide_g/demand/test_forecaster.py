import pickle

import lightgbm as lgb
import numpy as np
import pytest
import xgboost as xgb
from statsmodels.tsa.arima.model import ARIMA

from .forecaster import FEATURES, load_baseline, load_history, load_sku_booster, load_xgb_model, predict_xgb

rng = np.random.default_rng(11)
X = rng.normal(size=(80, 4))
y = 3 * X[:, 0] - X[:, 1] + rng.normal(scale=0.1, size=80)
LFS_POINTER = "version https://git-lfs.github.com/spec/v1\noid sha256:0b6f2c1d9a8e7f6d5c4b3a29181716151413121110f0e0d0c0b0a09080706050\nsize 2411520\n"


@pytest.fixture(scope="module")
def lgb_model_text():
    booster = lgb.train({"objective": "regression", "verbose": -1, "num_leaves": 4}, lgb.Dataset(X, y), 5)
    return booster.model_to_string()


@pytest.fixture(scope="module")
def xgb_booster():
    return xgb.train({"max_depth": 2}, xgb.DMatrix(X, label=y, feature_names=FEATURES), num_boost_round=4)


def test_sku_forecast_shape(tmp_path, lgb_model_text):
    (tmp_path / "sku.txt").write_text(lgb_model_text)
    assert load_sku_booster(tmp_path / "sku.txt").predict(X[:5]).shape == (5,)


@pytest.mark.failure(category="1", library="lightgbm", shape="raised", cause="git-lfs-pointer-instead-of-model")
def test_sku_model_from_lfs(tmp_path):
    (tmp_path / "sku.txt").write_text(LFS_POINTER)
    assert load_sku_booster(tmp_path / "sku.txt").num_trees() == 5


@pytest.mark.failure(category="1", library="lightgbm", shape="raised", cause="model-file-missing")
def test_sku_model_for_new_warehouse(tmp_path):
    assert load_sku_booster(tmp_path / "models" / "sku-wh7.txt").num_trees() == 5


@pytest.mark.failure(category="1", library="lightgbm", shape="assert", cause="truncated-model-file")
def test_sku_model_after_partial_sync(tmp_path, lgb_model_text):
    (tmp_path / "sku.txt").write_text(lgb_model_text[:300])
    booster = load_sku_booster(tmp_path / "sku.txt")
    assert booster.num_trees() == 5


@pytest.mark.failure(category="1", library="lightgbm", shape="raised", cause="feature-count-skew-after-retrain")
def test_sku_forecast_without_stock_feature(tmp_path, lgb_model_text):
    (tmp_path / "sku.txt").write_text(lgb_model_text)
    assert load_sku_booster(tmp_path / "sku.txt").predict(X[:5, :3]).shape == (5,)


@pytest.mark.failure(category="1", library="xgboost", shape="raised", cause="feature-names-skew-after-retrain")
def test_xgb_forecast_with_renamed_feature(tmp_path, xgb_booster):
    xgb_booster.save_model(tmp_path / "sku.ubj")
    booster = load_xgb_model(tmp_path / "sku.ubj")
    assert predict_xgb(booster, X[:3], ["price", "promo", "weekday", "stock_level"]).shape == (3,)


@pytest.mark.failure(category="1", library="xgboost", shape="raised", cause="feature-count-skew-after-retrain")
def test_xgb_forecast_with_extra_feature(tmp_path, xgb_booster):
    xgb_booster.save_model(tmp_path / "sku.json")
    booster = load_xgb_model(tmp_path / "sku.json")
    rows = np.column_stack([X[:3], np.ones(3)])
    assert predict_xgb(booster, rows, FEATURES + ["holiday"]).shape == (3,)


def old_statsmodels_pickle(results) -> bytes:
    data = pickle.dumps(results, protocol=2)
    return data.replace(b"statsmodels.tsa.arima.model\n", b"statsmodels.tsa.arima_model\n")


@pytest.mark.failure(category="1", library="statsmodels", shape="raised", cause="pickled-class-removed-in-new-version")
def test_baseline_from_2021_model_store(tmp_path):
    results = ARIMA(np.cumsum(y[:40]), order=(1, 0, 0)).fit()
    (tmp_path / "baseline.pkl").write_bytes(old_statsmodels_pickle(results))
    assert load_baseline(tmp_path / "baseline.pkl").forecast(3).shape == (3,)


@pytest.mark.failure(category="1", library="statsmodels", shape="raised", cause="empty-model-file")
def test_baseline_placeholder(tmp_path):
    (tmp_path / "baseline.pkl").touch()
    assert load_baseline(tmp_path / "baseline.pkl") is not None
