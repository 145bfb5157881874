"""Feature transformers of the v2 pipeline (kept only until the v3 models are retrained)."""

from __future__ import annotations

import numpy as np


class RollingZScore:
    def __init__(self, window: int = 20) -> None:
        self.window = window
        self.mean_ = None
        self.std_ = None

    def fit(self, X, y=None):
        X = np.asarray(X, dtype=float)
        self.mean_ = X.mean(axis=0)
        self.std_ = X.std(axis=0) + 1e-9
        return self

    def transform(self, X):
        return (np.asarray(X, dtype=float) - self.mean_) / self.std_


class SectorEncoder:
    def __init__(self, sectors=("tech", "energy", "health")) -> None:
        self.sectors = list(sectors)

    def transform(self, rows):
        return [[1.0 if r == s else 0.0 for s in self.sectors] for r in rows]
