"""Prometheus metrics of the service (prometheus-client), per app, multiprocess-aware.

With several uvicorn workers, ``cluster serve`` points ``PROMETHEUS_MULTIPROC_DIR`` at a fresh directory before
the workers start, so ``GET /metrics`` on any worker reports the sum over all of them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """The service's metrics in their own registry (so several apps in one process do not collide)."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter(
            "clusterer_http_requests", "HTTP requests answered", ["method", "route", "status"], registry=r
        )
        self.latency = Histogram(
            "clusterer_http_request_duration_seconds",
            "Time to answer an HTTP request",
            ["method", "route"],
            buckets=_BUCKETS,
            registry=r,
        )
        self.failures = Counter(
            "clusterer_failures_classified", "Failing tests classified, by answer category", ["category"], registry=r
        )
        self.rejected = Counter(
            "clusterer_classify_rejected", "Classify requests refused, by reason", ["reason"], registry=r
        )
        self.model = Gauge(
            "clusterer_model_info",
            "The loaded model (1) and its version labels",
            ["name", "format_version", "training_digest", "clusterer_version"],
            multiprocess_mode="max",
            registry=r,
        )
        self.ready = Gauge(
            "clusterer_ready", "1 when the model is loaded and verified", multiprocess_mode="min", registry=r
        )

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one answered request and its latency."""
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)

    def classified(self, categories: Iterable[str]) -> None:
        """Count classified failures by their category (``new`` for every new one)."""
        counts: dict[str, int] = {}
        for c in categories:
            counts[c] = counts.get(c, 0) + 1
        for c, n in counts.items():
            self.failures.labels(c).inc(n)

    def set_model(self, info: dict[str, Any] | None) -> None:
        """Record which model is loaded (or that none is)."""
        self.ready.set(1 if info else 0)
        if info:
            self.model.labels(
                str(info.get("name")),
                str(info.get("format_version")),
                str(info.get("training_digest") or "")[:12],
                str(info.get("clusterer_version")),
            ).set(1)

    def exposition(self) -> bytes:
        """The Prometheus text format: this process's registry, or every worker's in multiprocess mode."""
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            return generate_latest(registry)
        return generate_latest(self.registry)
