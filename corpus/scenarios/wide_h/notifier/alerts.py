"""On-call alerts pushed to Telegram chats, and a stand-in for the Bot API the tests run against."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from urllib.parse import parse_qs

from telegram import Bot
from telegram.error import RetryAfter

from ..stub_http import serve

BOT_API_PORT = 48002
TOKEN = "123456:TEST-token"
MESSAGES_PER_CHAT = 2
_sent: Counter[str] = Counter()


def _params(body: bytes, headers) -> dict:
    if "json" in (headers.get("Content-Type") or ""):
        return json.loads(body or b"{}")
    return {k: v[0] for k, v in parse_qs(body.decode()).items()}


def _route(method: str, path: str, body: bytes, headers):
    api_method = path.rsplit("/", 1)[-1]
    params = _params(body, headers)
    if api_method == "getMe":
        return 200, {}, {"ok": True, "result": {"id": 123456, "is_bot": True, "first_name": "oncall", "username": "oncall_bot"}}
    if api_method == "sendMessage":
        chat = str(params.get("chat_id"))
        if chat == "-100999":
            return 403, {}, {"ok": False, "error_code": 403, "description": "Forbidden: bot was kicked from the supergroup chat"}
        if chat == "-100404":
            return 400, {}, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
        _sent[chat] += 1
        if _sent[chat] > MESSAGES_PER_CHAT:
            return 429, {}, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 35", "parameters": {"retry_after": 35}}
        return 200, {}, {"ok": True, "result": {"message_id": _sent[chat], "date": 1767225600, "chat": {"id": int(chat), "type": "supergroup"}, "text": params.get("text", "")}}
    return 404, {}, {"ok": False, "error_code": 404, "description": "Not Found"}


def make_bot() -> Bot:
    base = serve(BOT_API_PORT, _route)
    return Bot(TOKEN, base_url=f"{base}/bot")


async def send_alert(bot: Bot, chat_id: int, text: str) -> int:
    message = await bot.send_message(chat_id=chat_id, text=text)
    return message.message_id


async def broadcast(bot: Bot, chat_ids: list[int], text: str) -> list[int]:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(send_alert(bot, chat, text)) for chat in chat_ids]
    return [t.result() for t in tasks]


async def send_alert_patiently(bot: Bot, chat_id: int, text: str) -> int:
    while True:
        try:
            return await send_alert(bot, chat_id, text)
        except RetryAfter as exc:
            await asyncio.sleep(exc.retry_after.total_seconds() if hasattr(exc.retry_after, "total_seconds") else exc.retry_after)
