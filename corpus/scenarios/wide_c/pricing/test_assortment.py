import pytest

from .assortment import get_assortment


@pytest.fixture
def rules():
    return {"de": {"KB-101", "MS-220", "HD-330"}, "fr": {"KB-101"}}


def test_headset_visible_in_germany(rules):
    assert get_assortment(rules).is_visible("de", "HD-330")


@pytest.mark.failure(category="4", library="methodtools", shape="assert", cause="lru-cached-method-on-process-wide-service")
def test_headset_hidden_after_recall(rules):
    service = get_assortment(rules)
    service.hide("de", "HD-330")
    assert not service.is_visible("de", "HD-330")


def test_french_range(rules):
    assert get_assortment(rules).visible_skus("fr") == {"KB-101"}


@pytest.mark.failure(category="4", library="methodtools", shape="assert", cause="lru-cached-method-ignores-replaced-rules")
def test_french_range_after_launch():
    rules = {"de": {"KB-101"}, "fr": {"KB-101", "MS-220"}}
    assert get_assortment(rules).is_visible("fr", "MS-220")


@pytest.mark.failure(category="other", library="methodtools", shape="assert", cause="pagination-off-by-one")
def test_first_page_of_german_range(rules):
    assert get_assortment(rules).page("de", 0) == ["HD-330", "KB-101"]
