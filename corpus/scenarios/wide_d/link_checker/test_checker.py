import asyncio

import pytest

from .checker import STATS, crawl_polite, crawl_with_sitemap, report, strict_report

PAGES = ["/help/billing", "/help/exports", "/help/api", "/help/sso"]


@pytest.fixture(autouse=True)
def reset_stats():
    STATS["checked"] = 0


async def test_all_pages_ok():
    assert {status for _, status in await report(PAGES)} == {200}


async def test_single_page_report():
    assert await report(["/help/api"]) == [("/help/api", 200)]


@pytest.mark.failure(category="5", library="aiometer", dist="aiometer", shape="assert", cause="amap-yields-in-completion-order")
async def test_report_follows_navigation_order():
    assert [path for path, _ in await report(PAGES)] == PAGES


@pytest.mark.failure(category="5", library="aiometer", dist="aiometer", shape="assert", cause="lost-update-on-shared-counter-across-await")
async def test_checked_counter_matches_footer_pages():
    footer = ["/help/faq", "/help/status", "/help/terms", "/help/privacy"]
    await report(footer)
    assert STATS["checked"] == len(footer)


@pytest.mark.failure(category="5", library="aiometer", dist="aiometer", shape="timeout", cause="tasks-wait-on-each-other-beyond-concurrency-limit")
@pytest.mark.timeout(1)
async def test_sitemap_lists_every_page():
    assert sorted(await crawl_with_sitemap(PAGES)) == sorted(PAGES)


@pytest.mark.failure(category="7", library="aiometer", dist="aiometer", shape="async", cause="client-side-per-second-throttle-exceeds-deadline")
async def test_nightly_crawl_fits_maintenance_window():
    results = await asyncio.wait_for(crawl_polite(PAGES * 3, per_second=10), timeout=0.5)
    assert len(results) == 12


@pytest.mark.failure(category="7", library="aiometer", dist="aiometer", shape="timeout", cause="client-side-per-second-throttle-exceeds-deadline")
@pytest.mark.timeout(1)
async def test_full_site_crawl():
    assert len(await crawl_polite(PAGES * 5, per_second=8)) == 20


@pytest.mark.failure(category="other", library="aiometer", dist="aiometer", shape="raised", cause="broken-help-link-404")
async def test_legacy_pages_still_linked():
    assert len(await strict_report(PAGES + ["/help/legacy"])) == 5
