import pytest

from .points_api import BALANCES, PointsClient, create_app


@pytest.fixture
async def gold_member(aiohttp_client):
    return PointsClient(await aiohttp_client(create_app(), server_kwargs={"port": 47814}), "m-100")


@pytest.fixture
async def new_member(aiohttp_client):
    return PointsClient(await aiohttp_client(create_app(), server_kwargs={"port": 47814}), "m-200")


async def test_gold_balance(gold_member):
    assert await gold_member.balance() == 1200


async def test_new_member_balance(new_member):
    assert await new_member.balance() == 40


@pytest.mark.failure(category="7", library="aiohttp-ratelimiter", dist="aiohttp-ratelimiter", shape="async", cause="module-limiter-storage-shared-across-tests")
async def test_balance_after_checkout_refresh(gold_member):
    before = await gold_member.balance()
    after = await gold_member.balance()
    assert before == after


@pytest.mark.failure(category="7", library="aiohttp-ratelimiter", dist="aiohttp-ratelimiter", shape="assert", cause="module-limiter-storage-shared-across-tests")
async def test_balance_endpoint_status(gold_member):
    resp = await gold_member.client.get("/points/m-100", headers={"X-Member": "m-100"})
    status = resp.status
    assert status == 200, await resp.text()


@pytest.mark.failure(category="other", library="aiohttp-ratelimiter", dist="aiohttp-ratelimiter", shape="raised", cause="expected-quota-header-not-sent")
async def test_balance_response_advertises_quota(new_member):
    resp = await new_member.client.get("/points/m-200", headers={"X-Member": "m-200"})
    assert int(resp.headers["X-RateLimit-Limit"]) == 2


async def test_redeem_reduces_balance(new_member):
    assert await new_member.redeem(10) == 30


@pytest.mark.failure(category="7", library="aiohttp-ratelimiter", dist="aiohttp-ratelimiter", shape="async", cause="redeem-limit-hit-by-split-redemption")
async def test_split_redemption(new_member):
    for chunk in (5, 5):
        await new_member.redeem(chunk)
    assert BALANCES["m-200"] == 20


@pytest.mark.failure(category="other", library="aiohttp", dist="aiohttp", shape="async", cause="unknown-member-500")
async def test_guest_balance(aiohttp_client):
    guest = PointsClient(await aiohttp_client(create_app(), server_kwargs={"port": 47814}), "guest")
    assert await guest.balance() == 0
