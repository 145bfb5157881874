"""Seasonality helpers used inside the pickled forecast pipelines."""

from __future__ import annotations


class WeeklyProfile:
    def __init__(self, weights):
        self.weights = list(weights)

    def adjust(self, day: int, value: float) -> float:
        return value * self.weights[day % 7]
