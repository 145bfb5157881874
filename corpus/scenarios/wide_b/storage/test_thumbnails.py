import pytest

from . import thumbnails


async def test_small_thumbnail():
    assert await thumbnails.render_async("pod-1", 64) == "pod-1@64"


@pytest.mark.failure(category="5", library="concurrent.futures", dist=None, shape="assert", cause="as-completed-order-assumed")
def test_thumbnail_sizes_in_request_order():
    assert thumbnails.render_all("pod-2", [800, 64, 256]) == ["pod-2@800", "pod-2@64", "pod-2@256"]


@pytest.mark.failure(category="5", library="concurrent.futures", dist=None, shape="async", cause="wait-for-cancels-executor-job")
async def test_large_thumbnail_within_budget():
    assert await thumbnails.render_within("pod-3", 1200, seconds=0.1) == "pod-3@1200"


@pytest.mark.failure(category="5", library="concurrent.futures", dist=None, shape="chained", cause="wait-for-cancels-executor-job")
async def test_api_serves_large_thumbnail():
    assert await thumbnails.render_for_api("pod-6", 1000) == "pod-6@1000"


@pytest.fixture
def app_lifespan():
    yield
    thumbnails.shutdown()  # what the app does on shutdown


def test_app_shutdown_drains_pool(app_lifespan):
    assert thumbnails.render_all("pod-4", [64]) == ["pod-4@64"]


@pytest.mark.failure(category="5", library="concurrent.futures", dist=None, shape="async", cause="executor-shut-down-by-earlier-test")
async def test_thumbnail_after_reconnect():
    assert await thumbnails.render_async("pod-5", 64) == "pod-5@64"
