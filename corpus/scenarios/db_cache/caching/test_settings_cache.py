from __future__ import annotations

import pytest

from db_cache.services import settings as settings_mod
from db_cache.services import users
from db_cache.services.settings import app_config, currency_symbols, enabled_features, get_settings

ft_failure = lambda shape, cause: pytest.mark.failure(  # noqa: E731
    category="4", library="functools", dist=None, shape=shape, cause=cause
)


def test_default_settings():
    assert get_settings().database_url.startswith("sqlite")


@ft_failure("assert", "lru-cache-settings-stale")
def test_database_url_from_env(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://app@db/app_test")
    assert get_settings().database_url == "postgresql://app@db/app_test"


@ft_failure("assert", "lru-cache-settings-stale")
def test_debug_mode_enabled(monkeypatch):
    monkeypatch.setenv("DEBUG", "1")
    settings = get_settings()
    assert settings.debug is True


@ft_failure("assert", "lru-cache-settings-stale")
def test_cors_origins_parsed(monkeypatch):
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://app.example.com,https://admin.example.com")
    assert get_settings().allowed_origins == ("https://app.example.com", "https://admin.example.com")


def test_user_email_lookup():
    assert users.get_user_email(1) == "old@example.com"


@ft_failure("assert", "lru-cache-stale-value")
def test_user_email_after_update():
    users.update_email(1, "new@example.com")
    assert users.get_user_email(1) == "new@example.com"


@ft_failure("assert", "lru-cache-stats-leak")
def test_email_lookup_is_memoised():
    users.get_user_email(2)
    users.get_user_email(2)
    info = users.get_user_email.cache_info()
    assert (info.hits, info.misses) == (1, 1)


def test_beta_feature_rollout():
    features = enabled_features()
    features.append("beta-checkout")  # mutates the cached list in place
    assert "beta-checkout" in features


@ft_failure("assert", "cached-mutable-shared")
def test_default_features():
    assert enabled_features() == ["search"]


def test_euro_disabled_for_region():
    symbols = currency_symbols()
    symbols.pop("EUR")
    assert "EUR" not in symbols


@ft_failure("raised", "cached-mutable-shared")
def test_format_price_in_euro():
    def format_price(amount, currency):
        return f"{currency_symbols()[currency]}{amount:.2f}"

    assert format_price(9.5, "EUR") == "€9.50"


def test_hosts_default():
    assert app_config.allowed_hosts == ["localhost"]


@ft_failure("assert", "cached-property-singleton")
def test_hosts_from_env(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "api.example.com,www.example.com")
    assert "api.example.com" in app_config.allowed_hosts


@pytest.fixture
def fresh_settings(monkeypatch):
    monkeypatch.setenv("CACHE_TTL", "5")
    assert get_settings.cache_info().currsize == 0, "settings were cached before the test configured the env"
    yield get_settings()


@ft_failure("setup", "lru-cache-settings-stale")
def test_short_cache_ttl(fresh_settings):
    assert fresh_settings.cache_ttl == 5


@ft_failure("assert", "import-time-config")
def test_request_timeout_override(monkeypatch):
    monkeypatch.setenv("APP_REQUEST_TIMEOUT", "5")
    assert settings_mod.REQUEST_TIMEOUT == 5


class ProfileNotFound(LookupError):
    pass


def profile_name(user_id):
    try:
        return users.get_user(user_id)["name"]
    except KeyError as exc:
        raise ProfileNotFound(f"profile {user_id} is incomplete") from exc


def test_anonymise_user():
    record = users.get_user(2)
    del record["name"]  # mutates the memoised record (and the "row")
    assert "name" not in users.get_user(2)


@ft_failure("chained", "cached-mutable-shared")
def test_profile_page_shows_name():
    assert profile_name(2) == "Bob"
