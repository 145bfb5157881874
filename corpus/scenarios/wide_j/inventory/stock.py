"""Stock levels, picking and replenishment for the warehouse."""

from __future__ import annotations

import itertools
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field


class OutOfStock(Exception):
    pass


@dataclass
class Item:
    sku: str
    on_hand: int
    reserved: int = 0


@dataclass
class Warehouse:
    code: str
    items: dict[str, Item] = field(default_factory=dict)
    restock: list[str] = field(default_factory=list)

    def receive(self, sku: str, quantity: int) -> None:
        item = self.items.setdefault(sku, Item(sku, 0))
        item.on_hand += quantity

    def flag_for_restock(self, skus: list[str]) -> None:
        self.restock.extend(skus)

    def total_units(self) -> int:
        return sum(item.on_hand for item in self.items.values())

    def pick(self, sku: str, quantity: int) -> None:
        item = self.items[sku]
        item.on_hand -= quantity


def merge_sku_lists(*lists: list[str]) -> list[str]:
    """All SKUs of the given lists, each once, in first-seen order."""
    merged: list[str] = []
    for skus in lists:
        merged.extend(skus)
    return merged


def apply_counts(levels: Counter, movements: Counter) -> Counter:
    """Stock after a batch of movements; negative levels are back-orders and must be kept."""
    return levels + movements


def boxes_needed(units: int, per_box: int) -> int:
    return math.floor(units / per_box)


def units_by_warehouse(rows: list[tuple[str, str, int]]) -> dict[str, int]:
    return {code: sum(qty for _, _, qty in group) for code, group in itertools.groupby(rows, key=lambda r: r[0])}


def reorder_point(daily_sales: list[int], lead_days: int) -> float:
    return statistics.mean(daily_sales) * lead_days
