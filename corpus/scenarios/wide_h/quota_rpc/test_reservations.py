import grpc
import pytest

from .inventory import ReservationClient, reserve_async, start_server


@pytest.fixture
def client():
    c = ReservationClient(start_server())
    yield c
    c.close()


def test_reserve_single_item(client):
    assert client.reserve("SKU-1")["reserved"] == 1


def test_reserve_multiple_items(client):
    assert client.reserve("SKU-2", qty=3)["reserved"] == 3


@pytest.mark.failure(category="other", library="grpcio", shape="raised", cause="grpc-not-found")
def test_reserve_discontinued_item(client):
    assert client.reserve("GONE-77")["reserved"] == 1


@pytest.mark.failure(category="7", library="grpcio", shape="raised", cause="tenant-quota-shared-across-tests")
def test_reserve_returns_hold_id(client):
    assert client.reserve("SKU-3")["hold_id"].startswith("H-")


@pytest.mark.failure(category="7", library="grpcio", shape="assert", cause="tenant-quota-shared-across-tests")
def test_reserve_reports_status_code(client):
    try:
        client.reserve("SKU-4")
        code = grpc.StatusCode.OK
    except grpc.RpcError as exc:
        code = exc.code()
    assert code == grpc.StatusCode.OK


@pytest.mark.failure(category="7", library="grpcio", shape="async", cause="tenant-quota-shared-across-tests")
async def test_reserve_from_async_checkout():
    assert (await reserve_async(start_server(), "SKU-5"))["reserved"] == 1


@pytest.mark.failure(category="other", library="grpcio", shape="raised", cause="grpc-permission-denied")
def test_guest_checkout_reservation():
    client = ReservationClient(start_server(), tenant="guest")
    assert client.reserve("SKU-6")["reserved"] == 1
