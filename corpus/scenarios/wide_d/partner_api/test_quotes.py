import pytest
from rest_framework.test import APIClient, APIRequestFactory

from .views import ExportView, check_export_allowance


@pytest.fixture
def client():
    return APIClient()


@pytest.mark.failure(category="other", library="djangorestframework", dist="djangorestframework", shape="assert", cause="unknown-resource-404")
def test_chf_quote(client):
    resp = client.get("/quotes/USDCHF")
    assert resp.status_code == 200, resp.json()


def test_eurusd_quote(client):
    resp = client.get("/quotes/EURUSD")
    assert resp.status_code == 200
    assert resp.json()["rate"] == "1.0842"


def test_gbpusd_quote(client):
    assert client.get("/quotes/GBPUSD").json() == {"pair": "GBPUSD", "rate": "1.2710"}


@pytest.mark.failure(category="7", library="djangorestframework", dist="djangorestframework", shape="assert", cause="scoped-throttle-cache-shared-across-tests")
def test_yen_quote(client):
    resp = client.get("/quotes/USDJPY")
    assert resp.status_code == 200, resp.json()


@pytest.mark.failure(category="7", library="djangorestframework", dist="djangorestframework", shape="assert", cause="scoped-throttle-cache-shared-across-tests")
def test_quote_board_lists_every_pair(client):
    board = {pair: client.get(f"/quotes/{pair}") for pair in ("EURUSD", "GBPUSD")}
    assert {pair: resp.status_code for pair, resp in board.items()} == {"EURUSD": 200, "GBPUSD": 200}


@pytest.fixture
def warmed_client(client):
    """Front-end smoke setup: the pair list is fetched once, as the quote widget does on load."""
    resp = client.get("/pairs")
    assert resp.status_code == 200, resp.json()
    return client


def test_pairs_listing(client):
    assert client.get("/pairs").json() == ["EURUSD", "GBPUSD", "USDJPY"]


@pytest.mark.failure(category="7", library="djangorestframework", dist="djangorestframework", shape="assert", cause="anon-throttle-exhausted-by-loop")
def test_pairs_listing_is_cached_by_clients(client):
    etags = [client.get("/pairs").status_code for _ in range(4)]
    assert etags == [200, 200, 200, 200]


@pytest.mark.failure(category="7", library="djangorestframework", dist="djangorestframework", shape="raised", cause="export-allowance-exhausted")
def test_nightly_export_runs_twice_after_retry():
    factory = APIRequestFactory()
    view = ExportView()
    for _ in range(3):
        check_export_allowance(view.initialize_request(factory.get("/exports")), view)


@pytest.mark.failure(category="7", library="djangorestframework", dist="djangorestframework", shape="assert", cause="export-allowance-exhausted")
def test_export_row_count():
    factory = APIRequestFactory()
    resp = ExportView.as_view()(factory.get("/exports"))
    assert resp.data == {"rows": 3}
    view = ExportView()
    check_export_allowance(view.initialize_request(factory.get("/exports")), view)


@pytest.mark.failure(category="7", library="djangorestframework", dist="djangorestframework", shape="setup", cause="anon-throttle-exhausted-by-loop")
def test_quote_widget_shows_cable(warmed_client):
    assert warmed_client.get("/quotes/GBPUSD").status_code in (200, 429)


@pytest.mark.failure(category="other", library="djangorestframework", dist="djangorestframework", shape="assert", cause="rounded-amount-compared-to-string")
def test_convert_uses_pair_rate():
    factory = APIRequestFactory()
    from .views import convert

    resp = convert(factory.post("/convert", {"amount": "100", "pair": "GBPUSD"}, format="json"))
    assert resp.data["converted"] == "127.10"
