"""Assortment rules per storefront; the service is built once per process by the app factory."""

from __future__ import annotations

import methodtools


class AssortmentService:
    def __init__(self, rules: dict[str, set[str]]) -> None:
        self.rules = rules

    @methodtools.lru_cache(maxsize=256)
    def visible_skus(self, storefront: str) -> frozenset[str]:
        return frozenset(self.rules.get(storefront, set()))

    def is_visible(self, storefront: str, sku: str) -> bool:
        return sku in self.visible_skus(storefront)

    def hide(self, storefront: str, sku: str) -> None:
        self.rules[storefront].discard(sku)

    def page(self, storefront: str, page: int, size: int = 2) -> list[str]:
        skus = sorted(self.visible_skus(storefront))
        return skus[page * size : page * size + size - 1]


_service: AssortmentService | None = None


def get_assortment(rules: dict[str, set[str]]) -> AssortmentService:
    global _service
    if _service is None:
        _service = AssortmentService(rules)
    _service.rules = rules
    return _service
