"""Structured-concurrency code paths (asyncio.TaskGroup, anyio, trio)."""

import asyncio

import anyio
import pytest


@pytest.fixture(params=["asyncio"])
def anyio_backend(request):
    return request.param


class Enricher:
    def __init__(self) -> None:
        self.accounts: dict[int, dict] = {}
        self.invoices: list[dict] = []

    async def load_accounts(self, delay: float) -> None:
        await anyio.sleep(delay)
        self.accounts = {1: {"name": "Acme"}, 2: {"name": "Globex"}}

    async def attach_invoices(self) -> None:
        await anyio.sleep(0)
        for inv in ({"id": 10, "account": 1}, {"id": 11, "account": 2}):
            self.invoices.append({**inv, "account_name": self.accounts[inv["account"]]["name"]})


@pytest.mark.failure(category="5", library="anyio", dist="anyio", shape="async", cause="taskgroup-sibling-ordering")
@pytest.mark.anyio
async def test_invoices_are_enriched_with_account_names():
    enricher = Enricher()
    async with anyio.create_task_group() as tg:
        tg.start_soon(enricher.load_accounts, 0.01)
        tg.start_soon(enricher.attach_invoices)
    assert [i["account_name"] for i in enricher.invoices] == ["Acme", "Globex"]


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="async", cause="taskgroup-sibling-ordering")
@pytest.mark.asyncio
async def test_dashboard_widgets_load_together():
    widgets: dict[str, object] = {}

    async def load_user():
        await asyncio.sleep(0.01)
        widgets["user"] = {"id": 3, "team": "core"}

    async def load_team_stats():
        await asyncio.sleep(0.001)
        widgets["stats"] = {"team": widgets["user"]["team"], "open_prs": 4}

    async with asyncio.TaskGroup() as tg:
        tg.create_task(load_user())
        tg.create_task(load_team_stats())
    assert widgets["stats"]["open_prs"] == 4


@pytest.mark.failure(category="5", library="anyio", dist="anyio", shape="async", cause="stream-receiver-closed-early")
@pytest.mark.anyio
async def test_all_price_ticks_forwarded():
    send, receive = anyio.create_memory_object_stream[dict](max_buffer_size=1)
    forwarded: list[dict] = []

    async def consumer():
        async with receive:
            async for tick in receive:
                forwarded.append(tick)
                if tick["seq"] == 2:
                    break  # consumer thinks the snapshot is complete

    async def producer():
        async with send:
            for seq in range(1, 5):
                await send.send({"seq": seq, "px": 100 + seq})

    async with anyio.create_task_group() as tg:
        tg.start_soon(consumer)
        tg.start_soon(producer)
    assert len(forwarded) == 4


@pytest.mark.failure(category="5", library="anyio", dist="anyio", shape="async", cause="send-on-closed-stream")
@pytest.mark.anyio
async def test_audit_events_flushed_after_shutdown_begins():
    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=10)
    seen: list[str] = []

    async def shutdown():
        await anyio.sleep(0.001)
        await send.aclose()

    async def late_writer():
        await anyio.sleep(0.005)
        await send.send("user.logout")

    async with anyio.create_task_group() as tg:
        tg.start_soon(shutdown)
        tg.start_soon(late_writer)
    async for event in receive:
        seen.append(event)
    assert seen == ["user.logout"]


@pytest.mark.failure(category="5", library="anyio", dist="anyio", shape="raised", cause="send-nowait-consumer-not-started")
@pytest.mark.anyio
async def test_burst_of_webhooks_is_buffered():
    send, receive = anyio.create_memory_object_stream[int](max_buffer_size=2)
    received: list[int] = []

    async def drain():
        async with receive:
            async for item in receive:
                received.append(item)

    async with anyio.create_task_group() as tg:
        tg.start_soon(drain)
        with send:
            for hook_id in range(5):
                send.send_nowait(hook_id)
    assert received == [0, 1, 2, 3, 4]


@pytest.mark.failure(category="5", library="anyio", dist="anyio", shape="chained", cause="fail-after-timeout")
@pytest.mark.anyio
async def test_search_index_refresh_within_sla():
    async def refresh_shard(n: int):
        await anyio.sleep(0.2 if n == 3 else 0.001)

    with anyio.fail_after(0.05):
        async with anyio.create_task_group() as tg:
            for shard in range(4):
                tg.start_soon(refresh_shard, shard)


@pytest.mark.failure(category="5", library="trio", dist="trio", shape="raised", cause="fail-after-timeout")
@pytest.mark.parametrize("anyio_backend", ["trio"])
@pytest.mark.anyio
async def test_ledger_replay_completes(anyio_backend):
    import trio

    lock = trio.Lock()

    async def replay(entries: int):
        async with lock:
            await trio.sleep(0.03 * entries)

    with trio.fail_after(0.05):
        async with trio.open_nursery() as nursery:
            nursery.start_soon(replay, 1)
            nursery.start_soon(replay, 2)


@pytest.mark.failure(category="5", library="trio", dist="trio", shape="async", cause="nursery-sibling-ordering")
@pytest.mark.parametrize("anyio_backend", ["trio"])
@pytest.mark.anyio
async def test_channel_members_notified(anyio_backend):
    import trio

    members: list[str] = []

    async def join(name: str, delay: float):
        await trio.sleep(delay)
        members.append(name)

    async def announce():
        await trio.sleep(0.001)
        owner = members[0]
        return f"{owner} opened the channel"

    async with trio.open_nursery() as nursery:
        nursery.start_soon(join, "ada", 0.01)
        nursery.start_soon(announce)


@pytest.mark.failure(category="5", library="trio", dist="trio", shape="raised", cause="resource-busy-concurrent-use")
@pytest.mark.parametrize("anyio_backend", ["trio"])
@pytest.mark.anyio
async def test_concurrent_receivers_share_stream(anyio_backend):
    import trio

    import trio.testing

    left, right = trio.testing.memory_stream_pair()
    chunks: list[bytes] = []

    async def reader():
        chunks.append(await right.receive_some(1024))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(reader)
        nursery.start_soon(reader)
        await trio.sleep(0.001)
        await left.send_all(b"hello")
        await left.send_all(b"world")
