import aiohttp
import pytest
from aioresponses import aioresponses

GEO_URL = "https://geo.example.com"


class GeocodingClient:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def lookup(self, address: str) -> tuple[float, float]:
        async with self.session.get(f"{GEO_URL}/v1/geocode", params={"address": address}) as resp:
            resp.raise_for_status()
            body = await resp.json()
        location = body["results"][0]["geometry"]["location"]
        return location["lat"], location["lng"]

    async def reverse(self, lat: float, lng: float) -> str:
        async with self.session.get(f"{GEO_URL}/v1/reverse", params={"latlng": f"{lat},{lng}"}) as resp:
            resp.raise_for_status()
            return (await resp.json())["formatted_address"]


@pytest.mark.failure(category="6", library="aioresponses", dist="aioresponses", shape="async", cause="url-not-mocked")
@pytest.mark.asyncio
async def test_geocode_office_address():
    with aioresponses() as mocked:
        mocked.get(f"{GEO_URL}/v1/geocode?address=1+Main+St", payload={"results": [{"geometry": {"location": {"lat": 1.0, "lng": 2.0}}}]})
        async with aiohttp.ClientSession() as session:
            assert await GeocodingClient(session).lookup("1 Main Street") == (1.0, 2.0)


@pytest.mark.failure(category="6", library="aioresponses", dist="aioresponses", shape="async", cause="mock-payload-missing-field")
@pytest.mark.asyncio
async def test_geocode_returns_coordinates():
    with aioresponses() as mocked:
        mocked.get(f"{GEO_URL}/v1/geocode?address=Harbour+Rd", payload={"results": [{"lat": 59.9, "lng": 10.7}]})
        async with aiohttp.ClientSession() as session:
            lat, lng = await GeocodingClient(session).lookup("Harbour Rd")
    assert round(lat) == 60


@pytest.mark.failure(category="6", library="aioresponses", dist="aioresponses", shape="async", cause="mock-wrong-content-type")
@pytest.mark.asyncio
async def test_reverse_geocode_formats_address():
    with aioresponses() as mocked:
        mocked.get(f"{GEO_URL}/v1/reverse?latlng=59.9,10.7", body='{"formatted_address": "Oslo"}', content_type="text/plain")
        async with aiohttp.ClientSession() as session:
            assert await GeocodingClient(session).reverse(59.9, 10.7) == "Oslo"


@pytest.mark.failure(category="6", library="aioresponses", dist="aioresponses", shape="async", cause="mock-not-repeated")
@pytest.mark.asyncio
async def test_bulk_geocode_same_address_twice():
    with aioresponses() as mocked:
        mocked.get(f"{GEO_URL}/v1/geocode?address=Dock+7", payload={"results": [{"geometry": {"location": {"lat": 3.0, "lng": 4.0}}}]})
        async with aiohttp.ClientSession() as session:
            client = GeocodingClient(session)
            results = [await client.lookup("Dock 7") for _ in range(2)]
    assert results[0] == results[1]


@pytest.mark.failure(category="6", library="aioresponses", dist="aioresponses", shape="assert", cause="mock-called-with-mismatch")
@pytest.mark.asyncio
async def test_geocode_request_parameters():
    with aioresponses() as mocked:
        mocked.get(f"{GEO_URL}/v1/geocode?address=Pier+1", payload={"results": [{"geometry": {"location": {"lat": 5.0, "lng": 6.0}}}]})
        async with aiohttp.ClientSession() as session:
            await GeocodingClient(session).lookup("Pier 1")
        mocked.assert_called_once_with(f"{GEO_URL}/v1/geocode", method="GET", params={"address": "Pier 1", "region": "no"})
