from __future__ import annotations

import pytest
from packaging.version import Version

from .versions import installable, is_newer, latest_release, newest, release_order


@pytest.mark.failure(category="other", library="str", dist=None, shape="assert", cause="version-compare-lexicographic")
def test_one_ten_is_newer_than_one_nine():
    assert is_newer("1.10.0", "1.9.4"), "1.10.0 should be offered as an update to 1.9.4"


@pytest.mark.failure(category="other", library="max", dist=None, shape="assert", cause="version-compare-lexicographic")
def test_newest_of_published_versions():
    assert newest(["1.2.0", "1.10.1", "1.9.0"]) == "1.10.1"


@pytest.mark.failure(
    category="other", library="sorted", dist=None, shape="assert", cause="version-compare-lexicographic"
)
def test_changelog_lists_releases_in_order():
    assert release_order(["2.0.0", "10.1.0", "2.10.0", "2.9.1"]) == ["2.0.0", "2.9.1", "2.10.0", "10.1.0"]


@pytest.mark.failure(category="other", library="packaging", shape="assert", cause="prerelease-excluded-by-specifier")
def test_beta_channel_offers_release_candidate():
    assert "2.0.0rc1" in installable(["1.8.0", "1.9.2", "2.0.0rc1"], ">=1.8", channel="beta")


@pytest.mark.failure(category="other", library="packaging", shape="assert", cause="prerelease-excluded-by-specifier")
def test_beta_channel_upgrade_list():
    assert installable(["1.9.2", "1.9.3", "2.0.0b3", "2.0.0rc1"], ">1.9.2", channel="beta") == [
        "1.9.3",
        "2.0.0b3",
        "2.0.0rc1",
    ]


@pytest.mark.failure(category="other", library="packaging", shape="assert", cause="tag-prefix-not-stripped")
def test_latest_release_from_mixed_tag_styles():
    assert latest_release(["v2.3.0", "release-2.4.0", "v2.3.1"]) == Version("2.4.0")


@pytest.mark.failure(category="other", library="packaging", shape="assert", cause="tag-prefix-not-stripped")
def test_latest_release_from_hotfix_tags():
    assert str(latest_release(["v1.0.0", "hotfix-1.0.1", "v0.9.8"])) == "1.0.1"
