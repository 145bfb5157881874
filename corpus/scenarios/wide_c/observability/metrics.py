"""Order-service metrics exported to Prometheus."""

from __future__ import annotations

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram

ORDERS_CREATED = Counter("orders_created", "Orders accepted by the API", ["channel"])


class OrderMetrics:
    """Per-app metrics; create_app() builds one for every app instance."""

    def __init__(self, registry: CollectorRegistry = REGISTRY) -> None:
        self.registry = registry
        self.checkout_latency = Histogram(
            "checkout_latency_seconds", "Time from basket to confirmed order", buckets=(0.1, 0.5, 1, 5)
        , registry=registry)
        self.payment_failures = Counter("payment_failures", "Declined or errored payments", ["psp"], registry=registry)


def record_order(channel: str) -> None:
    ORDERS_CREATED.labels(channel=channel).inc()


def orders_total(channel: str) -> float:
    return REGISTRY.get_sample_value("orders_created_total", {"channel": channel}) or 0.0


def create_app(registry: CollectorRegistry = REGISTRY) -> dict:
    return {"metrics": OrderMetrics(registry), "name": "orders"}


def conversion_rate(orders: int, sessions: int) -> float:
    return round(orders / sessions * 100, 1)
