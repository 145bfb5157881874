"""Tests that build a fresh app per test with the factory; the Limiter object is module-level."""

import pytest

from .flask_app.app import create_app


@pytest.fixture
def client():
    app = create_app()
    app.config.update(TESTING=True)
    with app.test_client() as c:
        yield c


def test_app_factory_registers_routes(client):
    rules = {r.rule for r in client.application.url_map.iter_rules()}
    assert {"/api/comments", "/api/export"} <= rules


@pytest.mark.failure(category="7", library="flask-limiter", dist="Flask-Limiter", shape="assert", cause="limit-decorators-accumulate-across-app-instances")
def test_profile_first_request_allowed(client):
    resp = client.get("/api/profile/ada", headers={"X-Api-Key": "fresh-key"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
