import subprocess

import pytest

from .deploy import current_tag, deploy_settings, load_manifest

MANIFEST = """
[service]
name = "tracking-api"
replicas = 3

[service.env]
LOG_LEVEL = "info"
"""

BROKEN_MANIFEST = """
[service]
name = "tracking-api"
replicas = 3
healthcheck = /healthz
"""


@pytest.fixture
def repo(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    return tmp_path


@pytest.fixture
def settings():
    return deploy_settings()


@pytest.fixture
def broken_manifest(tmp_path):
    path = tmp_path / "deploy.toml"
    path.write_text(BROKEN_MANIFEST)
    return load_manifest(path)


def test_manifest_replicas(tmp_path):
    path = tmp_path / "deploy.toml"
    path.write_text(MANIFEST)
    assert load_manifest(path)["service"]["replicas"] == 3


@pytest.mark.failure(category="other", library="os", dist=None, shape="setup", cause="missing-env-var")
def test_deploy_targets_eu_region(settings):
    assert settings["region"] == "eu-west-1"


@pytest.mark.failure(category="other", library="subprocess", dist=None, shape="raised", cause="subprocess-nonzero-exit")
def test_release_tag_of_fresh_checkout(repo):
    assert current_tag(repo).startswith("v")


@pytest.mark.failure(category="other", library="tomllib", dist=None, shape="setup", cause="malformed-config-file")
def test_healthcheck_path(broken_manifest):
    assert broken_manifest["service"]["healthcheck"] == "/healthz"
