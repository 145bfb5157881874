import pytest

from .support_bot import AsyncSupportBot, SupportBot

TICKET = "Hi, my parcel PX-1182 was due Tuesday and the tracking page has said 'in transit' for four days."


@pytest.fixture
def bot(openai_client):
    return SupportBot(openai_client)


def test_summarise_ticket(bot):
    assert bot.summarise(TICKET) == "Customer asks where the parcel is."


def test_priority_of_late_parcel(bot):
    assert bot.priority(TICKET) == "urgent"


def test_summary_is_single_line(bot):
    assert "\n" not in bot.summarise(TICKET)


def test_priority_of_damaged_parcel(bot):
    assert bot.priority("The box arrived crushed and the vase inside is broken.") == "urgent"


@pytest.mark.failure(category="7", library="openai", dist="openai", shape="raised", cause="org-requests-per-minute-exhausted-by-earlier-tests")
def test_draft_reply_mentions_tracking(bot):
    assert "parcel" in bot.draft_reply(TICKET)


@pytest.mark.failure(category="7", library="openai", dist="openai", shape="assert", cause="rate-limited-call-falls-back-to-default")
def test_triage_marks_lost_parcel_urgent(bot):
    assert bot.triage_or_default("Parcel PX-2001 shows delivered but nobody received it.") == "urgent"


@pytest.mark.failure(category="7", library="openai", dist="openai", shape="async", cause="org-requests-per-minute-exhausted-by-earlier-tests")
async def test_async_summary_for_chat_widget(async_openai_client):
    bot = AsyncSupportBot(async_openai_client)
    assert await bot.summarise(TICKET)
