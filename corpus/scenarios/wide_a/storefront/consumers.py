"""Channels consumers of the storefront: live cart updates and the order-status stream."""

from __future__ import annotations

import asyncio
import json

from channels.generic.websocket import AsyncJsonWebsocketConsumer, AsyncWebsocketConsumer


class CartConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        if not self.scope.get("user_id"):
            await self.close(code=4401)
            return
        await self.accept()

    async def receive_json(self, content, **kwargs):
        if content.get("type") == "add":
            await self.send_json({"type": "cart", "items": [content["sku"]]})


class OrderStatusConsumer(AsyncWebsocketConsumer):
    """Pushes order status changes; the status lookup waits on the fulfilment service."""

    lookup_delay = 0.5

    async def connect(self):
        await self.accept()

    async def receive(self, text_data=None, bytes_data=None):
        msg = json.loads(text_data)
        await asyncio.sleep(self.lookup_delay)
        await self.send(json.dumps({"order": msg["order"], "status": "shipped"}))


class PriceTickerConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()
        await self.send(json.dumps({"type": "hello"}))

    async def receive(self, text_data=None, bytes_data=None):
        msg = json.loads(text_data)
        quote = self.quotes[msg["symbol"]]  # noqa: F841 - quotes are loaded by the market-data mixin
        await self.send(json.dumps({"symbol": msg["symbol"], "price": quote}))
