import importlib

import pytest

from . import display, settings


def test_price_format():
    assert display.format_price(129900) == "$1,299.00"


@pytest.mark.failure(category="4", library="importlib-reload", dist=None, shape="assert", cause="from-import-binding-survives-reload")
def test_euro_storefront(monkeypatch):
    monkeypatch.setenv("STORE_CURRENCY", "EUR")
    importlib.reload(settings)
    assert display.format_price(129900) == "€1,299.00"


@pytest.mark.failure(category="4", library="importlib-reload", dist=None, shape="assert", cause="reloaded-module-keeps-patched-env")
def test_default_currency_is_dollar():
    assert settings.CURRENCY == "USD"


@pytest.mark.failure(category="other", library="importlib-reload", dist=None, shape="assert", cause="boundary-uses-strict-less-than")
def test_free_shipping_at_threshold():
    assert display.shipping_banner(5000) == "Free shipping!"


@pytest.mark.failure(category="other", library="importlib-reload", dist=None, shape="raised", cause="unsupported-currency-code")
def test_price_for_swiss_store(monkeypatch):
    monkeypatch.setattr(display, "CURRENCY", "CHF")
    assert display.format_price(1000).endswith("10.00")
