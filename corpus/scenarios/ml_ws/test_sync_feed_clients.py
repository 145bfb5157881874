"""Blocking feed clients used by the reporting workers: websocket-client, simple-websocket, wsproto, websockets.sync."""

from __future__ import annotations

import json
import socket
import time

import pytest
import simple_websocket
import websocket  # websocket-client
from websockets.sync.client import connect as sync_connect
from wsproto import ConnectionType, WSConnection
from wsproto.events import AcceptConnection, CloseConnection, RejectConnection, Request, TextMessage

from ml_ws.wsapp.price_feed import FeedSettings, ThreadedFeed

SUBSCRIBE = json.dumps({"action": "subscribe", "symbols": ["EURUSD"], "id": 9})


@pytest.fixture
def feed(request):
    marker = request.node.get_closest_marker("feed")
    server = ThreadedFeed(FeedSettings(**(marker.kwargs if marker else {}))).start()
    yield server
    server.stop()


# --- websocket-client ---------------------------------------------------------------------------------------------


@pytest.mark.failure(category="2", library="websocket-client", shape="raised", cause="subscription-ack-timeout")
@pytest.mark.feed(ack_delay=0.5)
def test_fx_rates_subscription(feed):
    ws = websocket.create_connection(feed.url, timeout=0.1)
    try:
        ws.send(SUBSCRIBE)
        ack = json.loads(ws.recv())
    finally:
        ws.close()
    assert ack["type"] == "subscribed"


@pytest.mark.failure(category="2", library="websocket-client", shape="raised", cause="handshake-rejected-403")
@pytest.mark.feed(require_token="rpt-2024")
def test_report_worker_connects(feed):
    ws = websocket.create_connection(feed.url + "?token=rpt-2023", timeout=1)
    ws.close()


@pytest.mark.failure(category="2", library="websocket-client", shape="raised", cause="server-closed-early")
@pytest.mark.feed(ticks=2)
def test_fx_end_of_day_snapshot(feed):
    ws = websocket.create_connection(feed.url, timeout=1)
    ws.send(SUBSCRIBE)
    ws.recv()
    rates = [json.loads(ws.recv()) for _ in range(2)]
    time.sleep(0.05)
    ws.send(json.dumps({"action": "snapshot"}))  # the feed already ended the session
    ws.send(json.dumps({"action": "snapshot"}))
    rates.append(json.loads(ws.recv()))
    assert len(rates) == 3


@pytest.mark.failure(category="2", library="websocket-client", shape="raised", cause="reconnect-refused")
def test_report_worker_reconnect(feed):
    url = feed.url
    feed.stop()  # rolling restart of the feed
    ws = websocket.create_connection(url, timeout=0.2)
    ws.close()


@pytest.mark.failure(category="2", library="websocket-client", shape="assert", cause="slow-subscription-ack")
@pytest.mark.feed(ack_delay=0.25)
def test_fx_ack_latency(feed):
    ws = websocket.create_connection(feed.url, timeout=2)
    t0 = time.perf_counter()
    ws.send(SUBSCRIBE)
    ws.recv()
    ack_ms = (time.perf_counter() - t0) * 1000
    ws.close()
    assert ack_ms < 100, f"ACK after {ack_ms:.0f} ms"


# --- websockets.sync ----------------------------------------------------------------------------------------------


@pytest.mark.failure(category="2", library="websockets", shape="raised", cause="recv-timeout")
@pytest.mark.feed(first_tick_delay=0.5)
def test_sync_client_first_rate(feed):
    with sync_connect(feed.url) as ws:
        ws.send(SUBSCRIBE)
        ws.recv(timeout=1)
        rate = json.loads(ws.recv(timeout=0.1))
    assert rate["symbol"] == "EURUSD"


# --- simple-websocket ---------------------------------------------------------------------------------------------


@pytest.mark.failure(category="2", library="simple-websocket", shape="assert", cause="subscription-ack-timeout")
@pytest.mark.feed(ack_delay=0.4)
def test_simple_client_ack(feed):
    ws = simple_websocket.Client.connect(feed.url)
    try:
        ws.send(SUBSCRIBE)
        ack = ws.receive(timeout=0.1)
    finally:
        ws.close()
    assert ack is not None, "no subscription ACK within 100 ms"


@pytest.mark.failure(category="2", library="simple-websocket", shape="raised", cause="server-closed-1011")
@pytest.mark.feed(ticks=1, close_code=1011, close_reason="rate source down")
def test_simple_client_stream(feed):
    ws = simple_websocket.Client.connect(feed.url)
    ws.send(SUBSCRIBE)
    updates = [ws.receive(timeout=1) for _ in range(4)]
    assert all(updates)


@pytest.mark.failure(category="2", library="simple-websocket", shape="raised", cause="handshake-rejected-404")
def test_simple_client_legacy_path(feed):
    ws = simple_websocket.Client.connect(f"ws://127.0.0.1:{feed.port}/stream/prices")
    ws.close()


# --- wsproto (sans-IO client over a plain socket) -----------------------------------------------------------------


class WsprotoFeedClient:
    def __init__(self, port: int, path: str = "/prices", timeout: float = 1.0) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.conn = WSConnection(ConnectionType.CLIENT)
        self.sock.sendall(self.conn.send(Request(host=f"127.0.0.1:{port}", target=path)))
        self.handshake = self.next_event()

    def next_event(self):
        while True:
            for event in self.conn.events():
                return event
            data = self.sock.recv(65536)
            self.conn.receive_data(data or None)

    def send_text(self, text: str) -> None:
        self.sock.sendall(self.conn.send(TextMessage(data=text)))

    def close(self) -> None:
        self.sock.close()


@pytest.mark.failure(category="2", library="wsproto", shape="raised", cause="subscription-ack-timeout")
@pytest.mark.feed(ack_delay=0.5)
def test_wsproto_client_ack(feed):
    client = WsprotoFeedClient(feed.port, timeout=0.1)
    try:
        assert isinstance(client.handshake, AcceptConnection)
        client.send_text(SUBSCRIBE)
        event = client.next_event()
    finally:
        client.close()
    assert isinstance(event, TextMessage)


@pytest.mark.failure(category="2", library="wsproto", shape="assert", cause="handshake-rejected-503")
@pytest.mark.feed(max_clients=0)
def test_wsproto_client_handshake(feed):
    client = WsprotoFeedClient(feed.port)
    client.close()
    assert isinstance(client.handshake, AcceptConnection), f"handshake: {client.handshake!r}"


@pytest.mark.failure(category="2", library="wsproto", shape="assert", cause="closed-instead-of-text")
@pytest.mark.feed(ticks=0, close_code=1013, close_reason="feed overloaded, retry later")
def test_wsproto_client_receives_ack_then_rate(feed):
    client = WsprotoFeedClient(feed.port)
    client.send_text(SUBSCRIBE)
    ack = client.next_event()
    rate = client.next_event()
    client.close()
    assert isinstance(ack, TextMessage)
    assert isinstance(rate, TextMessage), f"expected a rate, got {rate!r}"


@pytest.mark.failure(category="2", library="wsproto", shape="raised", cause="send-after-close")
@pytest.mark.feed(ticks=0, close_code=1001, close_reason="going away")
def test_wsproto_client_resubscribe(feed):
    client = WsprotoFeedClient(feed.port)
    client.send_text(SUBSCRIBE)
    client.next_event()
    event = client.next_event()
    if isinstance(event, CloseConnection):
        client.sock.sendall(client.conn.send(event.response()))
    client.send_text(SUBSCRIBE)  # resubscribe on the same connection
