"""Client SDK of the price feed used by the web backend and the workers."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import websocket as wsclient
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosedError


class FeedError(Exception):
    pass


class SubscriptionTimeout(FeedError):
    pass


class FeedDisconnected(FeedError):
    pass


class PriceFeedClient:
    def __init__(self, url: str, ack_timeout: float = 0.1) -> None:
        self.url = url
        self.ack_timeout = ack_timeout
        self.ws = None

    async def __aenter__(self) -> "PriceFeedClient":
        self.ws = await connect(self.url, close_timeout=0.1)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def subscribe(self, symbols: list[str]) -> dict:
        await self.ws.send(json.dumps({"action": "subscribe", "symbols": symbols}))
        try:
            return json.loads(await asyncio.wait_for(self.ws.recv(), self.ack_timeout))
        except TimeoutError as exc:
            raise SubscriptionTimeout(f"no ACK for {symbols} within {self.ack_timeout}s") from exc

    async def next_price(self) -> dict:
        try:
            return json.loads(await self.ws.recv())
        except ConnectionClosedError as exc:
            raise FeedDisconnected(f"price feed {self.url} dropped the connection") from exc


async def fetch_orderbook_snapshot(url: str, symbol: str, timeout: float = 0.1) -> dict:
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as ws:
        await ws.send_json({"action": "subscribe", "symbol": symbol})
        try:
            return await ws.receive_json(timeout=timeout)
        except asyncio.TimeoutError as exc:
            raise SubscriptionTimeout(f"order-book snapshot for {symbol} not received in {timeout}s") from exc


def latest_rate(url: str, pair: str, timeout: float = 0.1) -> dict:
    ws = wsclient.create_connection(url, timeout=timeout)
    try:
        ws.send(json.dumps({"action": "subscribe", "symbols": [pair]}))
        ws.recv()
        return json.loads(ws.recv())
    except wsclient.WebSocketTimeoutException as exc:
        raise SubscriptionTimeout(f"no {pair} rate within {timeout}s") from exc
    finally:
        ws.close()
