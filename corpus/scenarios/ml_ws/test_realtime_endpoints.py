"""Real-time endpoints through Starlette's TestClient (FastAPI alerts/portfolio, Starlette ticker)."""

from __future__ import annotations

import asyncio
import time

import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from ml_ws.wsapp import alerts_api, ticker_app
from ml_ws.wsapp.alerts_api import Broker


DEFAULT_STATE = {"warming_up": False, "ack_first": True, "max_sessions": 100, "sessions": 0, "push_timeout": 0.05}


@pytest.fixture
def api():
    state = alerts_api.app.state
    for key, value in DEFAULT_STATE.items():
        setattr(state, key, value)
    state.broker = Broker()
    with TestClient(alerts_api.app) as client:
        yield client


@pytest.fixture
def ticker(monkeypatch):
    monkeypatch.setattr(ticker_app.TickerEndpoint, "settings", dict(ticker_app.TickerEndpoint.settings))
    with TestClient(ticker_app.app) as client:
        yield client


@pytest.mark.failure(category="2", library="fastapi", shape="raised", cause="ws-policy-violation-1008")
def test_alert_subscription(api):
    with api.websocket_connect("/ws/alerts?token=expired-token") as ws:
        ws.send_json({"symbol": "AAPL"})
        assert ws.receive_json()["type"] == "subscribed"


@pytest.mark.failure(category="2", library="fastapi", shape="setup", cause="ws-policy-violation-1008")
class TestAlertStream:
    @pytest.fixture
    def ws(self, api):
        with api.websocket_connect("/ws/alerts") as ws:  # the token query parameter was dropped
            yield ws

    def test_alert_threshold(self, ws):
        ws.send_json({"symbol": "AAPL"})
        ws.receive_json()
        assert ws.receive_json()["above"] == 120.0


@pytest.mark.failure(category="2", library="fastapi", shape="raised", cause="server-closed-early")
def test_alert_stream_keeps_sending(api):
    with api.websocket_connect("/ws/alerts?token=valid-token") as ws:
        ws.send_json({"symbol": "AAPL"})
        messages = [ws.receive_json() for _ in range(3)]
    assert messages[-1]["type"] == "alert"


@pytest.mark.failure(category="2", library="fastapi", shape="raised", cause="broker-push-timeout")
def test_portfolio_update_pushed(api):
    alerts_api.app.state.broker.delay = 0.1  # pub/sub fan-out lags behind
    with api.websocket_connect("/ws/portfolio") as ws:
        ws.send_json({"portfolio": "growth"})
        assert ws.receive_json()["type"] == "subscribed"
        asyncio.run(asyncio.sleep(0))
        update = ws.receive_json()
    assert update["type"] == "update"


@pytest.mark.failure(category="2", library="fastapi", shape="assert", cause="ack-after-data")
def test_portfolio_ack_first(api):
    alerts_api.app.state.ack_first = False
    alerts_api.app.state.broker.queue.put_nowait({"value": 1_050_000.0})
    with api.websocket_connect("/ws/portfolio") as ws:
        ws.send_json({"portfolio": "growth"})
        first = ws.receive_json()
        ws.send_text("bye")
    assert first == {"type": "subscribed", "portfolio": "growth"}


@pytest.mark.failure(category="2", library="fastapi", shape="raised", cause="ws-connection-limit")
def test_portfolio_sessions_for_all_tabs(api):
    alerts_api.app.state.max_sessions = 2
    alerts_api.app.state.sessions = 2  # two tabs of the same user already open
    with api.websocket_connect("/ws/portfolio") as ws:
        ws.send_json({"portfolio": "income"})
        assert ws.receive_json()["type"] == "subscribed"


@pytest.mark.failure(category="2", library="starlette", shape="raised", cause="handshake-denied-503")
def test_portfolio_during_warmup(api):
    alerts_api.app.state.warming_up = True
    with api.websocket_connect("/ws/portfolio") as ws:
        ws.send_json({"portfolio": "growth"})


@pytest.mark.failure(category="2", library="starlette", shape="raised", cause="session-expired-1001")
def test_ticker_long_session(ticker):
    ticker_app.TickerEndpoint.settings["session_ttl"] = 0.05
    with ticker.websocket_connect("/ws/ticker") as ws:
        time.sleep(0.2)  # dashboard idles between refreshes
        ws.send_json({"symbols": ["AAPL"]})
        assert ws.receive_json()["symbol"] == "AAPL"


@pytest.mark.failure(category="2", library="starlette", shape="raised", cause="message-too-big")
def test_ticker_watchlist_subscription(ticker):
    with ticker.websocket_connect("/ws/ticker") as ws:
        ws.send_json({"symbols": [f"SYM{i}" for i in range(25)]})
        ticks = [ws.receive_json() for _ in range(25)]
    assert len(ticks) == 25


@pytest.mark.failure(category="2", library="starlette", shape="assert", cause="slow-subscription-ack")
def test_ticker_first_tick_latency(ticker):
    ticker_app.TickerEndpoint.settings["tick_delay"] = 0.3
    with ticker.websocket_connect("/ws/ticker") as ws:
        t0 = time.perf_counter()
        ws.send_json({"symbols": ["AAPL", "MSFT"]})
        ws.receive_json()
        elapsed = time.perf_counter() - t0
    assert elapsed < 0.15, f"first tick after {elapsed:.2f}s"


@pytest.mark.failure(category="2", library="starlette", shape="timeout", cause="recv-without-timeout")
@pytest.mark.timeout(1.5)
def test_ticker_pushes_quotes(ticker):
    ticker_app.TickerEndpoint.settings["silent"] = True
    with ticker.websocket_connect("/ws/ticker") as ws:
        ws.send_json({"symbols": ["AAPL"]})
        tick = ws.receive_json()
    assert tick["symbol"] == "AAPL"
