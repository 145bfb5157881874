import pytest
import requests_mock
import responses

from .rates import convert, rate, rates_url


_mockers = []


@pytest.fixture(scope="module", autouse=True)
def _stop_mockers():
    yield
    for mocker in _mockers:
        mocker.stop()


def test_usd_rate_from_provider():
    assert rate("USD") == 1.0842


def test_checkout_when_provider_is_down():
    responses.start()
    responses.add(responses.GET, f"{rates_url()}/v1/rates/GBP", json={"error": "maintenance"}, status=503)
    with pytest.raises(Exception):
        rate("GBP")


@pytest.mark.failure(category="4", library="responses", shape="raised", cause="responses-started-never-stopped")
def test_chf_conversion():
    assert convert(100, "CHF") == 94.12


@pytest.mark.failure(category="4", library="responses", shape="raised", cause="responses-started-never-stopped")
def test_gbp_rate_from_provider():
    assert rate("GBP") == 0.8561


def test_eur_rate_is_one():
    responses.stop()
    responses.reset()
    mocker = requests_mock.Mocker()
    _mockers.append(mocker)
    mocker.start()
    mocker.get(f"{rates_url()}/v1/rates/EUR", json={"base": "EUR", "code": "EUR", "rate": 1.0})
    assert rate("EUR") == 1.0


@pytest.mark.failure(category="4", library="requests-mock", shape="raised", cause="mocker-started-never-stopped")
def test_usd_conversion():
    assert convert(10, "USD") == 10.84


@pytest.mark.failure(category="4", library="requests-mock", shape="assert", cause="mocker-started-never-stopped")
def test_provider_reachable():
    try:
        ok = rate("USD") > 0
    except Exception as exc:
        ok = f"{type(exc).__name__}: {exc}"
    assert ok is True
