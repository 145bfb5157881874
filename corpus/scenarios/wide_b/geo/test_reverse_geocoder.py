import pytest

from .geocoder import reverse_geocode


def test_reverse_lookup_springfield():
    assert reverse_geocode(39.799, -89.644) == "1 Main St, Springfield"


def test_reverse_lookup_in_the_sea():
    assert reverse_geocode(0.0, 0.0) == "unknown"


@pytest.mark.failure(category="7", library="ratelimit", dist="ratelimit", shape="timeout", cause="sleep-and-retry-waits-for-quota-window")
@pytest.mark.timeout(2)
def test_reverse_lookup_berlin_for_driver_app():
    assert reverse_geocode(52.5163, 13.3806) == "Unter den Linden 77, Berlin"
