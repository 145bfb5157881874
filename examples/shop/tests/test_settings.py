from decimal import Decimal

import pytest

from shop.catalog import discounted, format_price
from shop.config import get_settings, load_settings

from .conftest import scaled

CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK"]


def test_default_currency():
    assert get_settings().currency == "USD"


@pytest.mark.parametrize("case", scaled(3, 10))
def test_load_settings_from_mapping(case):
    code = CURRENCIES[case % len(CURRENCIES)]
    rate = Decimal(case % 20) / 100
    s = load_settings({"SHOP_CURRENCY": code.lower(), "SHOP_DISCOUNT_RATE": str(rate)})
    assert s.currency == code
    assert s.discount_rate == rate
    assert s.recommender_model.endswith(".joblib")


def test_currency_symbol():
    assert load_settings({"SHOP_CURRENCY": "gbp"}).currency_symbol == "£"


def test_eur_storefront_prices(monkeypatch):
    monkeypatch.setenv("SHOP_CURRENCY", "EUR")
    assert format_price(Decimal("1234.5")) == "€1,234.50"


def test_discount_rate_from_env(monkeypatch):
    monkeypatch.setenv("SHOP_DISCOUNT_RATE", "0.15")
    assert discounted(Decimal("100")) == Decimal("85.00")
