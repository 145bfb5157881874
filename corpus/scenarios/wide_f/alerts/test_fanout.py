import asyncio

import pytest
from redis import asyncio as aioredis

from ..conftest import REDIS_HOST, REDIS_PORT
from . import fanout
from .fanout import Gateway


@pytest.fixture
async def redis():
    client = aioredis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=4, decode_responses=True)
    yield client
    await client.aclose()


async def test_subscribed_gateway_gets_alert(redis):
    gw = Gateway(redis, "push")
    await gw.start()
    await asyncio.sleep(0.1)
    await fanout.publish_drop(redis, "TV-55", 399.0)
    await asyncio.sleep(0.1)
    await gw.stop()
    assert gw.received == [{"sku": "TV-55", "price": 399.0}]


@pytest.mark.failure(category="2", library="redis", dist="redis", shape="assert", cause="published-before-gateway-subscription-active")
async def test_alert_published_right_after_deploy(redis):
    gateways = [Gateway(redis, "push"), Gateway(redis, "email")]
    for gw in gateways:
        await gw.start()
    receivers = await fanout.publish_drop(redis, "TV-65", 549.0)
    await asyncio.sleep(0.1)
    for gw in gateways:
        await gw.stop()
    assert receivers == 2


@pytest.mark.failure(category="2", library="redis", dist="redis", shape="assert", cause="slow-gateway-misses-delivery-window")
async def test_all_gateways_deliver_within_sla(redis):
    fast, slow = Gateway(redis, "push"), Gateway(redis, "sms", handle_delay=0.3)
    await fast.start()
    await slow.start()
    await asyncio.sleep(0.1)
    for n in range(3):
        await fanout.publish_drop(redis, f"HP-{n}", 19.0 + n)
    await asyncio.sleep(0.25)
    delivered = {gw.name: len(gw.received) for gw in (fast, slow)}
    await fast.stop()
    await slow.stop()
    assert delivered == {"push": 3, "sms": 3}


@pytest.mark.failure(category="2", library="redis", dist="redis", shape="assert", cause="pubsub-get-message-timeout-before-delivery")
async def test_flash_sale_alert_within_budget(redis):
    pubsub = redis.pubsub()
    await pubsub.subscribe(fanout.CHANNEL)

    async def pricing_job():
        await asyncio.sleep(0.2)  # repricing batch commits before the alert is published
        await fanout.publish_drop(redis, "CAM-1", 249.0)

    job = asyncio.create_task(pricing_job())
    alert = await fanout.next_alert(pubsub, within=0.1)
    await job
    await pubsub.aclose()
    assert alert == {"sku": "CAM-1", "price": 249.0}


@pytest.mark.failure(category="other", library="redis", dist="redis", shape="raised", cause="publish-dict-not-serialised-dataerror")
async def test_bundle_alert_payload(redis):
    await redis.publish(fanout.CHANNEL, {"bundle": ["TV-55", "SB-2"], "price": 599.0})
