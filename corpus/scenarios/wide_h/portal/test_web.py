import os

import pytest

from .web import app, load_settings, shipping_fee_cents


@pytest.fixture
def client():
    return app.test_client()


def test_health_during_maintenance(client):
    app.config["MAINTENANCE"] = True
    assert client.get("/health").status_code == 200


@pytest.mark.failure(category="4", library="flask", shape="assert", cause="app-config-mutated-by-earlier-test")
def test_home_page(client):
    resp = client.get("/")
    assert resp.status_code == 200


def test_avatar_upload_limit(client):
    app.config.update(MAINTENANCE=False, MAX_CONTENT_LENGTH=16)
    assert client.post("/avatar", data=b"x" * 64).status_code == 413


@pytest.mark.failure(category="4", library="flask", shape="assert", cause="app-config-mutated-by-earlier-test")
def test_avatar_upload(client):
    resp = client.post("/avatar", data=b"\x89PNG" + b"\x00" * 200)
    assert resp.status_code == 201, resp.status


def test_beta_banner(client):
    app.config.update(MAINTENANCE=False, SHOW_BETA_BANNER=True)
    assert client.get("/").get_json()["banner"] == "beta"


@pytest.mark.failure(category="4", library="flask", shape="assert", cause="app-config-mutated-by-earlier-test")
def test_home_page_payload(client):
    assert client.get("/").get_json() == {"banner": None, "page": "home"}


def test_staging_settings():
    assert load_settings("staging").api_base == "https://api.staging.example.com"


@pytest.mark.failure(category="4", library="python-dotenv", shape="assert", cause="load-dotenv-does-not-override-env-left-by-earlier-test")
def test_ci_settings_point_at_local_stub():
    assert load_settings("ci").api_base == "http://127.0.0.1:8080"


@pytest.mark.failure(category="4", library="python-dotenv", shape="assert", cause="load-dotenv-does-not-override-env-left-by-earlier-test")
def test_ci_settings_use_short_timeout():
    settings = load_settings("ci")
    assert settings.payments_timeout == 5


def test_sandbox_mode_can_be_forced():
    os.environ["PAYMENTS_MODE"] = "sandbox"
    assert load_settings("ci").payments_mode == "sandbox"


@pytest.mark.failure(category="4", library="os.environ", shape="assert", cause="environ-assigned-directly-not-restored")
def test_default_payments_mode_is_live():
    assert load_settings("ci").payments_mode == "live"


@pytest.mark.failure(category="other", library="functools", shape="assert", cause="cached-function-computes-wrong-value")
def test_shipping_fee_for_parcel_over_one_kilo():
    assert shipping_fee_cents(1500) == 610
