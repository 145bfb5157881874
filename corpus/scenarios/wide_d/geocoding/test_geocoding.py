import asyncio
import json
from urllib.parse import parse_qs, urlparse

import pytest

from .. import stub_http
from .client import Batch, geocode, geocode_many

PLACES = {"1 Park Row, Leeds": (53.797, -1.547), "2 Stonegate, York": (53.961, -1.083), "Hull Marina": (53.740, -0.335)}


def geo_route(method, path, body):
    q = parse_qs(urlparse(path).query).get("q", [""])[0]
    if q not in PLACES:
        return 200, {}, {"lat": None, "lon": None, "matches": 0}
    lat, lon = PLACES[q]
    return 200, {}, {"lat": lat, "lon": lon, "matches": 1}


@pytest.fixture(scope="module", autouse=True)
def address_service():
    return stub_http.serve(47840, geo_route)


async def test_geocode_leeds():
    assert await geocode("1 Park Row, Leeds") == (53.797, -1.547)


@pytest.mark.failure(category="5", library="httpx", dist="httpx", shape="async", cause="module-async-client-reused-across-event-loops")
async def test_geocode_york():
    assert await geocode("2 Stonegate, York") == (53.961, -1.083)


async def test_geocode_hull_marina():
    assert await geocode("Hull Marina") == (53.740, -0.335)


@pytest.mark.failure(category="5", library="httpx", dist="httpx", shape="async", cause="module-async-client-reused-across-event-loops")
async def test_geocode_route_stops():
    stops = await geocode_many(["1 Park Row, Leeds", "Hull Marina"])
    assert stops[1] == (53.740, -0.335)


@pytest.mark.failure(category="5", library="httpx", dist="httpx", shape="raised", cause="client-closed-while-requests-in-flight")
async def test_batch_closed_when_first_result_arrives():
    batch = Batch()
    running = asyncio.create_task(batch.run(["1 Park Row, Leeds", "2 Stonegate, York", "Hull Marina"]))
    await asyncio.sleep(0)
    await batch.close()
    assert len(await running) == 3


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="sync-wrapper-runs-new-loop-inside-running-loop")
async def test_cli_geocode_helper():
    def cli_geocode(address):
        return asyncio.run(geocode(address, Batch().client))

    assert cli_geocode("Hull Marina") == (53.740, -0.335)


@pytest.mark.failure(category="other", library="httpx", dist="httpx", shape="assert", cause="unmatched-address-returns-nulls")
async def test_geocode_new_build():
    batch = Batch()
    try:
        assert await batch.run(["9 New Street, Selby"]) == [(53.78, -1.07)]
    finally:
        await batch.close()
