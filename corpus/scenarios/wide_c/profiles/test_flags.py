import pytest

from .flags import FeatureFlags, checkout_steps


@pytest.fixture
def flags():
    return FeatureFlags()


def test_one_click_checkout_for_beta_group(flags):
    flags.enable("one_click_checkout")
    assert checkout_steps(flags) == ["confirm"]


@pytest.mark.failure(category="4", library="singleton-metaclass", dist=None, shape="assert", cause="singleton-instance-survives-between-tests")
def test_default_checkout_has_four_steps(flags):
    assert checkout_steps(flags) == ["address", "shipping", "payment", "confirm"]


@pytest.mark.failure(category="4", library="singleton-metaclass", dist=None, shape="assert", cause="singleton-ignores-new-defaults")
def test_new_search_enabled_for_staff():
    staff = FeatureFlags({"one_click_checkout": False, "new_search": True})
    assert staff.is_enabled("new_search")


@pytest.mark.failure(category="other", library="singleton-metaclass", dist=None, shape="raised", cause="flag-name-typo")
def test_search_flag_off_by_default(flags):
    assert not flags.is_enabled("new-search")
