import pytest

from . import fx

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture
def treasury_rates():
    fx.RATES_SOURCE.clear()
    fx.RATES_SOURCE.update({("EUR", "USD"): 1.08, ("GBP", "USD"): 1.27})
    yield fx.RATES_SOURCE
    fx.RATES_SOURCE.clear()


async def test_eur_to_usd(treasury_rates):
    assert await fx.convert(10000, "EUR", "USD") == 10800


@pytest.mark.failure(category="4", library="async-lru", shape="async", cause="alru-cache-not-cleared-between-tests")
async def test_eur_to_usd_after_rate_publish(treasury_rates):
    treasury_rates[("EUR", "USD")] = 1.11
    assert await fx.convert(10000, "EUR", "USD") == 11100


@pytest.mark.failure(category="4", library="async-lru", shape="async", cause="alru-cache-survives-treasury-outage-fixture")
async def test_basket_during_treasury_outage(treasury_rates):
    treasury_rates.clear()
    with pytest.raises(fx.TreasuryUnavailable):
        await fx.convert_basket([{"amount": 500, "currency": "EUR"}], "USD")


@pytest.mark.failure(category="other", library="async-lru", shape="async", cause="basket-line-missing-currency")
async def test_mixed_basket_in_usd(treasury_rates):
    lines = [{"amount": 1000, "currency": "GBP"}, {"amount": 250, "ccy": "USD"}]
    assert await fx.convert_basket(lines, "USD") == 1520
