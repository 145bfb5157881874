import pytest
from django.test import override_settings

from .service import PLANS, checkout_variant, get_profile, plan_details, plan_price, rename


def test_profile_name():
    assert get_profile(7)["name"] == "Ana Lima"


@pytest.mark.failure(category="4", library="django-cache", shape="assert", cause="locmem-cache-not-cleared-between-tests")
def test_profile_shows_new_name_after_rename():
    rename(7, "Ana Lima-Souza")
    assert get_profile(7)["name"] == "Ana Lima-Souza"


def test_profile_locale():
    assert get_profile(8)["locale"] == "sv-SE"


@pytest.mark.failure(category="4", library="django-cache", shape="assert", cause="locmem-cache-not-cleared-between-tests")
def test_profile_locale_after_move():
    from .service import PROFILES

    PROFILES[8]["locale"] = "de-DE"
    assert get_profile(8) == {"name": "Bo Berg", "locale": "de-DE"}


def test_new_checkout_behind_flag():
    override_settings(FEATURE_FLAGS={"new_checkout": True}).enable()
    assert checkout_variant() == "new"


@pytest.mark.failure(category="4", library="django-settings", shape="assert", cause="override-settings-enabled-never-disabled")
def test_classic_checkout_by_default():
    assert checkout_variant() == "classic"


@pytest.mark.asyncio(loop_scope="module")
async def test_team_plan_seats():
    assert (await plan_details("team"))["seats"] == 10


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.failure(category="4", library="async-lru", shape="async", cause="alru-cache-keeps-value-from-earlier-test")
async def test_team_plan_after_seat_upgrade():
    PLANS["team"] = {"seats": 15, "price": 59}
    details = await plan_details("team")
    assert details == {"seats": 15, "price": 59}


def test_team_price_in_euro():
    assert plan_price("team", "EUR") == 49


@pytest.mark.failure(category="4", library="cachetools", shape="assert", cause="cache-key-ignores-argument")
def test_team_price_in_dollars():
    assert plan_price("team", "USD") == 53
