"""Metrics and logging setup of the order service."""

from __future__ import annotations

import logging

import structlog
from loguru import logger as loguru_logger
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram

audit_lines: list[str] = []
shipping_log: list[str] = []


class OrderMetrics:
    def __init__(self, registry: CollectorRegistry = REGISTRY) -> None:
        self.orders = Counter("orders", "Orders placed", ["channel"], registry=registry)
        self.latency = Histogram("checkout_seconds", "Checkout latency", registry=registry)


_default_metrics: OrderMetrics | None = None


def default_metrics() -> OrderMetrics:
    global _default_metrics
    if _default_metrics is None:
        _default_metrics = OrderMetrics()
    return _default_metrics


def place_order(metrics: OrderMetrics, channel: str) -> None:
    metrics.orders.labels(channel=channel).inc()


class _AuditHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        audit_lines.append(self.format(record))


def init_audit_logging() -> logging.Logger:
    log = logging.getLogger("orders.audit")
    handler = _AuditHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return log


def charge(order_id: str, attempt: int) -> None:
    log = logging.getLogger("orders.payments")
    if attempt > 1:
        log.warning("retrying charge for %s (attempt %d)", order_id, attempt)


def init_loguru() -> None:
    loguru_logger.add(lambda m: shipping_log.append(m.record["message"]), level="INFO", format="{message}")


def ship(order_id: str) -> None:
    loguru_logger.info(f"shipped {order_id}")


def configure_structlog(stream) -> None:
    structlog.configure(
        processors=[structlog.contextvars.merge_contextvars, structlog.processors.KeyValueRenderer(sort_keys=True)],
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )


def send_invoice(invoice_id: int) -> None:
    structlog.get_logger().info("invoice.sent", invoice=invoice_id)
