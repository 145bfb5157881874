import io
import logging

import pytest
import structlog
from prometheus_client import REGISTRY

from .telemetry import (
    OrderMetrics,
    audit_lines,
    charge,
    configure_structlog,
    default_metrics,
    init_audit_logging,
    init_loguru,
    place_order,
    send_invoice,
    ship,
    shipping_log,
)


def test_web_order_is_counted():
    place_order(default_metrics(), "web")
    assert REGISTRY.get_sample_value("orders_total", {"channel": "web"}) == 1


def test_app_order_is_counted():
    place_order(default_metrics(), "app")
    place_order(default_metrics(), "web")
    assert REGISTRY.get_sample_value("orders_total", {"channel": "app"}) == 1


@pytest.mark.failure(category="4", library="prometheus-client", shape="assert", cause="global-registry-counter-carries-over")
def test_single_web_order_metric():
    place_order(default_metrics(), "web")
    assert REGISTRY.get_sample_value("orders_total", {"channel": "web"}) == 1


@pytest.mark.failure(category="4", library="prometheus-client", shape="raised", cause="duplicated-timeseries-global-registry")
def test_metrics_for_new_worker():
    metrics = OrderMetrics()
    place_order(metrics, "web")


@pytest.fixture
def fresh_metrics():
    return OrderMetrics()


@pytest.mark.failure(category="4", library="prometheus-client", shape="setup", cause="duplicated-timeseries-global-registry")
def test_phone_order_is_counted(fresh_metrics):
    place_order(fresh_metrics, "phone")
    assert fresh_metrics.orders.labels(channel="phone")._value.get() == 1


def test_audit_line_written():
    audit_lines.clear()
    init_audit_logging().info("order SO-1 created")
    assert audit_lines == ["INFO order SO-1 created"]


@pytest.mark.failure(category="4", library="logging", shape="assert", cause="handler-added-on-every-init")
def test_audit_line_for_cancellation():
    audit_lines.clear()
    init_audit_logging().info("order SO-2 cancelled")
    assert audit_lines == ["INFO order SO-2 cancelled"]


def test_payment_errors_only_in_quiet_mode():
    logging.getLogger("orders.payments").setLevel(logging.ERROR)
    charge("SO-3", attempt=2)


@pytest.mark.failure(category="4", library="logging", shape="assert", cause="logger-level-set-directly-not-restored")
def test_charge_retry_is_logged(caplog):
    charge("SO-4", attempt=2)
    assert "retrying charge for SO-4" in caplog.text


def test_shipping_is_logged():
    shipping_log.clear()
    init_loguru()
    ship("SO-5")
    assert shipping_log == ["shipped SO-5"]


@pytest.mark.failure(category="4", library="loguru", shape="assert", cause="sink-added-per-test-never-removed")
def test_express_shipping_is_logged():
    shipping_log.clear()
    init_loguru()
    ship("SO-6")
    ship("SO-6-EXP")
    assert shipping_log == ["shipped SO-6", "shipped SO-6-EXP"]


def test_invoice_log_carries_request_id():
    buf = io.StringIO()
    configure_structlog(buf)
    structlog.contextvars.bind_contextvars(request_id="req-41")
    send_invoice(7)
    assert "request_id='req-41'" in buf.getvalue()


@pytest.mark.failure(category="4", library="structlog", shape="assert", cause="contextvars-bound-in-earlier-test")
def test_invoice_log_line():
    buf = io.StringIO()
    configure_structlog(buf)
    send_invoice(8)
    assert buf.getvalue() == "event='invoice.sent' invoice=8\n"
