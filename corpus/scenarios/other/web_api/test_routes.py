from __future__ import annotations

import httpx
import pytest

from .app import create_app


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="route-typo-404")
def test_get_user_by_id(client):
    response = client.get("/users/1")
    assert response.status_code == 200
    assert response.json()["name"] == "Ada"


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="route-typo-404")
def test_get_project(client):
    response = client.get("/projects/10")
    assert response.status_code == 200, response.text


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="route-typo-404")
def test_create_project_without_trailing_slash(client):
    response = client.post("/projects", json={"name": "kernel", "owner": 2}, follow_redirects=False)
    assert response.status_code == 200


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="route-typo-404")
def test_current_user_endpoint(client):
    # /users/{user_id} is declared before /users/me, so "me" is parsed as an int
    response = client.get("/api/v1/users/me")
    assert response.status_code == 200


@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="route-typo-404")
def test_delete_user_not_implemented_yet(client):
    response = client.delete("/api/v1/users/2")
    assert response.status_code == 204


@pytest.mark.asyncio
@pytest.mark.failure(category="other", library="fastapi", shape="assert", cause="route-typo-404")
async def test_health_check_under_api_prefix():
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as ac:
        response = await ac.get("/api/v1/health")
    assert response.status_code == 200
