"""Notification preferences service (aiohttp.web).

On startup a background task warms the template cache; an outbox worker drains queued notifications through a
thread pool (the SMTP library is blocking).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

TEMPLATES = {"order_shipped": "Your order {order} has shipped", "password_reset": "Reset link: {link}"}


async def warm_templates(app: web.Application) -> None:
    await asyncio.sleep(app["warmup_seconds"])
    app["templates"] = dict(TEMPLATES)


async def start_warmup(app: web.Application) -> None:
    app["templates"] = None
    app["warmup"] = asyncio.create_task(warm_templates(app))


async def render(request: web.Request) -> web.Response:
    templates = request.app["templates"]
    if templates is None:
        return web.json_response({"error": "templates not loaded"}, status=503)
    name = request.match_info["name"]
    return web.json_response({"text": templates[name].format(**request.query)})


async def update_preferences(request: web.Request) -> web.Response:
    body = await request.json()
    channels = body.get("channels")
    if not isinstance(channels, list) or not set(channels) <= {"email", "sms", "push"}:
        return web.json_response({"error": "channels must be a subset of email/sms/push"}, status=422)
    return web.json_response({"user": request.match_info["user"], "channels": channels})


def make_app(warmup_seconds: float = 0.0) -> web.Application:
    app = web.Application()
    app["warmup_seconds"] = warmup_seconds
    app.on_startup.append(start_warmup)
    app.router.add_get("/render/{name}", render)
    app.router.add_put("/users/{user}/preferences", update_preferences)
    return app


class Outbox:
    def __init__(self, smtp_send) -> None:
        self.queue: asyncio.Queue = asyncio.Queue()
        self.sent: list[str] = []
        self.smtp_send = smtp_send
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="smtp")
        self.flushed = asyncio.Event()

    async def worker(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            message = await self.queue.get()
            try:
                await loop.run_in_executor(self.pool, self.smtp_send, message)
                self.sent.append(message)
            except OSError:
                continue
            self.queue.task_done()

    async def drain_and_signal(self) -> None:
        await self.queue.join()
        self.flushed.set()
        self.flushed.clear()

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True)
