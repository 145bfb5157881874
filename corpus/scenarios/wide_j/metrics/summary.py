"""Summary statistics for the response-time and sensor dashboards."""

from __future__ import annotations

import statistics

import numpy as np


def latency_stdev(samples_ms: list[float]) -> float:
    """Sample standard deviation of a handful of measured response times."""
    return statistics.pstdev(samples_ms)


def spread(samples: np.ndarray) -> np.ndarray:
    """Per-column sample standard deviation of an (n_runs, n_metrics) array."""
    return samples.std(axis=0)


def p90(samples_ms: list[float]) -> float:
    """90th percentile, linear interpolation between closest ranks."""
    return float(np.percentile(samples_ms, 90, method="nearest"))


def weighted_mean(values: list[float], weights: list[float]) -> float:
    return sum(v * w for v, w in zip(values, weights, strict=False)) / len(values)


def mean_response_ms(total_ms: int, requests: int) -> float:
    return total_ms // requests


def millivolts(raw: np.ndarray) -> np.ndarray:
    """Sensor readings (volts, int16) to millivolts."""
    return raw * np.int16(1000)


def summary(samples_ms: list[float]) -> dict[str, float]:
    return {
        "mean": statistics.mean(samples_ms),
        "median": statistics.median(samples_ms),
        "max": max(samples_ms),
    }
