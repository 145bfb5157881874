"""Product recommendations from a scikit-learn model persisted with joblib."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
from sklearn.linear_model import LogisticRegression

from .config import Settings

FEATURES = ("age_bucket", "risk_score", "tenure_years", "basket_value", "sector_code")
N_CLASSES = 6  # product families


@dataclass
class CustomerProfile:
    age: int
    risk_score: float
    tenure_years: float
    basket_value: float
    sector: str = "retail"


def build_features(profile: CustomerProfile) -> np.ndarray:
    """Feature row for one customer (see FEATURES)."""
    return np.array(
        [
            min(profile.age // 10, 8),
            profile.risk_score,
            profile.tenure_years,
            np.log1p(profile.basket_value),
        ],
        dtype=float,
    )


def _training_data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = np.column_stack(
        [
            rng.integers(1, 9, n),
            rng.random(n),
            rng.random(n) * 10,
            np.log1p(rng.random(n) * 500),
            rng.integers(0, 5, n),
        ]
    )
    y = ((X[:, 0] + 3 * X[:, 1] + X[:, 4]) % N_CLASSES).astype(int)
    return X, y


def train_model(n: int = 4000, seed: int = 7) -> LogisticRegression:
    X, y = _training_data(n, seed)
    model = LogisticRegression(max_iter=500)
    model.fit(X, y)
    return model


def save_model(model, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path)
    return path


def load_model(path: Path):
    return joblib.load(Path(path))


class Recommender:
    def __init__(self, model):
        self.model = model

    @classmethod
    def from_settings(cls, settings: Settings, base_dir: Path | None = None) -> "Recommender":
        model_dir = Path(settings.model_dir)
        if base_dir is not None and not model_dir.is_absolute():
            model_dir = Path(base_dir) / model_dir
        return cls(load_model(model_dir / settings.recommender_model))

    def score(self, profile: CustomerProfile) -> np.ndarray:
        row = build_features(profile).reshape(1, -1)
        return self.model.predict_proba(row)[0]

    def score_matrix(self, X: np.ndarray) -> np.ndarray:
        return self.model.predict_proba(X)

    def top_k(self, profile: CustomerProfile, k: int = 3) -> list[int]:
        probs = self.score(profile)
        return [int(i) for i in np.argsort(probs)[::-1][:k]]
