from __future__ import annotations

import pytest

from .loader import database_url_from_env, settings_from_env, worker_count_from_env


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("APP_DATABASE_URL", "APP_WORKERS", "APP_DEBUG", "SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


@pytest.fixture
def smtp_host(clean_env):
    import os

    return os.environ["SMTP_HOST"]


@pytest.mark.failure(category="other", library="os", dist=None, shape="raised", cause="missing-env-var")
def test_database_url_is_read_from_environment(clean_env):
    assert database_url_from_env().startswith("postgresql://")


@pytest.mark.failure(category="other", library="os", dist=None, shape="chained", cause="missing-env-var")
def test_settings_from_env_debug_flag(clean_env):
    clean_env.setenv("APP_DEBUG", "1")
    assert settings_from_env().debug is True


@pytest.mark.failure(category="other", library="os", dist=None, shape="raised", cause="missing-env-var")
def test_worker_count_default(clean_env):
    assert worker_count_from_env() >= 1


@pytest.mark.failure(category="other", library="os", dist=None, shape="setup", cause="missing-env-var")
def test_password_reset_mail_uses_smtp_host(smtp_host):
    assert smtp_host.endswith(".internal")
