import pytest

from .alerts import broadcast, make_bot, send_alert, send_alert_patiently

ONCALL = -100123
PAYMENTS = -100124


@pytest.fixture
async def bot():
    async with make_bot() as bot:
        yield bot


async def test_page_reaches_oncall_chat(bot):
    assert await send_alert(bot, ONCALL, "db-primary: replication lag 12s") == 1


async def test_resolved_notice_follows_page(bot):
    assert await send_alert(bot, ONCALL, "db-primary: resolved") == 2
    assert await send_alert(bot, PAYMENTS, "payments: p99 above 800ms") == 1


@pytest.mark.failure(category="7", library="python-telegram-bot", shape="async", cause="bot-flood-control-chat-counter-shared")
async def test_deploy_notice_is_posted(bot):
    assert await send_alert(bot, ONCALL, "deploy 2026.11.3 started") >= 1


@pytest.mark.failure(category="7", library="python-telegram-bot", shape="async", cause="bot-flood-control-chat-counter-shared")
async def test_incident_broadcast_to_all_teams(bot):
    ids = await broadcast(bot, [ONCALL, PAYMENTS], "SEV2 opened: checkout errors")
    assert len(ids) == 2


@pytest.mark.failure(category="7", library="python-telegram-bot", shape="async", cause="bot-flood-control-chat-counter-shared")
async def test_payments_summary_thread(bot):
    sent = [await send_alert(bot, PAYMENTS, f"summary part {i}") for i in range(3)]
    assert sent == [2, 3, 4]


@pytest.mark.timeout(3)
@pytest.mark.failure(category="7", library="python-telegram-bot", shape="timeout", cause="retry-after-35s-honoured-in-test")
async def test_page_is_delivered_eventually(bot):
    assert await send_alert_patiently(bot, ONCALL, "db-primary: failover complete") > 0


@pytest.mark.failure(category="other", library="python-telegram-bot", shape="async", cause="bot-removed-from-chat-403")
async def test_alert_to_archived_team_chat(bot):
    assert await send_alert(bot, -100999, "legacy billing: nightly job failed") > 0


@pytest.mark.failure(category="other", library="python-telegram-bot", shape="async", cause="chat-not-found-400")
async def test_alert_to_new_team_chat(bot):
    assert await send_alert(bot, -100404, "search: index rebuilt") > 0
