"""Fleet telemetry stream (Falcon ASGI WebSockets): dispatchers watch a vehicle's position frames live."""

from __future__ import annotations

import asyncio

import falcon
import falcon.asgi

VEHICLES = {"van-7": {"depot": "leeds"}, "van-9": {"depot": "york"}}


class Settings:
    registry_latency = 0.0  # the fleet registry that authorises each watcher
    frame_interval = 0.01
    frame_jitter = (0.0,)
    frames = 3
    gps_fix_interval = 2.0  # vans report a fix every couple of seconds


SETTINGS = Settings()


class VehicleStream:
    async def on_websocket(self, req: falcon.asgi.Request, ws: falcon.asgi.WebSocket, vehicle: str) -> None:
        if vehicle not in VEHICLES:
            raise falcon.HTTPNotFound(title=f"unknown vehicle {vehicle}")
        await asyncio.sleep(SETTINGS.registry_latency)
        await ws.accept()
        while True:
            cmd = await ws.receive_media()
            if cmd["op"] == "watch":
                await ws.send_media({"op": "watching", "vehicle": vehicle, **VEHICLES[vehicle]})
                await asyncio.gather(*(self._frame(ws, vehicle, seq) for seq in range(SETTINGS.frames)))
            elif cmd["op"] == "follow":
                # live mode: frames until the dispatcher stops watching
                seq = 0
                while True:
                    await ws.send_media({"op": "frame", "vehicle": vehicle, "seq": seq})
                    await asyncio.sleep(SETTINGS.gps_fix_interval)
                    seq += 1

    async def _frame(self, ws: falcon.asgi.WebSocket, vehicle: str, seq: int) -> None:
        await asyncio.sleep(SETTINGS.frame_interval * (seq + 1) + SETTINGS.frame_jitter[seq % len(SETTINGS.frame_jitter)])
        await ws.send_media({"op": "frame", "vehicle": vehicle, "seq": seq, "lat": 53.8 + seq / 1000})


app = falcon.asgi.App()
app.add_route("/vehicles/{vehicle}/stream", VehicleStream())
