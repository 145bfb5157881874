import pytest

from .carriers import ShipFast

# cassettes were recorded against the carrier's sandbox in 2022 and replayed offline (record mode "none")


@pytest.fixture(scope="module")
def vcr_config():
    return {"match_on": ["method", "scheme", "host", "path", "body"]}


@pytest.mark.vcr
def test_quote_for_standard():
    assert ShipFast().quote(2.0, "EU-1") == 1890


@pytest.mark.vcr
@pytest.mark.failure(category="6", library="pytest-recording", shape="raised", cause="recorded-response-old-schema")
def test_delivered_parcel():
    assert ShipFast().track("SF900") == "delivered"


@pytest.mark.vcr
@pytest.mark.failure(category="6", library="pytest-recording", shape="raised", cause="request-not-in-cassette")
def test_quote_for_express():
    assert ShipFast().quote(2.0, "EU-1 express") == 1890


@pytest.mark.vcr
@pytest.mark.failure(category="6", library="pytest-recording", shape="raised", cause="cassette-never-recorded-for-endpoint")
def test_eta_for_delivered_parcel():
    assert ShipFast().eta_days("SF900") == 0


@pytest.fixture
def every_recorded_call_replayed(vcr):
    yield
    replayed, recorded = vcr.play_count, len(vcr.data)
    assert replayed == recorded, f"{recorded - replayed} recorded call(s) to the carrier were never made"


@pytest.mark.vcr
@pytest.mark.failure(category="6", library="pytest-recording", shape="teardown", cause="recorded-flow-differs-from-client")
def test_quote_then_label(every_recorded_call_replayed):
    assert ShipFast().quote(1.0, "EU-1") == 990
