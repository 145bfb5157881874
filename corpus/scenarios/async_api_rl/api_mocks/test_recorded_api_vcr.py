"""Replay tests against cassettes recorded from the providers' sandboxes."""

from decimal import Decimal
from pathlib import Path

import pytest
import vcr

from .market_client import FxClient, MarketDataClient, PaymentsClient

CASSETTES = Path(__file__).parent / "cassettes"
replay = vcr.VCR(cassette_library_dir=str(CASSETTES), record_mode="none", match_on=["method", "scheme", "host", "path", "query"])


@pytest.mark.failure(category="6", library="vcrpy", dist="vcrpy", shape="raised", cause="cassette-missing-interaction")
def test_price_for_new_symbol_replayed():
    with replay.use_cassette("price_aapl.yaml"):
        client = MarketDataClient()
        assert client.get_price("AAPL") == Decimal("189.12")
        assert client.get_price("GOOG") > 0


@pytest.mark.failure(category="6", library="vcrpy", dist="vcrpy", shape="raised", cause="cassette-stale-schema")
def test_quote_replayed_from_sandbox_recording():
    with replay.use_cassette("quote_msft_v1.yaml"):
        quote = MarketDataClient().get_quote("MSFT")
    assert quote.price == Decimal("412.30")


@pytest.mark.failure(category="6", library="vcrpy", dist="vcrpy", shape="raised", cause="cassette-body-matcher-mismatch")
def test_charge_replay_matches_recorded_body():
    strict = vcr.VCR(cassette_library_dir=str(CASSETTES), record_mode="none", match_on=["method", "uri", "body"])
    with strict.use_cassette("charge_create.yaml"):
        charge = PaymentsClient().create_charge(2500, "usd", "cus_new")
    assert charge["id"] == "ch_rec_1"


@pytest.mark.failure(category="6", library="vcrpy", dist="vcrpy", shape="raised", cause="cassette-played-once")
def test_price_refresh_replays_twice():
    with replay.use_cassette("price_aapl.yaml"):
        client = MarketDataClient()
        first = client.get_price("AAPL")
        second = client.get_price("AAPL")
    assert first == second


@pytest.mark.failure(category="6", library="vcrpy", dist="vcrpy", shape="raised", cause="cassette-not-recorded")
def test_refund_replayed():
    with replay.use_cassette("refund_create.yaml"):
        refund = PaymentsClient().refund("ch_rec_1")
    assert refund["status"] == "succeeded"


@pytest.mark.failure(category="6", library="vcrpy", dist="vcrpy", shape="raised", cause="cassette-missing-interaction")
@pytest.mark.parametrize("target", ["GBP"])
def test_fx_conversion_replayed(target):
    with replay.use_cassette("fx_latest.yaml"):
        fx = FxClient()
        assert fx.convert(Decimal("100"), "EUR", "USD") == Decimal("108.1200")
        assert fx.convert(Decimal("100"), "EUR", target) > 0
