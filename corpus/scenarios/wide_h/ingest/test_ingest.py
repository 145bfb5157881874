import pytest
from falcon import testing

from .app import app, batch_upload_allowed

THERMO = {"X-Device-Key": "thermo-7"}


@pytest.fixture
def client():
    return testing.TestClient(app)


def test_reading_is_accepted(client):
    assert client.simulate_post("/readings", json={"sensor": "temp", "value": 21.5}, headers=THERMO).status_code == 202


def test_humidity_reading_is_accepted(client):
    assert client.simulate_post("/readings", json={"sensor": "humidity", "value": 40}, headers=THERMO).json == {"accepted": 1}


@pytest.mark.failure(category="other", library="falcon", shape="assert", cause="http-403-feature-not-enabled")
def test_pressure_reading_is_accepted(client):
    resp = client.simulate_post("/readings", json={"sensor": "pressure", "value": 1013}, headers={"X-Device-Key": "baro-1"})
    assert resp.status_code == 202, resp.json


@pytest.mark.failure(category="7", library="limits", shape="assert", cause="module-level-memory-storage-shared")
def test_negative_temperatures_are_accepted(client):
    resp = client.simulate_post("/readings", json={"sensor": "temp", "value": -4.0}, headers=THERMO)
    assert resp.status_code == 202, resp.json


@pytest.mark.failure(category="7", library="limits", shape="assert", cause="module-level-memory-storage-shared")
def test_thermostat_can_upload_batch_now():
    assert batch_upload_allowed("thermo-7")


def test_batch_upload(client):
    resp = client.simulate_post("/batches", json={"rows": [1, 2, 3]}, headers=THERMO)
    assert resp.json == {"accepted": 3}


def test_batch_upload_single_row(client):
    assert client.simulate_post("/batches", json={"rows": [9]}, headers=THERMO).status_code == 202


@pytest.mark.failure(category="7", library="falcon", shape="assert", cause="daily-allowance-dict-shared-across-tests")
def test_batch_upload_reports_count(client):
    resp = client.simulate_post("/batches", json={"rows": [1, 2]}, headers=THERMO)
    assert resp.json == {"accepted": 2}


@pytest.mark.failure(category="7", library="falcon", shape="assert", cause="daily-allowance-dict-shared-across-tests")
def test_empty_batch_upload(client):
    resp = client.simulate_post("/batches", json={"rows": []}, headers=THERMO)
    assert resp.status_code == 202
