import pytest

from .releases import bump, is_upgrade, newest, satisfies


def test_newest_tag():
    assert newest(["v1.2.0", "v1.10.0", "v1.9.3"]) == "1.10.0"


def test_patch_bump():
    assert bump("2.4.1", "patch") == "2.4.2"


def test_installed_satisfies_pin():
    assert satisfies("3.1.2", ">=3.1,<4")


@pytest.mark.failure(category="other", library="packaging", dist="packaging", shape="raised", cause="invalid-version-string")
def test_newest_tag_ignores_release_candidates():
    assert newest(["v2.0.0", "v2.1.0-rc.1+build.7", "v2.1.0-hotfix"]) == "2.1.0"


@pytest.mark.failure(category="other", library="packaging", dist="packaging", shape="assert", cause="version-specifier-semantics")
def test_patch_release_satisfies_minor_pin():
    assert satisfies("3.1.2", "==3.1")


@pytest.mark.failure(category="other", library="semver", dist="semver", shape="raised", cause="invalid-version-string")
def test_bump_two_part_version():
    assert bump("1.4", "minor") == "1.5.0"


@pytest.mark.failure(category="other", library="semver", dist="semver", shape="raised", cause="invalid-version-string")
def test_upgrade_from_tagged_release():
    assert is_upgrade("v1.4.2", "1.5.0")


@pytest.mark.failure(category="other", library="semver", dist="semver", shape="assert", cause="prerelease-ordering-assumption")
def test_release_candidate_is_upgrade_over_final():
    assert is_upgrade("2.0.0", "2.0.0-rc.2")
