import pytest

from .geocoder import geocode, geocode_for_checkout, geocode_or_none


def test_springfield_coordinates():
    assert geocode("1 Main St, Springfield") == pytest.approx((39.799, -89.644))


def test_london_coordinates():
    assert geocode("10 Downing St, London")[0] == pytest.approx(51.5034)


def test_unknown_address_is_origin():
    assert geocode("nowhere") == (0.0, 0.0)


def test_berlin_coordinates():
    lat, lon = geocode("Unter den Linden 77, Berlin")
    assert 52 < lat < 53 and 13 < lon < 14


def test_checkout_address_resolves():
    assert geocode_for_checkout("1 Main St, Springfield")[0] > 39


@pytest.mark.failure(category="7", library="ratelimit", dist="ratelimit", shape="raised", cause="module-level-call-limit-shared-across-tests")
def test_berlin_and_london_distance_order():
    assert geocode("Unter den Linden 77, Berlin")[1] > geocode("10 Downing St, London")[1]


@pytest.mark.failure(category="7", library="ratelimit", dist="ratelimit", shape="chained", cause="module-level-call-limit-shared-across-tests")
def test_checkout_for_london_address():
    assert geocode_for_checkout("10 Downing St, London") == pytest.approx((51.5034, -0.1276))


@pytest.mark.failure(category="7", library="ratelimit", dist="ratelimit", shape="assert", cause="rate-limited-lookup-returns-none")
def test_optional_geocode_for_newsletter_signup():
    assert geocode_or_none("1 Main St, Springfield") == pytest.approx((39.799, -89.644))
