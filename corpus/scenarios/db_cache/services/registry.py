"""Module-level registries and singletons of the export/event subsystem."""

from __future__ import annotations

from typing import Callable

EXPORTERS: dict[str, Callable] = {}


def register_exporter(name: str, fn: Callable) -> None:
    if name in EXPORTERS:
        raise ValueError(f"exporter {name!r} already registered")
    EXPORTERS[name] = fn


class EventBus:
    _instance: "EventBus | None" = None

    def __init__(self) -> None:
        self.handlers: dict[str, list[Callable]] = {}

    @classmethod
    def instance(cls) -> "EventBus":
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def subscribe(self, event: str, handler: Callable) -> None:
        self.handlers.setdefault(event, []).append(handler)

    def publish(self, event: str, payload) -> int:
        for h in self.handlers.get(event, []):
            h(payload)
        return len(self.handlers.get(event, []))


class Cart:
    items: list[str] = []  # class attribute shared by every cart
    discounts: dict[str, float] = {}

    def add(self, sku: str) -> None:
        self.items.append(sku)


def tag_order(order_id: int, tag: str, tags: list[str] = []) -> list[str]:  # noqa: B006
    tags.append(tag)
    return tags


class Metrics:
    counters: dict[str, int] = {}

    @classmethod
    def incr(cls, name: str) -> None:
        cls.counters[name] = cls.counters.get(name, 0) + 1
