import pytest

from .channel import HUB_SETTINGS, CourierApp, DispatchHub

PORT = 47830


@pytest.fixture(scope="module")
def hub():
    return DispatchHub(PORT).start()


@pytest.fixture(autouse=True)
def hub_settings():
    HUB_SETTINGS.update(max_couriers=10, assign_latency=0.0, route_cost=0.0, jitter=[0.0])
    return HUB_SETTINGS


@pytest.fixture
async def courier(hub):
    app = await CourierApp().connect(PORT)
    yield app
    await app.close()


async def test_claim_job(courier):
    assert (await courier.request({"op": "claim", "job": "J-1"}))["drop"] == "York"


async def test_batch_offers(courier):
    assert [o["job"] for o in await courier.offers(["J-1", "J-2"])] == ["J-1", "J-2"]


@pytest.mark.failure(category="2", library="python-engineio", dist="python-engineio", shape="async", cause="assignment-slower-than-latency-budget")
async def test_claim_confirmed_quickly(courier, hub_settings):
    hub_settings["assign_latency"] = 0.7
    assigned = await courier.request({"op": "claim", "job": "J-2"})
    assert assigned["pickup"] == "Hull"


@pytest.mark.failure(category="2", library="python-engineio", dist="python-engineio", shape="assert", cause="offers-delivered-out-of-order")
async def test_offers_keep_dispatch_order(courier, hub_settings):
    hub_settings["jitter"] = [0.1, 0.0, 0.0]
    offers = await courier.offers(["J-1", "J-2", "J-1"])
    assert [o["seq"] for o in offers] == [0, 1, 2]


@pytest.mark.failure(category="2", library="python-engineio", dist="python-engineio", shape="async", cause="ping-timeout-during-blocking-handler")
async def test_route_for_long_haul(courier, hub_settings):
    courier.budget = 2.0
    hub_settings["route_cost"] = 0.9
    route = await courier.request({"op": "route"})
    assert route["stops"][-1] == "York"


@pytest.mark.failure(category="2", library="python-engineio", dist="python-engineio", shape="raised", cause="hub-connection-slots-exhausted")
async def test_whole_shift_connects(hub, hub_settings):
    hub_settings["max_couriers"] = 3
    shift = []
    try:
        for _ in range(4):
            shift.append(await CourierApp().connect(PORT, transports=("polling", "websocket")))
    finally:
        for app in shift:
            await app.close()
    assert len(shift) == 4


@pytest.fixture
async def night_shift(hub, hub_settings):
    hub_settings["max_couriers"] = 0
    app = await CourierApp().connect(PORT, transports=("polling",))
    yield app
    await app.close()


@pytest.mark.failure(category="2", library="python-engineio", dist="python-engineio", shape="setup", cause="hub-connection-slots-exhausted")
async def test_night_shift_claims(night_shift):
    assert (await night_shift.request({"op": "claim", "job": "J-1"}))["job"] == "J-1"


@pytest.mark.failure(category="other", library="python-engineio", dist="python-engineio", shape="raised", cause="plain-text-reply-decoded-as-json")
async def test_hub_status(courier):
    assert (await courier.request({"op": "status"})) == {"status": "OK"}
