"""Portfolio recommendation engine on top of a scikit-learn classifier."""

from __future__ import annotations

from pathlib import Path

import joblib
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = ["volatility", "momentum", "pe_ratio", "dividend_yield", "beta", "drawdown"]
LABELS = ["hold", "buy", "sell"]


def make_training_data(n: int = 120, n_features: int = len(FEATURES), seed: int = 7):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, n_features))
    y = np.array(LABELS)[(X[:, 0] > 0).astype(int) + (X[:, 1] > 1).astype(int)]
    return X, y


def train_default_model(n_features: int = len(FEATURES)):
    X, y = make_training_data(n_features=n_features)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=200))
    model.fit(X, y)
    return model


def train_forest(n_features: int = len(FEATURES)):
    X, y = make_training_data(n_features=n_features)
    return RandomForestClassifier(n_estimators=5, max_depth=3, random_state=0).fit(X, y)


class RecommendationEngine:
    def __init__(self, model_path: Path | None = None) -> None:
        self.model_path = model_path
        if model_path is not None and Path(model_path).exists():
            self.model = joblib.load(model_path)
        else:
            # cold start: the model is trained by the nightly job; until then it is an unfitted pipeline
            self.model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=200))

    def features_for(self, holdings: list[dict]) -> np.ndarray:
        return np.array([[h.get(f, 0.0) for f in FEATURES] for h in holdings], dtype=float)

    def suggest(self, holdings: list[dict]) -> list[str]:
        return list(self.model.predict(self.features_for(holdings)))

    def scores(self, holdings: list[dict]) -> np.ndarray:
        return self.model.predict_proba(self.features_for(holdings))
