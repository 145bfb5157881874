import asyncio
import json
import threading

import httpx
import pytest
import uvicorn
from httpx_sse import aconnect_sse, connect_sse
from websockets.asyncio.client import connect

from ..servers import serve_asgi
from . import stream

BASE = "http://127.0.0.1:47916"


@pytest.fixture(scope="module", autouse=True)
def order_stream_server():
    with serve_asgi(stream.app, 47916):
        yield


@pytest.fixture(autouse=True)
def defaults():
    stream.SETTINGS.update(stall_after_first=0.0, ping=15, warehouse_latency={"picked": 0.0, "packed": 0.0, "shipped": 0.0})
    yield


@pytest.fixture
def client():
    with httpx.Client(base_url=BASE, timeout=httpx.Timeout(2.0, read=0.3)) as client:
        yield client


def statuses(client, path, headers=None):
    with connect_sse(client, "GET", path, headers=dict(headers or {})) as source:
        return [json.loads(sse.data)["status"] for sse in source.iter_sse() if sse.event == "status"]


def test_full_order_history(client):
    assert statuses(client, "/orders/SO-1/events") == ["paid", "picked", "packed", "shipped"]


@pytest.mark.failure(category="2", library="httpx-sse", dist="httpx-sse", shape="chained", cause="sse-stream-stalls-past-read-timeout")
def test_order_history_while_warehouse_sync_runs(client):
    stream.SETTINGS["stall_after_first"] = 1.0
    assert statuses(client, "/orders/SO-2/events") == ["paid", "picked", "packed", "shipped"]


@pytest.mark.failure(category="2", library="sse-starlette", dist="sse-starlette", shape="assert", cause="resume-ignores-last-event-id-duplicates")
def test_resume_after_dropped_connection(client):
    resumed = statuses(client, "/orders/SO-3/events/resume", headers={"Last-Event-ID": "2"})
    assert resumed == ["packed", "shipped"]


@pytest.mark.failure(category="2", library="sse-starlette", dist="sse-starlette", shape="assert", cause="warehouse-stages-streamed-out-of-order")
def test_warehouse_stages_in_sequence(client):
    stream.SETTINGS["warehouse_latency"] = {"picked": 0.1, "packed": 0.05, "shipped": 0.0}
    with connect_sse(client, "GET", "/warehouse/SO-4/events") as source:
        stages = [sse.data for sse in source.iter_sse()]
    assert stages == ["picked", "packed", "shipped"]


@pytest.mark.failure(category="2", library="httpx-sse", dist="httpx-sse", shape="async", cause="keepalive-ping-interval-longer-than-read-timeout")
async def test_dashboard_stream_stays_open_between_updates():
    stream.SETTINGS["stall_after_first"] = 1.0
    stream.SETTINGS["ping"] = 5
    async with httpx.AsyncClient(base_url=BASE, timeout=httpx.Timeout(2.0, read=0.3)) as client:
        async with aconnect_sse(client, "GET", "/orders/SO-5/events") as source:
            seen = [sse.event async for sse in source.aiter_sse()]
    assert seen.count("status") == 4


@pytest.mark.failure(category="other", library="json", dist=None, shape="raised", cause="carrier-event-data-not-json")
def test_carrier_delivery_event(client):
    with connect_sse(client, "GET", "/carrier/SO-6/events") as source:
        event = next(source.iter_sse())
    assert event.json()["status"] == "delivered"


@pytest.mark.failure(category="other", library="httpx-sse", dist="httpx-sse", shape="raised", cause="json-endpoint-not-event-stream")
def test_invoice_events(client):
    with connect_sse(client, "GET", "/invoices/events") as source:
        events = list(source.iter_sse())
    assert events


@pytest.mark.failure(category="2", library="uvicorn", dist="uvicorn", shape="raised", cause="server-shutdown-closes-websocket-1012")
async def test_kiosk_connection_survives_rolling_deploy():
    server = uvicorn.Server(uvicorn.Config(stream.app, host="127.0.0.1", port=47917, log_level="critical", lifespan="off", date_header=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        await asyncio.sleep(0.01)
    async with connect("ws://127.0.0.1:47917/kiosk") as ws:
        await ws.send("SO-7")
        await ws.recv()
        server.should_exit = True  # the deploy drains this instance
        await asyncio.sleep(0.3)
        await ws.send("SO-8")
        reply = json.loads(await ws.recv())
    thread.join(5)
    assert reply["order"] == "SO-8"
