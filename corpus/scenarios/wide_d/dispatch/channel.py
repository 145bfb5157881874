"""Courier dispatch channel over Engine.IO: the dispatch hub (aiohttp + python-engineio, own thread and loop)
and the courier app's client."""

from __future__ import annotations

import asyncio
import threading
import time

import engineio
from aiohttp import web

HUB_SETTINGS = {"max_couriers": 10, "assign_latency": 0.0, "route_cost": 0.0, "jitter": [0.0]}
JOBS = {"J-1": {"pickup": "Leeds", "drop": "York"}, "J-2": {"pickup": "Hull", "drop": "Selby"}}


class DispatchHub:
    def __init__(self, port: int, ping_interval: float = 0.2, ping_timeout: float = 0.2) -> None:
        self.port = port
        self.eio = engineio.AsyncServer(async_mode="aiohttp", ping_interval=ping_interval, ping_timeout=ping_timeout)
        self.couriers: set[str] = set()
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self.eio.on("connect", self.on_connect)
        self.eio.on("disconnect", self.on_disconnect)
        self.eio.on("message", self.on_message)

    async def on_connect(self, sid, environ):
        if len(self.couriers) >= HUB_SETTINGS["max_couriers"]:
            return False
        self.couriers.add(sid)

    async def on_disconnect(self, sid, reason=None):
        self.couriers.discard(sid)

    async def on_message(self, sid, data):
        msg = data  # Engine.IO decodes JSON payloads
        if msg["op"] == "claim":
            await asyncio.sleep(HUB_SETTINGS["assign_latency"])
            await self.eio.send(sid, {"op": "assigned", "job": msg["job"], **JOBS[msg["job"]]})
        elif msg["op"] == "route":
            time.sleep(HUB_SETTINGS["route_cost"])  # the route optimiser is CPU-bound and synchronous
            await self.eio.send(sid, {"op": "route", "stops": ["Leeds", "Tadcaster", "York"]})
        elif msg["op"] == "batch":
            for i, job in enumerate(msg["jobs"]):
                asyncio.ensure_future(self._offer(sid, i, job))
        elif msg["op"] == "status":
            await self.eio.send(sid, "OK")

    async def _offer(self, sid, i, job):
        await asyncio.sleep(HUB_SETTINGS["jitter"][i % len(HUB_SETTINGS["jitter"])])
        await self.eio.send(sid, {"op": "offer", "seq": i, "job": job})

    def start(self) -> "DispatchHub":
        threading.Thread(target=self._run, daemon=True).start()
        self._ready.wait(5)
        return self

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        self.eio.attach(app)
        runner = web.AppRunner(app)
        self.loop.run_until_complete(runner.setup())
        self.loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port, reuse_address=True).start())
        self._ready.set()
        self.loop.run_forever()


class CourierApp:
    def __init__(self, budget: float = 0.4) -> None:
        self.budget = budget
        self.client = engineio.AsyncClient(request_timeout=2)
        self.inbox: asyncio.Queue = asyncio.Queue()
        self.dropped: asyncio.Future | None = None
        self.client.on("message", self._on_message)
        self.client.on("disconnect", self._on_disconnect)

    def __repr__(self) -> str:
        return f"CourierApp(budget={self.budget})"

    async def _on_message(self, data):
        await self.inbox.put(data)

    async def _on_disconnect(self, reason=None):
        if self.dropped is not None and not self.dropped.done():
            self.dropped.set_result(reason)

    async def connect(self, port: int, transports=("websocket",)) -> "CourierApp":
        self.dropped = asyncio.get_running_loop().create_future()
        await self.client.connect(f"http://127.0.0.1:{port}", transports=list(transports))
        return self

    async def _next(self) -> dict:
        getter = asyncio.ensure_future(self.inbox.get())
        done, _ = await asyncio.wait({getter, self.dropped}, timeout=self.budget, return_when=asyncio.FIRST_COMPLETED)
        if getter in done:
            return getter.result()
        getter.cancel()
        if self.dropped.done():
            raise ConnectionError(f"dispatch channel dropped: {self.dropped.result()}")
        raise TimeoutError(f"no message from the dispatch hub within {self.budget}s")

    async def request(self, msg: dict) -> dict:
        await self.client.send(msg)
        reply = await self._next()
        if reply.get("op") == "error":
            raise RuntimeError(reply["reason"])
        return reply

    async def offers(self, jobs: list[str]) -> list[dict]:
        await self.client.send({"op": "batch", "jobs": jobs})
        return [await self._next() for _ in jobs]

    async def close(self) -> None:
        await self.client.disconnect()
