import logging

import pytest
import structlog
from structlog.testing import LogCapture

from . import logs


@pytest.fixture
def log_output():
    output = LogCapture()
    structlog.configure(processors=[structlog.processors.add_log_level, output])
    return output


def test_pick_returns_bin():
    assert logs.pick("o-1", "A-07") == "A-07"


@pytest.mark.failure(category="4", library="structlog", shape="assert", cause="cache-logger-on-first-use-bypasses-capture-logs")
def test_pack_logs_box_count(log_output):
    logs.pack("o-2", 9)
    assert {"event": "order packed", "order_id": "o-2", "boxes": 3, "log_level": "info"} in log_output.entries


@pytest.mark.failure(category="4", library="structlog", shape="raised", cause="cache-logger-on-first-use-bypasses-capture-logs")
def test_pick_logs_bin_code(log_output):
    logs.pick("o-3", "B-11")
    assert log_output.entries[0]["bin"] == "B-11"


def test_nightly_batch_is_quiet(caplog):
    logs.quiet_mode()
    logs.print_label("o-4", "dhl")
    assert "label printed" not in caplog.text


@pytest.mark.failure(category="4", library="logging", dist=None, shape="assert", cause="logger-level-set-by-earlier-test")
def test_label_printing_is_logged(caplog):
    caplog.set_level(logging.INFO)
    logs.print_label("o-5", "ups")
    assert "label printed UPS-o-5" in caplog.text


@pytest.mark.failure(category="other", library="logging", dist=None, shape="assert", cause="box-count-formula")
def test_eight_items_fit_two_boxes():
    assert logs.pack("o-6", 8) == 3
