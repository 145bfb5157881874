import pytest
from prometheus_client import CollectorRegistry

from . import metrics


@pytest.fixture
def app():
    return metrics.create_app()


def test_checkout_latency_is_observed(app):
    app["metrics"].checkout_latency.observe(0.3)
    assert app["name"] == "orders"


@pytest.mark.failure(category="4", library="prometheus-client", dist="prometheus_client", shape="setup", cause="collectors-registered-twice-in-default-registry")
def test_payment_failure_is_counted(app):
    app["metrics"].payment_failures.labels(psp="adyen").inc()


def test_web_order_is_counted():
    metrics.record_order("web")
    assert metrics.orders_total("web") == 1.0


@pytest.mark.failure(category="4", library="prometheus-client", dist="prometheus_client", shape="assert", cause="module-counter-accumulates-across-tests")
def test_two_web_orders_are_counted():
    metrics.record_order("web")
    metrics.record_order("web")
    assert metrics.orders_total("web") == 2.0


def test_isolated_registry_app():
    app = metrics.create_app(CollectorRegistry())
    assert app["metrics"].registry is not None


@pytest.mark.failure(category="other", library="prometheus-client", dist="prometheus_client", shape="assert", cause="percentage-rounding")
def test_conversion_rate_dashboard():
    assert metrics.conversion_rate(1, 3) == 33.4


@pytest.mark.failure(category="other", library="prometheus-client", dist="prometheus_client", shape="raised", cause="label-name-mismatch-in-app-code")
def test_failed_payment_metric_for_psp():
    app = metrics.create_app(CollectorRegistry())
    app["metrics"].payment_failures.labels(provider="stripe").inc()
