from __future__ import annotations

import pytest
from diskcache import Cache, Deque

dc_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="diskcache", dist="diskcache", shape=shape, cause=cause
)


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("thumbs-cache")


@pytest.fixture
def thumbs(cache_dir):
    with Cache(str(cache_dir)) as c:
        yield c


SOURCES = {"img-1": "v1"}


def thumbnail(cache: Cache, image_id: str) -> str:
    @cache.memoize(expire=3600)
    def render(image_id):
        return f"thumb-{SOURCES[image_id]}"

    return render(image_id)


def test_render_thumbnail(thumbs):
    assert thumbnail(thumbs, "img-1") == "thumb-v1"


@dc_failure("assert", "diskcache-stale-entry")
def test_thumbnail_after_reupload(thumbs, monkeypatch):
    monkeypatch.setitem(SOURCES, "img-1", "v2")
    assert thumbnail(thumbs, "img-1") == "thumb-v2"


def test_count_downloads(thumbs):
    assert thumbs.incr("downloads:img-1") == 1


@dc_failure("assert", "diskcache-stale-entry")
def test_download_counter_starts_fresh(thumbs):
    assert thumbs.incr("downloads:img-1") == 1


def test_enqueue_resize_job(cache_dir):
    Deque(directory=str(cache_dir / "jobs")).append("resize:img-1")


@dc_failure("assert", "diskcache-stale-entry")
def test_job_queue_empty_on_start(cache_dir):
    jobs = Deque(directory=str(cache_dir / "jobs"))
    assert list(jobs) == []


@pytest.fixture
def empty_thumbs(thumbs):
    assert len(thumbs) == 0, f"cache directory not empty: {len(thumbs)} entries"
    yield thumbs


@dc_failure("setup", "diskcache-stale-entry")
def test_cache_volume_usage(empty_thumbs):
    empty_thumbs.set("k", b"x" * 10)
