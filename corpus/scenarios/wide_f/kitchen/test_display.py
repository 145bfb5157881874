import asyncio
import json
import time

import pytest
import websocket
from websockets.asyncio.client import connect

from ..servers import serve_asgi
from . import display


@pytest.fixture(scope="module")
def screens_server():
    with serve_asgi(display.app, 47920, ws="websockets", ws_ping_interval=0.1, ws_ping_timeout=0.1) as addr:
        yield addr


@pytest.fixture(scope="module")
def small_server():
    with serve_asgi(display.app, 47921, ws="websockets") as addr:
        yield addr


@pytest.fixture(autouse=True)
def defaults():
    display.SETTINGS.update(ticket_delay=0.0, idle_close=5.0, max_screens=4)
    display.CONNECTED.clear()
    yield


def test_grill_station_gets_ticket(screens_server):
    ws = websocket.create_connection(f"ws://{screens_server}/stations/grill", timeout=1)
    try:
        ws.recv()
        ws.send(json.dumps({"type": "next_ticket"}))
        assert json.loads(ws.recv())["order"] == "T-14"
    finally:
        ws.close()


@pytest.mark.failure(category="2", library="uvicorn", dist="uvicorn", shape="raised", cause="server-keepalive-ping-timeout-client-busy")
async def test_screen_survives_menu_reload(screens_server):
    async with connect(f"ws://{screens_server}/stations/fryer", ping_interval=None) as ws:
        await ws.recv()
        time.sleep(0.5)  # the screen re-renders the menu synchronously
        await asyncio.sleep(0.1)
        await ws.send(json.dumps({"type": "next_ticket"}))
        ticket = json.loads(await ws.recv())
    assert ticket["type"] == "ticket"


@pytest.mark.failure(category="2", library="websocket-client", dist="websocket-client", shape="raised", cause="recv-timeout-ticket-push-delayed")
def test_ticket_arrives_during_rush(small_server):
    display.SETTINGS["ticket_delay"] = 0.6
    ws = websocket.create_connection(f"ws://{small_server}/stations/salad", timeout=0.25)
    try:
        ws.recv()
        ws.send(json.dumps({"type": "next_ticket"}))
        ticket = json.loads(ws.recv())
    finally:
        ws.close()
    assert ticket["items"] == ["burger", "fries"]


@pytest.mark.failure(category="2", library="websocket-client", dist="websocket-client", shape="assert", cause="server-idle-close-frame-instead-of-reply")
def test_bump_after_long_prep(screens_server):
    display.SETTINGS["idle_close"] = 0.1
    ws = websocket.create_connection(f"ws://{screens_server}/stations/pastry", timeout=1)
    try:
        ws.recv()
        time.sleep(0.3)  # the chef plates the order before bumping it
        ws.send(json.dumps({"type": "bump", "order": "T-9"}))
        opcode, data = ws.recv_data()
    finally:
        ws.close()
    assert opcode == websocket.ABNF.OPCODE_TEXT, data


@pytest.mark.failure(category="2", library="websocket-client", dist="websocket-client", shape="raised", cause="screen-limit-close-then-send")
def test_three_screens_on_small_kitchen_server(small_server):
    display.SETTINGS["max_screens"] = 2
    sockets = [websocket.create_connection(f"ws://{small_server}/stations/{s}", timeout=1) for s in ("grill", "fryer", "expo")]
    try:
        for ws in sockets:
            ws.recv()
            ws.send(json.dumps({"type": "next_ticket"}))
            assert json.loads(ws.recv())["type"] == "ticket"
    finally:
        for ws in sockets:
            ws.close()
