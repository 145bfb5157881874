from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from shop.promotions import Promotion, active_promotions

from .conftest import scaled


@pytest.mark.parametrize("case", scaled(3, 10))
def test_promo_without_end_date(case):
    promo = Promotion.from_api({"code": f"WELCOME{case}", "percent_off": 5 + case % 20})
    assert promo.is_active()
    assert promo.apply(Decimal("100")) == Decimal(100 - (5 + case % 20))


def test_apply_percent():
    assert Promotion("HALF", Decimal("50")).apply(Decimal("20.00")) == Decimal("10.00")


def test_is_active_with_explicit_window():
    start = datetime(2024, 1, 1)
    promo = Promotion("NY", Decimal("10"), starts_at=start, ends_at=start + timedelta(days=7))
    assert promo.is_active(start + timedelta(days=1))
    assert not promo.is_active(start + timedelta(days=8))


@pytest.mark.parametrize("case", scaled(2, 1), ids=lambda c: f"FLASH{c}")
def test_promo_active_window(case):
    payload = {"code": f"FLASH{case}", "percent_off": 15,
               "starts_at": "2024-01-01T00:00:00Z", "ends_at": "2099-12-31T23:59:59Z"}
    promos = active_promotions([Promotion.from_api(payload)])
    assert [p.code for p in promos] == [f"FLASH{case}"]
