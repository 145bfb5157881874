from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .payments import convert, is_settled, price_label, split_evenly, wallet_balance


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="split-remainder-lost")
def test_split_bill_three_ways_keeps_every_cent():
    shares = split_evenly(Decimal("100.00"), 3)
    assert sum(shares) == Decimal("100.00")


@pytest.mark.failure(category="other", library="decimal", dist=None, shape="assert", cause="split-remainder-lost")
def test_first_shares_take_the_odd_cents():
    assert split_evenly(Decimal("10.00"), 3) == [Decimal("3.34"), Decimal("3.33"), Decimal("3.33")]


@pytest.mark.failure(
    category="other", library="decimal", dist=None, shape="assert", cause="fx-conversion-direction-inverted"
)
def test_convert_euros_to_dollars():
    assert convert(Decimal("100.00"), "EUR", "USD") == Decimal("108.50")


@pytest.mark.failure(
    category="other", library="decimal", dist=None, shape="assert", cause="fx-conversion-direction-inverted"
)
def test_pound_price_in_euros_is_higher():
    euros = convert(Decimal("40.00"), "GBP", "EUR")
    assert euros > Decimal("40.00"), f"40 GBP converted to {euros} EUR"


@pytest.mark.failure(category="other", library="babel", shape="assert", cause="currency-minor-units")
def test_yen_price_label_has_no_decimals():
    assert price_label(Decimal("1500"), "JPY") == "¥1,500"


@pytest.mark.failure(category="other", library="babel", shape="assert", cause="currency-minor-units")
def test_dinar_price_label_shows_three_decimals():
    assert price_label(Decimal("12.345"), "KWD") == "KWD12.345"


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="float-accumulation-error"
)
def test_wallet_balance_after_three_top_ups():
    assert wallet_balance([0.10, 0.10, 0.10]) == 0.30


@pytest.mark.failure(
    category="other", library="arithmetic", dist=None, shape="assert", cause="float-accumulation-error"
)
@given(st.lists(st.floats(min_value=0.01, max_value=500, allow_nan=False), min_size=1, max_size=5))
def test_refunding_every_top_up_leaves_zero(top_ups):
    assert is_settled(top_ups + [-amount for amount in top_ups])
