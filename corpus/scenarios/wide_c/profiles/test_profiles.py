import pytest

from . import profiles

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture
def directory():
    profiles.DIRECTORY.clear()
    profiles.DIRECTORY.update(
        {
            7: {"display_name": "Ada Lovelace", "points": 150},
            8: {"display_name": "Grace Hopper", "points": 990},
        }
    )
    return profiles.DIRECTORY


async def test_greeting_uses_first_name(directory):
    assert await profiles.greeting(7) == "Hi Ada!"


async def test_loyalty_tier_of_new_member(directory):
    assert await profiles.loyalty_tier(8) == "silver"


@pytest.mark.failure(category="4", library="cashews", shape="async", cause="delete-uses-different-key-than-decorator")
async def test_greeting_after_rename(directory):
    await profiles.rename(7, "Augusta King")
    assert await profiles.greeting(7) == "Hi Augusta!"


@pytest.mark.failure(category="4", library="cashews", shape="assert", cause="mem-backend-shared-across-tests")
async def test_profile_of_imported_customer(directory):
    directory[7] = {"display_name": "Alan Turing", "points": 0}
    profile = await profiles.get_profile(7)
    assert profile["display_name"] == "Alan Turing"


@pytest.mark.failure(category="4", library="cashews", shape="chained", cause="profile-cached-before-field-was-added")
async def test_receipt_goes_to_profile_email(directory):
    directory[7]["email"] = "ada@example.com"
    assert await profiles.contact_email(7) == "ada@example.com"


@pytest.mark.failure(category="other", library="cashews", shape="chained", cause="customer-without-email")
async def test_receipt_for_customer_without_email(directory):
    assert await profiles.contact_email(8)


async def test_loyalty_upgrade_to_gold(directory):
    assert await profiles.add_points(8, 20) == "gold"


@pytest.mark.failure(category="other", library="cashews", shape="async", cause="unknown-customer-id")
async def test_greeting_for_guest_checkout(directory):
    assert await profiles.greeting(0) == "Hi there!"


@pytest.mark.failure(category="other", library="cashews", shape="assert", cause="tier-threshold-off-by-one")
async def test_silver_threshold(directory):
    directory[9] = {"display_name": "Edsger Dijkstra", "points": 199}
    assert await profiles.loyalty_tier(9) == "silver"
