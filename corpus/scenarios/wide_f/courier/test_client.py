import asyncio
import threading
from unittest.mock import AsyncMock, MagicMock, call

import aiohttp
import pytest
from aiohttp import web

from . import client
from .client import Notifier, Tracker

PARCELS = {"JD014600": "in_transit", "JD014601": "delivered", "JD014602": "out_for_delivery"}


async def parcel(request):
    await asyncio.sleep(0.02 if request.match_info["code"].endswith("0") else 0)
    code = request.match_info["code"]
    if code not in PARCELS:
        raise web.HTTPNotFound(text="unknown parcel")
    return web.json_response({"parcel": code, "status": PARCELS[code]})


async def label(request):
    return web.Response(text="<html><body>label service maintenance</body></html>", content_type="text/html")


async def frozen_date(request, response):
    # the carrier stub answers with a fixed clock so recorded responses compare equal
    response.headers["Date"] = "Mon, 02 Mar 2026 09:00:00 GMT"


@pytest.fixture(scope="module", autouse=True)
def carrier_api():
    app = web.Application()
    app.on_response_prepare.append(frozen_date)
    app.router.add_get("/parcels/{code}", parcel)
    app.router.add_get("/labels/{code}", label)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", 47901).start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(5)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


@pytest.fixture
async def session():
    async with aiohttp.ClientSession(client.BASE_URL) as session:
        yield session


async def test_track_in_transit():
    assert (await client.track("JD014600"))["status"] == "in_transit"


@pytest.mark.failure(category="5", library="aiohttp", dist="aiohttp", shape="raised", cause="shared-clientsession-from-closed-loop")
async def test_track_delivered():
    assert (await client.track("JD014601"))["status"] == "delivered"


@pytest.mark.failure(category="5", library="aiohttp", dist="aiohttp", shape="async", cause="session-closed-while-poller-running")
async def test_tracker_keeps_polling_after_shutdown():
    async with aiohttp.ClientSession(client.BASE_URL) as session:
        tracker = Tracker(session, interval=0.01)
        tracker.start(["JD014602"])
        await asyncio.sleep(0.03)
    await asyncio.sleep(0.05)
    await tracker.task
    assert tracker.latest["JD014602"] == "out_for_delivery"


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="asyncmock-side-effect-consumed-out-of-order")
async def test_delivery_notifications_get_receipts_in_order():
    sms = MagicMock()
    sms.send = AsyncMock(side_effect=["rcpt-1", "rcpt-2", "rcpt-3"])
    receipts = await Notifier(sms).notify_all(
        [("JD014600", "+44 7700 900001"), ("P1", "+44 7700 900002"), ("JD0146", "+44 7700 900003")]
    )
    assert receipts == ["rcpt-1", "rcpt-2", "rcpt-3"]


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="asyncmock-never-awaited")
async def test_delivered_parcel_sends_sms():
    sms = MagicMock()
    sms.send = AsyncMock(return_value="rcpt-9")
    await Notifier(sms).parcel_delivered("JD014601", "+44 7700 900009")
    sms.send.assert_awaited_once_with("+44 7700 900009", "Parcel JD014601 was delivered")


@pytest.mark.failure(category="5", library="asyncio", dist=None, shape="raised", cause="coroutine-never-awaited-warning-as-error")
@pytest.mark.filterwarnings("error")
async def test_delivered_parcel_sms_has_no_warnings():
    sms = MagicMock()
    sms.send = AsyncMock(return_value="rcpt-9")
    await Notifier(sms).parcel_delivered("JD014601", "+44 7700 900009")
    import gc

    gc.collect()


@pytest.mark.failure(category="other", library="aiohttp", dist="aiohttp", shape="raised", cause="json-on-html-maintenance-page")
async def test_label_metadata(session):
    assert (await client.label_pdf_meta(session, "JD014600"))["pages"] == 1


@pytest.mark.failure(category="other", library="aiohttp", dist="aiohttp", shape="raised", cause="raise-for-status-404-unknown-parcel")
async def test_track_many_for_manifest(session):
    statuses = await client.track_many(session, ["JD014600", "JD014699"])
    assert [s["status"] for s in statuses] == ["in_transit", "in_transit"]


@pytest.mark.failure(category="other", library="unittest.mock", dist=None, shape="raised", cause="mock-lookup-not-awaitable-typeerror")
async def test_parcel_summary_line():
    sms = MagicMock()
    sms.lookup = MagicMock(return_value={"status": "delivered"})
    assert await Notifier(sms).summary("JD014601") == "JD014601: delivered"


@pytest.mark.failure(category="5", library="unittest.mock", dist=None, shape="assert", cause="gathered-awaits-recorded-in-completion-order")
async def test_notifications_sent_in_manifest_order():
    sms = MagicMock()
    sms.send = AsyncMock(return_value="rcpt")
    manifest = [("JD014600", "+44 7700 900001"), ("P1", "+44 7700 900002")]
    await Notifier(sms).notify_all(manifest)
    sms.send.assert_has_awaits(
        [call("+44 7700 900001", "Parcel JD014600 was delivered"), call("+44 7700 900002", "Parcel P1 was delivered")]
    )
