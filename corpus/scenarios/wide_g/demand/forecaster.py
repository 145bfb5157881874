"""Demand forecasting models: the gradient-boosted SKU model and the ARIMA baseline per warehouse."""

from __future__ import annotations

import pickle
from pathlib import Path

import lightgbm as lgb
import numpy as np
import statsmodels.api as sm
import xgboost as xgb

FEATURES = ["price", "promo", "weekday", "stock"]


def load_sku_booster(path: Path) -> lgb.Booster:
    return lgb.Booster(model_file=str(path))


def load_xgb_model(path: Path) -> xgb.Booster:
    booster = xgb.Booster()
    booster.load_model(str(path))
    return booster


def predict_xgb(booster: xgb.Booster, rows: np.ndarray, names: list[str]) -> np.ndarray:
    return booster.predict(xgb.DMatrix(rows, feature_names=names))


def load_baseline(path: Path):
    return sm.load(str(path))


def load_history(path: Path) -> np.ndarray:
    with open(path, "rb") as fh:
        return pickle.load(fh)
