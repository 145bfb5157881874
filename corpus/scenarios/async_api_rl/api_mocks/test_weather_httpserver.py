"""Contract tests against a local stand-in of the weather provider (pytest-httpserver)."""

from __future__ import annotations

import pytest
import requests
from pydantic import BaseModel


class Forecast(BaseModel):
    city: str
    temperature_c: float
    conditions: str


class WeatherClient:
    def __init__(self, base_url: str, timeout: float = 0.5) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def forecast(self, city: str) -> Forecast:
        resp = requests.get(f"{self.base_url}/v3/forecast", params={"q": city, "units": "metric"}, timeout=self.timeout)
        resp.raise_for_status()
        return Forecast.model_validate(resp.json())

    def alerts(self, region: str) -> list[str]:
        resp = requests.get(f"{self.base_url}/v3/alerts/{region}", timeout=self.timeout)
        resp.raise_for_status()
        return [a["headline"] for a in resp.json()["alerts"]]

    def subscribe(self, city: str, webhook: str) -> str:
        resp = requests.post(f"{self.base_url}/v3/subscriptions", json={"city": city, "webhook": webhook}, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()["subscription_id"]

    def forecast_or_none(self, city: str) -> Forecast | None:
        try:
            return self.forecast(city)
        except requests.Timeout:
            return None


@pytest.fixture
def weather(httpserver):
    return WeatherClient(httpserver.url_for("/"))


@pytest.mark.failure(category="6", library="pytest-httpserver", dist="pytest_httpserver", shape="raised", cause="no-handler-for-request")
def test_forecast_for_city(httpserver, weather):
    httpserver.expect_request("/v3/forecast", query_string={"q": "Oslo"}).respond_with_json(
        {"city": "Oslo", "temperature_c": 4.5, "conditions": "snow"}
    )
    assert weather.forecast("Oslo").conditions == "snow"


@pytest.mark.failure(category="6", library="pytest-httpserver", dist="pytest_httpserver", shape="raised", cause="mock-payload-schema-mismatch")
def test_forecast_parsed_into_model(httpserver, weather):
    httpserver.expect_request("/v3/forecast").respond_with_json(
        {"city": "Lisbon", "temp": {"c": 19.0, "f": 66.2}, "conditions": "clear"}
    )
    assert weather.forecast("Lisbon").temperature_c == 19.0


@pytest.mark.failure(category="6", library="pytest-httpserver", dist="pytest_httpserver", shape="raised", cause="mock-wrong-content-type")
def test_alerts_for_region(httpserver, weather):
    httpserver.expect_request("/v3/alerts/north-sea").respond_with_data(
        "<alerts><alert>Gale warning</alert></alerts>", content_type="application/xml"
    )
    assert weather.alerts("north-sea") == ["Gale warning"]


@pytest.mark.failure(category="6", library="pytest-httpserver", dist="pytest_httpserver", shape="raised", cause="oneshot-handler-exhausted")
def test_subscriptions_created_for_two_cities(httpserver, weather):
    httpserver.expect_oneshot_request("/v3/subscriptions", method="POST").respond_with_json({"subscription_id": "sub_1"})
    ids = [weather.subscribe(city, "https://hooks.example.com/w") for city in ("Oslo", "Bergen")]
    assert ids == ["sub_1", "sub_2"]


@pytest.mark.failure(category="6", library="pytest-httpserver", dist="pytest_httpserver", shape="assert", cause="ordered-expectation-violated")
def test_subscription_then_forecast_sequence(httpserver, weather):
    httpserver.expect_ordered_request("/v3/subscriptions", method="POST").respond_with_json({"subscription_id": "sub_9"})
    httpserver.expect_ordered_request("/v3/forecast").respond_with_json(
        {"city": "Rome", "temperature_c": 22, "conditions": "sunny"}
    )
    try:
        weather.forecast("Rome")
        weather.subscribe("Rome", "https://hooks.example.com/w")
    except requests.HTTPError:
        pass
    httpserver.check_assertions()


@pytest.mark.failure(category="6", library="pytest-httpserver", dist="pytest_httpserver", shape="assert", cause="mock-does-not-simulate-timeout")
def test_forecast_timeout_returns_none(httpserver, weather):
    httpserver.expect_request("/v3/forecast").respond_with_json({"city": "Paris", "temperature_c": 12, "conditions": "rain"})
    assert weather.forecast_or_none("Paris") is None


@pytest.mark.failure(category="6", library="pytest-httpserver", dist="pytest_httpserver", shape="assert", cause="unexpected-request-check-assertions")
def test_alert_feed_does_not_hit_forecast(httpserver, weather):
    httpserver.expect_request("/v3/alerts/alps").respond_with_json({"alerts": [{"headline": "Avalanche risk 4"}]})
    weather.alerts("alps")
    try:
        weather.forecast("Zermatt")
    except requests.HTTPError:
        pass
    httpserver.check_assertions()
