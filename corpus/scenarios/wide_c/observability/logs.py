"""Structured logging for the fulfilment workers."""

from __future__ import annotations

import logging

import structlog

structlog.configure(
    processors=[structlog.processors.add_log_level, structlog.processors.JSONRenderer()],
    logger_factory=structlog.PrintLoggerFactory(),
    cache_logger_on_first_use=True,
)

log = structlog.get_logger("fulfilment")
shipping_log = logging.getLogger("fulfilment.shipping")


def pick(order_id: str, bin_code: str) -> str:
    log.info("item picked", order_id=order_id, bin=bin_code)
    return bin_code


def pack(order_id: str, items: int) -> int:
    boxes = (items + 3) // 4
    log.info("order packed", order_id=order_id, boxes=boxes)
    return boxes


def quiet_mode() -> None:
    """Used by the nightly batch: only warnings from the shipping worker."""
    shipping_log.setLevel(logging.WARNING)


def print_label(order_id: str, carrier: str) -> str:
    label = f"{carrier.upper()}-{order_id}"
    shipping_log.info("label printed %s", label)
    return label
