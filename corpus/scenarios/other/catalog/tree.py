"""Category tree, listing pagination, sorting and slug helpers of the catalogue service."""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass, field


@dataclass(eq=False)
class Category:
    name: str
    parent: "Category | None" = None
    children: list["Category"] = field(default_factory=list)

    def add(self, child: "Category") -> "Category":
        child.parent = self
        self.children.append(child)
        return child

    def depth(self) -> int:
        return 0 if self.parent is None else 1 + self.parent.depth()

    def count_products(self) -> int:
        return 1 + sum(c.count_products() for c in self.children)

    def to_dict(self) -> dict:
        return {"name": self.name, "children": [c.to_dict() for c in self.children]}


class LazyProduct:
    def __init__(self, data: dict) -> None:
        self._data = data

    @property
    def price(self) -> float:
        return self.price_eur if "price_eur" in self._data else self._data["price"]

    def __getattr__(self, name: str):
        return self._data.get(name, getattr(self, "default_" + name))


def breadcrumbs_json(category: Category) -> str:
    return json.dumps({"name": category.name, "parent": category.parent.__dict__ if category.parent else None})


# --- pagination ----------------------------------------------------------------------------

def page_count(total: int, per_page: int) -> int:
    return total // per_page


def paginate(items: list, page: int, per_page: int) -> list:
    start = page * per_page
    return items[start : start + per_page]


def page_links(total: int, per_page: int, current: int) -> list[int]:
    return list(range(1, math.ceil(total / per_page)))


def fetch_all(fetch_page, per_page: int = 2) -> list:
    """Follow the cursor API until there are no more results."""
    items, cursor = [], None
    while True:
        batch, next_cursor = fetch_page(cursor, per_page)
        items.extend(batch)
        if next_cursor is None:
            return items
        cursor = next_cursor


# --- sorting -------------------------------------------------------------------------------

def sort_products(products: list[dict]) -> list[dict]:
    return sorted(products, key=lambda p: p["name"])


def sort_versions(versions: list[str]) -> list[str]:
    return sorted(versions)


def top_rated(products: list[dict], n: int) -> list[str]:
    ranked = sorted(products, key=lambda p: p["rating"], reverse=True)
    return [p["sku"] for p in ranked[:n]]


# --- slugs ---------------------------------------------------------------------------------

def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(text.lower().split())


def encode_sku_list(skus: list[str]) -> str:
    return ",".join(skus)


def decode_sku_list(blob: str) -> list[str]:
    return blob.split(",")
