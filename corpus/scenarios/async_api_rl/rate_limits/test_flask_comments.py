import pytest

from .flask_app.app import app


@pytest.fixture
def client():
    app.config["TESTING"] = True
    return app.test_client()


def test_post_comment(client):
    resp = client.post("/api/comments", json={"text": "first!"})
    assert resp.status_code == 201


def test_post_comment_with_author(client):
    resp = client.post("/api/comments", json={"text": "nice post", "author": "ada"})
    assert resp.get_json()["author"] == "ada"


@pytest.mark.failure(category="7", library="flask-limiter", dist="Flask-Limiter", shape="assert", cause="limiter-storage-shared-across-tests")
def test_post_comment_returns_location_of_new_resource(client):
    client.post("/api/comments", json={"text": "draft"})
    resp = client.post("/api/comments", json={"text": "final"})
    assert resp.status_code == 201, resp.data


@pytest.mark.failure(category="7", library="flask-limiter", dist="Flask-Limiter", shape="raised", cause="limiter-storage-shared-across-tests")
def test_comment_ids_are_sequential(client):
    resp = client.post("/api/comments", json={"text": "another"})
    assert resp.get_json()["id"] > 0


def test_list_comments(client):
    for _ in range(4):
        assert client.get("/api/comments").status_code == 200


@pytest.mark.failure(category="7", library="flask-limiter", dist="Flask-Limiter", shape="assert", cause="ratelimit-remaining-header")
def test_list_comments_exposes_quota_headers(client):
    resp = client.get("/api/comments")
    assert resp.headers["X-RateLimit-Remaining"] == "4"


@pytest.mark.failure(category="7", library="flask-limiter", dist="Flask-Limiter", shape="assert", cause="limiter-storage-shared-across-tests")
def test_list_comments_count_matches(client):
    resp = client.get("/api/comments")
    data = resp.get_json() or {}
    assert data.get("count") == len(data.get("items", [])) and resp.status_code == 200, resp.status


def test_export_queued(client):
    assert client.post("/api/export").status_code == 202


@pytest.mark.failure(category="7", library="flask-limiter", dist="Flask-Limiter", shape="assert", cause="global-key-limit-shared-across-tests")
def test_export_job_status(client):
    resp = client.post("/api/export")
    assert resp.status_code == 202
    assert resp.get_json()["status"] == "queued"


def test_profile_lookup(client):
    resp = client.get("/api/profile/ada", headers={"X-Api-Key": "test-key"})
    assert resp.status_code == 200


def test_profile_lookup_other_user(client):
    resp = client.get("/api/profile/grace", headers={"X-Api-Key": "test-key"})
    assert resp.get_json()["user"] == "grace"


@pytest.mark.failure(category="7", library="flask-limiter", dist="Flask-Limiter", shape="raised", cause="api-key-limit-shared-across-tests")
def test_profile_plan_is_pro(client):
    resp = client.get("/api/profile/linus", headers={"X-Api-Key": "test-key"})
    assert resp.get_json()["plan"] == "pro"
