import pytest

from .carrier_feeds import pull_all, pull_dhl, pull_ups, remaining_pulls


def test_dhl_feed_has_pickups():
    assert pull_dhl()[0]["event"] == "picked-up"


def test_ups_feed_has_delivery():
    assert pull_ups() == [{"parcel": "PX-7", "event": "delivered"}]


def test_dhl_feed_in_transit():
    assert {e["event"] for e in pull_dhl()} == {"picked-up", "in-transit"}


@pytest.mark.failure(category="7", library="throttled-py", dist="throttled-py", shape="raised", cause="carrier-pull-quota-shared-across-tests")
def test_hourly_sync_pulls_every_carrier():
    feeds = pull_all()
    assert set(feeds) == {"dhl", "ups"}


@pytest.mark.failure(category="7", library="throttled-py", dist="throttled-py", shape="assert", cause="remaining-quota-lower-than-expected")
def test_dhl_budget_before_morning_run():
    assert remaining_pulls("dhl") >= 2


@pytest.mark.failure(category="7", library="throttled-py", dist="throttled-py", shape="raised", cause="carrier-pull-quota-shared-across-tests")
def test_ups_delivered_parcels():
    assert [e["parcel"] for e in pull_ups()] == ["PX-7"]
