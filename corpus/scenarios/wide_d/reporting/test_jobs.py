import asyncio

import pytest

from .jobs import RENDERED, ReportService


@pytest.fixture(autouse=True)
def nothing_rendered():
    RENDERED.clear()


@pytest.fixture
async def reports():
    service = ReportService()
    yield service
    await service.close()


async def test_sales_report(reports):
    job = await reports.request("sales")
    assert await job.wait() == "sales.pdf"


async def test_two_reports(reports):
    jobs = [await reports.request(r) for r in ("sales", "inventory")]
    assert [await j.wait() for j in jobs] == ["sales.pdf", "inventory.pdf"]


@pytest.mark.failure(category="5", library="aiojobs", dist="aiojobs", shape="assert", cause="scheduler-close-cancels-running-job")
async def test_yearly_report_survives_shutdown():
    service = ReportService()
    await service.request("yearly")
    await service.close()
    assert RENDERED == {"yearly": "yearly.pdf"}


@pytest.mark.failure(category="5", library="aiojobs", dist="aiojobs", shape="raised", cause="spawn-after-scheduler-closed")
async def test_report_requested_during_shutdown():
    service = ReportService()
    closing = asyncio.create_task(service.close())
    await asyncio.sleep(0)
    job = await service.request("sales")
    await closing
    assert await job.wait() == "sales.pdf"


@pytest.mark.failure(category="5", library="aiojobs", dist="aiojobs", shape="async", cause="job-pending-behind-concurrency-limit")
async def test_sales_report_while_yearly_runs():
    service = ReportService(limit=1)
    try:
        await service.request("yearly")
        job = await service.request("sales")
        assert await job.wait(timeout=0.2) == "sales.pdf"
    finally:
        await service.close()


@pytest.mark.failure(category="5", library="aiojobs", dist="aiojobs", shape="assert", cause="fire-and-forget-result-read-before-job-done")
async def test_inventory_available_after_request(reports):
    await reports.request("inventory")
    assert RENDERED == {"inventory": "inventory.pdf"}


@pytest.mark.failure(category="other", library="aiojobs", dist="aiojobs", shape="raised", cause="missing-report-template")
async def test_quarterly_report(reports):
    job = await reports.request("quarterly")
    assert await job.wait() == "quarterly.pdf"
