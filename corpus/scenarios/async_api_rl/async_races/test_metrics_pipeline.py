import pytest

from .clients import reporter


@pytest.mark.failure(category="5", library="pytest-asyncio", dist="pytest-asyncio", shape="raised", cause="event-loop-closed")
def test_render_time_metric_recorded():
    # the reporter was started by another module's loop-scoped fixture
    reporter.record({"name": "render_ms", "value": 12})
    assert reporter.sent[-1]["value"] == 12
