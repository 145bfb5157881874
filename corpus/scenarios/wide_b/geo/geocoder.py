"""Client for the address geocoding provider; the contract allows 5 lookups per hour per API key."""

from __future__ import annotations

from ratelimit import RateLimitException, limits, sleep_and_retry

CALLS = 5
PERIOD = 3600

_KNOWN = {
    "1 Main St, Springfield": (39.7990, -89.6440),
    "10 Downing St, London": (51.5034, -0.1276),
    "Unter den Linden 77, Berlin": (52.5163, 13.3806),
}


class GeocodingUnavailable(RuntimeError):
    pass


@limits(calls=CALLS, period=PERIOD)
def geocode(address: str) -> tuple[float, float]:
    return _KNOWN.get(address, (0.0, 0.0))


def geocode_for_checkout(address: str) -> tuple[float, float]:
    try:
        return geocode(address)
    except RateLimitException as exc:
        raise GeocodingUnavailable(f"geocoder quota used up, retry in {exc.period_remaining:.0f}s") from exc


def geocode_or_none(address: str) -> tuple[float, float] | None:
    try:
        return geocode(address)
    except RateLimitException:
        return None


@sleep_and_retry
@limits(calls=2, period=PERIOD)
def reverse_geocode(lat: float, lon: float) -> str:
    """Reverse lookups have a separate, smaller allowance; callers wait for the window instead of failing."""
    for address, (a, b) in _KNOWN.items():
        if abs(a - lat) < 0.01 and abs(b - lon) < 0.01:
            return address
    return "unknown"
