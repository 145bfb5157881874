"""Seasonality helpers used inside the pickled forecast pipelines."""

from __future__ import annotations


class WeeklyProfile:
    def __init__(self, weights):
        self.weights = list(weights)

    def adjust(self, day: int, value: float) -> float:
        return value * self.weights[day % 7]


def log_spend(X):
    """Log-transform of the spend columns (used inside the churn pipeline)."""
    import numpy as np

    return np.log1p(X)
