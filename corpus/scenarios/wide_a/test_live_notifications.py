"""Live order notifications over Socket.IO, HTTP-upgraded websockets (httpx-ws) and the trio ticker client."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time

import httpx
import pytest
import socketio
import trio
import trio_websocket
from httpx_ws import aconnect_ws

from wide_a.realtime.feeds import LiveServer, gateway
from wide_a.realtime.notifications import app as notifications_app

sio_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="2", library="python-socketio", shape=shape, cause=cause
)
httpxws_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="2", library="httpx-ws", shape=shape, cause=cause
)
trio_ws_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="2", library="trio-websocket", shape=shape, cause=cause
)
socket_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="2", library="socket", dist=None, shape=shape, cause=cause
)


@pytest.fixture
def notifications_server():
    with LiveServer(notifications_app) as srv:
        yield f"http://127.0.0.1:{srv.port}"


@pytest.fixture
def gateway_server():
    with LiveServer(gateway) as srv:
        yield srv


# ------------------------------------------------------------------ python-socketio
@pytest.mark.asyncio
async def test_customer_connects_with_token(notifications_server):
    client = socketio.AsyncClient()
    await client.connect(notifications_server, auth={"token": "valid"}, transports=["websocket"])
    assert client.connected
    await client.disconnect()


@sio_failure("async", "connection-refused-by-server")
@pytest.mark.asyncio
async def test_guest_receives_order_updates(notifications_server):
    client = socketio.AsyncClient()
    await client.connect(notifications_server, auth={"token": "guest"}, transports=["websocket"])
    await client.disconnect()


@sio_failure("async", "ack-timeout")
@pytest.mark.asyncio
async def test_order_status_acknowledged_quickly(notifications_server):
    client = socketio.AsyncClient()
    await client.connect(notifications_server, auth={"token": "valid"}, transports=["websocket"])
    try:
        reply = await client.call("order_status", {"order": 42}, timeout=0.2)
        assert reply["status"] == "shipped"
    finally:
        await client.disconnect()


@sio_failure("async", "connect-wait-timeout")
@pytest.mark.asyncio
async def test_dashboard_connects_during_deploy(notifications_server):
    client = socketio.AsyncClient()
    await client.connect(
        notifications_server,
        auth={"token": "valid", "handshake_delay": 1.0},
        transports=["websocket"],
        wait_timeout=0.3,
    )


@sio_failure("async", "server-unreachable")
@pytest.mark.asyncio
async def test_reconnect_to_notifications_after_restart():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # the server has not come back yet
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(f"http://127.0.0.1:{port}", auth={"token": "valid"}, transports=["websocket"])


@sio_failure("assert", "subscription-ack-latency")
@pytest.mark.asyncio
async def test_subscription_ack_latency(notifications_server):
    client = socketio.AsyncClient()
    acked = asyncio.Event()
    client.on("subscribed", lambda data: acked.set())
    await client.connect(notifications_server, auth={"token": "valid"}, transports=["websocket"])
    try:
        t0 = time.perf_counter()
        await client.emit("subscribe", {"channel": "prices:AAPL"})
        await acked.wait()
        elapsed = time.perf_counter() - t0
    finally:
        await client.disconnect()
    assert elapsed < 0.1, f"subscription acknowledged after {elapsed * 1000:.0f} ms"


@sio_failure("raised", "emit-on-unconnected-namespace")
@pytest.mark.asyncio
async def test_admin_namespace_broadcast(notifications_server):
    client = socketio.AsyncClient()
    await client.connect(notifications_server, auth={"token": "valid"}, transports=["websocket"])
    try:
        await client.emit("announce", {"text": "maintenance at 22:00"}, namespace="/admin")
    finally:
        await client.disconnect()


# ------------------------------------------------------------------ httpx-ws
@httpxws_failure("async", "handshake-rejected")
@pytest.mark.asyncio
async def test_order_stream_with_expired_token(gateway_server):
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{gateway_server.port}") as http:
        async with aconnect_ws("/private/orders", http, headers={"Authorization": "Bearer expired"}) as ws:
            await ws.send_text("subscribe")


@httpxws_failure("async", "server-error-network-error")
@pytest.mark.asyncio
async def test_watchlist_quotes_via_http_client(gateway_server):
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{gateway_server.port}") as http:
        async with aconnect_ws("/quotes", http) as ws:
            await ws.send_text(json.dumps({"symbols": ["MSFT", "TSLA"]}))
            quotes = json.loads(await ws.receive_text())
    assert "TSLA" in quotes


@httpxws_failure("async", "recv-timeout")
@pytest.mark.asyncio
async def test_first_tick_via_http_client(gateway_server):
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{gateway_server.port}") as http:
        async with aconnect_ws("/ticks", http) as ws:
            tick = await ws.receive_text(timeout=0.15)
    assert json.loads(tick)["seq"] == 1


# ------------------------------------------------------------------ trio-websocket
@trio_ws_failure("raised", "handshake-rejected")
def test_trio_ticker_private_stream(gateway_server):
    async def main():
        async with trio_websocket.open_websocket_url(gateway_server.url + "/private/orders") as ws:
            await ws.send_message("subscribe")

    trio.run(main)


@trio_ws_failure("raised", "server-error-abnormal-close-1006")
def test_trio_ticker_watchlist(gateway_server):
    async def main():
        async with trio_websocket.open_websocket_url(gateway_server.url + "/quotes") as ws:
            await ws.send_message(json.dumps({"symbols": ["AAPL", "AMZN"]}))
            return json.loads(await ws.get_message())

    assert "AMZN" in trio.run(main)


@trio_ws_failure("raised", "recv-timeout")
def test_trio_ticker_first_tick(gateway_server):
    async def main():
        async with trio_websocket.open_websocket_url(gateway_server.url + "/ticks") as ws:
            with trio.fail_after(0.15):
                return json.loads(await ws.get_message())

    assert trio.run(main)["seq"] == 1


# ------------------------------------------------------------------ raw TCP quote feed
class QuoteFeedServer:
    """The legacy line-based quote feed: sends a banner and then drops slow clients with a RST."""

    def __init__(self, mode):
        self.mode = mode
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        conn, _ = self.sock.accept()
        if self.mode == "reset":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            conn.close()
        elif self.mode == "close":
            conn.close()
        elif self.mode == "silent":
            time.sleep(2)
            conn.close()

    def close(self):
        self.sock.close()


@socket_failure("raised", "connection-reset-by-peer")
def test_quote_feed_banner():
    srv = QuoteFeedServer("reset")
    try:
        with socket.create_connection(("127.0.0.1", srv.port)) as c:
            time.sleep(0.1)
            assert c.recv(1024).startswith(b"QUOTES")
    finally:
        srv.close()


@socket_failure("raised", "broken-pipe")
def test_quote_feed_subscription_after_idle():
    srv = QuoteFeedServer("close")
    try:
        with socket.create_connection(("127.0.0.1", srv.port)) as c:
            time.sleep(0.1)
            for _ in range(50):
                c.sendall(b"SUB AAPL MSFT NVDA\n" * 100)
                time.sleep(0.01)
    finally:
        srv.close()


@socket_failure("raised", "recv-timeout")
def test_quote_feed_first_quote_within_timeout():
    srv = QuoteFeedServer("silent")
    try:
        with socket.create_connection(("127.0.0.1", srv.port), timeout=0.2) as c:
            c.sendall(b"SUB AAPL\n")
            assert c.recv(1024)
    finally:
        srv.close()
